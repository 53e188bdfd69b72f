/**
 * Every numbered insight long enough to need one gets a headline drawn from
 * its own words, as the reference heads its insights: the first clause, a
 * short first sentence, or the words up to where a phrase ends (before a
 * preposition or a joining word), three to eight of them, never cut on a verb
 * that wants its object or inside a relative clause. A note that starts with
 * who said it (`One participant said …`) has the attribution moved to its end,
 * so that the point can head it; no word of the point is added, removed or
 * moved. Tested over a table of shapes × positions.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {processNotes} from '../../src/engine/pipeline.js'
import {plainText} from '../../src/group/segment.js'
import type {Report, ReportItem} from '../../src/types.js'

function build(notes: string): Report {
  return processNotes(new VFile({path: 'notes.md', value: notes})).report
}

const bold = (item: ReportItem) => (item.content[0]?.type === 'strong' ? plainText(item.content[0].children) : undefined)

/** [note as written, headline expected (undefined: none), text expected after (undefined: as written)] */
const cases: Array<[string, string | undefined, string?]> = [
  // Up to where a phrase ends.
  ['Frontline staff need permission to spend small sums on the spot without a panel', 'Frontline staff need permission to spend small sums'],
  ['Open data on ward spending so residents can see where the money goes before they choose', 'Open data on ward spending'],
  ['A six-week grace period before results are announced lets officers check the costings', 'A six-week grace period'],
  // A short first sentence.
  ['The vote is the easy bit. The hard bit is the officer who has to deliver a project they did not choose', 'The vote is the easy bit.'],
  // Who said it moved to the end, the point first.
  ['Kezia said the duty to refer works on paper but most partners do not know it exists', 'The duty to refer works on paper', 'The duty to refer works on paper but most partners do not know it exists, one participant said'],
  ['According to Kezia the frameworks are getting better for small firms but still favour the nationals', 'The frameworks are getting better for small firms', 'The frameworks are getting better for small firms but still favour the nationals, according to one participant'],
  // No headline: a short note is one already; a relative clause left open; a verb that wants its object; who.
  ['Officers ride the routes once a quarter', undefined],
  ['Members who sit on the PB panel get far fewer complaints about it from residents', undefined],
  ['Members say they want to hear from young people but the committee cycle is built for adults with diaries', undefined],
]

const notes = `---
title: Derived headlines
attendees:
  - { name: Kezia Black, org: Harrowgate Borough Council }
---

## Culture

${cases.map(([note]) => `- ${note} #culture`).join('\n')}
`

describe('derived headlines', () => {
  const report = build(notes)
  const items = report.sections.find((section) => section.title === 'Culture and leadership')!.items

  it.each(cases)('%s → %s', (note, headline, text) => {
    const words = note.split(/\s+/).slice(-4).join(' ')
    const item = items.find((candidate) => candidate.text.includes(words))!
    expect(item, note).toBeDefined()
    expect(bold(item)).toBe(headline)
    if (headline) {
      // The headline is the note's own opening words, at most eight, in sentence case.
      expect(item.text.startsWith(headline)).toBe(true)
      expect(headline.split(/\s+/).length).toBeLessThanOrEqual(8)
      expect(headline).toMatch(/^\p{Lu}/u)
    }
    if (text) expect(item.text).toBe(text)
  })

  it('names no one in a headline or the moved attribution, and the audit passes', () => {
    for (const item of items) expect(item.text).not.toMatch(/Kezia|Black|Harrowgate/)
    const compiled = compileReport(new VFile({path: 'notes.md', value: notes}), {outputs: ['html', 'md']})
    expect(compiled.leaks).toEqual([])
    expect(compiled.markdown).toContain('**The duty to refer works on paper** but most partners do not know it exists, one participant said.')
  })
})

describe('a headline that starts with a word that is also an organisation in the room', () => {
  it('is read by the audit as the sentence’s first word, in the markdown as in the HTML', () => {
    const value = `---
title: Culture at the front door
attendees:
  - { name: Osian Pryce, org: Reading Borough Council }
---

## Culture

- Reading the room is half the job. The other half is turning up when you said you would #culture
`
    const compiled = compileReport(new VFile({path: 'notes.md', value}), {outputs: ['html', 'md']})
    expect(compiled.markdown).toContain('**Reading the room is half the job.** The other half')
    expect(compiled.leaks).toEqual([])
  })
})
