/**
 * Group stage: place the anonymised notes in the profile's standard sections
 * and build the report model (`file.data.report`) every output is written from.
 *
 * A note is placed by its hashtags first, then by the headings it sits under
 * (nearest first); anything left lands in the fallback section with an
 * `exchange:unplaced-note` warning.
 */
import type {PhrasingContent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {NotesMeta, Placement, Report, ReportItem, ReportSection} from '../types.js'
import {collectDefinitions, numberFootnotes} from './footnotes.js'
import {introduction, chathamHouseStatement} from './introduction.js'
import type {Profile, ProfileSection} from './profile.js'
import {headingMatches, segment, type Note} from './segment.js'

export interface GroupOptions {
  profile: Profile
}

export default function remarkGroup(options: GroupOptions) {
  return function (tree: Root, file: VFile) {
    file.data.report = groupNotes(tree, file, options.profile)
  }
}

/** Build the report model from an anonymised notes tree. */
export function groupNotes(tree: Root, file: VFile, profile: Profile): Report {
  const meta: NotesMeta = file.data.meta ?? {title: file.stem ?? 'Workshop notes', lang: 'en-GB'}
  const {notes, parts, skipped} = segment(tree, profile)
  for (const skip of skipped) {
    file.info(`Left out a block: ${skip.reason}`, {place: {line: skip.line, column: skip.column}, ruleId: 'left-out', source: 'exchange'})
  }

  const sections: ReportSection[] = [...profile.sections, profile.fallback].map((section) => ({
    id: section.id,
    title: section.title,
    intro: section.intro,
    style: section.style,
    items: [],
  }))
  const byId = new Map(sections.map((section) => [section.id, section]))

  for (const note of notes) {
    const item = toItem(note, profile)
    if (item.text === '' && item.children.length === 0) continue
    if (item.placement.rule === 'fallback') {
      const message = file.message(`Unplaced note \`${truncate(item.text)}\`: no hashtag or heading matches a section, it goes to “${profile.fallback.title}”`, {
        place: {line: item.line, column: item.column},
        ruleId: 'unplaced-note',
        source: 'exchange',
      })
      message.fatal = false
    }
    byId.get(item.placement.section)!.items.push(item)
  }

  const footnotes = numberFootnotes(sections, collectDefinitions(tree))
  const refresh = (item: ReportItem) => {
    item.text = plain(item.content)
    item.children.forEach(refresh)
  }
  sections.forEach((section) => section.items.forEach(refresh))

  return {
    meta: {...meta, reportType: profile.reportType, profile: profile.id},
    introduction: introduction(meta, profile, sections),
    chathamHouse: chathamHouseStatement,
    foreword: parts.foreword && {...parts.foreword, by: meta.forewordBy},
    conclusion: parts.conclusion,
    sections: sections.filter((section) => section.items.length > 0),
    footnotes,
  }
}

function toItem(note: Note, profile: Profile): ReportItem {
  const placement = place(note, profile)
  const content = trimContent(note.content)
  const {headline, detail} = splitHeadline(content)
  return {
    content,
    headline,
    detail,
    text: plain(content),
    line: note.line,
    column: note.column,
    tags: note.tags,
    quote: note.quote || isQuote(plain(content)),
    children: note.children.map((child) => ({...toItem(child, profile), placement})),
    placement,
  }
}

/** Hashtags first, then the nearest heading that matches, else the fallback. */
export function place(note: Note, profile: Profile): Placement {
  for (const tag of note.tags) {
    const section = profile.sections.find((candidate) => candidate.tags.includes(tag))
    if (section) return {section: section.id, rule: 'hashtag', reason: `tagged #${tag}`}
  }
  for (const heading of note.headings) {
    for (const section of profile.sections) {
      const alias = headingMatches(heading, section.headings)
      if (alias) return {section: section.id, rule: 'heading', reason: `under the heading “${heading}” (matches “${alias}”)`}
    }
  }
  return {section: profile.fallback.id, rule: 'fallback', reason: 'no hashtag or heading matched a section'}
}

/**
 * `Consultation is broken – residents are asked…` → a bold headline and its
 * detail, as the reference reports set their insights.
 */
export function splitHeadline(content: PhrasingContent[]): {headline?: PhrasingContent[]; detail?: PhrasingContent[]} {
  const first = content[0]
  if (!first || first.type !== 'text') return {}
  const match = /^(.{3,90}?)\s+[–—-]\s+(?=\S)/u.exec(first.value)
  if (!match) return {}
  const words = match[1]!.trim().split(/\s+/)
  if (words.length < 2 || words.length > 12 || /["“”]/.test(match[1]!)) return {}
  const rest = first.value.slice(match[0].length)
  const detail: PhrasingContent[] = [{type: 'text', value: rest.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())}, ...content.slice(1)]
  return {headline: [{type: 'text', value: match[1]!.trim()}], detail}
}

function trimContent(content: PhrasingContent[]): PhrasingContent[] {
  const copy = content.map((node) => ({...node})) as PhrasingContent[]
  const first = copy[0]
  if (first && first.type === 'text') first.value = first.value.replace(/^\s+/, '')
  const last = copy.at(-1)
  if (last && last.type === 'text') last.value = last.value.replace(/\s+$/, '')
  return copy.filter((node) => !(node.type === 'text' && node.value === ''))
}

function isQuote(text: string): boolean {
  return /^["“][^"“”]{8,}["”]\.?$/u.test(text)
}

function plain(content: PhrasingContent[]): string {
  return toString({type: 'paragraph', children: content}).replace(/\s+/g, ' ').trim()
}

function truncate(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

export type {ProfileSection}
