/**
 * The introduction, the Chatham House statement and the profile's
 * boilerplate, written from the front matter in the voice of the reference
 * reports ("On 18 July 2018, NLGN partnered with FutureGov to host…"), through
 * the profile's text templates; and a summary of the report's own content
 * (`{{summary}}`), as the reference's introduction says what participants
 * raised. The summary is extractive: counts, and headlines already in the
 * report (anonymised text, audited with the rest of the output).
 */
import {typesetTitle} from './tidy.js'
import type {Boilerplate, NotesMeta, ReportItem, ReportSection} from '../types.js'
import type {Profile} from './profile.js'
import {listText, numberWord, type TemplateData} from './template.js'
import {plainText} from './segment.js'
import {aboutWho, roomsOf, themeCount} from './themes.js'

export {coverDate, longDate} from './template.js'

/** The default statement; a profile may word its own (`chatham_house`). */
export const chathamHouseStatement =
  'The report respects the Chatham House rule that was in place by anonymising contributions, except where an explicit piece of best practice was identified to be shared.'

/** What the templates see, from the front matter and the sections that have items. */
export function templateData(meta: NotesMeta, profile: Profile, sections: ReportSection[]): TemplateData {
  const series = meta.series?.trim()
  // "at Online" reads badly: an online event is held online, not at a venue.
  const online = meta.venue !== undefined && /^(?:online|virtual|remote(?:ly)?|on zoom|on teams|zoom|microsoft teams|teams)$/i.test(meta.venue.trim())
  return {
    title: typesetTitle(meta.title),
    series,
    date: meta.date,
    host: meta.host,
    partner: meta.partner,
    venue: online ? undefined : meta.venue,
    participants: meta.participants,
    forewordBy: meta.forewordBy,
    reportType: profile.reportType,
    event: `${series ? `${/^[aeiou]/i.test(series) ? 'an' : 'a'} ${series}` : 'a workshop'}${online ? ' online' : ''}`,
    chapters: sections.filter((section) => section.number !== undefined).map((section) => section.title),
    standard: sections.filter((section) => section.role === 'insights').map((section) => section.title),
    audiences: sections.flatMap((section) => (section.audience && section.items.length > 0 ? [section.audience] : [])),
    ...contentSummary(sections),
  }
}

/** Fewest points worth a summary: below this the profile's own sentences say enough. */
const fewestPoints = 4
/** Most headlines a summary names, of the key insights and of the other themes each. */
const mostNamed = 3

/**
 * What the notes say, in two or three sentences drawn from the report:
 * how many points from how many sessions, the points that stood out (the Key
 * insights, with what earned them: tagged key, raised in the most sessions,
 * the strongest of its section) and the themes that ran through several
 * notes. Only headlines are named (at most eight words each, already
 * anonymised); a key insight with no short headline is counted, not quoted.
 */
export function contentSummary(sections: ReportSection[]): {summary: string; notes: number; sessions: number} {
  const insights = sections.filter((section) => section.role === 'insights')
  // The points of the chapters, and those tagged key (printed in Key insights only); not Key insights' copies of chapter notes.
  const items = sections
    .filter((section) => section.role === 'insights' || section.role === 'key')
    .flatMap((section) => section.items.filter((item) => (item.kind === 'note' || item.kind === 'quote') && item.placement.rule !== 'key'))
  const notes = items.reduce((sum, item) => sum + (themeCount(item)?.notes ?? 1), 0)
  const rooms = new Set<unknown>()
  for (const item of items) for (const room of roomsOf(item)) rooms.add(room)
  const sessions = rooms.size
  if (notes < fewestPoints) return {summary: '', notes, sessions}

  const sentences = [sessions >= 2 ? `Over ${numberWord(sessions)} sessions, participants raised ${count(notes)} points.` : `Participants raised ${count(notes)} points.`]
  const key = sections.find((section) => section.role === 'key')?.items ?? []
  const named = new Set<string>()
  const headlines = (list: ReportItem[]) => {
    const output: string[] = []
    for (const item of list) {
      const headline = shortHeadline(item)
      if (!headline || named.has(headline.toLowerCase())) continue
      named.add(headline.toLowerCase())
      output.push(headline)
      if (output.length >= mostNamed) break
    }
    return output
  }
  const tagged = key.filter((item) => item.placement.rule !== 'key')
  const earned = key.filter((item) => item.placement.rule === 'key' && /^raised in /.test(item.placement.reason))
  const strongest = key.filter((item) => item.placement.rule === 'key' && !/^raised in /.test(item.placement.reason))
  const all = items.map((item) => item.text).join('\n')
  // How many there are, and those with a headline short enough to name: all of them (`: a and b`), or some (`, among them a`).
  const stood = (list: ReportItem[], lead: (count: string) => string) => {
    if (list.length === 0) return
    const names = headlines(list).map((name) => lowerFirst(name, all))
    const listed = joined(names)
    sentences.push(names.length === 0 ? `${lead(numberWord(list.length))}.` : names.length === list.length ? `${lead(numberWord(list.length))}: ${listed}.` : `${lead(numberWord(list.length))}, among them ${listed}.`)
  }
  stood(tagged, (count) => `The facilitator marked ${count === 'one' ? 'one point' : `${count} points`} as key`)
  stood(earned, (count) => `${count === 'one' ? 'One point was' : `${capital(count)} points were`} raised in more sessions than any other`)
  stood(strongest, (count) => (count === 'one' ? 'One key insight is the strongest point of its section' : `${capital(count)} key insights are the strongest points of their sections`))
  const themes = insights
    .flatMap((section) => section.items)
    .filter((item) => (themeCount(item)?.notes ?? 1) >= 2)
    .sort((a, b) => themeCount(b)!.notes - themeCount(a)!.notes || a.line - b.line)
  const others = headlines(themes)
  if (others.length > 0) sentences.push(`${others.length === 1 ? 'A theme' : 'Themes'} that ran through several notes: ${joined(others.map((name) => lowerFirst(name, all)))}.`)
  return {summary: sentences.join(' '), notes, sessions}
}

