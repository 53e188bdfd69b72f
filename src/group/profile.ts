/**
 * Profiles: the report's standard sections as data. A profile is YAML,
 * shipped in `templates/profiles/` or given by path; it is validated on load,
 * and a bad one is a `UsageError` naming the file, line and key.
 *
 * See `templates/profiles/insights-report.yaml` for every key, documented.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {isMap, LineCounter, parseDocument, type Document} from 'yaml'
import {UsageError} from '../errors.js'
import {packageRoot, profilesDir} from '../paths.js'
import type {Boilerplate, ItemStyle, SectionRole} from '../types.js'
import {compileTemplate, type TextTemplate} from './template.js'
import {signalNames, type SignalName} from './signals.js'
import {compileKeywords, contentStems, stems, type KeywordIndex, type KeywordRule} from './keywords.js'

export interface ProfileSection {
  id: string
  title: string
  intro?: string
  style: ItemStyle
  /** What the section is for; `insights` unless said otherwise. */
  role: SectionRole
  /** Whether the section is a numbered chapter the introduction lists. */
  chapter: boolean
  /** Printed before its checklist of questions: `Do you:`. */
  lead?: string
  /** Who the section speaks to: `senior leaders`. */
  audience?: string
  /** At most this many items; the strongest are kept, the rest left out with an info message. */
  limit?: number
  /** Hashtags that place a note here (lower case, no `#`). */
  tags: string[]
  /** Headings that place the notes under them here (matched loosely), as written. */
  headings: string[]
  /** The same headings as stems without stop words. */
  headingStems: string[][]
  /** Keyword rules, stemmed. */
  keywords: KeywordRule[]
  /** What a note's wording must say to be placed here (see `signals.ts`): `need`, `practice`, … */
  signals: SignalName[]
}

export interface ProfileBoilerplate extends Omit<Boilerplate, 'paragraphs' | 'title'> {
  title?: TextTemplate
  text: TextTemplate
}

export interface Profile {
  id: string
  /** Path of the YAML the profile came from. */
  path: string
  reportType: string
  /** Paragraph templates of the introduction (Handlebars, plain text). */
  introduction: TextTemplate[]
  chathamHouse: string
  parts: {foreword: string[]; introduction: string[]; conclusion: string[]; drop: string[]}
  boilerplate: ProfileBoilerplate[]
  keyInsights: {
    /** When no note is tagged for Key insights: take the strongest note of each section, or leave it out. */
    fallback: 'strongest' | 'none'
    /** The section intro used when the key insights were picked rather than tagged. */
    intro?: string
  }
  /** A keyword score below this does not place a note. */
  keywordThreshold: number
  /** The same for a question (a checklist profile may spread questions over its sections more readily). */
  questionThreshold: number
  sections: ProfileSection[]
  fallback: ProfileSection
  /** Keyword rules of every section, compiled. */
  keywordIndex: KeywordIndex
  /** Section id → its position, for stable ties. */
  order: Map<string, number>
}

export const itemStyles: readonly ItemStyle[] = ['numbered', 'bullets', 'checklist', 'resources', 'quotes', 'actions']
export const sectionRoles: readonly SectionRole[] = ['insights', 'key', 'questions', 'resources', 'further']

export const defaultProfile = 'insights-report'

const defaultChathamHouse =
  'The report respects the Chatham House rule that was in place by anonymising contributions, except where an explicit piece of best practice was identified to be shared.'

const defaultIntroduction = [
  '{{#if date}}On {{longDate date}}, {{/if}}{{#if host}}{{host}} {{#if partner}}partnered with {{partner}} to host{{else}}hosted{{/if}}{{else}}participants came together for{{/if}} {{event}}{{#if venue}} at {{venue}}{{/if}}.',
]

const topKeys = ['id', 'report_type', 'introduction', 'chatham_house', 'parts', 'boilerplate', 'key_insights', 'keyword_threshold', 'question_threshold', 'sections', 'fallback', 'extends']
const sectionKeys = ['id', 'title', 'intro', 'style', 'role', 'chapter', 'lead', 'audience', 'limit', 'tags', 'headings', 'keywords', 'signals']
const partKeys = ['foreword', 'introduction', 'conclusion', 'drop']
const boilerplateKeys = ['id', 'title', 'text', 'at']
const keyInsightKeys = ['fallback', 'intro']

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

