/**
 * Planted names for the audit's and the rewriter's property tests: roster people from many naming traditions
 * (particles, hyphens, diacritics, a family name first, given names that are English words), each written in
 * every form (full, given, surname, possessive, initials, diacritics stripped, a surname one letter off, a
 * nickname, both words misheard) in every case (as written, lower, UPPER), in every position a note puts a name (a label, a trailing
 * attribution, a subject of saying, an aside, a wikilink, a WebVTT voice tag, a Slack export line, a Q&A author,
 * a Google Docs comment, a go-round, an object, an action's owner, a heading, a Welsh verb of saying, a sticky's
 * author, a compound of what they led).
 */
import {diminutivesOf} from '../../src/data/diminutives.js'
import {random} from './notes.js'
import type {Person} from '../../src/types.js'

export interface Planted {
  /** The line (or block) of notes with the name in it. */
  line: string
  /** Where the name is in the line. */
  start: number
  end: number
  /** The name as written. */
  written: string
  person: string
  form: string
  position: string
  writing: string
}

export const plantedPeople: Person[] = [
  {name: 'Nguyen Thi Lan', aliases: []},
  {name: 'Omar Al-Rashid', aliases: []},
  {name: 'Siobhán de Búrca', aliases: []},
  {name: 'Pieter van der Berg', aliases: []},
  {name: 'Summer Okonjo', aliases: []},
  {name: "Hazel O'Shaughnessy", aliases: []},
  {name: 'Chase Adeyinka', aliases: []},
  {name: 'Bartholomew Fenwick', aliases: ['Bart']},
]

const particles = new Set(['van', 'der', 'de', 'bin', 'al', 'o'])

function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/u)
    .filter((word) => !particles.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('')
}

const stripped = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '')

/** The surname with one letter dropped from its middle: `O'Shaughnessy` → `O'Shaugnessy`. */
function misspelt(surname: string): string {
  const at = Math.floor(surname.length / 2) + 1
  return surname.slice(0, at) + surname.slice(at + 1)
}

/** The forms of a person, with whether each is initials (only capitals make initials, outside a label). */
export function formsOf(person: Person): Array<{form: string; text: string; initials?: boolean; titled?: boolean}> {
  const words = person.name.split(' ')
  const given = words[0]!
  const surname = words.slice(1).join(' ')
  const lastWord = words.at(-1)!
  const forms: Array<{form: string; text: string; initials?: boolean; titled?: boolean}> = [
    {form: 'full', text: person.name},
    {form: 'given', text: given},
    {form: 'surname', text: surname},
    {form: 'initials', text: initialsOf(person.name), initials: true},
  ]
  if (stripped(person.name) !== person.name) forms.push({form: 'diacritics stripped', text: stripped(person.name)})
  if (lastWord.replace(/[^\p{L}]/gu, '').length >= 6) forms.push({form: 'surname one letter off', text: `${words.slice(0, -1).join(' ')} ${misspelt(lastWord)}`})
  for (const alias of person.aliases) forms.push({form: 'nickname', text: alias})
  // Speech-to-text's slip, both words a letter off (`Constant Read` of Constance Reed): a name of two plain words, in capitals.
  if (words.length === 2 && words.every((word) => /^\p{Lu}\p{Ll}{3,}$/u.test(word))) forms.push({form: 'misheard', text: words.map(misheard).join(' '), titled: true})
  return forms
}

/** One letter in the middle of a word heard as another: a vowel as the next vowel, a consonant as `r` (`r` as `l`). */
function misheard(word: string): string {
  const at = Math.floor(word.length / 2)
  const letter = word[at]!
  const vowels = 'aeiou'
  const heard = vowels.includes(letter) ? vowels[(vowels.indexOf(letter) + 1) % vowels.length]! : letter === 'r' ? 'l' : 'r'
  return word.slice(0, at) + heard + word.slice(at + 1)
}

