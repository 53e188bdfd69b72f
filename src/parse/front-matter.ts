/**
 * remark plugin: read the YAML front matter of a notes file into
 * `file.data.meta`, `file.data.frontMatter` and `file.data.roster`, then drop
 * the `yaml` node so nothing later can print it by accident.
 *
 * Errors (malformed YAML, wrong types, a roster under another name, front
 * matter that was never closed) are `UsageError`s with the line and column
 * in the notes file: each is a way the roster could be lost and names reach
 * the report. Unknown keys are warnings with a did-you-mean.
 */
import type {Root, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair} from 'yaml'
import {UsageError} from '../errors.js'
import type {NotesMeta, Person} from '../types.js'
import {createRoster, mergePeople, toPerson} from './roster.js'
import {errorOffset, yamlHint, yamlReason} from './yaml.js'
import {didYouMean as closestKey} from '../util/did-you-mean.js'

export interface FrontMatterOptions {
  /** People from an `--attendees` file, added to those in the front matter. */
  attendees?: Person[]
}

/** Keys the front matter may have, as in SPEC §1. */
export const knownKeys = [
  'title',
  'series',
  'date',
  'host',
  'partner',
  'venue',
  'participants',
  'attendees',
  'share',
  'brand',
  'profile',
  'foreword_by',
  'lang',
] as const

/**
 * Keys people use for a list of who came. Ignoring one would let every name
 * on it into the report, so each is an error that says to call it `attendees`.
 */
export const rosterLikeKeys = ['attendee', 'attendance', 'roster', 'people', 'delegates', 'delegate', 'speakers', 'names', 'invitees', 'guests', 'who', 'present', 'sign_in', 'signin']

/** 1-indexed line and column in the notes file. */
export interface Located {
  line: number
  column: number
}

declare module 'vfile' {
  interface DataMap {
    /**
     * Where each front-matter key is in the notes file (parse), so a later
     * stage can point at the `brand:` or `profile:` line when what it names is bad.
     */
    frontMatterPlaces: Record<string, Located>
  }
}

