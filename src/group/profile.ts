/**
 * Profiles: the report's standard sections as data. A profile is YAML,
 * shipped in `templates/profiles/` or given by path; it is validated on load,
 * and a bad one is a `UsageError` naming the file, line and key.
 */
import fs from 'node:fs'
import path from 'node:path'
import {isMap, LineCounter, parseDocument, type Document} from 'yaml'
import {UsageError} from '../errors.js'
import {profilesDir} from '../paths.js'
import type {ItemStyle} from '../types.js'

export interface ProfileSection {
  id: string
  title: string
  intro?: string
  style: ItemStyle
  /** Hashtags that place a note here (lower case, no `#`). */
  tags: string[]
  /** Headings that place the notes under them here (matched loosely). */
  headings: string[]
}

export interface Profile {
  id: string
  /** Path of the YAML the profile came from. */
  path: string
  reportType: string
  parts: {foreword: string[]; introduction: string[]; conclusion: string[]; drop: string[]}
  sections: ProfileSection[]
  fallback: ProfileSection
}

export const itemStyles: readonly ItemStyle[] = ['numbered', 'bullets', 'checklist', 'resources', 'quotes']

export const defaultProfile = 'insights-report'

/** The names of the profiles shipped with exchange. */
export function shippedProfiles(): string[] {
  return fs
    .readdirSync(profilesDir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort()
}

/**
 * Find a profile by name (`insights-report`) or path (`./my-profile.yaml`),
 * relative to `cwd`.
 */
export function resolveProfile(nameOrPath: string, cwd = process.cwd()): string {
  const looksLikePath = /[\\/]|\.ya?ml$/i.test(nameOrPath)
  if (looksLikePath) {
    const file = path.resolve(cwd, nameOrPath)
    if (!fs.existsSync(file)) {
      throw new UsageError(`Cannot find profile file \`${nameOrPath}\``, {
        file: nameOrPath,
        rule: 'profile',
        hint: `check the path, or use a shipped profile: ${shippedProfiles().join(', ')}`,
      })
    }
    return file
  }
  const file = path.join(profilesDir, `${nameOrPath}.yaml`)
  if (!fs.existsSync(file)) {
    throw new UsageError(`Unknown profile \`${nameOrPath}\``, {
      rule: 'profile',
      hint: `use one of ${shippedProfiles().join(', ')}, or give the path of a profile YAML file`,
    })
  }
  return file
}

const cache = new Map<string, Profile>()

/** Load and validate a profile; the result is cached per file and modification time. */
export function loadProfile(nameOrPath: string = defaultProfile, cwd = process.cwd()): Profile {
  const file = resolveProfile(nameOrPath, cwd)
  const key = `${file}:${fs.statSync(file).mtimeMs}`
  const cached = cache.get(key)
  if (cached) return cached
  const profile = parseProfile(fs.readFileSync(file, 'utf8'), file)
  cache.set(key, profile)
  return profile
}

/** Parse and validate profile YAML. */
export function parseProfile(text: string, file: string): Profile {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter})
  const fail = (message: string, at: Array<string | number> = [], hint = 'see templates/profiles/insights-report.yaml for the format'): never => {
    const offset = locate(document, at)
    const {line, col} = lineCounter.linePos(offset)
    throw new UsageError(message, {file, line, column: col, rule: 'profile', hint})
  }

  const problem = document.errors[0]
  if (problem) {
    const {line, col} = lineCounter.linePos(problem.pos[0])
    throw new UsageError(`Cannot read profile: ${problem.message.split('\n')[0]}`, {file, line, column: col, rule: 'profile', hint: 'fix the YAML'})
  }
  if (!isMap(document.contents)) fail('Unexpected profile that is not a YAML mapping, expected `id`, `sections`, …')
  const data = document.toJS() as Record<string, unknown>

  const id = typeof data.id === 'string' ? data.id : path.basename(file).replace(/\.ya?ml$/i, '')
  const stringList = (value: unknown, where: Array<string | number>): string[] => {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
      return fail(`Unexpected \`${where.join('.')}\`, expected a list of text`, where)
    }
    return value.map((item) => String(item).toLowerCase())
  }

  const section = (value: unknown, where: Array<string | number>): ProfileSection => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(`Unexpected \`${where.join('.')}\`, expected a section with \`id\` and \`title\``, where)
    const record = value as Record<string, unknown>
    for (const key of ['id', 'title'] as const) {
      if (typeof record[key] !== 'string' || record[key] === '') fail(`Missing \`${key}\` in \`${where.join('.')}\``, where)
    }
    const style = record.style ?? 'numbered'
    if (!itemStyles.includes(style as ItemStyle)) {
      fail(`Unexpected style \`${String(style)}\` in \`${[...where, 'style'].join('.')}\`, expected one of ${itemStyles.join(', ')}`, [...where, 'style'])
    }
    return {
      id: record.id as string,
      title: record.title as string,
      intro: typeof record.intro === 'string' ? record.intro : undefined,
      style: style as ItemStyle,
      tags: stringList(record.tags, [...where, 'tags']).map((tag) => tag.replace(/^#/, '')),
      headings: stringList(record.headings, [...where, 'headings']),
    }
  }

  if (!Array.isArray(data.sections) || data.sections.length === 0) fail('Missing `sections`: a profile needs at least one section', ['sections'])
  const sections = (data.sections as unknown[]).map((value, index) => section(value, ['sections', index]))
  const seen = new Set<string>()
  sections.forEach((entry, index) => {
    if (seen.has(entry.id)) fail(`Unexpected duplicate section id \`${entry.id}\``, ['sections', index, 'id'])
    seen.add(entry.id)
  })

  const parts = (data.parts ?? {}) as Record<string, unknown>
  const fallback = data.fallback === undefined ? {id: 'further-insights', title: 'Further insights', style: 'bullets'} : data.fallback
  return {
    id,
    path: file,
    reportType: typeof data.report_type === 'string' ? data.report_type : 'Insights report',
    parts: {
      foreword: stringList(parts.foreword, ['parts', 'foreword']),
      introduction: stringList(parts.introduction, ['parts', 'introduction']),
      conclusion: stringList(parts.conclusion, ['parts', 'conclusion']),
      drop: stringList(parts.drop, ['parts', 'drop']),
    },
    sections,
    fallback: section(fallback, ['fallback']),
  }
}

/** Offset of the node at `at` (keys and indexes), or of the deepest ancestor that exists. */
function locate(document: Document, at: Array<string | number>): number {
  for (let depth = at.length; depth > 0; depth--) {
    const node = document.getIn(at.slice(0, depth), true) as
      | {range?: [number, number, number]}
      | undefined
    if (node && node.range) return node.range[0]
  }
  return 0
}
