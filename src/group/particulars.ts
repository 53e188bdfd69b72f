/**
 * The particulars of a note: what makes two notes that read alike two
 * different points. `Waiting times down by 3 weeks` and `Waiting times down
 * by 2 weeks` share every word that weighs, yet each says something the other
 * does not; so do `… in Leeds` and `… in Wigan`, `… worked` and `… did not
 * work`, `… in March` and `… in June`. A merge of near-duplicates (the same
 * point raised in two sessions, a note typed twice) keeps both notes when
 * their particulars differ: nothing a participant said vanishes in a merge.
 *
 * Read from the note as written, whatever its case:
 * - figures: numbers in digits (`3`, `1,200`, `2.5`, `40%`, `£2m`) and in
 *   words (`two`, `a dozen`, `half`), never `one` (the anonymiser's `one
 *   council`, `one participant`);
 * - names: words written with a capital inside a sentence (`in Leeds`, `the
 *   Healthy Homes scheme`), acronyms (`NHS`, `PB`), and a sentence's first
 *   word when the note writes it capitalised inside a sentence too; in a
 *   note typed in capitals, and in lower case, a word only one of two notes
 *   has that is no English word (`leeds`, `WIGAN`);
 * - negation: how many times it says `not`, `no`, `never`, `n't`, `without`…;
 * - dates: months, weekdays, seasons, `last year` / `next month`, years
 *   (`2024`).
 * Two notes have the same particulars when all four agree (`particularsDiffer`).
 */

import {isDictionaryWord} from '../anonymise/forms.js'
import {withinOneEdit, words} from './keywords.js'

/** Numbers in words (not `one`: the anonymiser writes `one council`, `one participant`). */
const numberWords = new Set(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion dozen half quarter third double twice triple treble'.split(' '),
)

/** Words that turn what a sentence says around. */
const negators = new Set('not no never cannot without none nobody nothing neither nor nowhere'.split(' '))

/** Months (not `may`, the verb, unless written capitalised inside a sentence: then it is a name), weekdays and seasons. */
const dateWords = new Set(
  'january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday spring summer autumn winter christmas easter yesterday today tomorrow'.split(
    ' ',
  ),
)

/** `last year`, `next month`, `this winter`: a date said relatively. */
const relativeDate = /\b(?:last|next|this|previous|coming)\s+(?:week|month|year|quarter|spring|summer|autumn|winter|term|financial year)\b/giu

/** `Table 2`, `breakout room 3`, `session 1`, `group B`: where a note was said, not what. */
const structure = /\b(?:table|group|breakout(?: room)?|room|session|round)\s+(?:\d{1,2}|[a-h])\b/giu

