/**
 * The roster: who was in the room. Built from the front matter `attendees`
 * list and from an `--attendees` file (a CSV sign-in sheet or YAML).
 * It is used to strip attributions and is never printed.
 */
import path from 'node:path'
import {parse as parseCsv} from 'csv-parse/sync'
import {isMap, isSeq, LineCounter, parseDocument} from 'yaml'
import {UsageError} from '../errors.js'
import type {Person, Roster} from '../types.js'
import {errorOffset, yamlReason} from './yaml.js'
import {didYouMean} from '../util/did-you-mean.js'

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

export const honorificPattern = new RegExp(`(?:${honorifics.join('|')})\\.?\\s+`, 'iy')

/**
 * Split leading honorifics off a name: `Cllr Ruth Ellison` → `{honorific: 'Cllr', name: 'Ruth Ellison'}`.
 * Every one goes (`Prof Dr Jane Smith` → `Jane Smith`, honorific `Prof`), in linear time.
 */
export function splitHonorific(raw: string): {honorific?: string; name: string} {
  let name = raw.trim().replace(/\s+/g, ' ')
  // Sign-in sheets often say `Okafor, Tom`: the report's forms need `Tom Okafor`.
  const comma = name.indexOf(',')
  if (comma > 0 && comma === name.lastIndexOf(',') && comma < name.length - 1) {
    const last = name.slice(0, comma).trim()
    const first = name.slice(comma + 1).trim()
    if (last && first) name = `${first} ${last}`
  }
  let honorific: string | undefined
  let offset = 0
  for (;;) {
    honorificPattern.lastIndex = offset
    const match = honorificPattern.exec(name)
    // Keep the last word: `Dr` alone, or `Miss Lord`, is still someone's name.
    if (!match || offset + match[0].length >= name.length) break
    honorific ??= match[0].trim().replace(/\.$/, '')
    offset += match[0].length
  }
  return honorific === undefined ? {name} : {honorific, name: name.slice(offset)}
}

/** Where a roster entry came from, for error messages. */
export interface RosterSource {
  file: string
  /** 1-indexed line of the entry, where known. */
  line?: number
  /** Called with a warning about the entry (a key it does not know), where there is somewhere to say it. */
  warn?: (reason: string) => void
}

/** Keys of an attendee entry, and other names people give them. */
const entryKeys: Record<string, 'name' | 'org' | 'role' | 'aliases' | 'honorific'> = {
  name: 'name',
  org: 'org',
  organisation: 'org',
  organization: 'org',
  company: 'org',
  council: 'org',
  employer: 'org',
  affiliation: 'org',
  role: 'role',
  job: 'role',
  job_title: 'role',
  position: 'role',
  aliases: 'aliases',
  alias: 'aliases',
  aka: 'aliases',
  nickname: 'aliases',
  nicknames: 'aliases',
  known_as: 'aliases',
  honorific: 'honorific',
}

const canonicalKeys = ['name', 'org', 'role', 'aliases', 'honorific']

/**
 * Read one roster entry: a bare name, or `{name, org?, role?, aliases?}`.
 * Throws a `UsageError` naming the source when the entry has no usable name.
 */
export function toPerson(entry: unknown, where: RosterSource): Person {
  if (typeof entry === 'string' || typeof entry === 'number') {
    const text = String(entry)
    if (text.trim() === '') throw badEntry('an empty name', where)
    return fromText(text)
  }
  if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
    const fields: Partial<Record<'name' | 'org' | 'role' | 'aliases' | 'honorific', unknown>> = {}
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      const normalised = key.trim().toLowerCase().replace(/[\s-]+/g, '_')
      const field = entryKeys[normalised]
      if (!field) {
        const suggestion = didYouMean(normalised, canonicalKeys)
        where.warn?.(`Unexpected key \`${key}\` in an attendee entry${suggestion ? `, did you mean \`${suggestion}\`?` : ''}, it is ignored (expected \`name\`, \`org\`, \`role\`, \`aliases\`)`)
        continue
      }
      if (field === 'aliases' && fields.aliases !== undefined) {
        fields.aliases = [...toList(fields.aliases), ...toList(value)]
        continue
      }
      fields[field] ??= value
    }
    const rawName = typeof fields.name === 'number' ? String(fields.name) : fields.name
    if (typeof rawName !== 'string' || rawName.trim() === '') {
      throw badEntry('an entry without a `name`', where)
    }
    const {honorific, name: written} = splitHonorific(rawName)
    const {name, nicknames} = splitNickname(written)
    return {
      name,
      honorific: optionalString(fields.honorific)?.replace(/\.$/, '') ?? honorific,
      org: optionalString(fields.org),
      role: optionalString(fields.role),
      aliases: [...new Set([...toList(fields.aliases), ...nicknames])],
    }
  }
  throw badEntry(`${JSON.stringify(entry) ?? String(entry)}`, where)
}

