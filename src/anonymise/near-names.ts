/**
 * Near-miss spellings of a roster name, as speech-to-text and hurried typing write them: `Constant Read` for
 * Constance Reed (an AI recap), `Katharine Doyel`, `Jeffrey Marsh` for Geoffrey Marsh, `Fortuen:` for Fortune in
 * a label. A recogniser of its own, one rule for the class:
 *
 * - **a pair**: two capitalised words side by side, the first within a few edits of a participant's given name and
 *   the second of the same participant's surname (edits scaled to each word's length: none under four letters,
 *   one up to seven, two from eight). When both words are dictionary words (`Constant Read`), the pair must also
 *   be where a person is — a name position, the subject of a verb a person does, capitalised inside a sentence, or
 *   quoted whole (`called her "Constant Read"`) —
 *   so that a heading's `Constant Reading` is no one;
 * - **a word in a name position** (`Fortuen:`, `Abdulah said`): one edit from a given name, surname or alias of five
 *   letters or more, and no dictionary word (`Fortunes:` is the word).
 *
 * Words that are exactly a roster form are the matcher's; this finds only what it cannot.
 */
import type {Roster} from '../types.js'
import {isDictionaryWord, letterKey, nameParts, oneEditApart} from './forms.js'
import type {NameMatch} from './matcher.js'
import {startsSentence} from './name-contexts.js'
import {namePosition} from './name-positions.js'
import {rulePatterns} from './patterns.js'
import {Memo} from '../util/memo.js'
import {RosterCache} from './roster-cache.js'
import {scanLetterWords} from '../util/scan.js'

interface NearPerson {
  person: number
  given: string
  surname?: string
  /** Every word of the name and its aliases, five letters or more: what one word in a name position may be a slip of. */
  words: string[]
}

interface NearRoster {
  list: NearPerson[]
  exact: Set<string>
  /** The words of `list` by their length, each with its person's place in `list` (in that order): a slip of one edit is one letter longer, shorter or as long. */
  byLength: Map<number, Array<{at: number; name: string}>>
  /**
   * What each written word is a slip of, remembered: a notes file writes the same words again and again. Words short
   * enough to recur only (a long run of letters is looked at afresh).
   */
  givens: Memo<ReadonlySet<number>>
  surnames: Memo<ReadonlySet<number>>
  words: Memo<NearPerson | undefined>
}

