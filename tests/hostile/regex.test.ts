/// <reference types="vite/client" />
/**
 * No regular expression backtracks catastrophically: every RegExp that a
 * module under `src/` exports — each rule of the anonymiser's `rulePatterns`
 * among them — is run over adversarial strings built from what it repeats
 * (long runs of each character and pair of characters it matches, and of
 * each word it names, with a tail that makes it fail), in a worker thread
 * that is stopped if it hangs. Linear patterns take well under a
 * millisecond per string; a quadratic one takes a large part of a second,
 * and sixteen times as long as on a string a quarter as long.
 */
import os from 'node:os'
import {describe, expect, it} from 'vitest'
import {adversarialInputs, hangMs, textOf, thresholdMs, timeInWorker, words} from './adversarial.js'


/**
 * Patterns that are known to be quadratic, awaiting a fix in their owner's
 * file: the test expects them to fail, and says the fix. Remove an entry
 * when the fix lands (the test then fails until it is removed).
 */
const knownSlow: Record<string, string> = {}

interface Named {
  name: string
  regex: RegExp
}

/**
 * Every RegExp exported by a module under src/, directly or in an exported
 * object of them. Modules are imported one by one; one that cannot be
 * imported on its own (a worker thread's entry) is skipped.
 */
async function exportedPatterns(): Promise<Named[]> {
  const modules = import.meta.glob<Record<string, unknown>>(['../../src/**/*.ts', '!../../src/**/worker*.ts'])
  const found: Named[] = []
  const seen = new Set<RegExp>()
  for (const [file, load] of Object.entries(modules)) {
    let exports: Record<string, unknown>
    try {
      exports = await load()
    } catch {
      continue
    }
    const module = file.replace('../../src/', '').replace(/\.ts$/, '')
    for (const [name, value] of Object.entries(exports)) {
      if (value instanceof RegExp && !seen.has(value)) {
        seen.add(value)
        found.push({name: `${module}: ${name}`, regex: value})
      } else if (value && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype) {
        for (const [key, inner] of Object.entries(value)) {
          if (inner instanceof RegExp && !seen.has(inner)) {
            seen.add(inner)
            found.push({name: `${module}: ${name}.${key}`, regex: inner})
          }
        }
      }
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name))
}

const patterns = await exportedPatterns()

describe('exported regular expressions, against adversarial strings', () => {
  it('finds the anonymiser’s rule patterns among them', () => {
    const names = patterns.map((pattern) => pattern.name)
    expect(names.filter((name) => name.startsWith('anonymise/patterns: rulePatterns.')).length).toBeGreaterThan(10)
    expect(names).toContain('parse/hashtags: hashtagPattern')
    expect(names).toContain('parse/roster: honorificPattern')
  })

  it('builds adversarial strings from what a pattern repeats', () => {
    const inputs = adversarialInputs(/\s*[-–—]\s*$/u)
    expect(inputs.some((input) => textOf(input).startsWith('     ') && textOf(input).endsWith('!'))).toBe(true)
    expect(inputs.some((input) => textOf(input).startsWith('––'))).toBe(true)
    expect(words(/(?:according\s+to|said)\s+$/.source)).toEqual(['according', 'to', 'said'])
  })

  it('catches a quadratic pattern (the harness can fail)', async () => {
    const slowest = await timeInWorker(/\s+$/, adversarialInputs(/\s+$/))
    expect(slowest.ms).toBeGreaterThan(thresholdMs)
    expect(slowest.ms > 10 * thresholdMs || slowest.ratio > 6).toBe(true)
  })

  const concurrency = Math.max(1, Math.min(2, os.availableParallelism()))
  describe.concurrent('each stays linear', {concurrent: concurrency > 1}, () => {
    for (const {name, regex} of patterns) {
      const fix = knownSlow[name]
      const test = fix ? it.fails : it
      test(`${name} ${fix ? `(known quadratic, awaits: ${fix})` : 'stays linear'}`, async () => {
        const slowest = await timeInWorker(regex, adversarialInputs(regex))
        const slow = slowest.ms > 10 * thresholdMs || (slowest.ms > thresholdMs && slowest.ratio > 6)
        expect(slow, `/${regex.source}/${regex.flags} took ${slowest.ms.toFixed(0)} ms on ${slowest.name}, ${slowest.ratio.toFixed(0)}× a quarter of it`).toBe(false)
      }, hangMs + 30_000)
    }
  })
})