/** Positions: `{n}` is the name. `label` positions are where lower-case initials are someone too. */
export const plantPositions: Array<{position: string; template: string; label?: boolean}> = [
  {position: 'speaker label', template: '- {n}: the rota is broken', label: true},
  {position: 'trailing attribution', template: '- "the rota is broken" — {n}'},
  {position: 'subject of saying', template: '- {n} said the rota is broken'},
  {position: 'according to', template: '- according to {n}, the rota is broken'},
  {position: 'aside', template: '- the rota is broken ({n})'},
  {position: 'wikilink', template: '- met with [[{n}]] about the rota'},
  {position: 'voice tag', template: '<v {n}>the rota is broken</v>'},
  {position: 'chat export line', template: '{n}  10:04 AM\nthe rota is broken'},
  {position: 'question author', template: 'Q ({n}): is the rota broken?', label: true},
  {position: 'comment export', template: '- [a]{n}: the rota is broken', label: true},
  {position: 'go-round', template: '- {n} — the rota is broken', label: true},
  {position: 'object', template: '- we asked {n} about the rota'},
  {position: 'action owner', template: '- {n} to send the rota', label: true},
  {position: 'heading', template: "### Breakout — {n}'s table"},
  // Held-out set 3's shapes (issue 15, stop 22): a Welsh verb of saying, a Miro sticky's author, what a person led.
  {position: 'Welsh verb of saying', template: "- mae'r rota wedi torri, meddai {n}"},
  {position: 'sticky author', template: '[sticky · pink] the rota is broken\nCreated by {n}'},
  {position: 'led by, as a compound', template: '- the {n}-led pilot fixed the rota'},
  // Held-out set 4's shapes (issue 15, stop 23): a label or an owner at a line's start inside a paragraph, after a soft
  // break, a hard break, a `<br>` or an outline's numbering on a line the parser splits off; a respondent's tag.
  {position: 'label after a soft break', template: 'the halls are full\n{n}: the rota is broken', label: true},
  {position: 'label after a hard break', template: 'the halls are full  \n{n}: the rota is broken', label: true},
  {position: "label on an outline's numbered line", template: '1. Rota\n1.1 the rota is broken #challenge\n   i. {n}: we tried a new one', label: true},
  {position: 'owner after a <br>', template: 'we met on the Tuesday.<br>- {n} to send the rota', label: true},
  {position: 'respondent tag', template: 'R2 ({n}): the rota is broken', label: true},
]

export const writings: Array<{writing: string; apply(text: string): string}> = [
  {writing: 'as written', apply: (text) => text},
  {writing: 'lower', apply: (text) => text.toLowerCase()},
  {writing: 'upper', apply: (text) => text.toUpperCase()},
]

/** Initials of the planted people that spell a word in lower case (`or` of Omar Al-Rashid): the word, even in a label. */
const spellWords = new Set(['or', 'so'])

/** Every person × form × position × writing, each its own line. Lower-case initials only in a label, and only where they spell no word. */
export function plantAll(people = plantedPeople): Planted[] {
  const planted: Planted[] = []
  for (const person of people) {
    for (const {form, text, initials, titled} of formsOf(person)) {
      for (const {position, template, label} of plantPositions) {
        for (const {writing, apply} of writings) {
          if (initials && writing === 'lower' && (!label || spellWords.has(text.toLowerCase()))) continue
          // A misheard name is a name by its capitals; in lower case or in capitals throughout it is two words.
          if (titled && writing !== 'as written') continue
          const written = initials && writing === 'as written' ? text : apply(text)
          const line = template.replace('{n}', written)
          const start = template.indexOf('{n}')
          planted.push({line, start, end: start + written.length, written, person: person.name, form, position, writing})
        }
      }
    }
  }
  return planted
}

/** Front matter for a roster. */
export function rosterFront(people = plantedPeople, title = 'Planted names'): string {
  const attendees = people.map((person) => `  - { name: "${person.name}"${person.aliases.length ? `, aliases: [${person.aliases.join(', ')}]` : ''} }`).join('\n')
  return `---\ntitle: ${title}\nattendees:\n${attendees}\nshare: [Leeds City Council]\n---\n`
}

/*
 * The generator of issue 15 (stop 24): realistic note lines with a roster name planted in every position a note puts
 * one — a subject, the object of a verb of giving, telling, asking or thanking, an oblique (`as noted by`), a
 * vocative, a compound (`the Okafor model`, `Okafor-led`), a plural possessive, the end of a sentence, brackets and
 * quotes, a link's label and its URL (markdown, reference, org-mode, raw HTML), an email in prose, a table cell, a
 * pasted TSV or CSV line, a heading — × every form (full, given, surname, initials with and without stops, honorific
 * and surname, diminutive, with and without diacritics, with a particle) × case, and the short forms of a roster
 * speaker's organisation beside a shared one's. Seeded, so a failure names its seed and reproduces.
 */

