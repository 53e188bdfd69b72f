/**
 * A small statistical tagger for people's names, for noisy text the rules do not
 * read: `wow emma and kaite is so cute`, `JINX is back`, `per Kwame`. A first-order
 * structured perceptron over two labels (person, other), decoded with Viterbi.
 * Trained by scripts/train-tagger.mjs on answer-keyed tune data only; the weights
 * (weights.ts, generated) are parsed on first use.
 */
import {commonWords} from '../forms.js'
import {getLexicon, type Lexicon} from '../lexicon/index.js'
import {caseOf, describeToken, endsSentence, featuresAt, sentenceCase, stopWords, tokenize, type Token, type TokenInfo} from './features.js'
import {weights as packedWeights} from './weights.js'

export interface TaggerModel {
  /** Feature → weight of the person label (the other label's weight is 0). */
  emission: Map<string, number>
  /** [other→other, other→person, person→other, person→person]. */
  transition: [number, number, number, number]
  /** [start→other, start→person]. */
  start: [number, number]
  /** Cost of each capitalised token labelled a person: raise it to trade recall for precision. Chosen by cross-validation. */
  threshold: number
  /** The same for a token typed in lower case. */
  lowerThreshold: number
  /**
   * How much surer than its threshold the tagger must be to take a name whose every word is also a place
   * (`Jordan`, `Davis`, `Norman`), when one of its words is a listed given name or surname; below it, the rules
   * decide such words. Never a name that is an English word (`Grant funding`, `Rose garden`): the rules alone
   * judge those, in name positions only. Infinity: never. Chosen by cross-validation.
   */
  ordinaryMargin: number
}

/** Parse the weights text: a header line `#\too\top\tpo\tpp\tso\tsp\tthreshold\tlowerThreshold\tordinaryMargin`, then `feature\tweight×10` lines. */
export function parseModel(text: string): TaggerModel {
  const lines = text.split('\n')
  const header = lines[0]!.split('\t').slice(1).map(Number)
  const emission = new Map<string, number>()
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!
    const tab = line.lastIndexOf('\t')
    if (tab > 0) emission.set(line.slice(0, tab), Number(line.slice(tab + 1)) / 10)
  }
  return {emission, transition: [header[0]!, header[1]!, header[2]!, header[3]!], start: [header[4]!, header[5]!], threshold: header[6]!, lowerThreshold: header[7]!, ordinaryMargin: header[8] ?? Number.POSITIVE_INFINITY}
}

/** The inverse of parseModel. */
export function formatModel(model: TaggerModel): string {
  const lines = [['#', ...model.transition, ...model.start, model.threshold, model.lowerThreshold, model.ordinaryMargin].join('\t')]
  for (const [feature, weight] of [...model.emission].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const scaled = Math.round(weight * 10)
    if (scaled !== 0 && !feature.includes('\n')) lines.push(`${feature}\t${scaled}`)
  }
  return lines.join('\n')
}

let shipped: TaggerModel | undefined
let override: TaggerModel | null | undefined

/** Use another model (cross-validation, benchmarks), `null` for none, `undefined` for the shipped one. */
export function useTaggerModel(model: TaggerModel | null | undefined): void {
  override = model
}

export function currentModel(): TaggerModel | null {
  if (override !== undefined) return override
  shipped ??= parseModel(packedWeights)
  return shipped
}

/**
 * A word the lists may lack but English derivation makes (`invisible`, `unaffordable`, `precarious`,
 * `fragmentation`): typed small, it is a word, not a name. Names seldom end so.
 */
const derivedWord = /^\p{Ll}{3,}(?:ible|able|ous|ive|ful|less|ness|ment|tion|sion|ity|ism|ical|ally|ised|ized|ising|izing|ings)$/u

/**
 * Can this token be part of a name at all? Others are labelled `other` without scoring: no letter, a
 * stop word, a lower-case English word (`trump`, `amber`, `will` typed small stay words), a word in
 * capitals in a sentence that is not shouting (`ICO`, `NHS`).
 */
