/**
 * Cut the notes tree into notes: each list item (sub-bullets stay with their
 * parent), each blockquote, each standalone paragraph under a heading, each
 * row of a table, and the prose parts (foreword, introduction, conclusion)
 * named by the profile.
 *
 * A short paragraph ending in a colon right before a list or table
 * ("Flipchart list of tools (Table 2):") is that block's caption: it is not
 * a note, and places the block's notes like a heading would.
 */
import type {Blockquote, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {aliasMatch, contentStems} from './keywords.js'
import {LedgerBook} from './ledger.js'
import {NoteText} from './note-text.js'
import type {Profile} from './profile.js'
import {headingMeaning} from './heading-lexicon.js'
import {boardColumn} from './signals.js'
import {leadingTime} from '../util/timestamps.js'

/** A heading (or a caption) a note sits under. */
export interface NoteHeading {
  /** Normalised text: `why does the relationship need to change`. */
  text: string
  /** Its stems without stop words, for alias matching. */
  stems: string[]
  /** A caption paragraph rather than a heading. */
  caption?: boolean
  /** The notes' own title (a `#` heading over `##` sections): the topic of every note, never a section's name. */
  title?: boolean
}

export interface Note {
  /** Inline content of the note itself (sub-bullets excluded). */
  content: PhrasingContent[]
  /** Its plain text, as written (spacing collapsed). */
  text: string
  /** What the group stage's passes read of `text` (words, stems, signals), made once: replaced with `text`. */
  record: NoteText
  /** A table row whose question column (`Question`, `Q`) holds what it asks. */
  asked?: boolean
  /** For a table row: the first cell, and the other cells as `Header: value`. */
  headline?: PhrasingContent[]
  detail?: PhrasingContent[]
  /** Hashtags found on the note's paragraphs. */
  tags: string[]
  /** Headings (and captions) the note sits under, nearest first. */
  headings: NoteHeading[]
  line: number
  column: number
  quote: boolean
  source: 'list' | 'paragraph' | 'blockquote' | 'table'
  /** A paragraph right after a blockquote: often where the quote came from. */
  afterQuote?: boolean
  /** Written as a repeat ("again –", "(came up again)"); the marker is removed from `content`. */
  repeat?: boolean
  children: Note[]
}

export type PartName = 'foreword' | 'introduction' | 'conclusion'

export interface Segments {
  notes: Note[]
  parts: Partial<Record<PartName, {children: RootContent[]; line: number}>>
  /** Blocks left out, with why: for info messages. */
  skipped: Array<{line: number; column: number; reason: string}>
}

/** `## Session 1 - Why does it need to change? (10.05)` → `why does it need to change`. */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(?:session|table|part|round|breakout)\s+[\w.]+\s*[-–—:.]?\s*/u, '')
    .replace(/[‘’]/g, "'")
    .replace(/[^\p{L}\p{N}'+/&\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Does a normalised heading match one of the aliases? Loosely: word stems,
 * stop words ignored, one typo allowed in longer words (see `aliasMatch`).
 * Returns the alias that matched most words.
 */
export function headingMatches(heading: string, aliases: string[]): string | undefined {
  const stems = contentStems(heading)
  let best: {alias: string; score: number} | undefined
  for (const alias of aliases) {
    const score = aliasMatch(stems, contentStems(normaliseHeading(alias)))
    if (score > 0 && (!best || score > best.score)) best = {alias, score}
  }
  return best?.alias
}

/** Column headers that name who said or did something: never carried into the report. */
const attributionHeader = /\b(?:who|whose|lead|leads|by|name|names|person|people|contact|owner|facilitator|speaker|mentioned|source|author|authors|asker)\b/i

/** A table's first column that only numbers its rows: `#`, `No.`, `Rank`. */
const numberHeader = /^(?:#|no\.?|n[o°]\.?|num(?:ber)?|id|rank)$/i

/** A column whose cells are questions: Slido's and Menti's `Question`, a minute's `Q`. */
const questionHeader = /^(?:q|qs|questions?|question asked|questions? from the (?:floor|room|audience)|your question)$/i

/** A Q&A export's tallies, not what was asked: `Upvotes`, `Votes`, `Likes`, `Status`. */
const tallyHeader = /^(?:up-?votes?|votes?|likes?|status|answered|score|time|date|timestamp)$/i

/**
 * What the anonymiser leaves in place of a name or an organisation
 * (`One council`, `one participant`): as a table cell or a headline it says nothing.
 */
export const anonymousPlaceholder = /^(?:one|a|another|the other) (?:participant|council(?: area| officer)?|area|borough|county|city|organisation)(?:'s)?$/i

const repeatMarker = /^\s*(?:\((?:came up )?again\)|(?:came up )?again\s*[–—:-]|back to this\s*[:–—-]|repeat(?:ed)?\s*[:–—-])\s*/i

/** Titles of the prose parts, for the ledger. */
const partTitles: Record<PartName, string> = {foreword: 'Foreword', introduction: 'Introduction', conclusion: 'Conclusion'}

/**
 * Cut the tree into notes and prose parts. Every content block that does not
 * become a note (or part of one) gets its outcome in `book`: placed in a
 * prose part, merged (a caption), or left out with the reason.
 */
export function segment(tree: Root, profile: Profile, book: LedgerBook = new LedgerBook()): Segments {
  const result: Segments = {notes: [], parts: {}, skipped: []}
  /** Heading stack by depth: index 0 is depth 1. */
  const stack: Array<NoteHeading | undefined> = []
  let part: {name: PartName | 'drop'; depth: number; title: string} | undefined
  let caption: NoteHeading | undefined
  // A label line over the notes after it (`**What works**`, `Resources`, a `<summary>`): their heading until the next
  // heading or label, or the `</details>` that closes a summary's block.
  let label: NoteHeading | undefined
  let labelDetails = false
  const stemCache = profile.keywordIndex.cache
  const leaveOut = (node: RootContent, rule: string, reason: string) => {
    result.skipped.push({line: line(node), column: column(node), reason})
    book.leaveOutAll(node, rule, reason)
  }
  const build = new NoteBuilder(book, stemCache)

  const children = tree.children
  // Notes with section headings have a preamble before the first; notes without any are all notes.
  const sectioned = children.some((node) => node.type === 'heading' && node.depth >= 2)
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    const previous = children[index - 1]
    // Definitions belong to the whole file, wherever they are written.
    if (node.type === 'footnoteDefinition' || node.type === 'definition') continue
    const captionHere = caption
    caption = undefined
    if (node.type === 'heading') {
      const written = toString(node).replace(/\s+/g, ' ').trim()
      const text = normaliseHeading(written)
      // A `#` heading over `##` sections is the notes' own title (`# Care workforce – online session`), or a
      // day's: it says what the whole was about, not which section a note belongs in.
      const heading: NoteHeading = {text, stems: contentStems(text, stemCache), ...(node.depth === 1 && sectioned ? {title: true} : {})}
      label = undefined
      stack.length = node.depth - 1
      stack[node.depth - 1] = heading
      if (part && node.depth <= part.depth) part = undefined
      const named = partOf(heading, profile)
      if (named) {
        part = {name: named, depth: node.depth, title: written}
        if (named !== 'drop') result.parts[named] ??= {children: [], line: line(node)}
      }
      continue
    }
    if (part?.name === 'drop') {
      leaveOut(node, 'dropped-heading', `it is under “${part.title}”, a heading the profile drops (parts.drop: contacts, attendees, actions, follow-up)`)
      continue
    }
    if (part) {
      result.parts[part.name]!.children.push(node)
      book.placeAll(node, part.name, partTitles[part.name])
      continue
    }
    const next = children[index + 1]
    const labelled = labelOf(node, next, profile)
    if (labelled !== undefined) {
      const text = normaliseHeading(labelled.text)
      label = {text, stems: contentStems(text, stemCache)}
      labelDetails = labelled.details === true
      book.record(start(node), {state: 'merged', into: line(next), rule: 'label', reason: `it is a label over the notes under it (${labelled.why}), read as their heading`, text: labelled.text})
      continue
    }
    // A title-shaped line that is no label (`**Parting thoughts**` over paragraphs, `Other bits` over a list) still
    // ends the last label's notes: what follows is under it, not under the label before.
    if (label && node.type === 'paragraph' && titleShaped(node, next)) label = undefined
    if (node.type === 'html' && label && labelDetails && /^\s*<\/details>\s*$/iu.test(node.value)) label = undefined
    const headings: NoteHeading[] = stack.filter((heading): heading is NoteHeading => Boolean(heading)).reverse()
    if (label) headings.unshift(label)
    if (captionHere) headings.unshift(captionHere)
    switch (node.type) {
      case 'list':
        for (const item of node.children) {
          if (item.data?.privateMessage) leaveOut(item, 'private-message', 'a chat message sent to one person, not to everyone')
          else if (item.children[0]?.type === 'paragraph' && item.children[0].data?.leaveOut) leaveOut(item, item.children[0].data.leaveOut.rule, item.children[0].data.leaveOut.reason)
          else if (isTitleItem(item)) {
            // `Food waste collections` over points in whole sentences (minutes, a typed-up agenda): the title is
            // their heading, and each point is placed by what it says. A mind map's branch over branches
            // (`STREET TREES WORKSHOP` › `What works` › points) is a title over titles, each its points' heading.
            const titled = (titleItem: ListItem, over: NoteHeading[]): void => {
              const title = titleItem.children[0] as Paragraph
              const text = normaliseHeading(toString(title))
              const heading: NoteHeading = {text, stems: contentStems(text, stemCache), caption: true}
              const points = titleItem.children[1] as List
              book.record(start(titleItem), {state: 'merged', into: line(points.children[0]!), rule: 'caption', reason: 'it is the title of the points under it, read as their heading', text: plainText(title.children)})
              for (const point of points.children) {
                if (isTitleItem(point)) titled(point, [heading, ...over])
                else result.notes.push(build.fromListItem(point, [heading, ...over]))
              }
            }
            titled(item, headings)
          } else result.notes.push(build.fromListItem(item, headings))
        }
        break
      case 'blockquote':
        result.notes.push(build.fromBlockquote(node, headings))
        break
      case 'table':
        result.notes.push(...build.fromTable(node, headings))
        break
      case 'paragraph': {
        // Said at parse time not to be a note (a log record's header), with its reason.
        if (node.data?.leaveOut) {
          leaveOut(node, node.data.leaveOut.rule, node.data.leaveOut.reason)
          break
        }
        if (next && (next.type === 'table' || next.type === 'list') && isCaption(node)) {
          const text = normaliseHeading(toString(node))
          caption = {text, stems: contentStems(text, stemCache), caption: true}
          book.record(start(node), {state: 'merged', into: line(next), rule: 'caption', reason: `it is the caption of the ${next.type} under it, read as its heading`, text: plainText(node.children)})
          break
        }
        // A paragraph before the first section heading is the facilitator's preamble, unless it reads as a note
        // of the discussion: a moment of a live log (`10:12 — …`), a hashtag, or one of a run of three or more
        // paragraphs there (notes typed before any heading). When unsure, keep.
        if (sectioned && stack.length <= 1 && !discussionBeforeHeadings(node, children, index)) leaveOut(node, 'preamble', 'it is preamble before the first section heading')
        else {
          const note = build.fromParagraphs([node], headings, 'paragraph')
          if (previous?.type === 'blockquote') note.afterQuote = true
          result.notes.push(note)
        }
        break
      }
      default:
        leaveOut(node, ruleOf(node), `a ${describe(node)} is not a note`)
    }
  }
  return result
}

/** Does a paragraph before the first section heading read as a note of the discussion rather than a preamble? */
function discussionBeforeHeadings(paragraph: Paragraph, children: RootContent[], index: number): boolean {
  if (paragraph.data?.hashtags?.length || leadingTime.test(toString(paragraph))) return true
  let first = index
  while (first > 0 && children[first - 1]!.type !== 'heading') first--
  let last = index
  while (last < children.length - 1 && children[last + 1]!.type !== 'heading') last++
  return children.slice(first, last + 1).filter((node) => node.type === 'paragraph').length >= 3
}

/** A short paragraph ending in a colon: `Tools and approaches mentioned at Table B:`. */
/**
 * A list item that is only a title (five words at most, no sentence's end, no hashtag) over two or more
 * points that are each a sentence of their own (six words or more, opening with a capital): the points
 * are notes, the title their heading. Points that need their subject (`cut in 2019`) stay under it.
 */
function isTitleItem(item: ListItem): boolean {
  const [title, points, ...rest] = item.children
  if (rest.length > 0 || title?.type !== 'paragraph' || points?.type !== 'list' || points.children.length < 2) return false
  const text = toString(title).trim()
  // An agenda item's title (`Questions for members to take back`) is short and unpunctuated; its points are
  // whole sentences, or a title and its link (`Simpler Recycling guidance – https://…`).
  if (title.data?.hashtags?.length || /[.!?;:]$/u.test(text) || text.split(/\s+/u).length > 8) return false
  return points.children.every((point) => {
    const own = point.children[0]
    const said = own?.type === 'paragraph' ? toString(own).trim() : ''
    // A point is a sentence of its own, a title and its link, or a branch with points of its own (a mind map's).
    // A branch is a title itself (`What works`, `Why canopy matters`): short and unpunctuated, not a sentence with points under it.
    return (/^\p{Lu}/u.test(said) && (said.split(/\s+/u).length >= 6 || /(?:https?:\/\/|www\.)\S/u.test(said))) || (point.children[1]?.type === 'list' && said.split(/\s+/u).length <= 5 && !/[.!?;:]$/u.test(said))
  })
}

/**
 * A line that heads the notes after it without being markdown's heading, as notes typed in a plain editor, a chat or
 * a wiki head them: a paragraph that is all bold and short (`**What works**`, BBCode's `[b]…[/b]`), a short plain
 * line over a list or a table that names a section (`Resources`, `What needs to change`), says what its notes are
 * (`Pain points`, `⚫ BLACK HAT – risks and problems`: `heading-lexicon.ts`), is a board's column (`Went well`) or a
 * label every style of notes uses (`Discussion`, `Key points`), or the `<summary>` of a collapsed block. Not a line
 * with a sentence's end, a hashtag or more than a label's words: when unsure, it stays a note.
 */
export function labelOf(node: RootContent, next: RootContent | undefined, profile: Profile): {text: string; why: string; details?: boolean} | undefined {
  if (!next || next.type === 'heading' || next.type === 'thematicBreak') return undefined
  if (node.type === 'html') {
    const summary = /<summary\b[^>]*>([\s\S]*?)<\/summary>/iu.exec(node.value)
    const text = summary?.[1]!.replace(/<[^>]*>/gu, ' ').replace(/\s+/gu, ' ').trim()
    return text && wordsIn(text) <= labelWords ? {text, why: 'the summary of a collapsed block', details: true} : undefined
  }
  if (node.type !== 'paragraph' || node.data?.hashtags?.length || node.data?.leaveOut) return undefined
  const text = toString(node).replace(/\s+/gu, ' ').trim()
  if (!text || /[.!?;:,]["'”’)]*$/u.test(text) || wordsIn(text) > labelWords) return undefined
  if (toString(node).includes('\n')) return undefined
  const written = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const bold = written.length === 1 && written[0]!.type === 'strong'
  const overBlock = next.type === 'list' || next.type === 'table'
  // A bold line over a list is its label whatever it says; over a paragraph it may be that paragraph's own headline
  // (`**Faster payments**` then the detail), so only one that reads as a label is; a plain line only over a list.
  if (bold && overBlock) return {text, why: 'a line in bold over a list'}
  if ((!bold && !overBlock) || (!bold && wordsIn(text) > plainLabelWords)) return undefined
  // A plain line that is a pasted row (`Kofi<TAB>the allotment is broken<TAB>challenge`, `"…",osei,challenge`) or a
  // sentence (`the allotment is broken`) is a note, whatever section word it holds: a label names, it does not say.
  if (!bold && (pastedRow.test(toString(node)) || clause.test(text))) return undefined
  const why = labelMeaning(text, profile)
  return why ? {text, why} : undefined
}

/** A short line with no sentence's end, all bold or over a list or a table: a title, if not one read as a label. */
function titleShaped(node: Paragraph, next: RootContent | undefined): boolean {
  const text = toString(node).replace(/\s+/gu, ' ').trim()
  if (!text || /[.!?;:,]["'”’)]*$/u.test(text) || wordsIn(text) > labelWords || toString(node).includes('\n')) return false
  const written = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  return (written.length === 1 && written[0]!.type === 'strong') || next?.type === 'list' || next?.type === 'table'
}

/** Why a short line reads as a label: what it names or says, if anything. */
function labelMeaning(text: string, profile: Profile): string | undefined {
  const bare = normaliseHeading(text)
  if (commonLabel.test(bare)) return 'a label notes use'
  if (boardColumn(text)) return 'a board’s column'
  if (headingMeaning(bare)) return 'it says what its notes are'
  if (headingMatches(bare, sectionAliases(profile))) return 'it names a section'
  return undefined
}

/** A line of a spreadsheet pasted as text: cells by tabs, or quoted cells by commas. */
const pastedRow = /\t|",|,"/u
/** A sentence's subject and verb: a determiner, a word, a finite verb (`the allotment is broken`, `our team has…`). */
const clause = /\b(?:the|a|an|our|their|my|this|that|every|each)\s+[\p{L}'’-]+\s+(?:is|are|was|were|has|have|had|isn't|aren't|wasn't|weren't)\b/iu

/** Most words a label has: a bold line, a summary; and a plain line, which has no other sign of being a label. */
const labelWords = 8
const plainLabelWords = 7
const wordsIn = (text: string) => text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length

/** Labels of every style of notes that name no section: the discussion, its headlines, what was learned. */
const commonLabel = /^(?:(?:general |open |plenary |group |table )?discussion|notes?|summary|overview|context|background|headlines?|key (?:points?|messages?|themes?|findings?|takeaways?)|(?:main |big |top )?(?:points?|themes?|messages?|findings?|takeaways?|highlights?)|what we (?:learned|learnt|heard|took away)|reflections?|(?:other |more |further )?(?:comments?|thoughts?|ideas?|observations?)|(?:white|red|black|yellow|green|blue) hat\b.*)$/u

const aliasCache = new WeakMap<Profile, string[]>()
function sectionAliases(profile: Profile): string[] {
  let aliases = aliasCache.get(profile)
  if (!aliases) aliasCache.set(profile, (aliases = profile.sections.flatMap((section) => section.headings)))
  return aliases
}

function isCaption(paragraph: Paragraph): boolean {
  const text = toString(paragraph).trim()
  return text.endsWith(':') && text.split(/\s+/).length <= 12 && !paragraph.data?.hashtags?.length
}

interface PartAliases {
  foreword: Set<string>
  introduction: Set<string>
  conclusion: Set<string>
  drop: Set<string>
}

const partCache = new WeakMap<Profile, PartAliases>()

/** The profile's part headings, normalised once. */
function partAliases(profile: Profile): PartAliases {
  let aliases = partCache.get(profile)
  if (!aliases) {
    const exact = (list: string[]) => new Set(list.map(normaliseHeading).filter((text) => text !== ''))
    aliases = {
      foreword: exact(profile.parts.foreword),
      introduction: exact(profile.parts.introduction),
      conclusion: exact(profile.parts.conclusion),
      drop: exact(profile.parts.drop),
    }
    partCache.set(profile, aliases)
  }
  return aliases
}

/**
 * Which part a heading starts, by exact match only: the heading, normalised
 * (`normaliseHeading`: lower case, what is in brackets removed, a leading
 * `Session 2 –` removed, punctuation as spaces), is one of the profile's
 * part headings, normalised the same way. `## Contacts` and `## Contacts
 * (Ana + Ben)` are dropped; `## Routes, fleets and contracts` and `## Actions
 * agreed` are not. When unsure, a heading keeps its notes.
 */
function partOf(heading: NoteHeading, profile: Profile): PartName | 'drop' | undefined {
  const aliases = partAliases(profile)
  if (aliases.foreword.has(heading.text)) return 'foreword'
  if (aliases.introduction.has(heading.text)) return 'introduction'
  if (aliases.conclusion.has(heading.text)) return 'conclusion'
  if (aliases.drop.has(heading.text)) return 'drop'
  return undefined
}

/** Builds notes from list items, quotes, paragraphs and table rows; what is not a note goes to the ledger. */
class NoteBuilder {
  constructor(
    private readonly book: LedgerBook,
    private readonly stemCache: Map<string, string>,
  ) {}

  fromListItem(item: ListItem, headings: NoteHeading[]): Note {
    const paragraphs = item.children.filter((child): child is Paragraph => child.type === 'paragraph')
    const note = this.fromParagraphs(paragraphs, headings, 'list', item)
    this.nested(item.children, note, headings)
    return note
  }

  fromBlockquote(node: Blockquote, headings: NoteHeading[]): Note {
    const paragraphs = node.children.filter((child): child is Paragraph => child.type === 'paragraph')
    const note = this.fromParagraphs(paragraphs, headings, 'blockquote', node)
    this.nested(node.children, note, headings)
    return note
  }

  /** What a list item or a quote holds besides its paragraphs: sub-bullets, quotes and tables as its children. */
  private nested(children: RootContent[], note: Note, headings: NoteHeading[]): void {
    for (const child of children) {
      if (child.type === 'paragraph') continue
      if (child.type === 'list') for (const sub of child.children) note.children.push(this.fromListItem(sub, headings))
      else if (child.type === 'blockquote') note.children.push(this.fromBlockquote(child, headings))
      else if (child.type === 'table') note.children.push(...this.fromTable(child, headings))
      else this.book.leaveOutAll(child, ruleOf(child), `a ${describe(child)} is not a note`)
    }
  }

  fromParagraphs(paragraphs: Paragraph[], headings: NoteHeading[], source: Note['source'], at?: ListItem | Blockquote): Note {
    const content: PhrasingContent[] = []
    const tags: string[] = []
    paragraphs.forEach((paragraph, index) => {
      if (index > 0) content.push({type: 'text', value: ' '})
      content.push(...paragraph.children)
      tags.push(...(paragraph.data?.hashtags ?? []))
    })
    const place = at ?? paragraphs[0]
    const said = withoutRepeatMarker(content)
    const text = plainText(said)
    return {content: said, text, record: new NoteText(text, this.stemCache), tags, headings, line: line(place), column: column(place), quote: source === 'blockquote', source, ...(said === content ? {} : {repeat: true}), children: []}
  }

  /**
   * A table's rows become notes: the first cell is the headline, the other
   * cells the detail as `Header: value`. Columns that say who (`Lead`,
   * `Who mentioned it`) are left out: the report never says who.
   */
  fromTable(table: Table, headings: NoteHeading[]): Note[] {
    const [header, ...rows] = table.children
    if (!header) return []
    const labels = header.children.map((cell) => toString(cell).trim())
    // `| # | Question | … |`: the row number is no headline; a column that is a question (Slido's `Question`, `Q`) is, and the row asks it.
    const numbered = numberHeader.test(labels[0] ?? '') && labels.length > 1
    const askedAt = labels.findIndex((label) => questionHeader.test(label))
    const head = askedAt >= 0 ? askedAt : numbered ? 1 : 0
    const kept = labels.map((label, index) => index === head || (!attributionHeader.test(label) && !(numbered && index === 0) && !(askedAt >= 0 && tallyHeader.test(label))))
    const notes: Note[] = []
    for (const row of rows) {
      const cells = row.children
      const first = cellContent(cells[head])
      const detail: PhrasingContent[] = []
      cells.forEach((cell, index) => {
        if (index === head || !kept[index]) return
        const value = cellContent(cell)
        if (value.length === 0 || anonymousPlaceholder.test(toString({type: 'paragraph', children: value}).trim())) return
        if (detail.length > 0) detail.push({type: 'text', value: '; '})
        const label = labels[index]
        detail.push(...(label ? [{type: 'text', value: `${label}: `} as PhrasingContent] : []), ...value)
      })
      const headline = first.length > 0 ? first : undefined
      const content: PhrasingContent[] = headline && detail.length > 0 ? [...headline, {type: 'text', value: ' – '}, ...detail] : headline ?? detail
      if (content.length === 0) {
        this.book.record(start(row), {state: 'left-out', rule: 'empty-row', reason: 'the row is empty, or holds only who said it', text: ''})
        continue
      }
      const text = plainText(content)
      notes.push({
        content,
        text,
        record: new NoteText(text, this.stemCache),
        headline: headline && detail.length > 0 ? headline : undefined,
        detail: headline && detail.length > 0 ? detail : undefined,
        ...(askedAt >= 0 && headline ? {asked: true} : {}),
        tags: [],
        headings,
        line: line(row),
        column: column(row),
        quote: false,
        source: 'table',
        children: [],
      })
    }
    return notes
  }
}

/** `again – Family mediation – …` → `Family mediation – …` (a new array: the note is a repeat), else the content as it was. */
function withoutRepeatMarker(content: PhrasingContent[]): PhrasingContent[] {
  const first = content[0]
  if (!first || first.type !== 'text') return content
  const match = repeatMarker.exec(first.value)
  if (!match) return content
  return [{...first, value: first.value.slice(match[0].length)}, ...content.slice(1)]
}

function cellContent(cell: TableCell | undefined): PhrasingContent[] {
  if (!cell) return []
  const content = cell.children.map((node) => ({...node})) as PhrasingContent[]
  const first = content[0]
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '')
  const last = content.at(-1)
  if (last?.type === 'text') last.value = last.value.trimEnd()
  return content.filter((node) => !(node.type === 'text' && node.value === ''))
}

function start(node: {position?: {start: {line: number; column: number}}}): {line: number; column: number} {
  return {line: line(node), column: column(node)}
}

/** Plain text of inline content, spacing collapsed (as `mdast-util-to-string`, without its arrays: it runs for every note). */
export function plainText(content: PhrasingContent[]): string {
  let text = ''
  for (const node of content) text += inlineText(node as {value?: string})
  // Most notes have no run of spaces and no other white space: nothing to collapse.
  return spacing.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim()
}

const spacing = /\s\s|[^\S ]/

function inlineText(node: {value?: string; alt?: string | null; children?: unknown[]}): string {
  if (node.value !== undefined) return node.value
  if (node.alt) return node.alt
  if (!node.children) return ''
  let text = ''
  for (const child of node.children) text += inlineText(child as {value?: string})
  return text
}

function line(node: {position?: {start: {line: number}}} | undefined): number {
  return node?.position?.start.line ?? 0
}

function column(node: {position?: {start: {column: number}}} | undefined): number {
  return node?.position?.start.column ?? 0
}

/** `code-block`, `html-block`: the rule id of a block that is not a note. */
function ruleOf(node: RootContent): string {
  return describe(node).toLowerCase().replace(/ /g, '-')
}

function describe(node: RootContent): string {
  const names: Record<string, string> = {code: 'code block', html: 'HTML block', thematicBreak: 'rule', heading: 'heading', listItem: 'list item'}
  return names[node.type] ?? node.type
}
