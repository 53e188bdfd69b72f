/**
 * `exchange init`: scaffold a project — a notes template with its front
 * matter documented inline, `exchange.yaml`, a brand folder and a copy of
 * the default theme to customise. It never overwrites: when any file it
 * would write exists, it writes nothing and says which.
 */
import fs from 'node:fs'
import path from 'node:path'
import {UsageError} from '../errors.js'
import {templatesDir} from '../paths.js'

export interface InitOptions {
  /** Folder paths are relative to; `process.cwd()` by default. */
  cwd?: string
}

export interface InitResult {
  /** The folder scaffolded, absolute. */
  dir: string
  /** Files written, relative to `dir`, sorted. */
  files: string[]
}

/** What `init` writes: target (relative to the project) ← source (absolute). */
export function scaffoldFiles(): Array<{target: string; source: string}> {
  const init = path.join(templatesDir, 'init')
  return [
    ...walk(init).map((source) => ({target: path.relative(init, source), source})),
    ...walk(path.join(templatesDir, 'default')).map((source) => ({target: path.join('theme', path.relative(path.join(templatesDir, 'default'), source)), source})),
  ].sort((a, b) => a.target.localeCompare(b.target))
}

export function init(dir = '.', options: InitOptions = {}): InitResult {
  const root = path.resolve(options.cwd ?? process.cwd(), dir)
  if (fs.existsSync(root) && !fs.statSync(root).isDirectory()) {
    throw new UsageError(`Cannot scaffold into \`${dir}\`: it is a file`, {file: dir, rule: 'init', hint: 'give a new or existing folder'})
  }
  const files = scaffoldFiles()
  const existing = files.filter(({target}) => fs.existsSync(path.join(root, target))).map(({target}) => target)
  if (existing.length > 0) {
    const shown = existing.slice(0, 5).map((file) => `\`${file}\``).join(', ')
    const more = existing.length > 5 ? ` and ${existing.length - 5} more` : ''
    throw new UsageError(`Refusing to overwrite ${shown}${more} in \`${dir}\`: nothing was written`, {
      file: dir,
      rule: 'init',
      hint: 'run `exchange init` in a new folder (`exchange init my-report`), or move those files away first',
    })
  }
  for (const {target, source} of files) {
    const destination = path.join(root, target)
    fs.mkdirSync(path.dirname(destination), {recursive: true})
    // COPYFILE_EXCL: even a file that appeared since the check is never overwritten.
    fs.copyFileSync(source, destination, fs.constants.COPYFILE_EXCL)
  }
  return {dir: root, files: files.map(({target}) => target)}
}

function walk(folder: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(folder, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) found.push(...walk(full))
    else found.push(full)
  }
  return found
}
