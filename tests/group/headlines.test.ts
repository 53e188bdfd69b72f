/**
 * How a section reads once its notes are placed, as the reference reports
 * read: a theme under a short bold headline derived from its own notes (the
 * phrase they share, at most eight words, never who said it or where they
 * work), and a section that opens with its most central point, printed
 * once, with no two sections opening the same way.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {processNotes} from '../../src/engine/pipeline.js'
import {themeCount} from '../../src/group/themes.js'
import type {Report, ReportItem, ReportSection} from '../../src/types.js'
import {corpusFiles} from '../helpers.js'
import {readNotes} from '../../src/engine/read.js'

function build(notes: string): Report {
  return processNotes(new VFile({path: 'notes.md', value: notes})).report
}

const plain = (nodes: ReportItem['content'] | undefined) => (nodes ?? []).map((node) => ('value' in node ? node.value : '')).join('')
const themes = (section: ReportSection) => section.items.filter((item) => (themeCount(item)?.notes ?? 1) > 1)
const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])

/** Library notes from three tables, in a style of their own: the shared phrase is in the middle of each. */
const libraries = `---
title: Libraries as community hubs
attendees:
  - { name: Rosa Lindqvist, org: Torbay Council }
  - { name: Dev Pillai, org: Kirklees Council }
share: [Kirklees Council]
---

## Table 1

- Rosa: we opened late on Thursdays, and a warm space with free wifi brought in people we never saw #works
- Volunteers run the homework club after school #works

## Table 2

- In one council area they tried a warm space with free wifi and board games, teenagers came for the wifi and stayed #works
- Kirklees Council moved its benefits advice into the library reading room #works

## Table 3

- A warm space with free wifi only works if staff are trained to start conversations, said Dev #works
- Seed library and tool lending run by a friends group #works
`

describe('theme headlines', () => {
  const report = build(libraries)
  const section = report.sections.find((entry) => entry.title === 'What works in practice')!
  const [theme] = themes(section)

  it('gathers notes from different tables on one theme under the phrase they share, in sentence case, at most eight words', () => {
    expect(theme).toBeDefined()
    const headline = plain(theme!.headline)
    expect(headline.split(/\s+/).length).toBeLessThanOrEqual(8)
    expect(headline).toMatch(/^\p{Lu}/u)
    expect(headline.toLowerCase()).toContain('warm space with free wifi')
    // Every gathered note is in the theme: the central one as its detail, the others under it.
    const members = [plain(theme!.detail), ...theme!.children.map((child) => child.text)].join(' ')
    expect(members).toMatch(/opened late on Thursdays/)
    expect(members).toMatch(/teenagers came for the wifi/)
    expect(members).toMatch(/staff are trained to start conversations/)
  })

  it('never makes a headline of who said it, where they work, or a note printed whole under it', () => {
    for (const item of themes(section)) {
      const headline = plain(item.headline)
      expect(headline).not.toMatch(/participant|one council|Kirklees|Torbay|Rosa|Dev\b/i)
      for (const child of item.children) expect(headline.toLowerCase()).not.toBe(child.text.toLowerCase())
    }
    // The audit reads the headline as it reads every word of the report: no leak, so the report is written.
    const compiled = compileReport(new VFile({path: 'notes.md', value: libraries}), {outputs: ['html', 'md']})
    expect(compiled.leaks).toEqual([])
    expect(compiled.markdown).toContain(`**${plain(theme!.headline)}**`)
  })

  it('gives a theme no headline when its notes share no phrase of two words', () => {
    const loose = build(`# Notes\n\n## What works\n\n- Paid youth advisers sit on the commissioning board for every youth service tender\n- The commissioning board publishes minutes that advisers rewrite for young people\n- Thermal imaging walks on winter evenings\n`)
    for (const item of themes(loose.sections.find((entry) => entry.title === 'What works in practice')!)) {
      const headline = plain(item.headline)
      if (headline === '') continue
      // A headline there is, is words the theme's notes share.
      const shared = [...words(headline)].filter((word) => [item, ...item.children].filter((member) => words(member.text).has(word)).length >= 2)
      expect(shared.length).toBeGreaterThanOrEqual(2)
    }
  })
})

const openings = `# Notes

## Pressures

- Youth clubs closed first when budgets were cut, and the relationships went with them #challenge
- Budgets for youth work were cut by half in five years #challenge
- Young people say the youth clubs that closed were the only place they felt heard #challenge
- Transport to the one remaining centre costs more than a young person can pay #challenge

## What worked

- Paying young advisers at the living wage kept the panel going for three years #works
- Young advisers paid at the living wage, on the day, with no forms #works
- A panel of paid young advisers reviews every tender for youth services #works
- Text message reminders the day before each panel meeting #works
`

describe('section openings', () => {
  it('opens a section with its most central note, printed once as the opening and not again in the list', () => {
    const compiled = compileReport(new VFile({path: 'notes.md', value: openings}), {outputs: ['md']})
    const opened = compiled.report.sections.filter((section) => section.opening)
    expect(opened.length).toBeGreaterThan(0)
    for (const section of opened) {
      const item = section.items.find((entry) => entry.line === section.opening!.line)!
      // The opening is the note as written (its first letter and final stop aside).
      expect(section.intro!.replace(/[.!?]$/, '').toLowerCase()).toBe(item.text.replace(/[.!?]$/, '').toLowerCase())
      expect(compiled.markdown.split(section.intro!.replace(/[.!?]$/, '')).length - 1).toBe(1)
    }
  })

  it('keeps the profile’s sentence where no note is central', () => {
    const report = build(`# Notes\n\n## What works\n\n- Thermal imaging walks on winter evenings\n- Publishing the pipeline for installers\n- Street champions talk to neighbours\n`)
    expect(report.sections.find((section) => section.title === 'What works in practice')!.intro).toBe('The tools, approaches and methods that participants already use.')
  })

  it('never opens two sections the same way, in notes written for it, the corpus or the examples', () => {
    const reports = [build(openings), ...[...corpusFiles().map((entry) => entry.notes), 'examples/youth-voice-2023.md', 'examples/homelessness-prevention-2021.md'].map((file) => processNotes(readNotes(file)).report)]
    for (const report of reports) {
      const starts = report.sections.filter((section) => section.intro).map((section) => section.intro!.toLowerCase().split(/\s+/).slice(0, 2).join(' '))
      expect(new Set(starts).size).toBe(starts.length)
    }
  })
})
