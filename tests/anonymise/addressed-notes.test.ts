/**
 * A note that speaks to someone by name (`Pieter, you said the pilot worked`) loses the name only: what they were told is
 * what someone said, and stays (issue 15, brief 15r; the role shape `*Robin, planning manager*` took the whole note). Over
 * the positions (a note's start, after a timestamp, after a sentence inside the note), the forms (given name, full name),
 * the cases, what follows the comma, on the roster (word names and plain ones) and off it.
 */
import {describe, expect, it} from 'vitest'
import {anonymise} from './helpers.js'

const positions: Array<[string, string]> = [
  ["a note's start", '- {n}, {s}'],
  ['after a timestamp', '- 10:30 {n}, {s}'],
  ['after a sentence', '- Welcome back to the room. {n}, {s}'],
  ['a paragraph', '{n}, {s}'],
]
const said = [
  ['you said the pilot worked in the spring', 'the pilot worked in the spring'],
  ['can you say more about the pilot budget?', 'say more about the pilot budget'],
  ["you're right that the pilot budget ran out", 'right that the pilot budget ran out'],
  ['thanks for the pilot figures, they helped', 'for the pilot figures, they helped'],
] as const
const cases: Array<[string, (text: string) => string]> = [
  ['as written', (text) => text],
  ['lower', (text) => text.toLowerCase()],
  ['upper', (text) => text.toUpperCase()],
]

const people: Array<[string, string[]]> = [
  // On the roster: given names that are words, and plain ones; the full name.
  ['Will', ['will']],
  ['Hope', ['hope']],
  ['Dawn Fitzgerald', ['dawn', 'fitzgerald']],
  ['Tomasz', ['tomasz']],
  ['Frank Osei', ['frank', 'osei']],
  // On no roster: a name in a vocative is a person's.
  ['Pieter', ['pieter']],
  ['Jolene Abara', ['jolene', 'abara']],
]

describe.each(people)('%s, addressed', (name, words) => {
  describe.each(positions)('at %s', (_position, template) => {
    it.each(cases)('%s: loses the name and keeps what was said', (writing, apply) => {
      // Off the roster, a name is only a name with its capital: in lower case it is a word like any other.
      if (writing === 'lower' && (name === 'Pieter' || name === 'Jolene Abara')) return
      for (const [sentence, kept] of said) {
        const written = apply(template.replace('{n}', name).replace('{s}', sentence))
        const {markdown} = anonymise(written)
        for (const word of words) expect(markdown, written).not.toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu'))
        expect(markdown.toLowerCase(), written).toContain(kept)
      }
    })
  })
})

describe('the same shapes with ordinary words', () => {
  it.each([
    ['- We will, you know, try again in spring', 'We will, you know, try again in spring'],
    ['- Hope, you could say, is the strategy here', 'Hope, you could say, is the strategy here'],
    ['- Thanks, you were all brilliant', 'Thanks, you were all brilliant'],
  ])('keeps %j', (notes, kept) => {
    expect(anonymise(notes).markdown).toContain(kept)
  })
})
