/**
 * What the tagger sees of each token: the word, its shape and affixes, what the
 * word lists say of it, and the same for the words around it. Shared by the
 * runtime (model.ts) and the training script (scripts/train-tagger.mjs), so a
 * model is always read with the features it was trained on.
 */
import {commonWords, fold} from '../forms.js'
import {getGazetteer, getKnowledge, type Gazetteer, type Knowledge, type Lexicon, type WordSet} from '../lexicon/index.js'
import {inflectedFrom} from '../lexicon/inflections.js'
import {scanTokens} from '../../util/scan.js'

export interface Token {
  text: string
  start: number
  end: number
  /** Holds a letter: only these can be part of a name. */
  word: boolean
}

/** Words, then any other character that is not a space, one at a time. `'s` is split off a word. */
export const tokenPattern = /[\p{L}\p{M}\p{N}]+(?:(?:-|['’](?!s(?![\p{L}\p{M}])))[\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu
const letter = /\p{L}/u
const sentenceEnd = /^[.!?…:;]$/u
const upper = /\p{Lu}/u
const lower = /\p{Ll}/u

/** `tokenPattern`'s matches, read by a code-point scanner (`scanTokens`: the same tokens, faster than the pattern). */
export function tokenize(value: string): Token[] {
  const tokens: Token[] = []
  scanTokens(value, (start, end, word) => tokens.push({text: value.slice(start, end), start, end, word}))
  return tokens
}

/** `l` lower case, `t` a capital first, `u` all capitals, `m` mixed, `n` no letter. */
export function caseOf(text: string): string {
  let hasUpper = false
  let hasLower = false
  let upperAfterFirst = false
  for (let at = 0; at < text.length; at++) {
    const kind = charKind(text, at)
    if (kind === 'X') {
      hasUpper = true
      if (at > 0) upperAfterFirst = true
    } else if (kind === 'x') hasLower = true
  }
  if (!hasUpper) return hasLower ? 'l' : 'n'
  if (!hasLower) return text.length > 1 ? 'u' : 't'
  return !upperAfterFirst && charKind(text, 0) === 'X' ? 't' : 'm'
}

/** `X` upper-case letter, `x` other letter, `d` digit, or the character itself. ASCII by char code, the rest by Unicode class. */
function charKind(text: string, at: number): string {
  const code = text.charCodeAt(at)
  if (code < 128) {
    if (code >= 65 && code <= 90) return 'X'
    if (code >= 97 && code <= 122) return 'x'
    if (code >= 48 && code <= 57) return 'd'
    return text[at]!
  }
  const char = text[at]!
  return upper.test(char) ? 'X' : lower.test(char) || letter.test(char) ? 'x' : /\p{N}/u.test(char) ? 'd' : char
}

function shapeOf(text: string): string {
  let shape = ''
  let previous = ''
  for (let at = 0; at < text.length; at++) {
    const kind = charKind(text, at)
    if (kind !== previous) shape += kind
    previous = kind
  }
  return shape
}

/** Per-token facts, computed once and only for the tokens the features read. */
export interface TokenInfo {
  key: string
  case: string
  shape: string
  /**
   * Word-list flags: g given name, f surname, e English word, p place, o organisation word; from the
   * knowledge lists (public data, lexicon/derive-knowledge.ts): h another given name or surname, w a
   * common dictionary word and v a less common one (of those the English list lacks); from the gazetteer
   * (lexicon/derive-gazetteer.ts): P a UK or Irish town, local authority or county, R a word of a longer
   * one's name, Q a larger city elsewhere in the world; c a compound of English words (`sign-off`,
   * `Flipchart`, `Microenterprises`, `Rebalancing`).
   */
  lex: string
}

const ascii = /^[\x20-\x7e]*$/

export function keyOf(text: string): string {
  return (ascii.test(text) ? text : fold(text).replace(/’/g, "'")).toLowerCase()
}

export function describeToken(token: Token, lexicon: Lexicon, knowledge: Knowledge = getKnowledge(), gazetteer: Gazetteer = getGazetteer()): TokenInfo {
  const key = keyOf(token.text)
  let lex = ''
  if (token.word) {
    if (lexicon.given.has(key)) lex += 'g'
    if (lexicon.family.has(key)) lex += 'f'
    const english = lexicon.words.has(key) || stopWords.has(key) || commonWords.has(key) || inflectionOfWord(key, lexicon)
    if (english) lex += 'e'
    if (lexicon.places.has(key)) lex += 'p'
    if (lexicon.orgWords.has(key)) lex += 'o'
    if (knowledge.names.has(key)) lex += 'h'
    if (!english) {
      if (inBand(key, knowledge.common)) lex += 'w'
      else if (inBand(key, knowledge.rare)) lex += 'v'
    }
    if (!english && compoundOfWords(key, lexicon, knowledge)) lex += 'c'
    if (gazetteer.uk.has(key)) lex += 'P'
    else if (gazetteer.ukPart.has(key)) lex += 'R'
    else if (gazetteer.world.has(key)) lex += 'Q'
  }
  return {key, case: caseOf(token.text), shape: shapeOf(token.text), lex}
}

export function describe(tokens: Token[], lexicon: Lexicon): TokenInfo[] {
  return tokens.map((token) => describeToken(token, lexicon))
}

/** An inflection of a listed English word: `batteries`, `frameworks`, `imaging`, `uplands`. */
export function inflectionOfWord(key: string, lexicon: Lexicon): boolean {
  return inflectedFrom(key, (word) => lexicon.words.has(word))
}

/** Prefixes English puts before a word to make another (`rebalancing`, `microenterprises`, `co-design`). */
const wordPrefixes = ['re', 'un', 'co', 'de', 'pre', 'post', 'non', 'sub', 'mis', 'micro', 'multi', 'inter', 'over', 'under', 'out', 'self', 'super', 'cross', 'counter', 'mini', 'eco', 'e']

/**
 * A word made of English words: every part of a hyphenated word (`sign-off`, `place-based`), or a
 * prefix or a word of three letters or more before another of four or more (`flipchart`, `rebalancing`,
 * `microenterprises`, `passivhaus` is not one). Read only for a word no list has as English.
 */
export function compoundOfWords(key: string, lexicon: Lexicon, knowledge: Knowledge): boolean {
  const isWord = (part: string) => lexicon.words.has(part) || stopWords.has(part) || commonWords.has(part) || inflectionOfWord(part, lexicon) || inBand(part, knowledge.common)
  if (key.includes('-')) {
    const parts = key.split('-')
    return parts.length >= 2 && parts.every((part) => part.length > 0 && isWord(part))
  }
  if (key.length < 7 || !/^[a-z]+$/.test(key)) return false
  for (const prefix of wordPrefixes) if (key.length - prefix.length >= 4 && key.startsWith(prefix) && isWord(key.slice(prefix.length))) return true
  for (let at = 3; at <= key.length - 4; at++) if (lexicon.words.has(key.slice(0, at)) && isWord(key.slice(at))) return true
  return false
}

/** In a dictionary band of the knowledge lists, or an inflection of a word there. */
function inBand(key: string, band: WordSet): boolean {
  return band.has(key) || inflectedFrom(key, (word) => band.has(word))
}

/** Words that are never a name, whatever their case. The tagger does not score them. */
export const stopWords = new Set([
  'i', 'a', 'an', 'the', 'and', 'or', 'but', 'if', 'so', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'is', 'it', 'its', 'we', 'you', 'he', 'she',
  'they', 'his', 'her', 'our', 'your', 'their', 'my', 'me', 'us', 'them', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'why', 'how', 'when', 'where', 'who',
  'which', 'do', 'does', 'did', 'be', 'are', 'was', 'were', 'has', 'have', 'had', 'not', 'no', 'yes', 'all', 'any', 'some', 'one', 'two', 'three', 'also', 'just', 'ok',
  'okay', 'hi', 'hello', 'dear', 'thanks', 'please', 'maybe', 'am', 'pm', 'etc', 'eg', 'ie', 'vs', 'via', 'per', 'im', 'u', 'ur', 'lol', 'omg', 'rt', 'its', 'dont',
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'cllr', 'sir', 'dame', 'rev', 'revd', 'cant', 'can', 'will', 'would', 'should', 'could', 'get', 'got', 'go', 'like', 'love', 'new', 'up', 'out', 'about', 'more', 'now', 'then', 'than', 'too', 'very',
])

/** The case of the sentence as a whole: `u` shouting, `l` typed in lower case, `m` ordinary. */
export function sentenceCase(cases: string[]): string {
  let upperWords = 0
  let lowerWords = 0
  let words = 0
  for (const kind of cases) {
    if (kind === 'n') continue
    words++
    if (kind === 'u') upperWords++
    else if (kind === 'l') lowerWords++
  }
  if (words >= 3 && upperWords * 2 > words) return 'u'
  if (words >= 3 && lowerWords === words) return 'l'
  return 'm'
}

/** A token that ends a sentence (or a clause: `:`, `;`). */
export function endsSentence(text: string): boolean {
  return sentenceEnd.test(text)
}

/** The features of token `at`, as strings. */
export function featuresAt(tokens: Token[], infos: ReadonlyArray<TokenInfo | undefined>, at: number, sentence: string): string[] {
  const info = infos[at]!
  const key = info.key
  const previous = infos[at - 1]
  const next = infos[at + 1]
  const features = [
    'b',
    `w:${key}`,
    `p3:${key.slice(0, 3)}`,
    `s2:${key.slice(-2)}`,
    `s3:${key.slice(-3)}`,
    `sh:${info.shape}`,
    `lx:${info.lex}`,
    `lc:${info.lex}|${info.case}`,
    `sc:${sentence}|${info.case}`,
    `scl:${sentence}|${info.case}|${info.lex}`,
    `w-1:${previous?.key ?? '<s>'}`,
    `w+1:${next?.key ?? '</s>'}`,
    `w-2:${infos[at - 2]?.key ?? '<s>'}`,
    `w+2:${infos[at + 2]?.key ?? '</s>'}`,
    `c-1:${previous ? `${previous.case}|${previous.lex}` : '<s>'}|${info.case}`,
    `c+1:${info.case}|${next ? `${next.case}|${next.lex}` : '</s>'}`,
    `w-1c:${previous?.key ?? '<s>'}|${info.case}`,
    `w+1c:${info.case}|${next?.key ?? '</s>'}`,
  ]
  if (!previous || endsSentence(tokens[at - 1]!.text)) features.push(`first:${info.case}|${info.lex}`)
  if (key.length <= 2) features.push(`short:${info.case}`)
  return features
}
