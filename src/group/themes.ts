/**
 * Themes inside a section, as the reference reports set their numbered
 * insights: notes on the same theme gathered under one short bold headline
 * (taken from the theme's most central note), the others kept under it with
 * their own sub-points; and the same point made in different sessions or
 * rooms merged into one note that says how many raised it (never who),
 * unless the two differ in a figure, a name, a negation or a date
 * (`particulars.ts`): then both are kept, and gathered as one theme.
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
import {recordOf} from './note-text.js'
import {particularsDiffer} from './particulars.js'
import {roomOf} from './placement.js'
import {plainText} from './segment.js'
import {numberWord} from './template.js'
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
/** The sessions (headings) each item of a gathered section stands for: a theme's or a merged note's, all of its notes'. */
const itemRooms = new WeakMap<ReportItem, Set<unknown>>()

/** The sessions an item stands for: its own heading, or every heading of a theme's or merged note's notes. */
export function roomsOf(item: ReportItem): Set<unknown> {
  const known = itemRooms.get(item)
  if (known) return known
  const room = roomOf(item)
  return new Set(room === undefined ? [] : [room])
}

/** How many notes and sessions a report item stands for (1 and 1 for a lone note). */
export function themeCount(item: ReportItem): ThemeCount | undefined {
  return counts.get(item)
}

/** A note's stems as ids in ascending order, their weights, and the weights' sum: compared by one merge, without allocating. */
interface Vector {
  ids: Int32Array
  weights: Float64Array
  total: number
  /** Its stems as written, `''` where a word was dropped: made into pairs only when a phrase is looked for. */
  order: string[]
  /** Its stems two by two as written (`warm space`, `space free`, `free wifi`): a phrase two notes share. */
  pairs?: Set<string>
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
  const {vectors, ids} = weigh(members, options.cache)
  // Made when the first theme needs a headline: most sections have none.
  let properWords: Set<string> | undefined
  const proper = () => (properWords ??= properNouns(members))

  // No two sections open the same way: the openings of the sections not gathered here come first.
  const used = new Set(sections.filter((section) => !candidates.includes(section)).map((section) => openingKey(section.intro)))
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
        // Alike but for a figure, a name, a negation or a date (`down by 3 weeks`, `down by 2 weeks`): two points, both kept (a theme may gather them).
        if (particularsDiffer(first.text, other.text)) continue
        gone.add(other)
        first.children.push(...other.children)
        for (const room of rooms.get(other)!) rooms.get(first)!.add(room)
        merged.set(first, (merged.get(first) ?? 1) + 1)
        options.leaveOut(other, other.text, 'duplicate-note', `the same point as the note on line ${first.line}, raised in another session: merged into it`)
      }
    }
    for (const [item, notes] of merged) {
      itemRooms.set(item, rooms.get(item)!)
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

    const replaced = new Map<ReportItem, ReportItem | null>()
    for (const theme of themes) {
      if (theme.length < 2) continue
      const central = mostCentral(theme, hood)
      const item = themeItem(central, theme, themeHeadline(central, theme, {vectors, ids, cache: options.cache, proper: proper()}), proper())
      const themeRooms = new Set(theme.flatMap((member) => [...rooms.get(member)!]))
      const notes = theme.reduce((sum, member) => sum + (counts.get(member)?.notes ?? 1), 0)
      counts.set(item, {notes, rooms: themeRooms.size, section: section.id})
      itemRooms.set(item, themeRooms)
      options.strength?.set(item, (options.strength.get(central) ?? 0) + notes - 1)
      theme.forEach((member, index) => replaced.set(member, index === 0 ? item : null))
    }
    section.items = section.items.flatMap((item) => {
      if (gone.has(item)) return []
      const replacement = replaced.get(item)
      return replacement === undefined ? [item] : replacement === null ? [] : [replacement]
    })
    const opening = openingOf(kept, hood, used, (item) => !replaced.has(item) && item.children.length === 0)
    if (opening) {
      section.intro = opening.sentence
      if (opening.whole) section.opening = {line: opening.item.line, column: opening.item.column}
    }
    used.add(openingKey(section.intro))
    for (const item of section.items) if (!counts.has(item)) counts.set(item, {notes: 1, rooms: 1, section: section.id})
  }
}

