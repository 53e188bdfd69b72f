/**
 * Generated notes in many facilitator styles, a fixed-seed sample: no internal
 * error, the ledger balances, at least 97% of the content lines reach the
 * HTML, and none is lost silently (what is not in the report is in `left_out`).
 * `bench/ledger.mjs` runs thousands of them.
 */
import {describe, expect, it} from 'vitest'
import {measureNotes, sum} from './measure.js'
import {generateNotes} from './notes.js'

const seeds = Array.from({length: 40}, (_, index) => 1000 + index)

describe('generated notes (fixed seeds)', () => {
  const results = seeds.map((seed) => ({seed, notes: generateNotes(seed)}))

  it('writes each file with its own key, in more than one style', () => {
    expect(new Set(results.map((entry) => entry.notes.style)).size).toBeGreaterThanOrEqual(3)
    for (const {notes} of results) expect(notes.key.length).toBeGreaterThan(0)
  })

  it('has no internal error, no imbalance, no silent loss, and ≥ 97% of lines in the HTML', () => {
    const measured = results.map(({seed, notes}) => ({seed, ...measureNotes(notes, `generated-${seed}.md`)}))
    const total = sum(measured)
    expect(total.internalErrors).toEqual([])
    expect(total.imbalances).toBe(0)
    expect(measured.filter((entry) => entry.silent.length > 0).map((entry) => [entry.seed, entry.silent])).toEqual([])
    expect(total.reached / total.expected).toBeGreaterThanOrEqual(0.97)
    // Logistics, contact lines emptied by anonymising, a dropped section: each has its left_out entry.
    expect(total.missingLeftOut).toBe(0)
  })
})
