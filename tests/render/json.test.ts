import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import type {JsonReport} from '../../src/render/json.js'

const notes = `---
title: JSON report
series: Innovation Exchange
date: 2019-03-14
host: NLGN
foreword_by: Helen Marsh
---

## Foreword

We were glad to host.

## Barriers

- Consultation is broken – residents are asked too late #challenge
  - the colour of the bins
- coffee at 11
- "PB is the cheapest trust-building exercise we have ever run" #challenge

## Questions to take back

- Do we know who we never hear from? #question

## Links

- The Deal: https://www.wigan.gov.uk/deal #resource

## Odds and ends

- a note with nowhere to go, really nowhere
- something else entirely, nothing to match here
`

function compile(): JsonReport {
  return JSON.parse(compileReport(new VFile({path: 'notes.md', value: notes})).json) as JsonReport
}

describe('reportToJson (SPEC §5)', () => {
  it('has meta, sections of items with text and source line, footnotes and warnings', () => {
    const json = compile()
    expect(json.meta).toMatchObject({title: 'JSON report', date: '2019-03-14', reportType: 'Insights report', profile: 'insights-report'})
    const change = json.sections.find((section) => section.id === 'what-needs-to-change')!
    expect(change).toMatchObject({title: 'What needs to change', number: 1, style: 'numbered', role: 'insights'})
    expect(change.items[0]).toMatchObject({
      text: 'Consultation is broken – residents are asked too late',
      line: 15,
      kind: 'note',
      headline: 'Consultation is broken',
      detail: 'Residents are asked too late',
      tags: ['challenge'],
      placement: {section: 'what-needs-to-change', rule: 'hashtag', reason: 'tagged #challenge'},
      children: [{text: 'The colour of the bins', line: 16}],
    })
    expect(change.items[1]).toMatchObject({text: 'PB is the cheapest trust-building exercise we have ever run.', kind: 'quote', quote: true, line: 18})
    expect(json.footnotes).toEqual([{n: 1, url: 'https://www.wigan.gov.uk/deal', text: 'The Deal'}])
  })

  it('lists warnings with line, rule and message, the left-out summary among them', () => {
    const json = compile()
    expect(json.warnings).toEqual([
      {line: 17, column: 1, rule: 'left-out', severity: 'warning', message: 'Left out 1 block of the notes (1 logistics): run with --explain to see each, or read `left_out` in the JSON'},
      {line: 30, column: 1, rule: 'unplaced-note', severity: 'warning', message: 'Unplaced note `a note with nowhere to go, really nowhere`: no hashtag, heading, keyword or wording points to a section, and none of its neighbours under “odds and ends” was placed, it goes to “Further insights”'},
      {line: 31, column: 1, rule: 'unplaced-note', severity: 'warning', message: 'Unplaced note `something else entirely, nothing to match here`: no hashtag, heading, keyword or wording points to a section, and none of its neighbours under “odds and ends” was placed, it goes to “Further insights”'},
    ])
    expect(JSON.stringify(json.sections)).not.toContain('coffee')
    expect(json.left_out).toEqual([{line: 17, rule: 'logistics', reason: 'catering or timing, not an insight', text: 'coffee at 11'}])
  })

  it('keeps questions addressed to the reader, with the “Do you” rest, and the checklist lead', () => {
    const questions = compile().sections.find((section) => section.role === 'questions')!
    expect(questions.lead).toBe('Do you:')
    expect(questions.items[0]).toMatchObject({text: 'Do you know who you never hear from?', kind: 'question', prompt: 'know who you never hear from?'})
  })

  it('has the foreword with its author, and says how Key insights were chosen', () => {
    const json = compile()
    expect(json.foreword).toEqual({text: 'We were glad to host.', by: 'Helen Marsh'})
    expect(json.keyInsights).toBe('strongest')
    expect(json.sections[0]).toMatchObject({id: 'key-insights', role: 'key'})
    expect(json.sections[0]!.items[0]!.placement.rule).toBe('key')
  })
})