/** The generator's roster: given names that are English words, particles, diacritics, a diminutive, an honorific. */
export const generatorPeople: Person[] = [
  {name: 'Grant Okafor', org: 'Merthyr Tydfil County Borough Council', aliases: []},
  {name: 'Sue Field', org: 'Stockport Council', aliases: []},
  {name: 'Kofi Mensah', aliases: []},
  {name: 'Precious Moyo', honorific: 'Cllr', aliases: []},
  {name: 'Robin Shepherd', aliases: []},
  {name: 'Frank Osei', honorific: 'Dr', aliases: []},
  {name: 'Catherine Moran', aliases: []},
  {name: 'Omar al-Rashid', aliases: []},
  {name: 'Pieter van der Berg', aliases: []},
  {name: 'Aoife Ní Bhriain', aliases: []},
  {name: 'Rhys ap Gwilym', aliases: []},
  {name: 'Zoë Müller', aliases: []},
  {name: 'Will Barker', aliases: []},
  {name: 'Mark Hill', aliases: []},
  {name: 'Carol Rich', aliases: []},
  {name: 'Hope Walsh', aliases: []},
  {name: 'Faith Lewis', aliases: []},
  {name: 'Sky Patel', aliases: []},
]

/** Organisations named by design: their short forms are ordinary words of the report. */
export const generatorShare = ['Leeds City Council']

/** Given names and surnames of the roster that are also English words: in lower case they are the word outside a name position. */
const englishWords = new Set(['grant', 'sue', 'robin', 'precious', 'frank', 'will', 'mark', 'hope', 'faith', 'sky', 'field', 'hill', 'rich', 'carol', 'barker', 'shepherd'])

const generatorParticles = new Set(['al', 'van', 'der', 'ní', 'ni', 'ap', 'de'])

export interface GeneratedForm {
  form: string
  text: string
  /** Initials (only someone's in capitals, outside a label). */
  initials?: boolean
  /** Every word of it is an English word (`Grant`, `Mark Hill`): in lower case, a name only in a name position. */
  word?: boolean
  /** One word that is not a given name alone, for a plural possessive (`the Moyos'`). */
  family?: boolean
}

/** Every form notes write a roster person in. */
export function generatedForms(person: Person): GeneratedForm[] {
  const words = person.name.split(' ')
  const given = words[0]!
  const surname = words.slice(1).join(' ')
  const core = words.slice(1).filter((word) => !generatorParticles.has(word.toLowerCase())).join(' ').replace(/^al-/u, '')
  const letters = [given, ...words.slice(1).filter((word) => !generatorParticles.has(word.toLowerCase()))].map((word) => word.replace(/^al-/u, '')[0]!.toUpperCase())
  const isWord = (text: string) => text.split(/[\s-]+/u).every((part) => englishWords.has(part.toLowerCase()))
  const forms: GeneratedForm[] = [
    {form: 'full', text: person.name, word: isWord(person.name)},
    {form: 'given', text: given, word: isWord(given)},
    {form: 'surname', text: surname, word: isWord(surname), family: !surname.includes(' ')},
    {form: 'initials', text: letters.join(''), initials: true},
    {form: 'initials with stops', text: letters.map((letter) => `${letter}.`).join(''), initials: true},
    {form: 'initials with spaced stops', text: letters.map((letter) => `${letter}.`).join(' '), initials: true},
    {form: 'honorific and surname', text: `${person.honorific ?? (given === 'Sue' || given === 'Faith' ? 'Ms' : 'Mr')} ${surname}`},
  ]
  if (core !== surname) forms.push({form: 'surname without its particle', text: core, family: true})
  if (stripped(person.name) !== person.name) forms.push({form: 'without diacritics', text: stripped(person.name)})
  for (const short of diminutivesOf(given).filter((short) => short.length > 2).slice(0, 1)) forms.push({form: 'diminutive', text: short[0]!.toUpperCase() + short.slice(1), word: englishWords.has(short)})
  for (const alias of person.aliases) forms.push({form: 'alias', text: alias})
  return forms
}

/**
 * A position: `{n}` is the name, `{w}` a marker word that must reach the report or `left_out`, `{u}` the name as a URL
 * slug, `{e}` as an email's local part. `strong`: only a person fits, so a word-name goes even in lower case; elsewhere
 * a word-name is planted with its capital only, mid-sentence. `family`: only a one-word surname fits (`the {n}s'`).
 */
