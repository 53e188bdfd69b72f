/**
 * Each shipped profile builds each corpus file into a report with the
 * structure of its reference document (shared/reference/):
 * insights-report-2018.txt, innovation-explored-2024.txt, key-actions-leaflet.txt.
 * Compared on the report model and the markdown: section headings, their
 * order, and how their items are drawn.
 */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {readNotes} from '../../src/engine/read.js'
import type {Report} from '../../src/types.js'
import {corpusFiles} from '../helpers.js'

const files = corpusFiles()
const build = (notes: string, profile: string) => compileReport(readNotes(notes), {profile})
const titles = (report: Report) => report.sections.map((section) => section.title)
const headings = (markdown: string) => [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]!)

/** `actual` keeps the order of `order` (sections without notes may be missing). */
function inOrder(actual: string[], order: string[]): boolean {
  const positions = actual.map((title) => order.indexOf(title))
  return positions.every((position, index) => position !== -1 && (index === 0 || position > positions[index - 1]!))
}

describe.each(files)('reference structure: $name', ({notes}) => {
  it('insights-report: cover fields, introduction, foreword, numbered chapters, “Do you:” questions, resources, conclusion', () => {
    const {report, markdown} = build(notes, 'insights-report')
    const order = ['Key insights', 'What needs to change', 'What works in practice', 'Culture and leadership', 'Examples and best practice', 'Questions to take back', 'Resources', 'Further insights']
    expect(inOrder(titles(report), order)).toBe(true)
    expect(titles(report).slice(0, 6)).toEqual(order.slice(0, 6))
    expect(report.introduction[0]).toMatch(/^On \d{1,2} \w+ \d{4}, [^,]+ partnered with .+ to host an Innovation Exchange at .+\.$/)
    expect(report.introduction[1]).toMatch(/^\d+ participants came together to share, learn and reflect/)
    expect(report.chathamHouse).toMatch(/Chatham House rule/)
    expect(Boolean(report.conclusion)).toBe(/^## Conclusion$/m.test(fs.readFileSync(notes, 'utf8')))
    expect(Boolean(report.foreword)).toBe(/^## Foreword$/m.test(fs.readFileSync(notes, 'utf8')))
    const chapters = report.sections.filter((section) => section.number !== undefined)
    expect(chapters.map((section) => section.number)).toEqual([1, 2, 3, 4])
    expect(chapters.every((section) => section.style === 'numbered')).toBe(true)
    expect(headings(markdown)).toContain('1. What needs to change')
    expect(markdown).toContain('The report is in four sections, covering the following:')
    // Insights with a bold headline, as the reference sets them.
    expect(markdown).toMatch(/^\d+\. \*\*[^*]+\*\* – \S/m)
    const questions = report.sections.find((section) => section.role === 'questions')!
    expect(questions.style).toBe('checklist')
    expect(questions.items.every((item) => item.kind === 'question' && !/\b(?:we|our)\b/i.test(item.text))).toBe(true)
    expect(markdown).toMatch(/^[-*] \[ \] (?:Do|Does|Are|Is|Have|When|know) /m)
    const resources = report.sections.find((section) => section.role === 'resources')!
    expect(resources.items.length).toBeGreaterThanOrEqual(report.footnotes.filter((note) => note.url).length)
    expect(markdown).toMatch(/^\[\^\d+\]: See <https?:\/\//m)
  })

  it('innovation-explored: audience-grouped numbered insights, a roundup of resources, the series boilerplate', () => {
    const {report, markdown} = build(notes, 'innovation-explored')
    expect(titles(report).slice(0, 2)).toEqual(['Insights for senior leaders', 'Insights for collaborative working across the council and with communities'])
    const groups = report.sections.filter((section) => section.audience)
    for (const group of groups) {
      expect(group.style).toBe('numbered')
      expect(group.number).toBeUndefined()
      expect(group.items.length).toBeGreaterThan(0)
      expect(group.items.length).toBeLessThanOrEqual(6)
    }
    expect(report.introduction[0]).toMatch(/^We brought together \d+ people from councils across .+ peer-learning network, alongside our partner .+, for an Innovation Exchange on .+ looking at “.+”\. In this Innovation Explored we reflect on the key learning and insights shared by participants in the session\.$/)
    expect(report.introduction[1]).toMatch(/These insights are grouped for senior leaders, for collaborative working .+ and for practical learning from councils\.$/)
    expect(markdown).not.toContain('covering the following')
    expect(report.boilerplate).toMatchObject([{id: 'the-series', title: 'The Innovation Exchange series', at: 'end'}])
    expect(headings(markdown).at(-1)).toBe('The Innovation Exchange series')
    expect(report.sections.find((section) => section.role === 'resources')?.items.length).toBeGreaterThan(0)
  })

  it('key-actions: four action areas, each with actions, pull quotes where there are any, and a checklist', () => {
    const {report, markdown} = build(notes, 'key-actions')
    const areas = report.sections.filter((section) => section.style === 'actions')
    expect(areas.map((section) => section.title)).toEqual(['Create the climate for change', 'Lead for change', 'Agree clear long-term ambitions', 'Ensure priorities are delivered'])
    expect(titles(report).slice(0, 4)).toEqual(areas.map((section) => section.title))
    expect(areas.every((section) => section.lead === 'Do you:' && section.number === undefined)).toBe(true)
    expect(areas.flatMap((section) => section.items).some((item) => item.kind === 'question')).toBe(true)
    expect(report.boilerplate[0]).toMatchObject({id: 'about-the-actions', at: 'after-introduction'})
    expect(report.boilerplate[0]!.paragraphs[0]).toMatch(/^These key actions were identified from the discussion at an Innovation Exchange on /)
    expect(report.introduction[1]).toBe('This leaflet sets out the key actions that came out of the discussion in four areas: Create the climate for change, Lead for change, Agree clear long-term ambitions and Ensure priorities are delivered. Each area ends with a checklist you can use to review whether there are further actions your council might take.')
    expect(headings(markdown).filter((heading) => heading !== 'Foreword').slice(0, 4)).toEqual(areas.map((section) => section.title))
    expect(report.sections.find((section) => section.role === 'resources')?.title).toBe('Further information')
    expect(markdown).toMatch(/^- \[ \] /m)
  })
})
