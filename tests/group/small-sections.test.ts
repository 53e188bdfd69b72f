/**
 * A small section reads as numbered insights too, as the reference's do: a
 * note with no headline of its own has its first clause run in, in bold,
 * where it stands (`**Measure what you prevent**, not only what you
 * process.`), no word added or moved; an example is headed by its name where
 * it is shared. And every list is punctuated alike: numbered insights end
 * with a full stop, a list of fragments has none.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {processNotes} from '../../src/engine/pipeline.js'
import {plainText} from '../../src/group/segment.js'
import {endFragment, endSentence} from '../../src/group/tidy.js'
import {listedItems} from '../../src/render/items.js'
import type {Report, ReportItem} from '../../src/types.js'

function build(notes: string): Report {
  return processNotes(new VFile({path: 'notes.md', value: notes})).report
}

/** Five notes on bus services, a section too small for themes, written the way a facilitator types. */
const buses = `---
title: Rural buses
attendees:
  - { name: Morwenna Tregear, org: Cornwall Council }
share: [Dorset Council]
---

## Culture

- Ask drivers first, because they know which stops nobody uses #culture
- Morwenna: timetables should be written with the people who ride, not for them #culture
- Officers ride the routes once a quarter #culture
- Members want a route in every village, which the budget cannot carry #culture
- Share the data openly; operators respond when passengers can see the figures #culture
- Reliability matters more than fares, every time #culture

## Examples

- Dorset Council runs a demand-responsive minibus in three market towns #example
- One council in the south west pays a volunteer car scheme per mile #example
`

const section = (report: Report, title: string) => report.sections.find((entry) => entry.title === title)!
const bold = (item: ReportItem) => (item.content[0]?.type === 'strong' ? plainText(item.content[0].children) : undefined)

describe('run-in headlines in a small section', () => {
  const report = build(buses)
  const culture = section(report, 'Culture and leadership')

  it('sets a note’s first clause in bold where it stands, at most eight words, in sentence case, the note unchanged', () => {
    const asked = culture.items.find((item) => /^Ask drivers/.test(item.text))!
    expect(bold(asked)).toBe('Ask drivers first')
    // The note as written: the model keeps it so (the JSON's text); the renderers give it its stop.
    expect(asked.text).toBe('Ask drivers first, because they know which stops nobody uses')
    const shared = culture.items.find((item) => /^Share the data/.test(item.text))!
    expect(bold(shared)).toBe('Share the data openly')
    for (const item of culture.items) {
      const headline = bold(item)
      if (!headline) continue
      expect(headline.split(/\s+/).length).toBeLessThanOrEqual(8)
      expect(headline).toMatch(/^\p{Lu}/u)
      // The headline is the note's own opening words, not words added to it.
      expect(item.text.startsWith(headline)).toBe(true)
    }
  })

  it('gives no headline that is about who, or that would leave too little after it', () => {
    for (const item of culture.items) expect(bold(item) ?? '').not.toMatch(/participant|Morwenna|Cornwall/)
    expect(bold(culture.items.find((item) => /^Officers ride/.test(item.text))!)).toBeUndefined()
    expect(bold(culture.items.find((item) => /^Reliability/.test(item.text))!)).toBeUndefined()
  })

  it('heads an example with its shared name, not with a sentence’s first word', () => {
    const examples = section(report, 'Examples and best practice')
    expect(bold(examples.items.find((item) => /Dorset/.test(item.text))!)).toBe('Dorset Council')
    expect(bold(examples.items.find((item) => /volunteer car/.test(item.text))!)).toBeUndefined()
  })

  it('prints the run-in headline in bold in the markdown and passes the audit', () => {
    const compiled = compileReport(new VFile({path: 'notes.md', value: buses}), {outputs: ['html', 'md']})
    expect(compiled.leaks).toEqual([])
    expect(compiled.markdown).toContain('**Ask drivers first**, because they know which stops nobody uses.')
    expect(compiled.html).toContain('<strong>Ask drivers first</strong>, because')
  })
})

describe('lists punctuated alike, as every format prints them', () => {
  it('ends every numbered insight with its full stop, or its own ? or !', () => {
    const report = build(buses)
    for (const entry of report.sections.filter((candidate) => candidate.style === 'numbered')) {
      for (const item of listedItems(entry).filter((candidate) => candidate.kind === 'note')) expect(item.text).toMatch(/[.!?…:]["”’)]?$/)
    }
  })

  it('drops a fragment’s stop in a list of fragments, and adds one in a list of sentences', () => {
    const report = build(`# Notes

## What works

- Co-located advice hubs in three towns, run with the credit union #works
  - paid, trained, supervised.
  - open late
  - one number
- Advice in GP surgeries works because people already trust the surgery #works
  - The surgery books the appointment for them, so no one has to ring a call centre
  - Waiting times fell by half in the first year, and repeat visits fell too.
`)
    const works = section(report, 'What works in practice')
    const [hubs, surgeries] = listedItems(works)
    expect(hubs!.children.map((child) => child.text)).toEqual(['Paid, trained, supervised', 'Open late', 'One number'])
    expect(surgeries!.children.map((child) => child.text)).toEqual([
      'The surgery books the appointment for them, so no one has to ring a call centre.',
      'Waiting times fell by half in the first year, and repeat visits fell too.',
    ])
  })

  it('puts the stop before a footnote mark, after a closing quote or bracket, and leaves a colon, an image or a question alone', () => {
    const text = (value: string) => ({type: 'text' as const, value})
    const mark = {type: 'footnoteReference' as const, identifier: '1', label: '1'}
    expect(endSentence([text('See the guide'), mark])).toEqual([text('See the guide.'), mark])
    expect(plainText(endSentence([text('They call it “the front door”')]))).toBe('They call it “the front door”.')
    expect(plainText(endSentence([text('Funding ends in March (for now)')]))).toBe('Funding ends in March (for now).')
    expect(plainText(endSentence([text('Three things worked:')]))).toBe('Three things worked:')
    expect(plainText(endSentence([text('Is the target right?')]))).toBe('Is the target right?')
    expect(plainText(endSentence([text('Budgets are tight;')]))).toBe('Budgets are tight.')
    const image = {type: 'image' as const, url: 'a.png', alt: 'the board'}
    expect(endSentence([image])).toEqual([image])
    expect(plainText(endFragment([text('Open late, etc.')]))).toBe('Open late, etc.')
    expect(plainText(endFragment([text('Two rounds. Then a vote.')]))).toBe('Two rounds. Then a vote.')
  })
})
