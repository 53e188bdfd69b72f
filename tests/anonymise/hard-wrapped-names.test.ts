/**
 * A name that a paragraph's hard wrap splits across two lines (`(dr⏎berg)`, `Sue⏎Field`, `Mark⏎Hill said`): found and
 * removed as it is on one line, the title with it (issue 15, brief 15r: `(Dr⏎Berg)` became `(Dr⏎one participant)` and
 * `(dr⏎berg)` stayed). Over the split (title and surname, given name and surname), the position (an aside, the subject of
 * saying, after `from`), the names (words and plain), and the cases.
 */
import {describe, expect, it} from 'vitest'
import {anonymise} from './helpers.js'

const front = `---
title: Wrapped names
attendees:
  - Sue Field
  - Mark Hill
  - Pieter van der Berg
  - Tomasz Nowak
---
`
const splits: Array<[string, string, string, string[]]> = [
  // title or given name, the rest, and the words that must go
  ['a title and a surname', 'Dr', 'Berg', ['berg']],
  ['a title and a surname', 'Cllr', 'Field', ['field']],
  ['a title and a surname', 'Ms', 'Nowak', ['nowak']],
  ['a given name and a surname', 'Sue', 'Field', ['sue', 'field']],
  ['a given name and a surname', 'Mark', 'Hill', ['mark', 'hill']],
  ['a given name and a surname', 'Tomasz', 'Nowak', ['tomasz', 'nowak']],
]
const positions = [
  ['an aside', 'The pilot worked well in the first year, as one of the officers ({a}\n{b}) told us it had stalled by the spring.'],
  ['the subject of saying', 'The pilot worked well in the first year. {a}\n{b} said it had stalled by the spring, and told us it had stalled.'],
  ['after from', 'The pilot worked well in the first year, and the message from {a}\n{b} told us it had stalled by the spring.'],
]
const cases: Array<[string, (text: string) => string]> = [
  ['as written', (text) => text],
  ['lower', (text) => text.toLowerCase()],
  ['upper', (text) => text.toUpperCase()],
]
const titles = /(?<![\p{L}])(?:dr|cllr|ms)(?![\p{L}])/iu

describe.each(splits)('%s split by a hard wrap: %s⏎%s', (_split, first, second, words) => {
  describe.each(positions)('in %s', (_position, template) => {
    it.each(cases)('%s: removed, with its title, and the sentence kept', (_writing, apply) => {
      const notes = apply(template.replace('{a}', first).replace('{b}', second))
      const {markdown} = anonymise(notes, front)
      for (const word of words) expect(markdown, notes).not.toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu'))
      expect(markdown, notes).not.toMatch(titles)
      expect(markdown.toLowerCase(), notes).toContain('told us it had stalled')
    })
  })
})

describe('ordinary words a wrap puts beside a name', () => {
  it.each([
    ['We will have to mark the date\nin the diary before the spring.', 'mark the date'],
    ['The village hall sits on a\nhill above the field where the fair is held.', 'hill above the field'],
  ])('keeps %j', (notes, kept) => {
    expect(anonymise(notes, front).markdown.replace(/\s+/gu, ' ')).toContain(kept)
  })
})
