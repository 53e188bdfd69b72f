/**
 * The paranoid audit: a second opinion that shares no code with the
 * anonymiser's finder (it imports nothing from `src/anonymise`), so that
 * what the finder misses, it does not miss too.
 *
 * It is deliberately simple. Every word of every roster name (given names,
 * surnames, middle names, aliases, each part of a hyphenated name), in any
 * case and with diacritics folded, is a leak wherever it is found in an
 * output; so are a person's initials written in capitals, and the words
 * of the short form of an unshared speaker's organisation written with a
 * capital. The exceptions are only these:
 *
 * - the phrases named by design: `share`, and the host, partner, venue and
 *   foreword's author of the front matter;
 * - an ordinary use the anonymiser recorded positively, word for word with
 *   the words around it (`carol concerts`, `we will`, a public URL): see
 *   `ordinaryUse`, which the anonymiser calls for each use it decides to keep.
 * - what the audit itself reads as something else, by its shape alone: a
 *   month's name in a date (`14 March 2019`, the report's own date line,
 *   which the anonymiser never sees), a language tag's region (`en-GB`), and
 *   capitals in brackets after the words they spell (`participatory
 *   budgeting (PB)`), which define an abbreviation rather than name someone
 *   in an aside.
 *
 * None of these holds in a name position (`June: …`, `PB said`, `PB:`).
 *
 * It over-flags by design: a word of a name that reached the report in a
 * context the anonymiser never saw (a heading the grouping made, a brand's
 * footer) is reported, and the message says how to mark it as ordinary.
 */
import {distance} from 'fastest-levenshtein'
import {diminutivesOf} from '../data/diminutives.js'
import type {NotesMeta, Roster} from '../types.js'
import {Memo} from '../util/memo.js'
import {matchesOf} from '../util/matches.js'
import {councilAreaKey, placesInCouncilArea, placeWordsInCouncilArea} from '../data/council-areas.js'

/** A word that the paranoid audit found in an output. */
export interface Suspect {
  text: string
  /** The roster entry or organisation it belongs to; never printed in a report. */
  person: string
  kind: 'person' | 'organisation' | 'contact'
  start: number
  end: number
  /** A name position the word is in (`a label`, `the object of a person verb`): a leak even where the anonymiser recorded an ordinary use. */
  position?: string
  /** A capitalised word on no roster, in a position only a person fills (`R2 (Jordan):`): someone the notes name who was not in the room. */
  unrostered?: boolean
}