export interface GeneratedPosition {
  position: string
  template: string
  strong?: boolean
  family?: boolean
  /** Only a name written out (not initials) reads naturally here (a URL, an email, a plural possessive). */
  spelled?: boolean
  /** A heading: the notes' structure, not a note, so it need not reach the report itself. */
  structure?: boolean
}

export const generatedPositions: GeneratedPosition[] = [
  // Subjects.
  {position: 'subject', template: '- {n} ran the {w} pilot in the spring'},
  {position: 'subject of saying', template: '- {n} said the {w} is broken', strong: true},
  {position: 'possessive', template: "- {n}'s team kept a log of the {w}", strong: true},
  // Objects of giving, telling, asking, thanking.
  {position: 'object of giving', template: '- send {n} the {w} deck before Friday', strong: true},
  {position: 'object of giving (give)', template: '- give {n} the keys to the {w}', strong: true},
  {position: 'object of showing', template: '- show {n} the new {w} form', strong: true},
  {position: 'object of asking', template: '- ask {n} about the {w}', strong: true},
  {position: 'object of telling', template: '- tell {n} the {w} moved', strong: true},
  {position: 'thanks to', template: '- thanks to {n} for the {w} minutes', strong: true},
  {position: 'cc', template: '- cc {n} on the {w} thread', strong: true},
  {position: 'owed', template: '- we owe {n} a thank-you for the {w}', strong: true},
  // Obliques.
  {position: 'noted by', template: '- as noted by {n}, the {w} is broken', strong: true},
  {position: 'according to', template: '- according to {n}, the {w} is broken', strong: true},
  {position: 'says, after', template: '- the {w} is broken, says {n}', strong: true},
  // A vocative.
  {position: 'vocative', template: '- {n}, you said the {w} was broken', strong: true},
  // Compounds.
  {position: 'compound', template: '- the {n} model worked for the {w}'},
  {position: 'compound with -style', template: '- a {n}-style {w} for every ward'},
  {position: 'compound with -led', template: '- the {n}-led {w} pilot fixed it', strong: true},
  // A plural possessive.
  {position: 'plural possessive', template: "- the {n}s' {w} was the first to open", family: true},
  // The end of a sentence.
  {position: 'sentence-final', template: '- the best {w} idea came from {n}.'},
  {position: 'sentence-final, a second sentence', template: '- We fixed the {w}. The credit goes to {n}.'},
  // Brackets and quotes.
  {position: 'aside in brackets', template: '- the {w} is broken ({n})', strong: true},
  {position: 'aside in square brackets', template: '- the {w} is broken [{n}]', strong: true},
  {position: 'quoted, said', template: '- "the {w} is broken," said {n}', strong: true},
  {position: 'in quotes', template: '- we call it the "{n} rule" for the {w}'},
  // Links: a label and a URL, in every syntax notes paste.
  {position: 'markdown link label', template: '- the {w} slides from [{n}](https://example.org/slides)', strong: true},
  {position: 'markdown link URL', template: '- the {w} slides are [here](https://example.org/people/{u})', spelled: true},
  {position: 'reference link label', template: '- the {w} slides from [{n}][1]\n\n[1]: https://example.org/slides', strong: true},
  {position: 'reference link URL', template: '- the {w} slides are [here][1]\n\n[1]: https://example.org/people/{u}', spelled: true},
  {position: 'org-mode link label', template: '- the {w} slides from [[https://example.org/slides][{n}]]', strong: true},
  {position: 'org-mode link URL', template: '- the {w} slides are [[https://example.org/people/{u}][here]]', spelled: true},
  {position: 'HTML link label', template: '- the {w} slides from <a href="https://example.org/slides">{n}</a>', strong: true},
  {position: 'HTML link URL', template: '- the {w} slides are <a href="https://example.org/people/{u}">here</a>', spelled: true},
  {position: 'bare URL', template: '- the {w} slides are at https://example.org/people/{u}/deck', spelled: true},
  // An email in prose.
  {position: 'email in prose', template: '- write to {e}@example.org for the {w} figures', spelled: true},
  // Table cells and pasted lines.
  {position: 'table cell, first', template: '| Who | What |\n| --- | --- |\n| {n} | the {w} is broken |', strong: true},
  {position: 'table cell, last', template: '| What | Lead |\n| --- | --- |\n| the {w} is broken | {n} |', strong: true},
  {position: 'pasted TSV line', template: '{n}\tthe {w} is broken\tchallenge', strong: true},
  {position: 'pasted CSV line', template: '"the {w} is broken",{n},challenge', strong: true},
  // Headings.
  {position: 'heading', template: "### Breakout on the {w} — {n}'s table", strong: true, structure: true},
  {position: 'heading, notes from', template: '### Notes on the {w} from {n}', structure: true},
]

