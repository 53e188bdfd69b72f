/**
 * Words for placement: text → stemmed tokens; a profile's keyword rules
 * (terms and phrases with weights) compiled once into an index by first
 * stem, so scoring a note is one pass over its tokens whatever the number of
 * rules; and the fuzzy heading match (stems, stop words ignored, one typo
 * allowed in longer words).
 */
import {stem} from './stemmer.js'

/** Words that carry no topic in a heading or an alias. */
export const stopWords = new Set(
  'a an and are as at be by do does for from in into is it its of on or our s so the their them they this to us we with you your'.split(' '),
)

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu
const asciiWordPattern = /[a-z0-9]+(?:'[a-z]+)*/g

/** Lower case, accents folded, `’` as `'`. */
export function fold(text: string): string {
  const lower = text.toLowerCase()
  // Most notes are ASCII, or ASCII with typographic punctuation (an en dash, curly quotes): skip Unicode
  // normalisation when there is nothing it would decompose.
  if (!/[^\x00-\x7f]/.test(lower)) return lower
  if (!beyondPunctuation.test(lower)) return lower.replace(/’/g, "'")
  return lower
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/’/g, "'")
}

/** Typographic punctuation NFKD leaves as it is: a text with no other non-ASCII character folds as ASCII. */
const beyondPunctuation = /[^\x00-\x7f‘’“”–—•▸·]/

/** The words of a text, lower case, accents folded, possessive `'s` dropped. */
export function words(text: string): string[] {
  return wordsOfFolded(fold(text))
}

/** The words of a text already folded (`fold`): a note's record folds it once for every pass. */
export function wordsOfFolded(folded: string): string[] {
  // Punctuation is no part of a word: the ASCII pattern finds the same words, faster.
  const list = folded.match(beyondPunctuation.test(folded) ? wordPattern : asciiWordPattern)
  if (!list) return []
  // The match's own array, changed in place: this runs for every note and heading.
  for (let index = 0; index < list.length; index++) {
    const word = list[index]!
    if (word.includes("'")) list[index] = word.replace(/'s$|'$/, '').replace(/'/g, '')
  }
  return list
}

/** Stems the words of a text, memoising per cache (a cache lives with a compiled profile). */
export function stems(text: string, cache: Map<string, string> = new Map()): string[] {
  return words(text).map((word) => cachedStem(word, cache))
}

/** Stems without stop words: what heading matching compares. */
export function contentStems(text: string, cache: Map<string, string> = new Map()): string[] {
  return words(text)
    .filter((word) => !stopWords.has(word))
    .map((word) => cachedStem(word, cache))
}

function cachedStem(word: string, cache: Map<string, string>): string {
  let value = cache.get(word)
  if (value === undefined) {
    value = stem(word)
    cache.set(word, value)
  }
  return value
}

/** One keyword rule: a term or a phrase (consecutive words), stemmed, with its weight. */
export interface KeywordRule {
  /** As written in the profile: `middle managers`. */
  term: string
  /** Its stems: `['middl', 'manag']`. */
  stems: string[]
  weight: number
}

/** A keyword hit on one section. */
export interface KeywordHit {
  term: string
  weight: number
}

export interface KeywordScore {
  section: string
  score: number
  hits: KeywordHit[]
}

export interface KeywordIndex {
  /** First stem → rules (with their section) starting with it. */
  byFirst: Map<string, Array<{section: string; rule: KeywordRule}>>
  cache: Map<string, string>
}

/** Compile the keyword rules of every section into one index. */
export function compileKeywords(sections: Array<{id: string; keywords: KeywordRule[]}>, cache = new Map<string, string>()): KeywordIndex {
  const byFirst: KeywordIndex['byFirst'] = new Map()
  for (const section of sections) {
    // `leader` and `leaders` stem alike: one rule, with the larger weight.
    const unique = new Map<string, KeywordRule>()
    for (const rule of section.keywords) {
      const key = rule.stems.join(' ')
      const seen = unique.get(key)
      if (!seen || rule.weight > seen.weight) unique.set(key, rule)
    }
    for (const rule of unique.values()) {
      const first = rule.stems[0]
      if (first === undefined) continue
      const list = byFirst.get(first) ?? []
      list.push({section: section.id, rule})
      byFirst.set(first, list)
    }
  }
  return {byFirst, cache}
}

/**
 * Score stemmed tokens against every section's rules: each rule counts once
 * per note, however often its term occurs. Sections without a hit are absent.
 * Sorted by score, highest first; ties keep the profile's section order.
 */
export function scoreKeywords(tokens: string[], index: KeywordIndex, order: Map<string, number>): KeywordScore[] {
  const scores = new Map<string, KeywordScore>()
  const counted = new Set<KeywordRule>()
  for (let position = 0; position < tokens.length; position++) {
    const candidates = index.byFirst.get(tokens[position]!)
    if (!candidates) continue
    for (const {section, rule} of candidates) {
      if (counted.has(rule)) continue
      if (!rule.stems.every((value, offset) => tokens[position + offset] === value)) continue
      counted.add(rule)
      const entry = scores.get(section) ?? {section, score: 0, hits: []}
      entry.score += rule.weight
      entry.hits.push({term: rule.term, weight: rule.weight})
      scores.set(section, entry)
    }
  }
  return [...scores.values()].sort((a, b) => b.score - a.score || (order.get(a.section) ?? 0) - (order.get(b.section) ?? 0))
}

/**
 * Does a heading match an alias? Both are compared as stems without stop
 * words: the alias must appear in the heading as consecutive words (one typo
 * allowed in words of five letters or more), or the whole heading in the
 * alias. `What's working – tools + methods` matches `what works`;
 * `networking lunch` does not match `working`.
 * Returns how many alias words matched (0 for no match), to prefer the most
 * specific alias.
 */
export function aliasMatch(heading: string[], alias: string[]): number {
  if (alias.length === 0 || heading.length === 0) return 0
  if (contains(heading, alias)) return alias.length
  if (contains(alias, heading)) return heading.length
  return 0
}

/** Does `outer` hold `inner` as consecutive words (typos forgiven as `same` says)? Called for every heading and alias: no closures. */
function contains(outer: string[], inner: string[]): boolean {
  for (let start = 0; start + inner.length <= outer.length; start++) {
    let offset = 0
    while (offset < inner.length && same(outer[start + offset]!, inner[offset]!)) offset++
    if (offset === inner.length) return true
  }
  return false
}

function same(a: string, b: string): boolean {
  if (a === b) return true
  // Six letters at least: at five, one letter apart is often another word (`minut`es and `minus`es).
  if (a.length < 6 || b.length < 6 || Math.abs(a.length - b.length) > 1) return false
  return withinOneEdit(a, b)
}

/** One insertion, deletion, substitution or transposition apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (sameFrom(a, i + 1, b, i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2)
  }
  return a.length > b.length ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1)
}

/** `a` from `from` and `b` from `other` are the same text (without cutting either: headings are matched against every alias). */
function sameFrom(a: string, from: number, b: string, other: number): boolean {
  if (a.length - from !== b.length - other) return false
  for (let index = 0; from + index < a.length; index++) if (a.charCodeAt(from + index) !== b.charCodeAt(other + index)) return false
  return true
}
