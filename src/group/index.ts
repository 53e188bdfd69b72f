/**
 * Group stage: place the anonymised notes in the profile's standard sections
 * and build the report model (`file.data.report`) every output is written from.
 *
 * In order: cut the tree into notes (`segment`); leave out logistics and
 * repeated notes (info messages); tidy each note into report prose and tell
 * quotes and questions apart; place it (`placeNote`: hashtag, heading,
 * keywords, else the fallback with an `exchange:unplaced-note` warning);
 * address questions to the reader; fill Key insights; apply section limits;
 * number footnotes and build the resources round-up; number the chapters;
 * write the introduction and boilerplate.
 */
import type {PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import type {NotesMeta, OmittedNote, Report, ReportItem, ReportSection} from '../types.js'
import {collectDefinitions, numberFootnotes, roundUp, withholdFacilitatorNotes} from './footnotes.js'
import {boilerplate, introduction, templateData} from './introduction.js'
import {withinOneEdit} from './keywords.js'
import {contentBlocks, LedgerBook, leftOut, leftOutSummary, type Outcome} from './ledger.js'
import {logisticsReason} from './logistics.js'
import {fromNote, reportingLead} from './note-text.js'
import {particularsDiffer} from './particulars.js'
import {formatNumber, placeNote, Placer} from './placement.js'
import {earnedIntro, earnedKeyInsights, gatherThemes, keyInsightsGrounds, runInHeadlines} from './themes.js'
import type {Profile, ProfileSection} from './profile.js'
import {addressReader, doYouPrompt, isQuestion, oneChecklistForm} from './questions.js'
import {anonymousPlaceholder, plainText, segment, type Note} from './segment.js'
import {capitaliseFirst, endQuestion, endQuote, tidyContent, typesetTitle} from './tidy.js'

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
  const book = new LedgerBook()
  // Blocks the anonymiser emptied (everything in them named or reached someone) are gone from the tree.
  for (const at of file.data.emptied ?? []) book.record(at, {state: 'left-out', rule: 'anonymised-away', reason: 'everything in it named or reached a participant', text: ''})
  const {notes, parts} = segment(tree, profile, book)

  const omitted: OmittedNote[] = []
  const leaveOut: LeaveOut = (at, text, rule, reason, children = [], into) => {
    omitted.push({line: at.line, column: at.column, text, rule, reason})
    const merged = /^duplicate-/.test(rule)
    const outcome = (own: string): Outcome => (merged ? {state: 'merged', ...(into === undefined ? {} : {into}), rule, reason, text: own} : {state: 'left-out', rule, reason, text: own})
    book.record(at, outcome(text))
    // What was nested in a note left out goes with it.
    const nested = (list: Array<{line: number; column: number; text: string; children: unknown[]}>) => {
      for (const child of list) {
        book.record(child, outcome(child.text))
        nested(child.children as typeof list)
      }
    }
    nested(children)
  }

  const profileSections = [...profile.sections, profile.fallback]
  const sections: ReportSection[] = profileSections.map((section) => ({
    id: section.id,
    title: section.title,
    intro: section.intro,
    style: section.style,
    role: section.role,
    lead: section.lead,
    audience: section.audience,
    items: [],
  }))
  const byId = new Map(sections.map((section) => [section.id, section]))
  const settings = new Map(profileSections.map((section) => [section.id, section]))
  const questionTags = new Set(['question', 'questions', ...profile.sections.filter((section) => section.role === 'questions').flatMap((section) => section.tags)])
  const strength = new Map<ReportItem, number>()

  const placer = new Placer<ReportItem>(profile)
  const written = new Map<ReportItem, Note>()
  for (const note of withoutRepeats(withoutLogistics(notes, leaveOut), leaveOut)) {
    const item = toItem(note, questionTags)
    if (item.text === '' && item.children.length === 0) {
      leaveOut(item, '', 'anonymised-away', 'nothing was left of it once anonymised')
      continue
    }
    written.set(item, note)
    // An untagged note goes where the first hashtag nested in it says.
    const tags = note.tags.length > 0 ? note.tags : nestedTags(note)
    const said = note.record.said
    const alone = note.children.length === 0
    placer.add(item, {tags: prioritiseKeyTags(tags, profile), headings: note.headings, stems: noteStems(note), question: item.kind === 'question', text: alone ? said : allText(note).replace(reportingLead, ''), ...(alone ? {record: note.record} : {}), own: {text: said, line: note.line}, kind: item.kind, source: note.source, asked: note.asked})
  }
  for (const {value: item, parent, placement, scores} of placer.settle()) {
    setPlacement(item, placement)
    if (parent) {
      parent.children.push(item)
      continue
    }
    // A sub-bullet with a hashtag of its own for another section goes there: its own hashtag wins.
    for (const entry of detachTagged(item, written.get(item)!, placement.section, profile)) {
      setPlacement(entry.item, entry.placement)
      strength.set(entry.item, strengthOf(entry.item, 0))
      byId.get(entry.placement.section)!.items.push(entry.item)
    }
    strength.set(item, strengthOf(item, scores.find((score) => score.section === placement.section)?.score ?? 0))
    if (placement.rule === 'fallback') {
      const message = file.message(`Unplaced note \`${truncate(written.get(item)?.text ?? item.text)}\`: ${placement.reason}, it goes to “${profile.fallback.title}”`, {
        place: {line: item.line, column: item.column},
        ruleId: 'unplaced-note',
        source: 'exchange',
      })
      message.fatal = false
    }
    byId.get(placement.section)!.items.push(item)
  }

  for (const section of sections) fitToSection(section, settings.get(section.id)!)
  for (const section of sections) oneChecklistForm(section.items)
  gatherThemes(sections, {cache: profile.keywordIndex.cache, leaveOut, strength})
  const keyInsights = fillKeyInsights(sections, profile, strength)
  for (const section of sections) {
    const limit = settings.get(section.id)!.limit
    if (limit !== undefined && section.role !== 'key') applyLimit(section, limit, strength, leaveOut)
  }

  const definitions = collectDefinitions(tree)
  // Its mark goes too: a note's footnote reference with no definition is not printed.
  for (const {node, text} of withholdFacilitatorNotes(definitions)) {
    omitted.push({line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0, text, rule: 'facilitator-note', reason: 'a footnote written to the facilitator, not to readers'})
  }
  const footnotes = numberFootnotes(sections, definitions)
  const resources = sections.find((section) => section.role === 'resources')
  if (resources) {
    const before = new Map(resources.items.map((item) => [`${item.line}:${item.column}`, item]))
    for (const entry of roundUp(resources, footnotes)) leaveOut(entry, entry.text, entry.rule, entry.reason, before.get(`${entry.line}:${entry.column}`)?.children)
  }

  // An insight with no headline of its own reads as one: its first clause run in, in bold; Key insights say what earned them (themes.ts).
  runInHeadlines(sections)
  keyInsightsGrounds(sections.find((section) => section.role === 'key'), profile.sections.find((section) => section.role === 'key')?.intro)

  const present = sections.filter((section) => section.items.length > 0)
  for (const section of present) for (const item of section.items) placeInBook(book, item, section)
  const ledger = book.close(file.data.blocks ?? contentBlocks(tree))
  const left = leftOut(ledger)
  const summary = leftOutSummary(left)
  if (summary) {
    const message = file.message(summary, {place: {line: left[0]!.line, column: left[0]!.column}, ruleId: 'left-out', source: 'exchange'})
    message.fatal = false
  }
  let chapter = 0
  for (const section of present) if (settings.get(section.id)!.chapter) section.number = ++chapter

  // The introduction and the boilerplate read the same template data (its content summary reads every section): made once.
  const data = templateData(meta, profile, present)
  return {
    meta: {...meta, title: typesetTitle(meta.title), reportType: profile.reportType, profile: profile.id},
    introduction: introduction(meta, profile, present, data),
    ...(parts.introduction ? {introductionNotes: parts.introduction} : {}),
    chathamHouse: profile.chathamHouse,
    foreword: parts.foreword && {...parts.foreword, by: meta.forewordBy},
    conclusion: parts.conclusion,
    sections: present,
    footnotes,
    boilerplate: boilerplate(meta, profile, present, data),
    keyInsights,
    omitted: omitted.sort((a, b) => a.line - b.line || a.column - b.column),
    leftOut: left,
    ledger,
  }
}

