import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {userCacheDir} from '../../src/cli/review.js'
import {cleanEnv, cli, listFiles, notes, tempDir} from '../engine/helpers.js'

/** A git work tree holding one notes file; a user cache folder outside it. */
function project(files: Record<string, string> = {}) {
  const dir = tempDir({'a.md': notes('A'), ...files})
  expect(spawnSync('git', ['init', '-q'], {cwd: dir}).status).toBe(0)
  const cache = tempDir()
  return {dir, cache, env: cleanEnv({XDG_CACHE_HOME: cache})}
}

/** Every file under `dir` but git's own and the public output folder. */
function workTreeFiles(dir: string): string[] {
  return listFiles(dir).filter((file) => !file.startsWith('.git/') && !file.startsWith('out/'))
}

describe('--review keeps the confidential page out of the work tree', () => {
  it('writes to the user cache folder by default, and says where', async () => {
    const {dir, cache, env} = project()
    const before = workTreeFiles(dir)
    const run = await cli(['build', 'a.md', '-f', 'md', '--review'], dir, {env})
    expect(run.code).toBe(0)
    expect(workTreeFiles(dir)).toEqual(before)
    const review = path.join(cache, 'exchange/review/a.review.html')
    expect(fs.readFileSync(review, 'utf8')).toContain('Jane')
    expect(run.stderr).toContain(`confidential: they show real names) go to ${path.join(cache, 'exchange/review')}`)
    expect(fs.statSync(path.dirname(review)).mode & 0o077).toBe(0)
  })

  it('refuses a folder inside a git work tree that git does not ignore, writing nothing', async () => {
    const {dir, env} = project()
    const run = await cli(['build', 'a.md', '-f', 'md', '--review', 'private'], dir, {env})
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Unexpected --review folder `private` inside the git work tree .* — add the folder to \.gitignore/)
    expect(fs.existsSync(path.join(dir, 'private'))).toBe(false)
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false)
  })

  it('writes into a folder of the work tree that git ignores', async () => {
    const {dir, env} = project({'.gitignore': 'private/\n'})
    const run = await cli(['build', 'a.md', '-f', 'md', '--review', 'private'], dir, {env})
    expect(run.code).toBe(0)
    expect(listFiles(path.join(dir, 'private'))).toEqual(['a.review.html'])
  })

  it('writes into a folder given outside any work tree', async () => {
    const dir = tempDir({'a.md': notes('A')})
    const run = await cli(['build', 'a.md', '-f', 'md', '--review', 'rev'], dir)
    expect(run.code).toBe(0)
    expect(listFiles(path.join(dir, 'rev'))).toEqual(['a.review.html'])
  })

  it('names the user cache folder as each platform does', () => {
    expect(userCacheDir({XDG_CACHE_HOME: '/c'}, 'linux', '/home/u')).toBe('/c/exchange')
    expect(userCacheDir({}, 'linux', '/home/u')).toBe('/home/u/.cache/exchange')
    expect(userCacheDir({XDG_CACHE_HOME: 'relative'}, 'linux', '/home/u')).toBe('/home/u/.cache/exchange')
    expect(userCacheDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/exchange')
  })
})
