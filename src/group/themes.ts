/**
 * Themes inside a section, as the reference reports set their numbered
 * insights: notes on the same theme gathered under one short bold headline
 * (taken from the theme's most central note), the others kept under it with
 * their own sub-points; and the same point made in different sessions or
 * rooms merged into one note that says how many raised it (never who).
 *
 * Likeness is weighted word overlap: the notes' content stems, each weighted
 * by how rare it is in this report (a word in most notes says nothing of a
 * theme). Only plain notes are gathered: quotes, questions, links and table
 * rows keep their own place.
 *
 * A section opens with its most central note's first sentence (the
 * profile's sentence stays where no note is central).
 *
 * Key insights are then earned: the themes raised in the most sessions and
 * notes, besides those tagged `#key`, each with why.
 */
import type {PhrasingContent} from 'mdast'
import type {Placement, ReportItem, ReportSection} from '../types.js'
import {contentStems} from './keywords.js'
import {roomOf} from './placement.js'
import {plainText} from './segment.js'
import {capitaliseFirst} from './tidy.js'

export interface ThemeOptions {
  /** Stem cache of the profile. */
  cache: Map<string, string>
  /** Records a note merged into another (SPEC: nothing said is lost). */
  leaveOut: (at: {line: number; column: number}, text: string, rule: string, reason: string) => void
  /** Each item's strength (for Key insights and limits): a theme is as strong as its central note, plus one per other note. */
  strength?: Map<ReportItem, number>
  /** Likeness from which two notes are the same point said twice (0–1). */
  duplicate?: number
  /** Closeness (weighted overlap) from which a note joins a theme (0–1). */
  theme?: number
}

/** How often a theme (or a merged note) came up. */
export interface ThemeCount {
  notes: number
  rooms: number
  /** The section it is in. */
  section: string
}

const counts = new WeakMap<ReportItem, ThemeCount>()

/** How many notes and sessions a report item stands for (1 and 1 for a lone note). */
export function themeCount(item: ReportItem): ThemeCount | undefined {
  return counts.get(item)
}

/** A note's stems as ids in ascending order, their weights, and the weights' sum: compared by one merge, without allocating. */
interface Vector {
  ids: Int32Array
  weights: Float64Array
  total: number
}

/**
 * The notes of a section and the pairs among them that can be alike at all:
 * likeness and closeness need two shared stems, so only the notes that share
 * two stems are compared, found through each stem's list of notes. A section
 * of 20,000 notes costs what their shared stems cost, not 200 million pairs.
 */
class Neighbourhood {
  readonly #near: ReportItem[][]
  readonly #index: Map<ReportItem, number>
  readonly #memo = new Map<number, number>()
  readonly #vectors: Map<ReportItem, Vector>

  constructor(items: ReportItem[], vectors: Map<ReportItem, Vector>) {
    this.#vectors = vectors
    this.#index = new Map(items.map((item, index) => [item, index]))
    const postings = new Map<number, number[]>()
    items.forEach((item, index) => {
      for (const id of vectors.get(item)!.ids) {
        const list = postings.get(id)
        if (list) list.push(index)
        else postings.set(id, [index])
      }
    })
    const shared = new Int32Array(items.length)
    this.#near = items.map((item, index) => {
      const touched: number[] = []
      for (const id of vectors.get(item)!.ids) {
        for (const other of postings.get(id)!) if (other !== index && shared[other]!++ === 0) touched.push(other)
      }
      const near = touched.filter((other) => shared[other]! >= 2).sort((a, b) => a - b)
      for (const other of touched) shared[other] = 0
      return near.map((other) => items[other]!)
    })
  }

  /** The notes that share two stems or more with this one, in the section's order. */
  near(item: ReportItem): ReportItem[] {
    return this.#near[this.#index.get(item)!]!
  }

  /** Is `other` after `item` in the section? */
  after(item: ReportItem, other: ReportItem): boolean {
    return this.#index.get(other)! > this.#index.get(item)!
  }

  /** Closeness of a pair of near notes, computed once: the themes, the opening and the central notes all ask. */
  close(a: ReportItem, b: ReportItem): number {
    const [i, j] = [this.#index.get(a)!, this.#index.get(b)!]
    const at = Math.min(i, j) * this.#index.size + Math.max(i, j)
    let value = this.#memo.get(at)
    if (value === undefined) this.#memo.set(at, (value = closeness(this.#vectors.get(a)!, this.#vectors.get(b)!)))
    return value
  }
}

