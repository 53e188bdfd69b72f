/**
 * Patterns written for speed find what their plain forms find. The finder tests `spacedLettersHint`
 * before looking for runs of spaced letters: a string it does not match must hold no run, or a
 * spelled-out name (`S i o b h á n`) would be missed.
 */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {rulePatterns} from '../../src/anonymise/patterns.js'
import {anonymiseText} from '../../src/anonymise/index.js'
import {random} from '../generate/notes.js'
import {corpusFiles} from '../helpers.js'

// Letters of several scripts and both planes, digits, spaces of several kinds, punctuation.
const pieces = ['a', 'B', 'á', 'ß', 'Ж', 'ε', '名', '𝐀', '1', '٣', ' ', ' ', ' ', '  ', '\u00a0', '\t', '\n', '-', '.', "'", '(', '_']

describe('the hint of a run of spaced letters', () => {
  it('matches every string that holds a run, in 20,000 random strings of letters and spaces', () => {
    const next = random(18)
    let runs = 0
    for (let index = 0; index < 20_000; index++) {
      let text = ''
      const length = 1 + Math.floor(next() * 14)
      // Mostly one piece then a plain space, so that runs are common; anything else around and inside them.
      for (let at = 0; at < length; at++) text += pieces[Math.floor(next() * pieces.length)]! + (next() < 0.7 ? ' ' : '')
      const hasRun = [...text.matchAll(rulePatterns.spacedLetters)].length > 0
      if (hasRun) runs++
      if (hasRun) expect(rulePatterns.spacedLettersHint.test(text), JSON.stringify(text)).toBe(true)
    }
    expect(runs).toBeGreaterThan(1_000)
  })

  it('leaves a name spelled out letter by letter found, at the start, middle and end of a string', () => {
    const roster = {people: [{name: 'Siobhán Kelly', aliases: []}], share: []}
    for (const text of ['S i o b h á n ran the pilot', 'Thanks to S i o b h á n for the room', 'The room was booked by S i o b h á n']) {
      expect(anonymiseText(text, roster).value).not.toContain('S i o b h á n')
    }
  })
})

describe('capitals before the words they stand for', () => {
  // The pattern as first written, its look-behind first: the reference the faster form must agree with.
  const plain = /(?<![\p{L}\p{N}])(\p{Lu}{2,6})[^\S\n]+\(([\p{L}'’ -]{3,80})\)/gu
  const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((match) => [match.index, match[1], match[2]])

  it('are found where the plain pattern finds them, in the corpus and in cases at the edges', () => {
    const texts = [
      ...corpusFiles().map((file) => fs.readFileSync(file.notes, 'utf8')),
      'NHS (National Health Service), xAB (a b c), éAB (Alpha Beta), 1AB (one two), 𝐀AB (x y z), ΑΒ (Alpha Beta)',
      'AB\u00a0(Alpha Beta) ABCDEFG (too many) A (one) AB\n(next line) AB  (two spaces) (PB (participatory budgeting))',
    ]
    let found = 0
    for (const text of texts) {
      expect(matches(rulePatterns.abbreviationBeforeBrackets, text)).toEqual(matches(plain, text))
      found += matches(plain, text).length
    }
    expect(found).toBeGreaterThan(5)
  })
})
