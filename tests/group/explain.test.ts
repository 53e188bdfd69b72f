/**
 * `--explain` for the group stage's fixture cases: `tests/fixtures/<case>/explain.txt`
 * holds what `exchange build --explain` prints for the case's notes — every
 * note with the section it went to and why (rule and score), and every note
 * left out and why. Regenerate with `UPDATE=1 npx vitest run tests/group/explain.test.ts`,
 * then read the diff.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {compileReport, type CompileOptions} from '../../src/engine/index.js'
import {readNotes} from '../../src/engine/read.js'
import {explainPlacements, formatExplanation} from '../../src/group/explain.js'
import {expectGolden} from '../golden.js'
import {fixturesDir, runCli} from '../helpers.js'

const cases = ['logistics', 'footnotes-dedup', 'sub-bullets-and-tables', 'profile-key-actions', 'profile-innovation-explored']

function explain(name: string): string {
  const dir = path.join(fixturesDir, name)
  const configFile = path.join(dir, 'config.json')
  const config = (fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : {}) as CompileOptions
  const {report} = compileReport(readNotes(path.join(dir, 'notes.md'), 'notes.md'), {...config, cwd: dir})
  return explainPlacements(report).map((entry) => formatExplanation('notes.md', entry)).join('\n') + '\n'
}

describe.each(cases)('explain %s', (name) => {
  it('says where each note went and why, and what was left out', () => {
    const file = path.join(fixturesDir, name, 'explain.txt')
    const actual = explain(name)
    expectGolden(file, actual, 'npx vitest run tests/group/explain.test.ts')
  })
})

describe('exchange build --explain', () => {
  it('prints the same lines on stdout, one per note', async () => {
    const dir = path.join(fixturesDir, 'logistics')
    const out = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'exchange-explain-'))
    const {code, stdout} = await runCli(['build', 'notes.md', '-f', 'md', '-o', out, '--explain'], dir)
    fs.rmSync(out, {recursive: true, force: true})
    expect(code).toBe(0)
    const lines = stdout.split('\n').filter((line) => line.startsWith('notes.md:'))
    expect(lines.join('\n') + '\n').toBe(fs.readFileSync(path.join(dir, 'explain.txt'), 'utf8'))
  })
})