export function scorable(token: Token, info: TokenInfo, sentence: string): boolean {
  if (!token.word || stopWords.has(info.key) || info.case === 'n') return false
  // `Нова школа`: a word wholly in another script is its own; the lists and the training data are Latin.
  if (!latinLetter.test(token.text)) return false
  if (info.case === 'l' && (info.lex.includes('e') || derivedWord.test(info.key) || frequentNotName.test(info.lex) || unpronounceable(info.key) || typoOfWord(info))) return false
  if (info.case === 'u' && sentence !== 'u') return false
  // `Arabic`, `Dari`, `Tigrinya`: a language, named in notes about interpreters and classes, is no one.
  if (isLanguageName(info.key)) return false
  // `Bikeability`, `Decarbonisation`, `Wellness`: capitalised, still a word English derivation makes.
  if (info.case === 't' && derivedNoun.test(info.key)) return false
  // `DPIAs`, `GPs`: an acronym's plural.
  if (acronymPlural.test(token.text)) return false
  return true
}

let languages: Set<string> | undefined
/**
 * The English names of the world's languages, from the ICU data Node carries (`Intl.DisplayNames`): every two-letter
 * ISO 639-1 code, and the three-letter codes of languages interpreters are booked for that have none (Dari, Filipino…).
 */
export function isLanguageName(key: string): boolean {
  if (!languages) {
    languages = new Set()
    const names = new Intl.DisplayNames(['en'], {type: 'language', fallback: 'none'})
    const codes = ['prs', 'fil', 'ckb', 'kmr', 'yue', 'cmn', 'hak', 'nan', 'tpi', 'pcm', 'twi', 'tir']
    for (const a of letters) for (const b of letters) codes.push(a + b)
    for (const code of codes) {
      let name: string | undefined
      try {
        name = names.of(code)
      } catch {
        name = undefined
      }
      // One-word names only (`Arabic`, `Pashto`), not `Northern Sami`; and never a code read back as itself.
      // A language that is also a given name (`Shona`, `Ido`) stays for the tagger to judge.
      if (name && name.toLowerCase() !== code && /^\p{L}+$/u.test(name) && !getLexicon().given.has(name.toLowerCase())) languages.add(name.toLowerCase())
    }
  }
  return languages.has(key)
}

const acronymPlural = /^\p{Lu}{2,}s$/u
const latinLetter = /\p{Script=Latin}/u
const letters = 'abcdefghijklmnopqrstuvwxyz'
/** Typed small, an English word missing one letter (`scatterd`, `goverment`), not a listed name: a typo, not a person. */
function typoOfWord(info: TokenInfo): boolean {
  const key = info.key
  if (key.length < 5 || /[gf]/.test(info.lex) || !/^[a-z]+$/.test(key)) return false
  const words = getLexicon().words
  // Up to 26 × its length look-ups a word, for words that come back in every sentence: remembered per word list (bounded).
  // Not a word of 13 letters or more: V8 keeps such a substring as a slice of its text, which the key would hold.
  if (key.length >= 13) return missesOneLetter(key, words)
  let known = oneLetterShort.get(words)
  if (!known) oneLetterShort.set(words, (known = new Map()))
  let typo = known.get(key)
  if (typo === undefined) {
    typo = missesOneLetter(key, words)
    if (known.size >= 10_000) known.clear()
    known.set(key, typo)
  }
  return typo
}
/** Whether a word is a listed word with one letter left out, by word list. */
const oneLetterShort = new WeakMap<object, Map<string, boolean>>()
function missesOneLetter(key: string, words: {has(word: string): boolean}): boolean {
  for (let at = 1; at <= key.length; at++) for (const letter of letters) if (words.has(key.slice(0, at) + letter + key.slice(at))) return true
  return false
}
const welshOnset = /^(?:dd|ff|ll|ngh|mh|nh)/
/** English onsets of three consonants; any other run of three opening a word cannot start a name. */
const threeConsonantOnsets = new Set(['chr', 'sch', 'str', 'thr', 'shr', 'spr', 'scr', 'spl', 'squ', 'phr', 'sph', 'chl', 'tch'])
/**
 * Typed small, a token with no vowel, or opening on three consonants no English word opens on, is a command,
 * a file or an abbreviation (`stdin`, `npm`, `pdf`, `ctrl`), not a name.
 */