/** By roster content: a file of a series parses its own copy of the attendees (and the slips each word is of are kept with them). */
const people = new RosterCache<NearRoster>()
export const word = /[\p{L}][\p{L}'’-]*/gu
const possessive = /['’]s$/u

/** How many edits a word of `length` letters may be off and still be that word: none under four, one to seven, two from eight. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

/** Edits (insert, delete, change, swap two letters side by side) between `a` and `b`, or `limit + 1` once past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before: number[] = []
  let previous: number[] = []
  for (let index = 0; index <= b.length; index++) previous.push(index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1)
      current.push(value)
      if (value < best) best = value
    }
    if (best > limit) return limit + 1
    before = previous
    previous = current
  }
  return Math.min(previous[b.length]!, limit + 1)
}

function rosterWords(roster: Roster): NearRoster {
  return people.get(roster, '', () => compileWords(roster))
}

function compileWords(roster: Roster): NearRoster {
  const list: NearPerson[] = []
  const exact = new Set<string>()
  roster.people.forEach((person, index) => {
    const {first, last} = nameParts(person.name)
    if (!first) return
    const words = [person.name, ...person.aliases].flatMap((name) => name.split(rulePatterns.whitespaceSplit)).map(letterKey).filter(Boolean)
    for (const key of words) exact.add(key)
    list.push({person: index, given: letterKey(first), ...(last ? {surname: letterKey(last)} : {}), words: [...new Set(words.filter((key) => key.length >= 5))]})
  })
  const byLength = new Map<number, Array<{at: number; name: string}>>()
  list.forEach((one, at) => {
    for (const name of one.words) {
      const same = byLength.get(name.length) ?? []
      same.push({at, name})
      byLength.set(name.length, same)
    }
  })
  const slips = {limit: 20_000, maxKeyLength: 25}
  return {list, exact, byLength, givens: new Memo(slips), surnames: new Memo(slips), words: new Memo(slips)}
}

const capitalised = (text: string) => text[0] !== text[0]!.toLowerCase()
/**
 * Within the edits the name's length allows. A slip keeps the name's first letter, its last or its second (`Constant` of
 * Constance, `Jeffrey` of Geoffrey): tested before the distance, which most pairs of words never need.
 */
const within = (written: string, name: string) =>
  Math.abs(written.length - name.length) <= allowedEdits(name.length) &&
  (written[0] === name[0] || written.at(-1) === name.at(-1) || written[1] === name[1]) &&
  editDistance(written, name, allowedEdits(name.length)) <= allowedEdits(name.length)

/**
 * The first participant (in roster order) with a word of five letters or more that `key` is one edit off. Only words one
 * letter longer, shorter or as long can be; one edit leaves a word of five letters or more its first letter or its last
 * (a cheap test before the edit).
 */
function slipOf(known: NearRoster, key: string): NearPerson | undefined {
  let first: number | undefined
  for (const length of [key.length - 1, key.length, key.length + 1]) {
    for (const {at, name} of known.byLength.get(length) ?? []) {
      if (first !== undefined && at >= first) break
      if ((name[0] === key[0] || name.at(-1) === key.at(-1)) && oneEditApart(key, name)) {
        first = at
        break
      }
    }
  }
  return first === undefined ? undefined : known.list[first]
}

export interface NearContext {
  blockStart: boolean
  following?: string
}

/**
 * Near-miss spellings of roster names in `value`, as matches of the person they are a slip of. A pair is found outside
 * `taken` only (`Jeffrey Marsh` goes whole, though the matcher took `Marsh` alone); one word, outside `matched` too.
 */
export function findNearNames(value: string, roster: Roster, context: NearContext, taken: ReadonlyArray<{start: number; end: number}>, matched: ReadonlyArray<{start: number; end: number}> = []): NameMatch[] {
  const known = rosterWords(roster)
  const {list, exact} = known
  const nearGiven = (key: string) => known.givens.get(key, () => new Set(list.filter((one) => within(key, one.given)).map((one) => one.person)))
  const nearSurname = (key: string) => known.surnames.get(key, () => new Set(list.filter((one) => one.surname !== undefined && within(key, one.surname)).map((one) => one.person)))
  if (list.length === 0) return []
  // `word`'s matches, read by a code-point scanner (the same words, faster than the pattern).
  const runs = scanLetterWords(value)
  const tokens: Array<{start: number; end: number; text: string; key: string; possessive: boolean}> = []
  for (let at = 0; at < runs.length; at += 2) {
    const text = value.slice(runs[at]!, runs[at + 1]!)
    const bare = text.replace(possessive, '')
    // Words under four letters are no one's slip: their key is never asked for.
    tokens.push({start: runs[at]!, end: runs[at]! + bare.length, text: bare, key: bare.length < 4 ? '' : letterKey(bare), possessive: bare !== text})
  }
  const free = (start: number, end: number) => !taken.some((span) => start < span.end && end > span.start)
  const found: NameMatch[] = []
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!
    if (token.key.length < 4 || !free(token.start, token.end)) continue
    const unmatched = !matched.some((span) => token.start < span.end && token.end > span.start)
    const next = tokens[at + 1]
    // A pair: given name and surname of one participant, each a few edits off, side by side in capitals.
    if (next && !token.possessive && capitalised(token.text) && capitalised(next.text) && /^[^\S\n]{1,2}$/u.test(value.slice(token.end, next.start)) && free(next.start, next.end)) {
      const givens = nearGiven(token.key)
      const person = givens.size === 0 ? undefined : list.find((one) => one.surname !== undefined && (token.key !== one.given || next.key !== one.surname) && givens.has(one.person) && nearSurname(next.key).has(one.person))
      if (person && (!(isDictionaryWord(token.text) && isDictionaryWord(next.text)) || next.possessive || aPersonIsHere(value, token.start, next.end, context))) {
        const end = next.end + (next.possessive ? 2 : 0)
        found.push({start: token.start, end, text: value.slice(token.start, end), form: {text: value.slice(token.start, end), person: person.person, kind: 'full', ambiguous: false}, possessive: next.possessive})
        at++
        continue
      }
    }
    // One word, one edit off a long word of a name, where only a person goes.
    if (!unmatched || token.key.length < 5 || exact.has(token.key)) continue
    // The dictionary is asked last: most words are a letter off no name at all.
    // One edit leaves a word of five letters or more its first letter or its last: a cheap test before the distance.
    const key = token.key
    const person = known.words.get(key, () => slipOf(known, key))
    if (person && !isDictionaryWord(token.text) && namePosition(value + (context.following ?? ''), token.start, token.end, context.blockStart) !== undefined) {
      const end = token.end + (token.possessive ? 2 : 0)
      found.push({start: token.start, end, text: value.slice(token.start, end), form: {text: token.text, person: person.person, kind: 'first', ambiguous: false}, possessive: token.possessive})
    }
  }
  return found
}

/** Is `start…end` where a person is: a name position, a verb only a person does after it, or capitals inside a sentence? */
function aPersonIsHere(value: string, start: number, end: number, context: NearContext): boolean {
  const head = value.slice(value.lastIndexOf('\n', start - 1) + 1, start)
  const rest = value.slice(end, end + 120)
  return (
    namePosition(value + (context.following ?? ''), start, end, context.blockStart) !== undefined ||
    // `it called Constance "Constant Read"`: the misspelling quoted whole, as a name is when its spelling is the point.
    (/["“‘'][^\S\n]*$/u.test(head) && /^[^\S\n]*["”’']/u.test(rest)) ||
    rulePatterns.agentVerbAfter.test(rest) ||
    rulePatterns.strictSpeechAfter.test(rest) ||
    !startsSentence(head.replace(rulePatterns.emphasisMarks, ''), context.blockStart)
  )
}
