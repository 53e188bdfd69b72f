/**
 * A heading or a label that is a noun phrase, a capitalised word before a common noun (`## Cyber insurance`, `- Zakat
 * funds: …`, `**Kanban boards**`): the tagger took the first word for a person (`Someone insurance`). The capital is the
 * heading's: the phrase is kept (issue 15, brief 15r). Over the modifiers (no list knows them as names), the nouns, the
 * positions (a heading, a bold line, a label with a colon, a numbered item) and the cases; people in the same positions
 * (`- Rubija notes:`, `- Jolene again:`, `## Jolene's table`, `- Jolene said…`) still go.
 */
import {describe, expect, it} from 'vitest'
import {anonymise} from './helpers.js'

const modifiers = ['Cyber', 'Zakat', 'Kanban', 'Orbis']
const nouns = ['insurance', 'security', 'funds', 'boards']
const positions = ['## {p}', '**{p}**', '- {p}: premiums doubled in a year', '1. {p}']
const cases: Array<[string, (text: string) => string]> = [
  ['as written', (text) => text],
  ['in capitals', (text) => text.toUpperCase()],
]

describe.each(modifiers)('the modifier %s', (modifier) => {
  describe.each(positions)('in %s', (position) => {
    it.each(cases)('%s: the noun phrase is kept', (writing, apply) => {
      // `CYBER SECURITY: …` in capitals is a full name's label as much as a noun phrase (`JOLENE ABARA: …`): not asked here.
      if (writing === 'in capitals' && position.includes(':')) return
      for (const noun of nouns) {
        const phrase = `${modifier} ${noun}`
        const notes = apply(position.replace('{p}', phrase))
        expect(anonymise(notes).markdown, notes).toContain(apply(phrase))
      }
    })
  })
})

describe('people in the same positions', () => {
  it.each([
    ['- Rubija notes: the pilot worked', 'rubija'],
    ['- Jolene again: the pilot worked', 'jolene'],
    ["## Jolene's table", 'jolene'],
    ['- Jolene said the pilot worked', 'jolene'],
    ['- Priya update: the pilot worked', 'priya'],
  ])('still go: %j', (notes, name) => {
    expect(anonymise(notes).markdown.toLowerCase()).not.toContain(name)
  })
})
