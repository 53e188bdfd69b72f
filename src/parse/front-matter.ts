/**
 * remark plugin: read the YAML front matter of a notes file into
 * `file.data.meta`, `file.data.frontMatter` and `file.data.roster`, then drop
 * the `yaml` node so nothing later can print it by accident.
 *
 * Errors (malformed YAML, wrong types) are `UsageError`s with the line and
 * column in the notes file; unknown keys are warnings with a did-you-mean.
 */
import type {Root, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import {isMap, isScalar, LineCounter, parseDocument, type Pair} from 'yaml'
import {UsageError} from '../errors.js'
import type {NotesMeta, Person} from '../types.js'
import {createRoster, mergePeople, toPerson} from './roster.js'

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

type Located = {line: number; column: number}

export default function remarkNotesFrontMatter(options: FrontMatterOptions = {}) {
  const extraAttendees = options.attendees ?? []

  return function (tree: Root, file: VFile) {
    const first = tree.children[0]
    const node = first && first.type === 'yaml' ? (first as Yaml) : undefined
    const data = node ? readYaml(node, file) : {values: {}, places: new Map<string, Located>()}
    if (node) tree.children.shift()

    const {values, places} = data
    const at = (key: string): Located => places.get(key) ?? {line: 1, column: 1}

    for (const key of Object.keys(values)) {
      if ((knownKeys as readonly string[]).includes(key)) continue
      const suggestion = didYouMean(key, knownKeys)
      const message = file.message(
        `Unexpected front-matter key \`${key}\`${suggestion ? `, did you mean \`${suggestion}\`?` : ', it is ignored'}`,
        {place: at(key), ruleId: 'front-matter', source: 'exchange'},
      )
      message.fatal = false
    }

    const text = (key: string): string | undefined => {
      const value = values[key]
      if (value === undefined || value === null || value === '') return undefined
      if (typeof value === 'string') return value.trim()
      if (typeof value === 'number' || typeof value === 'boolean') return String(value)
      throw typeError(file, key, at(key), 'text', value)
    }

    let participants: number | undefined
    if (values.participants !== undefined && values.participants !== null) {
      const count = typeof values.participants === 'string' ? Number(values.participants.trim()) : values.participants
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        throw typeError(file, 'participants', at('participants'), 'a whole number (a count, never a list of who came)', values.participants)
      }
      participants = count
    }

    const date = text('date')
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw typeError(file, 'date', at('date'), 'a date written YYYY-MM-DD', values.date)
    }
    if (date !== undefined && Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      throw typeError(file, 'date', at('date'), 'a real calendar date written YYYY-MM-DD', values.date)
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

    const attendees = values.attendees
    if (attendees !== undefined && attendees !== null && !Array.isArray(attendees)) {
      throw typeError(file, 'attendees', at('attendees'), 'a list of names or `{ name, org, role, aliases }` entries', attendees)
    }
    const entryLines = data.attendeeLines ?? []
    const fromNotes = (attendees ?? []).map((entry: unknown, index: number) =>
      toPerson(entry, {file: file.path ?? 'notes', line: entryLines[index] ?? at('attendees').line}),
    )

    const share = values.share
    let shareList: string[] = []
    if (typeof share === 'string') shareList = [share]
    else if (Array.isArray(share)) shareList = share.map(String)
    else if (share !== undefined && share !== null) {
      throw typeError(file, 'share', at('share'), 'a list of organisations', share)
    }

    file.data.frontMatter = values
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

  const problem = document.errors[0]
  if (problem) {
    const {line, column} = place(problem.pos[0])
    throw new UsageError(`Cannot read the front matter: ${problem.message.split('\n')[0]}`, {
      file: file.path,
      line,
      column,
      rule: 'front-matter',
      hint: 'fix the YAML between the `---` lines (quote values that contain `:` or `#`)',
      cause: problem,
    })
  }

  const values = document.toJS() as unknown
  if (values === null || values === undefined) return {values: {}, places: new Map()}
  if (typeof values !== 'object' || Array.isArray(values) || !isMap(document.contents)) {
    throw new UsageError('Unexpected front matter that is not a set of `key: value` lines', {
      file: file.path,
      line: firstLine,
      column: 1,
      rule: 'front-matter',
      hint: 'write the front matter as `key: value` lines between `---` lines',
    })
  }

  const places = new Map<string, Located>()
  let attendeeLines: number[] | undefined
  for (const pair of document.contents.items as Array<Pair<unknown, unknown>>) {
    if (!isScalar(pair.key)) continue
    const key = String(pair.key.value)
    places.set(key, place(pair.key.range?.[0] ?? 0))
    const value = pair.value as {items?: Array<{range?: [number, number, number]}>} | null
    if (key === 'attendees' && value && Array.isArray(value.items)) {
      attendeeLines = value.items.map((item) => place(item.range?.[0] ?? 0).line)
    }
  }
  return {values: values as Record<string, unknown>, places, attendeeLines}
}

function typeError(file: VFile, key: string, place: Located, expected: string, value: unknown): UsageError {
  return new UsageError(`Unexpected \`${key}: ${JSON.stringify(value)}\` in the front matter, expected ${expected}`, {
    file: file.path,
    line: place.line,
    column: place.column,
    rule: 'front-matter',
    hint: `correct \`${key}\``,
  })
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

/** The closest known key within two edits, for typos like `partcipants`. */
export function didYouMean(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}
