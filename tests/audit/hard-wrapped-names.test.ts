/**
 * The audit's side of a name split by a paragraph's hard wrap (`Sue⏎Field`, `mr⏎hill`, `Mark⏎Hill said`): flagged even
 * where the rewriter recorded each word as an ordinary use (the record is of a line, and a wrap puts the two words on
 * two), as it is on one line. The rewriter is off: nothing recorded, and, the worst a rewriter can do, every word
 * recorded. Over the split (given and surname, an honorific and surname), the names and the cases.
 */
import {describe, expect, it} from 'vitest'
import {createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {people: [{name: 'Sue Field', aliases: []}, {name: 'Mark Hill', aliases: []}, {name: 'Tomasz Nowak', aliases: []}], share: []}

function flagged(text: string, recordAll: boolean): string[] {
  const recorded = recordAll ? [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ordinaryUse(text, match.index, match.index + match[0].length)) : []
  return createParanoidAuditor(roster, {ordinary: recorded, source: text}).scan(text).map((suspect) => suspect.text.toLowerCase())
}

const splits: Array<[string, string, string[]]> = [
  ['Sue', 'Field', ['sue', 'field']],
  ['Mark', 'Hill', ['mark', 'hill']],
  ['Tomasz', 'Nowak', ['tomasz', 'nowak']],
  ['Mr', 'Hill', ['hill']],
  ['Cllr', 'Field', ['field']],
]
const templates = [
  'The pilot worked well in the first year, and then {a}\n{b} told us it had stalled by the spring.',
  'The pilot worked well in the first year, as one of the officers ({a}\n{b}) told us later on.',
  'The pilot worked well in the first year. {a}\n  {b} said it had stalled by the spring.',
]
const cases: Array<[string, (text: string) => string]> = [
  ['as written', (text) => text],
  ['lower', (text) => text.toLowerCase()],
  ['upper', (text) => text.toUpperCase()],
]

describe.each(splits)('%s⏎%s', (first, second, words) => {
  it.each(cases)('%s: flagged, recorded or not', (_writing, apply) => {
    for (const template of templates) {
      const text = apply(template.replace('{a}', first).replace('{b}', second))
      for (const recordAll of [false, true]) expect(flagged(text, recordAll), text).toEqual(expect.arrayContaining(words))
    }
  })
})

describe('ordinary words a wrap puts on two lines', () => {
  it.each(['We will have to mark the date\nin the diary before the spring.', 'The village hall sits on a\nhill above the field where the fair is held.'])('are not flagged where recorded: %j', (text) => {
    expect(flagged(text, true)).toEqual([])
  })
})
