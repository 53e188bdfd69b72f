import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {parseNotes} from '../../src/parse/index.js'
import {noteHeadline} from '../../src/parse/note-headings.js'
import {processNotes} from '../../src/engine/pipeline.js'
import {reportToMarkdown} from '../../src/render/markdown.js'

describe('a heading that is a note', () => {
  const notes: Array<[string, string]> = [
    ['N4. Independent board members are worth paying for.', 'Independent board members are worth paying for.'],
    ['3) Nobody reads the accounts until it is too late.', 'Nobody reads the accounts until it is too late.'],
    ['Insight 2: the waiting list is the wrong measure!', 'the waiting list is the wrong measure!'],
    ['Example: a shareholder agreement with teeth.', 'Example: a shareholder agreement with teeth.'],
  ]
  it.each(notes)('reads %j as a note with the headline %j', (heading, headline) => {
    expect(noteHeadline(heading)).toBe(headline)
  })
  const sections = ['Table A – retrofit at scale (Kerry-Ann + Hope L.)', 'Slide 2 – Multiple choice: "What stops your council doing more school streets here and now in the borough?"', 'What works', 'N11. Questions for your council', 'Admin', 'What gets in the way of sharing data?', 'Table 2 — Mark, Ines and Theo', 'Day 1.', 'Round 2: barriers', 'Key insights:']
  it.each(sections)('leaves %j a heading', (heading) => {
    expect(noteHeadline(heading)).toBeUndefined()
  })

  const file = (value: string) => new VFile({path: 'notes.md', value})
  const notesFile = ['---', 'title: Council companies', 'date: 2026-11-01', '---', '', '## Notes', '', '#### N1. The council is the shareholder, not the manager.', 'Members blur the two roles all the time.', '', '#### N2. Write the exit plan on day one.', '', '#### Admin', 'Next session in February.', ''].join('\n')

  it('runs the headline into the paragraph under it, and keeps a headline with nothing under it as a note', () => {
    const tree = parseNotes(file(notesFile))
    const types = tree.children.filter((node) => node.type !== 'yaml').map((node) => node.type)
    expect(types).toEqual(['heading', 'paragraph', 'paragraph', 'heading', 'paragraph'])
  })

  it('brings the heading’s words into the report', () => {
    const {report} = processNotes(file(notesFile))
    const markdown = reportToMarkdown(report)
    expect(markdown).toContain('The council is the shareholder, not the manager.')
    expect(markdown).toContain('Write the exit plan on day one.')
    expect(markdown).toContain('Members blur the two roles all the time.')
  })

  // `# Do you know…?` typed as a wiki's numbered list, or out of habit: questions to the reader with nothing under them.
  const checklist = (marks: string) => ['---', 'title: Libraries', 'date: 2026-11-01', '---', '', '# Libraries', '', '## Questions to take back', '', `${marks} Do you know which villages no library reaches?`, `${marks} Does your delivery service have a waiting list?`, `${marks} Could your library open on Sunday afternoons?`, '', '## Links', '', '- https://example.org/libraries', ''].join('\n')
  it.each(['#', '##', '###'])('reads a run of reader questions written as `%s` headings with nothing under them as questions, every one', (marks) => {
    const {report} = processNotes(file(checklist(marks)))
    const markdown = reportToMarkdown(report)
    for (const question of ['Do you know which villages no library reaches?', 'Does your delivery service have a waiting list?', 'Could your library open on Sunday afternoons?']) expect(markdown).toContain(question)
  })
  it('leaves a prompt heading with notes under it a heading', () => {
    const tree = parseNotes(file(['---', 'title: A', 'date: 2026-11-01', '---', '', '## What gets in the way of sharing data with you?', '', '- Nobody owns the data.', '', '## Does your council publish it?', '', '- Only the budget.', ''].join('\n')))
    expect(tree.children.filter((node) => node.type === 'heading').length).toBe(2)
  })
})

describe('notes kept a heading a point, with no stop (an outline)', () => {
  const lines = ['---', 'title: Transport', '---', '', '## Barriers', '', '### buses to the clinic run every two hours', '### volunteer drivers are ageing out of the scheme', '- insurance costs put younger ones off', '', '## What works', '', '### the community minibus is shared with the school', '', '## Questions we still have', '', '- who pays for the evening runs?', '']
  const build = (value: string) => {
    const file = new VFile({path: 'notes.md', value})
    return {tree: parseNotes(file), markdown: reportToMarkdown(processNotes(new VFile({path: 'notes.md', value})).report)}
  }

  it('reads each as a note, its list under it nested in it, and leaves the sections headings', () => {
    const {tree} = build(lines.join('\n'))
    expect(tree.children.filter((node) => node.type !== 'yaml').map((node) => (node.type === 'heading' ? `h${node.depth}` : node.type))).toEqual(['h2', 'paragraph', 'list', 'h2', 'paragraph', 'h2', 'list'])
  })

  it('brings every point into the report, the detail under its point', () => {
    const {markdown} = build(lines.join('\n'))
    expect(markdown).toMatch(/Buses to the clinic run every two hours/u)
    expect(markdown).toMatch(/Volunteer drivers are ageing out of the scheme\.?\n\s+- Insurance costs put younger ones off/u)
    expect(markdown).toMatch(/The community minibus is shared with the school/u)
  })

  it('leaves long section names headings where none of them stands alone with nothing under it', () => {
    const sections = ['---', 'title: T', '---', '', '## Follow-up actions and contacts we discussed', '', '- the grant conditions change every year', '', '## Routes, fleets and the contracts between councils', '', '- depots are too far from the new estates', '']
    const {tree} = build(sections.join('\n'))
    expect(tree.children.filter((node) => node.type === 'heading')).toHaveLength(2)
  })
})
