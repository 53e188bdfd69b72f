import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {processNotes} from '../../src/build/pipeline.js'
import {normaliseHeading, headingMatches} from '../../src/group/segment.js'
import {splitHeadline} from '../../src/group/index.js'

function report(notes: string) {
  const file = new VFile({path: 'notes.md', value: notes})
  const {report} = processNotes(file)
  return {report, file}
}

const sectionOf = (result: ReturnType<typeof report>, text: string) =>
  result.report.sections.find((section) => section.items.some((item) => item.text.includes(text)))?.id

describe('group', () => {
  it('normalises session headings before matching them', () => {
    expect(normaliseHeading('Session 1 - Why does the relationship need to change? (10.05)')).toBe('why does the relationship need to change')
    expect(headingMatches('what\'s working tools + methods', ['what\'s working'])).toBe("what's working")
    expect(headingMatches('networking lunch', ['working'])).toBeUndefined()
  })

  it('places a note by hashtag first, then by the nearest heading that matches', () => {
    const result = report('---\ntitle: T\n---\n\n## Examples round\n\n- Newcastle keeps the rules simple #challenge\n- Oldham shares the spirit of the Deal\n')
    expect(sectionOf(result, 'keeps the rules simple')).toBe('what-needs-to-change')
    expect(sectionOf(result, 'Oldham shares')).toBe('examples')
    const item = result.report.sections.find((section) => section.id === 'examples')!.items[0]!
    expect(item.placement).toEqual({section: 'examples', rule: 'heading', reason: 'under the heading “examples round” (matches “examples”)'})
  })

  it('sends what it cannot place to Further insights with a warning', () => {
    const result = report('---\ntitle: T\n---\n\n## Table 1: odds and ends\n\n- a note with nowhere to go\n')
    expect(sectionOf(result, 'nowhere to go')).toBe('further-insights')
    const warning = result.file.messages.find((message) => message.ruleId === 'unplaced-note')
    expect(warning?.fatal).toBe(false)
    expect(warning?.line).toBe(7)
  })

  it('keeps sub-bullets with their parent note', () => {
    const result = report('---\ntitle: T\n---\n\n## Barriers\n\n- Consultation is broken\n  - the panel changed a decision\n  - colour of the bins\n')
    const section = result.report.sections.find((entry) => entry.id === 'what-needs-to-change')!
    expect(section.items).toHaveLength(1)
    expect(section.items[0]!.children.map((child) => child.text)).toEqual(['the panel changed a decision', 'colour of the bins'])
  })

  it('takes the foreword and conclusion as parts, and drops contact sections', () => {
    const result = report('---\ntitle: T\nforeword_by: Helen Marsh\n---\n\n## Foreword\n\nWe were glad to host.\n\n## Contacts (do not publish)\n\n- jane@example.org\n\n## Conclusion\n\nThe end.\n')
    expect(result.report.foreword).toMatchObject({by: 'Helen Marsh', line: 6})
    expect(result.report.conclusion?.children).toHaveLength(1)
    expect(JSON.stringify(result.report.sections)).not.toContain('jane@example.org')
  })

  it('turns links into numbered footnotes, one number per URL', () => {
    const result = report('---\ntitle: T\n---\n\n## Links\n\n- The Deal: https://www.wigan.gov.uk/deal\n- [PB Network](https://pbnetwork.org.uk) – resources\n- again https://www.wigan.gov.uk/deal\n')
    expect(result.report.footnotes).toEqual([
      {n: 1, url: 'https://www.wigan.gov.uk/deal', text: 'The Deal'},
      {n: 2, url: 'https://pbnetwork.org.uk', text: 'PB Network'},
    ])
    const items = result.report.sections.find((section) => section.id === 'resources')!.items
    expect(items.map((item) => item.text)).toEqual(['The Deal', 'PB Network – resources', 'again'])
  })

  it('splits `Headline – detail` notes into a bold headline and its detail', () => {
    const {headline, detail} = splitHeadline([{type: 'text', value: 'Consultation is broken – residents are asked too late'}])
    expect(headline).toEqual([{type: 'text', value: 'Consultation is broken'}])
    expect(detail).toEqual([{type: 'text', value: 'Residents are asked too late'}])
    expect(splitHeadline([{type: 'text', value: 'a - b'}])).toEqual({})
  })

  it('writes the introduction from the front matter', () => {
    const result = report('---\ntitle: Transforming the relationship\nseries: Innovation Exchange\ndate: 2018-07-18\nhost: NLGN\npartner: FutureGov\nvenue: their offices in London\nparticipants: 25\n---\n\n## Barriers\n\n- a note\n')
    expect(result.report.introduction[0]).toBe('On 18 July 2018, NLGN partnered with FutureGov to host an Innovation Exchange at their offices in London.')
    expect(result.report.introduction[1]).toMatch(/^25 participants came together/)
  })
})