/** An item's headline, or the item itself when it is short enough to be one; at most eight words, without its closing stop. */
function shortHeadline(item: ReportItem): string | undefined {
  const text = (item.headline ? plainText(item.headline) : item.text).trim().replace(/[.;:,–—-]+$/, '').trim()
  const count = text.split(/\s+/).length
  // Not a quotation, a tag, who said it, or a heading typed in capitals (`SELF-MANAGED SITES`): a summary names points in the report's voice.
  return text !== '' && count >= 2 && count <= 8 && !/[“”"#]/.test(text) && !aboutWho.test(text) && /\p{Ll}/u.test(text.replace(/^\S+/, '')) ? text : undefined
}

/** `a, b and c`, or `a; b; and c` when a name has a comma of its own. */
function joined(names: string[]): string {
  if (!names.some((name) => name.includes(','))) return listText(names)
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join('; ')}; and ${names.at(-1)}`
}

/** A headline inside a sentence: lower case, unless its first word is an acronym or written capitalised elsewhere (a name). */
function lowerFirst(text: string, all: string): string {
  // The first word's first run of letters: `Co` of `Co-locate`, `Strengths` of `Strengths-based`.
  const bare = /^\p{L}+/u.exec(text)?.[0] ?? ''
  if (!/^\p{Lu}\p{Ll}*$/u.test(bare) || capitalisedInside(bare, all)) return text
  return text.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase())
}

/** Is the word written capitalised after a lower-case letter or a comma (` a Word`, `, Word`): a name? Found by `indexOf`, not a scan per word. */
function capitalisedInside(word: string, all: string): boolean {
  for (let at = all.indexOf(` ${word}`); at !== -1; at = all.indexOf(` ${word}`, at + 1)) {
    const before = all[at - 1] ?? ''
    const after = all[at + word.length + 1] ?? ''
    if ((/\p{Ll}/u.test(before) || before === ',') && !/\p{L}/u.test(after)) return true
  }
  return false
}

/** A count as the reference writes it: words below ten, figures from ten. */
function count(value: number): string {
  return value < 10 ? numberWord(value) : String(value)
}

function capital(text: string): string {
  return text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())
}

export function introduction(meta: NotesMeta, profile: Profile, sections: ReportSection[]): string[] {
  const data = templateData(meta, profile, sections)
  return profile.introduction.map((template) => sentenceCase(template(data))).filter((paragraph) => paragraph !== '')
}

export function boilerplate(meta: NotesMeta, profile: Profile, sections: ReportSection[]): Boilerplate[] {
  const data = templateData(meta, profile, sections)
  return profile.boilerplate.map((block) => ({
    id: block.id,
    title: block.title ? block.title(data) : undefined,
    paragraphs: block
      .text(data)
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
    at: block.at,
  }))
}

function sentenceCase(text: string): string {
  return text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())
}