/** Roster word-names in their ordinary uses, and words the tagger took for people: each line must reach the report with the word as written. */
export const wordUses: Array<[string, string]> = [
  ['- we will review the {w} next week', 'will'],
  ['- mark the date for the {w} in your diary', 'mark'],
  ['- a grant that lands in March pays for the {w}', 'grant'],
  ['- rich data from the {w} survey', 'rich'],
  ['- we hope the {w} reopens', 'hope'],
  ['- faith in the {w} is low', 'faith'],
  ['- sky-high rents around the {w}', 'sky'],
  ['- a frank talk about the {w} budget', 'frank'],
  ['- precious little time for the {w}', 'precious'],
  ['- the carol service in the {w}', 'carol'],
  ['- a robin nested by the {w}', 'robin'],
  ['- a field trip to the {w}', 'field'],
  ['- up the hill to the {w}', 'hill'],
  ['- they may sue over the {w}', 'sue'],
  ['- Leeds ran the {w} pilot first', 'Leeds'],
  ['- the {w} in Leeds City Council is open late', 'Leeds City Council'],
  // Over-redaction seen on fresh notes (issue 15, stop 25) and its kin (`a field-style survey` is kept by the rewriter but
  // refused by the audit's row for a practice named after someone: tests/anonymise/over-redaction.test.ts): a word-surname in a compound, what a
  // name-led compound qualifies, a note after a table's label with a handle, public bodies' acronyms, named campaigns and
  // weeks, agenda items.
  ['- a hill-top {w} with a view', 'hill-top'],
  ['- the Mr Hill-led {w} pilot fixed it', 'allotment'],
  ['- a Moyo-style {w} for every ward', 'allotment'],
  ['table 3 (@handle): tech and tea mornings at the {w}', 'tech'],
  ['- Defra funded the {w}', 'Defra'],
  ['- DWP changed the rules for the {w}', 'DWP'],
  ['- Ofsted visited the {w} nursery', 'Ofsted'],
  ['- Scams Awareness Fortnight ran at the {w}', 'Scams Awareness Fortnight'],
  ['- we joined Volunteers Week with a stall at the {w}', 'Volunteers Week'],
  ['- Intro and housekeeping at the {w}', 'Intro'],
  ['- Welcome and introductions in the {w}', 'Welcome'],
]

/** A roster speaker's organisation in short forms (a leak), beside the shared one's (not). */
export const orgPositions: GeneratedPosition[] = [
  {position: 'organisation short form, place', template: '- over in {n} the {w} became the hub'},
  {position: 'organisation short form, possessive', template: "- {n}'s {w} pilot was the model", strong: true},
  {position: 'organisation short form, aside', template: '- the {w} is broken ({n})', strong: true},
  {position: 'organisation short form, heading', template: '### The {w} in {n}', strong: true, structure: true},
]

export const orgForms: Array<{org: string; text: string}> = [
  {org: 'Merthyr Tydfil County Borough Council', text: 'Merthyr'},
  {org: 'Merthyr Tydfil County Borough Council', text: 'Merthyr Tydfil'},
  {org: 'Stockport Council', text: 'Stockport'},
]

/** Marker words, one per line of a generated file: each must reach the report or `left_out`. */
export const markerWords = ['allotment', 'minibus', 'kiosk', 'foodbank', 'laundrette', 'bandstand', 'boathouse', 'bakery', 'pavilion', 'greenhouse', 'workshop', 'chapel', 'depot', 'orchard', 'canteen', 'ferry', 'gazebo', 'hostel', 'jetty', 'lido', 'marquee', 'nursery', 'observatory', 'pantry', 'quarry', 'rectory', 'sawmill', 'tannery', 'viaduct', 'warehouse', 'arcade', 'boatyard', 'creamery', 'dairy', 'estuary', 'forge', 'granary', 'hangar', 'infirmary', 'kennel', 'library', 'mill', 'nave', 'orangery', 'piazza', 'rotunda', 'scullery', 'terrace', 'vestry', 'wharf']