/** The YAML's hash, the key of `dist/profiles.json`. */
export function profileHash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * The shipped profiles' YAML as data, by hash: `npm run build` writes it
 * (`scripts/precompile.mjs`). Parsing YAML is most of loading a
 * profile (20 ms of a one-off report); a text with the same hash is the same
 * YAML, so its data is the same. Any other text, or no such file, is parsed.
 */
export const shippedProfilesFile = path.join(packageRoot, 'dist', 'profiles.json')
let shipped: Record<string, Record<string, unknown>> | null | undefined
function shippedProfileData(text: string): Record<string, unknown> | undefined {
  if (shipped === undefined) {
    try {
      shipped = JSON.parse(fs.readFileSync(shippedProfilesFile, 'utf8')) as Record<string, Record<string, unknown>>
    } catch {
      shipped = null
    }
  }
  return shipped?.[profileHash(text)]
}

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

type Where = Array<string | number>

/** Each profile's data as written, with what it extends merged in: what a profile extending it starts from. */
const profileData = new WeakMap<Profile, Record<string, unknown>>()

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** The roles of the sections that close a report: a section a profile adds goes before them. */
const closingRoles = new Set(['questions', 'resources', 'further'])

/**
 * A profile's data over the data of the profile it `extends`: each key
 * replaces the base's, except `parts` and `key_insights`, merged key by key,
 * and `sections`, merged by `id`: a section with a base section's id changes
 * the keys it gives of that section, in its place; a new section goes after
 * the base's last chapter, before questions and resources. `id` is never
 * inherited.
 */
export function extendProfileData(base: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = {...base, ...own}
  delete merged.extends
  if (own.id === undefined) delete merged.id
  for (const key of ['parts', 'key_insights']) if (isRecord(base[key]) && isRecord(own[key])) merged[key] = {...base[key], ...own[key]}
  if (Array.isArray(base.sections) && Array.isArray(own.sections)) {
    const sections: unknown[] = [...base.sections]
    for (const entry of own.sections as unknown[]) {
      const index = isRecord(entry) ? sections.findIndex((section) => isRecord(section) && section.id === entry.id) : -1
      if (index >= 0) {
        sections[index] = {...(sections[index] as Record<string, unknown>), ...(entry as Record<string, unknown>)}
        continue
      }
      const closing = sections.findIndex((section) => isRecord(section) && closingRoles.has(String(section.role)))
      sections.splice(closing === -1 ? sections.length : closing, 0, entry)
    }
    merged.sections = sections
  }
  return merged
}

