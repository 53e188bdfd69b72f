/**
 * The public-name recogniser: spans of text that hold a person's name but name no one in the room,
 * so that the roster and the detection of other people leave them whole.
 *
 * - a listed public name (`Marks & Spencer`, `Heath Robinson`, `rob Peter to pay Paul`);
 * - a weather event (`Storm Dennis`, `Hurricane Katrina`);
 * - a capitalised place or organisation name with a head word (`the Isle of Lewis`, `the John Lewis
 *   Partnership`, `Castle Hill Library`);
 * - a public figure, named in full after a public role or title (`footballer Marcus Rashford`, `Dame Wendy
 *   Mitchell`, `the minister Jo Smith`, `Wendy Mitchell MP`);
 * - the author of an eponymous document (`Charlie Taylor's 2016 review`, `Wendy Mitchell's book`, `the Lammy
 *   review`, `Marcus Rashford's free school meals campaign`).
 *
 * A roster organisation is never shielded (the rewriter finds it apart), and a person named in full
 * (two words of a roster name) inside one still counts: only a single word of a name is left.
 */
import {publicNames} from './lexicon/public-names.js'
import {wordKey} from './forms.js'
import {rulePatterns} from './patterns.js'
import {LETTER, NUMBER, scanJoinedRuns} from '../util/scan.js'

export interface Span {
  start: number
  end: number
  reason: string
}

/** Words that make a capitalised phrase a place or an organisation: the first or last word of it. */
const heads = new Set([
  'isle', 'island', 'islands', 'partnership', 'street', 'road', 'lane', 'avenue', 'square', 'park', 'hall', 'house', 'centre', 'center',
  'library', 'school', 'college', 'university', 'trust', 'foundation', 'hospital', 'church', 'cathedral', 'chapel', 'bridge', 'station',
  'building', 'court', 'estate', 'museum', 'gallery', 'theatre', 'forum', 'prize', 'award', 'fund', 'bay', 'river', 'valley', 'mount',
  'port', 'castle', 'tower', 'gardens', 'common', 'moor', 'crescent', 'terrace', 'drive', 'institute', 'academy', 'society', 'ltd', 'llp',
  'plc', 'limited', 'company', 'stores', 'hotel', 'arena', 'stadium', 'market', 'lake', 'loch', 'forest', 'wood', 'woods', 'hills',
  'fields', 'quarter', 'wharf', 'dock', 'docks', 'pier', 'airport', 'line', 'memorial', 'fellowship', 'lecture', 'report', 'review',
  'act', 'law', 'syndrome', 'disease', 'effect', 'principle', 'rule', 'test', 'scale', 'method', 'model', 'index', 'centre\'s', 'inn',
  'arms', 'tavern', 'pub', 'cafe', 'café', 'bakery', 'shop', 'store', 'surgery', 'practice', 'clinic', 'ward', 'wing', 'unit', 'campus',
  // Named schemes and policies: `Minimum Income Guarantee`, `Household Support Fund`, `Warm Homes Scheme`.
  'guarantee', 'scheme', 'allowance', 'programme', 'program', 'strategy', 'charter', 'pledge', 'premium', 'initiative', 'pathway', 'framework',
  'stocktake', 'inquiry', 'commission', 'plan', 'cap',
])

/** Words that join a capitalised phrase: `Isle of Lewis`, `Marks & Spencer`, `Stratford-upon-Avon`. */
const joiners = new Set(['of', 'the', 'and', '&', 'upon', 'on', 'de', 'la', 'du', 'von', 'van'])

const key = wordKey

interface Word {
  key: string
  start: number
  end: number
  upper: boolean
}

function wordsOf(value: string): Word[] {
  const words: Word[] = []
  // `rulePatterns.publicWord`'s matches, read by a code-point scanner (the same words, faster than the pattern).
  const runs = scanJoinedRuns(value, LETTER | NUMBER, false, true)
  for (let at = 0; at < runs.length; at += 2) {
    const text = value.slice(runs[at]!, runs[at + 1]!)
    words.push({key: key(text), start: runs[at]!, end: runs[at + 1]!, upper: rulePatterns.startsUpper.test(text)})
  }
  return words
}

