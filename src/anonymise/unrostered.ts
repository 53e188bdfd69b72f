/**
 * People who are not on the roster but are named in the notes: `Dr Alan
 * Reyes (Birmingham uni)`, `Sarah from the LGA`, `Josh at the Centre…`.
 *
 * Capitalised runs of words are candidates; each is weighed with the word
 * lists (given names and surnames from faker's locales and compromise's
 * lexicon, English vocabulary, places, organisation words) and with the
 * context around it (an honorific, `my name is`, `from the X`, a speech
 * verb, a speaker label). A confident detection is replaced; every
 * detection, confident or not, is reported.
 */
import {commonWords, isDictionaryWord, isOrdinaryWord, wordKey} from './forms.js'
import {calendarUse, calendarWords} from './lexicon/calendar.js'
import {getGazetteer, getLexicon, type Lexicon} from './lexicon/index.js'
import {rulePatterns} from './patterns.js'
import {currentModel, inflectionOfWord, tagPeople} from './tagger/index.js'
import {isLanguageName} from './tagger/model.js'
import {LETTER, MARK, scanJoinedRuns} from '../util/scan.js'

export interface PersonCandidate {
  start: number
  end: number
  text: string
  /** Sure enough to replace; otherwise only reported. */
  confident: boolean
  /** Sure from the name alone (an honorific, a middle initial, a listed given name and surname): its words are names elsewhere too. */
  strong: boolean
  /** An academic or medical title was used (`Dr`, `Prof`). */
  expert: boolean
  possessive: boolean
  /** Why it looks like a person, for the review page. */
  reason: string
  /** The words of the name itself (no title, no suffix), folded. */
  keys: string[]
}

export interface DetectOptions {
  /** Ranges already accounted for (roster people, organisations, contacts, URLs, protected phrases). */
  skip?: Array<{start: number; end: number}>
  /** Name words found with confidence elsewhere in the same document. */
  known?: ReadonlySet<string>
  /** The string starts a block (a note, a heading, a cell): a label may open it. */
  blockStart?: boolean
  /** Ranges the rules left as ordinary words on purpose (`carol concerts`): the tagger does not take them. */
  ordinary?: Array<{start: number; end: number}>
}

interface Word {
  text: string
  key: string
  start: number
  end: number
}

/** Lower-case words that belong inside a name: `van der Berg`, `da Silva`, `bin Said`. */
const particles = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter', 'ten', 'zu'])

/** Words with a capital that are never part of a person's name. */
const functionWords = new Set([
  'i', 'a', 'an', 'the', 'and', 'or', 'but', 'if', 'so', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'is', 'it', 'its', 'we', 'you', 'he', 'she',
  'they', 'his', 'her', 'our', 'your', 'their', 'my', 'me', 'us', 'them', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'why', 'how', 'when', 'where', 'who',
  'which', 'do', 'does', 'did', 'be', 'are', 'was', 'were', 'has', 'have', 'had', 'not', 'no', 'yes', 'all', 'any', 'some', 'one', 'two', 'three', 'also', 'just', 'ok',
  'okay', 'hi', 'hello', 'dear', 'thanks', 'please', 'maybe', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'am', 'pm', 'etc', 'eg', 'ie', 'vs', 'via', 'per',
])

/** Words that make a capitalised run an organisation or a thing, not a person. */
const notPersonWords = new Set([
  'council', 'councils', 'borough', 'county', 'city', 'town', 'parish', 'authority', 'government', 'department', 'ministry', 'agency', 'uni', 'university', 'college',
  'school', 'academy', 'institute', 'centre', 'center', 'foundation', 'trust', 'network', 'networks', 'partners', 'partnership', 'group', 'ltd', 'limited', 'inc', 'llp',
  'plc', 'company', 'corporation', 'association', 'society', 'union', 'club', 'hub', 'lab', 'labs', 'fund', 'bank', 'nhs', 'icb', 'hospital', 'surgery', 'library',
  'house', 'hall', 'street', 'road', 'lane', 'avenue', 'square', 'park', 'station', 'airport', 'bridge', 'week', 'day', 'month', 'year', 'report', 'review', 'act',
  'strategy', 'plan', 'programme', 'program', 'project', 'policy', 'framework', 'model', 'toolkit', 'guide', 'playbook', 'platform', 'app', 'exchange', 'summit',
  'conference', 'forum', 'panel', 'board', 'committee', 'team', 'service', 'services', 'care', 'energy', 'deal', 'leap', 'wage', 'charter', 'pledge', 'award', 'awards',
])

