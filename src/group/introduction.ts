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

  const keyNamed = new Set<string>()
  const sentences = [sessions >= 2 ? `Over ${numberWord(sessions)} sessions, participants raised ${count(notes)} points.` : `Participants raised ${count(notes)} points.`]
  const key = sections.find((section) => section.role === 'key')?.items ?? []
  const headlines = (list: ReportItem[], named = keyNamed) => {
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
  // Key insights that are their sections' strongest points are named where their chapters are, below: no sentence of their own.
  // Then what each chapter holds, as the reference's introduction says what participants agreed: its points that ran
  // through the most notes first (a theme), then those the facilitator tagged key, then the rest as the notes had them.
  const synthesis: string[] = []
  // A chapter's points may be key insights too: named again here, in their chapter; never twice in one sentence.
  const chapterNamed = new Set<string>()
  for (const section of insights) {
    const ranked = section.items
      .filter((item) => item.kind === 'note' && item.placement.rule !== 'key')
      .map((item, order) => ({item, order, notes: themeCount(item)?.notes ?? 1, key: item.tags.includes('key') ? 1 : 0}))
      .sort((a, b) => b.notes - a.notes || b.key - a.key || a.order - b.order)
      .map((entry) => entry.item)
    const names = headlines(ranked, chapterNamed).map((name) => lowerFirst(name, all))
    if (names.length === 0) continue
    synthesis.push(`On ${lowerFirst(section.title, all)}, ${framing[Math.min(synthesis.length, framing.length - 1)]} ${listed(names)}.`)
  }
  return {summary: [sentences.join(' '), ...(synthesis.length > 0 ? [synthesis.join(' ')] : [])].join('\n\n'), notes, sessions}
}

/** How each chapter's sentence says its points were made: words of framing only, never a claim of the notes. */
const framing = ['participants raised', 'they described', 'they pointed to', 'they shared']

/** Points named in a sentence: one after a colon, more as a list set apart by semicolons (`: a; b; and c`), as each may be a clause. */
function listed(names: string[]): string {
  return names.length === 1 ? `this: ${names[0]}` : `these: ${names.slice(0, -1).join('; ')}; and ${names.at(-1)}`
}

/** An item's headline, or the item itself when it is short enough to be one; at most eight words, without its closing stop. */
function shortHeadline(item: ReportItem): string | undefined {
  // A caption (`Common threads from the intros:`) heads a list, it is no point of its own.
  if (!item.headline && /:\s*$/.test(item.text)) return undefined
  // A note whose words lean on a link or a footnote (`[the slides](…) had the numbers`) is not whole without it.
  if (!item.headline && item.content.some((node) => node.type === 'footnoteReference' || node.type === 'link')) return undefined
  const text = (item.headline ? plainText(item.headline) : item.text).trim().replace(/[.;:,–—-]+$/, '').trim()
  // Two sentences (`Money, obviously. But not only money`) are no headline.
  if (/[.!?]\s+\S/.test(text)) return undefined
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
  if (!/^\p{Lu}\p{Ll}*$/u.test(bare) || (!/^(?:the|a|an|this|that|these|those|it|we|our|there)$/i.test(bare) && capitalisedInside(bare, all))) return text
  // A name of several words (`Coventry City Council`, `Talking Points in…`) or a possessive (`Bristol's`) keeps its capital.
  if (/^\S+\s+\p{Lu}\p{Ll}/u.test(text) || /^\p{L}+['’]s\b/u.test(text)) return text
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

/** `data`: the template data when the caller has it already (the summary is read from every section: made once per report). */
export function introduction(meta: NotesMeta, profile: Profile, sections: ReportSection[], data = templateData(meta, profile, sections)): string[] {
  // The summary is two paragraphs (what stood out; what each chapter holds): a template's text may hold a blank line.
  return profile.introduction.flatMap((template) => template(data).split(/\n\s*\n/).map((paragraph) => sentenceCase(paragraph.trim()))).filter((paragraph) => paragraph !== '')
}

export function boilerplate(meta: NotesMeta, profile: Profile, sections: ReportSection[], data = templateData(meta, profile, sections)): Boilerplate[] {
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
