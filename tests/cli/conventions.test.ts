import fs from 'node:fs'
import path from 'node:path'
import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {main, type Io} from '../../src/cli/index.js'
import type {BuildSummary} from '../../src/engine/batch.js'
import {watchBuild} from '../../src/engine/watch.js'
import {isEditorTempFile} from '../../src/util/editor-temp.js'
import {cleanEnv, cli, listFiles, notes, tempDir} from '../engine/helpers.js'

async function withStdin(argv: string[], cwd: string, input: string) {
  let stdout = ''
  let stderr = ''
  const io: Io = {stdout: {write: (text: string) => (stdout += text)}, stderr: {write: (text: string) => (stderr += text)}, cwd, env: cleanEnv(), stdin: Readable.from([Buffer.from(input)])}
  const code = await main(argv, io)
  return {code, stdout, stderr}
}

describe('command-line conventions', () => {
  it('prints the version with -V, -v and --version', async () => {
    for (const flag of ['-V', '-v', '--version']) {
      const run = await cli([flag], tempDir())
      expect(run.code).toBe(0)
      expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    }
  })

  it('writes the file -o names for one notes file, in its format', async () => {
    const dir = tempDir({'a.md': notes('A')})
    const run = await cli(['build', 'a.md', '-o', 'reports/final.md'], dir)
    expect(run.code).toBe(0)
    expect(listFiles(path.join(dir, 'reports'))).toEqual(['final.md'])
    expect(run.stdout).toBe(`a.md → ${path.join('reports', 'final.md')}\n`)
  })

  it('keeps -o a folder for a folder name, and refuses a file name for several notes files', async () => {
    const dir = tempDir({'a.md': notes('A'), 'b.md': notes('B')})
    expect((await cli(['build', 'a.md', '-o', 'reports', '-f', 'md'], dir)).code).toBe(0)
    expect(listFiles(path.join(dir, 'reports'))).toEqual(['a.md'])
    const many = await cli(['build', 'a.md', 'b.md', '-o', 'one.md'], dir)
    expect(many.code).toBe(2)
    expect(many.stderr).toMatch(/Unexpected output file name `one` for 2 notes files — give -o a folder/)
  })

  it('reads notes from standard input with -, for build and check, leaving no copy behind', async () => {
    const dir = tempDir()
    const built = await withStdin(['build', '-', '-f', 'md'], dir, notes('From stdin'))
    expect(built.code).toBe(0)
    expect(built.stdout).toBe(`<stdin> → ${path.join('out', 'stdin.md')}\n`)
    expect(fs.readFileSync(path.join(dir, 'out/stdin.md'), 'utf8')).toContain('From stdin')
    const checked = await withStdin(['check', '-'], dir, notes('From stdin'))
    expect(checked).toMatchObject({code: 0, stdout: '<stdin>: ok (1 redaction)\n'})
    const named = await withStdin(['build', '-', '-o', 'named.html'], dir, notes('Named'))
    expect(named.code).toBe(0)
    expect(fs.existsSync(path.join(dir, 'named.html'))).toBe(true)
    expect((await withStdin(['build', '-', 'a.md'], dir, '')).code).toBe(2)
  })

  it('says where the files went on a terminal, where a progress bar stood for the per-report lines', async () => {
    const dir = tempDir({'a.md': notes('A')})
    const run = await cli(['build', 'a.md', '-f', 'md,json'], dir, {tty: true})
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`a.md → ${path.join('out', 'a.md')}, ${path.join('out', 'a.json')}`)
  })

  it('warns about brand colours below WCAG AA, with the ratio, at the colour’s line, in build and check', async () => {
    const dir = tempDir({'a.md': notes('A'), 'b.md': notes('B'), 'brand/brand.yaml': 'name: Pale\ncolours:\n  primary: "#9fc5e8"\n'})
    const expected = /brand\.yaml:3:12 {2}warning {2}Unexpected contrast 1\.80:1 between `primary` #9fc5e8 and `background` #ffffff \(headings, links and headlines\), expected at least 4\.5:1 \(WCAG AA\) {2}\[exchange:contrast\]/
    for (const command of [['build', 'a.md', '-f', 'md', '--brand', 'brand'], ['check', 'a.md', '--brand', 'brand']]) {
      const run = await cli(command, dir)
      expect(run.code).toBe(0)
      expect(run.stderr).toMatch(expected)
    }
    // Said once for a batch that shares the brand, not once a report.
    const batch = await cli(['build', 'a.md', 'b.md', '-f', 'md', '--brand', 'brand', '--force'], dir)
    expect(batch.code).toBe(0)
    expect(batch.stderr.match(/between `primary` #9fc5e8 and `background`/g)).toHaveLength(1)
    const fine = tempDir({'a.md': notes('A'), 'brand/brand.yaml': 'name: Dark\ncolours:\n  primary: "#12395b"\n'})
    expect((await cli(['build', 'a.md', '-f', 'md', '--brand', 'brand'], fine)).stderr).not.toMatch(/contrast/)
  })

  it('explains an unquoted colour as a YAML comment', async () => {
    const dir = tempDir({'a.md': notes('A'), 'brand/brand.yaml': 'name: Ours\ncolours:\n  accent: "#c8553d"\n  primary: #0b6e4f\n'})
    const run = await cli(['check', 'a.md', '--brand', 'brand'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/brand\.yaml:4:3 {2}error {2}Unexpected colour `primary` with no value in brand\.yaml: `#0b6e4f` after a space is a YAML comment, not a value — quote the colour: `primary: "#0b6e4f"`/)
  })
})

describe('--watch and editor temporary files', () => {
  it('knows the temporary files of common editors, and not notes', () => {
    for (const name of ['.a.md.swp', '.a.md.swo', 'a.md~', '.#a.md', '#a.md#', '4913', 'a.md___jb_tmp___', '.a.md.kate-swp', '.goutputstream-XYZ123', 'a.md.tmp', 'sedAb12Cd']) expect(isEditorTempFile(`notes/${name}`), name).toBe(true)
    for (const name of ['a.md', 'swap.md', 'notes-2024.md', 'brand.yaml', 'logo.svg', 'tmp.md']) expect(isEditorTempFile(`notes/${name}`), name).toBe(false)
  })

  it('neither rebuilds for nor names an editor’s temporary file', async () => {
    const dir = tempDir({'notes/a.md': notes('A')})
    const builds: Array<{summary: BuildSummary; changed: string[]}> = []
    const watcher = await watchBuild(['notes'], {cwd: dir, formats: ['md'], debounce: 50, onBuild: (summary, changed) => builds.push({summary, changed})})
    try {
      // chokidar reports a file added in the first moments after it is ready only sometimes.
      await new Promise((resolve) => setTimeout(resolve, 400))
      // Vim's `.swp` and `~` chokidar drops itself; these it does not: Vim's probe, an Emacs lock, JetBrains' and GNOME's safe writes.
      for (const name of ['4913', '.#a.md', 'a.md___jb_tmp___', '.goutputstream-ABC123', '#a.md#']) fs.writeFileSync(path.join(dir, 'notes', name), 'editor')
      await new Promise((resolve) => setTimeout(resolve, 600))
      fs.writeFileSync(path.join(dir, 'notes/a.md'), notes('A, edited'))
      const deadline = Date.now() + 10_000
      while (builds.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25))
      await watcher.idle()
      expect(builds.map((build) => build.changed)).toEqual([[], [path.join('notes', 'a.md')]])
    } finally {
      await watcher.close()
    }
  })
})