/** Listed names by their first word; each a list of word keys. */
let listed: Map<string, string[][]> | undefined
function listedNames(): Map<string, string[][]> {
  if (listed) return listed
  listed = new Map()
  for (const name of publicNames) {
    const keys = wordsOf(name).map((word) => word.key)
    if (keys.length === 0) continue
    const list = listed.get(keys[0]!) ?? []
    list.push(keys)
    list.sort((a, b) => b.length - a.length)
    listed.set(keys[0]!, list)
  }
  return listed
}

export const publicFigureByRole = 'public figure, by role'
/** `the Lammy review`, `Wendy Mitchell's book`: a public name by its shape alone, never a participant's own (`the Okafor model`). */
export const eponymousDocument = 'author of an eponymous document'

/** Public roles and titles written before a person named in full (`footballer Marcus Rashford`, `Dame Wendy Mitchell`). */
const roles = new Set([
  'footballer', 'author', 'writer', 'novelist', 'poet', 'journalist', 'broadcaster', 'presenter', 'campaigner', 'activist', 'economist',
  'minister', 'chancellor', 'politician', 'mp', 'mep', 'msp', 'mayor', 'actor', 'actress', 'singer', 'comedian', 'artist', 'historian',
  'philosopher', 'scientist', 'columnist', 'commentator', 'athlete', 'olympian', 'paralympian', 'sir', 'dame', 'lord', 'baroness', 'baron',
  'king', 'queen', 'prince', 'princess', 'envoy', 'tsar', 'czar', 'explorer', 'inventor', 'commissioner', 'ombudsman', 'archbishop',
  'bishop', 'president', 'senator', 'laureate',
])
/**
 * Public offices written before a name inside one capitalised run (`Children's Commissioner Rachel de Souza`, `Minister for
 * Children Janet Daby`, `the Mayor of Greater Manchester Andy Burnham`, `Home Secretary …`): the office's word, then at least
 * two capitalised words of a name.
 */
const offices = new Set(['commissioner', 'minister', 'secretary', 'mayor', 'ombudsman', 'archbishop', 'bishop', 'president', 'chancellor', 'tsar', 'czar', 'envoy', 'laureate'])
/**
 * A public role written after a name (`Fiona Duncan, chair of the Independent Care Review`, `Rachel de Souza, the Children's
 * Commissioner`, `…, Minister for Children`, `…, campaigner`): a comma or a dash, then the role.
 */
const roleAfter = new RegExp(
  String.raw`^(?:['’]s)?[^\S\n]*[,–—(-][^\S\n]*(?:the[^\S\n]+|a[^\S\n]+|former[^\S\n]+|then[^\S\n]+)*(?:` +
    // chair of a national review, inquiry or commission
    String.raw`(?:chair|chairman|chairwoman|chairperson|head|leader|lead|author)[^\S\n]+of[^\S\n]+the[^\S\n]+(?:\p{Lu}[\p{L}'’-]*[^\S\n]+){0,5}(?:Review|Inquiry|Commission|Taskforce|Task[^\S\n]+Force)` +
    // an office: `the Children's Commissioner`, `Minister for Children`, `Mayor of London`, `MP for Leeds Central`
    String.raw`|(?:\p{Lu}[\p{L}'’-]*[^\S\n]+){0,3}(?:Commissioner|Minister|Secretary|Mayor|Ombudsman|Archbishop|Bishop)(?![\p{L}])` +
    // a public calling
    String.raw`|(?:${['campaigner', 'activist', 'author', 'broadcaster', 'journalist', 'novelist', 'footballer', 'economist', 'historian', 'presenter'].join('|')})(?![\p{L}])` +
    ')',
  'u',
)
/**
 * A public review, inquiry, commission or campaign, then who led it (`the Independent Care Review (chaired by`, `the Ella's Law
 * campaign by`, `the review led by`): named, as public ones are, with a capital in the words before it, or `the … review led by`
 * that no word marks as a local one (`the case review`, `our review`).
 */