function isCapitalised(text: string): boolean {
  return rulePatterns.startsUpper.test(text) && (text.length === 1 || rulePatterns.lowerLetter.test(text))
}

/** The gap between two words of one name: a space, or an initial's dot and a space. */
function joins(value: string, left: Word, right: Word): boolean {
  const gap = value.slice(left.end, right.start)
  return gap === ' ' || (gap === '. ' && left.text.length === 1)
}

const keyOf = wordKey

interface Judged {
  confident: boolean
  reason: string
  strong?: boolean
}

/** Find likely people in one string. Linear: one pass over its words, bounded windows around each run. */
export function detectPeople(value: string, options: DetectOptions = {}): PersonCandidate[] {
  const found = rulePatterns.upperLetter.test(value) ? detectByRules(value, options) : []
  return addTagged(value, found, [...(options.skip ?? []), ...(options.ordinary ?? [])])
}

/**
 * `Northbank Partners`, `Tandem Care Partners`, `Grenfell Tower Inquiry`: the tagged words name an organisation,
 * a public inquiry, a building or a place when they hold an organisation word or one (or a word of `thingWords`)
 * ends the run of capitalised words they start.
 */
function inOrganisationName(value: string, span: {end: number; keys: string[]}): boolean {
  const orgWords = getLexicon().orgWords
  if (span.keys.some((key) => orgWords.has(key))) return true
  const run = /^(?: \p{Lu}[\p{L}\p{M}]*){1,3}/u.exec(value.slice(span.end, span.end + 60))?.[0]
  if (run === undefined) return false
  const last = run.slice(run.lastIndexOf(' ') + 1).toLowerCase()
  return orgWords.has(last) || thingWords.has(last)
}

/** Words that end the name of a public thing named after a person or a place: inquiries, buildings, streets, awards. */
const thingWords = new Set([
  'inquiry', 'review', 'report', 'act', 'tower', 'towers', 'house', 'hall', 'court', 'road', 'street', 'lane', 'avenue', 'square', 'bridge', 'park',
  'estate', 'building', 'award', 'awards', 'prize', 'lecture', 'scheme', 'programme', 'commission', 'memorial', 'stadium', 'station', 'library',
])

/** What an eponym names: `Maslow's hierarchy`, `Goodhart's law`, `Occam's razor`, `the Hawthorne effect`. */
const ideaWords = new Set([
  'law', 'laws', 'hierarchy', 'principle', 'principles', 'razor', 'theorem', 'paradox', 'effect', 'curve', 'dilemma', 'fallacy', 'pyramid',
  'cycle', 'ladder', 'triangle', 'rule', 'rules', 'constant', 'equation', 'syndrome', 'disease', 'wager', 'theory', 'hypothesis', 'test', 'scale',
  'index', 'matrix', 'method', 'framework', 'model', 'diagram', 'criteria', 'conjecture', 'number', 'ratio', 'distribution',
])

