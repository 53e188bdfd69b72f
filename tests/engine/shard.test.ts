import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/engine/batch.js'
import {manifestName} from '../../src/engine/manifest.js'
import {parseShard, shardOf} from '../../src/engine/shard.js'
import {archive, cli, listFiles, readManifest} from './helpers.js'

describe('--shard I/N', () => {
  it('parses I/N and refuses anything else', () => {
    expect(parseShard('2/3')).toEqual({index: 2, total: 3})
    expect(parseShard(' 1 / 1 ')).toEqual({index: 1, total: 1})
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/3/2', '-1/3']) expect(() => parseShard(bad)).toThrow(/expected `I\/N` with 1 ≤ I ≤ N/)
  })

  it('puts a path in the same shard whatever the machine or the other files', () => {
    expect(shardOf('2019/2019-03-12-housing-0001', 4)).toBe(shardOf('2019/2019-03-12-housing-0001', 4))
    // Pinned: a change of hash would move files between CI jobs (and their caches).
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => shardOf(name, 3))).toEqual([3, 1, 3, 2, 3, 1])
  })

  it('1/3 + 2/3 + 3/3 cover every file exactly once, each shard with its own manifest', async () => {
    const dir = archive(24)
    const shards = []
    for (const index of [1, 2, 3]) shards.push(await build(['notes'], {cwd: dir, formats: ['md'], shard: `${index}/3`}))
    const built = shards.flatMap((summary) => summary.files.map((file) => file.input))
    expect(built.length).toBe(24)
    expect(new Set(built).size).toBe(24)
    for (const summary of shards) {
      expect(summary.files.length).toBeGreaterThan(2) // a fair split of 24, not all in one
      expect(summary.exitCode).toBe(0)
    }
    expect(listFiles(path.join(dir, 'out')).length).toBe(24)
    const manifests = fs.readdirSync(path.join(dir, 'out')).filter((name) => name.startsWith('.exchange-manifest')).sort()
    expect(manifests).toEqual(['.exchange-manifest.shard-1-of-3.json', '.exchange-manifest.shard-2-of-3.json', '.exchange-manifest.shard-3-of-3.json'])

    // A shard run again skips its own files; a whole run reads every shard manifest and skips everything.
    expect((await build(['notes'], {cwd: dir, formats: ['md'], shard: '2/3'})).skipped).toBe(shards[1]!.files.length)
    const whole = await build(['notes'], {cwd: dir, formats: ['md']})
    expect(whole).toMatchObject({skipped: 24, built: 0})
  })

  it('merge-manifests folds the shard manifests into the main one', async () => {
    const dir = archive(9)
    for (const index of [1, 2, 3]) await build(['notes'], {cwd: dir, formats: ['md'], shard: {index, total: 3}})
    const run = await cli(['merge-manifests', 'out'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toBe(`9 reports from 3 manifests → ${path.join('out', manifestName)}\n`)
    expect(fs.readdirSync(path.join(dir, 'out')).filter((name) => name.startsWith('.exchange-manifest'))).toEqual([manifestName])
    expect(Object.keys(readManifest(path.join(dir, 'out')).reports).length).toBe(9)
    expect((await build(['notes'], {cwd: dir, formats: ['md']})).skipped).toBe(9)
  })

  it('merge-manifests exits 2 on a folder with no manifests', async () => {
    const dir = archive(1)
    const run = await cli(['merge-manifests', 'notes'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^notes {2}error {2}Cannot find manifests in `notes`/)
  })

  it('the CLI refuses a malformed --shard with exit 2', async () => {
    const dir = archive(1)
    const run = await cli(['build', 'notes', '--shard', '4/3'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Unexpected shard `4\/3`/)
  })
})
