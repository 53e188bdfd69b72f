/**
 * Expand what the user named — files, folders, globs — into notes files,
 * each with the path its outputs take under `-o` (mirroring the input tree).
 *
 * Safety at this boundary:
 * - an output path never leaves the output folder (no `..`, however the
 *   glob was written);
 * - in a folder, a symbolic link is followed only inside that folder (a
 *   notes file that is a link out of it is kept as that link, which
 *   `readNotes` refuses for that file alone; a folder out of it is not
 *   walked); a glob follows no link;
 * - the same file reached twice (a link to a note beside it) is built once;
 * - the output and review folders, when inside a folder or glob named, are
 *   left out of it: a build never reads its own `.md` output back as notes;
 * - two notes files that would write the same report are refused up front.
 */
import fs from 'node:fs'
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {UsageError} from '../errors.js'
import {isInside} from './read.js'

export interface NotesInput {
  /**
   * Absolute path of the notes file to read: for a link inside its root, the
   * file it points to; for a notes file that is a link out of its root, that
   * link (`readNotes` refuses it).
   */
  path: string
  /** Path as shown in messages (relative to cwd where possible). */
  display: string
  /** Output path without extension, relative to the output folder: `2019/march-workshop`. */
  output: string
  /**
   * The input root the file was found in: the folder named, the fixed part
   * of the glob, or the file's own folder. A symbolic link is only followed
   * inside it: pass it to `readNotes` as `{root}`.
   */
  root?: string
}

export interface ExpandOptions {
  /**
   * Folders whose files are never inputs, unless named one by one: the
   * output and review folders, so a build never reads back its own `.md` output.
   */
  exclude?: string[]
}

const notesExtension = /\.(?:md|markdown)$/i
const ignore = ['**/node_modules/**', '**/.git/**']

interface Candidate {
  /** Absolute path as found (through links, if any). */
  found: string
  root: string
  /** The real file, when it is inside its root. */
  real?: string
  /** A notes file that is a link out of its root (or to nothing): that link, which `readNotes` refuses. */
  escape?: string
}

export async function expandInputs(patterns: string[], cwd = process.cwd(), options: ExpandOptions = {}): Promise<NotesInput[]> {
  if (patterns.length === 0) throw new UsageError('Missing notes to build', {rule: 'usage', hint: 'give a notes file, a folder or a glob, e.g. `exchange build notes.md`'})
  const excluded = (options.exclude ?? []).map((folder) => realOrResolved(path.resolve(cwd, folder)))
  const candidates: Candidate[] = []

  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern)
    const stat = fs.statSync(absolute, {throwIfNoEntry: false})
    if (stat?.isDirectory()) {
      const found = walk(absolute).filter((candidate) => !isExcluded(candidate, within(excluded, absolute)))
      if (found.length === 0) {
        throw new UsageError(`Cannot find notes in folder \`${pattern}\``, {file: pattern, rule: 'input', hint: 'notes files end in .md; give a file, or a folder that has some'})
      }
      candidates.push(...found)
      continue
    }
    if (stat) {
      // A file named on its own is read wherever it is: the user chose it. (A pipe or device is refused by `readNotes`.)
      // Its root is the folder of the file itself, so `readNotes` follows a link named this way.
      const real = realOrUndefined(absolute) ?? absolute
      candidates.push({found: absolute, root: path.dirname(real), real})
      continue
    }
    if (isDynamicPattern(pattern)) {
      // A glob matches files as they are: it follows no link (name the folder to follow the links inside it).
      const files = (await glob(pattern, {cwd, ignore, absolute: true, dot: false, followSymbolicLinks: false})).filter((file) => notesExtension.test(file)).sort()
      // The root is the glob's fixed part, widened if `..` after a wildcard took a match above it.
      const root = commonFolder([path.resolve(cwd, staticBase(pattern)), ...files.map((file) => path.dirname(file))])
      const found = files
        .filter((file) => !fs.lstatSync(file, {throwIfNoEntry: false})?.isSymbolicLink())
        .map((file): Candidate => ({found: file, root, real: realOrUndefined(file) ?? file}))
        .filter((candidate) => !isExcluded(candidate, within(excluded, root)))
      if (found.length === 0) throw new UsageError(`Cannot find notes matching \`${pattern}\``, {rule: 'input', hint: 'check the pattern; quote it so the shell does not expand it'})
      candidates.push(...found)
      continue
    }
    throw new UsageError(`Cannot find \`${pattern}\``, {file: pattern, rule: 'input', hint: 'check the path of the notes file or folder'})
  }

  // The same file reached twice (named twice, or a link to a note beside it) is built once,
  // under the name of the file that is not a link.
  const keyOf = (candidate: Candidate) => candidate.real ?? candidate.escape ?? candidate.found
  const chosen = new Map<string, Candidate>()
  for (const candidate of candidates) {
    const key = keyOf(candidate)
    const current = chosen.get(key)
    if (!current || (isLink(current) && !isLink(candidate))) chosen.set(key, candidate)
  }
  const inputs: NotesInput[] = []
  for (const candidate of candidates) {
    if (chosen.get(keyOf(candidate)) !== candidate) continue
    inputs.push({
      path: readPath(candidate),
      display: displayPath(candidate.found, cwd),
      output: outputPath(candidate.found, candidate.root),
      root: candidate.root,
    })
  }
  refuseCollisions(inputs)
  return inputs
}

