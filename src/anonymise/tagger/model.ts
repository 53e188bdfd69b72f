/**
 * A small statistical tagger for people's names, for noisy text the rules do not
 * read: `wow emma and kaite is so cute`, `JINX is back`, `per Kwame`. A first-order
 * structured perceptron over two labels (person, other), decoded with Viterbi.
 * Trained by scripts/train-tagger.mjs on answer-keyed tune data only; the weights
 * (weights.ts, generated) are parsed on first use.
 */
import {commonWords} from '../forms.js'
import {getLexicon, type Lexicon} from '../lexicon/index.js'
import {caseOf, describeToken, featuresAt, sentenceCase, stopWords, tokenize, type Token, type TokenInfo} from './features.js'
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

/** Descriptions by word: notes repeat their words, and a description depends on the word alone. */
const described = new Map<string, TokenInfo>()
function describeCached(token: Token, lexicon: Lexicon): TokenInfo {
  let info = described.get(token.text)
  if (!info) {
    if (described.size >= 20_000) described.clear()
    info = describeToken(token, lexicon)
    described.set(token.text, info)
  }
  return info
}

export function prepare(value: string): Sentence {
  const lexicon = getLexicon()
  const tokens = tokenize(value)
  const infos: Array<TokenInfo | undefined> = Array.from({length: tokens.length})
  const features: Array<string[] | undefined> = Array.from({length: tokens.length})
  // Most strings of notes have no token that could be a name: find that out before reading the sentence's case.
  const maybe: number[] = []
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!
    if (plainWord(token, lexicon)) continue
    const info = describeCached(token, lexicon)
    infos[at] = info
    if (scorable(token, info, 'u')) maybe.push(at)
  }
  if (maybe.length === 0) return {tokens, infos, features}
  const sentence = sentenceCase(tokens.map((token) => (token.word ? caseOf(token.text) : 'n')))
  const candidates = maybe.filter((at) => scorable(tokens[at]!, infos[at]!, sentence))
  for (const at of candidates) {
    for (let near = Math.max(0, at - 2); near <= Math.min(tokens.length - 1, at + 2); near++) infos[near] ??= describeCached(tokens[near]!, lexicon)
  }
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

/** Names the tagger finds in `value`, as runs of tokens labelled person joined by single spaces. */
export function tagPeople(value: string, model: TaggerModel | null = currentModel()): TaggedSpan[] {
  if (!model) return []
  const sentence = prepare(value)
  if (!sentence.features.some(Boolean)) return []
  const scores = emissions(sentence, model.emission)
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
