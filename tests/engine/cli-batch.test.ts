import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {archive, brokenNotes, cleanEnv, cli, listFiles, notes, rewrite} from './helpers.js'

// eslint-disable-next-line no-control-regex
const colourCode = /\u001B\[(?:3\d|2|22|39)m/

describe('exchange build over a batch', () => {
  it('builds the rest when one file is broken, reports it with file:line and exits 1', async () => {
    const dir = archive(6, {'notes/2016/broken.md': brokenNotes})
    const run = await cli(['build', 'notes', '-f', 'html'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^notes\/2016\/broken\.md:2:\d+ {2}error {2}.*\[exchange:front-matter\]$/m)
    expect(listFiles(path.join(dir, 'out'))).toHaveLength(6)
    expect(run.stderr).toMatch(/^6 built, 1 failed, 0 warnings in \d+/m)
  })

  it('prints one JSON summary that lists every file, with status, outputs, warnings and timings', async () => {
    const dir = archive(4, {'notes/2016/broken.md': brokenNotes})
    await cli(['build', 'notes', '-f', 'html,md'], dir)
    for (const [folder, index] of [['2016', 1], ['2017', 2], ['2018', 3]] as const) rewrite(path.join(dir, `notes/${folder}/report-0${index}.md`), notes(`Report ${index}, revised`))
    const run = await cli(['build', 'notes', '-f', 'html,md', '--json'], dir)
    expect(run.code).toBe(1)
    const summary = JSON.parse(run.stdout)
    expect(summary).toMatchObject({built: 3, skipped: 1, failed: 1, cancelled: 0, exitCode: 1, interrupted: false, browser: false})
    expect(summary.files.map((file: {input: string; status: string}) => [file.input, file.status])).toEqual([
      [path.join('notes', '2015', 'report-04.md'), 'skipped'],
      [path.join('notes', '2016', 'broken.md'), 'failed'],
      [path.join('notes', '2016', 'report-01.md'), 'built'],
      [path.join('notes', '2017', 'report-02.md'), 'built'],
      [path.join('notes', '2018', 'report-03.md'), 'built'],
    ])
    const built = summary.files[2]
    expect(built.outputs).toEqual([path.join(dir, 'out/2016/report-01.html'), path.join(dir, 'out/2016/report-01.md')])
    expect(built).toMatchObject({warnings: expect.any(Number), ms: expect.any(Number), timings: {compile: expect.any(Number), write: expect.any(Number)}})
    expect(summary.files[1].diagnostics[0]).toMatchObject({file: path.join('notes', '2016', 'broken.md'), line: 2, severity: 'error'})
  })

  it('prints what it wrote, one line per report, when not on a terminal; nothing for unchanged ones', async () => {
    const dir = archive(2)
    const first = await cli(['build', 'notes', '-f', 'md'], dir)
    // A line as each report is written, so in the order they finish, not always the input's.
    expect(first.stdout.endsWith('\n')).toBe(true)
    expect(first.stdout.slice(0, -1).split('\n').sort()).toEqual([
      `${path.join('notes', '2016', 'report-01.md')} → ${path.join('out', '2016', 'report-01.md')}`,
      `${path.join('notes', '2017', 'report-02.md')} → ${path.join('out', '2017', 'report-02.md')}`,
    ])
    expect(first.stderr).not.toContain('█')
    const second = await cli(['build', 'notes', '-f', 'md'], dir)
    expect(second.stdout).toBe('')
    expect(second.stderr).toMatch(/^0 built, 2 unchanged, 0 warnings in \d+ ms\n$/)
  })

  it('shows a progress bar on stderr when it is a terminal, in colour unless NO_COLOR or --no-color', async () => {
    const dir = archive(3)
    const run = await cli(['build', 'notes', '-f', 'md', '--force'], dir, {tty: true})
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/[█░]+ +\d\/3 reports/)
    expect(run.stderr).toMatch(colourCode)
    // The bar stood for the per-report lines: once it is gone, each report says where it went.
    expect(run.stdout.trim().split('\n')).toHaveLength(3)
    expect(run.stdout).toMatch(/^notes\/\d{4}\/report-01\.md → out\/\d{4}\/report-01\.md$/m)

    const noColour = await cli(['build', 'notes', '-f', 'md', '--force'], dir, {tty: true, env: cleanEnv({NO_COLOR: '1'})})
    expect(noColour.stderr).toMatch(/\d\/3 reports/)
    expect(noColour.stderr).not.toMatch(colourCode)
    const flag = await cli(['build', 'notes', '-f', 'md', '--force', '--no-color'], dir, {tty: true})
    expect(flag.stderr).not.toMatch(colourCode)
    expect(flag.stderr).toMatch(/3 built, 0 warnings in/)
  })

  it('prints errors only with --quiet, and no bar with --json, even on a terminal', async () => {
    const dir = archive(2, {'notes/2016/broken.md': brokenNotes})
    const quiet = await cli(['build', 'notes', '-f', 'md', '--quiet'], dir, {tty: true})
    expect(quiet.code).toBe(1)
    expect(quiet.stdout).toBe('')
    expect(quiet.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^notes\/2016\/broken\.md:2:\d+ {2}error/)])

    const json = await cli(['build', 'notes', '-f', 'md', '--json', '--force'], dir, {tty: true})
    expect(json.stderr).not.toMatch(/reports \|/)
    expect(JSON.parse(json.stdout).files).toHaveLength(3)
  })

  it('rebuilds everything with --force', async () => {
    const dir = archive(2)
    await cli(['build', 'notes', '-f', 'md'], dir)
    const run = await cli(['build', 'notes', '-f', 'md', '--force', '--json'], dir)
    expect(JSON.parse(run.stdout)).toMatchObject({built: 2, skipped: 0})
  })

  it('documents the batch flags and the signal exit codes in --help', async () => {
    const {stdout} = await cli(['build', '--help'], archive(1))
    for (const flag of ['--force', '--shard <I/N>', '--watch', '--no-color', '--config <file>', '--concurrency <n>', '--timeout <seconds>']) expect(stdout).toContain(flag)
    expect(stdout).toContain('130 interrupted (Ctrl-C), 143 terminated (SIGTERM)')
    expect(stdout).toContain('flags > EXCHANGE_* environment variables > exchange.yaml > defaults')
  })

  it('never overwrites a good report with a half-written one: outputs appear whole or not at all', async () => {
    const dir = archive(3)
    await cli(['build', 'notes', '-f', 'html'], dir)
    const names = fs.readdirSync(path.join(dir, 'out'), {recursive: true}).map(String)
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
