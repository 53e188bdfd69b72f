/**
 * Text templates from profiles (introduction paragraphs, boilerplate):
 * Handlebars, rendered as plain text (no HTML escaping — every output format
 * escapes text itself), in an environment of their own with a few helpers.
 */
import Handlebars from 'handlebars'
import type {NotesMeta} from '../types.js'

/** What a text template sees: the printed front matter and a little about the report. */
export interface TemplateData extends Pick<NotesMeta, 'title' | 'series' | 'date' | 'host' | 'partner' | 'venue' | 'participants' | 'forewordBy'> {
  reportType: string
  /** `an Innovation Exchange` (from `series`), or `a workshop`. */
  event: string
  /** Titles of the numbered chapters, in order. */
  chapters: string[]
  /** Titles of the standard sections (role `insights`) that have notes, numbered or not. */
  standard: string[]
  /** The audiences of audience-grouped sections, in order: `senior leaders`. */
  audiences: string[]
  /**
   * A summary of what the notes say, drawn from the report's own content
   * (how many points and sessions, the points that stood out and the themes
   * that ran through them), `''` when there is too little to summarise; see
   * `contentSummary` in `introduction.ts`.
   */
  summary: string
  /** How many notes the insight sections hold (sub-points and merged notes counted). */
  notes: number
  /** How many sessions (headings the notes were written under) those notes came from. */
  sessions: number
}

export type TextTemplate = (data: TemplateData) => string

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const numberWords = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']

/** `2018-07-18` → `18 July 2018`. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  return `${day} ${months[(month ?? 1) - 1]} ${year}`
}

/** `2018-07-18` → `July 2018`, as on a report cover. */
export function coverDate(iso: string): string {
  const [year, month] = iso.split('-').map(Number)
  return `${months[(month ?? 1) - 1]} ${year}`
}

/** `['a', 'b', 'c']` → `a, b and c` (`{{list audiences prefix='for '}}` → `for a, for b and for c`). */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

export function numberWord(count: number): string {
  return numberWords[count] ?? String(count)
}

const environment = Handlebars.create()
environment.registerHelper('longDate', (value: unknown) => (typeof value === 'string' ? longDate(value) : ''))
environment.registerHelper('coverDate', (value: unknown) => (typeof value === 'string' ? coverDate(value) : ''))
environment.registerHelper('lower', (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : ''))
environment.registerHelper('list', (value: unknown, options: {hash?: {prefix?: unknown}}) => {
  if (!Array.isArray(value)) return ''
  const prefix = typeof options?.hash?.prefix === 'string' ? options.hash.prefix : ''
  return listText(value.map((item) => `${prefix}${String(item)}`))
})
environment.registerHelper('numberWord', (value: unknown) => (typeof value === 'number' ? numberWord(value) : ''))

const sample: TemplateData = {
  title: 'Title',
  series: 'Innovation Exchange',
  date: '2018-07-18',
  host: 'Host',
  partner: 'Partner',
  venue: 'Venue',
  participants: 20,
  forewordBy: 'Author',
  reportType: 'Insights report',
  event: 'an Innovation Exchange',
  chapters: ['One', 'Two'],
  standard: ['One', 'Two'],
  audiences: ['senior leaders'],
  summary: 'Over four sessions, participants raised 30 points.',
  notes: 30,
  sessions: 4,
}

/**
 * Compile a template; throws (with Handlebars' message) if it does not parse
 * or uses a helper that does not exist, so a bad profile fails on load.
 */
export function compileTemplate(source: string): TextTemplate {
  const render = environment.compile<TemplateData>(source, {noEscape: true, strict: false, knownHelpersOnly: false})
  render(sample)
  return (data) => render(data).replace(/[ \t]+/g, ' ').replace(/ ([.,;:])/g, '$1').trim()
}
