import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findConfigFile, resolveSettings} from '../../src/config.js'
import type {Diagnostic} from '../../src/types.js'
import {cleanEnv, cli, listFiles, tempDir} from '../engine/helpers.js'

/** One name on the roster (Jane), and one the tool is unsure of (Dr Laura Simmons): a warning, an error with `strict`. */
const unsure = '---\ntitle: T\nattendees: [Jane Smith]\n---\n\n## Barriers\n\n- Jane said that Dr Laura Simmons at the ICB agreed #challenge\n- Funding arrives too late to plan with #challenge\n'

interface Source {
  name: string
  files: Record<string, string>
  /** Where to run, inside the project. */
  cwd?: string
  env?: NodeJS.ProcessEnv
  args?: string[]
  /** The verdict both commands must give. */
  code: number
  /** Whether the unsure name is still reported (not on the roster the settings give). */
  unrostered: boolean
}

const sources: Source[] = [
  {name: 'no settings', files: {}, code: 0, unrostered: true},
  {name: 'EXCHANGE_STRICT=1', files: {}, env: {EXCHANGE_STRICT: '1'}, code: 3, unrostered: true},
  {name: 'strict in exchange.yaml', files: {'exchange.yaml': 'strict: true\n'}, code: 3, unrostered: true},
  {name: 'strict in the exchange.yaml of a folder above', files: {'exchange.yaml': 'strict: true\n'}, cwd: 'notes', code: 3, unrostered: true},
  {name: '--config FILE', files: {'ci/settings.yaml': 'strict: true\n'}, args: ['--config', 'ci/settings.yaml'], code: 3, unrostered: true},
  {name: 'EXCHANGE_CONFIG', files: {'ci/settings.yaml': 'strict: true\n'}, env: {EXCHANGE_CONFIG: 'ci/settings.yaml'}, code: 3, unrostered: true},
  {name: 'EXCHANGE_STRICT=0 over exchange.yaml', files: {'exchange.yaml': 'strict: true\n'}, env: {EXCHANGE_STRICT: '0'}, code: 0, unrostered: true},
  {name: '--no-strict over EXCHANGE_STRICT=1', files: {}, env: {EXCHANGE_STRICT: '1'}, args: ['--no-strict'], code: 0, unrostered: true},
  {
    name: 'a roster in exchange.yaml, relative to that file, run from a subfolder',
    files: {'exchange.yaml': 'strict: true\nattendees: people/sign-in.csv\n', 'people/sign-in.csv': 'name,org\nLaura Simmons,Leeds ICB\n'},
    cwd: 'notes',
    code: 0,
    unrostered: false,
  },
  {
    name: 'a roster in the file --config names',
    files: {'ci/settings.yaml': 'strict: true\nattendees: ../people.csv\n', 'people.csv': 'name\nLaura Simmons\n'},
    args: ['--config', 'ci/settings.yaml'],
    code: 0,
    unrostered: false,
  },
]

const verdict = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.line}:${d.severity}:${d.rule}`).sort()

describe('check and build read one settings model', () => {
  for (const source of sources) {
    it(`give the same verdict with ${source.name}`, async () => {
      const dir = tempDir({'notes/a.md': unsure, ...source.files})
      const cwd = path.join(dir, source.cwd ?? '')
      const notesFile = path.relative(cwd, path.join(dir, 'notes/a.md'))
      const env = cleanEnv(source.env)
      const checked = await cli(['check', notesFile, '--json', ...(source.args ?? [])], cwd, {env})
      const built = await cli(['build', notesFile, '-f', 'md', '--json', ...(source.args ?? [])], cwd, {env})
      expect(checked.code).toBe(source.code)
      expect(built.code).toBe(source.code)
      const checkDiagnostics = JSON.parse(checked.stdout).files[0].diagnostics as Diagnostic[]
      const buildDiagnostics = JSON.parse(built.stdout).files[0].diagnostics as Diagnostic[]
      expect(verdict(checkDiagnostics)).toEqual(verdict(buildDiagnostics))
      expect(checkDiagnostics.some((d) => d.rule === 'unrostered-name')).toBe(source.unrostered)
    })
  }

  it('builds into the out folder beside the exchange.yaml found above, with its brand', async () => {
    const dir = tempDir({
      'notes/a.md': unsure,
      'exchange.yaml': 'format: html\nbrand: brand\n',
      'brand/brand.yaml': 'name: Ours Network\ncolours: {primary: "#12395b"}\n',
    })
    const run = await cli(['build', 'a.md'], path.join(dir, 'notes'))
    expect(run.code).toBe(0)
    expect(listFiles(path.join(dir, 'out'))).toEqual(['a.html'])
    expect(fs.existsSync(path.join(dir, 'notes/out'))).toBe(false)
    expect(fs.readFileSync(path.join(dir, 'out/a.html'), 'utf8')).toContain('#12395b')
  })

  it('finds the nearest exchange.yaml upward, and none outside a project', () => {
    const dir = tempDir({'exchange.yaml': 'out: a\n', 'x/exchange.yaml': 'out: b\n', 'x/y/z/.keep': ''})
    expect(findConfigFile(path.join(dir, 'x/y/z'))).toBe(path.join(dir, 'x/exchange.yaml'))
    expect(findConfigFile(dir)).toBe(path.join(dir, 'exchange.yaml'))
    expect(resolveSettings({}, {cwd: path.join(dir, 'x/y'), env: {}}).settings.out).toBe(path.join(dir, 'x/b'))
    expect(resolveSettings({out: 'flag'}, {cwd: path.join(dir, 'x/y'), env: {EXCHANGE_OUT: 'env'}}).settings.out).toBe('flag')
    expect(resolveSettings({}, {cwd: path.join(dir, 'x/y'), env: {EXCHANGE_OUT: 'env'}}).settings.out).toBe('env')
  })
})