/** The Key insights section's opening when its insights were earned rather than tagged. */
export const earnedIntro = 'The points participants raised in the most sessions during the day, each with how many.'

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
    const copy: ReportItem = {...structuredClone({...item, children: []}), placement}
    // What earned it, where it is printed: a merged note says so already.
    if (!/\(raised in \d+ sessions\)/.test(copy.text)) addSessions(copy, count.rooms)
    key.items.push(copy)
    added++
  }
  return added
}

function gatherable(item: ReportItem): boolean {
  return item.kind === 'note' && item.source !== 'table' && item.placement.rule !== 'key' && item.placement.rule !== 'round-up' && !item.content.some((node) => node.type === 'footnoteReference')
}

const digitsOnly = /^\d+$/

/** Each note's stems, weighted by rarity across the notes (idf); stems in most notes dropped. */
function weigh(items: ReportItem[], cache: Map<string, string>): {vectors: Map<ReportItem, Vector>; ids: Map<string, number>} {
  // Written as plain loops: this runs for every note of every report, and its garbage was most of grouping's.
  const stems = new Map<ReportItem, Set<string>>()
  const orders = new Map<ReportItem, string[]>()
  const frequency = new Map<string, number>()
  for (const item of items) {
    const set = new Set<string>()
    const order: string[] = []
    for (const stem of recordOf(item, cache).contentStems) {
      const kept = stem.length > 2 && !vague.has(stem) && !digitsOnly.test(stem)
      if (kept) set.add(stem)
      order.push(kept ? stem : '')
    }
    stems.set(item, set)
    orders.set(item, order)
    for (const stem of set) frequency.set(stem, (frequency.get(stem) ?? 0) + 1)
  }
  const common = Math.max(3, items.length * 0.2)
  const vectors = new Map<ReportItem, Vector>()
  const ids = new Map<string, number>()
  const weightOf = new Map<number, number>()
  // Each id's weight, by id: a stem's weight is the same in every note.
  const weights: number[] = []
  for (const [item, set] of stems) {
    const kept = new Int32Array(set.size)
    let length = 0
    for (const stem of set) {
      const count = frequency.get(stem)!
      if (count > common) continue
      let id = ids.get(stem)
      if (id === undefined) {
        ids.set(stem, (id = ids.size))
        let weight = weightOf.get(count)
        if (weight === undefined) weightOf.set(count, (weight = Math.log(1 + items.length / count)))
        weights[id] = weight
      }
      kept[length++] = id
    }
    // The ids in ascending order (a typed array sorts by value), then their weights beside them.
    const sorted = kept.subarray(0, length).sort()
    const vector: Vector = {ids: sorted, weights: new Float64Array(length), total: 0, order: orders.get(item)!}
    for (let index = 0; index < length; index++) {
      const weight = weights[sorted[index]!]!
      vector.weights[index] = weight
      vector.total += weight
    }
    vectors.set(item, vector)
  }
  return {vectors, ids}
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
 * theme of a longer one is close to it. Two shared stems at least; two long
 * notes that share a phrase (two pairs of words as written) are close
 * however much else each says.
 */
function closeness(a: Vector, b: Vector): number {
  overlap(a, b)
  if (sharedCount < 2) return 0
  const value = sharedWeight / Math.min(a.total, b.total)
  // A phrase of two pairs has three stems at least: fewer shared, and no pairs need making.
  return value >= phrase || sharedCount < 3 ? value : Math.max(value, sharedPhrase(a, b) ? phrase : 0)
}

/** Closeness of two notes that share a phrase of three words or more, however long the notes (`a warm space with free wifi`). */
const phrase = 0.5

function pairsOf(vector: Vector): Set<string> {
  if (vector.pairs) return vector.pairs
  const pairs = new Set<string>()
  for (let index = 1; index < vector.order.length; index++) {
    const [previous, stem] = [vector.order[index - 1]!, vector.order[index]!]
    if (previous !== '' && stem !== '') pairs.add(`${previous} ${stem}`)
  }
  return (vector.pairs = pairs)
}

/** Do the two notes share two pairs of stems as written (a phrase of three words, or two of two)? */
function sharedPhrase(a: Vector, b: Vector): boolean {
  const [x, y] = [pairsOf(a), pairsOf(b)]
  const [small, large] = x.size <= y.size ? [x, y] : [y, x]
  let shared = 0
  for (const pair of small) if (large.has(pair) && ++shared >= 2) return true
  return false
}

/** How central (of the most central note's score) a note printed once as the opening may be, to be preferred. */
const nearlyAsCentral = 0.6

/** How an opening starts (its first two words), to tell two sections' openings apart. */
function openingKey(intro: string | undefined): string {
  return (intro ?? '').toLowerCase().split(/\s+/).slice(0, 2).join(' ')
}

/**
 * A section's opening, drawn from its own notes: the first sentence of its
 * most central note (the one closest to the most others), when at least two
 * others are close to it, the sentence reads as one (6–40 words, no link)
 * and no section before it opens the same way; else the next most central.
 * `whole` when the sentence is the note entire and the note stands alone
 * (`alone`: in no theme, no sub-points): it is then printed once, as the
 * opening, not again in the list.
 */
function openingOf(items: ReportItem[], hood: Neighbourhood, used: Set<string>, alone: (item: ReportItem) => boolean): {sentence: string; item: ReportItem; whole: boolean} | undefined {
  if (items.length < 3) return undefined
  const among = new Set(items)
  const ranked: Array<{item: ReportItem; score: number}> = []
  for (const item of items) {
    let score = 0
    let links = 0
    for (const other of hood.near(item)) {
      if (!among.has(other)) continue
      const value = hood.close(item, other)
      score += value
      if (value > 0) links++
    }
    if (links >= 2) ranked.push({item, score})
  }
  ranked.sort((a, b) => b.score - a.score || a.item.line - b.item.line)
  // A note that is printed once, as the opening, is preferred to one a little more central that the list repeats.
  let best: {sentence: string; item: ReportItem; score: number; whole: boolean} | undefined
  for (const {item, score} of ranked) {
    if (best && (best.whole || score < best.score * nearlyAsCentral)) break
    const opening = openingSentence(item.text)
    if (!opening || used.has(openingKey(opening.sentence))) continue
    const whole = opening.whole && alone(item)
    if (!best) best = {sentence: opening.sentence, item, score, whole}
    else if (whole) return {sentence: opening.sentence, item, whole}
  }
  return best
}

/** A note's first sentence as an opening (`whole`: it is all the note says), or undefined when it cannot open a section. */
function openingSentence(note: string): {sentence: string; whole: boolean} | undefined {
  // An opening states the point: the anonymised attribution goes (`One participant said that …`).
  const text = note
    .replace(/^(?:(?:one|a|another) participant|participants|one councillor) (?:said|noted|thinks|thought|reckons|felt|agreed|argued)(?: that)?\s+/i, '')
    // `Table 2: mix channels, …` → `Mix channels, …`: which table said it is the notes' structure, not the point.
    .replace(/^(?:table|group|breakout|room|session|round)\s+[\p{L}\d]{1,3}\s*[:–—-]\s*/iu, '')
    .replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())
  // A pronoun with nothing before it to refer to, or a bare placeholder, does not open a section.
  if (/^(?:one|a|another) (?:council|area|borough|county|city|authority)\s+[–—-]|^(?:they|he|she|her|his|their|it|we|our|this|that)\b/i.test(text)) return undefined
  const sentence = (/^.+?[.!?](?=\s+\p{Lu}|$)/u.exec(text)?.[0] ?? text).trim()
  const words = sentence.split(/\s+/).length
  if (words < 6 || words > 40 || /https?:|www\./.test(sentence)) return undefined
  const bare = (value: string) => value.replace(/[\s.!?…,;:–—-]+$/, '')
  // Whole only when the note's own words are all there: an opening that dropped `One participant said` is not the note as written.
  return {sentence: /[.!?]$/.test(sentence) ? sentence : `${bare(sentence)}.`, whole: bare(sentence) === bare(note.trim()).replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())}
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