type LeaveOut = (
  at: {line: number; column: number},
  text: string,
  rule: string,
  reason: string,
  children?: Array<{line: number; column: number; text: string; children: unknown[]}>,
  into?: number,
) => void

/** A note in the report, and what is nested in it: placed (copies in Key insights and the round-up are not counted). */
function placeInBook(book: LedgerBook, item: ReportItem, section: ReportSection): void {
  if (item.placement.rule === 'key' || item.placement.rule === 'round-up') return
  book.record(item, {state: 'placed', section: section.id, title: section.title})
  for (const child of item.children) placeInBook(book, child, section)
}

/** Notes (and sub-bullets) that are logistics are left out; a note with sub-bullets of substance stays. */
function withoutLogistics(notes: Note[], leaveOut: LeaveOut): Note[] {
  const kept: Note[] = []
  for (const note of notes) {
    note.children = withoutLogistics(note.children, leaveOut)
    const text = note.text
    const reason = note.children.length === 0 ? logisticsReason({text, afterQuote: note.afterQuote}) : undefined
    if (reason) leaveOut(note, text, 'logistics', `${reason}, not an insight`, note.children)
    else kept.push(note)
  }
  return kept
}

/**
 * A note typed again later ("again –", or word for word, give or take a typo)
 * is left out: the first keeps its place and tags, takes the repeat's
 * sub-bullets, and takes the repeat's wording when that is the better spelt
 * (its words are the more frequent in the notes).
 */
