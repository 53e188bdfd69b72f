/**
 * Compile a roster into a matcher that finds every form of every name,
 * whatever the case, accents, apostrophes or hyphens, with Unicode word
 * edges (a JavaScript `\b` treats `á` as a word edge).
 *
 * It works on tokens, not one big regular expression: the text is cut once
 * into runs of letters and digits, each run is folded (`Seán` → `sean`), and
 * forms are looked up by their first token. That is linear in the text, and
 * cannot backtrack, however long the roster.
 */
import type {Roster} from '../types.js'
import {fold, nameForms, type NameForm} from './forms.js'

/** Letters and digits: what a name must not run into on either side. */
export const wordChar = String.raw`[\p{L}\p{N}_]`
export const before = `(?<!${wordChar})`
export const after = `(?!${wordChar})`

export interface Token {
  /** Folded, lower-case text of the run. */
  key: string
  start: number
  end: number
}

const tokenPattern = /[\p{L}\p{N}]+/gu

/** Folding is the costly part of tokenising, and words repeat: remember them (bounded). */
const folded = new Map<string, string>()

function key(word: string): string {
  let value = folded.get(word)
  if (value === undefined) {
    value = /^[a-z0-9]+$/.test(word) ? word : fold(word).toLowerCase()
    if (folded.size > 50_000) folded.clear()
    folded.set(word, value)
  }
  return value
}

/** Cut text into runs of letters and digits. */
export function tokenize(value: string): Token[] {
  const tokens: Token[] = []
  for (const match of value.matchAll(tokenPattern)) {
    tokens.push({key: key(match[0]), start: match.index, end: match.index + match[0].length})
  }
  return tokens
}

/**
 * What separates two tokens, reduced to what matters for names: spaces and
 * dots are one gap (`J.S.` = `J S`), dashes one hyphen, curly and straight
 * apostrophes one apostrophe. Anything else must be the same.
 */
export function separatorKey(separator: string): string {
  const trimmed = separator.replace(/\s+/g, ' ')
  if (/^[ .]+$/.test(trimmed)) return ' '
  if (/^ ?[-\u2010\u2011] ?$/.test(trimmed)) return '-'
  if (/^['\u2019]$/.test(trimmed)) return "'"
  return trimmed.trim() || ' '
}

interface CompiledPhrase<T> {
  keys: string[]
  separators: string[]
  /** The phrase ends in a dot (`J.S.`, `Tom O.`): take it into the match when present. */
  trailingDot: boolean
  value: T
}

/** Phrases indexed by their first token, longest first. */
class PhraseIndex<T> {
  private byFirst = new Map<string, Array<CompiledPhrase<T>>>()

  add(text: string, value: T): void {
    const tokens = tokenize(text)
    if (tokens.length === 0) return
    const separators = tokens.slice(1).map((token, index) => separatorKey(text.slice(tokens[index]!.end, token.start)))
    const phrase: CompiledPhrase<T> = {keys: tokens.map((token) => token.key), separators, trailingDot: /\.\s*$/.test(text), value}
    const list = this.byFirst.get(phrase.keys[0]!) ?? []
    if (list.some((entry) => entry.keys.join('\0') === phrase.keys.join('\0') && entry.separators.join('\0') === phrase.separators.join('\0'))) return
    list.push(phrase)
    list.sort((a, b) => b.keys.length - a.keys.length)
    this.byFirst.set(phrase.keys[0]!, list)
  }

  get size(): number {
    return this.byFirst.size
  }

  /** The longest phrase that starts at token `index`, and the index of its last token. */
  longestAt(value: string, tokens: Token[], index: number): {phrase: CompiledPhrase<T>; last: number} | undefined {
    const candidates = this.byFirst.get(tokens[index]!.key)
    if (!candidates) return undefined
    for (const phrase of candidates) {
      const last = index + phrase.keys.length - 1
      if (last >= tokens.length) continue
      let ok = true
      for (let offset = 1; ok && offset < phrase.keys.length; offset++) {
        const token = tokens[index + offset]!
        const previous = tokens[index + offset - 1]!
        ok = token.key === phrase.keys[offset] && separatorKey(value.slice(previous.end, token.start)) === phrase.separators[offset - 1]
      }
      if (ok) return {phrase, last}
    }
    return undefined
  }
}

export interface NameMatch {
  /** Where the mention starts and ends in the string (the possessive `'s` included). */
  start: number
  end: number
  text: string
  form: NameForm
  possessive: boolean
}

export interface NameMatcher {
  forms: NameForm[]
  /** Every mention of a roster form in `value`, left to right, the longest form at each place. */
  find(value: string): NameMatch[]
}

export interface CompileOptions {
  /**
   * Phrases named by design — the host, the partner, shared organisations,
   * the foreword's signature — inside which nothing counts as a mention
   * (`Reid` in `Allsop & Reid LLP`).
   */
  protect?: Array<string | undefined>
}

export function compileRoster(roster: Roster, options: CompileOptions = {}): NameMatcher {
  const forms = roster.people.flatMap((person, index) => nameForms(person, index))
  const names = new PhraseIndex<NameForm>()
  for (const form of forms) names.add(form.text, form)
  const shields = new PhraseIndex<true>()
  for (const phrase of [...(options.protect ?? []), ...roster.share]) if (phrase && phrase.trim()) shields.add(phrase, true)

  return {
    forms,
    find(value) {
      if (names.size === 0 || value === '') return []
      const tokens = tokenize(value)
      const matches: NameMatch[] = []
      let index = 0
      while (index < tokens.length) {
        const shield = shields.size > 0 ? shields.longestAt(value, tokens, index) : undefined
        if (shield) {
          index = shield.last + 1
          continue
        }
        const found = names.longestAt(value, tokens, index)
        if (!found) {
          index++
          continue
        }
        const first = tokens[index]!
        const lastToken = tokens[found.last]!
        const form = found.phrase.value
        let end = lastToken.end
        // Initials are only initials in capitals: `JS`, not `js`.
        if (form.kind === 'initials' && value.slice(first.start, end) !== value.slice(first.start, end).toUpperCase()) {
          index++
          continue
        }
        if (found.phrase.trailingDot && value[end] === '.') end++
        let possessive = false
        const next = tokens[found.last + 1]
        if (next && next.key === 's' && next.end - next.start === 1 && /^['\u2019]$/.test(value.slice(end, next.start)) && next.start === end + 1) {
          possessive = true
          end = next.end
        }
        matches.push({start: first.start, end, text: value.slice(first.start, end), form, possessive})
        index = found.last + (possessive ? 2 : 1)
      }
      return matches
    },
  }
}