/** Parse and validate profile YAML. `chain`: the profiles that extend this one, to refuse a cycle. */
export function parseProfile(text: string, file: string, chain: readonly string[] = []): Profile {
  // The YAML document, with positions for messages: parsed at once, unless the text is a shipped
  // profile's whose data came with the package, and then only if a message needs a position.
  let parsed: {document: Document; lineCounter: LineCounter} | undefined
  const yaml = () => {
    if (!parsed) {
      const lineCounter = new LineCounter()
      parsed = {document: parseDocument(text, {lineCounter}), lineCounter}
    }
    return parsed
  }
  const fail = (message: string, at: Where = [], hint = 'see templates/profiles/insights-report.yaml for the format'): never => {
    const {document, lineCounter} = yaml()
    const {line, col} = lineCounter.linePos(locate(document, at))
    throw new UsageError(message, {file, line, column: col, rule: 'profile', hint})
  }
  const key = (where: Where) => where.join('.')

  let data = shippedProfileData(text)
  if (!data) {
    const {document, lineCounter} = yaml()
    const problem = document.errors[0]
    if (problem) {
      const {line, col} = lineCounter.linePos(problem.pos[0])
      throw new UsageError(`Cannot read profile: ${problem.message.split('\n')[0]}`, {file, line, column: col, rule: 'profile', hint: 'fix the YAML'})
    }
    if (!isMap(document.contents)) fail('Unexpected profile that is not a YAML mapping, expected `id`, `sections`, …')
    data = document.toJS() as Record<string, unknown>
  }

  if (data.extends !== undefined) {
    const spec = data.extends
    if (typeof spec !== 'string' || spec.trim() === '') fail('Unexpected `extends`, expected the name of a shipped profile or the path of a profile file', ['extends'])
    let baseFile = ''
    try {
      // A path is read from the profile's folder.
      baseFile = resolveProfile(String(spec), path.dirname(path.resolve(file)))
    } catch (error) {
      if (!(error instanceof UsageError)) throw error
      fail(`${error.message} in \`extends\``, ['extends'], error.hint)
    }
    if ([...chain, path.resolve(file)].includes(baseFile)) fail(`Unexpected \`extends: ${String(spec)}\`: the profiles extend each other in a circle`, ['extends'], 'remove `extends` from one of them')
    const base = parseProfile(fs.readFileSync(baseFile, 'utf8'), baseFile, [...chain, path.resolve(file)])
    data = extendProfileData(profileData.get(base) ?? {}, data)
  }
  const ownData = data

  const record = (value: unknown, where: Where, expected: string): Record<string, unknown> => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(`Unexpected \`${key(where)}\`, expected ${expected}`, where)
    return value as Record<string, unknown>
  }
  const knownKeys = (value: Record<string, unknown>, where: Where, allowed: string[]) => {
    for (const name of Object.keys(value)) {
      if (!allowed.includes(name)) {
        const at = where.length > 0 ? ` in \`${key(where)}\`` : ''
        fail(`Unexpected key \`${name}\`${at}, expected one of ${allowed.join(', ')}`, [...where, name])
      }
    }
  }
  const optionalText = (value: unknown, where: Where): string | undefined => {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string' && typeof value !== 'number') return fail(`Unexpected \`${key(where)}\`, expected text`, where)
    return String(value)
  }
  const requiredText = (value: unknown, where: Where): string => {
    const text = optionalText(value, where)
    if (text === undefined || text.trim() === '') return fail(`Missing \`${where.at(-1)}\` in \`${key(where.slice(0, -1))}\``, where.slice(0, -1))
    return text
  }
  const stringList = (value: unknown, where: Where): string[] => {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
      return fail(`Unexpected \`${key(where)}\`, expected a list of text`, where)
    }
    return value.map((item) => String(item).toLowerCase())
  }
  const oneOf = <T extends string>(value: unknown, where: Where, allowed: readonly T[], fallback: T): T => {
    if (value === undefined || value === null) return fallback
    if (!allowed.includes(value as T)) fail(`Unexpected ${String(where.at(-1))} \`${String(value)}\` in \`${key(where)}\`, expected one of ${allowed.join(', ')}`, where)
    return value as T
  }
  const positive = (value: unknown, where: Where, integer: boolean): number | undefined => {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'number' || !(value > 0) || (integer && !Number.isInteger(value))) {
      return fail(`Unexpected \`${key(where)}\`: \`${String(value)}\`, expected a positive ${integer ? 'whole number' : 'number'}`, where)
    }
    return value
  }
  const template = (value: unknown, where: Where): TextTemplate => {
    const source = requiredText(value, where)
    try {
      return compileTemplate(source)
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
      return fail(`Cannot read the template in \`${key(where)}\`: ${reason}`, where, 'fix the Handlebars template (helpers: longDate, coverDate, lower, list, numberWord)')
    }
  }
  const stemCache = new Map<string, string>()

  const keywordRules = (value: unknown, where: Where): KeywordRule[] => {
    if (value === undefined || value === null) return []
    const rules = record(value, where, 'a mapping of keyword → weight, e.g. `{demand: 2, "middle managers": 3}`')
    return Object.entries(rules).map(([term, weight]) => {
      const at = [...where, term]
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight === 0) fail(`Unexpected weight \`${String(weight)}\` for keyword \`${term}\` in \`${key(where)}\`, expected a number other than 0`, at)
      const termStems = stems(term, stemCache)
      if (termStems.length === 0) fail(`Unexpected keyword \`${term}\` in \`${key(where)}\`, expected a word or phrase`, at)
      return {term, stems: termStems, weight: weight as number}
    })
  }

  const section = (value: unknown, where: Where, defaults: {role: SectionRole}): ProfileSection => {
    const entry = record(value, where, 'a section with `id` and `title`')
    knownKeys(entry, where, sectionKeys)
    const id = requiredText(entry.id, [...where, 'id'])
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail(`Unexpected section id \`${id}\` in \`${key([...where, 'id'])}\`, expected lower-case letters, digits and hyphens`, [...where, 'id'])
    const role = oneOf(entry.role, [...where, 'role'], sectionRoles, defaults.role)
    const style = oneOf(entry.style, [...where, 'style'], itemStyles, role === 'questions' ? 'checklist' : role === 'resources' ? 'resources' : role === 'further' ? 'bullets' : 'numbered')
    if (entry.chapter !== undefined && typeof entry.chapter !== 'boolean') fail(`Unexpected \`${key([...where, 'chapter'])}\`, expected true or false`, [...where, 'chapter'])
    const headings = stringList(entry.headings, [...where, 'headings'])
    return {
      id,
      title: requiredText(entry.title, [...where, 'title']),
      intro: optionalText(entry.intro, [...where, 'intro']),
      style,
      role,
      chapter: typeof entry.chapter === 'boolean' ? entry.chapter : role === 'insights',
      lead: optionalText(entry.lead, [...where, 'lead']),
      audience: optionalText(entry.audience, [...where, 'audience']),
      limit: positive(entry.limit, [...where, 'limit'], true),
      tags: stringList(entry.tags, [...where, 'tags']).map((tag) => tag.replace(/^#/, '')),
      headings,
      headingStems: headings.map((heading) => contentStems(heading, stemCache)).filter((list) => list.length > 0),
      keywords: keywordRules(entry.keywords, [...where, 'keywords']),
      signals: stringList(entry.signals, [...where, 'signals']).map((name, index) => {
        if (!(signalNames as readonly string[]).includes(name)) fail(`Unexpected signal \`${name}\` in \`${key([...where, 'signals'])}\`, expected one of ${signalNames.join(', ')}`, [...where, 'signals', index])
        return name as SignalName
      }),
    }
  }

  knownKeys(data, [], topKeys)
  if (!Array.isArray(data.sections) || data.sections.length === 0) fail('Missing `sections`: a profile needs at least one section', ['sections'])
  const sections = (data.sections as unknown[]).map((value, index) => section(value, ['sections', index], {role: 'insights'}))
  const fallbackValue = data.fallback === undefined ? {id: 'further-insights', title: 'Further insights', style: 'bullets', role: 'further'} : data.fallback
  const fallback = section(fallbackValue, ['fallback'], {role: 'further'})

  const seen = new Set<string>()
  ;[...sections, fallback].forEach((entry, index) => {
    const where = index < sections.length ? ['sections', index, 'id'] : ['fallback', 'id']
    if (seen.has(entry.id)) fail(`Unexpected duplicate section id \`${entry.id}\``, where)
    seen.add(entry.id)
  })
  for (const role of ['key', 'questions', 'resources'] as const) {
    const indexes = sections.flatMap((entry, index) => (entry.role === role ? [index] : []))
    if (indexes.length > 1) fail(`Unexpected second section with role \`${role}\`, expected at most one`, ['sections', indexes[1]!, 'role'])
  }
  const tagOwner = new Map<string, string>()
  sections.forEach((entry, index) => {
    for (const tag of entry.tags) {
      const owner = tagOwner.get(tag)
      if (owner) fail(`Unexpected tag \`${tag}\` in \`sections.${index}.tags\`: section \`${owner}\` already has it`, ['sections', index, 'tags'])
      tagOwner.set(tag, entry.id)
    }
  })

  const partsValue = data.parts === undefined ? {} : record(data.parts, ['parts'], 'a mapping with foreword, introduction, conclusion, drop')
  knownKeys(partsValue, ['parts'], partKeys)

  const introductionValue = data.introduction ?? defaultIntroduction
  if (!Array.isArray(introductionValue) || introductionValue.length === 0) fail('Unexpected `introduction`, expected a list of paragraph templates', ['introduction'])
  const introduction = (introductionValue as unknown[]).map((value, index) => template(value, ['introduction', index]))

  const boilerplateValue = data.boilerplate ?? []
  if (!Array.isArray(boilerplateValue)) fail('Unexpected `boilerplate`, expected a list of blocks with `id` and `text`', ['boilerplate'])
  const boilerplate = (boilerplateValue as unknown[]).map((value, index): ProfileBoilerplate => {
    const where = ['boilerplate', index]
    const entry = record(value, where, 'a block with `id` and `text`')
    knownKeys(entry, where, boilerplateKeys)
    return {
      id: requiredText(entry.id, [...where, 'id']),
      title: entry.title === undefined ? undefined : template(entry.title, [...where, 'title']),
      text: template(entry.text, [...where, 'text']),
      at: oneOf(entry.at, [...where, 'at'], ['after-introduction', 'end'] as const, 'end'),
    }
  })

  const keyValue = data.key_insights === undefined ? {} : record(data.key_insights, ['key_insights'], 'a mapping with `fallback` and `intro`')
  knownKeys(keyValue, ['key_insights'], keyInsightKeys)

  const threshold = data.keyword_threshold === undefined ? 2 : positive(data.keyword_threshold, ['keyword_threshold'], false)!
  const questionThreshold = data.question_threshold === undefined ? threshold : positive(data.question_threshold, ['question_threshold'], false)!
  const all = [...sections, fallback]
  const profile: Profile = {
    id: optionalText(data.id, ['id']) ?? path.basename(file).replace(/\.ya?ml$/i, ''),
    path: file,
    reportType: optionalText(data.report_type, ['report_type']) ?? 'Insights report',
    introduction,
    chathamHouse: optionalText(data.chatham_house, ['chatham_house']) ?? defaultChathamHouse,
    parts: {
      foreword: stringList(partsValue.foreword, ['parts', 'foreword']),
      introduction: stringList(partsValue.introduction, ['parts', 'introduction']),
      conclusion: stringList(partsValue.conclusion, ['parts', 'conclusion']),
      drop: stringList(partsValue.drop, ['parts', 'drop']),
    },
    boilerplate,
    keyInsights: {
      fallback: oneOf(keyValue.fallback, ['key_insights', 'fallback'], ['strongest', 'none'] as const, 'strongest'),
      intro: optionalText(keyValue.intro, ['key_insights', 'intro']),
    },
    keywordThreshold: threshold,
    questionThreshold,
    sections,
    fallback,
    keywordIndex: compileKeywords(sections, stemCache),
    order: new Map(all.map((entry, index) => [entry.id, index])),
  }
  profileData.set(profile, ownData)
  return profile
}

/** Offset of the node at `at` (keys and indexes), or of the deepest ancestor that exists. */
function locate(document: Document, at: Where): number {
  for (let depth = at.length; depth > 0; depth--) {
    const path = at.slice(0, depth)
    const node = document.getIn(path, true) as {range?: [number, number, number]} | undefined
    if (node && node.range) {
      // For a key of a mapping, point at the key itself rather than its value.
      const parent = document.getIn(path.slice(0, -1), true) as {items?: Array<{key?: {value?: unknown; range?: [number, number, number]}; value?: unknown}>} | undefined
      const pair = parent?.items?.find((item) => item.key?.value === path.at(-1))
      if (pair?.key?.range && typeof path.at(-1) === 'string') return pair.key.range[0]
      return node.range[0]
    }
    // A key whose value is null has no node: find the key.
    const parent = document.getIn(path.slice(0, -1), true) as {items?: Array<{key?: {value?: unknown; range?: [number, number, number]}}>} | undefined
    const pair = parent?.items?.find((item) => item.key?.value === path.at(-1))
    if (pair?.key?.range) return pair.key.range[0]
  }
  return 0
}
