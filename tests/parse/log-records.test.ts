/**
 * A log's records (a call log, a visit log): a header line (`Visit 2 — …`) and field lines under it (`Outcome: …`,
 * `Follow-up call: …`) with no blank line between. What was said reaches the report as a note of its own; the header
 * (who was contacted, and how) and when to get back in touch are left out, each with its reason, never run into it.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {processNotes} from '../../src/engine/pipeline.js'
import {reportToMarkdown} from '../../src/render/markdown.js'

const front = ['---', 'title: Home visits', 'date: 2026-11-01', 'attendees:', '  - { name: Oona Threlkeld, org: Copeland Borough Council, role: Officer }', '---', '', '## Visits', '']
const build = (lines: string[]) => {
  const {report} = processNotes(new VFile({path: 'notes.md', value: [...front, ...lines].join('\n')}))
  return {markdown: reportToMarkdown(report).replaceAll('**', '').replace(/\s+/gu, ' '), json: JSON.stringify(report)}
}

describe.each([
  ['Visit ', 'Outcome', 'Follow-up call'],
  ['Call ', 'Notes', 'Callback'],
  ['Case #', 'Summary', 'Next contact'],
])('a log of %s records', (kind, field, callback) => {
  const lines = [
    `${kind}1 — 01946 000111 — Mr Threlkeld (carer) at the Egremont flats`,
    `${field}: the stairlift has been broken since March and nobody has been out to fix it.`,
    `${callback}: Thurs 10:00`,
    '',
    `${kind}2 — no answer, card left`,
    '',
    `${kind}3 — 01946 000222 — tenant, 90, lives alone`,
    `${field}: she would rather have a weekly phone call than a visit she has to get ready for.`,
    `${callback}: none needed`,
  ]
  it('keeps what was said as notes of their own', () => {
    const {markdown} = build(lines)
    expect(markdown).toContain('The stairlift has been broken since March and nobody has been out to fix it.')
    expect(markdown).toContain('She would rather have a weekly phone call than a visit she has to get ready for.')
  })
  it('leaves out each header and each callback, with its reason', () => {
    const {markdown, json} = build(lines)
    expect(markdown).not.toMatch(/01946|Egremont|no answer|Thurs 10:00|None needed|lives alone/iu)
    const linesOf = (reason: string) => new Set([...json.matchAll(new RegExp(`"line":(\\d+)[^{}]*${reason}`, 'gu'))].map((match) => match[1]))
    expect([...linesOf("a log record's header")].sort()).toEqual(['10', '14', '16'])
    expect([...linesOf('when to get back in touch')].sort()).toEqual(['12', '18'])
  })
})

describe('a line that only looks like a record header', () => {
  it('stays a note in a log when it says something at length', () => {
    const {markdown} = build(['Call 1 — 01946 000111 — carer', 'Outcome: the stairlift has been broken since March.', '', 'Call 2 — 01946 000222 — tenant', 'Outcome: she wants a weekly phone call.', '', 'Case 7 - the landlord refused the adaptation and the tribunal took a whole year to hear it.'])
    expect(markdown).toMatch(/the landlord refused the adaptation and the tribunal took a whole year/iu)
  })
  it('stays a note when nothing in the notes is a log', () => {
    const {markdown} = build(['- Case 2 - the landlord refused the adaptation and the tribunal took a year.'])
    expect(markdown).toMatch(/the landlord refused the adaptation and the tribunal took a year/iu)
  })
})