const wordPattern = /[\p{L}\p{N}]+/gu
const marks = /\p{M}+/gu
const letters: Record<string, string> = {ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i'}
const unusual = /[øæœßđłþðı]/gu
const ascii = /^[\x00-\x7f]*$/u
// Linear on any length (a hostile word of a million letters): one pass for the class, then the first zero.
const ocrZero = /^(?=[\p{L}0]*$)(?=(?:0*\p{L}){2})\p{L}*0/u

/**
 * Words as folded, remembered (bounded): the same words come back in every block, and the audit folds each one it reads.
 * Only short words are remembered (see `Memo`'s `maxKeyLength`): a longer one would hold the text it was cut from.
 */
const foldedWords = new Memo<string>({limit: 20_000, maxKeyLength: 13})

/** A word as the audit compares it: lower case, without accents. */
export function foldWord(word: string): string {
  return foldedWords.get(word, foldOnce)
}

function foldOnce(word: string): string {
  // A scanned flipchart's `R0SA` is Rosa: a word of letters with zeros for O's, and no other digit.
  if (word.includes('0') && ocrZero.test(word)) word = word.replace(/0/g, 'o')
  // ASCII is its own NFKD form, with no marks and none of the letters above: only the case is left to fold.
  if (ascii.test(word)) return word.toLowerCase()
  return word.normalize('NFKD').replace(marks, '').toLowerCase().replace(unusual, (letter) => letters[letter] ?? letter)
}

interface Word {
  key: string
  text: string
  start: number
  end: number
}

function wordsOf(text: string): Word[] {
  const words: Word[] = []
  for (const match of matchesOf(wordPattern, text)) words.push({key: foldWord(match[0]), text: match[0], start: match.index, end: match.index + match[0].length})
  return words
}

/**
 * The record of an ordinary use of the words at `start…end` of `value`: those words with the word
 * before and the word after on the same line, folded and joined by spaces. The anonymiser calls this
 * where it decides to leave a name's word as it is; the audit accepts that word only with the same
 * neighbours (a side the record does not have, at the edge of a line, matches anything).
 */
export function ordinaryUse(value: string, start: number, end: number): string {
  const lineStart = value.lastIndexOf('\n', start - 1) + 1
  let lineEnd = value.indexOf('\n', end)
  if (lineEnd === -1) lineEnd = value.length
  const before = wordsOf(value.slice(lineStart, start)).at(-1)
  const inside = wordsOf(value.slice(start, end))
  const after = wordsOf(value.slice(end, lineEnd))[0]
  return [before ? before.key : '^', ...inside.map((word) => word.key), after ? after.key : '$'].join(' ')
}

/** Words that never identify an organisation on their own. */
const generic = new Set([
  'the', 'of', 'and', 'with', 'upon', 'on', 'in', 'council', 'city', 'county', 'borough', 'district', 'town', 'parish', 'metropolitan', 'royal',
  'london', 'combined', 'authority', 'mayoral', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
  'greater', 'new', 'st', 'saint', 'upper', 'lower', 'great', 'little', 'mid', 'nhs', 'trust', 'foundation', 'partnership', 'group', 'ltd',
  'limited', 'cc', 'bc', 'mbc', 'lb', 'of', 'integrated', 'care', 'board', 'icb', 'services', 'service', 'university', 'college', 'school',
  // Kinds of health and voluntary bodies, named by their initials: a primary care network, a clinical commissioning group.
  'pcn', 'ccg', 'ics', 'cvs', 'cic', 'hscp', 'hsct',
  // What kind of body it is (`Friends of Hebden Library`, `Safe Lives Scotland Forum`): every body of that kind has the word.
  'library', 'libraries', 'friends', 'network', 'networks', 'association', 'society', 'alliance', 'forum', 'federation', 'institute',
  'institution', 'agency', 'commission', 'office', 'department', 'ministry', 'centre', 'center', 'centres', 'hub', 'project', 'projects',
  'programme', 'action', 'housing', 'community', 'communities', 'voluntary', 'volunteer', 'volunteers', 'volunteering', 'charity', 'fund', 'support', 'advice', 'citizens', 'carers',
  'women', 'womens', 'men', 'youth', 'older', 'people', 'children', 'family', 'families', 'health', 'hospital', 'hospitals', 'clinic',
  'practice', 'surgery', 'church', 'mosque', 'temple', 'synagogue', 'gurdwara', 'club', 'union', 'cooperative', 'co', 'op', 'collective',
  'consortium', 'coalition', 'campaign', 'initiative', 'hospice', 'police', 'fire', 'rescue', 'ambulance', 'academy', 'education',
  'learning', 'skills', 'work', 'works', 'employment', 'enterprise', 'enterprises', 'company', 'residents', 'tenants', 'neighbourhood',
  'neighbourhoods', 'association', 'associations', 'team', 'unit', 'panel', 'committee', 'council\'s', 'county\'s', 'national', 'regional',
  'local', 'public', 'social', 'mental', 'disability', 'disabled', 'sports', 'arts', 'museum', 'museums', 'gallery', 'theatre', 'centre\'s',
  'safeguarding', 'board', 'partnerships', 'services', 'schools', 'colleges', 'universities', 'uk', 'gb', 'britain', 'british', 'england',
  'english', 'scotland', 'scottish', 'wales', 'welsh', 'ireland', 'irish', 'cymru', 'alba',
])

/**
 * A country or a language (`Scotland`, `Somali`, `Polish`): a word of many bodies' names that identifies none of them. Node's ICU
 * names every region and language code; a name of one word is taken. Built once, on first use.
 */
let areaWords: Set<string> | undefined
function isAreaOrLanguage(key: string): boolean {
  if (!areaWords) {
    areaWords = new Set()
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const regions = new Intl.DisplayNames(['en'], {type: 'region', fallback: 'none'})
    const languages = new Intl.DisplayNames(['en'], {type: 'language', fallback: 'none'})
    for (const a of letters) for (const b of letters) {
      for (const name of [regions.of(`${a}${b}`.toUpperCase()), languages.of(`${a}${b}`)]) {
        if (name && /^\p{L}+$/u.test(name)) areaWords.add(foldWord(name))
      }
    }
  }
  return areaWords.has(key)
}

/** Particles of names: `van der Berg`, `ap Rhys`; not words of a name on their own. */
const particles = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ap', 'ab', 'o', 'mac', 'mc', 'st', 'ter', 'ten', 'zu'])

const nameWords = (name: string) => wordsOf(name).filter((word) => word.key.length > 1 && !particles.has(word.key))

/** Is the line around `index` set in capitals (a heading read back from a PDF)? There, `GO` is a word, not initials. */
function inCapitals(text: string, index: number): boolean {
  const start = text.lastIndexOf('\n', index) + 1
  let end = text.indexOf('\n', index)
  if (end === -1) end = text.length
  const line = text.slice(start, end)
  return line === line.toUpperCase()
}

/** A language tag's region (`en-GB`, `cy-GB`): the page's language, never someone's initials. */
function inLanguageTag(text: string, word: Word): boolean {
  return /(?<![\p{L}\p{N}])[a-z]{2,3}-$/u.test(text.slice(Math.max(0, word.start - 4), word.start)) && !/^-?[\p{L}\p{N}]/u.test(text.slice(word.end, word.end + 2))
}

const months = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'])
/** A day before a month: `14 March`, `1st of June` (not a time's minutes, `10:30 June`). */
const dayBefore = /(?<![\p{L}\p{N}:.])\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$/u
/** A year or a day after a month: `March 2019`, `June 14` (not a time, `June 10:30`). */
const yearOrDayAfter = /^,?\s+(?:\d{4}|\d{1,2}(?:st|nd|rd|th)?)(?![\p{L}\p{N}:.])/u

/**
 * Is a month's name written as part of a date (`14 March 2019`, `March 2019`, `June 14`)? The report's
 * own date line is made from the front matter, never seen by the rewriter: there `March` is the month,
 * whoever's town council shares its name.
 */
function inDate(text: string, word: Word): boolean {
  if (!months.has(word.key)) return false
  return dayBefore.test(text.slice(Math.max(0, word.start - 12), word.start)) || yearOrDayAfter.test(text.slice(word.end, word.end + 12))
}

/**
 * Name positions, the audit's own and deliberately simple: where a word can only be a person, a word of a
 * roster name is a leak even where the anonymiser recorded it as an ordinary use (`- dawn: …`, `bill
 * said`, `as faith put it`, `dawn here —`, `@rob`, `chase rob`, `(rob)`, `… – bill`). Each is the text
 * before the word on its line and the text after it; both must match.
 */
const positionEnd = String.raw`(?=\s*(?:$|[,.;:!?)\]"”'’&+]|[-–—](?!\p{L}))|\s+(?:about|re|on|for|to|and|or|when|if|again|today|tomorrow|later|asap|please|by|with|in|at|before|after|back|yesterday|last|earlier|soon)(?!\p{L}))`
const speech = String.raw`said|says|reckons|reckoned|thinks|thought|asked|asks|told|tells|mentioned|suggested|agreed|argued|explained|noted|added|replied|wrote|put\s+it|puts\s+it|pointed\s+out|made\s+the\s+point|chaired|facilitated|presented|hosted`
const determiner = /(?:^|[^\p{L}])(?:the|a|an|this|that|these|those|our|my|your|their|his|her|its|every|each|any|some|no|one)\s+$/iu
/**
 * Do the words before a bracket spell the capitals in it (`participatory budgeting (PB)`)? Then the bracket
 * defines an abbreviation: it is not an aside naming someone. (A name spelled out before its initials,
 * `Priya Black (PB)`, is a leak by its own words.)
 */
function definesAbbreviation(before: string, word: string): boolean {
  if (word.length < 2 || word !== word.toUpperCase()) return false
  const initials = [...before.matchAll(wordPattern)].map((match) => match[0][0]!.toLowerCase())
  const minor = [...before.matchAll(wordPattern)].filter((match) => !minorWords.has(match[0].toLowerCase())).map((match) => match[0][0]!.toLowerCase())
  const wanted = word.toLowerCase()
  return initials.slice(-wanted.length).join('') === wanted || minor.slice(-wanted.length).join('') === wanted
}
const minorWords = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on'])

/** Verbs a person does, after a capitalised word at the start of a sentence: `Summer ran the pilot`, `Hazel thinks`. The audit's own list. */
const agentVerbs = String.raw`let|lets|paid|pays|put|puts|cut|cuts|kept|keeps|spent|spends|sold|sells|shut|shuts|ran|runs|led|leads|made|makes|took|takes|built|builds|started|starts|set\s+up|sets\s+up|gave|gives|went|goes|found|finds|wrote|writes|brought|brings|told|tells|chaired|chairs|hosted|hosts|presented|presents|explained|explains|described|describes|pointed|points|joined|joins|left|moved|managed|manages|worked|works|wants|wanted|thinks|thought|believes|believed|knows|knew|feels|felt|reckons|reckoned|argues|argued|suggests|suggested|says|said|asked|asks|noted|notes|added|adds|agreed|agrees|mentioned|mentions|shared|shares|raised|raises|flagged|flags|warned|warns|admitted|admits|described|recalled|recalls|wondered|wonders|proposed|proposes|offered|offers|sent|sends|emailed|emails|called|calls|met|meets|visited|visits|leads|launched|launches|designed|designs|commissioned|commissions|funded|funds|organised|organises|organized|organizes|introduced|introduces|pushed|pushes|championed|champions|owns|owned|drafted|drafts|wants|needs|needed|tried|tries|spoke|speaks|talked|talks|walked|walks|closed|closes|opened|opens|showed|shows|promised|promises|volunteered|volunteers|won|wins|came|comes|got|gets|has\s+been|had\s+been|will\s+send|will\s+share|can\s+share|could\s+share|would\s+like`

/** The start of a sentence: the start of the line after only marks, or after a full stop. */
const sentenceHead = /(?:^[^\p{L}\p{N}]*|[.!?]\s+)$/u

/** An outline's numbering (`i.`, `b)`) and a field's name (`Follow-up::`) before a label or an owner. */
/** A sentence's end or a `<br>` inside a line, and the marks after it; bounded, so that a line of dots is read in linear time. */
const sentenceBreak = String.raw`(?:[.!?]["”’)]{0,3}\s{1,4}|<br\s{0,2}\/?>)[^\p{L}]{0,12}`
const outlineOrField = String.raw`(?:(?:[ivxlc]{1,6}|[a-z])[.)]\s+)?(?:\p{L}[\p{L} /-]{0,30}::\s*)?`

/**
 * Words of time a speaker's label may carry between the name and its colon (`Grant again:`, `Sue later, on budgets:`,
 * `Mark (cont'd):`): the label is still the name's. The audit's own list.
 */
const labelTime = String.raw`(?:(?:,?\s+(?:again|later|earlier|then|now|today|yesterday|too|also|once\s+more|continued|cont['’]?d|contd|later\s+on|back)(?![\p{L}'’]))+(?:,?\s+on\s+[^:\n]{1,60}(?=:))?)?`

/** `afterDeterminer`: the position holds after `the`, `a`… too (`the dawn-led pilot`); every other row does not (`the dawn chorus`). */
export const auditNamePositions: Array<{rule: string; before: RegExp; after: RegExp; unless?: (before: string, word: string) => boolean; capital?: boolean; afterDeterminer?: boolean}> = [
  {rule: 'a label: `^\\W*name:`', before: /^[^\p{L}]*(?:(?:[ivxlc]{1,6}|[a-z])[.)]\s+)?(?:\p{L}[\p{L} /-]{0,30}::\s*)?(?:\p{L}+(?:\s*[/&+,]|\s+w\/)\s*)*$/iu, after: new RegExp(String.raw`^(?:(?:\s*[/&+,]|\s+w\/)\s*\p{L}+)*${labelTime}(?:\s*\([^()]{1,40}\))?${labelTime}[*_\]]*\s*(?::|[-–—→⇒]\s|[-=]>\s)`, 'iu')},
  // The same after a sentence's end or a `<br>` on the line (`…reopen. i. May: one block`, `…the Tuesday.<br>Grace: …`): a
  // line's start that a PDF's joined paragraph, or a parser's joined outline lines, wrote inside the line. A colon only.
  {rule: 'a label after a sentence: `… . name:`', before: new RegExp(String.raw`${sentenceBreak}${outlineOrField}(?:\p{L}+\s*[/&+,]\s*)*$`, 'iu'), after: new RegExp(String.raw`^(?:\s*[/&+,]\s*\p{L}+)*${labelTime}(?:\s*\([^()]{1,40}\))?${labelTime}[*_\]]*\s*:(?!\/)`, 'iu')},
  // `Brook Halvorsen —`, `Pieter van der Berg:`: a label of several capitalised words (a go-round, a transcript).
  {rule: 'a label of a full name: `First Last:`', before: /^[^\p{L}]*(?:\p{Lu}[\p{L}'’.-]*\s+|(?:van|von|de|der|den|da|di|du|del|bin|ibn|al|el|ap|ni|nic|mac|ó|o)\s+){0,4}$/u, after: /^(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|da|di|du|del|bin|ibn|al|el|ap|ni|nic|mac)){0,4}(?:\s*\([^()]{1,40}\))?(?:,?\s+(?:again|later|earlier|too|also|cont['’]?d|contd|continued)(?!\p{L}))*[*_\]]*\s*(?::|[-–—]\s)/u},
  // `Interviewer: Frank, Interviewee: Hope`, `(scribe: Dawn)`: who had a role, after its label.
  {rule: 'after a role label: `interviewer: name`', before: /(?:^|[^\p{L}])(?:interviewer|interviewee|chair|co-chair|chairs|facilitator|facilitated\s+by|host|moderator|scribe|note-?taker|minute-?taker|presenter|rapporteur|timekeeper|reporter)\s*[:=–—-]\s*$/iu, after: /^\s*(?:[,;)\]*_.|]|$|\s+(?:and|&)\s)/u},
  // WebVTT and Teams transcripts: `<v Omar Al-Rashid>text</v>`.
  {rule: 'a voice tag: `<v name>`', before: /<v(?:\.[\w.-]+)?\s+(?:[^<>\n]{0,60}\s)?$/u, after: /^[^<>\n]{0,60}>/u},
  // Obsidian, Notion and Roam: `[[Hazel Mbatha]]`, `[[Nnamdi Eze|Nam]]`, a link to a person's page.
  {rule: 'a wikilink: `[[name]]`', before: /\[\[[^[\]\n]{0,60}$/u, after: /^[^[\]\n]{0,60}\]\]/u},
  // A Slack or Teams export's author line: `Holly Desai  10:04 AM`.
  {rule: 'a chat export line: `name  10:04 AM`', before: /^[^\p{L}]*(?:[\p{L}'’.-]+\s+){0,3}$/u, after: /^(?:\s+[\p{L}'’.-]+){0,3}\s+\[?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\]?\s*$/u},
  // An interview or Q&A: `Q (Hazel):`, `A (Bart):`, `Question (Brook Halvorsen):`.
  // A research interview's respondent tag too: `R2 (Jordan):`, `P3 (cm):`.
  {rule: "a question's author: `Q (name):`", before: /^[^\p{L}]*(?:q|a|question|answer|q\d+|a\d+|(?:r|p|pp|yp|resp|respondent|participant|interviewee)\s*(?:\d{1,3}|[a-h]))\s*\(\s*(?:[\p{L}'’.-]+\s+){0,3}$/iu, after: /^(?:\s+[\p{L}'’.-]+){0,3}\s*\)\s*:/u},
  // A Google Docs comment export: `[a]Róisín Ní Cheallaigh: …`.
  {rule: 'a comment export: `[a]name:`', before: /^[^\p{L}]*\[[a-z0-9]{1,3}\]\s*(?:[\p{L}'’.-]+\s+){0,3}$/iu, after: /^(?:\s+[\p{L}'’.-]+){0,3}\s*:/u},
  // `Summer ran the pilot`, `Hazel and Brook led the session`: a capitalised word that opens a sentence, then a verb a person does.
  {rule: 'the subject of a verb: `Summer ran the pilot`', capital: true, before: sentenceHead, after: new RegExp(String.raw`^(?:,[^,\n]{1,40},)?(?:\s*(?:[,&+/]|\sand)\s*\p{L}+){0,2}\s+(?:also\s+|then\s+|just\s+|later\s+)?(?:${agentVerbs})(?!\p{L})`, 'u')},
  {rule: 'a label: `from name:`', before: /(?:^|[^\p{L}])(?:from|via)\s+$/iu, after: /^\s*:/u},
  {rule: 'addressed: `name, can you`', before: /^[^\p{L}]*$/u, after: /^\s*[,—–-]\s*(?:(?:can|could|would|will|do|did|are|have)\s+you|you\s+(?:said|mentioned|asked|raised|made)|pls|please)(?!\p{L})/iu},
  {rule: 'credited: `point from name`', before: /(?:^|[^\p{L}])(?:point|question|comment|idea|quote|q|reply|message|note|shout[- ]?out|kudos|credit|thanks)\s+(?:from|to|by)\s+$/iu, after: new RegExp(`^${positionEnd}`, 'iu')},
  {rule: 'addressed: `over to you, name`', before: /(?:^|[^\p{L}])(?:over\s+to\s+you|nice\s+one|well\s+done|good\s+point|great\s+point|sorry|bye)[,!]?\s+$/iu, after: new RegExp(`^${positionEnd}`, 'iu')},
  {rule: 'et al.', before: /^/u, after: /^\s+et\s+al(?!\p{L})/iu},
  {rule: 'alone in a note', before: /^[^\p{L}\p{N}]*$/u, after: /^[^\p{L}\p{N}]*$/u},
  {rule: 'before contact details', before: /^[^\p{L}]*$/u, after: /^\s*[:–—-]?\s*(?:@[\p{L}\p{N}_]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.|https?:\/\/|www\.|\+?\d[\d ()-]{6,}\d)/u},
  {rule: 'a label after a timestamp', before: /^[^\p{L}]*\d[:.]\d\d[^\p{L}]*$/u, after: /^\s+[-–—]\s/u},
  {rule: 'the subject of a verb of saying', before: /(?:^|[^\p{L}\s]\s*|(?:^|[^\p{L}])(?:and|but|so|as|then|also)\s+)$/iu, after: new RegExp(String.raw`^(?:\s*(?:[,&+/]|\sand)\s*\p{L}+){0,3}\s+(?:both\s+|all\s+)?(?:also\s+|just\s+)?(?:${speech})(?!\p{L})`, 'iu')},
  // `Bobby from our contact centre says`, `as Jane from Wigan said`: where the speaker is from, between them and the verb.
  {rule: 'the subject of saying, with where from: `name from X said`', before: /(?:^|[^\p{L}\s]\s*|(?:^|[^\p{L}])(?:and|but|so|as|then|also)\s+)$/iu, after: new RegExp(String.raw`^\s+from\s+(?:[\p{L}\p{N}&'’.-]+\s+){1,5}(?:also\s+|just\s+)?(?:${speech})(?!\p{L})`, 'iu')},
  {rule: 'according to', before: /(?:^|[^\p{L}])according\s+to\s+$/iu, after: /^/u},
  // `meddai Haf`, `yn ôl Eira` (Welsh), `arsa`, `dúirt` (Irish).
  {rule: 'after a verb of saying', before: /(?:^|[^\p{L}])(?:my\s+name\s+is|call\s+me|per|said|says|asked|thanks\s+to|h\/t|meddai|medd|dywedodd|yn\s+ôl|arsa|dúirt)\s+$/iu, after: new RegExp(`^${positionEnd}`, 'iu')},
  {rule: 'here again', before: /(?:^|[^\p{L}\s]\s*|(?:^|[^\p{L}])(?:hi|hey|hello|and|so)[,!]?\s+)$/iu, after: /^\s+here(?:\s+again|\s*[-–—,:.!]|\s+from(?!\p{L})|\s*$)/iu},
  {rule: "it's … from", before: /(?:^|[^\p{L}])(?:it['’]?s|this\s+is|i['’]?m)\s+$/iu, after: /^\s+(?:from|here)(?!\p{L})/iu},
  {rule: 'a mention', before: /@$/u, after: /^/u},
  // `the dawn-led pilot`, `a Hazel-chaired panel`: what a person led or ran, named after them.
  {rule: 'led by, as a compound: `name-led`', afterDeterminer: true, before: /(?:^|[^\p{L}-])$/u, after: /^-(?:led|chaired|run|hosted|facilitated|designed|founded|fronted|style)(?!\p{L})/iu},
  {rule: 'described as speaking: `name was upfront`', before: /(?:^[^\p{L}]*|[.!?;:]\s+|(?:^|[^\p{L}])(?:and|but|so)\s+)$/iu, after: /^\s+(?:was|is|were)\s+(?:very\s+|quite\s+|really\s+|pretty\s+)?(?:upfront|blunt|candid|frank|adamant|emphatic|scathing|insistent|sceptical|skeptical|(?:clear|firm|honest|sure)\s+that)(?!\p{L})/iu},
  {rule: 'a chapter of show notes: `(00:23:40) name on topic:`', before: /(?:^[^\p{L}\n]*|(?:^|\s)[[(]?\d{1,2}(?::\d{2}){1,2}[\])]?\s+)(?:[\p{L}'’-]+\s*(?:,|&|\/|\sand)\s*)*$/iu, after: /^(?:\s*(?:,|&|\/|\sand)\s*[\p{L}'’-]+)*\s+on\s+[^:\n]{1,60}:/iu},
  {rule: 'addressed at the start: `name, you said`', before: /^[^\p{L}\n]*$/u, after: /^\s*[,—–-]\s*you\s+(?:were|are|said|say|mentioned|asked|made|raised|had|have|wanted|put|told|suggested|argued|pointed)(?!\p{L})/iu},
  // `the Okafor model`, `Field-style drop-ins`: a practice named after whoever brought it, which is how a room credits it.
  {rule: 'a practice named after someone: `the name model`, `name-style`', afterDeterminer: true, capital: true, before: /(?:^|[^\p{L}-])$/u, after: /^(?:-(?:style|type|like|esque|inspired)(?!\p{L})|(?:-\p{Lu}[\p{L}'’]*)?\s+(?:model|approach|method|way|style|framework|formula|rule|principles?|test|scale|review|report|playbook|toolkit|protocol)(?!\p{L}))/u},
  {
    rule: 'the object of a person verb',
    before: /(?:^|[^\p{L}])(?:ask|asked|chase|chased|ping|email|emailed|remind|tell|told|spoke\s+to|spoke\s+with|thank|thanks|thx|ty|cheers|cc|hi|hey|dear|(?:check|follow\s+up|catch\s+up|speak|talk|sync|liaise)\s+(?:with|to))[,:]?\s+$/iu,
    after: new RegExp(`^${positionEnd}`, 'iu'),
  },
  // `mr hill said`, `ms field`: a title before the word makes it a name, in any case (not the titles public figures carry:
  // `Dame Carol Black`, `Prof Michael Marmot`).
  {rule: 'after an honorific: `mr name`', before: /(?:^|[^\p{L}])(?:mr|mrs|ms|mx|cllr|councillor)\.?\s+$/iu, after: /^/u},
  // A table pasted as tab- or comma-separated text: a cell is a field of its own (`Will⇥the hall…`, `…",rich,challenge`).
  {rule: 'a cell of a pasted table: `name⇥…`', before: /(?:^[^\p{L}]*|\t\s*)$/u, after: /^[^\S\t\n]*(?:\t|$)/u},
  {rule: 'a cell of a pasted table: `…⇥name`', before: /\t\s*$/u, after: /^/u},
  {rule: 'a cell of a pasted CSV line: `…,name,…`', before: /(?:^\s*|[^\s,],)$/u, after: /^(?:,(?=[^\s,])|\s*$)/u, unless: (before) => !/,$/u.test(before) && !/^\s*$/u.test(before)},
  // `as noted by Field`, `flagged by KM`: the agent of a verb of saying in the passive.
  {rule: 'noted by: `as noted by name`', before: /(?:^|[^\p{L}])(?:noted|flagged|mentioned|made|proposed|observed|reported|pointed\s+out|put|stated|explained|described|highlighted|recommended)\s+by\s*:?\s+$/iu, after: new RegExp(`^${positionEnd}`, 'iu')},
  // `send KM the deck`, `give Hope a copy`: the first of two objects of a verb of giving is who receives it (the audit's own list).
  {rule: 'the recipient of a verb of giving: `send name the deck`', before: /(?:^|[^\p{L}])(?:send|sends|sent|give|gives|gave|show|shows|showed|hand|handed|pass|passed|lend|lent|offer|offered|owe|owed|forward|forwarded|e-?mail|emailed|text|texted|teach|taught|tell|told|remind|bring|brought|post|posted)\s+$/iu, after: /^\s+(?:the|a|an|our|their|his|her|my|your|this|these|those|copies)(?!\p{L})/iu},
  {rule: 'an action owner: `name to send`', before: new RegExp(String.raw`(?:^[^\p{L}]*|${sentenceBreak})${outlineOrField}(?:(?:actions?|todo|to[- ]do|next\s+steps?|follow[- ]?ups?|owner|assigned(?:\s+to)?)\s*[:–—-]?\s*)?$`, 'iu'), after: /^\s+to\s+(?:send|share|circulate|chase|check|confirm|draft|book|arrange|contact|e-?mail|forward|update|invite|organi[sz]e|follow\s+up|set\s+up|write\s+up|look\s+into|find\s+out|pull\s+together|speak|talk|ring|phone|call|report\s+back|feed\s+back|pick\s+up|sort|review|lead|liaise|ask|provide|bring|put\s+together|dig\s+out|introduce|connect|nudge|ping|diarise|schedule)(?!\p{L})/iu},
  {rule: 'asked to act: `can name pls`', before: /(?:^|[^\p{L}])(?:can|could|would|will)\s+$/iu, after: /^\s+(?:pls|please|plz)(?!\p{L})/iu},
  {rule: 'a name and an initial: `name o;`', before: /(?:^|[^\p{L}])$/u, after: /^\s+\p{L}\.?(?=\s*(?:$|[,;:)\]|]))/u},
  {rule: 'an author: `posted by: name`', before: /(?:^|[^\p{L}])(?:posted|submitted|written|added|suggested|raised|asked|shared|sent|created|edited|author(?:ed)?)(?:\s+by)?\s*:?\s+$/iu, after: new RegExp(`^(?:${positionEnd}|\\s+\\p{L}\\.?(?=\\s*(?:$|[,;:)\\]|])))`, 'iu')},
  {rule: 'an aside with where from: `(name, Place)`', before: /\(\s*$/u, after: /^\s*,\s*\p{Lu}[^()\n]{0,40}\)/u},
  // `[Field](https://…)`, `[mr hill][1]`: a link whose whole text is the name is a link to that person.
  {rule: 'a link whose text is a name: `[name](url)`', before: /(?:^|[^[\]])\[\s*(?:(?:mr|mrs|ms|mx|dr|cllr)\.?\s+)?$/iu, after: /^\s*\](?:\(|\[[^\]\n]{1,40}\])/u},
  // `… [sue]` at the end of a note: an attribution in square brackets.
  {rule: 'an aside in square brackets: `… [name]`', before: /\S\s+\[\s*$/u, after: /^\s*\][^\p{L}\p{N}]*$/u},
  {rule: 'an aside: `(name)`', before: /\(\s*$/u, after: /^\s*\)/u, unless: (before, word) => definesAbbreviation(before.replace(/\(\s*$/u, ''), word)},
  // `the best idea came from Hill.`, `The credit goes to Field.`, a link's label `slides from Shepherd` at the line's end: a word of a
  // name with its capital, mid-sentence and without a determiner, closing a clause after whom a thing came from or went to.
  {rule: 'credited at a clause\'s end: `came from Name.`', capital: true, before: /(?:^|[^\p{L}])(?:from|to|by)\s+$/iu, after: /^\s*(?:[.!?;:)\]]|$)/u, unless: (_before, word) => calendarWords.test(word)},
  {rule: 'a trailing attribution: `– name`', before: /(?:\S\s*[–—]|\S\s+-|^\s*[–—])\s*$/u, after: /^[^\p{L}\p{N}]*$/u},
]