function withoutRepeats(notes: Note[], leaveOut: LeaveOut): Note[] {
  const seen = new Map<string, Array<{words: string[]; note: Note}>>()
  const listed = notes.map((note) => note.record.saidWords)
  // How often each word is written in the notes: counted when a first repeat is found (most notes have none).
  let counted: Map<string, number> | undefined
  const frequency = () => {
    if (counted) return counted
    counted = new Map<string, number>()
    for (const list of listed) for (const word of list) counted.set(word, (counted.get(word) ?? 0) + 1)
    return counted
  }
  const spelling = (list: string[], other: string[]) => list.reduce((sum, word, index) => sum + (word === other[index] ? 0 : frequency().get(word) ?? 0), 0)
  const kept: Note[] = []
  notes.forEach((note, position) => {
    const list = listed[position]!
    // Repeats have as many words, and (typos aside) the same first letter.
    // Numbers must match exactly (see `sameWords`), so they go in the key too.
    const key = `${list.length} ${list[0]?.[0] ?? ''} ${list.filter((word) => /\d/.test(word)).join(' ')}`
    const bucket = seen.get(key) ?? []
    // A typo is forgiven, a different figure, name, negation or date never (`Hull` and `Hall`, `never` and `fever`).
    const first = list.length >= 3 ? bucket.find((entry) => sameWords(entry.words, list) && !particularsDiffer(entry.note.text, note.text)) : undefined
    if (first) {
      first.note.children.push(...note.children)
      if (spelling(list, first.words) > spelling(first.words, list)) {
        first.note.content = note.content
        first.note.text = note.text
        first.note.record = note.record
        first.words = list
      }
      leaveOut(note, note.text, 'duplicate-note', `it repeats the note on line ${first.note.line}`, [], first.note.line)
      return
    }
    bucket.push({words: list, note})
    seen.set(key, bucket)
    kept.push(note)
  })
  return kept
}

function sameWords(a: string[], b: string[]): boolean {
  return a.every((word, index) => {
    const other = b[index]!
    // A typo is forgiven in a word, never in a number: `line 1234` and `line 1235` are two notes.
    return word === other || (word.length >= 4 && other.length >= 4 && !/\d/.test(word + other) && withinOneEdit(word, other))
  })
}

/** A note as a report item: tidied, its kind told, a `Headline – detail` split. */
function toItem(note: Note, questionTags: Set<string>): ReportItem {
  let content = tidyContent(note.content)
  let headline: PhrasingContent[] | undefined
  let detail: PhrasingContent[] | undefined
  let text = plain(content)
  const whole = wholeQuote(content)
  let kind: ReportItem['kind'] = 'note'
  if (note.quote || whole) {
    kind = 'quote'
    content = endQuote(whole ?? withoutQuoteMarks(content))
    text = plain(content)
  } else if (note.asked || note.tags.some((tag) => questionTags.has(tag)) || isQuestion(text)) {
    kind = 'question'
  } else if (note.headline && note.detail) {
    headline = tidyContent(note.headline)
    detail = capitaliseFirst(tidyContent(note.detail))
  } else {
    ;({headline, detail} = splitHeadline(content))
  }
  const item: ReportItem = {
    content,
    headline,
    detail,
    text,
    line: note.line,
    column: note.column,
    tags: note.tags,
    kind,
    quote: kind === 'quote' || undefined,
    source: note.source,
    children: note.children.map((child) => toItem(child, questionTags)),
    placement: {section: '', rule: 'fallback', reason: ''},
  }
  fromNote(item, note.record)
  return item
}

