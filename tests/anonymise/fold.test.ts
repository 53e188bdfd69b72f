/**
 * The anonymiser's fold (`Seán` → `Sean`, lookalike letters read as Latin ones) and the word look-ups it feeds,
 * whose answers are remembered: the same answer as the full fold and a fresh look-up, for every string.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fold, isDictionaryWord, letterKey} from '../../src/anonymise/forms.js'

const letters: Record<string, string> = {ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ß: 'ss', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D', ı: 'i'}

/** The fold in full, with no shortcut (lookalike letters aside: the examples show those). */
function fullFold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øØæÆœŒßđĐłŁþÞðÐı]/gu, (letter) => letters[letter]!)
}

describe('fold', () => {
  it('folds accents, letters that do not decompose, full-width and lookalike letters', () => {
    expect(['Seán Ó Briain', 'Øyvind', 'ＮＯＷＡＫ', 'Nоwak', 'Łukasz', 'Tom O’Kafor'].map(fold)).toEqual(['Sean O Briain', 'Oyvind', 'NOWAK', 'Nowak', 'Lukasz', 'Tom O’Kafor'])
  })

  it('leaves any ASCII string as it is, as the full fold does', () => {
    fc.assert(fc.property(fc.string({unit: 'binary-ascii', maxLength: 30}), (value) => fold(value) === value && fullFold(value) === value), {numRuns: 2000})
  })

  it('gives any string the full fold', () => {
    fc.assert(fc.property(fc.string({unit: fc.constantFrom('a', 'Z', ' ', "'", 'é', 'Ó', 'ø', 'Æ', 'ł', 'Ｎ', 'ß', '1', '\u0301', '’'), maxLength: 16}), (value) => fold(value) === fullFold(value)), {numRuns: 2000})
  })
})

describe('word look-ups, remembered', () => {
  it('give the same answer asked again, in any order', () => {
    const words = ['fortune', 'Fortune', 'autumn', 'okafor', 'Okafor', 'law', 'laws', 'coppicing', 'interdisciplinary', 'Siobhán', "O'Shaugnessy"]
    const first = words.map((word) => [isDictionaryWord(word), letterKey(word)])
    const again = [...words].reverse().map((word) => [isDictionaryWord(word), letterKey(word)]).reverse()
    expect(again).toEqual(first)
    expect(first.slice(0, 6)).toEqual([[true, 'fortune'], [true, 'fortune'], [true, 'autumn'], [false, 'okafor'], [false, 'okafor'], [true, 'law']])
    expect(letterKey("O'Shaugnessy")).toBe('oshaugnessy')
  })
})
