/**
 * Safety: input files are never modified, nothing is written outside the
 * output folder (whatever the front matter or the paths say), and nothing
 * outside the notes' own folder is read into a report through a link.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/engine/index.js'
import {runCli, tempDir} from '../helpers.js'
import {expectNoStack, fingerprint, good, listReports} from './hostile.js'

/** Everything in `dir` but the output folder: it must come out of a build as it went in. */
const outside = (dir: string, out = 'out') => {
  const all = fingerprint(dir)
  for (const file of Object.keys(all)) if (file === out || file.startsWith(`${out}/`)) delete all[file]
  return all
}

describe('nothing is written outside the output folder', () => {
  it('ignores path-like front-matter fields: `slug: ../../etc` is a warning, and the output keeps the file’s name', async () => {
    const notes = '---\ntitle: ../../../etc/passwd\nslug: ../../etc\noutput: /tmp/evil\n---\n\n## Barriers\n\n- a note #challenge\n'
    const dir = tempDir({'work/notes/a.md': notes, 'work/etc/keep': 'x'})
    const work = path.join(dir, 'work')
    const before = outside(dir, 'work/out')
    const {code, stderr} = await runCli(['build', 'notes/a.md', '-f', 'html,md,json'], work)
    expect(code).toBe(0)
    expectNoStack(stderr)
    expect(stderr).toContain('notes/a.md:3:1  warning  Unexpected front-matter key `slug`, it is ignored')
    expect(listReports(path.join(work, 'out'))).toEqual(['a.html', 'a.json', 'a.md'])
    expect(outside(dir, 'work/out')).toEqual(before)
    expect(fs.existsSync('/tmp/evil')).toBe(false)
  })

  it('keeps a glob’s outputs inside the output folder when the glob climbs out with `..`', async () => {
    const dir = tempDir({'project/notes/a.md': good('A'), 'project/notes/2024/c.md': good('C'), 'elsewhere/b.md': good('B')})
    const project = path.join(dir, 'project')
    const before = outside(dir, 'project/out')
    const summary = await build(['notes/*/../../../elsewhere/*.md', 'notes/*.md'], {cwd: project, formats: ['html']})
    expect(summary.exitCode).toBe(0)
    expect(summary.files.map((file) => file.input).sort()).toEqual([path.join(dir, 'elsewhere/b.md'), 'notes/a.md'])
    for (const file of summary.files) for (const output of file.outputs) expect(output.startsWith(path.join(project, 'out') + path.sep)).toBe(true)
    expect(outside(dir, 'project/out')).toEqual(before)
  })

  it('never changes a notes file, whether it builds, warns or fails', async () => {
    const dir = tempDir({'a.md': good('A'), 'b.md': '---\ntitle: [oops\n---\n\n- x\n', 'c.md': '---\nttle: C\n---\n\n## Barriers\n\n- a note #challenge\n'})
    const before = fingerprint(dir)
    await runCli(['build', '.', '-o', 'out', '-f', 'html,md,json'], dir)
    await runCli(['check', 'a.md', 'b.md', 'c.md'], dir)
    const after = fingerprint(dir)
    for (const file of Object.keys(after)) if (file.startsWith('out/')) delete after[file]
    expect(after).toEqual(before)
  })

  // An output folder that is a link to the notes folder is the notes folder.
  it('refuses an output folder that is a link to the notes folder', async () => {
    const dir = tempDir({'notes/a.md': good('A')})
    fs.symlinkSync('notes', path.join(dir, 'reports'))
    const before = fingerprint(path.join(dir, 'notes'))
    const {code} = await runCli(['build', 'notes', '-o', 'reports', '-f', 'md'], dir)
    expect(code).toBe(2)
    expect(fingerprint(path.join(dir, 'notes'))).toEqual(before)
  })

  it('does not read its own markdown output back as notes when the output folder is inside the notes folder', async () => {
    const dir = tempDir({'notes/a.md': good('A')})
    await runCli(['build', 'notes', '-o', 'notes/out', '-f', 'md'], dir)
    const second = await runCli(['build', 'notes', '-o', 'notes/out', '-f', 'md'], dir)
    expect(second.code).toBe(0)
    expect(listReports(path.join(dir, 'notes/out'))).toEqual(['a.md'])
  })
})

describe('nothing outside the notes is read into a report', () => {
  it('refuses a notes file that is a link out of the notes folder, walks no folder out of it, and builds the rest', async () => {
    const dir = tempDir({'notes/a.md': good('A'), 'private/diary.md': good('Private diary'), 'private/more/deep.md': good('Deep secret')})
    fs.symlinkSync('../private', path.join(dir, 'notes/diary'))
    fs.symlinkSync('../private/diary.md', path.join(dir, 'notes/diary.md'))
    const {code, stderr} = await runCli(['build', 'notes', '-f', 'html'], dir)
    expect(code).toBe(1)
    expect(stderr).toContain('notes/diary.md  error  Refusing to follow the symbolic link `notes/diary.md` out of the input folder — give the file it points to by its own path, or copy it into the folder  [exchange:symlink]')
    expect(listReports(path.join(dir, 'out'))).toEqual(['a.html'])
    expect(stderr).not.toMatch(/deep|Private diary/i)
  })

  it('leaves out an image that is a link to a file outside the notes folder', async () => {
    const dir = tempDir({'notes/a.md': '---\ntitle: A\n---\n\n## Barriers\n\n- a photo ![board](board.png) #challenge\n', 'private/key.png': 'not-a-photo-secret'})
    fs.symlinkSync('../private/key.png', path.join(dir, 'notes/board.png'))
    const summary = await build(['notes/a.md'], {cwd: dir, formats: ['html']})
    const html = fs.readFileSync(path.join(dir, 'out/a.html'), 'utf8')
    expect(html).not.toContain(Buffer.from('not-a-photo-secret').toString('base64'))
    expect(summary.files[0]!.diagnostics.some((diagnostic) => diagnostic.rule === 'missing-image')).toBe(true)
  })
})
