/**
 * Near-duplicates that keep what differs: two notes that read alike but
 * differ in a figure, a place or programme name, a negation or a date are two
 * points, never merged into one (in different sessions, or typed twice in
 * one): both are in the report, and the ledger places both. Over a table of
 * kind of difference × form × where it stands in the note × case; notes that
 * differ in nothing that matters are still merged.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {processNotes} from '../../src/engine/pipeline.js'
import {particularsDiffer} from '../../src/group/particulars.js'
import type {Report, ReportItem} from '../../src/types.js'

function build(notes: string): Report {
  return processNotes(new VFile({path: 'notes.md', value: notes})).report
}

/** Every note of the report, at any depth, as printed. */
function printed(report: Report): string {
  const output: string[] = []
  const walk = (item: ReportItem) => {
    output.push(item.text)
    item.children.forEach(walk)
  }
  for (const section of report.sections) section.items.forEach(walk)
  return output.join('\n')
}

/** Kinds of difference, each in its forms: the words that differ between the two notes. */
const kinds: Array<{kind: string; form: string; a: string; b: string; byCapitals?: true}> = [
  {kind: 'a figure', form: 'digits', a: 'by 3 weeks', b: 'by 2 weeks'},
  {kind: 'a figure', form: 'words', a: 'by three weeks', b: 'by two weeks'},
  {kind: 'a figure', form: 'a percentage', a: 'by 40%', b: 'by 25%'},
  {kind: 'a figure', form: 'money', a: 'saving £2m', b: 'saving £3m'},
  {kind: 'a figure', form: 'thousands', a: 'for 1,200 households', b: 'for 1,500 households'},
  {kind: 'a name', form: 'a place', a: 'in Leeds', b: 'in Wigan'},
  {kind: 'a name', form: 'a place of two words', a: 'in Milton Keynes', b: 'in Kirklees'},
  // English words made a name by their capitals: typed all in lower case or all in capitals, nothing tells them from a paraphrase.
  {kind: 'a name', form: 'a programme', a: 'under Healthy Homes', b: 'under Warm Front', byCapitals: true},
  {kind: 'a name', form: 'an acronym', a: 'through the NHS', b: 'through the DWP'},
  {kind: 'a negation', form: 'not', a: 'did not', b: 'did'},
  {kind: 'a negation', form: "n't", a: "didn't", b: 'did'},
  {kind: 'a negation', form: 'never', a: 'never', b: 'always'},
  {kind: 'a date', form: 'a month', a: 'in March', b: 'in June'},
  {kind: 'a date', form: 'a year', a: 'in 2023', b: 'in 2024'},
  {kind: 'a date', form: 'a weekday', a: 'on Mondays', b: 'on Fridays'},
  {kind: 'a date', form: 'said relatively', a: 'last year', b: 'next year'},
]

/** Where the words that differ stand in the note. */
const positions: Array<{position: string; note: (words: string) => string}> = [
  {position: 'start', note: (words) => `${words} – waiting times for home adaptations fell once the trusted assessor pilot started`},
  {position: 'middle', note: (words) => `Waiting times for home adaptations fell ${words} once the trusted assessor pilot started`},
  {position: 'end', note: (words) => `Waiting times for home adaptations fell once the trusted assessor pilot started ${words}`},
]

const cases: Array<{case: string; write: (text: string) => string}> = [
  {case: 'as written', write: (text) => text},
  {case: 'lower case', write: (text) => text.toLowerCase()},
  {case: 'capitals', write: (text) => text.toUpperCase()},
]

const table = kinds.flatMap((kind) =>
  positions.flatMap((position) =>
    cases.filter((entry) => entry.case === 'as written' || !kind.byCapitals).map((entry) => ({...kind, ...position, ...entry, first: entry.write(position.note(kind.a)), second: entry.write(position.note(kind.b))})),
  ),
)

