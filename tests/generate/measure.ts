/**
 * Run generated (or hand-written) notes through the whole pipeline and
 * measure against their key: how many content lines reach the HTML text,
 * how many were left out with a reason, how many vanished silently, and any
 * internal error or ledger imbalance.
 */
import {VFile} from 'vfile'
import {htmlText, jsonStrings} from '../../src/audit/index.js'
import {compileReport} from '../../src/engine/index.js'
import {ExchangeError} from '../../src/errors.js'
import type {JsonReport} from '../../src/render/json.js'
import type {GeneratedNotes} from './notes.js'
import type {GeneratedCase} from './plant.js'

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

/** What one generated case came to: the words of its name left in an output, whether the audit refused it, whether its line was accounted for. */
export interface CaseResult {
  case: GeneratedCase
  /** `html: Okafor in "…"`: a word of the planted name in an output. */
  left: string[]
  /** The audit named something in this case's file (the report would be refused, exit 3). */
  refused: boolean
  /** The line's marker word reached neither the report nor `left_out`. */
  lost: boolean
  error?: string
}

/** The outputs a reader gets from one notes file: the HTML's text, the markdown, every JSON string (`left_out` too). */
function surfacesOf(value: string, path: string): {surfaces?: Record<string, string>; leftOut: string; leftLines: number[]; leaked: string[]; error?: string} {
  try {
    const compiled = compileReport(new VFile({path, value}), {outputs: ['html', 'md', 'json']})
    const json = JSON.parse(compiled.json) as JsonReport
    return {surfaces: {html: htmlText(compiled.html), md: compiled.markdown, json: jsonStrings(compiled.json)}, leftOut: JSON.stringify(json.left_out ?? []), leftLines: (json.left_out ?? []).map((entry) => entry.line), leaked: compiled.leaks.map((leak) => leak.text)}
  } catch (error) {
    return {leftOut: '', leftLines: [], leaked: [], error: String((error as Error)?.stack ?? error)}
  }
}

/** The words of a case's planted name found in the surfaces. */
function leftIn(surfaces: Record<string, string>, entry: GeneratedCase): string[] {
  const left: string[] = []
  const banned = new Set(entry.banned)
  const initials = entry.bannedInitials.map((text) => new RegExp(`(?<![\\p{L}])${text.replace(/\./g, '').split('').filter((letter) => letter !== ' ').join(String.raw`\.?[^\S\n]?`)}\\.?(?![\\p{L}])`, 'u'))
  for (const [where, text] of Object.entries(surfaces)) {
    for (const line of text.split('\n')) {
      for (const match of line.matchAll(/[\p{L}\p{N}]+/gu)) {
        const folded = match[0].normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
        if (banned.has(folded)) left.push(`${where}: ${match[0]} in ${JSON.stringify(line.slice(Math.max(0, match.index - 40), match.index + 40))}`)
      }
      for (const pattern of initials) {
        const found = pattern.exec(line)
        if (found) left.push(`${where}: ${found[0]} in ${JSON.stringify(line.slice(Math.max(0, found.index - 40), found.index + 40))}`)
      }
    }
  }
  return left
}

/** Is a case's line in the report, or left out with a reason (its marker in `left_out`, or an entry for one of its lines)? */
function accounted(result: {surfaces?: Record<string, string>; leftOut: string; leftLines: number[]}, entry: GeneratedCase, lineNo: number): boolean {
  const html = result.surfaces?.html ?? ''
  if (entry.structure || html.toLowerCase().includes(entry.marker) || result.leftOut.includes(entry.marker)) return true
  const lines = entry.line.split('\n').length
  return result.leftLines.some((line) => line >= lineNo && line < lineNo + lines)
}

/**
 * Generated cases through the whole pipeline, a file of many lines at a time, each line a different person's (so a word
 * of a name found in an output is one case's): what of each case's name is left, whether the audit named it (the report
 * is refused, exit 3), whether its line is accounted for.
 */
export function measureCases(files: Array<{value: string; cases: GeneratedCase[]}>): CaseResult[] {
  const results: CaseResult[] = []
  for (const [index, file] of files.entries()) {
    const whole = surfacesOf(file.value, `generated-${index}.md`)
    for (const entry of file.cases) {
      if (!whole.surfaces) {
        results.push({case: entry, left: [], refused: false, lost: true, error: whole.error})
        continue
      }
      const left = leftIn(whole.surfaces, entry)
      const refused = left.length > 0 && whole.leaked.some((text) => leftIn({leak: text}, entry).length > 0)
      results.push({case: entry, left, refused, lost: !accounted(whole, entry, entry.lineNo!)})
    }
  }
  return results
}
