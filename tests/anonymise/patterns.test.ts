/** Every rule's regular expression is exported, and none of them backtracks badly on hostile input. */
import {describe, expect, it} from 'vitest'
import {rulePatterns} from '../../src/anonymise/patterns.js'

/** Inputs that make a backtracking engine blow up on nested or overlapping quantifiers. */
const hostile = (size: number) => [
  'a'.repeat(size),
  'A'.repeat(size),
  ' '.repeat(size),
  '\n'.repeat(size),
  '('.repeat(size),
  'A '.repeat(size / 2),
  'Aa '.repeat(size / 3),
  '0 '.repeat(size / 2),
  '0'.repeat(size),
  '@'.repeat(size),
  'a.'.repeat(size / 2),
  'a@'.repeat(size / 2),
  '- '.repeat(size / 2),
  ', '.repeat(size / 2),
  "'s ".repeat(size / 3),
  '<a '.repeat(size / 3),
  `(${'A'.repeat(size)}`,
  `https://${'a/'.repeat(size / 2)}`,
  `${'a'.repeat(size)}@`,
  `${'1 '.repeat(size / 2)}x`,
]

describe('rulePatterns', () => {
  it('exports each as a regular expression', () => {
    expect(Object.keys(rulePatterns).length).toBeGreaterThan(100)
    for (const [name, pattern] of Object.entries(rulePatterns)) expect(pattern, name).toBeInstanceOf(RegExp)
  })

  it('runs in linear time on hostile input (20 000 characters in well under a second)', () => {
    for (const [name, pattern] of Object.entries(rulePatterns)) {
      for (const input of hostile(20_000)) {
        const started = performance.now()
        if (pattern.global) [...input.matchAll(pattern)]
        else pattern.test(input)
        // Linear is a few milliseconds here; catastrophic backtracking is seconds or more.
        expect(performance.now() - started, `${name} on ${JSON.stringify(input.slice(0, 12))}…`).toBeLessThan(1000)
      }
    }
  }, 120_000)
})
