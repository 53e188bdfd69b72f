/**
 * The paranoid audit's own folding of a word (lower case, accents dropped),
 * with its shortcut for ASCII words: the same key as the full fold, for
 * every word.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {foldWord} from '../../src/audit/paranoid.js'

/** The fold in full: decompose, drop combining marks, lower-case, spell the letters that do not decompose. */
const fullFold = (word: string) =>
  word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßđłþðı]/gu, (letter) => ({ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i'})[letter]!)

describe('foldWord', () => {
  it('folds case, accents and letters that do not decompose', () => {
    expect(['Seán', 'ØRSTED', 'Łukasz', 'Þóra', 'Straße', 'IŞIK', 'Ｎｏｗａｋ', 'Amara', 'MCKENZIE2'].map(foldWord)).toEqual(['sean', 'orsted', 'lukasz', 'thora', 'strasse', 'isik', 'nowak', 'amara', 'mckenzie2'])
  })

  it('gives an ASCII word the key the full fold gives it', () => {
    fc.assert(fc.property(fc.string({unit: 'binary-ascii', maxLength: 20}), (word) => foldWord(word) === fullFold(word)), {numRuns: 2000})
  })

  it('gives any word the key the full fold gives it', () => {
    fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 12}), (word) => foldWord(word) === fullFold(word)), {numRuns: 2000})
  })
})
