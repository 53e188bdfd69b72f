import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/engine/batch.js'
import {manifestName, mergeManifests, optionsKey} from '../../src/engine/manifest.js'
import {version} from '../../src/version.js'
import {archive, brandFiles, brokenNotes, listFiles, notes, readManifest, rewrite, tempDir} from './helpers.js'

const html = ['html'] as const

describe('skip unchanged', () => {
  it('skips every report on a second run, and rebuilds none of them', async () => {
    const dir = archive(5)
    const first = await build(['notes'], {cwd: dir, formats: html})
    expect(first).toMatchObject({built: 5, skipped: 0, exitCode: 0})
    const written = fs.statSync(path.join(dir, 'out/2016/report-01.html')).mtimeMs

    const second = await build(['notes'], {cwd: dir, formats: html})
    expect(second).toMatchObject({built: 0, skipped: 5, failed: 0, exitCode: 0, browser: false})
    expect(second.files.every((file) => file.status === 'skipped')).toBe(true)
    expect(second.files.find((file) => file.input.endsWith('report-01.md'))!.outputs).toEqual([path.join(dir, 'out/2016/report-01.html')])
    expect(fs.statSync(path.join(dir, 'out/2016/report-01.html')).mtimeMs).toBe(written)
  })

  it('rebuilds only the notes file that changed', async () => {
    const dir = archive(4)
    await build(['notes'], {cwd: dir, formats: html})
    rewrite(path.join(dir, 'notes/2017/report-02.md'), notes('Report 2, revised'))
    const summary = await build(['notes'], {cwd: dir, formats: html})
    expect(summary.files.filter((file) => file.status === 'built').map((file) => file.input)).toEqual([path.join('notes', '2017', 'report-02.md')])
    expect(summary.skipped).toBe(3)
    expect(fs.readFileSync(path.join(dir, 'out/2017/report-02.html'), 'utf8')).toContain('Report 2, revised')
  })

  it('rebuilds everything when the brand changes, even a logo the brand.yaml names', async () => {
    const dir = tempDir({...brandFiles(), 'notes/a.md': notes('A'), 'notes/b.md': notes('B'), 'notes/c.md': notes('C')})
    const options = {cwd: dir, formats: html, brand: 'brand'}
    expect((await build(['notes'], options)).built).toBe(3)
    expect((await build(['notes'], options)).skipped).toBe(3)

    rewrite(path.join(dir, 'brand/brand.yaml'), 'name: Renamed Network\nlogo: logo.svg\n')
    const rebranded = await build(['notes'], options)
    expect(rebranded).toMatchObject({built: 3, skipped: 0})
    expect(fs.readFileSync(path.join(dir, 'out/a.html'), 'utf8')).toContain('Renamed Network')

    rewrite(path.join(dir, 'brand/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"/>')
    expect((await build(['notes'], options)).built).toBe(3)
  })

  it('rebuilds everything when the profile, the theme or the attendees file changes', async () => {
    const profile = fs.readFileSync(path.join(import.meta.dirname, '../../templates/profiles/insights-report.yaml'), 'utf8')
    const dir = tempDir({'notes/a.md': notes('A'), 'notes/b.md': notes('B'), 'profile.yaml': profile, 'sign-in.csv': 'name\nKezia Black\n'})
    const options = {cwd: dir, formats: html, profile: 'profile.yaml', attendeesFile: 'sign-in.csv'}
    expect((await build(['notes'], options)).built).toBe(2)
    expect((await build(['notes'], options)).skipped).toBe(2)
    rewrite(path.join(dir, 'profile.yaml'), `${profile}\n# edited\n`)
    expect((await build(['notes'], options)).built).toBe(2)
    rewrite(path.join(dir, 'sign-in.csv'), 'name\nKezia Black\nPriya Natarajan\n')
    expect((await build(['notes'], options)).built).toBe(2)
    expect((await build(['notes'], {...options, attendeesFile: undefined})).built).toBe(2)
  })

  it('rebuilds when an option that changes the report changes (--strict), not when only the formats shrink', async () => {
    const dir = archive(2)
    await build(['notes'], {cwd: dir, formats: ['html', 'md']})
    expect((await build(['notes'], {cwd: dir, formats: ['md']})).skipped).toBe(2)
    expect((await build(['notes'], {cwd: dir, formats: ['md', 'json']})).built).toBe(2)
    expect((await build(['notes'], {cwd: dir, formats: ['md'], strict: true})).built).toBe(2)
  })

  it('rebuilds a report whose output is missing or was changed, even though the manifest says it is fresh', async () => {
    const dir = archive(3)
    await build(['notes'], {cwd: dir, formats: ['html', 'md']})
    fs.rmSync(path.join(dir, 'out/2016/report-01.md'))
    fs.appendFileSync(path.join(dir, 'out/2017/report-02.html'), '<!-- edited by hand -->')
    const summary = await build(['notes'], {cwd: dir, formats: ['html', 'md']})
    expect(summary.files.map((file) => [file.input.split(path.sep).pop(), file.status])).toEqual([
      ['report-01.md', 'built'],
      ['report-02.md', 'built'],
      ['report-03.md', 'skipped'],
    ])
    expect(fs.existsSync(path.join(dir, 'out/2016/report-01.md'))).toBe(true)
  })

  it('keeps the confidential review page in the bargain: skipped with its report, rebuilt when it is missing', async () => {
    const dir = archive(2)
    const options = {cwd: dir, formats: html, reviewDir: 'review'}
    await build(['notes'], options)
    expect(listFiles(path.join(dir, 'review'))).toEqual(['2016/report-01.review.html', '2017/report-02.review.html'])
    expect((await build(['notes'], options)).skipped).toBe(2)
    fs.rmSync(path.join(dir, 'review/2017/report-02.review.html'))
    expect((await build(['notes'], options)).files.map((file) => file.status)).toEqual(['skipped', 'built'])
    expect((await build(['notes'], {cwd: dir, formats: html})).skipped).toBe(2)
  })

  it('rebuilds with explain, to say where each note went', async () => {
    const dir = archive(1)
    await build(['notes'], {cwd: dir, formats: html})
    const explained = await build(['notes'], {cwd: dir, formats: html, explain: true})
    expect(explained.files[0]).toMatchObject({status: 'built', placements: expect.arrayContaining([expect.objectContaining({line: 8})])})
  })

  it('rebuilds everything with force', async () => {
    const dir = archive(3)
    await build(['notes'], {cwd: dir, formats: html})
    expect((await build(['notes'], {cwd: dir, formats: html, force: true})).built).toBe(3)
  })

  it('rebuilds a report when a missing image it points to appears', async () => {
    const dir = tempDir({'notes/a.md': notes('A', '- ![whiteboard](img/board.png) the board #challenge\n'), 'notes/b.md': notes('B')})
    const first = await build(['notes'], {cwd: dir, formats: html})
    expect(first.files[0]!.diagnostics).toContainEqual(expect.objectContaining({rule: 'missing-image'}))
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
    fs.mkdirSync(path.join(dir, 'notes/img'))
    fs.writeFileSync(path.join(dir, 'notes/img/board.png'), png)
    const second = await build(['notes'], {cwd: dir, formats: html})
    expect(second.files.map((file) => file.status)).toEqual(['built', 'skipped'])
    expect(fs.readFileSync(path.join(dir, 'out/a.html'), 'utf8')).toContain('data:image/png;base64,')
  })
})

describe('the manifest', () => {
  it('lists each report with its inputs and outputs, relative to the output folder', async () => {
    const dir = archive(2)
    await build(['notes'], {cwd: dir, formats: ['html', 'md']})
    const manifest = readManifest(path.join(dir, 'out'))
    expect(Object.keys(manifest.reports).sort()).toEqual(['2016/report-01', '2017/report-02'])
    const entry = manifest.reports['2016/report-01']!
    expect(Object.keys(entry.outputs).sort()).toEqual(['2016/report-01.html', '2016/report-01.md'])
    expect(entry.outputs['2016/report-01.html']).toBe(fs.statSync(path.join(dir, 'out/2016/report-01.html')).size)
    expect(Object.keys(entry.deps)).toContain('f:../notes/2016/report-01.md')
  })

  it('never records a report that was not written: a failed rebuild keeps the previous good report and is retried', async () => {
    const dir = archive(2)
    await build(['notes'], {cwd: dir, formats: html})
    const good = fs.readFileSync(path.join(dir, 'out/2016/report-01.html'), 'utf8')

    rewrite(path.join(dir, 'notes/2016/report-01.md'), brokenNotes)
    const broken = await build(['notes'], {cwd: dir, formats: html})
    expect(broken.files.map((file) => file.status)).toEqual(['failed', 'skipped'])
    expect(broken.exitCode).toBe(1)
    expect(fs.readFileSync(path.join(dir, 'out/2016/report-01.html'), 'utf8')).toBe(good)
    expect(Object.keys(readManifest(path.join(dir, 'out')).reports)).toEqual(['2017/report-02'])

    // Still broken: tried again (and fails again), never skipped.
    expect((await build(['notes'], {cwd: dir, formats: html})).files[0]!.status).toBe('failed')
    rewrite(path.join(dir, 'notes/2016/report-01.md'), notes('Report 1, fixed'))
    expect((await build(['notes'], {cwd: dir, formats: html})).files[0]!.status).toBe('built')
  })

  it('does not record a report whose PDF failed, though its other formats were written', async () => {
    const dir = archive(1)
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH
    process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chrome'
    try {
      const summary = await build(['notes'], {cwd: dir, formats: ['html', 'pdf']})
      expect(summary.files[0]).toMatchObject({status: 'failed', exitCode: 1})
      expect(summary.files[0]!.diagnostics.at(-1)).toMatchObject({rule: 'browser'})
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved
    }
    expect(listFiles(path.join(dir, 'out'))).toEqual(['2016/report-01.html'])
    const manifestFile = path.join(dir, 'out', manifestName)
    expect(fs.existsSync(manifestFile) ? Object.keys(readManifest(path.join(dir, 'out')).reports) : []).toEqual([])
  })

  it('treats an unreadable manifest as empty: everything is rebuilt', async () => {
    const dir = archive(2)
    await build(['notes'], {cwd: dir, formats: html})
    fs.writeFileSync(path.join(dir, 'out', manifestName), '{"reports": ')
    expect((await build(['notes'], {cwd: dir, formats: html})).built).toBe(2)
    expect((await build(['notes'], {cwd: dir, formats: html})).skipped).toBe(2)
  })

  it('removes the temporary files a killed run left behind, and only those', async () => {
    const dir = archive(1, {'out/2016/.report-01.html.999999.0123abcd.tmp': 'half a rep', 'out/.keep.tmp': 'not ours'})
    await build(['notes'], {cwd: dir, formats: html})
    expect(listFiles(path.join(dir, 'out'))).toEqual(['.keep.tmp', '2016/report-01.html'])
  })

  it('merges manifests from other folders, rebasing their paths', async () => {
    const dir = archive(2)
    await build(['notes/2016'], {cwd: dir, formats: html, outDir: 'out-a'})
    await build(['notes/2017'], {cwd: dir, formats: html, outDir: 'out'})
    const result = await mergeManifests(path.join(dir, 'out'), [path.join(dir, 'out-a')])
    expect(result.reports).toBe(2)
    const merged = readManifest(path.join(dir, 'out'))
    expect(Object.keys(merged.reports['report-01']!.outputs)).toEqual(['../out-a/report-01.html'])
    expect(Object.keys(merged.reports['report-01']!.deps)).toContain('f:../notes/2016/report-01.md')
  })
})

describe('optionsKey', () => {
  const options = {strict: false, attendees: 'people.csv', brand: undefined, theme: 'theme', profile: 'insights-report'}

  it('does not depend on the order the options are given in', () => {
    expect(optionsKey({profile: 'insights-report', theme: 'theme', brand: undefined, attendees: 'people.csv', strict: false})).toBe(optionsKey(options))
  })

  it('is the key earlier versions wrote for the same options (their manifests stay valid)', () => {
    // Earlier versions sorted the names with localeCompare.
    const sorted = Object.fromEntries(Object.entries({exchange: version, ...options}).sort(([a], [b]) => a.localeCompare(b)))
    expect(optionsKey(options)).toBe(createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32))
  })
})
