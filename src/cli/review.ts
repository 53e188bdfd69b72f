/**
 * Where `--review` writes the facilitator's page. It shows the notes with the
 * real names beside their replacements: confidential. So, by default, it goes
 * to the user's cache folder (outside any project, where `git add .` never
 * sees it), and a folder given inside a git work tree is refused unless git
 * ignores it.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {UsageError} from '../errors.js'

/** The user's cache folder for exchange, as each platform names it. */
export function userCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'exchange', 'Cache')
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'exchange')
  return path.join(env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache'), 'exchange')
}

/** The git work tree `folder` is in (the nearest folder above it holding `.git`), if any. */
export function gitWorkTree(folder: string): string | undefined {
  let current = path.resolve(folder)
  for (;;) {
    if (fs.existsSync(path.join(current, '.git'))) return current
    const parent = path.dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

/** Whether git ignores `folder` (`git check-ignore`); without git, it is not known to be ignored. */
export function gitIgnores(folder: string, workTree: string): boolean {
  const probe = path.join(folder, 'exchange.review.html')
  const result = spawnSync('git', ['check-ignore', '-q', '--no-index', probe], {cwd: workTree, stdio: 'ignore'})
  return result.status === 0
}

/** A folder in a git work tree that git would add, or undefined. */
function trackable(folder: string): string | undefined {
  const tree = gitWorkTree(folder)
  return tree && !gitIgnores(folder, tree) ? tree : undefined
}

/**
 * The folder the review pages go to: the one given (refused inside a git work
 * tree unless git ignores it), else `review/` in the user cache folder (or,
 * should that be in a work tree, a private folder under the system's
 * temporary folder).
 */
export function reviewFolder(given: string | true, options: {cwd: string; env: NodeJS.ProcessEnv}): string {
  if (given !== true) {
    const folder = path.resolve(options.cwd, given)
    const tree = trackable(folder)
    if (tree) {
      throw new UsageError(`Unexpected --review folder \`${given}\` inside the git work tree ${tree}: the review page shows participants' real names, and \`git add\` would pick it up`, {
        rule: 'review',
        hint: `add the folder to .gitignore, give a folder outside the work tree, or give --review alone to write to ${path.join(userCacheDir(options.env), 'review')}`,
      })
    }
    return folder
  }
  const cache = path.join(userCacheDir(options.env), 'review')
  if (!trackable(cache)) return cache
  return path.join(os.tmpdir(), `exchange-review-${os.userInfo().username}`)
}