/** A month, season or weekday (`by June`, `May to August`): a time, not whom a thing came from. */
const calendarWords = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/iu

/** An honorific ending a line (`… asked mr⏎`), as a hard wrap leaves it before the name on the next line. */
const wrappedHonorific = /(?:^|[^\p{L}])(?:mr|mrs|ms|mx|cllr|councillor)\.?[^\S\n]?\n$/iu

/** The audit's name position of the word at `start…end` of `text`, if it is in one (its rule). */
export function auditNamePosition(text: string, start: number, end: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  let lineEnd = text.indexOf('\n', end)
  if (lineEnd === -1) lineEnd = text.length
  // A bullet pasted from Word (`o⇥`, `§⇥`) opens the line as a list marker does.
  const before = text.slice(lineStart, start).replace(/^(\s*)[o§](?=\t)/u, '$1•')
  const after = text.slice(end, lineEnd)
  // `mr⏎hill`: a title at the end of the line before, the name opening this one (a paragraph's hard wrap).
  if (/^[^\S\n]*$/u.test(before) && wrappedHonorific.test(text.slice(Math.max(0, lineStart - 14), lineStart))) return 'after an honorific: `mr name`'
  const determined = determiner.test(before)
  const word = text.slice(start, end)
  const capital = word[0] !== word[0]!.toLowerCase()
  return auditNamePositions.find((position) => (!determined || position.afterDeterminer) && (!position.capital || capital) && position.before.test(before) && position.after.test(after) && !position.unless?.(before, word))?.rule
}