/**
 * A theme as one item: a headline over the central note, the others under it.
 * The headline is the central note's own (`Headline – detail`) or its first
 * clause when that is the theme's phrase; else the derived phrase, set over
 * the whole central note as the reference sets `SOFT SKILLS: Meaningful…`.
 */
function themeItem(central: ReportItem, theme: ReportItem[], derived: string | undefined, proper: Set<string>): ReportItem {
  const others = theme.filter((member) => member !== central)
  const base: ReportItem = {...central, children: [...central.children, ...others]}
  const written = central.headline && central.detail ? {headline: central.headline, detail: central.detail} : firstClause(central.content)
  // The central note's own headline heads the theme only if it could have been derived: about what, not who.
  const own = written && headlineClause(plainText(written.headline), proper) ? written : undefined
  const split = derived === undefined || (own && sameWords(plainText(own.headline), derived)) ? own : {headline: [{type: 'text', value: derived}] as PhrasingContent[], detail: capitaliseFirst(central.content)}
  if (!split) return base
  const content: PhrasingContent[] = [...split.headline, {type: 'text', value: ' – '}, ...split.detail]
  return {...base, headline: split.headline, detail: split.detail, content, text: plainText(content)}
}

function sameWords(a: string, b: string): boolean {
  return bareWords(a) === bareWords(b)
}