function unpronounceable(key: string): boolean {
  if (!/^[a-z]+$/.test(key)) return false
  if (!/[aeiouy]/.test(key)) return true
  // Welsh mutations and digraphs no English word opens on (`ddaeth`, `ffordd`, `nghymru`): a word of the language, typed small.
  if (welshOnset.test(key)) return true
  return key.length >= 3 && !/[aeiouy]/.test(key.slice(0, 3)) && !threeConsonantOnsets.has(key.slice(0, 3))
}
/** Endings of nouns English derivation makes and names do not have (not `-ment`: Clement; not `-ity`: Charity). */
const derivedNoun = /^\p{L}{4,}(?:ability|ibility|ness|tion|sion|isation|ization|ism|ology)$/u
/** A dictionary word (knowledge lists) in no list of names: typed small, a word (`appraisals`, `outstripping`). */
const frequentNotName = /[wv]/

export interface Sentence {
  tokens: Token[]
  /** Described only where a feature reads them: the scorable tokens and two either side. */
  infos: Array<TokenInfo | undefined>
  /** Per token: the features, or undefined when the token is not scorable. */
  features: Array<string[] | undefined>
}

/** Cheap first look: a lower-case stop word or English word needs no description. */
function plainWord(token: Token, lexicon: Lexicon): boolean {
  const text = token.text
  if (!token.word) return true
  const lowered = text.toLowerCase()
  return stopWords.has(lowered) || (lowered === text && (lexicon.words.has(lowered) || commonWords.has(lowered)))
}

/**
 * What the first look finds of a word, which depends on its text alone (and the lexicon): whether it is plain, its
 * description (made when first read) and whether it could be a name in a sentence in capitals (`scorable` with `u`).
 * Notes repeat their words: kept by word, so that a word seen before costs one look-up, not the word-list look-ups,
 * the typo search and the patterns of `plainWord`, `describeToken` and `scorable` again.
 */
interface WordFacts {
  plain: boolean
  info: TokenInfo | undefined
  /** `scorable(token, info, 'u')`; false for a plain word (never asked). */
  maybe: boolean
  /** Its case as the sentence's case reads it (`n` for a token with no letter). */
  case: string
}
const facts = new Map<string, WordFacts>()
let factsLexicon: Lexicon | undefined

function factsOf(token: Token, lexicon: Lexicon): WordFacts {
  if (factsLexicon !== lexicon) {
    facts.clear()
    factsLexicon = lexicon
  }
  let known = facts.get(token.text)
  if (!known) {
    if (facts.size >= 20_000) facts.clear()
    const plain = plainWord(token, lexicon)
    const info = plain ? undefined : describeToken(token, lexicon)
    known = {plain, info, maybe: info !== undefined && scorable(token, info, 'u'), case: token.word ? caseOf(token.text) : 'n'}
    facts.set(token.text, known)
  }
  return known
}

/** The description of a word, kept with its facts. */
function describeCached(token: Token, lexicon: Lexicon): TokenInfo {
  const known = factsOf(token, lexicon)
  return (known.info ??= describeToken(token, lexicon))
}

/** A sentence's tokens and descriptions, its case, and the tokens that could be part of a name in it. */
interface Read {
  tokens: Token[]
  infos: Array<TokenInfo | undefined>
  sentence: string
  candidates: number[]
}

