import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {matchesOf} from '../../src/util/matches.js'

/** What a caller reads of a match: the text, the groups, where it is. */
const read = (matches: Iterable<RegExpMatchArray>) => [...matches].map((match) => ({text: [...match], index: match.index, groups: match.groups}))

const patterns = [
  /[\p{L}\p{N}]+/gu,
  /[\p{L}][\p{L}'’-]*/gu,
  /(?<word>\p{Lu}\p{Ll}+)(?:['’]s)?/gu,
  /a*/g,
  /(?:)/gu,
  /\b/g,
  /x?/giu,
]

describe('matchesOf', () => {
  it('gives the matches `matchAll` gives, empty ones and astral letters too, and leaves `lastIndex` as it was', () => {
    const text = fc.string({unit: fc.constantFrom('a', 'A', 'é', 'x', ' ', "'", '’', '-', '1', '𝐀', '😀', '\n', 'b', 'Ö'), maxLength: 30})
    fc.assert(
      fc.property(text, fc.integer({min: 0, max: patterns.length - 1}), fc.integer({min: 0, max: 5}), (value, which, lastIndex) => {
        const pattern = patterns[which]!
        pattern.lastIndex = lastIndex
        const expected = read(value.matchAll(pattern))
        expect(pattern.lastIndex).toBe(lastIndex)
        expect(read(matchesOf(pattern, value))).toEqual(expected)
        expect(pattern.lastIndex).toBe(lastIndex)
        pattern.lastIndex = 0
      }),
      {numRuns: 3000},
    )
  })

  it('refuses a pattern without the `g` flag, as `matchAll` does', () => {
    expect(() => matchesOf(/a/u, 'a')).toThrow(TypeError)
  })
})
