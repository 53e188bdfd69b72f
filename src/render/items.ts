/**
 * The items a section lists, as every format prints them: those with
 * something to show, less the note a section opens with when the opening is
 * that note whole (printed once, as the opening: `ReportSection.opening`),
 * each list punctuated alike (`punctuateList`: copies, the model keeps the
 * notes as written).
 *
 * A long chapter is set under sub-heads, as the reference sets its chapters
 * (`EMPLOYEE SKILLSETS AND WAYS OF WORKING`, `SUPPORTIVE STRUCTURES…`): its
 * notes gathered by the session heading they were written under, where that
 * heading names a topic (`Table 1: participatory budgeting` → `Participatory
 * budgeting`) rather than the notes' structure (`Feedback round`, `Table
 * discussions`). Notes from no such heading come first, under none. Every
 * format asks `subheadBefore` of the items it prints.
 */
import {roomOf} from '../group/placement.js'
import {roomsOf} from '../group/themes.js'
import {punctuateList} from '../group/tidy.js'
import type {ReportItem, ReportSection} from '../types.js'

const subheads = new WeakMap<ReportItem, string>()

/** The sub-head printed before this item (one `listedItems` returned), if it opens a group. */
export function subheadBefore(item: ReportItem): string | undefined {
  return subheads.get(item)
}

export function listedItems(section: ReportSection): ReportItem[] {
  const opening = section.opening
  const items = section.items.filter(
    (item) => (item.content.length > 0 || item.children.length > 0) && !(opening && item.line === opening.line && item.column === opening.column && item.placement.rule !== 'key'),
  )
  const groups = topicGroups(section, items)
  if (!groups) return punctuateList(items, section.style)
  const ordered = groups.flatMap((group) => group.items)
  const listed = punctuateList(ordered, section.style)
  let at = 0
  for (const group of groups) {
    // On the group's first note rather than a pull quote: the markdown prints its quotes after the list.
    const first = group.items.findIndex((item) => item.kind !== 'quote')
    if (group.subhead && first >= 0) subheads.set(listed[at + first]!, group.subhead)
    at += group.items.length
  }
  return listed
}

/** Fewest numbered notes in a chapter set under sub-heads, and fewest notes under one sub-head. */
const longChapter = 8
const fewestUnder = 2

/** Headings that say how the day was run, not what was said: never a sub-head. */
const structural = /\b(?:tables?|sessions?|rounds?|discussions?|feedback|welcome|intros?|introductions?|plenary|breakouts?|break|morning|afternoon|wall|board|post[- ]?its?|notes|misc(?:ellaneous)?|other|mentioned|general|agenda|day|questions?|resources|links|examples?|picked)\b/i

function topicGroups(section: ReportSection, items: ReportItem[]): Array<{subhead?: string; items: ReportItem[]}> | undefined {
  if (section.role !== 'insights' || section.style !== 'numbered' || items.filter((item) => item.kind === 'note').length < longChapter) return undefined
  const title = words(section.title)
  const byTopic = new Map<string, ReportItem[]>()
  const topicOf = new Map<ReportItem, string>()
  for (const item of items) {
    const topic = topicHeading(item, title)
    if (topic === undefined) continue
    topicOf.set(item, topic)
    const list = byTopic.get(topic)
    if (list) list.push(item)
    else byTopic.set(topic, [item])
  }
  const kept = [...byTopic].filter(([, list]) => list.length >= fewestUnder)
  if (kept.length < 2) return undefined
  const keptTopics = new Set(kept.map(([topic]) => topic))
  const lead = items.filter((item) => !keptTopics.has(topicOf.get(item) ?? ''))
  const names = properWords(section)
  const cased = (topic: string) => topic.replace(/\p{L}[\p{L}'’]*/gu, (word) => (names.has(word) ? word.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase()) : word)).replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())
  return [{items: lead}, ...kept.map(([topic, list]) => ({subhead: cased(topic), items: list}))]
}

/**
 * Words the chapter writes with a capital inside a sentence (`in Wigan`, `the Deal`), lower-cased: a heading is
 * read in lower case (`wigan the deal`), and its names get their capitals back (`Wigan the Deal`).
 */
function properWords(section: ReportSection): Set<string> {
  const names = new Set<string>()
  const visit = (item: ReportItem) => {
    for (const match of item.text.matchAll(/[\p{Ll},]\s+(\p{Lu}\p{Ll}+)/gu)) if (!/^(?:the|a|an|of|and|in|on|for|to|at|by)$/i.test(match[1]!)) names.add(match[1]!.toLowerCase())
    item.children.forEach(visit)
  }
  section.items.forEach(visit)
  return names
}

/** The topic an item's session heading names, or undefined: a title of the notes, a caption, structure, or the chapter's own title. */
function topicHeading(item: ReportItem, title: Set<string>): string | undefined {
  let room = roomOf(item)
  if (!room) {
    const rooms = [...roomsOf(item)] as Array<ReturnType<typeof roomOf>>
    room = rooms.length === 1 ? rooms[0] : undefined
  }
  // A heading that named the section itself (`What's working – tools + methods`, placed by the profile's alias) is no topic within it.
  if (!room || room.title || room.caption || item.placement.rule === 'heading') return undefined
  const text = room.text.replace(/\s+/g, ' ').trim()
  const count = text === '' ? 0 : text.split(' ').length
  if (count < 1 || count > 8 || structural.test(text) || /\d/.test(text)) return undefined
  // A heading that only repeats the chapter's title (`culture and leadership` in Culture and leadership) adds nothing.
  const own = words(text)
  // Nor one that is mostly its words (`culture, skills, leadership` in Culture and leadership).
  if ([...own].filter((word) => title.has(word)).length * 2 >= own.size) return undefined
  return text
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 3))
}