/** Stems that say nothing of a theme, whatever the report. */
const vague = new Set('one who what which there have has been more than not just all can will get also very much many some about other more most like need make way thing lot'.split(' '))

export function gatherThemes(sections: ReportSection[], options: ThemeOptions): void {
  const duplicate = options.duplicate ?? 0.55
  const themeAt = options.theme ?? 0.35
  const candidates = sections.filter((section) => section.role === 'insights' || section.role === 'further')
  const members = candidates.flatMap((section) => section.items.filter(gatherable))
  if (members.length < 2) return
  const vectors = weigh(members, options.cache)

  for (const section of candidates) {
    const items = section.items.filter(gatherable)
    const hood = new Neighbourhood(items, vectors)
    const rooms = new Map<ReportItem, Set<unknown>>(items.map((item) => [item, new Set([roomOf(item) ?? item])]))
    const merged = new Map<ReportItem, number>()
    const gone = new Set<ReportItem>()

    // The same point from different rooms: one note, "raised in N sessions".
    for (const first of items) {
      if (gone.has(first)) continue
      for (const other of hood.near(first)) {
        if (!hood.after(first, other) || gone.has(other) || roomOf(other) === roomOf(first) || likeness(vectors.get(first)!, vectors.get(other)!) < duplicate) continue
        gone.add(other)
        first.children.push(...other.children)
        for (const room of rooms.get(other)!) rooms.get(first)!.add(room)
        merged.set(first, (merged.get(first) ?? 1) + 1)
        options.leaveOut(other, other.text, 'duplicate-note', `the same point as the note on line ${first.line}, raised in another session: merged into it`)
      }
    }
    for (const [item, notes] of merged) {
      addSessions(item, rooms.get(item)!.size)
      counts.set(item, {notes, rooms: rooms.get(item)!.size, section: section.id})
    }

    // Themes: each note joins the theme it is most like, if like enough; else starts one.
    const kept = items.filter((item) => !gone.has(item))
    const themes: ReportItem[][] = []
    const themeOf = new Map<ReportItem, number>()
    for (const item of kept) {
      // A theme's score is its closest member's; only near notes can be close at all. The first theme wins a tie.
      const scores = new Map<number, number>()
      for (const other of hood.near(item)) {
        const theme = themeOf.get(other)
        if (theme !== undefined) scores.set(theme, Math.max(scores.get(theme) ?? 0, hood.close(other, item)))
      }
      let best: {theme: number; score: number} | undefined
      for (const [theme, score] of scores) {
        if (score >= themeAt && (!best || score > best.score || (score === best.score && theme < best.theme))) best = {theme, score}
      }
      const theme = best ? best.theme : themes.push([]) - 1
      themes[theme]!.push(item)
      themeOf.set(item, theme)
    }

    const opening = centralSentence(kept, hood)
    if (opening) section.intro = opening

    const replaced = new Map<ReportItem, ReportItem | null>()
    for (const theme of themes) {
      if (theme.length < 2) continue
      const central = mostCentral(theme, hood)
      const item = themeItem(central, theme)
      const themeRooms = new Set(theme.flatMap((member) => [...rooms.get(member)!]))
      const notes = theme.reduce((sum, member) => sum + (counts.get(member)?.notes ?? 1), 0)
      counts.set(item, {notes, rooms: themeRooms.size, section: section.id})
      options.strength?.set(item, (options.strength.get(central) ?? 0) + notes - 1)
      theme.forEach((member, index) => replaced.set(member, index === 0 ? item : null))
    }
    section.items = section.items.flatMap((item) => {
      if (gone.has(item)) return []
      const replacement = replaced.get(item)
      return replacement === undefined ? [item] : replacement === null ? [] : [replacement]
    })
    for (const item of section.items) if (!counts.has(item)) counts.set(item, {notes: 1, rooms: 1, section: section.id})
  }
}

/** The Key insights section's opening when its insights were earned rather than tagged. */
export const earnedIntro = 'The points participants raised in the most sessions during the day.'

/**
 * Key insights earned besides `#key`: the themes (or merged notes) raised in
 * at least two sessions, most sessions then most notes first, up to `room`
 * of them; each repeated in the Key insights section with why.
 */