/** `Retrofit coordinators, one named…` → `retrofit coordinators one named…`: words only, to compare. */
function bareWords(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

interface HeadlineContext {
  vectors: Map<ReportItem, Vector>
  ids: Map<string, number>
  cache: Map<string, string>
  /** Words seen capitalised inside a sentence somewhere in the notes: names of places and bodies. */
  proper: Set<string>
}

/** Longest headline, in words (the reference's are two to seven). */
const headlineWords = 8

/**
 * A theme's headline, extractive: of the clauses of its notes (2–8 words, cut
 * at punctuation and at the words that start a new clause), the one whose
 * words the most other notes of the theme share, weighted by how rare each
 * word is in the report, two shared words at least; the central note weighs
 * a tenth more, and of equal scores the shorter wins. Never
 * a clause about who (`one participant`, `in one council area`), one that
 * starts with a pronoun, quotes someone, or names a place or body (a word
 * written capitalised inside a sentence anywhere in the notes): it is printed
 * in bold where a reader looks first; nor a note whole, which is printed under
 * it. Undefined when no clause is shared.
 */
export function themeHeadline(central: ReportItem, theme: ReportItem[], context: HeadlineContext): string | undefined {
  let best: {text: string; score: number; words: number} | undefined
  // The phrases the central note shares with each other note (one pass each, not every pair: a theme can be large).
  const centralWords = tokens(central.text)
  const shared = new Set(theme.flatMap((other) => (other === central ? [] : sharedRuns(centralWords, tokens(other.text)))))
  for (const member of theme) {
    const others = theme.filter((other) => other !== member).map((other) => context.vectors.get(other)!)
    const whole = bareWords(member.text)
    const runs = member === central ? shared : new Set<string>()
    for (const clause of [...clauses(member.text), ...runs]) {
      // A note whole is no headline: it is printed under it.
      if (!headlineClause(clause, context.proper) || bareWords(clause) === whole) continue
      const count = clause.split(/\s+/).length
      let score = 0
      let sharedStems = 0
      const seen = new Set<number>()
      for (const stem of contentStems(clause, context.cache)) {
        const id = context.ids.get(stem)
        if (id === undefined || seen.has(id)) continue
        seen.add(id)
        let found = false
        for (const vector of others) {
          const at = vector.ids.indexOf(id)
          if (at >= 0) {
            score += vector.weights[at]!
            found = true
          }
        }
        if (found) sharedStems++
      }
      // As a theme needs two shared words, so does its headline: one shared word (`same`) is chance.
      if (sharedStems < 2) continue
      if (member === central) score *= 1.1
      // A whole clause reads better than a run of words cut out of one: a run must say more to win.
      if (runs.has(clause)) score *= 0.95
      if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && count < best.words)) best = {text: clause, score, words: count}
    }
  }
  return best && best.text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())
}

