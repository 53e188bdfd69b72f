/**
 * Capitals that are an abbreviation in these notes (`participatory budgeting (PB)`, `our PB`) stay, even
 * with a participant whose initials they are (Priya Black); in a name position they are still her.
 */
import {describe, expect, it} from 'vitest'
import {definedAbbreviations} from '../../src/anonymise/acronyms.js'
import {anonymise} from './helpers.js'

const front = `---
title: PB
attendees:
  - { name: Priya Black, org: Dudley Council }
  - { name: Grant Adams, org: Wigan Council }
share: [Leeds City Council]
---
`
const notPerson = () => false

describe('the abbreviation recogniser', () => {
  it.each([
    ['participatory budgeting (PB) came up', 'PB'],
    ['PB (participatory budgeting) came up', 'PB'],
    ['the Integrated Care Board (ICB) funds it', 'ICB'],
    ['the Department for Education (DfE) said', undefined],
    ['Special Educational Needs (SEN) support', 'SEN'],
    ['ward-level participatory-budgeting (PB)', 'PB'],
  ])('finds what %j defines', (text, abbreviation) => {
    expect([...definedAbbreviations(text, notPerson).defined]).toEqual(abbreviation ? [abbreviation] : [])
  })

  it.each([['the pilot ran (PB)'], ['Priya Black (PB) said so'], ['(GA) and others'], ['we used PB (it was cheap)']])('finds no definition in %j', (text) => {
    expect([...definedAbbreviations(text, (words) => /Priya Black/.test(words)).defined]).toEqual([])
  })

  it('reads capitals after a person’s name as her initials, even where they also spell an abbreviation', () => {
    const found = definedAbbreviations('Priya Black (PB) runs it; participatory budgeting (PB) came up', (words) => /Priya Black/.test(words))
    expect({defined: [...found.defined], initials: [...found.initials]}).toEqual({defined: [], initials: ['PB']})
  })
})

const notes = (lines: string[]) => anonymise(`## Notes\n\n${lines.map((line) => `- ${line}`).join('\n')}\n`, front).markdown

describe('an abbreviation the notes define, with a participant of the same initials', () => {
  const definition = 'we tried participatory budgeting (PB) in three wards'

  it.each([
    'PB is the cheapest trust-building exercise we have ever run',
    'Members feel threatened – PB can look like it replaces them',
    'Is there a real budget behind our PB?',
    'ran ward-level PB for more than a decade',
  ])('keeps %j', (line) => {
    const markdown = notes([definition, line])
    expect(markdown).toContain(line.slice(1))
    expect(markdown).toContain('participatory budgeting (PB)')
  })

  it.each([
    ['PB: it was cheap to run', 'It was cheap to run'],
    ['**PB:** it was cheap to run', 'It was cheap to run'],
    ['PB said it was cheap to run', 'One participant said it was cheap to run'],
    ['10:30 PB – it was cheap to run', 'It was cheap to run'],
  ])('removes the same capitals in a name position: %j', (line, expected) => {
    const markdown = notes([definition, line])
    expect(markdown).toContain(expected)
    expect(markdown.split('\n').at(-1)).not.toMatch(/\bPB\b/)
  })

  it('reads a definition written the other way round in place: `PB (participatory budgeting)`', () => {
    expect(notes(['PB (participatory budgeting) was tried in three wards'])).toContain('PB (participatory budgeting) was tried')
  })

  it('takes a name spelled out before its initials as the person, not an abbreviation', () => {
    const markdown = notes(['Priya Black (PB) runs the scheme', 'PB ran the pilot in the spring'])
    expect(markdown).not.toMatch(/\bPB\b|Priya|Black/)
  })
})

describe('an abbreviation used as a common noun, undefined', () => {
  it.each(['Is there a real budget behind our PB?', 'the PB vote is the easy bit', 'PB is the cheapest trust-building exercise we have ever run'])('keeps %j', (line) => {
    expect(notes([line])).toContain(line.slice(1))
  })

  it.each([['PB: it was cheap', 'It was cheap'], ['PB said it was cheap', 'One participant said it was cheap']])('removes %j, a name position', (line, expected) => {
    expect(notes([line])).toContain(`- ${expected}`)
    expect(notes([line])).not.toMatch(/\bPB\b/)
  })
})

describe('abbreviations of local government, undefined, with a participant of the same initials', () => {
  const igFront = '---\ntitle: T\nattendees:\n  - { name: Ioana Gillespie, org: Stockport Council }\n---\n'
  const one = (line: string) => anonymise(`## Notes\n\n- ${line}\n`, igFront).markdown.split('\n').at(-1)!

  // Lost in the archive (make-archive seed 1): `ask the IG team properly` became `ask the one participant team properly`.
  it.each(['ask the IG team properly', 'IG was the blocker', 'the IG lead left'])('keeps information governance: %j', (line) => {
    expect(one(line)).toBe(`- ${line}`)
  })

  it.each(['thanks IG', 'ask IG about it', 'the IG - still slow'])('keeps the abbreviation where a person is usual but an abbreviation at home: %j', (line) => {
    expect(one(line)).toBe(`- ${line}`)
  })

  it.each([['IG said no', '- One participant said no'], ['IG: we tried', '- We tried']])('removes her initials in a name position: %j', (line, expected) => {
    expect(one(line)).toBe(expected)
  })
})