function read(value: string): Read {
  const lexicon = getLexicon()
  const tokens = tokenize(value)
  const infos: Array<TokenInfo | undefined> = Array.from({length: tokens.length})
  // Most strings of notes have no token that could be a name: find that out before reading the sentence's case.
  const maybe: number[] = []
  const cases: string[] = Array.from({length: tokens.length})
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!
    const known = factsOf(token, lexicon)
    cases[at] = known.case
    if (known.plain) continue
    infos[at] = known.info
    if (known.maybe) maybe.push(at)
  }
  if (maybe.length === 0) return {tokens, infos, sentence: '', candidates: maybe}
  const sentence = sentenceCase(cases)
  // `scorable` with the sentence's case is `scorable` with `u` and one more condition: a word in capitals only in a sentence in capitals.
  const candidates = sentence === 'u' ? maybe : maybe.filter((at) => infos[at]!.case !== 'u')
  for (const at of candidates) {
    for (let near = Math.max(0, at - 2); near <= Math.min(tokens.length - 1, at + 2); near++) infos[near] ??= describeCached(tokens[near]!, lexicon)
  }
  return {tokens, infos, sentence, candidates}
}

export function prepare(value: string): Sentence {
  const {tokens, infos, sentence, candidates} = read(value)
  const features: Array<string[] | undefined> = Array.from({length: tokens.length})
  for (const at of candidates) features[at] = featuresAt(tokens, infos, at, sentence)
  return {tokens, infos, features}
}

/** Each token's score for the person label (−∞ when it cannot be one). */
export function emissions(sentence: Sentence, emission: ReadonlyMap<string, number>): number[] {
  return sentence.features.map((features) => {
    if (!features) return Number.NEGATIVE_INFINITY
    let score = 0
    for (const feature of features) score += emission.get(feature) ?? 0
    return score
  })
}

/**
 * A word's weights under one model's emission table, for each feature that reads it, looked up when first needed:
 * its own features (`b`, `w`, `p3`, `s2`, `s3`, `sh`, `lx`, `lc`: summed from 0 in that order, as `emissions` adds them),
 * and the features that read it as a neighbour. Words come back in every sentence; their feature strings need not be
 * made and hashed again each time.
 */
interface WordWeights {
  own?: number
  /** `sc` and `scl`, by the sentence's case. */
  sentence?: Record<string, [number, number]>
  first?: number
  short?: number
  /** `w-1`, `w+1`, `w-2`, `w+2`: this word as the word before, after, two before, two after. */
  before?: number
  after?: number
  before2?: number
  after2?: number
  /** `c-1` and `w-1c` (this word before), `c+1` and `w+1c` (this word after), by the case of the word it neighbours. */
  beforeCase?: Record<string, [number, number]>
  afterCase?: Record<string, [number, number]>
}

let weightsTable: ReadonlyMap<string, number> | undefined
let weightsByWord = new WeakMap<TokenInfo, WordWeights>()
/** The same for the start and the end of the sentence (`<s>`, `</s>`), by the neighbouring word's case. */
let edgeWeights: {before: number; after: number; before2: number; after2: number; beforeCase: Record<string, [number, number]>; afterCase: Record<string, [number, number]>} | undefined

function weightsOf(info: TokenInfo): WordWeights {
  let weights = weightsByWord.get(info)
  if (!weights) weightsByWord.set(info, (weights = {}))
  return weights
}

/**
 * Each token's score for the person label in `value`, as `emissions(prepare(value), emission)` gives it, to the last bit:
 * the same weights added in the same order, each read from a word's kept weights instead of from a feature string made
 * for it. What `tagPeople` decodes.
 */
export function scoreTokens(value: string, emission: ReadonlyMap<string, number>): number[] {
  return scoresOf(read(value), emission)
}