/** A nickname written inside a name, between quotes: `Richard "Rich" Abernethy`, `Bartholomew “Bart” Quayle`. */
const quotedNickname = /\s+["“'‘]([\p{L}][\p{L}'’. -]{0,30}?)["”'’](?=\s+\S)/gu

/** The name without the nicknames written inside it, and the nicknames (aliases of the person). */
export function splitNickname(written: string): {name: string; nicknames: string[]} {
  const nicknames: string[] = []
  const name = written.replace(quotedNickname, (_, nickname: string) => {
    nicknames.push(nickname.trim())
    return ''
  })
  return nicknames.length > 0 && name.trim() !== '' ? {name: name.trim(), nicknames} : {name: written, nicknames: []}
}

/** A bare name, perhaps with the organisation in brackets: `Jane Smith (Wigan Council)`, `Cllr Richard "Rich" Abe (Barnet)`. */
export function fromText(text: string): Person {
  const trimmed = text.trim()
  const open = trimmed.indexOf('(')
  let org: string | undefined
  let raw = trimmed
  if (open > 0 && trimmed.endsWith(')') && trimmed.indexOf('(', open + 1) === -1 && trimmed.indexOf(')') === trimmed.length - 1) {
    org = trimmed.slice(open + 1, -1).trim() || undefined
    raw = trimmed.slice(0, open)
  }
  const {honorific, name: written} = splitHonorific(raw)
  const {name, nicknames: aliases} = splitNickname(written)
  return org === undefined ? {name, honorific, aliases} : {name, honorific, org, aliases}
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

/** Sign-in sheet columns, by what they hold. */
const csvColumns: Record<string, 'name' | 'first' | 'last'> = {
  name: 'name',
  full_name: 'name',
  fullname: 'name',
  attendee: 'name',
  participant: 'name',
  delegate: 'name',
  first_name: 'first',
  firstname: 'first',
  forename: 'first',
  given_name: 'first',
  last_name: 'last',
  lastname: 'last',
  surname: 'last',
  family_name: 'last',
}

function parseAttendeesCsv(text: string, file: string): Person[] {
  const source = text.replace(/^\uFEFF/, '')
  let records: string[][]
  try {
    records = parseCsv(source, {
      delimiter: guessDelimiter(source),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as string[][]
  } catch (error) {
    const line = (error as {lines?: number}).lines
    throw new UsageError(`Cannot read the attendees CSV: ${(error as Error).message.split('\n')[0]}`, {
      file,
      line,
      column: line === undefined ? undefined : 1,
      rule: 'attendees',
      hint: 'save the sign-in sheet as CSV with a header row that has a `name` column',
      cause: error,
    })
  }
  const [header = [], ...rows] = records
  const columns = header.map((column) => column.trim().toLowerCase().replace(/[\s-]+/g, '_'))
  const index = (kind: 'name' | 'first' | 'last') => columns.findIndex((column) => csvColumns[column] === kind)
  const name = index('name')
  const first = index('first')
  const last = index('last')
  if (name === -1 && (first === -1 || last === -1)) {
    throw new UsageError('Unexpected attendees CSV without a `name` column', {
      file,
      line: 1,
      column: 1,
      rule: 'attendees',
      hint: 'add a header row with `name` (or `first name` and `last name`), and optionally `org`, `role`, `aliases`',
    })
  }
  const people: Person[] = []
  rows.forEach((row, offset) => {
    const record: Record<string, string> = {}
    columns.forEach((column, position) => {
      if (!csvColumns[column] && column !== '') record[column] = row[position] ?? ''
    })
    record.name = name === -1 ? `${row[first] ?? ''} ${row[last] ?? ''}`.trim() : (row[name] ?? '').trim()
    if (record.name === '') return
    people.push(toPerson(record, {file, line: offset + 2}))
  })
  return people
}

/** Comma, semicolon (European spreadsheets) or tab: whichever the header row has most of. */
function guessDelimiter(text: string): string {
  const end = text.indexOf('\n')
  const header = end === -1 ? text : text.slice(0, end)
  let best = ','
  let most = 0
  for (const delimiter of [',', ';', '\t']) {
    const count = header.split(delimiter).length - 1
    if (count > most) {
      best = delimiter
      most = count
    }
  }
  return best
}

function parseAttendeesYaml(text: string, file: string): Person[] {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter, prettyErrors: false})
  const problem = document.errors[0]
  if (problem) {
    const {line, col} = lineCounter.linePos(errorOffset(document, problem))
    throw new UsageError(`Cannot read the attendees YAML: ${yamlReason(problem.message)}`, {
      file,
      line,
      column: col,
      rule: 'attendees',
      hint: 'fix the YAML, or give a CSV file with a `name` column',
      cause: problem,
    })
  }
  let data: unknown
  try {
    data = document.toJS({maxAliasCount: 100})
  } catch (error) {
    throw new UsageError(`Cannot read the attendees YAML: ${(error as Error).message}`, {file, line: 1, column: 1, rule: 'attendees', hint: 'write the list out in full, without `&anchors` and `*aliases`', cause: error})
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as {attendees?: unknown}).attendees : undefined
  if (!Array.isArray(list)) {
    throw new UsageError('Unexpected attendees YAML without a list of attendees', {
      file,
      line: 1,
      column: 1,
      rule: 'attendees',
      hint: 'write a YAML list of names or `{ name, org, role }` entries, or `attendees:` with such a list',
    })
  }
  const sequence = isSeq(document.contents) ? document.contents : isMap(document.contents) ? document.contents.get('attendees', true) : undefined
  const lines = isSeq(sequence) ? sequence.items.map((item) => lineCounter.linePos((item as {range?: [number, number, number]} | null)?.range?.[0] ?? 0).line) : []
  return list.map((entry, index) => toPerson(entry, {file, line: lines[index]}))
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
