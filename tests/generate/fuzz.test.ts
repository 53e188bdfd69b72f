/**
 * No internal error on any input, and the ledger always balances: a
 * fixed-seed sample of fuzzed front matter and notes (`bench/ledger.mjs`
 * runs 100,000). The grammar includes `analysts, IG people, one
 * councillor`, which once crashed the anonymiser: no failure is let through.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {frontMatter, notesBody, notesFile, runFuzzed} from './fuzz.js'

describe('fuzzed notes (fixed seed)', () => {
  it('front matter mutated from valid YAML: a YAML error with its line, never an internal error', () => {
    fc.assert(
      fc.property(frontMatter, (yaml) => {
        const result = runFuzzed(`---\n${yaml}\n---\n## Barriers\n\n- the budget is broken\n`)
        expect(result, JSON.stringify(yaml)).toMatchObject({ok: true})
      }),
      {seed: 14, numRuns: 250},
    )
  })

  it('notes from a grammar of lines, random Unicode and deep nesting: no internal error, the ledger balances', () => {
    fc.assert(
      fc.property(notesBody, (body) => {
        const result = runFuzzed(`---\ntitle: T\nattendees: [Ana Silva, Ben Okoro]\n---\n${body}\n`)
        expect(result, JSON.stringify(body)).toMatchObject({ok: true})
      }),
      {seed: 14, numRuns: 250},
    )
  })

  it('whole files: front matter and notes together', () => {
    fc.assert(
      fc.property(notesFile, (value) => {
        const result = runFuzzed(value)
        expect(result, JSON.stringify(value)).toMatchObject({ok: true})
      }),
      {seed: 1414, numRuns: 150},
    )
  })
})
