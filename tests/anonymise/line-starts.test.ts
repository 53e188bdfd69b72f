/**
 * Labels and owners at a LINE's start, not only a block's: `May:` after a soft line break inside a paragraph (a lazy
 * continuation, hard-wrapped text), after a hard break (`  ⏎`, `\⏎`), after a `<br>`, and on an outline's numbered
 * line that the parser splits off its paragraph (`1.1 …` / `   i. May: …`, held-out set 4). A table over position ×
 * line kind × name form × case: the rewriter removes each, reading the notes as the pipeline parses them; with the
 * rewriter switched off, the paranoid audit alone flags each, in the notes' text and in a report that ran the lines
 * together (it reads the label's place from the notes). The same words as words, on a line of their own, stay.
 */
import {describe, expect, it} from 'vitest'
import {createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'
import {anonymise} from './helpers.js'

const front = `---
title: Line starts
attendees:
  - { name: May Okonkwo, org: North Yorkshire Council }
  - { name: Grace Lindqvist, org: Fife Council }
  - { name: Summer Price, org: Rutland County Council }
  - { name: Tomasz Wojcik, org: Slough Borough Council }
share: [Locality]
---
`
const roster: Roster = {
  people: [
    {name: 'May Okonkwo', org: 'North Yorkshire Council', aliases: []},
    {name: 'Grace Lindqvist', org: 'Fife Council', aliases: []},
    {name: 'Summer Price', org: 'Rutland County Council', aliases: []},
    {name: 'Tomasz Wojcik', org: 'Slough Borough Council', aliases: []},
  ],
  share: ['Locality'],
}

/** What opens the line before the name: `{n}` is the name. */
const positions: Array<[string, string]> = [
  ['a label', '{n}: we tried a shared rota and it lasted a month'],
  ['a label with a role', '{n} (treasurer): we tried a shared rota and it lasted a month'],
  ['a label with a dash', '{n} - we tried a shared rota and it lasted a month'],
  ["an outline's numeral and a label", 'i. {n}: we tried a shared rota and it lasted a month'],
  ['a list marker and an owner', '- {n} to send the rota to the group'],
  ['an action and an owner', 'Action: {n} to send the rota to the group'],
  ["a field's name and an owner", 'Follow-up:: {n} to send the rota to the group'],
]

/** How the line is reached inside its block: `{line}` is the line with the name. */
const lineKinds: Array<[string, string]> = [
  ['a soft break', 'The halls are open three days a week and nobody owns the booking\n{line}'],
  ['a soft break after a full stop', 'The halls are open three days a week.\n{line}'],
  ['a hard break (two spaces)', 'The halls are open three days a week  \n{line}'],
  ['a hard break (backslash)', 'The halls are open three days a week\\\n{line}'],
  ['a <br>', 'The halls are open three days a week.<br>{line}'],
  ["an outline's line the parser splits off", '1. Halls\n1.1 The halls are open three days a week #challenge\n   {line}'],
  ['a lazy continuation in a list item', '- The halls are open three days a week\n{line}'],
  ['a line of a quote', '> the halls are open three days a week\n> {line}'],
]

const forms: Array<[string, string, RegExp]> = [
  ['a given name that is a word', 'May', /\bMay\b/iu],
  ['a given name that is a word', 'Summer', /\bSummer\b/iu],
  ['a given name that is a word', 'Grace', /\bGrace\b/iu],
  ['a given name', 'Tomasz', /\bTomasz\b/iu],
  ['a full name', 'Grace Lindqvist', /\bGrace\b|\bLindqvist\b/iu],
]

const writings: Array<[string, (name: string) => string]> = [
  ['as written', (name) => name],
  ['lower case', (name) => name.toLowerCase()],
]

const table = positions.flatMap(([position, template]) =>
  lineKinds.flatMap(([kind, block]) =>
    forms.flatMap(([form, name, pattern]) =>
      writings
        // An outline's numeral is not an owner's place, and a label with a dash needs a capital to be told from prose.
        .filter(([writing]) => writing === 'as written' || !/dash/u.test(position))
        .map(([writing, write]) => [`${position} after ${kind}: ${form} ${writing}`, block.replace('{line}', template.replace('{n}', write(name))), pattern] as const),
    ),
  ),
)

describe('a label or an owner at the start of a line inside a block', () => {
  it(`plants ${table.length} names (positions × line kinds × forms × cases)`, () => {
    expect(table.length).toBe(positions.length * lineKinds.length * (forms.length * 2) - lineKinds.length * forms.length)
  })

  it.each(table)('is removed by the rewriter: %s', (_, notes, pattern) => {
    const {markdown} = anonymise(`## Notes\n\n${notes}\n`, front)
    expect(markdown).not.toMatch(pattern)
    expect(markdown).toMatch(/the rota|a shared rota/u)
  })

  it.each(table)('is flagged by the audit alone, the rewriter off: %s', (_, notes) => {
    const audit = createParanoidAuditor(roster, {ordinary: [], source: notes})
    expect(audit.scan(notes).length).toBeGreaterThan(0)
  })

  it.each(table.filter(([label]) => /May|Summer|Grace as written/u.test(label) && !/full name/u.test(label)))(
    'is flagged in a report that ran the lines together, though the rewriter recorded the word as ordinary: %s',
    (_, notes, pattern) => {
      // The report's paragraph: lines joined by spaces, no full stop where the line broke, the `<br>` gone.
      const joined = notes.replace(/<br>|\\\n|[ ]{2}\n|\n[ >]*/gu, ' ')
      const word = pattern.exec(joined)![0]
      const at = joined.indexOf(word)
      const ordinary = [ordinaryUse(joined, at, at + word.length)]
      const audit = createParanoidAuditor(roster, {ordinary, source: notes})
      expect(audit.scan(joined).filter((suspect) => suspect.position !== undefined).map((suspect) => suspect.text)).toContain(word)
    },
  )
})

describe('the same words as words, on lines of their own', () => {
  const ordinary = [
    'The halls are open three days a week\nin May before the season we open the big hall',
    'The halls are open three days a week.\nSummer is when the grants close',
    'The halls are open  \na grace period of a month kept two groups going',
    '1. Halls\n1.1 The halls are open three days a week #challenge\n   i. the summer fair pays for the insurance',
  ]
  it.each(ordinary)('keeps %j', (notes) => {
    const {markdown} = anonymise(`## Notes\n\n${notes}\n`, front)
    for (const word of ['May', 'Summer', 'summer', 'grace']) if (notes.includes(word)) expect(markdown).toContain(word)
  })
})