/** Words that join a clause to the one before it, not part of a headline. */
const leading = /^(?:and|but|or|so|then|also|plus|e\.?g\.?|i\.?e\.?|eg|ie|incl\.?)\s+/i
/** Words a headline does not end on. */
const trailing = /\s+(?:and|or|but|the|a|an|of|to|for|with|in|on|at|by|from|its|their|our|so|that|than|as|no|very|too)$/i
/** Where a new clause starts inside a sentence. */
const clauseBreak = /\s*(?:[,;:()?!“”"]|[.](?=\s|$)|\s[–—-]\s)\s*|\s+(?=(?:but|because|so that|which|who|where|when|while|whereas|rather than|unless|although|though)\s)/iu

/** `Learnt on their own stock, then opened…` → `Learnt on their own stock`, `opened…` (2–8 words each). */
function clauses(text: string): string[] {
  const output: string[] = []
  for (const piece of text.split(clauseBreak)) {
    let clause = piece.trim()
    for (let previous = ''; previous !== clause; ) {
      previous = clause
      clause = clause.replace(leading, '').replace(trailing, '').trim()
    }
    const count = clause === '' ? 0 : clause.split(/\s+/).length
    if (count >= 2 && count <= headlineWords) output.push(clause)
  }
  return output
}

/**
 * The runs of words two notes share as written, in the first note's words,
 * cut as a clause is (`warm space with free wifi` in `we opened late, and a
 * warm space with free wifi brought…`): a theme's phrase is often inside a
 * longer sentence in each of its notes.
 */
function sharedRuns(mine: Words, theirs: Words): string[] {
  // A headline is a short phrase from a note's opening: read at most the first `runWords` words of each note, and runs of
  // at most `runLength` words, so a hostile note of 20,000 repeated words costs what an ordinary one does (it was cubic).
  const mineLength = Math.min(mine.words.length, runWords)
  const theirLength = Math.min(theirs.keys.length, runWords)
  const at = new Map<string, number[]>()
  for (let index = 0; index < theirLength; index++) {
    const key = theirs.keys[index]!
    const list = at.get(key)
    if (list) list.push(index)
    else at.set(key, [index])
  }
  const runs: string[] = []
  let covered = 0
  for (let start = 0; start < mineLength; start++) {
    let longest = 0
    for (const from of at.get(mine.keys[start]!) ?? []) {
      let length = 0
      // A run stops at a word that ends a clause (`wifi,`): the next word starts another.
      while (length < runLength && start + length < mineLength && from + length < theirLength && mine.keys[start + length] === theirs.keys[from + length] && mine.keys[start + length] !== '') {
        length++
        if (/[,;:.!?)]$/.test(mine.words[start + length - 1]!)) break
      }
      longest = Math.max(longest, length)
    }
    // Only the longest run from where it starts: its tails (`people already are`) are no phrase of their own.
    if (longest >= 2 && start + longest > covered) runs.push(...clauses(mine.words.slice(start, start + longest).join(' ')).filter((run) => !auxiliary.test(run)))
    covered = Math.max(covered, start + longest)
  }
  return runs
}

const runWords = 80
const runLength = 16

/** A note's words as written, and as compared (lower case, without the punctuation around them). */
interface Words {
  words: string[]
  keys: string[]
}

function tokens(text: string): Words {
  const words = text.split(/\s+/)
  return {words, keys: words.map((word) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))}
}

/** A run that starts or ends on a verb's helper (`were cut`, `people already are`) is half a clause. */
const auxiliary = /^(?:am|is|are|was|were|be|been|being|has|have|had|do|does|did|can|could|will|would|should|may|might|must|get|got)\b|\b(?:am|is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should|may|might|must|already|always|never|just|really)$/i

/** Participants, places and what someone said stay out of a headline. */
export const aboutWho = /\b(?:participants?|attendees?|(?:one|another|a|the other|same) (?:(?:combined|county|district|unitary|neighbouring|london|metropolitan) )?(?:council|area|borough|county|city|authority|organisation|member|officer|councillor|team)s?|colleagues?|someone|somebody|he|she|him|her|his|hers)\b/i
const pronounStart = /^(?:they|them|we|us|our|it|its|this|that|these|those|there|i|you|your|their|here|what|who|which|said|says)\b/i
/** A clause that leans on another (`where people already are`, `just with a delay`, `for a month`) is no headline. */
const dependentStart = /^(?:where|when|whereas|while|because|unless|although|though|if|rather|than|as|like|with|without|for|from|to|in|into|on|at|by|of|about|after|before|just|not|only|even|still|now|next|then|same|also|e\.?g|i\.?e)\b/i

function headlineClause(clause: string, proper: Set<string>): boolean {
  if (aboutWho.test(clause) || pronounStart.test(clause) || dependentStart.test(clause) || /https?:|www\.|@|\[|\]|\*|_/.test(clause)) return false
  const list = clause.split(/\s+/)
  return list.every((word, index) => {
    const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    if (bare === '') return true
    if (proper.has(bare.toLowerCase())) return false
    // A capitalised word inside the clause names someone or something; an acronym (PB, OT) is a term.
    return index === 0 || !/^\p{Lu}\p{Ll}/u.test(bare)
  })
}