function scoresOf(read: Read, emission: ReadonlyMap<string, number>): number[] {
  if (weightsTable !== emission) {
    weightsTable = emission
    weightsByWord = new WeakMap()
    edgeWeights = undefined
  }
  const weight = (feature: string) => emission.get(feature) ?? 0
  const edges = (edgeWeights ??= {before: weight('w-1:<s>'), after: weight('w+1:</s>'), before2: weight('w-2:<s>'), after2: weight('w+2:</s>'), beforeCase: {}, afterCase: {}})
  const {tokens, infos, sentence} = read
  const scores: number[] = Array.from({length: tokens.length}, () => Number.NEGATIVE_INFINITY)
  for (const at of read.candidates) {
    const info = infos[at]!
    const kase = info.case
    const key = info.key
    const own = weightsOf(info)
    let score = (own.own ??=
      0 + weight('b') + weight(`w:${key}`) + weight(`p3:${key.slice(0, 3)}`) + weight(`s2:${key.slice(-2)}`) + weight(`s3:${key.slice(-3)}`) + weight(`sh:${info.shape}`) + weight(`lx:${info.lex}`) + weight(`lc:${info.lex}|${kase}`))
    const bySentence = ((own.sentence ??= {})[sentence] ??= [weight(`sc:${sentence}|${kase}`), weight(`scl:${sentence}|${kase}|${info.lex}`)])
    score += bySentence[0]
    score += bySentence[1]
    const previous = infos[at - 1]
    const next = infos[at + 1]
    const before2 = infos[at - 2]
    const after2 = infos[at + 2]
    const previousWeights = previous && weightsOf(previous)
    const nextWeights = next && weightsOf(next)
    score += previousWeights ? (previousWeights.before ??= weight(`w-1:${previous.key}`)) : edges.before
    score += nextWeights ? (nextWeights.after ??= weight(`w+1:${next.key}`)) : edges.after
    if (before2) {
      const weights = weightsOf(before2)
      score += weights.before2 ??= weight(`w-2:${before2.key}`)
    } else score += edges.before2
    if (after2) {
      const weights = weightsOf(after2)
      score += weights.after2 ??= weight(`w+2:${after2.key}`)
    } else score += edges.after2
    const beforeCase = previousWeights
      ? ((previousWeights.beforeCase ??= {})[kase] ??= [weight(`c-1:${previous!.case}|${previous!.lex}|${kase}`), weight(`w-1c:${previous!.key}|${kase}`)])
      : (edges.beforeCase[kase] ??= [weight(`c-1:<s>|${kase}`), weight(`w-1c:<s>|${kase}`)])
    const afterCase = nextWeights
      ? ((nextWeights.afterCase ??= {})[kase] ??= [weight(`c+1:${kase}|${next!.case}|${next!.lex}`), weight(`w+1c:${kase}|${next!.key}`)])
      : (edges.afterCase[kase] ??= [weight(`c+1:${kase}|</s>`), weight(`w+1c:${kase}|</s>`)])
    score += beforeCase[0]
    score += afterCase[0]
    score += beforeCase[1]
    score += afterCase[1]
    if (!previous || endsSentence(tokens[at - 1]!.text)) score += own.first ??= weight(`first:${kase}|${info.lex}`)
    if (key.length <= 2) score += own.short ??= weight(`short:${kase}`)
    scores[at] = score
  }
  return scores
}

/** The best labelling (true = person) under the model, with `costs[i]` taken off token i's person label. */
export function viterbi(scores: number[], model: Pick<TaggerModel, 'transition' | 'start'>, costs?: number[]): boolean[] {
  const length = scores.length
  if (length === 0) return []
  const [oo, op, po, pp] = model.transition
  // best[i][label], back[i][label]
  const bestO = new Float64Array(length)
  const bestP = new Float64Array(length)
  const backO = new Uint8Array(length)
  const backP = new Uint8Array(length)
  bestO[0] = model.start[0]
  bestP[0] = model.start[1] + scores[0]! - (costs?.[0] ?? 0)
  for (let at = 1; at < length; at++) {
    const fromOtoO = bestO[at - 1]! + oo
    const fromPtoO = bestP[at - 1]! + po
    bestO[at] = Math.max(fromOtoO, fromPtoO)
    backO[at] = fromPtoO > fromOtoO ? 1 : 0
    const fromOtoP = bestO[at - 1]! + op
    const fromPtoP = bestP[at - 1]! + pp
    bestP[at] = Math.max(fromOtoP, fromPtoP) + scores[at]! - (costs?.[at] ?? 0)
    backP[at] = fromPtoP > fromOtoP ? 1 : 0
  }
  const labels: boolean[] = Array.from({length}, () => false)
  let person = bestP[length - 1]! > bestO[length - 1]!
  for (let at = length - 1; at >= 0; at--) {
    labels[at] = person
    person = person ? backP[at] === 1 : backO[at] === 1
  }
  return labels
}

