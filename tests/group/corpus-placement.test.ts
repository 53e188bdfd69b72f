/**
 * The shared corpus's answer keys: each `sections` entry names a note (by a
 * phrase it contains) and the insights-report section it belongs in. At
 * least 90% must be placed as keyed, over all the corpus files together.
 *
 * A note matches when an item of that section contains the phrase
 * (case-insensitive). Questions to take back are addressed to the reader on
 * purpose ("Do we know…" → "Do you know…", key-actions-leaflet.txt), so the
 * phrase also matches in that form: `swapPronouns` is the one rewrite the
 * profile makes to a note's words. Both figures are printed.
 */
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {readNotes} from '../../src/engine/read.js'
import {swapPronouns} from '../../src/group/questions.js'
import type {Report} from '../../src/types.js'
import {corpusFiles} from '../helpers.js'

interface Outcome {
  file: string
  contains: string
  section: string
  literal: boolean
  placed: boolean
  /** Where the note went instead. */
  found: string[]
}

function check(report: Report, file: string, entry: {contains: string; section: string}): Outcome {
  const phrase = entry.contains.toLowerCase()
  const forms = [phrase, swapPronouns(phrase)]
  const inSection = (title: string, candidates: string[]) =>
    report.sections.some((section) => section.title === title && section.items.some((item) => candidates.some((form) => item.text.toLowerCase().includes(form))))
  const found = report.sections.filter((section) => section.items.some((item) => forms.some((form) => item.text.toLowerCase().includes(form)))).map((section) => section.title)
  return {file, ...entry, literal: inSection(entry.section, [phrase]), placed: inSection(entry.section, forms), found}
}

describe('corpus placement (insights-report)', () => {
  it('places at least 90% of the keyed notes in their keyed section', () => {
    const outcomes: Outcome[] = []
    for (const {name, notes, key} of corpusFiles()) {
      const {report} = compileReport(readNotes(notes))
      for (const entry of key.sections) outcomes.push(check(report, name, entry))
    }
    const placed = outcomes.filter((outcome) => outcome.placed).length
    const literal = outcomes.filter((outcome) => outcome.literal).length
    const percent = (count: number) => `${((100 * count) / outcomes.length).toFixed(1)}%`
    const misses = outcomes.filter((outcome) => !outcome.placed).map((outcome) => `  ${outcome.file}: “${outcome.contains}” → keyed ${outcome.section}, found in ${outcome.found.join(', ') || 'no section'}`)
    console.log(
      [
        `corpus placement: ${placed}/${outcomes.length} = ${percent(placed)} placed as keyed (${literal}/${outcomes.length} = ${percent(literal)} with the keyed wording, before questions are addressed to the reader)`,
        ...(misses.length > 0 ? ['misses:', ...misses] : ['misses: none']),
      ].join('\n'),
    )
    expect(outcomes.length).toBeGreaterThan(50)
    expect(placed / outcomes.length).toBeGreaterThanOrEqual(0.9)
  })
})
