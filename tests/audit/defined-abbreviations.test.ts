/**
 * The audit's own finder reads the abbreviations the notes define, as the rewriter does: with Grant
 * Adams in the room, `the General Assembly (GA)` makes `GA` that assembly in the rest of the notes,
 * so a report that keeps it is not refused; `GA:` as a speaker label is still him, and goes.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/compile.js'

const front = '---\ntitle: T\nattendees:\n  - { name: Grant Adams, org: Dudley Council }\n  - { name: Nia Price, org: Wigan Council }\n---\n\n'

describe('an abbreviation the notes define', () => {
  it('is kept, and the audit accepts it, where it is not in a name position', () => {
    const value = `${front}## Barriers\n\n- The General Assembly (GA) meets twice a year, which is too slow for budgets.\n- GA was the only place the two councils met.\n`
    const compiled = compileReport(new VFile({path: 'notes.md', value}), {outputs: ['md']})
    expect(compiled.leaks).toEqual([])
    expect(compiled.markdown).toContain('GA was the only place the two councils met.')
  })

  it('is still the participant as a speaker label', () => {
    const value = `${front}## Barriers\n\n- The General Assembly (GA) meets twice a year.\n- GA: the budget cycle is too slow for us\n`
    const compiled = compileReport(new VFile({path: 'notes.md', value}), {outputs: ['md']})
    expect(compiled.leaks).toEqual([])
    expect(compiled.markdown).not.toMatch(/GA:/)
  })
})