describe('near-duplicates that differ in a particular are two notes', () => {
  it.each(table)('$kind ($form) at the $position, $case: raised in two sessions, both kept', ({first, second, a, b, write, note}) => {
    const report = build(`# Notes\n\n## Table A\n\n- ${first} #challenge\n\n## Table B\n\n- ${second} #challenge\n`)
    // Each note's own words, whichever the report capitalised (a headline's detail starts with a capital).
    const text = printed(report).toLowerCase()
    expect(text).toContain(write(note(a)).toLowerCase())
    expect(text).toContain(write(note(b)).toLowerCase())
    // The ledger: both notes placed, neither merged away.
    const placed = report.ledger!.entries.filter((entry) => entry.outcome.state === 'placed').map((entry) => entry.line)
    expect(placed).toEqual(expect.arrayContaining([5, 9]))
    expect(report.ledger!.entries.some((entry) => entry.outcome.state === 'merged')).toBe(false)
  })

  // Typed twice in one session, word for word but for one letter (which a repeat forgives as a typo), and that letter makes another particular.
  const typos: Array<{kind: string; a: string; b: string; cases: string[]}> = [
    {kind: 'a name', a: 'in Hull', b: 'in Hall', cases: ['as written']},
    // In lower case or capitals, a word one letter from an English word (`leeds`, `leeks`) reads as its typo: only its capital tells.
    {kind: 'a name', a: 'in Leeds', b: 'in Leeks', cases: ['as written']},
    {kind: 'a figure and a negation', a: 'in nine cases', b: 'in none cases', cases: ['as written', 'lower case', 'capitals']},
  ]
  const typoTable = typos.flatMap((typo) => positions.flatMap((position) => cases.filter((entry) => typo.cases.includes(entry.case)).map((entry) => ({...typo, ...position, ...entry}))))
  it.each(typoTable)('$kind one letter apart ($a, $b) at the $position, $case, typed twice in one session: both kept', ({a, b, note, write}) => {
    const report = build(`# Notes\n\n## Table A\n\n- ${write(note(a))} #challenge\n- ${write(note(b))} #challenge\n`)
    expect(report.ledger!.entries.filter((entry) => entry.outcome.state === 'placed').map((entry) => entry.line)).toEqual(expect.arrayContaining([5, 6]))
    expect(report.ledger!.entries.some((entry) => entry.outcome.state === 'merged')).toBe(false)
  })

  it.each(positions.flatMap((position) => cases.map((entry) => ({...position, ...entry}))))('still merges the same point with the same particulars (at the $position, $case)', ({note, write}) => {
    const report = build(`# Notes\n\n## Table A\n\n- ${write(note('by 3 weeks in Leeds'))} #challenge\n\n## Table B\n\n- ${write(note('by 3 weeks in Leeds').replace('once', 'after'))} #challenge\n`)
    const section = report.sections.find((entry) => entry.title === 'What needs to change')!
    expect(section.items).toHaveLength(1)
    expect(section.items[0]!.text).toMatch(/raised in 2 sessions/i)
    expect(report.ledger!.entries.find((entry) => entry.line === 9)?.outcome).toMatchObject({state: 'merged'})
  })
})

describe('particularsDiffer', () => {
  it.each(kinds)('says $kind ($form) differs', ({kind, a, b}) => {
    expect(particularsDiffer(`Waiting times fell ${a} after the pilot`, `Waiting times fell ${b} after the pilot`)).toContain(kind)
  })

  it.each([
    ['after a year', 'after one year'],
    ['Funding comes in short pots', 'funding comes in short pots'],
    ['In Leeds the pilot worked', 'The pilot worked in Leeds'],
    ['1,200 households', '1200 households'],
    ['the NHS’s own data', 'the NHS data'],
    ['a trusted assesor', 'a trusted assessor'],
  ])('finds nothing that differs between %j and %j', (a, b) => {
    expect(particularsDiffer(a, b)).toBeUndefined()
  })
})
