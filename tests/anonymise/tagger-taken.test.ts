/**
 * The tagger is told what the caller already took (roster names, public names, ordinary uses, the rules' own finds): a span
 * that overlaps it is dropped by the caller, and only candidate tokens are ever labelled person, so a sentence whose every
 * candidate is taken is not scored at all. What the caller keeps is the same either way.
 */
import {describe, expect, it} from 'vitest'
import {tagPeople} from '../../src/anonymise/tagger/index.js'
import {detectPeople} from '../../src/anonymise/unrostered.js'

const sentence = 'we walked the estate with Tunde Bakare and Ngozi Eze from the housing team'
const spanOf = (text: string) => ({start: sentence.indexOf(text), end: sentence.indexOf(text) + text.length})
const overlapsAny = (ranges: Array<{start: number; end: number}>) => (start: number, end: number) => ranges.some((range) => start < range.end && end > range.start)

describe('tagPeople with what is taken', () => {
  it('finds the two people when nothing is taken', () => {
    expect(tagPeople(sentence).map((span) => sentence.slice(span.start, span.end))).toEqual(['Tunde Bakare', 'Ngozi Eze'])
  })

  it('returns nothing when every candidate word is taken', () => {
    expect(tagPeople(sentence, undefined, overlapsAny([spanOf('Tunde Bakare'), spanOf('Ngozi Eze')]))).toEqual([])
  })

  it('tags as before when one candidate is free: the taken one is left to the caller to drop', () => {
    expect(tagPeople(sentence, undefined, overlapsAny([spanOf('Tunde Bakare')]))).toEqual(tagPeople(sentence))
  })

  it('leaves the people the caller keeps unchanged: the free name is found, the skipped one is not', () => {
    const kept = detectPeople(sentence, {skip: [spanOf('Tunde Bakare')]}).map((candidate) => candidate.text)
    expect(kept).toContain('Ngozi Eze')
    expect(kept).not.toContain('Tunde Bakare')
    expect(detectPeople(sentence, {skip: [spanOf('Tunde Bakare'), spanOf('Ngozi Eze')]})).toEqual([])
  })
})
