import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {rulePatterns} from '../../src/anonymise/patterns.js'
import {tokenize, tokenPattern} from '../../src/anonymise/tagger/features.js'
import {word as nearWord} from '../../src/anonymise/near-names.js'
import {LETTER, MARK, NUMBER, scanJoinedRuns, scanLetterWords, scanRuns, scanTokens} from '../../src/util/scan.js'

// Letters (ASCII, accented, Greek, CJK, astral), marks, digits of several scripts, the separators, `s` for the
// possessive, spaces of several kinds, punctuation, emoji, lone surrogates.
const units = ['a', 'B', 's', 'S', 'é', 'Ö', 'ß', 'λ', '中', '\u0301', '\u0903', '1', '٣', 'Ⅳ', '½', '-', "'", '’', '‘', '&', '.', ' ', '\u00a0', '\u2003', '\n', '\t', '\ufeff', '😀', '𝐀', '𐐷', '\ud800', '\udc00', '_', '@']
const text = fc.string({unit: fc.constantFrom(...units), maxLength: 40})
const pairs = (pattern: RegExp, value: string) => [...value.matchAll(pattern)].flatMap((match) => [match.index, match.index + match[0].length])

describe('code-point scanners', () => {
  it('cut the tagger’s tokens as its pattern does, with whether each holds a letter', () => {
    fc.assert(
      fc.property(text, (value) => {
        const scanned: Array<[number, number, boolean]> = []
        scanTokens(value, (start, end, word) => scanned.push([start, end, word]))
        expect(scanned).toEqual([...value.matchAll(tokenPattern)].map((match) => [match.index, match.index + match[0].length, /\p{L}/u.test(match[0])]))
      }),
      {numRuns: 3000},
    )
    expect(tokenize("Sue's co-op’s 3-D café")).toEqual(
      [...("Sue's co-op’s 3-D café".matchAll(tokenPattern))].map((match) => ({text: match[0], start: match.index, end: match.index + match[0].length, word: /\p{L}/u.test(match[0])})),
    )
  })

  it('find runs of letters and digits as `alphanumericRun` does', () => {
    fc.assert(fc.property(text, (value) => {
      expect(scanRuns(value, LETTER | NUMBER)).toEqual(pairs(rulePatterns.alphanumericRun, value))
    }), {numRuns: 3000})
  })

  it('find name words joined by hyphens and apostrophes, the possessive split off, as `nameWord` does', () => {
    fc.assert(fc.property(text, (value) => {
      expect(scanJoinedRuns(value, LETTER | MARK)).toEqual(pairs(rulePatterns.nameWord, value))
    }), {numRuns: 3000})
  })
})

describe('code-point scanners, the rules’ other word patterns', () => {
  it('find public-name words (joined by any apostrophe or hyphen) and each `&`, as `publicWord` does', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(scanJoinedRuns(value, LETTER | NUMBER, false, true)).toEqual(pairs(rulePatterns.publicWord, value))
      }),
      {numRuns: 3000},
    )
  })

  it('find words that open on a letter and run on through letters, apostrophes and hyphens, as the near-name reader’s pattern does', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(scanLetterWords(value)).toEqual(pairs(nearWord, value))
      }),
      {numRuns: 3000},
    )
  })
})
