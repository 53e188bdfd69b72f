/**
 * Expand what the user named — files, folders, globs — into notes files,
 * each with the path its outputs take under `-o` (mirroring the input tree).
 */
import fs from 'node:fs'
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {UsageError} from '../errors.js'

export interface NotesInput {
  /** Absolute path of the notes file. */
  path: string
  /** Path as shown in messages (relative to cwd where possible). */
  display: string
  /** Output path without extension, relative to the output folder: `2019/march-workshop`. */
  output: string
}

const notesExtensions = ['md', 'markdown']
const ignore = ['**/node_modules/**', '**/.git/**']

export async function expandInputs(patterns: string[], cwd = process.cwd()): Promise<NotesInput[]> {
  if (patterns.length === 0) throw new UsageError('Missing notes to build', {rule: 'usage', hint: 'give a notes file, a folder or a glob, e.g. `exchange build notes.md`'})
  const found = new Map<string, NotesInput>()
  const add = (file: string, root: string) => {
    const absolute = path.resolve(cwd, file)
    if (found.has(absolute)) return
    const relative = path.relative(root, absolute)
    found.set(absolute, {
      path: absolute,
      display: displayPath(absolute, cwd),
      output: relative.replace(/\.(?:md|markdown)$/i, '').split(path.sep).join('/'),
    })
  }

  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern)
    const stat = fs.statSync(absolute, {throwIfNoEntry: false})
    if (stat?.isFile()) {
      add(absolute, path.dirname(absolute))
      continue
    }
    if (stat?.isDirectory()) {
      const files = await glob(`**/*.{${notesExtensions.join(',')}}`, {cwd: absolute, ignore, absolute: true, dot: false, followSymbolicLinks: false})
      if (files.length === 0) {
        throw new UsageError(`Cannot find notes in folder \`${pattern}\``, {file: pattern, rule: 'input', hint: 'notes files end in .md; give a file, or a folder that has some'})
      }
      for (const file of files.sort()) add(file, absolute)
      continue
    }
    if (isDynamicPattern(pattern)) {
      const files = await glob(pattern, {cwd, ignore, absolute: true, dot: false, followSymbolicLinks: false})
      const notes = files.filter((file) => /\.(?:md|markdown)$/i.test(file)).sort()
      if (notes.length === 0) throw new UsageError(`Cannot find notes matching \`${pattern}\``, {rule: 'input', hint: 'check the pattern; quote it so the shell does not expand it'})
      const base = path.resolve(cwd, staticBase(pattern))
      for (const file of notes) add(file, base)
      continue
    }
    throw new UsageError(`Cannot find \`${pattern}\``, {file: pattern, rule: 'input', hint: 'check the path of the notes file or folder'})
  }
  return [...found.values()]
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
  return fixed.join('/') || '.'
}

function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute)
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative
}