/** A word as written: letters and figures, with inner apostrophes, dots and commas of numbers (`don't`, `1,200`, `2.5`). */
const wordPattern = /[\p{L}\p{N}]+(?:[’'.,][\p{L}\p{N}]+)*/gu

export interface Particulars {
  figures: string[]
  names: string[]
  negations: number
  dates: string[]
}

/** A note's particulars (see the module's comment). */
export function particulars(text: string): Particulars {
  const figures: string[] = []
  const names: string[] = []
  const dates: string[] = []
  let negations = 0
  // Which table or session said it is the notes' structure, not what was said (`Table 1: …`, `(group 2)`).
  const said = text.replace(structure, ' ')
  const written = [...said.matchAll(wordPattern)]
  // A note typed in capitals writes every word as a name would be: its names are told by `unlistedNames` alone.
  const capitals = !/\p{Ll}/u.test(said)
  // Words the note writes with a capital inside a sentence: names wherever they stand, at a sentence's start too.
  const inside = new Set<string>()
  written.forEach((match, index) => {
    if (!capitals && index > 0 && !sentenceStart(said, match.index!) && /^\p{Lu}/u.test(match[0])) inside.add(match[0].toLowerCase())
  })
  for (const match of written) {
    // `NHS's` is `NHS`.
    const word = match[0].replace(/['’]s$/u, '')
    const lower = word.toLowerCase()
    if (/\p{N}/u.test(word)) {
      // A year is a date; `1,200` and `1200` are one figure.
      if (/^(?:19|20)\d\d$/.test(word)) dates.push(word)
      else figures.push(lower.replace(/(?<=\d),(?=\d{3}\b)/gu, ''))
      continue
    }
    const bare = lower.replace(/['’]/g, '')
    if (numberWords.has(lower)) figures.push(lower)
    if (negators.has(lower) || /n['’]t$/.test(lower) || /^(?:dont|doesnt|didnt|cant|couldnt|wont|wouldnt|shouldnt|isnt|arent|wasnt|werent|hasnt|havent|hadnt)$/.test(bare)) negations++
    // `Mondays`, `winters`: the day or season, said of every one.
    if (dateWords.has(lower) || dateWords.has(lower.replace(/s$/, ''))) dates.push(lower.replace(/s$/, ''))
    // An acronym (`NHS`, `DWP`), not a word typed in capitals (`ACTION:`, `NOT`).
    const acronym = !capitals && word.length >= 2 && /^\p{Lu}[\p{Lu}\p{N}]+s?$/u.test(word) && /\p{Lu}.*\p{Lu}|\p{Lu}\p{N}/u.test(word) && !isDictionaryWord(lower)
    if (acronym || (/^\p{Lu}/u.test(word) && inside.has(lower))) names.push(lower)
  }
  for (const match of said.matchAll(relativeDate)) dates.push(match[0].toLowerCase().replace(/\s+/g, ' '))
  return {figures: sorted(figures), names: sorted(names), negations, dates: sorted(dates)}
}

/**
 * What differs between two near-duplicate notes' particulars (`a figure`, `a name, a negation`), or undefined when
 * nothing does. Besides the names each writes with a capital, a word only one of them has is a name when it is no
 * ordinary English word (`in leeds` / `in wigan`, typed in lower case) and no typo of a word of the other.
 */
export function particularsDiffer(a: string, b: string): string | undefined {
  const [x, y] = [read(a), read(b)]
  // The common case, two notes that differ in nothing: one comparison of strings.
  if (x.key === y.key) return unlistedNames(x.words, y.words) ? 'a name' : undefined
  const kinds: string[] = []
  if (x.figures.join(' ') !== y.figures.join(' ')) kinds.push('a figure')
  if (x.names.join(' ') !== y.names.join(' ') || unlistedNames(x.words, y.words)) kinds.push('a name')
  if (x.negations !== y.negations) kinds.push('a negation')
  if (x.dates.join(' ') !== y.dates.join(' ')) kinds.push('a date')
  return kinds.join(', ')
}

/** A text's particulars, as one string to compare, and its words: read once per text (a note is compared with each near one). */
interface Read extends Particulars {
  key: string
  words: Set<string>
}

const readings = new Map<string, Read>()

function read(text: string): Read {
  let reading = readings.get(text)
  if (reading) return reading
  const found = particulars(text)
  reading = {...found, key: `${found.figures.join(' ')}|${found.names.join(' ')}|${found.negations}|${found.dates.join(' ')}`, words: new Set(words(text))}
  // Kept for the notes of a few reports at a time, not for the life of a batch.
  if (readings.size >= 4096) readings.clear()
  readings.set(text, reading)
  return reading
}

/** Does one text have a word the other lacks that is no English word and no typo of one of the other's: a name typed in lower case? */
function unlistedNames(x: Set<string>, y: Set<string>): boolean {
  const own = (mine: Set<string>, theirs: Set<string>) => {
    for (const word of mine) {
      if (theirs.has(word) || !/^\p{L}{3,}$/u.test(word)) continue
      let typo = false
      for (const other of theirs) if ((typo = withinOneEdit(word, other))) break
      if (!typo && !isDictionaryWord(word)) return true
    }
    return false
  }
  return own(x, y) || own(y, x)
}

/** Does a sentence start at `at`: only spaces, opening quotes or brackets after a stop (or the text's start) before it? */
function sentenceStart(text: string, at: number): boolean {
  let index = at - 1
  while (index >= 0 && /[\s"“‘'(\[*_]/u.test(text[index]!)) index--
  return index < 0 || /[.!?:;•–—-]/u.test(text[index]!)
}

function sorted(list: string[]): string[] {
  return list.sort()
}
