/**
 * The generator of names in every position (tests/generate/plant.ts, issue 15 stop 24): roster names planted as a
 * subject, an object of giving, telling, asking or thanking, an oblique, a vocative, a compound, a plural possessive,
 * at a sentence's end, in brackets and quotes, in a link's label and URL (markdown, reference, org-mode, raw HTML), an
 * email, a table cell, a pasted TSV or CSV line, a heading — × form × case, with a roster speaker's organisation in
 * short forms — through the whole pipeline. A seeded sample here; `GENERATE_ALL=1` runs every case and
 * `GENERATE_OUT=file.json` writes the failures by class (the figures in BENCHMARKS.md).
 *
 * Invariants: no internal error; every line in the report or left out with a reason; no word of a planted name in the
 * HTML, markdown or JSON (`left_out` too) outside the classes still open (below), and in those, the audit refuses the
 * report (exit 3) rather than let it through; the word uses of the same words survive.
 */
import fs from 'node:fs'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {htmlText} from '../../src/audit/index.js'
import {compileReport} from '../../src/engine/compile.js'
import {measureCases} from './measure.js'
import {batchCases, generateCases, generateOrgCases, generatorFront, shuffle, wordUses} from './plant.js'

const all = shuffle([...generateCases(), ...generateOrgCases()], 24)
const sample = process.env.GENERATE_ALL ? all : all.slice(0, Number(process.env.GENERATE_SAMPLE ?? 420))

/**
 * Classes the generator finds that are still open, each named for its shape (BENCHMARKS.md, stops 24 and 25). Outside
 * them a word of a name left in an output must be refused by the audit (initials that spell an abbreviation, `send PB the
 * deck`, are left by the rewriter and refused: exit 3); inside them it may pass, and they are the next stop's work.
 */
const open = new Set<string>([
  // A surname typed small that the lexicon holds for a common word (`the berg model`, `the "berg rule"`, `came from berg.`,
  // of van der Berg): the word, since a word-name typed small is a name only where only a person fits (stop 25).
  'compound',
  'in quotes',
  'sentence-final',
  'sentence-final, a second sentence',
])

/** Lines whose marker word is rewritten: none left open since stop 25 (`the Mr Hill-led laundrette` → `… someone pilot` was). */
const markerRewritten = new Set<string>([])

describe(`names in every position: ${sample.length} of ${all.length} generated cases`, () => {
  const results = measureCases(batchCases(sample))
  if (process.env.GENERATE_OUT) {
    const byClass = new Map<string, {failed: number; passedAudit: number}>()
    for (const result of results) {
      if (!result.left.length && !result.lost && !result.error) continue
      const entry = byClass.get(result.case.position) ?? {failed: 0, passedAudit: 0}
      entry.failed++
      if (result.left.length && !result.refused) entry.passedAudit++
      byClass.set(result.case.position, entry)
    }
    fs.writeFileSync(process.env.GENERATE_OUT, JSON.stringify({cases: results.length, failed: results.filter((r) => r.left.length || r.lost || r.error).length, byClass: Object.fromEntries([...byClass].sort((a, b) => b[1].failed - a[1].failed)), failures: results.filter((r) => r.left.length || r.lost || r.error).map((r) => ({position: r.case.position, form: r.case.form, writing: r.case.writing, line: r.case.line, left: r.left.slice(0, 2), refused: r.refused, lost: r.lost, error: r.error?.slice(0, 200)}))}, null, 1))
  }

  it('has no internal error', () => {
    expect(results.filter((result) => result.error).map((result) => `${result.case.line}: ${result.error}`)).toEqual([])
  })

  it('accounts for every line: in the report, or left out with a reason', () => {
    expect(results.filter((result) => result.lost && !markerRewritten.has(result.case.position)).map((result) => result.case.line)).toEqual([])
  })

  it('leaves no word of a planted name in any output that the audit lets through, outside the open classes', () => {
    const leaks = results.filter((result) => result.left.length > 0 && !result.refused && !open.has(result.case.position))
    expect(leaks.map((result) => `${result.case.position} / ${result.case.form} / ${result.case.writing}: ${result.case.line} → ${result.left[0]}`)).toEqual([])
  })
})

describe('the same words in their ordinary uses survive', () => {
  it.each(wordUses)('keeps %j', (template, word) => {
    const line = template.replace('{w}', 'allotment')
    const compiled = compileReport(new VFile({path: 'uses.md', value: `${generatorFront()}\n## Notes\n\n${line}\n\n- residents want to be asked earlier\n`}), {outputs: ['html']})
    const text = htmlText(compiled.html)
    expect(text).toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu'))
    expect(compiled.leaks).toEqual([])
  })
})