/** The tagged words are a person's name used for an idea: `'s` or nothing, then an idea word. */
function namesAnIdea(value: string, end: number): boolean {
  const next = /^(?:['’]s)? ([\p{L}]+)/u.exec(value.slice(end, end + 30))
  return next !== null && ideaWords.has(next[1]!.toLowerCase())
}

/**
 * Is a lower-case span inside a sentence in another language (`"Class subah hoti hai, aur main subah kaam karta hoon."`)?
 * There, words no English list knows are that language's words, not names written without their capitals: at least four
 * words between the sentence's bounds (its stops, quotes, brackets, line), fewer than half of them English.
 */
function inOtherLanguage(value: string, span: {start: number; end: number}): boolean {
  const bounds = /[.!?;:"“”„«»()[\]\n–—]/u
  let from = span.start
  while (from > 0 && span.start - from < 300 && !bounds.test(value[from - 1]!)) from--
  let to = span.end
  while (to < value.length && to - span.end < 300 && !bounds.test(value[to]!)) to++
  // The sentence's other words: the span's own would say it is foreign whatever it is.
  const words = [...(value.slice(from, span.start).match(/\p{L}+/gu) ?? []), ...(value.slice(span.end, to).match(/\p{L}+/gu) ?? [])]
  if (words.length < 4) return false
  return words.filter((word) => isOrdinaryWord(word)).length * 2 < words.length
}

/** Nouns a label puts after a person (`Rubija notes:`), words of time and place (`Jolene again:`, `Jolene here`), and verbs of saying. */
const labelNouns = 'notes?|update|updates|thoughts|view|views|take|comments?|questions?|points?|reflections?|summary|response|answer|reply|intro|here|there|again|later|too|also|now|then|today|said|says|asked|asks|agreed|agrees|thinks|thought|noted|added|replied|explained|mentioned|suggested|argued'

/**
 * Word uses the tagger must not take for a person, one row a shape: what the words around a one-word span say it is. Each
 * row tests the text before the span (its line) or after it, and the span's word.
 */
const taggedWordUses: ReadonlyArray<{id: string; before?: RegExp; after?: RegExp; word?: (word: string) => boolean}> = [
  // `the Mr Hill-led laundrette pilot`, `a Moyo-style kiosk`: what a person led or styled is a thing, not another person.
  {id: 'what a name-led compound qualifies', before: /-(?:led|chaired|run|hosted|facilitated|designed|founded|fronted|style|inspired|backed|funded)[^\S\n]+$/iu},
  // `Intro and housekeeping`, `tech and tea mornings`: an English word listed with a word typed small is a common noun (an
  // agenda's item, what a session offered), as `Holly and ivy` is for the rules.
  {
    id: 'listed with a common noun',
    after: /^[^\S\n]+(?:and|or|&)[^\S\n]+(?!(?:i|we|they|he|she|you|me|us|them|my|our|their|his|her)(?![\p{L}]))\p{Ll}[\p{Ll}-]*(?![\p{L}])(?![^\S\n]+(?:said|says|agreed|thought|think|reckon|led|ran)(?![\p{L}]))/u,
    // Not a given name or a surname the lexicon knows (`Priya and colleagues` is someone).
    word: (word) => isOrdinaryWord(word) || isDictionaryWord(word) || !(getLexicon().given.has(wordKey(word)) || getLexicon().family.has(wordKey(word))),
  },
  // `## Cyber insurance`, `- Zakat funds: …`, `**Kanban boards**`: a heading or a label that is a noun phrase, a capitalised word
  // before a common noun, is a kind of thing (the capital is the heading's). Not a word the lists know as a name, and not
  // a noun a label puts after a person (`Rubija notes:`, `Priya update:`) nor a word of time (`Jolene again:`).
  {
    id: 'a modifier of a common noun in a heading or a label',
    before: /^[^\S\n]*(?:#{1,6}[^\S\n]+|[-*+•][^\S\n]+|\d{1,3}[.)][^\S\n]+)*(?:\*\*|__|\*|_)?$/u,
    after: new RegExp(
      String.raw`^[^\S\n]+(?!(?:${labelNouns})(?![\p{L}]))\p{Ll}[\p{Ll}-]+(?:[^\S\n]+(?:and|&)[^\S\n]+\p{Ll}[\p{Ll}-]+)?(?:\*\*|__|\*|_)?[^\S\n]*(?::|$)`,
      'u',
    ),
    word: (word) => !(getLexicon().given.has(wordKey(word)) || getLexicon().family.has(wordKey(word))),
  },
]

/** Which row of `taggedWordUses` says the one-word span `start…end` is a word, if any. */
function taggedWordUse(value: string, start: number, end: number): string | undefined {
  const lineStart = value.lastIndexOf('\n', start - 1) + 1
  const head = value.slice(Math.max(lineStart, start - 60), start)
  const rest = value.slice(end, end + 60)
  const word = value.slice(start, end)
  return taggedWordUses.find((use) => (!use.before || use.before.test(head)) && (!use.after || use.after.test(rest)) && (!use.word || use.word(word)))?.id
}

/** A chunk of text between spaces that is an address, a handle, a tag or a path: no name is taken from inside it. */
const addressLike = /[@#/\\_]|\p{L}\.\p{L}/u

/**
 * The statistical tagger (tagger/), one more recogniser after the rules: its names where the rules
 * found nothing and recorded nothing (roster people, public names, ordinary uses, URLs are in `skip`),
 * and never a run of English words or places (`Dawn raids`, `Carbon Literacy`, `Paris`): the rules have judged those.
 */
function addTagged(value: string, found: PersonCandidate[], skip: ReadonlyArray<{start: number; end: number}>): PersonCandidate[] {
  const taken = (start: number, end: number) => found.some((candidate) => start < candidate.end && end > candidate.start) || skip.some((range) => start < range.end && end > range.start)
  // A span that overlaps what is taken is dropped below: the tagger need not score a sentence whose every candidate is taken.
  const tagged = tagPeople(value, currentModel(), taken)
  if (tagged.length === 0) return found
  const extra: PersonCandidate[] = []
  for (const span of tagged) {
    if (span.ordinary || taken(span.start, span.end) || inOrganisationName(value, span) || namesAnIdea(value, span.end)) continue
    // `last Autumn`, `Summer 2025`: a month, weekday or season in a date's context is the calendar's.
    if (span.keys.length === 1 && calendarUse(value, span.start, span.end) !== undefined) continue
    if (span.keys.length === 1 && taggedWordUse(value, span.start, span.end) !== undefined) continue
    // `Milton Keynes`: a UK place of two words or more, whole, unless a verb a person does follows it.
    if (span.keys.length >= 2 && getGazetteer().ukWhole.has(span.keys.join(' ')) && !rulePatterns.personVerbAfter.test(value.slice(span.end, span.end + 40))) continue
    if (value[span.start] !== value[span.start]!.toUpperCase() && inOtherLanguage(value, span)) continue
    // The chunk around the span up to the nearest space, looked for in a bounded window (linear on a line with no spaces).
    const from = Math.max(0, span.start - 80)
    const window = value.slice(from, span.end + 80)
    const chunkStart = window.lastIndexOf(' ', span.start - from) + 1
    const chunkEnd = window.indexOf(' ', span.end - from)
    if (addressLike.test(window.slice(chunkStart, chunkEnd === -1 ? window.length : chunkEnd))) continue
    let end = span.end
    const possessive = rulePatterns.possessiveS.test(value.slice(end, end + 3))
    if (possessive) end += 2
    extra.push({start: span.start, end, text: value.slice(span.start, end), confident: true, strong: false, expert: false, possessive, reason: 'the tagger, from the words and their context', keys: span.keys})
  }
  return extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.start - b.start)
}

function detectByRules(value: string, options: DetectOptions): PersonCandidate[] {
  const lexicon = getLexicon()
  const skip = options.skip ?? []
  const known = options.known ?? new Set<string>()
  const words: Word[] = []
  const ranges = [...skip].sort((a, b) => a.start - b.start)
  let next = 0
  // `rulePatterns.nameWord`'s matches, read by a code-point scanner (the same words, faster than the pattern).
  const runs = scanJoinedRuns(value, LETTER | MARK)
  for (let at = 0; at < runs.length; at += 2) {
    const start = runs[at]!
    const end = runs[at + 1]!
    while (next < ranges.length && ranges[next]!.end <= start) next++
    if (next < ranges.length && ranges[next]!.start < end) {
      words.push({text: '', key: '', start, end})
      continue
    }
    const text = value.slice(start, end)
    words.push({text, key: keyOf(text), start, end})
  }

  const found: PersonCandidate[] = []
  let index = 0
  while (index < words.length) {
    const word = words[index]!
    const titled = rulePatterns.title.test(word.text)
    if (!(isCapitalised(word.text) || titled)) {
      index++
      continue
    }
    // A run of capitalised words (and particles, and initials) joined by single spaces.
    let last = index
    while (last + 1 < words.length && last - index < 5) {
      const next = words[last + 1]!
      if (!next.text || !joins(value, words[last]!, next)) break
      if (isCapitalised(next.text) || (particles.has(next.text) && words[last + 2] && isCapitalised(words[last + 2]!.text) && joins(value, next, words[last + 2]!))) last++
      else break
    }
    const candidate = judgeRun(value, words, index, last, lexicon, known, options)
    if (candidate) found.push(candidate)
    index = last + 1
  }
  return linkCoordinated(value, words, found, lexicon, known)
}

function isEnglish(key: string, lexicon: Lexicon): boolean {
  // Months, weekdays and seasons are words (`Autumn`, `August`): a name only where the context insists.
  if (functionWords.has(key) || lexicon.words.has(key) || notPersonWords.has(key) || lexicon.orgWords.has(key) || calendarWords.has(key)) return true
  // Inflections of known words (`batteries`, `frameworks`, `imaging`), unless the word is a name (`Oliver`, `Hollis`).
  if (lexicon.given.has(key) || lexicon.family.has(key) || rulePatterns.contraction.test(key)) return rulePatterns.contraction.test(key)
  return inflectionOfWord(key, lexicon)
}

function isNameWord(key: string, lexicon: Lexicon, known: ReadonlySet<string>): boolean {
  return lexicon.given.has(key) || lexicon.family.has(key) || known.has(key)
}

function judgeRun(value: string, words: Word[], from: number, to: number, lexicon: Lexicon, known: ReadonlySet<string>, options: DetectOptions): PersonCandidate | undefined {
  // An honorific before the run, in any case: `ms. Marcela`, `Dr Alan Reyes`.
  let title: Word | undefined
  let first = from
  if (rulePatterns.title.test(words[from]!.text)) {
    title = words[from]
    first = from + 1
    // `one councillor` at the end of the text: a title with no name after it.
    if (first > to) return undefined
  } else if (from > 0 && words[from - 1]!.text && rulePatterns.title.test(words[from - 1]!.text) && rulePatterns.nameGap.test(value.slice(words[from - 1]!.end, words[from]!.start))) {
    title = words[from - 1]
  }
  // `Carbon Literacy Trust`, `Good Things Foundation`, `Birmingham uni`: an organisation or a thing, not a person.
  for (let at = from; at <= to; at++) if (notPersonWords.has(words[at]!.key) || lexicon.orgWords.has(words[at]!.key) || isLanguageName(words[at]!.key)) return undefined
  const next = words[to + 1]
  if (next && next.text && rulePatterns.singleSpace.test(value.slice(words[to]!.end, next.start)) && notPersonWords.has(next.key)) return undefined
  let last = to
  // Ordinary words at either end are not part of a name: `Producer James Sparks`, `Zoe Young employs`.
  while (first < last && !title && isEnglish(words[first]!.key, lexicon) && (functionWords.has(words[first]!.key) || !lexicon.given.has(words[first]!.key))) first++
  if (first === last && !title && functionWords.has(words[first]!.key)) return undefined
  // `Saint`: `St Helens`, `St Albans` are places.
  if (rulePatterns.saint.test(words[first]!.key) && first < last) return undefined
  // `James Sparks explained`: a given name, then a word that is also a noun, then a verb — still a name.
  const verbAfter = rulePatterns.personVerbAfter.test(value.slice(words[last]!.end, words[last]!.end + 40))
  const keepTail = verbAfter && lexicon.given.has(words[first]!.key) && !isEnglish(words[first]!.key, lexicon)
  while (!keepTail && last > first && isEnglish(words[last]!.key, lexicon) && !lexicon.family.has(words[last]!.key) && !known.has(words[last]!.key)) last--
  if (first === last && isEnglish(words[first]!.key, lexicon) && !lexicon.given.has(words[first]!.key) && !lexicon.family.has(words[first]!.key) && !known.has(words[first]!.key) && !title) return undefined
  if (first > last) return undefined
  const name = words.slice(first, last + 1)
  // `West Yorkshire`, `Paris`, `New Zealand`.
  const phrase = name.map((word) => word.key).join(' ')
  const start = (title ?? name[0]!).start
  let end = name.at(-1)!.end
  if (name.at(-1)!.text.length === 1 && value[end] === '.') end++
  // `Kevin Veitonen II`, `Kathrine Filemonsen DDS`.
  const after = words[last + 1]
  if (after && after.text && value.slice(end, after.start) === ' ' && rulePatterns.nameSuffix.test(after.text)) end = after.end + (value[after.end] === '.' ? 1 : 0)

  const head = value.slice(Math.max(0, start - 60), start)
  let possessive = false
  let tail = value.slice(end, end + 60)
  const apostrophe = rulePatterns.possessiveS.exec(tail) ?? (rulePatterns.endsInLowerS.test(name.at(-1)!.text) ? rulePatterns.possessiveApostrophe.exec(tail) : null)
  if (apostrophe) {
    possessive = true
    end += apostrophe[0].length
    tail = value.slice(end, end + 60)
  }
  const atSentenceStart = rulePatterns.sentenceStart.test(head) || (options.blockStart !== false && head.trim() === '' && start === value.length - value.trimStart().length)
  const lineStart = rulePatterns.lineStartBefore.test(head)
  const lineAlone = lineStart && rulePatterns.lineEndAfter.test(tail)
  // `Yefremova's Cautionary Tales`: capitalised words after a possessive are a title, not a person.
  if (rulePatterns.possessiveBefore.test(head) && !title && !lexicon.given.has(name[0]!.key)) return undefined
  const judged = judge(name, {title: Boolean(title), head, tail, atSentenceStart, possessive, lineStart, lineAlone}, phrase, lexicon, known)
  if (!judged) return undefined
  return {
    start,
    end,
    text: value.slice(start, end),
    confident: judged.confident,
    strong: Boolean(judged.strong),
    expert: Boolean(title && rulePatterns.expertTitle.test(title.text)),
    possessive,
    reason: judged.reason,
    keys: name.filter((word) => word.text.length > 1).map((word) => word.key),
  }
}

interface Context {
  title: boolean
  head: string
  tail: string
  atSentenceStart: boolean
  possessive: boolean
  lineStart: boolean
  /** The run is a line of its own: `Julcsa Kárpáthy` above an address. */
  lineAlone: boolean
}

/**
 * A UK or Irish place of the gazetteer that no list of names has: one town, authority or county (`Wolverhampton`,
 * `Kirklees`), or every word of a longer name (`Merthyr Tydfil`). The rules read it as they read the lexicon's places.
 */
function gazetteerPlace(keys: string[], lexicon: Lexicon): boolean {
  if (keys.length === 0 || keys.some((key) => lexicon.given.has(key) || lexicon.family.has(key))) return false
  const {uk, ukPart} = getGazetteer()
  return keys.length === 1 ? uk.has(keys[0]!) : keys.every((key) => uk.has(key) || ukPart.has(key))
}

function judge(name: Word[], context: Context, phrase: string, lexicon: Lexicon, known: ReadonlySet<string>): Judged | undefined {
  const keys = name.map((word) => word.key)
  const full = name.filter((word) => word.text.length > 1)
  const english = (key: string) => isEnglish(key, lexicon) || (rulePatterns.englishEnding.test(key) && !isNameWord(key, lexicon, known))
  const place = lexicon.places.has(phrase) || (keys.length === 1 && lexicon.places.has(keys[0]!)) || gazetteerPlace(keys, lexicon)

  // Strong cues, whatever the words.
  const label = context.lineStart && rulePatterns.colonAfter.test(context.tail)
  const intro = rulePatterns.nameIntro.test(context.head)
  const affiliation = rulePatterns.affiliationAfter.test(context.tail) || rulePatterns.acronymAfter.test(context.tail)
  const verb = rulePatterns.personVerbAfter.test(context.tail)
  const speechBefore = rulePatterns.nameObjectBefore.test(context.head)
  const relation = rulePatterns.relationBefore.test(context.head)
  // An attribution: after a dash at the end (`— Name`, `— Name, role`), alone in brackets, or hedged (`Name I think`).
  const attribution =
    (rulePatterns.trailingDash.test(context.head) && (rulePatterns.trailingEnd.test(context.tail) || rulePatterns.roleTail.test(context.tail))) ||
    (rulePatterns.openBracketBefore.test(context.head) && rulePatterns.closeBracketAfter.test(context.tail)) ||
    rulePatterns.hedgeAfter.test(context.tail)
  const vocative = rulePatterns.vocativeAfter.test(context.tail) && rulePatterns.vocativeBefore.test(context.head) && !context.atSentenceStart

  // `Mrs T, 84`, `Mr B`: a person the notes name by an honorific and an initial, as case studies do.
  if (context.title && full.length === 0 && name.length === 1 && /^\p{Lu}$/u.test(name[0]!.text)) return {confident: true, strong: false, reason: 'an honorific before an initial'}
  if (context.title && full.length > 0) {
    const confident = !full.every((word) => english(word.key) && !isNameWord(word.key, lexicon, known))
    return {confident, strong: confident, reason: 'an honorific before a name'}
  }
  if (full.length === 0) return undefined

  if (full.length >= 2) {
    // `Milton Keynes`, `Newton Stewart`: a UK place of two words or more, whole, unless a person's cue says otherwise (`Harold Wood said`).
    if (!context.title && getGazetteer().ukWhole.has(phrase) && !(verb || intro || label || speechBefore || affiliation)) return undefined
    const nonEnglish = full.filter((word) => !english(word.key))
    const listed = full.filter((word) => isNameWord(word.key, lexicon, known))
    const initial = name.length > full.length && name[0]!.text.length > 1 && name.at(-1)!.text.length > 1
    if (place && listed.length === 0) return undefined
    if (initial && nonEnglish.length >= 1) return {confident: true, strong: true, reason: 'a name with a middle initial'}
    const given = lexicon.given.has(full[0]!.key) || known.has(full[0]!.key)
    const lastKey = full.at(-1)!.key
    const listedSurname = lexicon.family.has(lastKey) || known.has(lastKey)
    const surname = listedSurname || (!english(lastKey) && !lexicon.places.has(lastKey))
    const cue = verb || affiliation || intro || label || speechBefore || context.lineAlone
    if (given && surname && (!english(full[0]!.key) || !english(lastKey))) return {confident: true, strong: listedSurname, reason: 'a given name and a surname'}
    if (given && !lexicon.places.has(lastKey) && cue) return {confident: true, reason: 'a given name and another name, in a name context'}
    if (nonEnglish.length === full.length && !full.some((word) => lexicon.places.has(word.key))) {
      if (listed.length > 0 || !context.atSentenceStart || cue) return {confident: true, reason: 'capitalised words that are not English'}
      return {confident: false, reason: 'capitalised words that are not English'}
    }
    if (listed.length >= 1 && nonEnglish.length >= 1 && (verb || intro || label || speechBefore || affiliation)) return {confident: true, reason: 'a name in a name context'}
    // `— Aoife Ní Dhuibhir, team leader`, `(Aoife Ní Dhuibhir)`, `Aoife Ní Dhuibhir's team`: words no list knows, where only a person goes.
    if (nonEnglish.length >= 1 && !place && (cue || attribution || context.possessive)) return {confident: true, reason: 'capitalised words, not all English, in a name position'}
    return undefined
  }

  // One word.
  const key = full[0]!.key
  const strong = intro || label || relation || (context.possessive && !context.atSentenceStart)
  const given = lexicon.given.has(key)
  if (known.has(key)) return {confident: true, reason: 'named in full elsewhere in the notes'}
  if (english(key) || place) {
    // `Frank`, `Will`, `Grace`: a name only where the context insists.
    // A label only for names that are words (`Will:`, `Grace:`), not for words that are rarely names (`Name:`, `Note:`).
    const nameLabel = label && (commonWords.has(key) || !english(key))
    if (given && (intro || nameLabel || rulePatterns.affiliationAfter.test(context.tail) || rulePatterns.saidAfter.test(context.tail))) {
      return {confident: true, reason: 'a name that is also a word, in a name context'}
    }
    return undefined
  }
  const family = lexicon.family.has(key)
  if (given || family) {
    // `Leif, can I…`: a name called out at the start.
    const called = given && context.atSentenceStart && rulePatterns.commaAfter.test(context.tail) && context.head.trim() === ''
    if (strong || affiliation || verb || speechBefore || vocative || called || !context.atSentenceStart) return {confident: true, reason: given ? 'a given name in a name context' : 'a surname in a name context'}
    // One listed word opening a sentence, with nothing around it that a person does: most likely a word (`Solar on council roofs`).
    return undefined
  }
  // A plural noun's possessive, in a body's or a report's name (`the Victims' Commissioner`, `the Renters' Reform
  // Coalition`, `Carers' Trust`): a word the wider dictionary knows, not a person's (held-out set 8).
  if (context.possessive && key.endsWith('s') && isDictionaryWord(key)) return undefined
  // A word no list knows: `Rubija`, `Shovda`, `Järvilehto`.
  if (strong || affiliation || rulePatterns.unknownNameVerb.test(context.tail) || rulePatterns.saysBefore.test(context.head)) {
    return {confident: true, reason: 'an unknown word in a name context'}
  }
  return undefined
}

/** `Kónya, Becker and Vasquez`: names listed with a detected name are names too. */
function linkCoordinated(value: string, words: Word[], found: PersonCandidate[], lexicon: Lexicon, known: ReadonlySet<string>): PersonCandidate[] {
  if (found.length === 0) return found
  const extra: PersonCandidate[] = []
  const taken = (start: number, end: number) => found.some((candidate) => start < candidate.end && end > candidate.start) || extra.some((candidate) => start < candidate.end && end > candidate.start)
  for (const word of words) {
    if (!word.text || !isCapitalised(word.text) || taken(word.start, word.end)) continue
    if (!isNameWord(word.key, lexicon, known) || lexicon.places.has(word.key) || (isEnglish(word.key, lexicon) && !lexicon.family.has(word.key))) continue
    const neighbour = found.find((candidate) => {
      if (!candidate.confident) return false
      const between = candidate.end <= word.start ? value.slice(candidate.end, word.start) : value.slice(word.end, candidate.start)
      return between.length < 8 && rulePatterns.coordination.test(between)
    })
    if (neighbour) extra.push({start: word.start, end: word.end, text: word.text, confident: true, strong: false, expert: false, possessive: false, reason: 'listed with another name', keys: [word.key]})
  }
  return extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.start - b.start)
}
