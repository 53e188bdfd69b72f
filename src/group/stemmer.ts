/**
 * The Porter stemmer (M.F. Porter, 1980, "An algorithm for suffix stripping",
 * with the two published revisions: `bli` → `ble` and `logi` → `log` in step 2).
 * Keyword rules and note text go through the same function, so `challenges`,
 * `challenging` and `challenge` all meet at `challeng`.
 *
 * Written here because no stemming package is installed; `stemmer` (words/stemmer,
 * the unified collective's) implements the same algorithm and could replace it.
 */

const step2: Record<string, string> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
}

const step3: Record<string, string> = {icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: ''}

const consonant = '[^aeiou]'
const vowel = '[aeiouy]'
const consonants = `${consonant}[^aeiouy]*`
const vowels = `${vowel}[aeiou]*`

/** m > 0: `[C]VC…` */
const measureAbove0 = new RegExp(`^(${consonants})?${vowels}${consonants}`)
/** m = 1: `[C]VC[V]` */
const measureIs1 = new RegExp(`^(${consonants})?${vowels}${consonants}(${vowels})?$`)
/** m > 1: `[C]VCVC…` */
const measureAbove1 = new RegExp(`^(${consonants})?${vowels}${consonants}${vowels}${consonants}`)
/** The stem contains a vowel. */
const hasVowel = new RegExp(`^(${consonants})?${vowel}`)
/** `*o`: the stem ends consonant–vowel–consonant, the last not w, x or y. */
const endsCvc = new RegExp(`^${consonants}${vowel}[^aeiouwxy]$`)

const step1aFull = /^(.+?)(ss|i)es$/
const step1aS = /^(.+?)([^s])s$/
const step1bEed = /^(.+?)eed$/
const step1bEdIng = /^(.+?)(ed|ing)$/
const step1bRestore = /(at|bl|iz)$/
const doubleConsonant = /([^aeiouylsz])\1$/
const step1c = /^(.+?)y$/
const step2Suffix = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/
const step3Suffix = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/
const step4Suffix = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/
const step4Ion = /^(.+?)(s|t)(ion)$/
const step5E = /^(.+?)e$/

/** Stem one lower-case English word. Words of one or two letters are returned as they are. */
export function stem(value: string): string {
  if (value.length < 3) return value
  let word = value
  const initialY = word[0] === 'y'
  if (initialY) word = `Y${word.slice(1)}`

  // Step 1a: plurals.
  let match: RegExpExecArray | null
  if ((match = step1aFull.exec(word))) word = match[1]! + match[2]!
  else if ((match = step1aS.exec(word))) word = match[1]! + match[2]!

  // Step 1b: -eed, -ed, -ing.
  if ((match = step1bEed.exec(word))) {
    if (measureAbove0.test(match[1]!)) word = word.slice(0, -1)
  } else if ((match = step1bEdIng.exec(word))) {
    const base = match[1]!
    if (hasVowel.test(base)) {
      word = base
      if (step1bRestore.test(word)) word += 'e'
      else if (doubleConsonant.test(word)) word = word.slice(0, -1)
      else if (endsCvc.test(word)) word += 'e'
    }
  }

  // Step 1c: y → i when the stem has a vowel.
  if ((match = step1c.exec(word)) && hasVowel.test(match[1]!)) word = `${match[1]!}i`

  // Step 2 and 3: double and single suffixes.
  if ((match = step2Suffix.exec(word)) && measureAbove0.test(match[1]!)) word = match[1]! + step2[match[2]!]!
  if ((match = step3Suffix.exec(word)) && measureAbove0.test(match[1]!)) word = match[1]! + step3[match[2]!]!

  // Step 4: -ant, -ence and the rest, when m > 1.
  if ((match = step4Suffix.exec(word))) {
    if (measureAbove1.test(match[1]!)) word = match[1]!
  } else if ((match = step4Ion.exec(word))) {
    const base = match[1]! + match[2]!
    if (measureAbove1.test(base)) word = base
  }

  // Step 5: a final -e, and -ll.
  if ((match = step5E.exec(word))) {
    const base = match[1]!
    if (measureAbove1.test(base) || (measureIs1.test(base) && !endsCvc.test(base))) word = base
  }
  if (/ll$/.test(word) && measureAbove1.test(word)) word = word.slice(0, -1)

  if (initialY) word = `y${word.slice(1)}`
  return word
}