/**
 * Positions where any capitalised word is a person, on the roster or not: a research interview's respondent tag
 * (`R2 (Jordan):`, `Q (Kenya):`), and the subject of a verb of saying after a respondent's or a speaker's label (`R4:
 * Jordan - one of ours - said`). A role or a description there is written in lower case (`R2 (housing options):`),
 * or is one of `roleWords`; capitals of two to five letters are an abbreviation (`R2 (NHS):`).
 */
export const unrosteredPositions: Array<{rule: string; before: RegExp; after: RegExp}> = [
  {
    rule: 'a respondent tag: `R2 (name):`',
    // At a line's start, or anywhere with the respondent's number (a report runs a paragraph's lines together).
    before: /(?:^[^\p{L}]*(?:q|a|question|answer|r|p|pp|yp|resp|respondent|participant|interviewee)\s*(?:\d{1,3}|[a-h])?|(?<![\p{L}\p{N}])(?:q|a|r|p|pp|yp|resp|respondent|participant|interviewee)\s*\d{1,3})\s*\(\s*(?:[\p{L}'’.-]+\s+){0,2}$/iu,
    after: /^(?:\s+[\p{L}'’.-]+){0,2}\s*\)\s*:/u,
  },
  {
    // `Jordan - one of ours - said …` opening a note (a transcript's label split off by the parser): the aside makes it a person.
    rule: 'the subject of a verb of saying, an aside between: `name - one of ours - said`',
    before: /^[^\p{L}]*$/u,
    after: new RegExp(String.raw`^\s*(?:,|\s[-–—])\s+[^-–—,\n]{1,40}?\s*(?:,|[-–—](?=\s))\s+(?:also\s+|just\s+)?(?:${speech})(?!\p{L})`, 'iu'),
  },
  {
    rule: "the subject of a verb of saying after a speaker's label: `R4: name said`",
    // At a line's start, or a respondent's numbered tag anywhere (a report runs an interview's lines together: `… else? R4: Jordan – …`).
    before: /(?:^[^\p{L}]*[\p{L}\d]{1,12}|(?<![\p{L}\p{N}])(?:r|p|pp|yp|resp|respondent|participant|interviewee)\s*\d{1,3})\s*:\s*$/iu,
    after: new RegExp(String.raw`^(?:\s*(?:,|\s[-–—])\s+[^-–—,\n]{1,40}?\s*(?:,|[-–—](?=\s)))?\s+(?:also\s+|just\s+)?(?:${speech})(?!\p{L})`, 'iu'),
  },
]

/** Nouns for one person (`a tenant`, `her daughter`, `one panellist`): the audit's own list, for a name set beside one. */
const personNoun = String.raw`(?:tenant|resident|consultant|veteran|panellist|panelist|man|woman|lad|lass|girl|boy|mum|mother|dad|father|daughter|son|wife|husband|partner|carer|client|treasurer|chair|volunteer|widow|widower|neighbour|neighbor|pensioner|constituent|learner|student|pupil|customer|patient|claimant|minister|councillor|officer|worker|manager|friend|colleague|landlord|landlady|grandmother|grandfather|nan|gran|grandson|granddaughter|sister|brother|teenager|member|survivor|leaver|refugee|parent|guest|speaker|owner|director|trustee)`
// Case is spelled out: the rows read capitals (`\p{Lu}`), which a case-insensitive pattern would read as any letter.
const ownerWord = String.raw`(?:[Aa]n?|[Oo]ne|[Oo]ur|[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[Aa]nother)`
const titleWord = String.raw`(?:Mr|Mrs|Ms|Miss|Mx)\.?`

/**
 * Positions, read from the words before, where a capitalised word names a private person or where they live, on no roster
 * (held-out sets 2–6): a title before a name (`Mr Dennis Cuthbert`), a name set beside a noun for a person (`a tenant,
 * Shirley Dunne, had…`, `a lad called Jayden`), and a place in a person's life story (`He lives in Fife`). Each allows one
 * capitalised word between, so both words of a full name are read.
 */
export const privatePositions: Array<{rule: string; before: RegExp; after: RegExp; place?: boolean}> = [
  {rule: 'a private person with a title: `Mr Name`', before: new RegExp(String.raw`(?:^|[^\p{L}])${titleWord}\s+(?:\p{Lu}[\p{L}'’-]*\s+)?$`, 'u'), after: /^/u},
  {
    rule: 'a name beside a noun for a person: `a tenant, Name,`',
    before: new RegExp(String.raw`(?:^|[^\p{L}])${ownerWord}\s+(?:[\p{Ll}-]+\s+){0,2}${personNoun}(?:\s+[^,\n]{1,30})?,\s+(?:${titleWord}\s+)?(?:\p{Lu}[\p{L}'’-]*\s+)?$`, 'u'),
    after: /^(?:\s+\p{Lu}[\p{L}'’-]*)?\s*(?:,|\s+(?:from|of|MSP|MP|MS|AM|MEP)(?!\p{L})|\s*\()/u,
  },
  {rule: 'a name given to a person: `a lad called Name`', before: new RegExp(String.raw`(?:^|[^\p{L}])${ownerWord}\s+(?:[\p{Ll}-]+\s+){0,2}${personNoun}\s+(?:called|named)\s+(?:\p{Lu}[\p{L}'’-]*\s+)?$`, 'u'), after: /^/u},
  {
    rule: "where someone lives, in their story: `he lives in Place`",
    place: true,
    before: /(?:^|[^\p{L}])(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]ho|I)\s+(?:now\s+|still\s+|also\s+)?(?:lives|lived|live|living|grew\s+up|was\s+born|were\s+born|was\s+raised|were\s+raised|(?:is|are|was|were)\s+based|moved\s+(?:here\s+)?(?:to|from)|comes\s+from|came\s+from|(?:is|are|was|were)\s+(?:originally\s+)?from|hails\s+from)(?:\s+(?:in|on|at|near))?\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s+)?$/u,
    after: /^/u,
  },
]

/** Is the capitalised word at `start…end` a private person's name, or where they live, by the words before it on its line? */
export function privatePosition(text: string, start: number, end: number): {rule: string; place: boolean} | undefined {
  const before = text.slice(Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 120), start)
  // Most words follow none of a title, a comma, `called`, `named` or a preposition of place.
  if (!/(?:M[rsx]s?\.?|Miss|,|called|named|in|on|at|near|to|from|the)\s+(?:\p{Lu}[\p{L}'’-]*\s+)?$/u.test(before)) return undefined
  const after = text.slice(end, end + 40)
  const found = privatePositions.find((position) => position.before.test(before) && position.after.test(after))
  return found ? {rule: found.rule, place: Boolean(found.place)} : undefined
}

/**
 * Words of a role or a description, not a person, capitalised in a respondent tag (`R2 (Housing Officer):`), and the
 * words the rewriter writes for a person (`R4: Someone said`, `One participant said`), pronouns among them.
 */
const roleWords = new Set(
  'interviewer interviewee respondent participant facilitator chair host observer note notes taker officer manager worker lead leader head team council service services staff member members parent carer mum dad mother father young person people tenant resident volunteer housing options social support key youth the and of anon anonymous unnamed redacted name withheld someone somebody one another participants person persons they he she we i you it everyone everybody nobody anyone all both each who this that there director chief executive deputy assistant senior principal coordinator adviser advisor analyst commissioner practitioner specialist engineer planner researcher cabinet portfolio holder mayor chairman chairwoman councillor cllr clerk secretary speaker president justice'.split(' '),
)

/** The plural of a noun for people (`Leaders`, `Councillors`, `Residents`, `Families`): a group, no one's name. */
const pluralNoun = /(?:ers|ors|ents|ants|ists|ians|ies|ees)$/u

/** Is the capitalised word at `start…end` where only a person goes, whoever it is (`R2 (Jordan):`)? Which rule. */
export function unrosteredPosition(text: string, start: number, end: number): string | undefined {
  const after = text.slice(end, end + 80)
  // Most words are followed by neither a bracket's end nor a verb of saying: nothing more to read.
  if (!/^[^\n]{0,50}?(?:\)|said|says|reckons|thinks|told|asked|mentioned|explained)/iu.test(after)) return undefined
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start)
  return unrosteredPositions.find((position) => position.before.test(before) && position.after.test(after))?.rule
}

export interface ParanoidOptions {
  meta?: NotesMeta
  /** Ordinary uses the anonymiser recorded (`ordinaryUse`). */
  ordinary?: Iterable<string>
  /**
   * The notes as written. Initials are only suspects where the notes wrote them: `GB` of the page's
   * `lang="en-GB"` is not Gareth Blackwood's. (Every word of a name is a suspect wherever it is.)
   */
  source?: string
}

export interface ParanoidAuditor {
  scan(text: string): Suspect[]
}

/** Positions where lower-case letters that are someone's initials are them: a label, an owner, a subject of saying. */
const labelPositions = new Set(['a label: `^\\W*name:`', 'a label: `from name:`', 'a label after a timestamp', 'an action owner: `name to send`', 'a comment export: `[a]name:`', "a question's author: `Q (name):`"])

/** Short words that lower-case initials spell (`we` of Will Ekwueme, `it`, `me`): the words, even as a label's first word. */
const shortWords = new Set(
  'a an and any are as at be but by can did do for get go got had has he her him his i if in is it its let may me my no not now of off ok on one or our out own per re so the to too two up us was we who why yes yet you'.split(' '),
)

/**
 * Words of grammar a name can also be (`An` of Nguyen Van An, `an` of Mac an tSaoir): in lower case or opening
 * a sentence, outside a name position, they are the grammar, never the name.
 */
const grammarWords = new Set('a an the of in on at by to for from with and or but nor as if so is are was be it its he him his her she we us our you your my me i'.split(' '))

/** Does the word at `index` open a sentence (its line's first word, or after a full stop)? */
function sentenceStart(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1
  return sentenceHead.test(text.slice(lineStart, index))
}

/**
 * A label or an owner at the start of a line of the notes: the word (1) and what follows the label (2). The marks, an
 * outline's numbering or a field's name, a respondent's tag before a bracket, then `word:`, `word -`, `word (role):` or
 * `word to send`.
 */
const sourceLabel = new RegExp(
  String.raw`^[^\p{L}\n]{0,12}(?:(?:[ivxlc]{1,6}|[a-z])[.)]\s+)?(?:\p{L}[\p{L} /-]{0,30}::\s*)?(?:(?:actions?|todo|next\s+steps?|follow[- ]?ups?|owner)\s*[:–—-]?\s*)?(?:(?:q|a|r|p|pp|yp|resp|respondent|participant|interviewee)\s*(?:\d{1,3}|[a-h])?\s*\(\s*)?([\p{L}][\p{L}'’-]*)(?:\s*\)|\s*\([^()\n]{1,40}\))?(?:\s*:(?!:)|\s+[-–—]\s|(?=\s+to\s+(?:send|share|circulate|chase|check|confirm|draft|book|arrange|contact|e-?mail|forward|update|invite|follow|set|write|look|find|speak|talk|ring|phone|call|report|feed|sort|review|lead|ask|provide|bring|put|introduce|connect|nudge|ping|schedule)(?!\p{L})))\s*(.*)$`,
  'iu',
)

/** `'s` and a word after it: a possessive. */
const possessive = /^['’]s\s/u
/** `gosia from luton`, `over on the wirral`, `in stoke they…`: where only a place goes, whatever its case. */
/** What everyone calls a place (`Staffs`, `Brum`): the audit's own table, beside the rewriter's. */
const placeNicknames = new Map<string, string[]>([
  ['bedfordshire', ['beds']], ['berkshire', ['berks']], ['buckinghamshire', ['bucks']], ['cambridgeshire', ['cambs']], ['derbyshire', ['derbys']],
  ['gloucestershire', ['glos']], ['hampshire', ['hants']], ['hertfordshire', ['herts']], ['lancashire', ['lancs']], ['leicestershire', ['leics']],
  ['lincolnshire', ['lincs']], ['northamptonshire', ['northants']], ['nottinghamshire', ['notts']], ['oxfordshire', ['oxon']], ['staffordshire', ['staffs']],
  ['warwickshire', ['warks']], ['wiltshire', ['wilts']], ['worcestershire', ['worcs']], ['yorkshire', ['yorks']], ['northumberland', ['northumb']],
  ['birmingham', ['brum']], ['manchester', ['manc']], ['liverpool', ['scouse']], ['middlesbrough', ['boro']],
  // Welsh names of Welsh places, as bilingual notes write them (`Gwion (Caerdydd):`).
  ['cardiff', ['caerdydd']], ['swansea', ['abertawe']], ['newport', ['casnewydd']], ['wrexham', ['wrecsam']], ['caerphilly', ['caerffili']],
  ['pembrokeshire', ['pembs', 'benfro']], ['carmarthenshire', ['carms', 'gaerfyrddin']], ['monmouthshire', ['mons', 'fynwy']],
  ['flintshire', ['fflint']], ['denbighshire', ['denbs', 'ddinbych']], ['glamorgan', ['morgannwg']], ['tydfil', ['tudful']], ['bridgend', ['ogwr']],
])

/** An attendee's organisation that is a council, whose area's places say where they work. */
const councilOrg = /\b(?:council|borough|county|cyngor)\b/iu
/** The position the audit gives a place in a non-shared council's area: its message says how to keep an ordinary use. */
export const placeInArea = "a place in an attendee's council area"

/**
 * A place's word where it names the place: with its capital, or after `in`, `from`, `over in`. Beside another capitalised
 * word (`Chatham House`, `Dennis Hartley`), and a place that is also a word (`Street`), only after those.
 */
function inAreaPlace(text: string, word: Word, isWord: boolean, capital: boolean): boolean {
  const afterPlaceWord = placePosition.test(text.slice(Math.max(0, word.start - 24), word.start)) && !gerund.test(text.slice(word.start, word.end + 10))
  if (isWord) return capital && afterPlaceWord
  const head = text.slice(Math.max(0, word.start - 40), word.start)
  const previous = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*[ \t]+$/u.exec(head)
  const inName = (previous !== null && (!sentenceStart(text, word.start - head.length + previous.index) || !grammarWords.has(foldWord(previous[0].trim())))) || /^[ \t]+\p{Lu}\p{Ll}/u.test(text.slice(word.end, word.end + 4))
  return inName ? afterPlaceWord : capital || afterPlaceWord
}

/** `good at reading the room`, `in building a case`: a verb's -ing form before its object is no place. */
const gerund = /^\p{Ll}+ing\s+(?:the|a|an|our|their|your|his|her|its|this|that|these|those|it|them|up|out)(?!\p{L})/u
/** What may stand before a word in a web address's host: a scheme, `www.`, labels before it (`https://www.`, `data.`). */
const hostBefore = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[\p{L}\p{N}._%+-]+@)?(?:[\p{L}\p{N}-]+\.)*$/iu
/** What follows a word of a host: more labels and a top-level domain, then the path or the end (`.gov.uk/…`). */
// A report's footnote number or a run-on word may follow the top-level domain (`walsall.gov.uk3`, `….gov.uk.2`, `….gov.ukFemi` of
// a JSON's joined strings): a digit, a stop or a capital ends it as well as a path or a space does.
const hostAfter = /^(?:\.[\p{L}\p{N}-]+)*\.[a-zA-Z]{2,}(?:[/?#:)\]>\s,;.]|\d|\p{Lu}|$)/u

/** Is the word a label of a web address's host (`walsall` of `https://www.walsall.gov.uk/pa-register`)? The site says whose it is. */
function inWebHost(text: string, word: Word): boolean {
  let start = word.start
  while (start > 0 && !/[\s(<[\]"'`]/u.test(text[start - 1]!)) start--
  return hostBefore.test(text.slice(start, word.start)) && hostAfter.test(text.slice(word.end, word.end + 80))
}

const placePosition = /(?:^|[^\p{L}])(?:from|in|at|over\s+(?:in|on|at)|up\s+in|down\s+in|out\s+in|across|round|on)\s+(?:the\s+)?$/iu

export function createParanoidAuditor(roster: Roster, options: ParanoidOptions = {}): ParanoidAuditor {
  const people = new Map<string, string>()
  const initials = new Map<string, string>()
  const hyphenated = new Map<string, string>()
  /** Each person's first and last word, for `rebeca thorn`, `frank o`: two parts of one name side by side. */
  const pairs: Array<{first: string; last: string; name: string}> = []
  for (const person of roster.people) {
    const words = nameWords(person.name)
    if (words.length >= 2) pairs.push({first: words[0]!.key, last: words.at(-1)!.key, name: person.name})
    for (const word of words) people.set(word.key, person.name)
    for (const alias of person.aliases) for (const word of nameWords(alias)) people.set(word.key, person.name)
    // `CM`, `CMM`: the initials of the first and last names, and of all of them, only in capitals.
    const all = wordsOf(person.name).filter((word) => !particles.has(word.key))
    if (all.length >= 2) {
      // The first name and the surname's first part that is not a particle: `PT` of Pat Turner-Blake (never `PB`, which
      // participatory budgeting spells), `OR` of Omar Al-Rashid, `HS` of Hazel O'Shaughnessy.
      const surname = wordsOf(person.name.split(/\s+/u).at(-1) ?? '').find((word) => !particles.has(word.key))
      if (surname) initials.set(`${all[0]!.key[0]}${surname.key[0]}`, person.name)
      initials.set(all.map((word) => word.key[0]).join(''), person.name)
    }
    // `S-J` of Sarah-Jane, `M-D` of Morgan-Davies: a hyphenated part of the name cut to its letters.
    for (const part of person.name.split(/\s+/u)) {
      const letters = wordsOf(part)
      if (part.includes('-') && letters.length >= 2) hyphenated.set(letters.map((word) => word.key[0]).join(''), person.name)
    }
    // `HO` of Hazel O'Shaughnessy, `OA` of Omar Al-Rashid: the first letters of the name as it is spaced, particles aside.
    const spaced = person.name.split(/\s+/u).filter((part) => part && !particles.has(foldWord(part)))
    if (spaced.length >= 2) {
      initials.set(`${foldWord(spaced[0]!)[0]}${foldWord(spaced.at(-1)!)[0]}`, person.name)
      initials.set(spaced.map((part) => foldWord(part)[0]).join(''), person.name)
    }
  }

  // Initials in any case, for a label or an owner only (`cm: ran the pilot`, `cm to send`): lower-case letters are a word anywhere else.
  const anyCaseInitials = new Map([...initials].filter(([key]) => key.length <= 3))
  // Words of names long enough that one letter off is still the name (`O'Shaugnessy`, `Abdulah`, `Siobahn`).
  const longWords = [...people].filter(([key]) => key.length >= 6)
  const nearName = (key: string): string | undefined => (key.length < 5 ? undefined : longWords.find(([name]) => nearlySame(key, name))?.[1])
  // In a name position, a slip scaled to the word's length (`Gurprit:` of Gurpreet, two letters off), in names of six letters or
  // more: a label's five-letter word a letter off a five-letter name is as often a word (`Slack:` of Black), so those are left.
  const sixLetterWords = [...people].filter(([key]) => key.length >= 6)
  const nearNameInPosition = (key: string): string | undefined => (key.length < 5 ? undefined : sixLetterWords.find(([name]) => nearMiss(key, name))?.[1])

  // Every person's initials, before those the notes never wrote in capitals are set aside: `P.O.` is checked against the notes itself.
  const dottedInitials = new Map(initials)
  if (options.source !== undefined) {
    const written = new Set(wordsOf(options.source).filter((word) => word.text === word.text.toUpperCase()).map((word) => word.key))
    for (const key of [...initials.keys()]) if (!written.has(key)) initials.delete(key)
  }

  // Labels and owners at a line's start in the notes (`May: we tried…`, `   i. May: …`, `R2 (Jordan): …`, `- Grace to book…`),
  // keyed by the word and the two words after the label: a report that ran the lines together (a paragraph's soft breaks
  // printed as spaces) still shows the word before the same words, where the audit's own rows no longer see a line's start.
  const sourceLabels = new Set<string>()
  if (options.source !== undefined) {
    for (const line of options.source.split('\n')) {
      const label = sourceLabel.exec(line)
      if (!label) continue
      const next = wordsOf(label[2]!).slice(0, 2).map((word) => word.key)
      if (next.length > 0) sourceLabels.add([foldWord(label[1]!), ...next].join(' '))
    }
  }
  // The label's next words as the notes have them: two, or one where the line ended (`Gurprit: "unfair"`).
  const labelInSource = (words: Word[], at: number): boolean =>
    sourceLabels.size > 0 && (sourceLabels.has(words.slice(at, at + 3).map((word) => word.key).join(' ')) || sourceLabels.has(words.slice(at, at + 2).map((word) => word.key).join(' ')))

  // Words of the phrases named by design: never a leak where the whole phrase is written.
  const byDesign = [...roster.share, options.meta?.host, options.meta?.partner, options.meta?.venue, options.meta?.forewordBy, ...(options.meta?.forewordBy?.split(',') ?? [])]
    .filter((phrase): phrase is string => Boolean(phrase && phrase.trim()))
    .map((phrase) => wordsOf(phrase).map((word) => word.key))
    .filter((keys) => keys.length > 0)
  const sharedWords = new Set(byDesign.flat())

  const orgs = new Map<string, string>()
  for (const person of roster.people) {
    if (!person.org) continue
    for (const word of wordsOf(person.org)) {
      if (word.key.length < 3 || generic.has(word.key) || sharedWords.has(word.key) || isAreaOrLanguage(word.key)) continue
      orgs.set(word.key, person.org)
      // `up in the Highlands` of Highland Council: the plural is the same place.
      if (!word.key.endsWith('s')) orgs.set(`${word.key}s`, person.org)
      for (const short of placeNicknames.get(word.key) ?? []) orgs.set(short, person.org)
    }
  }

  // The towns and villages in a non-shared council's own area (`Bootle` of Sefton Council): the table is data the
  // rewriter reads too (src/data/council-areas.ts), the matching is this audit's own, word by word. A place of one word
  // that is also an English word (`Street`, `Valley`: the table says which) is a suspect only written with its capital
  // where a place goes (`in Valley`); the English words of a longer name (`next`, `sea` of Wells-next-the-Sea) are no
  // suspects alone.
  const areaPlaces = new Map<string, {org: string; word: boolean}>()
  const sharedAreas = new Set(roster.share.map((name) => councilAreaKey(name)))
  for (const person of roster.people) {
    if (!person.org || !councilOrg.test(person.org) || sharedAreas.has(councilAreaKey(person.org))) continue
    const english = placeWordsInCouncilArea(person.org)
    for (const place of placesInCouncilArea(person.org)) {
      const words = wordsOf(place)
      for (const word of words) {
        if (word.key.length < 3 || generic.has(word.key) || sharedWords.has(word.key) || isAreaOrLanguage(word.key) || orgs.has(word.key)) continue
        const isWord = english.has(word.key)
        if (isWord && words.length > 1) continue
        areaPlaces.set(word.key, {org: person.org, word: isWord})
      }
    }
  }

  // What a long given name is shortened to (`Olu` of Olusegun): a suspect only in a name position or as a
  // possessive (`Olu's team`), where an unknown capitalised word can only be someone.
  const shortNames = new Map<string, string>()
  for (const person of roster.people) {
    const first = wordsOf(person.name)[0]
    if (!first || first.key.length < 6) continue
    for (const length of [3, 4]) if (!people.has(first.key.slice(0, length))) shortNames.set(first.key.slice(0, length), person.name)
  }
  for (const person of roster.people) {
    // `Bob` of Robert, `Mags` of Margaret: what the name is called in speech, suspect in the same places.
    const first = wordsOf(person.name)[0]
    for (const short of first ? diminutivesOf(first.key) : []) if (!people.has(short) && !shortNames.has(short)) shortNames.set(short, person.name)
  }

  // Ordinary uses, indexed by each of their words.
  const ordinary = new Map<string, string[][]>()
  for (const record of options.ordinary ?? []) {
    const keys = record.split(' ')
    for (const key of new Set(keys)) {
      if (key === '^' || key === '$') continue
      const list = ordinary.get(key) ?? []
      list.push(keys)
      ordinary.set(key, list)
    }
  }

  /**
   * Does a recorded ordinary use, aligned on word `at`, read the same as the output around it — its
   * words, and the word before or the word after (one side may have been rewritten: `Tom will share`
   * is recorded for `will`, and reads `one participant will share`)?
   */
  const recorded = (words: Word[], at: number): boolean =>
    (ordinary.get(words[at]!.key) ?? []).some((keys) =>
      keys.some((key, offset) => {
        if (key !== words[at]!.key) return false
        const same = (index: number) => {
          const word = words[at - offset + index]
          return word !== undefined && word.key === keys[index]
        }
        const last = keys.length - 1
        for (let index = 1; index < last; index++) if (!same(index)) return false
        const before = keys[0] === '^' || same(0)
        const after = keys[last] === '$' || same(last)
        return before || after
      }),
    )

  /** Is word `at` part of a phrase named by design, written whole? */
  const designed = (words: Word[], at: number): boolean =>
    byDesign.some((keys) =>
      keys.some((key, offset) => key === words[at]!.key && keys.every((other, index) => words[at - offset + index]?.key === other)),
    )

  /** Did the notes write this word, wherever they wrote it outside the front matter's roster, only in lower case? Read once. */
  let onlyLower: Map<string, boolean> | undefined
  const onlyLowerInSource = (key: string): boolean => {
    if (options.source === undefined) return false
    if (!onlyLower) {
      onlyLower = new Map()
      const body = options.source.replace(/^---\n[\s\S]*?\n---\n/u, (front) => front.split('\n').filter((line) => !/^\s*(?:-|attendees|participants|share|org)\b|\{\s*name\s*:/u.test(line)).join('\n'))
      for (const word of wordsOf(body)) onlyLower.set(word.key, (onlyLower.get(word.key) ?? true) && word.text === word.text.toLowerCase())
    }
    return onlyLower.get(key) ?? false
  }

  /** Did the notes write this word in lower case, followed by the same next word? */
  const lowerInSource = new Map<string, boolean>()
  const writtenInLowerCase = (words: Word[], at: number): boolean => {
    const next = words[at + 1]
    if (options.source === undefined || !next) return false
    const key = `${words[at]!.key} ${next.key}`
    let lower = lowerInSource.get(key)
    if (lower === undefined) {
      const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])${escape(words[at]!.text)}\s+${escape(next.text)}(?![\p{L}\p{N}])`, 'giu')
      lower = [...options.source.matchAll(pattern)].some((match) => match[0][0] === match[0][0]!.toLowerCase())
      lowerInSource.set(key, lower)
    }
    return lower
  }

  /** `summer.price`, `mark_banks`: two words of one person's name joined as a user name is, the person whatever the neighbours. */
  const userName = (words: Word[], at: number, text: string, person: string): string | undefined => {
    const joined = (left: Word | undefined, right: Word | undefined) => left !== undefined && right !== undefined && people.get(left.key) === person && people.get(right.key) === person && left.key !== right.key && /^[._]$/u.test(text.slice(left.end, right.start))
    return joined(words[at - 1], words[at]) || joined(words[at], words[at + 1]) ? 'a user name: `first.last`' : undefined
  }

  /** Is word `at` a person's given name, or one letter off it, followed by their surname or its initial? Whose. */
  const pairLasts = new Set(pairs.map((pair) => pair.last))
  const pairFirsts = pairs.map((pair) => pair.first).filter((first) => first.length >= 6)
  const namePair = (text: string, words: Word[], at: number): string | undefined => {
    const next = words[at + 1]
    // A paragraph's hard wrap may fall between the two (`Sue⏎Field`): one line end, with its indentation, is a space too.
    if (!next || !/^(?:[^\S\n]{1,2}|[^\S\n]?\n[^\S\n]*)$/u.test(text.slice(words[at]!.end, next.start))) return undefined
    // `Constant Read` of Constance Reed, `Katharine Doyel`: both words misheard or mistyped, written in capitals as a name is.
    const titled = next.text.length >= 3 && isTitled(words[at]!.text) && isTitled(next.text)
    // Most words are followed by neither a surname nor one letter: nothing to compare.
    if (next.text.length > 1 && !pairLasts.has(next.key) && !titled && !pairFirsts.some((first) => nearMiss(words[at]!.key, first))) return undefined
    const key = words[at]!.key
    if ((ordinary.get(key) ?? []).some((keys) => keys.some((one, index) => index > 0 && index + 1 < keys.length - 1 && one === key && keys[index + 1] === next.key))) return undefined
    for (const {first, last, name} of pairs) {
      const given = key === first || (first.length >= 5 && nearMiss(key, first))
      if (given && (next.key === last || (next.text.length === 1 && next.key === last[0]))) return name
      if (titled && last.length >= 4 && (key === first || nearMiss(key, first)) && nearMiss(next.key, last)) return name
      // `rebeca thorn` of Rebecca Thorne, typed small: both words long enough that a slip in each is still the name.
      if (!titled && first.length >= 6 && last.length >= 5 && nearMiss(key, first) && nearMiss(next.key, last)) return name
    }
    return undefined
  }

  /** `S-J`, `M-D`: capital letters joined by hyphens that are a hyphenated part of a roster name. */
  const hyphenatedLetters = (text: string, words: Word[], at: number): {person: string; length: number} | undefined => {
    let key = words[at]!.key
    let end = at
    while (words[end + 1] && words[end + 1]!.text.length === 1 && /^\p{Lu}$/u.test(words[end + 1]!.text) && text.slice(words[end]!.end, words[end + 1]!.start) === '-') {
      end++
      key += words[end]!.key
    }
    const person = end > at ? hyphenated.get(key) : undefined
    return person ? {person, length: end - at + 1} : undefined
  }

  /** `summer okono`, `omar al-rahid`: a word beside another word of the same person's name (particles and letters skipped). */
  const besideOwnName = (words: Word[], at: number, person: string): boolean => {
    for (const step of [-1, 1]) {
      let index = at + step
      while (words[index] && (particles.has(words[index]!.key) || words[index]!.key.length === 1)) index += step
      if (words[index] && people.get(words[index]!.key) === person) return true
    }
    return false
  }

  return {
    scan(text) {
      const suspects: Suspect[] = []
      // A National Insurance number, a postcode, a number plate the notes wrote: someone's, wherever it is.
      if (options.source !== undefined && /[A-Z] ?\d|\d ?[A-Z]/u.test(text)) {
        for (const shape of codedShapes) for (const match of text.matchAll(shape)) {
          if (options.source.includes(match[0])) suspects.push({text: match[0], person: 'an identifier', kind: 'contact', start: match.index, end: match.index + match[0].length, position: 'an identifier'})
        }
      }
      // `B'ham`: an attendee's place of one long word, its middle elided.
      if (/\p{Lu}['’]\p{Ll}/u.test(text)) {
        for (const match of text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu})['’](\p{Ll}{2,4})(?![\p{L}\p{N}])/gu)) {
          const head = foldWord(match[1]!)
          const tail = foldWord(match[2]!)
          const place = [...orgs.keys()].find((key) => key.length >= 7 && key.startsWith(head) && key.endsWith(tail))
          if (place) suspects.push({text: match[0], person: orgs.get(place)!, kind: 'organisation', start: match.index, end: match.index + match[0].length, position: 'a place written short'})
        }
      }
      // `P.O.`, `T. M.`: a roster member's initials written with their stops, anywhere but a post office box.
      if (/\p{Lu}\.\s?\p{Lu}\./u.test(text)) {
        for (const match of text.matchAll(/(?<![\p{L}\p{N}.])((?:\p{Lu}\.\s?){2,3})(?!\s*(?:box|\p{L}))/giu)) {
          const key = foldWord(match[1]!.replace(/[.\s]/gu, ''))
          if (match[1]!.replace(/[.\s]/gu, '') !== match[1]!.replace(/[.\s]/gu, '').toUpperCase() || !dottedInitials.has(key)) continue
          if (options.source !== undefined && !options.source.includes(match[1]!.trim())) continue
          suspects.push({text: match[1]!.trim(), person: dottedInitials.get(key)!, kind: 'person', start: match.index, end: match.index + match[1]!.trim().length, position: 'initials with their stops'})
        }
      }
      // A house number and its street, or `, of Elm Road` after someone: where a person the notes describe lives.
      if (options.source !== undefined && streetKind.test(text)) {
        for (const match of text.matchAll(homeAddress)) {
          if (options.source.includes(match[0])) suspects.push({text: match[0], person: 'an address', kind: 'contact', start: match.index, end: match.index + match[0].length, position: 'an address'})
        }
      }
      // `Dermot (Cumbria)`, `Councillor Dryden (Stroud, Cainscross ward)`, `Jane from Wigan said`, `one participant (Stroud)`:
      // where a speaker is from, set beside their name or the rewriter's word for them, shared or not (SPEC: speakers'
      // affiliations go even for shared organisations).
      if (/[(]|from\s/u.test(text)) suspects.push(...affiliations(text))
      const words = wordsOf(text)
      for (let at = 0; at < words.length; at++) {
        const word = words[at]!
        const person = people.get(word.key)
        const upper = word.text === word.text.toUpperCase() && word.text !== word.text.toLowerCase()
        const capital = word.text[0] !== word.text[0]!.toLowerCase()
        let found: Omit<Suspect, 'start' | 'end' | 'text'> | undefined
        if (person) found = {person, kind: 'person'}
        else if (upper && word.text.length <= 4 && initials.has(word.key) && (!inCapitals(text, word.start) || auditNamePosition(text, word.start, word.end)) && !inLanguageTag(text, word)) found = {person: initials.get(word.key)!, kind: 'person'}
        else if (capital && orgs.has(word.key)) found = {person: orgs.get(word.key)!, kind: 'organisation'}
        else if (orgs.has(word.key) && inWebHost(text, word)) found = {person: orgs.get(word.key)!, kind: 'organisation', position: 'a web address'}
        else if (orgs.has(word.key) && !months.has(word.key) && placePosition.test(text.slice(Math.max(0, word.start - 24), word.start)) && !gerund.test(text.slice(word.start, word.end + 10)))
          // Notes typed or dictated in lower case name the place as they name the people.
          found = {person: orgs.get(word.key)!, kind: 'organisation', position: 'a place'}
        else if (areaPlaces.has(word.key) && !months.has(word.key) && inAreaPlace(text, word, areaPlaces.get(word.key)!.word, capital))
          found = {person: areaPlaces.get(word.key)!.org, kind: 'organisation', position: placeInArea}
        else if (capital && !upper && shortNames.has(word.key) && (possessive.test(text.slice(word.end, word.end + 3)) || auditNamePosition(text, word.start, word.end)))
          found = {person: shortNames.get(word.key)!, kind: 'person'}
        else if (!upper && word.text.length <= 3 && anyCaseInitials.has(word.key) && !shortWords.has(word.key) && labelPositions.has(auditNamePosition(text, word.start, word.end) ?? ''))
          found = {person: anyCaseInitials.get(word.key)!, kind: 'person'}
        else if (!upper || word.text.length > 4) {
          // One letter off a long word of a name: a misspelt name where a name is written — with a capital inside a sentence,
          // as a possessive, or in a name position (`Hazel O'Shaugnessy said`, `siobahn's team`).
          const near = nearName(word.key)
          if (near && ((capital && !sentenceStart(text, word.start)) || possessive.test(text.slice(word.end, word.end + 3)) || auditNamePosition(text, word.start, word.end) || besideOwnName(words, at, near)))
            found = {person: near, kind: 'person'}
          else if (!near && !grammarWords.has(word.key)) {
            const slip = nearNameInPosition(word.key)
            if (slip && (auditNamePosition(text, word.start, word.end) || labelInSource(words, at))) found = {person: slip, kind: 'person'}
          }
        }
        if (!found && capital && !(upper && word.text.length <= 5) && !roleWords.has(word.key) && !pluralNoun.test(word.key) && !designed(words, at)) {
          // `R2 (Jordan):`: a capitalised word on no roster where only a person goes.
          const rule = unrosteredPosition(text, word.start, word.end)
          if (rule) {
            suspects.push({person: '', kind: 'person', text: word.text, start: word.start, end: word.end, position: rule, unrostered: true})
            continue
          }
          const private_ = privatePosition(text, word.start, word.end)
          if (private_ && !(private_.place && (generic.has(word.key) || isAreaOrLanguage(word.key)))) {
            suspects.push({person: '', kind: private_.place ? 'organisation' : 'person', text: word.text, start: word.start, end: word.end, position: private_.rule, unrostered: true})
            continue
          }
        }
        const cut = !found && word.text.length === 1 && upper ? hyphenatedLetters(text, words, at) : undefined
        if (cut) {
          for (const part of words.slice(at, at + cut.length)) suspects.push({person: cut.person, kind: 'person', text: part.text, start: part.start, end: part.end})
          at += cut.length - 1
          continue
        }
        const pair = !found || found.kind === 'person' ? namePair(text, words, at) : undefined
        if (pair && !designed(words, at)) {
          // A given name (or one letter off it) beside the same person's surname or its initial: a name, unless the
          // rewriter recorded the two words together as an ordinary use (`the summer price cap`).
          for (const part of [word, words[at + 1]!]) suspects.push({person: pair, kind: 'person', text: part.text, start: part.start, end: part.end, position: 'two parts of one name'})
          at++
          continue
        }
        if (!found || designed(words, at)) continue
        // `Reading the room`, `Bury the jargon`: an organisation's word the notes wrote in lower case, before the
        // same word, is the ordinary word (the report only capitalised the start of a sentence).
        if (found.kind === 'organisation' && !found.position && writtenInLowerCase(words, at)) continue
        // `KEEPING VICTIMS SAFE`: a line set in capitals (a title, a heading the theme capitalises) cannot say which it is; a word
        // the notes only ever wrote in lower case is the word.
        if (found.kind === 'organisation' && !found.position && upper && inCapitals(text, word.start) && onlyLowerInSource(word.key)) continue
        // A recorded ordinary use is accepted, except in a position only a person fills.
        const position = found.kind === 'person' ? (auditNamePosition(text, word.start, word.end) ?? userName(words, at, text, found.person) ?? inHandle(text, word) ?? inPersonLink(text, word) ?? (labelInSource(words, at) ? 'a label at the start of a line in the notes' : undefined)) : undefined
        // `Highland let residents propose…`: an organisation's word where only a person or an organisation fits (a label,
        // the subject of a verb) is the organisation, whatever the rewriter recorded.
        // An unshared organisation's own web address (`walsall.gov.uk`) names it, whatever the rewriter recorded of the address.
        const orgPosition = found.kind === 'organisation' ? (found.position === 'a web address' ? found.position : capital ? auditNamePosition(text, word.start, word.end) : undefined) : undefined
        if (!position && !orgPosition && (recorded(words, at) || inDate(text, word) || (grammarWords.has(word.key) && (!capital || sentenceStart(text, word.start))))) continue
        suspects.push({...found, text: word.text, start: word.start, end: word.end, ...(position ? {position} : orgPosition ? {position: orgPosition} : {})})
      }
      const flagged = new Set<number>()
      return suspects.filter((suspect) => !flagged.has(suspect.start) && Boolean(flagged.add(suspect.start)))
    },
  }

  /** Capitalised words of an affiliation after a roster name or the rewriter's word for a speaker (`affiliation`). */
  function affiliations(text: string): Suspect[] {
    const found: Suspect[] = []
    for (const match of text.matchAll(affiliation)) {
      const speaker = match[1]!
      const key = foldWord(speaker)
      const person = people.get(key)
      const named = person !== undefined && speaker[0] !== speaker[0]!.toLowerCase() && !determiner.test(text.slice(Math.max(0, match.index - 12), match.index))
      if (!named && !speakerWords.has(key)) continue
      const inside = match[2] ?? match[3]!
      const offset = match.index + match[0].length - inside.length - (match[2] === undefined ? 0 : 1)
      if (match[2] !== undefined && definesAbbreviation(text.slice(0, match.index + speaker.length), inside.trim())) continue
      for (const part of wordsOf(inside)) {
        if (part.text[0] === part.text[0]!.toLowerCase() || roleWords.has(part.key) || generic.has(part.key) || people.has(part.key) || /^\d/u.test(part.text)) continue
        // Beside the rewriter's word, capitals alone are most often a public body's (`One participant from the EA:`): a roster name's own only.
        if (!named && part.text.length <= 5 && part.text === part.text.toUpperCase()) continue
        found.push({person: person ?? '', kind: 'organisation', text: part.text, start: offset + part.start, end: offset + part.end, position: 'an affiliation beside a speaker: `name (Place)`, `name from Place said`', unrostered: true})
      }
    }
    return found
  }
}

/**
 * The rewriter's words for a roster speaker (`one participant (Stroud)`): an affiliation beside them is still theirs. Not its
 * `someone`, written for a person on no roster, most often from a public body (`Someone from Locality mentioned…`).
 */
const speakerWords = new Set(['participant', 'panellist', 'attendee', 'delegate'])
/** A word, then a bracket of up to 60 characters (1), or `from` and capitalised words before a verb of saying or a clause's end (2). */
const affiliation = new RegExp(
  String.raw`(?<![\p{L}\p{N}])([\p{L}'’-]+)(?:\s*\(([^()\n]{1,60})\)|\s+from\s+(?:the\s+)?(\p{Lu}[\p{L}&'’-]*(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}&'’-]*){0,3})(?=\s*(?:[,;:)–—]|$)|\s+(?:also\s+|just\s+)?(?:${speech})(?!\p{L})))`,
  'gu',
)

/** A word written as a name is: a capital, then small letters (`Read`, not `READ` nor `read`). */
function isTitled(word: string): boolean {
  return word[0] !== word[0]!.toLowerCase() && word.slice(1) !== word.slice(1).toUpperCase()
}

/** Edits a word of a name may be off by, scaled to its length: none under four letters, one to seven, two from eight. */
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

/** A near-miss spelling of a word of a name (`constant` of constance, `doyel` of doyle, `jeffrey` of geoffrey), not the word itself. */
function nearMiss(written: string, name: string): boolean {
  if (written === name || Math.abs(written.length - name.length) > allowedEdits(name.length)) return false
  return nearlySame(written, name) || distance(written, name) <= allowedEdits(name.length)
}

/** A National Insurance number (two letters, three pairs of digits, a letter), a UK postcode, a current number plate. */
const codedShapes = [
  /(?<![\p{L}\p{N}])\p{Lu}{2} ?(?:\d{2} ?){3}[A-D](?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])\p{Lu}{1,2}\d[\p{Lu}\d]? ?\d\p{Lu}{2}(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])\p{Lu}{2}\d{2} ?\p{Lu}{3}(?![\p{L}\p{N}])/gu,
]

const streetKind = /(?:Road|Street|Avenue|Close|Lane|Drive|Way|Crescent|Gardens|Terrace|Grove|Place|Court|Walk|Rise|Mews|Row|Square|Parade)(?!\p{L})/u
const homeAddress = /(?:(?<![\p{L}\p{N}])\d{1,4}[a-z]?,?\s|(?<=,\s*)of\s)(?:\p{Lu}[\p{L}'’.-]*\s){1,2}(?:Road|Street|Avenue|Close|Lane|Drive|Way|Crescent|Gardens|Terrace|Grove|Place|Court|Walk|Rise|Mews|Row|Square|Parade)(?![\p{L}\p{N}])/gu

/** A word inside a user handle (`@cllr_rob_s`, `u/patience_m`): whoever's name is in a handle is named by it. */
function inHandle(text: string, word: Word): string | undefined {
  let start = word.start
  while (start > 0 && /[\p{L}\p{N}_.-]/u.test(text[start - 1]!)) start--
  return text[start - 1] === '@' || (text[start - 1] === '/' && /(?:^|[^\p{L}\p{N}])u$/u.test(text.slice(Math.max(0, start - 3), start - 1))) ? 'a user handle' : undefined
}

/** A folder of people's pages in a URL (`/people/`, `/staff/`, `/in/`): the audit's own list. */
const peopleFolder = /^(?:people|person|staff|team|our-team|profiles?|in|users?|u|members?|authors?|speakers?|contacts?|directory|who-we-are|about-us|~)$/iu
/** A query's field that names a user (`?u=frank_dh`, `profile.php?user=sue.field`), then the value up to the word: the audit's own list. */
const queryUser = /[?&;](?:u|uid|user|users|username|user_?name|usr|member|members|memberid|profile|author|handle|nick|nickname|login|who|person|owner|name)=[^&#\s=]*$/iu
const titleSlug = /^(?:mr|mrs|ms|mx|dr|cllr|councillor|prof|revd)[-_.+]/iu

/**
 * A word in a link that names someone: an org-mode link's label (`[[https://…][Sue Field]]`), or a URL's page in a folder of
 * people's pages or titled (`/people/field`, `/team/mr-hill`). Whoever a link is to is named by it, whatever the word.
 */
function inPersonLink(text: string, word: Word): string | undefined {
  const head = text.slice(Math.max(0, word.start - 80), word.start)
  if (/\]\[[^[\]\n]{0,60}$/u.test(head) && /(?:\[\[|:\/\/)[^\s]*\]\[[^[\]\n]{0,60}$/u.test(head)) return "an org-mode link's label: `[[url][name]]`"
  let start = word.start
  while (start > 0 && !/[\s"'<>()[\]]/u.test(text[start - 1]!)) start--
  const token = text.slice(start, word.end)
  if (!/(?:^[a-z][a-z0-9+.-]*:\/\/|^www\.)[^/]+\/./iu.test(token)) return undefined
  if (queryUser.test(text.slice(start, word.start))) return "a user in a web address's query: `?u=name`"
  const segments = token.split('/')
  const segment = segments.at(-1)!
  const folder = segments.at(-2) ?? ''
  return segments.length >= 2 && (peopleFolder.test(folder) || titleSlug.test(segment)) ? "a page named after someone: `/people/name`" : undefined
}

/** One letter added, dropped or changed (`rebeca` of rebecca, `siobahn` of siobhan): the audit's own, shared with nothing. */
function nearlySame(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  let j = 0
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++
  if (a.length === b.length && a.slice(i, a.length - j).length === 2 && a[i] === b[i + 1] && a[i + 1] === b[i]) return true
  return Math.max(a.length, b.length) - i - j <= 1
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
