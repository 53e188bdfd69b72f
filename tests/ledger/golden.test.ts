/**
 * A golden file that is missing fails its test, and is not written: a test
 * that wrote what came out and then compared it with itself approved anything.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {expectGolden} from '../golden.js'
import {tempDir} from '../helpers.js'

describe('expectGolden', () => {
  it('fails on a missing golden file and leaves it missing', () => {
    vi.stubEnv('UPDATE', '')
    const file = path.join(tempDir(), 'report.md')
    expect(() => expectGolden(file, 'anything at all\n', 'npx vitest run tests/fixtures.test.ts')).toThrow(/Missing golden file .*UPDATE=1/)
    expect(fs.existsSync(file)).toBe(false)
    vi.unstubAllEnvs()
  })

  it('fails when the output differs from the golden file', () => {
    vi.stubEnv('UPDATE', '')
    const dir = tempDir({'report.md': 'what was approved\n'})
    expect(() => expectGolden(path.join(dir, 'report.md'), 'something else\n', 'npx vitest run')).toThrow()
    vi.unstubAllEnvs()
  })

  it('writes it only when asked to (UPDATE=1)', () => {
    vi.stubEnv('UPDATE', '1')
    const file = path.join(tempDir(), 'report.md')
    expectGolden(file, 'approved by a person reading the diff\n', 'npx vitest run')
    expect(fs.readFileSync(file, 'utf8')).toBe('approved by a person reading the diff\n')
    vi.unstubAllEnvs()
  })
})