export interface GeneratedCase {
  line: string
  marker: string
  /** Words that must not reach any output (folded), and initials (as written, in capitals). */
  banned: string[]
  bannedInitials: string[]
  person: string
  form: string
  position: string
  writing: string
  structure?: boolean
  /** Where the line starts in its generated file (1-based), once batched. */
  lineNo?: number
}

const slug = (text: string) => stripped(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

/** Every case of the generator: person × form × position × writing, with the rules above for word-names and initials. */
export function generateCases(people = generatorPeople): GeneratedCase[] {
  const cases: GeneratedCase[] = []
  for (const person of people) {
    for (const form of generatedForms(person)) {
      for (const position of generatedPositions) {
        if (position.family && !form.family) continue
        if (position.spelled && form.initials) continue
        for (const {writing, apply} of writings) {
          // Initials in lower case are a word (`km`, `so`); a word-name in lower case or capitals is a name only where only a person fits.
          // Initials are written in capitals (`upper` is `as written`), and are someone's only where only a person fits (`the PM model`).
          if (form.initials && (writing !== 'as written' || !position.strong)) continue
          if (form.word && writing !== 'as written' && !position.strong) continue
          // A word-name opening a line outside a name position (`- Grant ran …`) could be the word capitalised: planted mid-sentence only.
          if (form.word && !position.strong && /^- \{n\}/u.test(position.template)) continue
          const written = apply(form.text)
          const line = position.template.replace('{n}', written).replace('{u}', slug(written)).replace('{e}', slug(written).replace(/-/g, '.'))
          const banned = form.initials ? [] : [...new Set([...stripped(written).toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]).filter((word) => word.length > 1 && !generatorParticles.has(word) && !['mr', 'ms', 'dr', 'cllr'].includes(word)))]
          cases.push({line, marker: '', banned, bannedInitials: form.initials ? [form.text] : [], person: person.name, form: form.form, position: position.position, writing, ...(position.structure ? {structure: true} : {})})
        }
      }
    }
  }
  return cases
}

/** Organisation cases: a roster speaker's short forms, in each position and writing. */
export function generateOrgCases(): GeneratedCase[] {
  const cases: GeneratedCase[] = []
  for (const {org, text} of orgForms) {
    for (const position of orgPositions) {
      for (const {writing, apply} of writings) {
        if (writing !== 'as written' && !position.strong) continue
        const written = apply(text)
        cases.push({line: position.template.replace('{n}', written), marker: '', banned: text.toLowerCase().split(' '), bannedInitials: [], person: org, form: 'organisation short form', position: position.position, writing, ...(position.structure ? {structure: true} : {})})
      }
    }
  }
  return cases
}

/** A seeded shuffle (notes.ts's mulberry32), so a sample is reproducible from its seed. */
export function shuffle<T>(list: T[], seed: number): T[] {
  const next = random(seed)
  const copy = [...list]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other]!, copy[index]!]
  }
  return copy
}

/**
 * Cases in files of one line a person (so a word of a name in an output is one case's), each line its own marker word,
 * between lines of control notes.
 */
export function batchCases(cases: GeneratedCase[]): Array<{value: string; cases: GeneratedCase[]}> {
  const queues = new Map<string, GeneratedCase[]>()
  for (const entry of cases) queues.set(entry.person, [...(queues.get(entry.person) ?? []), entry])
  const files: Array<{value: string; cases: GeneratedCase[]}> = []
  while ([...queues.values()].some((queue) => queue.length > 0)) {
    const chunk = [...queues.values()].filter((queue) => queue.length > 0).map((queue) => queue.shift()!)
    const marked = chunk.map((entry, index) => ({...entry, line: entry.line.replaceAll('{w}', markerWords[index]!), marker: markerWords[index]!}))
    const head = `${generatorFront()}\n## Notes\n\n`
    let lineNo = head.split('\n').length
    for (const entry of marked) {
      entry.lineNo = lineNo
      lineNo += entry.line.split('\n').length + 3
    }
    const body = marked.map((entry) => `${entry.line}\n\n- residents want to be asked earlier\n`).join('\n')
    files.push({value: `${head}${body}`, cases: marked})
  }
  return files
}

export function generatorFront(): string {
  const attendees = generatorPeople
    .map((person) => `  - { name: "${person.honorific ? `${person.honorific} ` : ''}${person.name}"${person.org ? `, org: "${person.org}"` : ''} }`)
    .join('\n')
  return `---\ntitle: Generated names\nattendees:\n${attendees}\nshare: [${generatorShare.join(', ')}]\n---\n`
}
