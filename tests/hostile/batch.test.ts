/**
 * The acceptance case: a batch of every hostile file plus two good ones
 * builds the good ones, reports each bad one, exits 1, leaves no output for
 * the bad ones, changes no input and writes nothing outside the output folder.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDir} from '../helpers.js'
import {expectDiagnostic, expectNoStack, fingerprint, good, hostileCases, listReports} from './hostile.js'

describe('a batch of hostile files and two good ones', () => {
  const setup = () => {
    const files: Record<string, string | Uint8Array> = {
      'notes/good-one.md': good('Good one'),
      'notes/2024/good-two.md': good('Good two', 'What works in practice', 'practice'),
      'private/secret.md': good('Secret'),
    }
    for (const hostile of hostileCases) files[`notes/hostile/${hostile.name}`] = hostile.content
    const dir = tempDir(files)
    fs.symlinkSync('../../private/secret.md', path.join(dir, 'notes/hostile/link-out.md'))
    return dir
  }

  it('builds the good ones, reports each bad one on one line, exits 1 and writes nothing for the bad ones', async () => {
    const dir = setup()
    const before = fingerprint(dir)
    const {code, stdout, stderr} = await runCli(['build', 'notes', '-o', 'out', '-f', 'html,md,json', '--concurrency', '2'], dir)
    expect(code).toBe(1)
    expectNoStack(stderr)

    for (const hostile of hostileCases) {
      expectDiagnostic(stderr, {
        file: `notes/hostile/${hostile.name}`,
        severity: hostile.fails ? 'error' : 'warning',
        rule: hostile.rule,
        line: hostile.line,
        says: hostile.says,
      })
    }
    expectDiagnostic(stderr, {file: 'notes/hostile/link-out.md', rule: 'symlink', says: /^Refusing to follow the symbolic link `notes\/hostile\/link-out\.md` out of the input folder — /})

    const failing = hostileCases.filter((hostile) => hostile.fails).length + 1
    const passing = 2 + hostileCases.filter((hostile) => !hostile.fails).length
    expect(stderr).toMatch(new RegExp(`^${passing} built, ${failing} failed, \\d+ warnings? in `, 'm'))
    expect(stdout).toContain('notes/good-one.md → ')
    expect(stdout).toContain('notes/2024/good-two.md → ')

    const expected = ['good-one', '2024/good-two', ...hostileCases.filter((hostile) => !hostile.fails).map((hostile) => `hostile/${hostile.name.replace(/\.md$/, '')}`)]
    // (Hidden files, such as the batch's manifest, are the tool's own bookkeeping.)
    const reports = listReports(path.join(dir, 'out'))
    expect(reports).toEqual(expected.flatMap((stem) => [`${stem}.html`, `${stem}.json`, `${stem}.md`]).sort())

    // The secret behind the link was never read into any report.
    for (const file of listReports(path.join(dir, 'out'))) expect(fs.readFileSync(path.join(dir, 'out', file), 'utf8')).not.toContain('Secret')
    // No input changed, and nothing was written outside the output folder.
    const after = fingerprint(dir)
    for (const file of Object.keys(after).filter((file) => file.startsWith('out/'))) delete after[file]
    expect(after).toEqual(before)
  })

  it('gives the same answer as one JSON summary with --json', async () => {
    const dir = setup()
    const {code, stdout, stderr} = await runCli(['build', 'notes', '-f', 'html', '--json'], dir)
    expect(code).toBe(1)
    expectNoStack(stderr)
    const summary = JSON.parse(stdout) as {files: Array<{input: string; status: string; outputs: string[]; diagnostics: Array<{severity: string; rule: string; line: number}>}>}
    for (const hostile of hostileCases) {
      const file = summary.files.find((entry) => entry.input === `notes/hostile/${hostile.name}`)!
      expect(file.status).toBe(hostile.fails ? 'failed' : 'built')
      expect(file.diagnostics.some((diagnostic) => diagnostic.rule === hostile.rule && diagnostic.severity === (hostile.fails ? 'error' : 'warning'))).toBe(true)
      if (hostile.fails) expect(file.outputs).toEqual([])
    }
  })
})
