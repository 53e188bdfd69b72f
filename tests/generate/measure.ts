/**
 * Run generated (or hand-written) notes through the whole pipeline and
 * measure against their key: how many content lines reach the HTML text,
 * how many were left out with a reason, how many vanished silently, and any
 * internal error or ledger imbalance.
 */
import {VFile} from 'vfile'
import {htmlText} from '../../src/audit/index.js'
import {compileReport} from '../../src/engine/index.js'
import {ExchangeError} from '../../src/errors.js'
import type {JsonReport} from '../../src/render/json.js'
import type {GeneratedNotes} from './notes.js'

export interface Measured {
  /** Lines the key says must reach the report. */
  expected: number
  /** Of those, found in the HTML text. */
  reached: number
  /** Of those not found, listed in `left_out` with a reason (not silent). */
  leftOutWithReason: number
  /** Not found anywhere: lost silently. */
  silent: string[]
  /** Left-out lines the key expects, and left-out entries found for their rules. */
  expectedLeftOut: number
  /** Left-out lines the key expects that have no `left_out` entry of their rule. */
  missingLeftOut: number
  internalErrors: string[]
  imbalances: number
}

export function measureNotes(notes: GeneratedNotes, path = 'generated.md'): Measured {
  const result: Measured = {expected: 0, reached: 0, leftOutWithReason: 0, silent: [], expectedLeftOut: 0, missingLeftOut: 0, internalErrors: [], imbalances: 0}
  let html = ''
  let json: JsonReport | undefined
  try {
    const compiled = compileReport(new VFile({path, value: notes.value}), {outputs: ['html', 'json']})
    html = htmlText(compiled.html).replace(/\s+/g, ' ').toLowerCase()
    json = JSON.parse(compiled.json) as JsonReport
  } catch (error) {
    if (error instanceof ExchangeError && error.rule === 'ledger-imbalance') result.imbalances++
    else if (!(error instanceof ExchangeError)) result.internalErrors.push(String((error as Error)?.stack ?? error))
    else if (error.rule !== 'no-notes') result.internalErrors.push(`unexpected refusal: ${error.message}`)
  }
  const leftText = JSON.stringify(json?.left_out ?? [])
  const rules = new Map<string, number>()
  for (const entry of json?.left_out ?? []) rules.set(entry.rule, (rules.get(entry.rule) ?? 0) + 1)
  for (const line of notes.key) {
    if (line.expect === 'left-out') {
      result.expectedLeftOut++
      const left = rules.get(line.rule!) ?? 0
      if (json && left === 0) result.missingLeftOut++
      else rules.set(line.rule!, left - 1)
      continue
    }
    result.expected++
    if (html.includes(line.marker!)) result.reached++
    else if (leftText.includes(line.marker!)) result.leftOutWithReason++
    else result.silent.push(line.marker!)
  }
  return result
}

export function sum(list: Measured[]): Measured {
  return list.reduce(
    (total, entry) => ({
      expected: total.expected + entry.expected,
      reached: total.reached + entry.reached,
      leftOutWithReason: total.leftOutWithReason + entry.leftOutWithReason,
      silent: [...total.silent, ...entry.silent],
      expectedLeftOut: total.expectedLeftOut + entry.expectedLeftOut,
      missingLeftOut: total.missingLeftOut + entry.missingLeftOut,
      internalErrors: [...total.internalErrors, ...entry.internalErrors],
      imbalances: total.imbalances + entry.imbalances,
    }),
    {expected: 0, reached: 0, leftOutWithReason: 0, silent: [], expectedLeftOut: 0, missingLeftOut: 0, internalErrors: [], imbalances: 0},
  )
}