export default function remarkNotesFrontMatter(options: FrontMatterOptions = {}) {
  const extraAttendees = options.attendees ?? []

  return function (tree: Root, file: VFile) {
    const first = tree.children[0]
    const node = first && first.type === 'yaml' ? (first as Yaml) : undefined
    if (!node) refuseUnclosedFrontMatter(String(file.value), file)
    const data = node ? readYaml(node, file) : {values: {}, places: new Map<string, Located>()}
    if (node) tree.children.shift()

    const {values, places} = data
    const at = (key: string): Located => places.get(key) ?? {line: 1, column: 1}
    const has = (key: string) => Object.hasOwn(values, key)
    const value = (key: string): unknown => (has(key) ? values[key] : undefined)

    for (const key of Object.keys(values)) {
      if ((knownKeys as readonly string[]).includes(key)) continue
      const suggestion = didYouMean(key, knownKeys)
      if (suggestion === 'attendees' || rosterLikeKeys.includes(normaliseKey(key))) {
        throw new UsageError(`Unexpected front-matter key \`${key}\`${suggestion === 'attendees' ? ', did you mean `attendees`?' : ''}: the names in it would not be stripped from the report`, {
          file: file.path,
          ...at(key),
          rule: 'front-matter',
          hint: 'call the list of who came `attendees`',
        })
      }
      const message = file.message(
        `Unexpected front-matter key \`${key}\`${suggestion ? `, did you mean \`${suggestion}\`?` : `, it is ignored (expected one of ${knownKeys.join(', ')})`}`,
        {place: at(key), ruleId: 'front-matter', source: 'exchange'},
      )
      message.fatal = false
    }

    const text = (key: string): string | undefined => {
      const given = value(key)
      if (given === undefined || given === null || given === '') return undefined
      if (typeof given === 'string') return given.trim() || undefined
      if (typeof given === 'number' || typeof given === 'boolean') return String(given)
      throw typeError(file, key, at(key), 'text', given)
    }

    let participants: number | undefined
    const count = value('participants')
    if (count !== undefined && count !== null) {
      const number = typeof count === 'string' && /^\s*\d+\s*$/.test(count) ? Number(count) : count
      if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
        const hint = Array.isArray(count) ? 'write how many came (`participants: 25`), and put who came under `attendees`' : undefined
        throw typeError(file, 'participants', at('participants'), 'a whole number (a count, never a list of who came)', count, hint)
      }
      participants = number
    }

    const date = text('date')
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw typeError(file, 'date', at('date'), 'a date written YYYY-MM-DD', value('date'))
    }
    if (date !== undefined && !isCalendarDate(date)) {
      throw typeError(file, 'date', at('date'), 'a real calendar date written YYYY-MM-DD', value('date'))
    }

    const meta: NotesMeta = {
      title: text('title') ?? titleFromTree(tree) ?? titleFromPath(file),
      series: text('series'),
      date,
      host: text('host'),
      partner: text('partner'),
      venue: text('venue'),
      participants,
      forewordBy: text('foreword_by'),
      brand: text('brand'),
      profile: text('profile'),
      lang: text('lang') ?? 'en-GB',
    }

    const attendees = value('attendees')
    if (attendees !== undefined && attendees !== null && !Array.isArray(attendees)) {
      throw typeError(file, 'attendees', at('attendees'), 'a list of names or `{ name, org, role, aliases }` entries', attendees, 'write one attendee per line, each starting with `- `')
    }
    const entryLines = data.attendeeLines ?? []
    const fromNotes = ((attendees ?? []) as unknown[]).map((entry, index) => {
      const line = entryLines[index] ?? at('attendees').line
      return toPerson(entry, {
        file: file.path ?? 'notes',
        line,
        warn(reason) {
          const message = file.message(reason, {place: {line, column: 1}, ruleId: 'attendees', source: 'exchange'})
          message.fatal = false
        },
      })
    })

    const share = value('share')
    let shareList: string[] = []
    if (typeof share === 'string') shareList = [share]
    else if (Array.isArray(share) && share.every((item) => typeof item === 'string' || typeof item === 'number')) shareList = share.map(String)
    else if (share !== undefined && share !== null) {
      throw typeError(file, 'share', at('share'), 'a list of organisations', share)
    }

    file.data.frontMatter = values
    file.data.frontMatterPlaces = Object.fromEntries(places)
    file.data.meta = meta
    file.data.roster = createRoster(mergePeople(fromNotes, extraAttendees), shareList)
  }
}

interface YamlData {
  values: Record<string, unknown>
  places: Map<string, Located>
  /** 1-indexed lines of each entry in `attendees`. */
  attendeeLines?: number[]
}

function readYaml(node: Yaml, file: VFile): YamlData {
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1
  const lineCounter = new LineCounter()
  const document = parseDocument(node.value, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const place = (offset: number): Located => {
    const {line, col} = lineCounter.linePos(offset)
    return {line: firstLine + line - 1, column: col}
  }
  const fail = (message: string, at: Located, hint: string, cause?: unknown): never => {
    throw new UsageError(message, {file: file.path, ...at, rule: 'front-matter', hint, cause})
  }

  const problem = document.errors[0]
  if (problem) {
    fail(`Cannot read the front matter: ${yamlReason(problem.message)}`, place(errorOffset(document, problem)), yamlHint(problem.code), problem)
  }
  for (const warning of document.warnings) {
    const message = file.message(`Unexpected YAML in the front matter: ${yamlReason(warning.message)}`, {place: place(warning.pos[0]), ruleId: 'front-matter', source: 'exchange'})
    message.fatal = false
  }

  let values: unknown
  try {
    // Aliases are limited: `&a [*b, *b, …]` nested a few times would expand to gigabytes.
    values = document.toJS({maxAliasCount: 100})
  } catch (error) {
    return fail(`Cannot read the front matter: ${(error as Error).message}`, {line: firstLine, column: 1}, 'write the front matter out in full, without `&anchors` and `*aliases`', error)
  }
  if (values === null || values === undefined) return {values: {}, places: new Map()}
  if (typeof values !== 'object' || Array.isArray(values) || !isMap(document.contents)) {
    return fail('Unexpected front matter that is not a set of `key: value` lines', {line: firstLine, column: 1}, 'write the front matter as `key: value` lines between `---` lines')
  }

  const places = new Map<string, Located>()
  let attendeeLines: number[] | undefined
  for (const pair of document.contents.items as Array<Pair<unknown, unknown>>) {
    if (!isScalar(pair.key)) continue
    const key = String(pair.key.value)
    const keyOffset = pair.key.range?.[0] ?? 0
    places.set(key, place(keyOffset))
    if (key === 'attendees' && isSeq(pair.value)) {
      attendeeLines = pair.value.items.map((item) => place((item as {range?: [number, number, number]} | null)?.range?.[0] ?? keyOffset).line)
    }
  }
  return {values: values as Record<string, unknown>, places, attendeeLines}
}

/**
 * remark-frontmatter only sees front matter that opens on the very first
 * line with `---` and closes with `---`. Anything else that is meant as front
 * matter would be read as notes, and its `attendees` ignored: refuse it.
 */
function refuseUnclosedFrontMatter(source: string, file: VFile): void {
  const lines = source.split('\n', 400)
  let first = 0
  while (first < lines.length && lines[first]!.trim() === '') first++
  const opening = lines[first]?.trim()
  if (opening !== '---' && opening !== '+++') return
  // A thematic break followed by notes is fine; a `---` followed by `key:` lines (`key =` in TOML) is front matter.
  const next = lines[first + 1] ?? ''
  if (!(opening === '---' ? /^[\p{L}_][\p{L}\p{N}_ -]{0,40}:(?:\s|$)/u : /^\s{0,8}[\p{L}_][\p{L}\p{N}_.-]{0,40}\s{0,8}=/u).test(next)) return
  const fail = (message: string, line: number, hint: string): never => {
    throw new UsageError(message, {file: file.path, line, column: 1, rule: 'front-matter', hint})
  }
  if (opening === '+++') fail('Unexpected TOML front matter (`+++`), expected YAML between `---` lines', first + 1, 'write the front matter as YAML (`key: value`) between `---` lines')
  if (first > 0 || lines[first] !== opening) {
    fail('Unexpected front matter that does not start on the first line', first + 1, 'move the opening `---` to the very first line of the file, with nothing before it')
  }
  const close = lines.findIndex((line, index) => index > first && /^(?:---|\.\.\.)\s*$/.test(line))
  if (close === -1) fail('Unexpected front matter without a closing `---` line', first + 1, 'add a `---` line after the last `key: value` line of the front matter')
  if (lines[close]!.startsWith('...')) fail('Unexpected `...` closing the front matter, expected `---`', close + 1, 'close the front matter with a `---` line')
  fail('Unexpected front matter that could not be read', first + 1, 'start the file with a `---` line, then `key: value` lines, then a `---` line')
}

function typeError(file: VFile, key: string, place: Located, expected: string, value: unknown, hint = `correct \`${key}\``): UsageError {
  return new UsageError(`Unexpected \`${key}: ${shorten(JSON.stringify(value) ?? String(value))}\` in the front matter, expected ${expected}`, {
    file: file.path,
    line: place.line,
    column: place.column,
    rule: 'front-matter',
    hint,
  })
}

function shorten(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

/** `2018-02-30` is not a date, though `Date.parse` rolls it over to March. */
function isCalendarDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date
}

function titleFromTree(tree: Root): string | undefined {
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      const text = node.children.map((child) => ('value' in child ? child.value : '')).join('').trim()
      if (text) return text
    }
  }
  return undefined
}

function titleFromPath(file: VFile): string {
  const stem = file.stem ?? 'Workshop notes'
  return stem.replace(/[-_]+/g, ' ').replace(/^\w/, (letter) => letter.toUpperCase())
}

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\s-]+/g, '_')
}

/** The closest known key within two edits (one for short keys), for typos like `partcipants`. */
export function didYouMean(key: string, candidates: readonly string[]): string | undefined {
  return closestKey(normaliseKey(key), candidates)
}

/**
 * A `UsageError` about a file named in the front matter (`brand:`,
 * `profile:`), re-pointed at that key's line in the notes, where the fix
 * goes; the original error is kept as the cause. Returns the error as it is
 * when the key is not in the front matter (it came from a flag).
 */
export function atFrontMatterKey(file: VFile, key: string, error: unknown): unknown {
  const place = file.data.frontMatterPlaces?.[key]
  if (!place || !(error instanceof UsageError)) return error
  const named = error.file && error.file !== file.path ? ` (in \`${error.file}\`${error.line ? ` line ${error.line}` : ''}, named by \`${key}:\`)` : ` (named by \`${key}:\`)`
  return new UsageError(`${error.message}${named}`, {file: file.path, ...place, rule: error.rule, hint: error.hint, cause: error})
}