const ledByRole = String.raw`(?:[^\S\n]*\(?[^\S\n]*(?:chaired|led|headed|written|authored|founded|started|launched|run|fronted)?[^\S\n]*by[^\S\n]+)$`
const ledDocuments = ['review', 'inquiry', 'enquiry', 'commission', 'campaign', 'taskforce', 'report', 'stocktake']
const documentLedBy = new RegExp(String.raw`(?:^|[^\p{L}])(?:${ledDocuments.join('|')})['’]?s?` + ledByRole, 'iu')
/** Either case of a word's first letter (`[Rr]eview`): the pattern below tells a capital from a small letter. */
const eitherCase = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`
const namedDocumentLedBy = new RegExp(String.raw`\p{Lu}[\p{L}'’-]*[^\S\n]+(?:[\p{L}'’-]+[^\S\n]+){0,3}(?:${ledDocuments.map(eitherCase).join('|')})` + ledByRole, 'u')
const theReviewLedBy = new RegExp(String.raw`(?:^|[^\p{L}])the[^\S\n]+(?:(?!case|safeguarding|practice|learning|internal|local|team|our|my|their|annual|staff|peer)[\p{L}-]+[^\S\n]+){0,2}(?:review|inquiry|commission|taskforce)[^\S\n]+(?:chaired|led|headed)[^\S\n]+by[^\S\n]+$`, 'iu')
/** Titles that are a capitalised run's first word (`Dame Wendy Mitchell`), and roles after a name (`Jo Smith MP`). */
const runTitles = new Set(['sir', 'dame', 'lord', 'baroness', 'baron'])
const afterRoles = new Set(['mp', 'mep', 'msp', 'qc', 'kc', 'obe', 'mbe', 'cbe'])
/** A role before a name: `footballer `, `the minister `, `author and campaigner `. */
const roleBefore = new RegExp(String.raw`(?:^|[^\p{L}])(?:${[...roles].join('|')}|(?:england|football|national|club|team|wales|scotland)[^\S\n]+(?:manager|captain|coach))[,:]?[^\S\n]+$`, 'iu')
/** A document named after its author (`'s 2016 review`, `'s free school meals campaign`, ` review`): after the name. */
const documents = String.raw`review|report|stocktake|inquiry|enquiry|book|memoir|novel|biography|autobiography|campaign|reforms?|principles|plan|commission|lectures?|speech|diaries|letters|act|bill|framework|test|rule|law|model|scale|protocol|guidance|standards?|paper|manifesto`
/** A document's own word after its author's name, alone (`review`, `model`): the words the patterns below end on. */
export const documentWord = new RegExp(String.raw`^(?:${documents})(?:['’]s)?$`, 'iu')
const possessiveDocument = new RegExp(String.raw`^(?:[^\S\n]+(?:\d{4}|\p{Ll}[\p{Ll}-]*)){0,4}[^\S\n]+(?:${documents})(?![\p{L}])`, 'iu')
const yearDocument = new RegExp(String.raw`^[^\S\n]+\d{4}[^\S\n]+(?:${documents})(?![\p{L}])`, 'iu')
const theDocument = new RegExp(String.raw`^[^\S\n]+(?:${documents})(?![\p{L}])`, 'iu')
const theBefore = /(?:^|[^\p{L}])the[^\S\n]+$/iu
/** What a place, a building or a prize is named after: `named for `, `named after `, `in memory of `. */
const namedAfter = /(?:^|[^\p{L}])(?:(?:re)?named[^\S\n]+(?:after|for)|in[^\S\n]+memory[^\S\n]+of|in[^\S\n]+honou?r[^\S\n]+of)[^\S\n]+$/iu
/** A role that is someone's own: `our minister, `, `my local MP `. */
const ownRole = /(?:^|[^\p{L}])(?:our|my|their|your|his|her)[^\S\n]+(?:[\p{L}-]+[,:]?[^\S\n]+){0,3}$/iu

/**
 * Is the capitalised run `first…end` a public figure by its role, or an eponymous document's author? A run of one
 * word counts only as `the X review` or `X's 2016 review`: `Clare's review` could be a participant's.
 */
function publicFigure(value: string, words: Word[], from: number, last: number): string | undefined {
  // `The Lammy review`: the article that opens a sentence is no word of the name.
  const opensWithThe = words[from]!.key === 'the' && last > from
  const at = opensWithThe ? from + 1 : from
  const first = words[at]!
  const end = words[last]!
  const names = last - at + 1
  const possessive = /['’]s$/u.test(end.key)
  const rest = value.slice(end.end, end.end + 80)
  const head = value.slice(Math.max(0, first.start - 40), first.start)
  // A title counts as a role before two words of a name (`Dame Wendy Mitchell`; `Lord Field` may be a participant's title).
  // Someone's own (`our minister, Fiona Strachan MSP, visited`, `my MP`) says where the speaker is from: not a public name here.
  // Most runs are one word: the counts are asked before the patterns, which read the text around the run.
  if ((runTitles.has(first.key) ? names >= 3 : names >= 2 && (afterRoles.has(end.key) || roleBefore.test(head))) && !ownRole.test(head)) return publicFigureByRole
  if (names >= 2 && !possessive && (roleAfter.test(rest) || officeInRun(words, at, last)) && !ownRole.test(head)) return publicFigureByRole
  // `a close named for William Beveridge`, `the ward is named after Mary Seacole`: whoever a place or a thing is named after.
  if (names >= 2 && namedAfter.test(head)) return publicFigureByRole
  if (names >= 2 && documentLedBy.test(head) && (namedDocumentLedBy.test(value.slice(Math.max(0, first.start - 80), first.start)) || theReviewLedBy.test(head))) return publicFigureByRole
  if (possessive && (names >= 2 ? possessiveDocument.test(rest) : yearDocument.test(rest))) return eponymousDocument
  if (!possessive && theDocument.test(rest) && (opensWithThe || theBefore.test(head))) return eponymousDocument
  return undefined
}

/** An office's word inside the run with two words of a name after it: `Children's Commissioner Rachel de Souza`. */
function officeInRun(words: Word[], at: number, last: number): boolean {
  for (let index = at; index <= last - 2; index++) if (offices.has(words[index]!.key)) return true
  return false
}

const weather = new Set(['storm', 'hurricane', 'typhoon', 'cyclone', 'tropical'])

/** Public names in `value`, left to right. Linear: one pass over its words. */
export function findPublicNames(value: string): Span[] {
  if (!rulePatterns.upperLetter.test(value)) return []
  const words = wordsOf(value)
  const names = listedNames()
  const spans: Span[] = []
  let at = 0
  while (at < words.length) {
    const word = words[at]!
    // A listed name, its words in order with only punctuation and spaces between (and `'s` as a word).
    const candidates = names.get(word.key)
    const hit = candidates?.find((keys) => keys.every((k, offset) => words[at + offset]?.key === k && (offset === 0 || rulePatterns.publicGap.test(value.slice(words[at + offset - 1]!.end, words[at + offset]!.start)))))
    if (hit) {
      spans.push({start: word.start, end: words[at + hit.length - 1]!.end, reason: 'listed public name'})
      at += hit.length
      continue
    }
    if (!word.upper) {
      at++
      continue
    }
    // A run of capitalised words and joiners between them.
    let last = at
    while (last + 1 < words.length && rulePatterns.publicGap.test(value.slice(words[last]!.end, words[last + 1]!.start))) {
      const next = words[last + 1]!
      if (next.upper) last++
      // `Minister for Children Janet Daby`: an office's `for` joins its run too.
      else if ((joiners.has(next.key) || (next.key === 'for' && offices.has(words[last]!.key))) && words[last + 2]?.upper && rulePatterns.publicGap.test(value.slice(next.end, words[last + 2]!.start))) last += 2
      else break
    }
    let figure = publicFigure(value, words, at, last)
    // `Rachel de Souza, the Children's Commissioner`: a run joined across a comma may hold a name and its role after it.
    let comma = -1
    for (let index = at; !figure && comma === -1 && index < last; index++) if (value[words[index]!.end] === ',') comma = index
    const beforeComma = comma === -1 ? undefined : publicFigure(value, words, at, comma)
    if (beforeComma) {
      figure = beforeComma
      last = comma
    }
    if (figure) spans.push({start: words[at]!.start, end: words[last]!.end, reason: figure})
    else if (last > at) {
      const first = words[at]!
      const end = words[last]!
      if (weather.has(first.key)) spans.push({start: first.start, end: end.end, reason: 'weather event'})
      // `Grant Hall said …`: a person after all; but never a head word joined to what it names (`the Isle of Lewis told us`).
      else if (
        (heads.has(first.key) && words[at + 1]!.key === 'of') ||
        ((heads.has(first.key) || heads.has(end.key)) && !rulePatterns.strictSpeechAfter.test(value.slice(end.end, end.end + 40)))
      )
        spans.push({start: first.start, end: end.end, reason: 'place or organisation'})
    }
    at = last + 1
  }
  return spans
}