/**
 * An English word, a place of the lexicon, or, when no list of names has it, a UK place of the gazetteer
 * (`Wigan`, `Kirklees`, `Keynes`: workshop prose names its places far more often than a person after one)
 * or a compound of English words (`Flipchart`, `sign-off`).
 */
const ordinaryWord = (info: TokenInfo) => info.lex.includes('e') || info.lex.includes('p') || (placeOrCompound.test(info.lex) && !listedName.test(info.lex))
const placeOrCompound = /[PRc]/
const listedName = /[gfh]/

export interface TaggedSpan {
  start: number
  end: number
  /** The lowest score of its tokens, less its threshold: how sure the tagger is. */
  margin: number
  /** The folded, lower-case words. */
  keys: string[]
  /**
   * Every word of it is an English word or a place (`Dawn raids`, `Carbon Literacy`, `Paris`, `Wigan`): the rules, which read those,
   * decide; unless a word of it is a listed name, none is an English word and the tagger is surer than the model's
   * `ordinaryMargin` (`Davis ran the breakout`).
   */
  ordinary: boolean
}

/**
 * Names the tagger finds in `value`, as runs of tokens labelled person joined by single spaces. `taken`: where the caller
 * will drop any span that overlaps (a roster name, a public name, an ordinary use the rules found first). Only candidate
 * tokens are ever labelled person (every other token scores minus infinity), so every span holds one: when every
 * candidate is taken, no span would be kept, and the sentence is not scored at all (the result the caller keeps is the same).
 */
export function tagPeople(value: string, model: TaggerModel | null = currentModel(), taken?: (start: number, end: number) => boolean): TaggedSpan[] {
  if (!model) return []
  const sentence = read(value)
  if (sentence.candidates.length === 0) return []
  if (taken && sentence.candidates.every((at) => taken(sentence.tokens[at]!.start, sentence.tokens[at]!.end))) return []
  const scores = scoresOf(sentence, model.emission)
  const costs = sentence.infos.map((info) => (info?.case === 'l' ? model.lowerThreshold : model.threshold))
  const labels = viterbi(scores, model, costs)
  const spans: Array<TaggedSpan & {named: boolean; english: boolean}> = []
  for (let at = 0; at < labels.length; at++) {
    if (!labels[at]) continue
    const token = sentence.tokens[at]!
    const last = spans.at(-1)
    const joined = last && last.end + 1 === token.start && value[last.end] === ' ' && labels[at - 1]
    if (joined) {
      last.end = token.end
      last.margin = Math.min(last.margin, scores[at]! - costs[at]!)
      last.keys.push(sentence.infos[at]!.key)
      last.ordinary &&= ordinaryWord(sentence.infos[at]!)
      last.named ||= listedName.test(sentence.infos[at]!.lex)
      last.english ||= sentence.infos[at]!.lex.includes('e')
    } else {
      const info = sentence.infos[at]!
      spans.push({start: token.start, end: token.end, margin: scores[at]! - costs[at]!, keys: [info.key], ordinary: ordinaryWord(info), named: listedName.test(info.lex), english: info.lex.includes('e')})
    }
  }
  return spans.map(({named, english, ...span}) => (span.ordinary && named && !english && span.margin >= model.ordinaryMargin ? {...span, ordinary: false} : span))
}
