/**
 * The finder tests `spacedLettersHint` before looking for runs of spaced letters: a string it
 * does not match must hold no run, or a spelled-out name (`S i o b h á n`) would be missed.
 */
import {describe, expect, it} from 'vitest'
import {rulePatterns} from '../../src/anonymise/patterns.js'
import {anonymiseText} from '../../src/anonymise/index.js'
import {random} from '../generate/notes.js'

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