/**
 * Words written capitalised after a word in lower case or a comma (`the Deal`,
 * `in Wigan`, `, Leeds`) and never in lower case: proper names in these
 * notes, lower-cased.
 */
function properNouns(items: ReportItem[]): Set<string> {
  const capitalised = new Set<string>()
  for (const item of items) for (const word of recordOf(item).capitalised) capitalised.add(word)
  if (capitalised.size === 0) return capitalised
  // Written in lower case somewhere (`council` beside `Cardiff Council`), a word is a word.
  const all = ` ${items.map((item) => item.text).join(' ')} `
  const letter = /[\p{L}'’]/u
  for (const word of capitalised) {
    for (let at = all.indexOf(word); at !== -1; at = all.indexOf(word, at + 1)) {
      if (!letter.test(all[at - 1]!) && !letter.test(all[at + word.length] ?? ' ')) {
        capitalised.delete(word)
        break
      }
    }
  }
  return capitalised
}

/** `Named caseworkers, who stay with the family from first contact` → headline and detail at the first clause. */
function firstClause(content: PhrasingContent[]): {headline: PhrasingContent[]; detail: PhrasingContent[]} | undefined {
  const first = content[0]
  if (!first || first.type !== 'text') return undefined
  const match = /^(.{12,80}?)(?:\s*[,;:–—]\s+|\s+-\s+)(?=\S)/u.exec(first.value)
  if (!match) return undefined
  const words = match[1]!.trim().split(/\s+/)
  if (words.length < 2 || words.length > headlineWords) return undefined
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

/**
 * Numbered insights that read as insights, in a section of any size: a note
 * that has no headline (no `Headline – detail`, no theme) gets its first
 * clause set in bold where it stands, run in as the reference sets
 * `**EVENTS OR FESTIVALS** in the community can provide…` — when that clause
 * is 2–8 words, could be a headline (about what, never who, no pronoun or
 * name: the same test as a theme's headline) and leaves three words or more
 * after it. No word is added, removed or moved: only the clause is made bold
 * and kept as the item's `headline` (with no `detail`: the note is printed
 * whole). Key insights' copies are set the same way.
 */
export function runInHeadlines(sections: ReportSection[]): void {
  const numbered = sections.filter((section) => (section.role === 'insights' || section.role === 'key') && section.style === 'numbered')
  const candidates = numbered.flatMap((section) => section.items.filter((item) => item.kind === 'note' && !item.headline && item.source !== 'table'))
  if (candidates.length === 0) return
  // Made only when a clause is to be checked for names: most notes have no clause to run in.
  let properWords: Set<string> | undefined
  const proper = () => (properWords ??= properNouns(sections.filter((section) => section.role === 'insights').flatMap((section) => section.items)))
  const examples = new Set(numbered.filter((section) => section.id === 'examples').flatMap((section) => section.items))
  for (const item of candidates) {
    if (item.content[0]?.type !== 'text') continue
    // An example is headed by its name, as the reference sets `**COLAB, DUDLEY** is a physical space…` (named only where shared).
    const example = examples.has(item) || item.tags.some((tag) => exampleTags.has(tag))
    const name = example ? exampleName((item.content[0] as TextNode).value, proper) : undefined
    if (name) {
      setRunIn(item, name)
      continue
    }
    // The note's own first clause; else its first words up to where a phrase ends; else the same once who said it is moved to the end.
    let clause = firstRunIn(item, proper)
    if (!clause) {
      const {content, text} = item
      if (attributionLast(item)) clause = firstRunIn(item, proper)
      // Who said it moves only to make way for a headline.
      if (!clause) Object.assign(item, {content, text})
    }
    if (clause) setRunIn(item, clause)
  }
}

type TextNode = Extract<PhrasingContent, {type: 'text'}>

/** Sets the opening `clause` of the item's first text in bold, as its headline; no word added, removed or moved. */
function setRunIn(item: ReportItem, clause: string): void {
  const first = item.content[0] as TextNode
  const headline: PhrasingContent[] = [{type: 'text', value: clause}]
  item.headline = headline
  item.content = [{type: 'strong', children: headline}, {type: 'text', value: first.value.slice(clause.length)}, ...item.content.slice(1)]
}

/** The opening words of a note that can head it: its first clause (to a comma, dash or clause word), its first sentence, or its words to where a phrase ends. */
function firstRunIn(item: ReportItem, proper: () => Set<string>): string | undefined {
  const first = item.content[0]
  if (first?.type !== 'text') return undefined
  const value = first.value
  // Words left after the clause (a comma on its own is no word).
  const after = (clause: string) => (value.slice(clause.length) + plainText(item.content.slice(1))).split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
  const fits = (clause: string) => {
    const count = clause.split(/\s+/).length
    return count >= 2 && count <= headlineWords && !trailing.test(clause) && !structural.test(clause) && headlineClause(clause, proper())
  }
  const match = runIn.exec(value)
  if (match && after(match[1]!) >= 4 && fits(match[1]!.trim())) return match[1]!.trimEnd()
  // A short note is a headline itself: only a note of ten words or more is cut shorter.
  if (plainText(item.content).split(/\s+/).length < longNote) return undefined
  // A short first sentence heads the rest (`**The vote is the easy bit.** The hard bit is…`).
  const sentence = /^([^.!?“”"()]{6,90}?[.!?])(?=\s+\p{Lu})/u.exec(value)
  if (sentence) {
    const clause = sentence[1]!.slice(0, -1)
    if (after(sentence[1]!) >= 4 && fits(clause)) return sentence[1]!
  }
  // Up to where a phrase ends: before a preposition or a joining word, three to eight words, no relative clause left open.
  const words = value.split(' ')
  for (let count = Math.min(headlineWords, words.length - 1); count >= 3; count--) {
    const next = words[count]!.toLowerCase()
    if (!phraseEnd.has(next)) continue
    const clause = words.slice(0, count).join(' ')
    if (/[^\p{L}\p{N}%]$/u.test(clause) || /[,;:()“”"]|\.\s/u.test(clause) || openClause.test(clause) || auxiliary.test(clause) || looseEnd.test(clause)) continue
    if (after(clause) >= 4 && fits(clause)) return clause
  }
  return undefined
}

/** Fewest words in a note whose first sentence or phrase is set as its headline (shorter, it reads as one). */
const longNote = 10

/** Words that start the next phrase of a sentence: a headline can end before one. */
const phraseEnd = new Set('in of for from to with on at by into before after across over under through about and or but because which that when where while than so as without rather instead until if since during between within among against'.split(' '))
/**
 * A phrase cut where it has not ended: on a verb that wants what follows (`Members say they want to hear`), a verb
 * in progress (`is turning`), a word that counts or qualifies (`could do some`), or an adverb (`anywhere`).
 */
const looseEnd = /\b(?:(?:am|is|are|was|were|be|been|being)\s+\S+ing|say|says|said|want|wants|wanted|hear|sit|go|goes|do|does|get|gets|make|makes|take|takes|come|comes|need|needs|use|used|give|gives|keep|keeps|put|see|think|know|try|start|work|run|help|ask|tell|let|find|show|feel|look|call|bring|set|stop|pay|spend|move|join|turn|talk|write|read|build|lend|leave|meet|lead|learn|change|able|some|any|all|each|every|more|most|many|much|few|less|several|both|such|own|other|another|no|anywhere|somewhere|everywhere|next|just|also|still|even|only|now|then|really|quite|very|always|never|often)$/i

/** A relative clause opened and not closed (`Members who sit`) or a verb left without its object. */
const openClause = /\b(?:who|which|that|whose|where|when|is|are|was|were|be|been|has|have|had|the|a|an)$|\b(?:who|which|whose|whom)\b/i

/**
 * `One participant said the duty to refer works on paper but …` → `The duty to
 * refer works on paper but …, one participant said.`: the point first, who made
 * it after, as an editor sets it, so that the point can head the note. Only the
 * anonymiser's own attributions are moved (`one participant said`, `according
 * to one participant`); the words stay the same, bar a `that` after the verb.
 * False when the note does not start with one.
 */
function attributionLast(item: ReportItem): boolean {
  const first = item.content[0]
  const last = item.content.at(-1)
  if (first?.type !== 'text' || last?.type !== 'text') return false
  const match = leadAttribution.exec(first.value)
  if (!match) return false
  const rest = first.value.slice(match[0].length)
  if (rest.split(/\s+/).length < 5 || !/^\p{Ll}/u.test(rest) || pronounStart.test(rest)) return false
  const who = match[1]!.replace(/,$/, '').replace(/ that$/i, '')
  const attribution = `, ${who.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase())}`
  const content = [{type: 'text', value: rest.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())} as TextNode, ...item.content.slice(1)]
  const end = content.at(-1) as TextNode
  const stop = /([.!?…]*)\s*$/.exec(end.value)!
  content[content.length - 1] = {type: 'text', value: `${end.value.slice(0, stop.index)}${attribution}${stop[1] || ''}`}
  item.content = content
  item.text = plainText(content)
  return true
}

/** The anonymiser's attributions at the start of a note: `One participant said (that)`, `According to one participant,`, `One participant's research found`. */
const leadAttribution = /^((?:one|another|the same) (?:participant|councillor|member|officer)(?:'s (?:research|experience|evaluation|team|data))? (?:also )?(?:said|says|thinks|thought|noted|notes|argued|suggested|reckons|reckoned|felt|feels|believes|believed|added|explained|found|finds|showed|shows|pointed out)(?: that)?|according to (?:one|another|the same) participant,?)\s+/i

/** A note's first clause, up to a comma, semicolon, colon, spaced dash or a word that starts a new clause. */
const runIn = /^([^,;:()“”"]{6,90}?)(?=\s*[,;:]\s|\s+[–—-]\s|\s+(?:but|because|so that|which|where|when|while|whereas|rather than|unless|although|though|instead of)\s)/iu

const exampleTags = new Set(['example', 'examples', 'case-study', 'casestudy', 'bestpractice', 'best-practice'])

/** Which table or session said it is the notes' structure, not a headline (`Table 1: PB works…`). */
const structural = /^(?:table|group|breakout|room|session|round|day|part|theme|topic)\s+[\p{L}\d]{1,3}$/iu

/** Words a sentence starts with that are no name. */
const notNames = /^(?:one|a|an|the|in|on|at|we|they|our|their|this|that|these|those|it|its|some|many|most|another|every|each|all|both|after|before|when|if|as|for|with|by|from|to|of|and|but|so)$/i

/**
 * The name an example starts with: its first capitalised words, up to the
 * first word in lower case (`Coventry City Council built…` → `Coventry City
 * Council`); two words at least, or one the notes write capitalised mid-sentence
 * (a name), never a word a sentence starts with (`One council…`, `In…`).
 */
function exampleName(text: string, proper: () => Set<string>): string | undefined {
  const match = /^(\p{Lu}[\p{L}\d&'’.-]*(?:\s+(?:\p{Lu}[\p{L}\d&'’.-]*|of|and|&|for|upon|on|in))*?)\s+(?=\p{Ll})/u.exec(text)
  if (!match) return undefined
  const words = match[1]!.split(/\s+/)
  if (notNames.test(words[0]!) || / (?:of|and|&|for|upon|on|in)$/.test(match[1]!) || words.length > 6) return undefined
  if (words.length < 2 && !proper().has(words[0]!.replace(/[^\p{L}\d]+$/u, '').toLowerCase())) return undefined
  return match[1]!
}

/**
 * Key insights say what earned them: the opening names the grounds (tagged
 * key by the facilitator; raised in the most sessions, each saying in how
 * many; the strongest of each section), and `--explain` says for each why
 * it is key. `tagged` is the opening for insights the facilitator tagged
 * (the profile's, which says so).
 */
export function keyInsightsGrounds(key: ReportSection | undefined, tagged: string | undefined): void {
  if (!key || key.items.length === 0) return
  const byTag = key.items.filter((item) => item.placement.rule !== 'key')
  const earned = key.items.filter((item) => item.placement.rule === 'key' && /^raised in /.test(item.placement.reason))
  for (const item of byTag) {
    const why = item.placement.rule === 'hashtag' ? 'the facilitator tagged it key' : item.placement.rule === 'heading' ? 'the facilitator wrote it under a key-points heading' : 'the facilitator marked it key'
    item.placement = {...item.placement, reason: `${item.placement.reason}: a key insight because ${why}`}
  }
  if (byTag.length > 0 && earned.length > 0) key.intro = `The ${byTag.length === 1 ? 'first point' : `first ${numberWord(byTag.length)} points`} the facilitator marked as key; then the ${earned.length === 1 ? 'point' : 'points'} raised in the most sessions, as each says.`
  else if (byTag.length > 0 && tagged) key.intro = tagged
  else if (earned.length > 0 && byTag.length === 0 && earned.length === key.items.length) key.intro = earnedIntro
}
