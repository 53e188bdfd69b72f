/**
 * The paranoid audit's own folding of a word (lower case, accents dropped),
 * with its shortcut for ASCII words: the same key as the full fold, for
 * every word.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {foldWord} from '../../src/audit/paranoid.js'

/** A scanned word: letters with zeros for O's, and no other digit. */
const scanned = (word: string) => word.includes('0') && /^[\p{L}0]+$/u.test(word) && (word.match(/\p{L}/gu) ?? []).length >= 2

/** The fold in full: read a scanned word's zeros as O's, decompose, drop combining marks, lower-case, spell the letters that do not decompose. */
const fullFold = (word: string) =>
  (scanned(word) ? word.replace(/0/g, 'o') : word)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßđłþðı]/gu, (letter) => ({ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i'})[letter]!)

describe('foldWord', () => {
  it('folds case, accents and letters that do not decompose', () => {
    expect(['Seán', 'ØRSTED', 'Łukasz', 'Þóra', 'Straße', 'IŞIK', 'Ｎｏｗａｋ', 'Amara', 'MCKENZIE2'].map(foldWord)).toEqual(['sean', 'orsted', 'lukasz', 'thora', 'strasse', 'isik', 'nowak', 'amara', 'mckenzie2'])
  })

  it('reads a scanned word with zeros for O letters as the word (R0SA, STOCKT0N, 0LDHAM), and leaves 10am, 20mph and 0F alone', () => {
    expect(['R0SA', 'STOCKT0N', '0LDHAM', 'N0RWICH', '10am', '20mph', '0F', '2030'].map(foldWord)).toEqual(['rosa', 'stockton', 'oldham', 'norwich', '10am', '20mph', '0f', '2030'])
  })

  it('gives an ASCII word the key the full fold gives it', () => {
    fc.assert(fc.property(fc.string({unit: 'binary-ascii', maxLength: 20}), (word) => foldWord(word) === fullFold(word)), {numRuns: 2000})
  })

  it('gives any word the key the full fold gives it', () => {
    fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 12}), (word) => foldWord(word) === fullFold(word)), {numRuns: 2000})
  })
})
