/**
 * Planted names for the audit's and the rewriter's property tests: roster people from many naming traditions
 * (particles, hyphens, diacritics, a family name first, given names that are English words), each written in
 * every form (full, given, surname, possessive, initials, diacritics stripped, a surname one letter off, a
 * nickname, both words misheard) in every case (as written, lower, UPPER), in every position a note puts a name (a label, a trailing
 * attribution, a subject of saying, an aside, a wikilink, a WebVTT voice tag, a Slack export line, a Q&A author,
 * a Google Docs comment, a go-round, an object, an action's owner, a heading, a Welsh verb of saying, a sticky's
 * author, a compound of what they led).
 */
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
