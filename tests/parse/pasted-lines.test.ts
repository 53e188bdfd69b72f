/**
 * Lines pasted as one paragraph that are really one point each: a transcript's speaker lines
 * (`Name (00:01:12): …`, `[10:41] Name: …`) become a note per message without who said it, and
 * minutes' numbered points (`2.1 …`) or lettered sub-points (`a) …`) become sub-points of the
 * line they follow. Nothing is lost: every line reaches the report.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/compile.js'

const front = '---\ntitle: T\nattendees:\n  - { name: Obiageli Nwankwo, org: Dudley Council }\n  - { name: Tomasz Wrona, org: Sandwell Council }\n---\n\n'
const build = (body: string) => compileReport(new VFile({path: 'notes.md', value: `${front}${body}`}), {outputs: ['md']})

describe('a transcript pasted as a paragraph', () => {
  const shapes: Array<[string, (name: string, text: string, index: number) => string]> = [
    ['Name (00:01:12): text', (name, text, index) => `${name} (00:0${index}:12): ${text}`],
    ['[10:41] Name: text', (name, text, index) => `[10:4${index}] ${name}: ${text}`],
    ['10:41 Name: text', (name, text, index) => `10:4${index} ${name}: ${text}`],
    ['[07/12/2026, 10:41:12] Name: text', (name, text, index) => `[07/12/2026, 10:4${index}:12] ${name}: ${text}`],
  ]
  const said = ['We pooled the hardship fund with housing.', 'Year-long funding makes it impossible to keep staff.', 'The single referral form made it work.']
  for (const [shape, write] of shapes) {
    it(`is a note per message, without the speaker or the time: ${shape}`, () => {
      const lines = said.map((text, index) => write(index % 2 ? 'Tomasz Wrona' : 'Obiageli Nwankwo', text, index))
      const compiled = build(`## Discussion\n\n${lines.join('\n')}\n`)
      const notes = compiled.markdown.split('\n').filter((line) => /^\s*(?:\d+\.|-) /.test(line))
      // Each message a note of its own (Key insights may repeat one), never two run together.
      for (const text of said) expect(notes.some((line) => line.includes(text)), compiled.markdown).toBe(true)
      expect(notes.filter((line) => said.filter((text) => line.includes(text)).length > 1), compiled.markdown).toEqual([])
      expect(compiled.markdown).not.toMatch(/Obiageli|Nwankwo|Tomasz|Wrona|\d:\d\d/)
    })
  }

  it('leaves a paragraph with one such line as it is', () => {
    const compiled = build('## Discussion\n\nWe met at 10:41 and agreed the plan.\nThe plan: pool the budgets.\n')
    expect(compiled.markdown).toContain('We met at 10:41 and agreed the plan.')
  })
})

describe('minutes typed on under an item', () => {
  it('makes each numbered point a sub-point of the item', () => {
    const compiled = build('## Minutes\n\n1. Street cleansing\n2.1 weekly sweeps, a third fewer complaints\n2.2 rural lanes twice a year\n')
    const lines = compiled.markdown.split('\n')
    const item = lines.findIndex((line) => line.includes('Street cleansing'))
    expect(item).toBeGreaterThan(-1)
    expect(lines[item + 1]).toMatch(/^\s+- Weekly sweeps, a third fewer complaints$/)
    expect(lines[item + 2]).toMatch(/^\s+- Rural lanes twice a year$/)
  })

  it('makes numbered points in whole sentences notes of their own, none run into the title', () => {
    const compiled = build('## Minutes\n\n1. Street cleansing\n2.1 Members noted that weekly sweeps cut complaints by a third.\n2.2 Staff shortages mean rural lanes are swept twice a year.\n')
    const notes = compiled.markdown.split('\n').filter((line) => /^\s*(?:\d+\.|-) /.test(line))
    expect(notes.some((line) => /weekly sweeps cut complaints by a third\.$/.test(line))).toBe(true)
    expect(notes.some((line) => /Staff shortages mean rural lanes are swept twice a year\.$/.test(line))).toBe(true)
    expect(notes.filter((line) => line.includes('Street cleansing') && line.includes('sweeps'))).toEqual([])
  })

  it('makes lettered options sub-points, and keeps a line that only mentions a number', () => {
    const compiled = build('## Options\n\n- Options considered for the depot\na) do nothing and accept the complaints\nb) buy a second sweeper with the capital grant\n- Version 2.1 of the policy came out in May\n')
    expect(compiled.markdown).toMatch(/\n\s+- Do nothing and accept the complaints\n/)
    expect(compiled.markdown).toMatch(/\n\s+- Buy a second sweeper with the capital grant\n/)
    expect(compiled.markdown).toContain('Version 2.1 of the policy came out in May')
  })
})