/**
 * What `readNotes` is given: the file as found, or — when the file itself is
 * a link — the file it points to; for a notes file that is a link out of its
 * root, the link, which `readNotes` refuses even without `{root}`.
 */
function readPath(candidate: Candidate): string {
  if (candidate.escape) return candidate.escape
  if (candidate.real && fs.lstatSync(candidate.found, {throwIfNoEntry: false})?.isSymbolicLink()) return candidate.real
  return candidate.found
}

/**
 * The notes files in a folder, in path order, leaving out hidden files and
 * folders and `node_modules`. A link to a folder is followed only when the
 * folder is inside `root` (each real folder once, so a loop ends); a link
 * out of it is not followed, and nothing outside is listed. A notes file
 * that is a link out of `root`, or to nothing, is kept as that link, to be
 * refused on its own.
 */
function walk(root: string): Candidate[] {
  const realRoot = realOrResolved(root)
  const found: Candidate[] = []
  const visited = new Set<string>()
  const visit = (folder: string, realFolder: string) => {
    if (visited.has(realFolder)) return
    visited.add(realFolder)
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(folder, {withFileTypes: true})
    } catch {
      return
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) {
        visit(full, path.join(realFolder, entry.name))
        continue
      }
      if (entry.isSymbolicLink()) {
        const real = realOrUndefined(full)
        const target = real === undefined ? undefined : fs.statSync(real, {throwIfNoEntry: false})
        if (target?.isDirectory()) {
          if (isInside(real!, realRoot)) visit(full, real!)
          continue
        }
        if (!notesExtension.test(entry.name)) continue
        found.push(real !== undefined && target?.isFile() && isInside(real, realRoot) ? {found: full, root, real} : {found: full, root, escape: full})
        continue
      }
      if (notesExtension.test(entry.name)) found.push({found: full, root, real: path.join(realFolder, entry.name)})
    }
  }
  visit(root, realRoot)
  return found.sort((a, b) => (a.found < b.found ? -1 : a.found > b.found ? 1 : 0))
}

function isLink(candidate: Candidate): boolean {
  return candidate.real !== candidate.found
}

/**
 * The excluded folders that lie inside `root` (real paths): an output folder
 * inside the notes folder is left out of it, but a folder that is the output
 * folder, or inside it, is walked when named, as the user asked.
 */
function within(excluded: string[], root: string): string[] {
  const realRoot = realOrResolved(root)
  return excluded.filter((folder) => !isInside(realRoot, folder))
}

function isExcluded(candidate: Candidate, excluded: string[]): boolean {
  const file = candidate.real ?? candidate.found
  return excluded.some((folder) => isInside(file, folder))
}

function realOrUndefined(file: string): string | undefined {
  try {
    return fs.realpathSync(file)
  } catch {
    return undefined
  }
}

function realOrResolved(file: string): string {
  return realOrUndefined(file) ?? path.resolve(file)
}

/**
 * Where a file's outputs go, relative to the output folder: its path under
 * its root, without the extension. Never outside the output folder.
 */
export function outputPath(file: string, root: string): string {
  const relative = path.relative(root, file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    // Not under its root (cannot happen for a root from `expandInputs`): keep the name only.
    return safeName(path.basename(file))
  }
  return relative
    .split(path.sep)
    .map((part, index, parts) => (index === parts.length - 1 ? safeName(part) : part))
    .join('/')
}

/** A file name without its notes extension, never empty and never `.` or `..`. */
function safeName(name: string): string {
  const stem = name.replace(notesExtension, '')
  return stem === '' || stem === '.' || stem === '..' ? `${stem.replace(/\./g, '_')}_notes` : stem
}

/** Two notes files that would write the same report: refuse before anything is written. */
function refuseCollisions(inputs: NotesInput[]): void {
  const seen = new Map<string, NotesInput>()
  for (const input of inputs) {
    // Case-insensitive: on macOS and Windows `Notes` and `notes` are the same file.
    const key = input.output.toLowerCase()
    const other = seen.get(key)
    if (other) {
      throw new UsageError(`Unexpected notes files \`${other.display}\` and \`${input.display}\` that would both write the report \`${input.output}\``, {
        file: input.display,
        rule: 'input',
        hint: 'rename one of them, or build them from their common folder so the outputs mirror it',
      })
    }
    seen.set(key, input)
  }
}

/** The deepest folder that holds every one of `folders` (absolute). */
export function commonFolder(folders: string[]): string {
  let common = folders[0]!
  for (const folder of folders.slice(1)) {
    while (!isInside(folder, common)) {
      const parent = path.dirname(common)
      if (parent === common) break
      common = parent
    }
  }
  return common
}

/** The folder part of a glob before its first wildcard: `notes/2019/*.md` → `notes/2019`. */
export function staticBase(pattern: string): string {
  const parts = pattern.split('/')
  const fixed: string[] = []
  for (const part of parts) {
    if (isDynamicPattern(part)) break
    fixed.push(part)
  }
  if (fixed.length === parts.length) fixed.pop()
  return fixed.join('/') || (pattern.startsWith('/') ? '/' : '.')
}

function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute)
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative
}
