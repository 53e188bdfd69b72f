/**
 * Themes inside sections: the same point from different rooms merged (with
 * how many rooms, never who); notes on one theme gathered under a bold
 * headline with the others under it, each keeping its sub-points; Key
 * insights earned by the themes raised in the most sessions.
 */
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {processNotes} from '../../src/engine/pipeline.js'
import type {Report, ReportItem} from '../../src/types.js'

function build(notes: string): Report {
  return processNotes(new VFile({path: 'notes.md', value: notes})).report
}

function everything(report: Report): ReportItem[] {
  const output: ReportItem[] = []
  const walk = (item: ReportItem) => {
    output.push(item)
    item.children.forEach(walk)
  }
  for (const section of report.sections) section.items.forEach(walk)
  return output
}

describe('themes', () => {
  it('merges the same point made in two sessions into one note that says how many raised it', () => {
    const report = build(`# Notes\n\n## Table A\n\n- Funding comes in short competitive pots so the retrofit team is gone after a year #challenge\n\n## Table B\n\n- Funding comes in short competitive pots, so the retrofit team is gone after one year #challenge\n`)
    const section = report.sections.find((entry) => entry.title === 'What needs to change')!
    expect(section.items).toHaveLength(1)
    expect(section.items[0]!.text).toMatch(/raised in 2 sessions/)
    expect(report.omitted.find((note) => note.rule === 'duplicate-note')?.reason).toMatch(/raised in another session: merged/)
  })

  it('gathers notes on one theme under the central note’s headline, keeping each note’s sub-points', () => {
    const report = build(
      `# Notes\n\n## What works\n\n- Retrofit coordinators, one named person who manages the householder's whole retrofit job\n  - first year found 400 households ready\n- Coordinators for retrofit save householders from chasing installers\n- Thermal imaging walks on winter evenings with volunteers\n`,
    )
    const section = report.sections.find((entry) => entry.title === 'What works in practice')!
    const theme = section.items.find((item) => item.children.length > 1)!
    expect(theme.headline).toBeDefined()
    expect(theme.children.map((child) => child.text)).toContain('Coordinators for retrofit save householders from chasing installers')
    // The sub-point stays with its subject.
    const subject = [theme, ...theme.children].find((item) => item.text.startsWith('Retrofit coordinators') || item.headline?.some((node) => 'value' in node && node.value.startsWith('Retrofit coordinators')))!
    expect(subject.children.map((child) => child.text)).toContain('First year found 400 households ready')
    expect(section.items.some((item) => item.text.startsWith('Thermal imaging'))).toBe(true)
  })

  it('earns a Key insight for a theme raised in several sessions, and says why', () => {
    const report = build(
      `# Notes\n\n## Table A\n\n- Trusted messengers like faith groups reach residents the council letter never reaches #works\n\n## Table B\n\n- Faith groups and other trusted messengers reach residents better than a council letter #works\n\n## Table C\n\n- Thermal imaging walks on winter evenings #works\n`,
    )
    const key = report.sections.find((section) => section.role === 'key')!
    expect(key.items).toHaveLength(1)
    expect(key.items[0]!.placement.reason).toMatch(/raised in 2 notes across 2 sessions/)
  })

  it('loses no note: each is in the report or left out with a reason', () => {
    const vocabulary = ['funding', 'pots', 'retrofit', 'coordinators', 'residents', 'trust', 'installers', 'skills', 'heat', 'pumps', 'grid', 'leaders', 'culture', 'library', 'van']
    const note = fc.array(fc.constantFrom(...vocabulary), {minLength: 4, maxLength: 9}).map((words) => words.join(' '))
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), note), {minLength: 1, maxLength: 12}), (entries) => {
        const text = `# Notes\n\n${entries.map(([room, words], index) => `## Table ${room}${index}\n\n- ${words} number${index}\n`).join('\n')}`
        const report = build(text)
        const found = everything(report).map((item) => item.text.toLowerCase())
        const omitted = report.omitted.map((entry) => entry.text.toLowerCase())
        return entries.every((_entry, index) => found.some((value) => value.includes(`number${index}`)) || omitted.some((value) => value.includes(`number${index}`)))
      }),
      {numRuns: 40},
    )
  })

  it('opens a section with its most central note, and keeps the profile’s sentence when none is central', () => {
    const central = build(
      `# Notes\n\n## What works\n\n- Retrofit coordinators manage the whole retrofit job for each householder from survey to sign-off.\n- Coordinators for retrofit save householders from chasing installers\n- A retrofit coordinator per street keeps householders and installers talking\n- Thermal imaging walks on winter evenings with volunteers\n`,
    )
    const intro = central.sections.find((section) => section.title === 'What works in practice')!.intro!
    // One of the three notes on retrofit coordinators, as a sentence; never the note on its own.
    expect(['Retrofit coordinators manage the whole retrofit job for each householder from survey to sign-off.', 'Coordinators for retrofit save householders from chasing installers.', 'A retrofit coordinator per street keeps householders and installers talking.']).toContain(intro)
    const labelled = build(
      `# Notes\n\n## What works\n\n- Table 2: retrofit coordinators per street keep householders and installers talking\n- Retrofit coordinators keep householders informed\n- Coordinators per street help installers\n`,
    )
    // Which table said it is not part of the opening.
    expect(labelled.sections.find((section) => section.title === 'What works in practice')!.intro).toBe('Retrofit coordinators per street keep householders and installers talking.')
    const scattered = build(`# Notes\n\n## What works\n\n- Thermal imaging walks on winter evenings\n- Publishing the pipeline for installers\n- Street champions talk to neighbours\n`)
    expect(scattered.sections.find((section) => section.title === 'What works in practice')!.intro).toBe('The tools, approaches and methods that participants already use.')
  })
})

describe('introduction typography', () => {
  it.each([
    ['Online', 'to host an Innovation Exchange online.'],
    ['Zoom', 'to host an Innovation Exchange online.'],
    ['Leeds Civic Hall', 'to host an Innovation Exchange at Leeds Civic Hall.'],
  ])('says where an event held at “%s” was', (venue, ending) => {
    const report = build(`---\ntitle: Upstream - before the crisis\nseries: Innovation Exchange\nhost: A\npartner: B\nvenue: ${venue}\n---\n\n## Barriers\n\n- a note\n`)
    expect(report.introduction[0]).toMatch(new RegExp(`${ending.replace('.', '\\.')}$`))
    expect(report.introduction.join(' ')).not.toContain('Upstream - before')
    expect(report.meta.title).toBe('Upstream – before the crisis')
  })
})
