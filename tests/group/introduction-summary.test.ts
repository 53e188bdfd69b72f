/**
 * The introduction says what the notes say, as the reference's does
 * ("Participants agreed the nature of the relationship needed to shift…"),
 * drawn from the report itself: how many points from how many sessions, the
 * points that stood out and what earned them, the themes that ran through
 * them. Never who said it or where they work; the profile's own sentences
 * are the fallback when there is too little to summarise.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {processNotes} from '../../src/engine/pipeline.js'
import type {Report} from '../../src/types.js'

function build(notes: string): Report {
  return processNotes(new VFile({path: 'notes.md', value: notes})).report
}

/** Allotment notes from three rooms, with tagged key points and a participant and a council in them. */
const allotments = `---
title: Allotments and food growing
participants: 14
attendees:
  - { name: Gwen Talbot, org: Rotherham Council }
  - { name: Idris Okonjo, org: Walsall Council }
---

## Morning room

- Waiting lists – some sites have a ten-year wait and people give up before a plot comes free #challenge
- Gwen Talbot: Split plots in half – two new growers can start where one left #key
- Plot rents have not kept up with water costs, so sites run at a loss #challenge

## Afternoon room

- Self-managed sites – the allotment society takes the lettings and the council keeps the lease #works
- Idris said a community orchard on a closed plot brought in families who never wanted a whole plot #works
- Rotherham Council lets schools adopt a plot for a year #example

## Closing round

- Ask growers before changing the tenancy rules – they know the sites better than officers #key
- Leaders should visit a site in the growing season, not only at the annual meeting #leaders
`

describe('the introduction’s summary', () => {
  const report = build(allotments)
  const summary = report.introduction.find((paragraph) => /points/.test(paragraph))

  it('says how many points the notes raised and in how many sessions', () => {
    expect(summary).toMatch(/^Over three sessions, participants raised eight points\./)
  })

  it('names the points tagged key, and says the facilitator marked them', () => {
    expect(summary).toMatch(/The facilitator marked two points as key: split plots in half and ask growers before changing the tenancy rules\./)
  })

  it('never names a participant or their organisation, and the audit passes on it', () => {
    expect(summary).not.toMatch(/Gwen|Talbot|Idris|Okonjo|Rotherham|Walsall|participant said/i)
    const compiled = compileReport(new VFile({path: 'notes.md', value: allotments}), {outputs: ['html', 'md']})
    expect(compiled.leaks).toEqual([])
    expect(compiled.markdown).toContain(summary)
  })

  it('keeps the profile’s paragraphs around it, and only them when there is too little to summarise', () => {
    expect(report.introduction.at(-1)).toMatch(/^This insights report is based on/)
    const short = build(`# Notes\n\n## What works\n\n- Thermal imaging walks on winter evenings\n- Street champions talk to neighbours\n`)
    expect(short.introduction.some((paragraph) => /points/.test(paragraph))).toBe(false)
    expect(short.introduction.at(-1)).toMatch(/^This insights report is based on/)
  })

  it('names a theme that ran through several notes by its headline', () => {
    const themed = build(`# Notes

## Table 1

- A warm space with free wifi brought in people we never saw #works
- Volunteers run the homework club after school #works

## Table 2

- A warm space with free wifi and board games kept teenagers coming back #works
- The library reading room now hosts benefits advice on Tuesdays #works

## Table 3

- A warm space with free wifi only works if staff are trained to start conversations #works
- Seed library and tool lending run by a friends group #works
`)
    const text = themed.introduction.find((paragraph) => /points/.test(paragraph))
    expect(text).toMatch(/warm space with free wifi/i)
    expect(text).toMatch(/^Over three sessions/)
  })
})

describe('the introduction’s synthesis of the chapters', () => {
  const notes = `---
title: Rural transport
attendees:
  - { name: Morwenna Tregear, org: Kernow Borough Council }
share: [Dorset Council]
---

## Pressures

- Fares are rising faster than wages – people drop the bus first #challenge
- Morwenna: the timetable is built for the school run, not for shift workers #challenge
- Money, obviously. But not only money #challenge
- Kernow Borough Council cut three routes last spring and nobody asked the riders #challenge

## What worked

- Demand-responsive minibuses – booked by app or phone, cheap to run in villages #works
- Common threads from the tables:
  - Volunteer drivers are ageing
  - Nobody knows who runs which route

## Examples

- Dorset Council runs a demand-responsive minibus in three market towns #example
- Community car schemes – paid per mile, run by the parish #example
`
  const report = build(notes)
  const synthesis = report.introduction.find((paragraph) => /^On what needs to change/.test(paragraph))

  it('gives each chapter a sentence that names its points by their headlines, in the chapters’ order', () => {
    expect(synthesis).toBeDefined()
    expect(synthesis).toMatch(/^On what needs to change, participants raised these: fares are rising faster than wages; [^.]*\./)
    expect(synthesis).toMatch(/On what works in practice, they described this: demand-responsive minibuses\./)
    expect(synthesis!.indexOf('what needs to change')).toBeLessThan(synthesis!.indexOf('what works in practice'))
  })

  it('keeps a name’s capitals, and names no caption, no note of two sentences, no one in the room', () => {
    expect(synthesis).toMatch(/Dorset Council/)
    expect(synthesis).not.toMatch(/common threads|money, obviously/i)
    expect(synthesis).not.toMatch(/Morwenna|Tregear|Kernow/)
    const compiled = compileReport(new VFile({path: 'notes.md', value: notes}), {outputs: ['html', 'md']})
    expect(compiled.leaks).toEqual([])
    expect(compiled.markdown).toContain(synthesis)
  })
})