export function earnedKeyInsights(sections: ReportSection[], key: ReportSection, room: number): number {
  const ranked = sections
    .filter((section) => section.role === 'insights')
    .flatMap((section) => section.items.map((item) => ({item, section, count: counts.get(item)})))
    .filter((entry): entry is {item: ReportItem; section: ReportSection; count: ThemeCount} => entry.count !== undefined && entry.count.rooms >= 2 && entry.item.kind === 'note')
    .sort((a, b) => b.count.rooms - a.count.rooms || b.count.notes - a.count.notes || a.item.line - b.item.line)
  const already = new Set(key.items.map((item) => item.line))
  let added = 0
  for (const {item, section, count} of ranked) {
    if (added >= room) break
    if (already.has(item.line)) continue
    const placement: Placement = {section: key.id, rule: 'key', reason: `raised in ${count.notes} notes across ${count.rooms} sessions, among the most of any theme (in “${section.title}”)`, score: count.rooms}
    key.items.push({...structuredClone({...item, children: []}), placement})
    added++
  }
  return added
}

function gatherable(item: ReportItem): boolean {
  return item.kind === 'note' && item.source !== 'table' && item.placement.rule !== 'key' && item.placement.rule !== 'round-up' && !item.content.some((node) => node.type === 'footnoteReference')
}

const digitsOnly = /^\d+$/

/** Each note's stems, weighted by rarity across the notes (idf); stems in most notes dropped. */
function weigh(items: ReportItem[], cache: Map<string, string>): Map<ReportItem, Vector> {
  // Written as plain loops: this runs for every note of every report, and its garbage was most of grouping's.
  const stems = new Map<ReportItem, Set<string>>()
  const frequency = new Map<string, number>()
  for (const item of items) {
    const set = new Set<string>()
    for (const stem of contentStems(item.text, cache)) if (stem.length > 2 && !vague.has(stem) && !digitsOnly.test(stem)) set.add(stem)
    stems.set(item, set)
    for (const stem of set) frequency.set(stem, (frequency.get(stem) ?? 0) + 1)
  }
  const common = Math.max(3, items.length * 0.2)
  const vectors = new Map<ReportItem, Vector>()
  const ids = new Map<string, number>()
  const weightOf = new Map<number, number>()
  for (const [item, set] of stems) {
    const kept: number[] = []
    for (const stem of set) {
      const count = frequency.get(stem)!
      if (count > common) continue
      let id = ids.get(stem)
      if (id === undefined) ids.set(stem, (id = ids.size))
      kept.push(id, count)
    }
    // Sort the (id, count) pairs by id, then lay them out as the vector.
    const order = Array.from({length: kept.length / 2}, (_, index) => index).sort((x, y) => kept[2 * x]! - kept[2 * y]!)
    const vector: Vector = {ids: new Int32Array(order.length), weights: new Float64Array(order.length), total: 0}
    order.forEach((pair, index) => {
      const count = kept[2 * pair + 1]!
      let weight = weightOf.get(count)
      if (weight === undefined) weightOf.set(count, (weight = Math.log(1 + items.length / count)))
      vector.ids[index] = kept[2 * pair]!
      vector.weights[index] = weight
      vector.total += weight
    })
    vectors.set(item, vector)
  }
  return vectors
}