/**
 * How strong a note is in its section, to pick Key insights and keep the
 * best under a limit: its keyword score there, plus 3 for `#key` (in every
 * profile), 2 for a `Headline – detail`, 2 if a hashtag placed it (1 for a
 * heading), a half per sub-bullet (at most two); a quote loses 1.
 */
function strengthOf(item: ReportItem, keywordScore: number): number {
  const rule = item.placement.rule
  return (
    keywordScore +
    (item.tags.includes('key') ? 3 : 0) +
    (item.headline ? 2 : 0) +
    (rule === 'hashtag' ? 2 : rule === 'heading' ? 1 : 0) +
    Math.min(item.children.length, 2) * 0.5 -
    (item.kind === 'quote' ? 1 : 0)
  )
}

/** Tags of the Key insights section first: a note tagged `#key` is a key insight, whatever else it is tagged. */
function prioritiseKeyTags(tags: string[], profile: Profile): string[] {
  const key = profile.sections.find((section) => section.role === 'key')
  if (!key) return tags
  return [...tags.filter((tag) => key.tags.includes(tag)), ...tags.filter((tag) => !key.tags.includes(tag))]
}

/** Hashtags of a note's sub-bullets, depth first: the first nested tag places an untagged parent. */
function nestedTags(note: Note): string[] {
  for (const child of note.children) {
    if (child.tags.length > 0) return child.tags
    const deeper = nestedTags(child)
    if (deeper.length > 0) return deeper
  }
  return []
}

/**
 * Sub-bullets (at any depth) whose own hashtags place them in another
 * section than their parent's: taken out of the parent, to go there.
 */
function detachTagged(item: ReportItem, note: Note, section: string, profile: Profile): Array<{item: ReportItem; placement: ReportItem['placement']}> {
  const moved: Array<{item: ReportItem; placement: ReportItem['placement']}> = []
  const keep: ReportItem[] = []
  item.children.forEach((child, index) => {
    const source = note.children[index]
    if (!source) {
      keep.push(child)
      return
    }
    if (source.tags.length > 0) {
      const {placement} = placeNote({tags: prioritiseKeyTags(source.tags, profile), headings: source.headings, stems: [], question: child.kind === 'question'}, profile)
      if (placement.rule === 'hashtag' && placement.section !== section) {
        moved.push({item: child, placement}, ...detachTagged(child, source, placement.section, profile))
        return
      }
    }
    keep.push(child)
    moved.push(...detachTagged(child, source, section, profile))
  })
  item.children = keep
  return moved
}

function setPlacement(item: ReportItem, placement: ReportItem['placement']): void {
  item.placement = placement
  item.children.forEach((child) => setPlacement(child, placement))
}

/** Kinds and wording that depend on the section: questions addressed to the reader, resources. */
function fitToSection(section: ReportSection, settings: ProfileSection): void {
  const checklist = section.style === 'checklist' || section.style === 'actions' || settings.role === 'questions'
  for (const item of section.items) {
    if (settings.role === 'questions' && item.kind === 'note') item.kind = 'question'
    if (settings.role === 'resources' && item.kind === 'note') item.kind = 'resource'
    if (item.kind === 'question' && checklist) {
      item.content = endQuestion(addressReader(item.content))
      item.headline = undefined
      item.detail = undefined
      item.prompt = doYouPrompt(item.content)
      item.text = plain(item.content)
    }
  }
}

/**
 * Key insights: the notes tagged for it; when there are none, the strongest
 * note of each standard section, repeated there (placement rule `key`).
 */
function fillKeyInsights(sections: ReportSection[], profile: Profile, strength: Map<ReportItem, number>): Report['keyInsights'] {
  const key = sections.find((section) => section.role === 'key')
  if (!key) return undefined
  if (key.items.length > 0) {
    earnedKeyInsights(sections, key, Math.max(0, maxKeyInsights - key.items.length))
    return 'tagged'
  }
  if (profile.keyInsights.fallback === 'none') return undefined
  if (earnedKeyInsights(sections, key, maxKeyInsights) > 0) {
    key.intro = earnedIntro
    return 'strongest'
  }
  for (const section of sections) {
    if (section.role !== 'insights') continue
    let best: ReportItem | undefined
    for (const item of section.items) {
      if (!keyCandidate(item)) continue
      if (!best || strength.get(item)! > strength.get(best)!) best = item
    }
    if (!best) continue
    const score = strength.get(best)!
    key.items.push({
      ...structuredClone({...best, children: []}),
      placement: {section: key.id, rule: 'key', reason: `the strongest note in “${section.title}” (strength ${formatNumber(score)}), as no note is tagged for Key insights`, score},
    })
  }
  if (profile.keyInsights.intro) key.intro = profile.keyInsights.intro
  return key.items.length > 0 ? 'strongest' : undefined
}

