/**
 * Answers pasted as data: a forms tool's or an API's export in JSON or YAML, fenced or indented. Each answer a
 * participant wrote is a note at its own line; who wrote it (`name`, `by`, `email`, `org`) and the form's own fields
 * never reach the report; a code block that is not such data stays a code block, left out with its reason.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {processNotes} from '../../src/engine/pipeline.js'
import {reportToMarkdown} from '../../src/render/markdown.js'

const front = ['---', 'title: Allotments', 'date: 2026-11-01', 'attendees:', '  - { name: Oona Threlkeld, org: Copeland Borough Council, role: Officer }', '  - { name: Will Ashdown, org: Barnet Council, role: Lead }', '---', '']
const build = (lines: string[]) => {
  const file = new VFile({path: 'notes.md', value: [...front, ...lines].join('\n')})
  const {report} = processNotes(file)
  return {markdown: reportToMarkdown(report).replaceAll('**', '').replace(/\s+/gu, ' '), report}
}

const json = [
  'Raw output of the form:',
  '',
  '```json',
  '{',
  '  "form": "Allotments round – 3 March",',
  '  "responses": [',
  '    { "name": "Oona Threlkeld", "org": "Copeland", "email": "oona@copeland.gov.uk",',
  '      "answer": "Waiting lists are ten years long in the towns and empty plots sit in the villages." },',
  '    { "name": "Will A", "answer": "Half-plots for beginners cut the number given up in the first year.",',
  '      "comments": [ { "by": "Oona", "text": "Water on every site matters more than sheds." } ] }',
  '  ]',
  '}',
  '```',
]
const yaml = [
  'The same as YAML:',
  '',
  '    - name: Will Ashdown',
  '      org: Barnet',
  '      answer: Will the council fund a site manager, or leave it to the association?',
  '    - name: Oona T',
  '      answer: Community orchards on spare council land need a named tree warden.',
]

describe('answers pasted as JSON or YAML', () => {
  it.each([
    ['fenced JSON', json, ['Waiting lists are ten years long in the towns and empty plots sit in the villages.', 'Half-plots for beginners cut the number given up in the first year.', 'Water on every site matters more than sheds.']],
    ['indented YAML', yaml, ['Will the council fund a site manager, or leave it to the association?', 'Community orchards on spare council land need a named tree warden.']],
  ])('%s: every answer is a note in the report, with no name, email or field name', (_, lines, answers) => {
    const {markdown} = build(lines)
    for (const answer of answers) expect(markdown).toContain(answer)
    expect(markdown).not.toMatch(/Oona|Threlkeld|Ashdown|Will A\b|copeland\.gov|"answer"|answer:|"by"|Copeland/u)
  })

  it('places each answer at its own line of the notes', () => {
    const {report} = build(json)
    const model = JSON.stringify(report)
    // The answer's line is where it is written in the block: the front matter is 8 lines, the answer the body's 8th.
    expect(model).toMatch(/"text":"Waiting lists[^"]*","line":16,/u)
    expect(model).toMatch(/"text":"Water on every site[^"]*","line":18,/u)
  })

  it('leaves code that is not answers as a code block, left out with its reason', () => {
    const {markdown, report} = build(['```json', '{ "retries": 3, "timeout": 30, "mode": "fast" }', '```', '', '- Allotment rents have not risen in a decade.'])
    expect(markdown).not.toContain('retries')
    expect(JSON.stringify(report.leftOut ?? report)).toMatch(/code block/u)
  })
})
