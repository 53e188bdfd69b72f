/**
 * Fixture folders: `tests/fixtures/<case>/notes.md` beside what it must
 * produce — `report.md` (the markdown output) and `diagnostics.txt` (the
 * warnings, as printed). `config.json`, if present, holds build options.
 * Regenerate with `UPDATE=1 npx vitest run tests/fixtures.test.ts`, then read the diff.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {compileReport, type CompileOptions} from '../src/engine/index.js'
import {readNotes} from '../src/engine/read.js'
import {diagnosticsOf, formatDiagnostic} from '../src/diagnostics.js'
import {expectGolden} from './golden.js'
import {fixturesDir} from './helpers.js'

const cases = fs.readdirSync(fixturesDir).filter((name) => fs.existsSync(path.join(fixturesDir, name, 'notes.md'))).sort()

function expectFile(file: string, actual: string) {
  expectGolden(file, actual, 'npx vitest run tests/fixtures.test.ts')
}

describe.each(cases)('fixture %s', (name) => {
  const dir = path.join(fixturesDir, name)
  const configFile = path.join(dir, 'config.json')
  const config = (fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : {}) as CompileOptions

  it('produces its report.md and diagnostics.txt', () => {
    const file = readNotes(path.join(dir, 'notes.md'), 'notes.md')
    const compiled = compileReport(file, {...config, cwd: dir})
    expect(compiled.leaks).toEqual([])
    expectFile(path.join(dir, 'report.md'), compiled.markdown)
    expectFile(path.join(dir, 'diagnostics.txt'), diagnosticsOf(file).filter((diagnostic) => diagnostic.severity !== 'info').map(formatDiagnostic).join('\n') + '\n')
  })
})
