import fs from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {build, manifestName} from '../../src/engine/index.js'
import {tempDir} from '../helpers.js'

const good = (title: string) => `---\ntitle: ${title}\nattendees: [Jane Smith]\n---\n\n## Barriers\n\n- Jane said consultation is broken #challenge\n`

/** The files under `dir`, the build manifest aside. */
function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name !== manifestName)
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

describe('build', () => {
  const savedEnv = {...process.env}
  afterEach(() => {
    process.env = {...savedEnv}
  })

  it('builds a folder, mirroring its tree under the output folder', async () => {
    const dir = tempDir({'notes/2019/march.md': good('March'), 'notes/2020/april.md': good('April')})
    const summary = await build(['notes'], {cwd: dir, outDir: 'out', formats: ['html', 'md', 'json']})
    expect(summary.exitCode).toBe(0)
    expect(listFiles(path.join(dir, 'out'))).toEqual(['2019/march.html', '2019/march.json', '2019/march.md', '2020/april.html', '2020/april.json', '2020/april.md'])
    expect(fs.readFileSync(path.join(dir, 'out/2019/march.md'), 'utf8')).not.toContain('Jane')
  })

  it('isolates a failure: the good files are built, the run exits 1', async () => {
    const dir = tempDir({'a.md': good('A'), 'b.md': '---\ntitle: [unclosed\n---\n\n- note\n', 'c.md': good('C')})
    const summary = await build(['a.md', 'b.md', 'c.md'], {cwd: dir, formats: ['html']})
    expect(summary.exitCode).toBe(1)
    expect(summary.files.map((file) => file.status)).toEqual(['built', 'failed', 'built'])
    expect(summary.files[1]!.diagnostics[0]).toMatchObject({file: 'b.md', line: 2, severity: 'error', rule: 'front-matter'})
    expect(listFiles(path.join(dir, 'out'))).toEqual(['a.html', 'c.html'])
  })

  it('never leaves temporary files behind', async () => {
    const dir = tempDir({'a.md': good('A')})
    await build(['a.md'], {cwd: dir, formats: ['html', 'md', 'json']})
    expect(listFiles(path.join(dir, 'out')).some((name) => name.includes('.tmp'))).toBe(false)
  })

  it('refuses to write an output over a notes file, and touches nothing', async () => {
    const dir = tempDir({'notes.md': good('A')})
    const before = fs.readFileSync(path.join(dir, 'notes.md'), 'utf8')
    await expect(build(['notes.md'], {cwd: dir, outDir: '.', formats: ['md']})).rejects.toThrow('Refusing to write `md` output over the notes file `notes.md`')
    expect(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8')).toBe(before)
  })

  // The anonymiser never sees brand text, so a brand footer that names a participant is a leak only the audit can catch.
  it('refuses to write a report that names a participant (exit 3), writing nothing', async () => {
    const dir = tempDir({
      'leak.md': '---\ntitle: T\nattendees: [Jane Smith]\nbrand: brand/\n---\n\n## Barriers\n\n- Money is tight everywhere\n',
      'brand/brand.yaml': 'name: Civic Futures\nfooter: Written up by Jane Smith\n',
    })
    const summary = await build(['leak.md'], {cwd: dir, formats: ['html', 'md']})
    expect(summary.exitCode).toBe(3)
    expect(summary.files[0]!.diagnostics.find((diagnostic) => diagnostic.rule === 'audit')).toMatchObject({severity: 'error', message: expect.stringMatching(/not in the notes' text — remove it from the brand, theme or profile/)})
    expect(JSON.stringify(summary)).not.toContain('Jane')
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false)
  })


  it('writes the HTML and fails the PDF with install advice when there is no browser', async () => {
    process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chrome'
    const dir = tempDir({'a.md': good('A')})
    const summary = await build(['a.md'], {cwd: dir, formats: ['html', 'pdf']})
    expect(summary.exitCode).toBe(1)
    expect(listFiles(path.join(dir, 'out'))).toEqual(['a.html'])
    expect(summary.files[0]!.diagnostics.at(-1)!.message).toMatch(/Cannot find the browser that PUPPETEER_EXECUTABLE_PATH points to/)
  })

  it('warns about an image that does not exist, and still builds', async () => {
    const dir = tempDir({'a.md': '---\ntitle: T\n---\n\n## Barriers\n\n- ![whiteboard](img/missing.jpg) money is tight\n'})
    const summary = await build(['a.md'], {cwd: dir, formats: ['html']})
    expect(summary.exitCode).toBe(0)
    expect(summary.files[0]!.diagnostics).toContainEqual(expect.objectContaining({rule: 'missing-image', severity: 'warning', line: 7}))
  })
  it('writes the confidential review page to its own folder, not beside the public report', async () => {
    const dir = tempDir({'a.md': good('A')})
    const summary = await build(['a.md'], {cwd: dir, formats: ['html'], reviewDir: 'exchange-review'})
    expect(summary.exitCode).toBe(0)
    expect(listFiles(path.join(dir, 'out'))).toEqual(['a.html'])
    const review = fs.readFileSync(path.join(dir, 'exchange-review/a.review.html'), 'utf8')
    expect(review).toContain('CONFIDENTIAL')
    expect(review).toMatch(/<del>Jane<\/del>/)
  })
})
