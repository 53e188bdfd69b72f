import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {BuildSummary} from '../../src/engine/batch.js'
import {watchBuild} from '../../src/engine/watch.js'
import {archive, brandFiles, notes, rewrite, tempDir} from './helpers.js'

/** Wait until `check` passes (polling), or fail after `ms`. */
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('watchBuild', () => {
  it('builds, then rebuilds only what changed, debounced, reporting each rebuild', async () => {
    const dir = tempDir({...brandFiles(), 'notes/a.md': notes('A'), 'notes/b.md': notes('B')})
    const builds: Array<{summary: BuildSummary; changed: string[]}> = []
    const watcher = await watchBuild(['notes'], {cwd: dir, formats: ['md'], brand: 'brand', debounce: 50, onBuild: (summary, changed) => builds.push({summary, changed})})
    try {
      expect(builds).toHaveLength(1)
      expect(builds[0]!.summary).toMatchObject({built: 2})
      expect(watcher.watched()).toEqual(expect.arrayContaining([path.join(dir, 'notes'), path.join(dir, 'brand')]))

      // Three quick saves make one rebuild, of the one file that changed.
      for (const version of [1, 2, 3]) rewrite(path.join(dir, 'notes/a.md'), notes(`A, version ${version}`))
      await until(() => builds.length === 2)
      await watcher.idle()
      expect(builds).toHaveLength(2)
      expect(builds[1]!.summary).toMatchObject({built: 1, skipped: 1})
      expect(builds[1]!.changed).toContain(path.join('notes', 'a.md'))
      expect(fs.readFileSync(path.join(dir, 'out/a.md'), 'utf8')).toContain('version 3')

      // The brand: everything.
      rewrite(path.join(dir, 'brand/brand.yaml'), 'name: Renamed Network\n')
      await until(() => builds.length === 3)
      expect(builds[2]!.summary).toMatchObject({built: 2, skipped: 0})

      // A new notes file in a watched folder is built.
      fs.writeFileSync(path.join(dir, 'notes/c.md'), notes('C'))
      await until(() => builds.length === 4)
      expect(builds[3]!.summary).toMatchObject({built: 1, skipped: 2})
    } finally {
      await watcher.close()
    }
  })

  it('does not rebuild on its own output, even inside the watched folder', async () => {
    const dir = archive(1)
    const builds: BuildSummary[] = []
    const watcher = await watchBuild(['notes'], {cwd: dir, formats: ['md'], outDir: 'notes/out', debounce: 50, onBuild: (summary) => builds.push(summary)})
    try {
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect(builds).toHaveLength(1)
    } finally {
      await watcher.close()
    }
  })

  it('reports a build that cannot run, and keeps watching', async () => {
    const dir = tempDir({'notes/a.md': notes('A')})
    const errors: unknown[] = []
    const builds: BuildSummary[] = []
    const watcher = await watchBuild(['notes'], {cwd: dir, formats: ['md'], debounce: 50, onBuild: (summary) => builds.push(summary), onError: (error) => errors.push(error)})
    try {
      fs.rmSync(path.join(dir, 'notes/a.md'))
      await until(() => errors.length === 1)
      expect(String(errors[0])).toMatch(/Cannot find notes in folder `notes`/)
      fs.writeFileSync(path.join(dir, 'notes/b.md'), notes('B'))
      await until(() => builds.length === 2)
      expect(builds[1]).toMatchObject({built: 1})
    } finally {
      await watcher.close()
    }
  })
})