/** Key insights earned by how often a theme came up, besides those tagged. */
const maxKeyInsights = 5

/** A note that can stand alone as a key insight: not a quote, question, table row or a lead-in to sub-bullets. */
function keyCandidate(item: ReportItem): boolean {
  return item.kind === 'note' && item.source !== 'table' && !/:$/.test(item.text) && item.text.split(/\s+/).length >= 5
}

/** Keep a section's strongest `limit` items, in their order; leave the rest out. */
function applyLimit(section: ReportSection, limit: number, strength: Map<ReportItem, number>, leaveOut: LeaveOut): void {
  if (section.items.length <= limit) return
  const ranked = [...section.items].sort((a, b) => (strength.get(b) ?? 0) - (strength.get(a) ?? 0) || a.line - b.line)
  const keep = new Set(ranked.slice(0, limit))
  for (const item of section.items) {
    if (!keep.has(item)) leaveOut(item, item.text, 'item-limit', `“${section.title}” keeps its ${limit} strongest notes`, item.children)
  }
  section.items = section.items.filter((item) => keep.has(item))
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
  if (words.length < 2 || words.length > 12 || /["“”]/.test(match[1]!) || anonymousPlaceholder.test(match[1]!.trim())) return {}
  const rest = first.value.slice(match[0].length)
  const detail: PhrasingContent[] = [{type: 'text', value: rest.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())}, ...content.slice(1)]
  return {headline: [{type: 'text', value: match[1]!.trim()}], detail}
}

// Each `\s*` follows a token, so a run of spaces is read once, not tried from every place in it.
const quoteTail = /^\s*(?:[.!]\s*)?(?:[-–—]+\s*)?(?:\(\s*)?(?:(?:one|a|another) (?:participant|council officer|councillor|member)\s*)?(?:\)\s*)?(?:[.!]\s*)?$/i

/**
 * A note that is only a quotation, maybe with an anonymised attribution
 * after it (`“PB is cheap” – one participant`) → the quotation, without marks.
 */
function wholeQuote(content: PhrasingContent[]): PhrasingContent[] | undefined {
  if (!content.every((node) => node.type === 'text')) return undefined
  const text = content.map((node) => (node as {value: string}).value).join('')
  const match = /^[“"]([^“”"]{8,})[”"](.*)$/su.exec(text.trim())
  if (!match || !quoteTail.test(match[2]!)) return undefined
  return capitaliseFirst([{type: 'text', value: match[1]!.trim()}])
}

/** A blockquote written with its own quotation marks: drop them. */
function withoutQuoteMarks(content: PhrasingContent[]): PhrasingContent[] {
  const first = content[0]
  const last = content.at(-1)
  if (first?.type !== 'text' || last?.type !== 'text') return content
  if (!/^[“"]/.test(first.value) || !/[”"][.!]?$/.test(last.value)) return content
  const copy = content.map((node) => ({...node})) as PhrasingContent[]
  ;(copy[0] as {value: string}).value = first.value.replace(/^[“"]/, '')
  ;(copy.at(-1) as {value: string}).value = (copy.at(-1) as {value: string}).value.replace(/[”"]([.!]?)$/, '$1')
  return copy
}

/** Stems of the note's words and its sub-bullets', for keyword scoring (what each says, without who reported it). */
function noteStems(note: Note): string[] {
  if (note.children.length === 0) return note.record.saidStems
  const output: string[] = []
  const add = (entry: Note) => {
    for (const value of entry.record.saidStems) output.push(value)
    entry.children.forEach(add)
  }
  add(note)
  return output
}

/** A note's text with its sub-bullets', for its wording. */
function allText(note: Note): string {
  return note.children.length === 0 ? note.text : [note.text, ...note.children.map(allText)].join(' ')
}

function plain(content: PhrasingContent[]): string {
  return plainText(content)
}

function truncate(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}


export type {ProfileSection}
