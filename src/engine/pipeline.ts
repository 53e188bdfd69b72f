/**
 * The pipeline, end to end up to the report model:
 * parse → anonymise → group, as one unified run over a vfile.
 */
import path from 'node:path'
import type {Root} from 'mdast'
import {unified} from 'unified'
import {UsageError} from '../errors.js'
import type {VFile} from 'vfile'
import remarkChathamHouse from '../anonymise/index.js'
import remarkGroup from '../group/index.js'
import {defaultProfile, loadProfile, type Profile} from '../group/profile.js'
import {parseNotes} from '../parse/index.js'
import type {Person, Report} from '../types.js'

export interface ProcessOptions {
  /** People from an `--attendees` file, added to the front matter roster. */
  attendees?: Person[]
  /** Profile name or path; overrides the front matter `profile:`. */
  profile?: string
  /** Folder that relative paths given as options are resolved from. */
  cwd?: string
}

export interface Processed {
  tree: Root
  report: Report
  profile: Profile
}

/** Run parse → anonymise → group over a notes file. Messages land on `file`. */
export function processNotes(file: VFile, options: ProcessOptions = {}): Processed {
  const tree = parseNotes(file, {attendees: options.attendees})
  const notesDir = file.dirname ? path.resolve(options.cwd ?? process.cwd(), file.dirname) : process.cwd()
  // A profile named in the front matter is resolved from the notes' folder.
  const profile = options.profile ? loadProfile(options.profile, options.cwd) : frontMatterProfile(file, notesDir)
  unified().use(remarkChathamHouse).use(remarkGroup, {profile}).runSync(tree, file)
  return {tree, report: file.data.report!, profile}
}

function frontMatterProfile(file: VFile, notesDir: string): Profile {
  const name = file.data.meta?.profile
  if (!name) return loadProfile(defaultProfile)
  try {
    return loadProfile(name, notesDir)
  } catch (error) {
    if (!(error instanceof UsageError) || error.file) throw error
    // Name the notes file and the `profile:` line, where the fix goes.
    const line = String(file.value).split('\n').findIndex((text) => /^profile\s*:/.test(text)) + 1
    throw new UsageError(error.message, {file: file.path, line: line || undefined, column: 1, rule: error.rule, hint: error.hint, cause: error})
  }
}
