/**
 * The roster: who was in the room. Built from the front matter `attendees`
 * list and from an `--attendees` file (a CSV sign-in sheet or YAML).
 * It is used to strip attributions and is never printed.
 */
import path from 'node:path'
import {parse as parseCsv} from 'csv-parse/sync'
import {parse as parseYaml} from 'yaml'
import {UsageError} from '../errors.js'
import type {Person, Roster} from '../types.js'

/** Honorifics recognised before a name, longest first. */
export const honorifics = [
  'Councillor',
  'Professor',
  'Cllr',
  'Prof',
  'Dame',
  'Lady',
  'Lord',
  'Revd',
  'Miss',
  'Rev',
  'Mrs',
  'Sir',
  'Dr',
  'Mr',
  'Ms',
  'Mx',
]

const honorificPattern = new RegExp(`^(?:${honorifics.join('|')})\\.?\\s+`, 'i')

/** Split a leading honorific off a name: `Cllr Ruth Ellison` → `{honorific: 'Cllr', name: 'Ruth Ellison'}`. */
export function splitHonorific(raw: string): {honorific?: string; name: string} {
  let name = raw.trim().replace(/\s+/g, ' ')
  // Sign-in sheets often say `Okafor, Tom`: the report's forms need `Tom Okafor`.
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(name)
  if (inverted) name = `${inverted[2]} ${inverted[1]}`
  const match = honorificPattern.exec(name)
  if (!match) return {name}
  return {honorific: match[0].trim().replace(/\.$/, ''), name: name.slice(match[0].length)}
}

/** Where a roster entry came from, for error messages. */
export interface RosterSource {
  file: string
  /** 1-indexed line of the entry, where known. */
  line?: number
}

/**
 * Read one roster entry: a bare name, or `{name, org?, role?, aliases?}`.
 * Throws a `UsageError` naming the source when the entry has no usable name.
 */
export function toPerson(entry: unknown, where: RosterSource): Person {
  if (typeof entry === 'string') {
    if (entry.trim() === '') throw badEntry('an empty name', where)
    const {honorific, name} = splitHonorific(entry)
    return {name, honorific, aliases: []}
  }
  if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
    const record = entry as Record<string, unknown>
    if (typeof record.name !== 'string' || record.name.trim() === '') {
      throw badEntry('an entry without a `name`', where)
    }
    const {honorific, name} = splitHonorific(record.name)
    return {
      name,
      honorific,
      org: optionalString(record.org),
      role: optionalString(record.role),
      aliases: toList(record.aliases),
    }
  }
  throw badEntry(`${JSON.stringify(entry)}`, where)
}

function badEntry(what: string, where: RosterSource): UsageError {
  return new UsageError(`Unexpected ${what} in the attendees list, expected a name or \`{ name, org, role, aliases }\``, {
    file: where.file,
    line: where.line,
    column: 1,
    rule: 'attendees',
    hint: 'give every attendee a name',
  })
}

function optionalString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number') return String(value)
  return undefined
}

/** A list given as a YAML sequence or as `a; b` / `a | b` text. */
function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).map((item) => item.trim()).filter(Boolean)
  if (typeof value === 'string') {
    return value
      .split(/[;|]/)
      .map((item) => item.trim())
      .filter(Boolean)
  }
  return []
}

/**
 * Parse an `--attendees` file: CSV with a `name` column (and optional `org`,
 * `role`, `aliases`), or YAML (a list, or `{attendees: [...]}`).
 */
export function parseAttendeesFile(text: string, file: string): Person[] {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.yaml' || extension === '.yml') return parseAttendeesYaml(text, file)
  return parseAttendeesCsv(text, file)
}

function parseAttendeesCsv(text: string, file: string): Person[] {
  let records: Array<Record<string, string>>
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((column) => column.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    })
  } catch (error) {
    const line = (error as {lines?: number}).lines
    throw new UsageError(`Cannot read the attendees CSV: ${(error as Error).message}`, {
      file,
      line,
      rule: 'attendees',
      hint: 'save the sign-in sheet as CSV with a header row that has a `name` column',
      cause: error,
    })
  }
  if (records.length > 0 && !('name' in records[0]!)) {
    throw new UsageError('Unexpected attendees CSV without a `name` column', {
      file,
      line: 1,
      column: 1,
      rule: 'attendees',
      hint: 'add a header row with `name` (and optionally `org`, `role`, `aliases`)',
    })
  }
  return records
    .map((record, index) => ({record, line: index + 2}))
    .filter(({record}) => (record.name ?? '').trim() !== '')
    .map(({record, line}) => toPerson(record, {file, line}))
}

function parseAttendeesYaml(text: string, file: string): Person[] {
  let data: unknown
  try {
    data = parseYaml(text)
  } catch (error) {
    const position = (error as {linePos?: Array<{line: number; col: number}>}).linePos?.[0]
    throw new UsageError(`Cannot read the attendees YAML: ${(error as Error).message.split('\n')[0]}`, {
      file,
      line: position?.line,
      column: position?.col,
      rule: 'attendees',
      hint: 'fix the YAML, or give a CSV file with a `name` column',
      cause: error,
    })
  }
  const list = Array.isArray(data) ? data : (data as {attendees?: unknown} | null)?.attendees
  if (!Array.isArray(list)) {
    throw new UsageError('Unexpected attendees YAML without a list of attendees', {
      file,
      line: 1,
      column: 1,
      rule: 'attendees',
      hint: 'write a YAML list of names or `{ name, org, role }` entries, or `attendees:` with such a list',
    })
  }
  return list.map((entry) => toPerson(entry, {file}))
}

/** Merge people, keeping the first entry of a name and adding the details of later ones. */
export function mergePeople(...lists: Person[][]): Person[] {
  const byName = new Map<string, Person>()
  for (const person of lists.flat()) {
    const key = person.name.toLowerCase()
    const existing = byName.get(key)
    if (!existing) {
      byName.set(key, {...person, aliases: [...person.aliases]})
      continue
    }
    existing.honorific ??= person.honorific
    existing.org ??= person.org
    existing.role ??= person.role
    for (const alias of person.aliases) if (!existing.aliases.includes(alias)) existing.aliases.push(alias)
  }
  return [...byName.values()]
}

export function createRoster(people: Person[], share: string[] = []): Roster {
  return {people, share}
}