/** What two notes' weighted stems share (weight and count), by one merge of their sorted ids; kept here, not allocated. */
let sharedWeight = 0
let sharedCount = 0
function overlap(a: Vector, b: Vector): void {
  sharedWeight = 0
  sharedCount = 0
  let i = 0
  let j = 0
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!
    const y = b.ids[j]!
    if (x === y) {
      sharedWeight += a.weights[i]!
      sharedCount++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
}

/** Weighted Jaccard: the weight both share over the weight of all; two shared stems at least. */
function likeness(a: Vector, b: Vector): number {
  overlap(a, b)
  const all = a.total + b.total - sharedWeight
  return sharedCount >= 2 && all > 0 ? sharedWeight / all : 0
}

/**
 * The weight both share over the lighter note's weight: a short note on the
 * theme of a longer one is close to it. Two shared stems at least.
 */
function closeness(a: Vector, b: Vector): number {
  overlap(a, b)
  return sharedCount >= 2 ? sharedWeight / Math.min(a.total, b.total) : 0
}

/**
 * A section's opening, drawn from its own notes: the first sentence of its
 * most central note (the one closest to the most others), when at least two
 * others are close to it and the sentence reads as one (6–40 words, no link).
 */
function centralSentence(items: ReportItem[], hood: Neighbourhood): string | undefined {
  if (items.length < 3) return undefined
  const among = new Set(items)
  let best: {item: ReportItem; score: number; links: number} | undefined
  for (const item of items) {
    let score = 0
    let links = 0
    for (const other of hood.near(item)) {
      if (!among.has(other)) continue
      const value = hood.close(item, other)
      score += value
      if (value > 0) links++
    }
    if (!best || score > best.score) best = {item, score, links}
  }
  if (!best || best.links < 2) return undefined
  // An opening states the point: the anonymised attribution goes (`One participant said that …`).
  const text = best.item.text
    .replace(/^(?:(?:one|a|another) participant|participants|one councillor) (?:said|noted|thinks|thought|reckons|felt|agreed|argued)(?: that)?\s+/i, '')
    // `Table 2: mix channels, …` → `Mix channels, …`: which table said it is the notes' structure, not the point.
    .replace(/^(?:table|group|breakout|room|session|round)\s+[\p{L}\d]{1,3}\s*[:–—-]\s*/iu, '')
    .replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())
  // A pronoun with nothing before it to refer to, or a bare placeholder, does not open a section.
  if (/^(?:one|a|another) (?:council|area|borough|county|city|authority)\s+[–—-]|^(?:they|he|she|her|his|their|it|we|our|this|that)\b/i.test(text)) return undefined
  const sentence = (/^.+?[.!?](?=\s+\p{Lu}|$)/u.exec(text)?.[0] ?? text).trim()
  const words = sentence.split(/\s+/).length
  if (words < 6 || words > 40 || /https?:|www\./.test(sentence)) return undefined
  return /[.!?]$/.test(sentence) ? sentence : `${sentence.replace(/[,;:–—-]+$/, '')}.`
}

function mostCentral(theme: ReportItem[], hood: Neighbourhood): ReportItem {
  const members = new Set(theme)
  let best = theme[0]!
  let bestScore = -1
  for (const item of theme) {
    const score = hood.near(item).reduce((sum, other) => sum + (members.has(other) ? hood.close(item, other) : 0), 0) + (item.headline ? 0.01 : 0)
    if (score > bestScore) [best, bestScore] = [item, score]
  }
  return best
}

/** A theme as one item: the central note's headline (or first clause) in bold, its detail, the others under it. */
function themeItem(central: ReportItem, theme: ReportItem[]): ReportItem {
  const split = central.headline && central.detail ? {headline: central.headline, detail: central.detail} : firstClause(central.content)
  const others = theme.filter((member) => member !== central)
  const base: ReportItem = {...central, children: [...central.children, ...others]}
  if (!split) return base
  const content: PhrasingContent[] = [...split.headline, {type: 'text', value: ' – '}, ...split.detail]
  return {...base, headline: split.headline, detail: split.detail, content, text: plainText(content)}
}

/** `Named caseworkers, who stay with the family from first contact` → headline and detail at the first clause. */
function firstClause(content: PhrasingContent[]): {headline: PhrasingContent[]; detail: PhrasingContent[]} | undefined {
  const first = content[0]
  if (!first || first.type !== 'text') return undefined
  const match = /^(.{12,80}?)(?:\s*[,;:–—]\s+|\s+-\s+)(?=\S)/u.exec(first.value)
  if (!match) return undefined
  const words = match[1]!.trim().split(/\s+/)
  if (words.length < 2 || words.length > 10) return undefined
  const rest = first.value.slice(match[0].length)
  if (rest.trim().split(/\s+/).length < 3) return undefined
  return {headline: [{type: 'text', value: match[1]!.trim()}], detail: capitaliseFirst([{type: 'text', value: rest}, ...content.slice(1)])}
}

/** `… and say so early` → `… and say so early. Raised in 3 sessions.` */
function addSessions(item: ReportItem, rooms: number): void {
  const note = ` (raised in ${rooms} sessions)`
  const append = (content: PhrasingContent[]): PhrasingContent[] => {
    const last = content.at(-1)
    if (last?.type === 'text') {
      const match = /([.!?…]*)\s*$/.exec(last.value)!
      return [...content.slice(0, -1), {type: 'text', value: `${last.value.slice(0, match.index)}${note}${match[1] || ''}`}]
    }
    return [...content, {type: 'text', value: note}]
  }
  item.content = append(item.content)
  if (item.detail) item.detail = append(item.detail)
  item.text = plainText(item.content)
}
