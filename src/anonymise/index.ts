/**
 * Anonymise stage: a remark plugin that strips every attribution from the
 * notes tree, in place, so the report honours the Chatham House rule.
 *
 * It reads the roster from `file.data.roster` (set by the parse stage),
 * rewrites text everywhere in the tree (text, headings, link text, image
 * alt, tables, footnotes, raw HTML text and attributes, code) and the
 * printed front-matter fields, drops HTML comments and links to personal
 * profiles, records each redaction on `file.data.redactions` for the review
 * page, and reports every person it found who is not on the roster as an
 * `unrostered-name` warning.
 */
import type {Nodes, Parents, Root, RootContent, Text} from 'mdast'
import type {VFile} from 'vfile'
import type {NotesMeta, Redaction, Roster} from '../types.js'
import {definedAbbreviations, type Abbreviations} from './acronyms.js'
import {isProfileUrl} from './contacts.js'
import {isOrdinaryWord} from './forms.js'
import {compileRoster} from './matcher.js'
import {findEntities, namesSomeone, newBlockState, onlyNames, rewriteText, type Anonymiser, type BlockState, type RuleId, type TextContext, type TextRedaction} from './text.js'
import type {PersonCandidate} from './unrostered.js'
import {withLabelSpeakers} from './label-speakers.js'
import {rulePatterns} from './patterns.js'

declare module 'vfile' {
  interface DataMap {
    /** Where the anonymiser left a roster word as an ordinary word, on purpose, for the paranoid audit (`ordinaryUse`). */
    ordinary: string[]
  }
}

export interface ChathamHouseOptions {
  /** Use this roster instead of `file.data.roster`. */
  roster?: Roster
}

/** Blocks whose first text may open with a speaker label. */
const blockTypes = new Set(['paragraph', 'heading', 'tableCell'])

/** Front-matter fields that are printed in the report. */
const printedFields = ['title', 'series', 'venue', 'host', 'partner'] as const satisfies ReadonlyArray<keyof NotesMeta>

/** Where a string sits in the notes, to place its redactions and warnings. */
interface Origin {
  line?: number
  column?: number
}

/**
 * What the names in one document look like, ready to rewrite its strings. With the notes' `source`, it also
 * knows the abbreviations they define (`participatory budgeting (PB)`).
 */
export function createAnonymiser(roster: Roster, meta?: NotesMeta, source?: string): Anonymiser {
  const doc: Anonymiser = {matcher: compileRoster(roster, {protect: protectedPhrases(meta), protectOrgs: [meta?.venue]}), roster, known: new Set()}
  if (source !== undefined) doc.abbreviations = abbreviationsOf(source, doc)
  return doc
}

export interface AnonymisedText {
  value: string
  redactions: TextRedaction[]
  /** People not on the roster found in the text, confident or not. */
  unrostered: PersonCandidate[]
}

/**
 * Anonymise a plain string (no markdown): the same rules as the plugin, on
 * one block of text whose lines may each open with a speaker label.
 */
export function anonymiseText(value: string, roster: Roster = {people: [], share: []}, meta?: NotesMeta): AnonymisedText {
  const doc = createAnonymiser(roster, meta, value)
  doc.cache = new Map()
  learn(doc, value, true)
  return rewriteText(value, doc, {blockStart: true})
}

/** The abbreviations the notes define, and the initials they introduce after a person's name (`Priya Black (PB)`). */
function abbreviationsOf(text: string, doc: Anonymiser): Abbreviations {
  return definedAbbreviations(text, (words) => doc.matcher.find(words).some((match) => match.form.kind !== 'initials'))
}

/** Remember the words of people named in full with confidence, to find them when named alone. */
function learn(doc: Anonymiser, value: string, blockStart: boolean): void {
  for (const finding of findEntities(value, doc, {blockStart})) {
    // Only names sure from their words alone: a single word, or a pair sure only in its context, might not be a name elsewhere.
    if (finding.kind !== 'unrostered' || !finding.candidate.strong || finding.candidate.keys.length < 2) continue
    for (const key of finding.candidate.keys) if (key.length > 2 && !isOrdinaryWord(key)) doc.known.add(key)
  }
}

export default function remarkChathamHouse(options: ChathamHouseOptions = {}) {
  return function (tree: Root, file: VFile) {
    // A transcript's speakers named only by their labels join the roster, and the audit reads the same roster.
    const roster = withLabelSpeakers(options.roster ?? file.data.roster ?? {people: [], share: []}, file.data.labelSpeakers)
    if (!options.roster && roster !== file.data.roster && roster.people.length > 0) file.data.roster = roster
    const doc = createAnonymiser(roster, file.data.meta, String(file.value ?? ''))
    doc.cache = new Map()
    doc.ordinary = new Set(file.data.ordinary)
    const redactions: Redaction[] = file.data.redactions ?? []
    file.data.redactions = redactions
    const source = String(file.value ?? '')
    const lines = source.split('\n')

    // A name split by formatting (`**Sio**bhán`) is read as one, as its reader reads it.
    joinSplitNames(tree, doc)
    // First pass: people named in full somewhere are named when mentioned alone elsewhere.
    learnNames(tree, doc)

    const found: Array<{candidate: PersonCandidate; origin: Origin}> = []
    const rewrite = (value: string, origin: Origin, context: TextContext): string => {
      const result = rewriteText(value, doc, context)
      for (const redaction of result.redactions) redactions.push(place(redaction, value, origin, lines))
      for (const candidate of result.unrostered) found.push({candidate, origin: place({original: candidate.text, replacement: '', rule: '', offset: candidate.start}, value, origin, lines)})
      return result.value
    }

    walk(tree, undefined, undefined, false)

    /** `following`: the text after a formatted run that opens a block (`**dawn**` of `**dawn**: …`), for its last text. */
    function walk(node: Nodes, parent: Parents | undefined, block: BlockState | undefined, first: boolean, following?: string): void {
      const origin = start(node)
      switch (node.type) {
        case 'text':
          node.value = rewrite(node.value, origin, {blockStart: first, block, ...(following === undefined ? {} : {following})})
          return
        case 'inlineCode': {
          const value = rewrite(node.value, origin, {blockStart: false, block, rosterOnly: true})
          if (value !== node.value && parent && wholly(node.value, doc)) {
            // `ask \`grace.adeyemi\`` → `ask one participant`: no longer code.
            const text: Text = {type: 'text', value, position: node.position}
            const siblings = parent.children as Nodes[]
            siblings.splice(siblings.indexOf(node), 1, text)
          } else node.value = value
          return
        }
        case 'code':
          node.value = rewrite(node.value, origin, {blockStart: true, rosterOnly: true})
          return
        case 'html':
          node.value = rewriteHtml(node.value, origin)
          return
        case 'table':
          orgColumns(node)
          break
        case 'image':
          if (node.alt) node.alt = rewrite(node.alt, origin, {blockStart: true, block: newBlockState()})
          if (node.title) node.title = rewrite(node.title, origin, {blockStart: true})
          if (personalUrl(node.url, doc)) {
            redactions.push({original: node.url, replacement: '', rule: personalUrl(node.url, doc)!, ...origin})
            node.url = ''
          }
          return
        case 'definition':
          if (personalUrl(node.url, doc)) {
            redactions.push({original: node.url, replacement: '', rule: personalUrl(node.url, doc)!, ...origin})
            node.url = ''
          }
          if (node.title) node.title = rewrite(node.title, origin, {blockStart: true})
          return
        case 'link':
          if (node.title) node.title = rewrite(node.title, origin, {blockStart: true})
          break
        default:
          break
      }
      if (!('children' in node)) return
      const children = node.children as Nodes[]
      const isBlock = blockTypes.has(node.type)
      const state = isBlock ? newBlockState() : block
      // A cue's voice tag (`<v Lan>`), before it is rewritten away: what follows it opens a note.
      const voices = isBlock ? children.map((child) => child.type === 'html' && rulePatterns.wholeVoiceTag.test(child.value.trim())) : []
      // Iterate over a copy: links to personal pages and comments are removed as we go.
      const skipped: Nodes[] = []
      for (const [index, child] of [...children].entries()) {
        if (child.type === 'html' && rulePatterns.wholeComment.test(child.value)) {
          // Comments are the facilitator's asides: never part of the report.
          redactions.push({original: child.value, replacement: '', rule: 'html-comment', ...start(child)})
          children.splice(children.indexOf(child), 1)
          continue
        }
        // A link whose whole text is a name (`[Field](…)`, `[mr hill][1]`) is a link to that person, whatever the words.
        // A link to someone's profile, email or phone goes entirely, text and all: it is never a footnote.
        const profile = child.type === 'link' ? personalUrl(child.url, doc) : undefined
        if (child.type === 'link' && profile) {
          redactions.push({original: sourceOf(child, source) ?? `[${plain(child)}](${child.url})`, replacement: '', rule: profile, ...start(child)})
          children.splice(children.indexOf(child), 1)
          if (state) state.removed = true
          continue
        }
        // A link whose whole text is a name (`the slides from [Field](…)`, `[mr hill][1]`, `<a href="…">Shepherd</a>`) is a
        // link to that person, whatever the words: the link goes, URL and all, and the sentence keeps a participant in its
        // place (`the slides from one participant`), as a name in the text would.
        const named = child.type === 'link' ? (onlyNames(plain(child), doc.matcher) ? 1 : 0) : child.type === 'html' ? nameAnchor(children, children.indexOf(child), doc) : 0
        if (named > 0) {
          const at = children.indexOf(child)
          const label = named === 1 ? plain(child) : plain(children[at + 1]!)
          const text: Text = {type: 'text', value: participantsIn(label, doc, at === 0 && isBlock), ...(child.position ? {position: child.position} : {})}
          const removed = children.splice(at, named, text)
          redactions.push({original: removed.map((part) => sourceOf(part, source) ?? plain(part)).join(''), replacement: plain(children[at]!), rule: 'profile-url', ...start(child)})
          skipped.push(...removed)
          continue
        }
        if (skipped.includes(child)) continue
        // A formatted run after only a time opens its note too: `10:30 **GA:** …`.
        const afterTime = index === 1 && (child.type === 'strong' || child.type === 'emphasis') && children[0]!.type === 'text' && rulePatterns.timedLabelStart.test(children[0]!.value)
        // What a cue's speaker said opens its note: `<v Summer Okonjo>Summer holidays are…`.
        const afterVoice = index > 0 && child.type === 'text' && voices[index - 1] === true
        // A line of its own inside the paragraph: `> "…"` then `> *Miles, commissioner*` on the next line of the quote;
        // `…reopen` then `i. May: …` after a soft break, a hard break (`  ⏎`, `\⏎`) or a `<br>`. A text right after a
        // text is a line the parser split off (an outline's `1.1 …` / `   i. …` lines): micromark never writes two.
        const previous = index > 0 ? children[index - 1] : undefined
        const afterBreak = isBlock && (child.type === 'text' || child.type === 'emphasis' || child.type === 'strong') && previous !== undefined && opensLine(previous, child)
        const opens = isBlock ? index === 0 || afterTime || afterVoice || afterBreak : first && index === 0 && (node.type === 'strong' || node.type === 'emphasis' || node.type === 'link')
        const next = children[index + 1]
        const formatted = (child.type === 'strong' || child.type === 'emphasis') && opens && next?.type === 'text'
        walk(child, node as Parents, state, opens, formatted ? next.value.slice(0, 80) : index === children.length - 1 ? following : undefined)
      }
      if (isBlock && state?.removed) tidyBlock(node as Parents)
      pruneEmpty(node as Parents, (file.data.emptied ??= []))
      // A line removed whole from the end of a block (`> *Miles, commissioner*`) leaves the line break before it.
      const last = isBlock ? (node as Parents).children.at(-1) : undefined
      if (last?.type === 'text') last.value = withoutTrailingLineBreak(last.value)
    }

    /**
     * A column of organisations (`| Name | Organisation | … |`, a sign-in sheet, a form export): each cell says where someone
     * works, whatever the spelling (`SWN Bristol`, `PCC`), so it goes whole unless it is an organisation that is shared.
     */
    function orgColumns(table: Extract<Nodes, {type: 'table'}>): void {
      const [header, ...rows] = table.children
      if (!header) return
      const columns = header.children.map((cell, index) => (rulePatterns.orgHeader.test(plain(cell).trim()) ? index : -1)).filter((index) => index >= 0)
      if (columns.length === 0) return
      const shared = new Set(roster.share.map((name) => name.trim().toLowerCase()))
      for (const row of rows) {
        for (const index of columns) {
          const cell = row.children[index]
          const text = cell ? plain(cell).trim() : ''
          if (!cell || text === '' || shared.has(text.toLowerCase())) continue
          redactions.push({original: text, replacement: '', rule: 'organisation', ...start(cell)})
          cell.children = []
        }
      }
    }

    /** Raw HTML: comments go; text between tags and attribute values are rewritten. */
    function rewriteHtml(value: string, origin: Origin): string {
      let html = value
      // `<v Omar Al-Rashid>`: a transcript's speaker label, removed whole, whoever it names.
      if (/<\/?v[\s.>]/iu.test(html)) {
        html = html.replace(rulePatterns.voiceTag, (tag) => {
          redactions.push({original: tag, replacement: '', rule: 'attribution', ...origin})
          return ''
        })
      }
      if (html.includes('<!--')) {
        html = html.replace(rulePatterns.htmlComment, (comment) => {
          redactions.push({original: comment, replacement: '', rule: 'html-comment', ...origin})
          return ''
        })
      }
      return html.replace(rulePatterns.htmlParts, (_, tag: string | undefined, text: string | undefined) => {
        if (text !== undefined) return rewrite(text, origin, {blockStart: true})
        // `title="O'Neill's table"`, `alt='Tom'`, `title=Tom`: every way an attribute value can be written.
        return tag!.replace(rulePatterns.htmlAttribute, (_all, equals: string, double?: string, single?: string, bare?: string) => {
          const quote = double !== undefined ? '"' : single !== undefined ? "'" : ''
          const attribute = double ?? single ?? bare ?? ''
          const rule = personalUrl(attribute, doc)
          if (rule) {
            redactions.push({original: attribute, replacement: '', rule, ...origin})
            return `${equals}""`
          }
          const value = rewrite(attribute, origin, {blockStart: true, rosterOnly: true})
          // A rewritten bare value gains spaces (`one participant`): quote it.
          return quote === '' && value !== attribute ? `${equals}"${value.replace(rulePatterns.quoteChar, '&quot;')}"` : `${equals}${quote}${value}${quote}`
        })
      })
    }

    for (const {candidate, origin} of found) {
      const message = file.message(
        candidate.confident
          ? `Unexpected person not on the roster, \`${mask(candidate.text)}\` (${candidate.reason}): replaced — add them to \`attendees\` if they were in the room`
          : `Possible person not on the roster, \`${mask(candidate.text)}\` (${candidate.reason}): left as written — check it, add them to \`attendees\`, or reword`,
        {place: origin.line ? {line: origin.line, column: origin.column ?? 1} : undefined, ruleId: 'unrostered-name', source: 'exchange'},
      )
      message.fatal = false
    }

    const meta = file.data.meta
    if (meta) {
      for (const field of printedFields) {
        const value = meta[field]
        if (!value) continue
        const result = rewriteText(value, doc, {blockStart: true, rosterOnly: field !== 'title' && field !== 'series'})
        // On the front-matter line that sets the field, where the review page can show it.
        const line = lines.findIndex((text) => text.startsWith(`${field}:`)) + 1
        for (const redaction of result.redactions) redactions.push(place(redaction, value, line > 0 ? {line, column: lines[line - 1]!.indexOf(value) + 1 || field.length + 3} : {}, lines))
        meta[field] = result.value
      }
    }
    file.data.ordinary = [...doc.ordinary]
  }
}

/** What the report names by design: its host, partner and the foreword's author. */
export function protectedPhrases(meta: NotesMeta | undefined): string[] {
  if (!meta) return []
  const phrases = [meta.host, meta.partner, meta.forewordBy].filter((phrase): phrase is string => Boolean(phrase))
  // `Joanna Whitlock, Chief Executive, Tandem Care Partners`: each part is named by design too.
  // (The venue is named by design for its place only — see `createAnonymiser`.)
  if (meta.forewordBy) phrases.push(...meta.forewordBy.split(',').map((part) => part.trim()).filter(Boolean))
  return phrases
}

/** `Jane` → `J•••`: enough to find it, not enough to read it (logs are not private). */
export function mask(text: string): string {
  return text
    .split(rulePatterns.whitespaceKept)
    .map((part) => (rulePatterns.whitespaceChar.test(part) || part === '' ? part : `${part.slice(0, 1)}${'•'.repeat(Math.max(1, part.length - 1))}`))
    .join('')
}

/** Is this URL a way to reach someone: an email or phone link, a profile, an address with a participant's name in it? */
function personalUrl(url: string, doc: Anonymiser): RuleId | undefined {
  if (!url) return undefined
  if (rulePatterns.mailtoUrl.test(url)) return 'email'
  if (rulePatterns.telUrl.test(url)) return 'phone'
  if (isProfileUrl(url)) return 'profile-url'
  return namesSomeone(url, doc.matcher) ? 'profile-url' : undefined
}

/** Is a code span nothing but a name (`grace.adeyemi`, `kawalsh`)? */
function wholly(value: string, doc: Anonymiser): boolean {
  const findings = findEntities(value, doc, {blockStart: false, rosterOnly: true})
  return findings.length === 1 && findings[0]!.start === 0 && findings[0]!.end >= value.trim().length
}

/** Wrappers whose text runs on into the text beside them. */
const formatting = new Set(['strong', 'emphasis', 'delete'])

/** The text of a text node, or of a wrapper that holds only text; `undefined` for anything else. */
function runText(node: Nodes): string | undefined {
  if (node.type === 'text') return node.value
  if (formatting.has(node.type) && 'children' in node) {
    const texts = (node.children as Nodes[]).map(runText)
    return texts.every((text) => text !== undefined) ? texts.join('') : undefined
  }
  return undefined
}

/**
 * Where a roster name runs across formatting (`**Sio**bhán`, `*Tom* Okafor`), drop the formatting
 * from the pieces, so that the name is one text, which the rewrite then finds. Text is rewritten
 * node by node, and no piece is a name on its own.
 */
export function joinSplitNames(tree: Root, doc: Anonymiser): void {
  const visit = (node: Nodes) => {
    if (!('children' in node)) return
    const children = node.children as Nodes[]
    for (const child of children) visit(child)
    // Only formatting can split a name here: most blocks have none, and are not read twice.
    if (children.length < 2 || !children.some((child) => formatting.has(child.type))) return
    // The children's text, with a line break for anything that is not text or a text-only wrapper.
    let joined = ''
    const spans = children.map((child) => {
      const text = runText(child)
      const start = joined.length
      joined += text ?? '\n'
      return {start, end: joined.length, text: text !== undefined}
    })
    const unwrap = new Set<number>()
    for (const match of doc.matcher.find(joined)) {
      if ((match.form.ambiguous || match.uncapitalised) && !match.titled) continue
      const first = spans.findIndex((span) => match.start < span.end)
      const last = spans.findLastIndex((span) => span.start < match.end)
      // Within one text already, or across something that is not text (a link, code): left to the rewrite and the audit.
      if (first === last || spans.slice(first, last + 1).some((span) => !span.text)) continue
      for (let index = first; index <= last; index++) unwrap.add(index)
    }
    if (unwrap.size === 0) return
    const merged: Nodes[] = []
    children.forEach((child, index) => {
      const piece: Nodes = unwrap.has(index) ? {type: 'text', value: runText(child)!, position: child.position} : child
      const previous = merged.at(-1)
      if (piece.type === 'text' && previous?.type === 'text' && (unwrap.has(index) || unwrap.has(index - 1))) {
        previous.value += piece.value
        if (previous.position && piece.position) previous.position = {start: previous.position.start, end: piece.position.end}
      } else merged.push(piece)
    })
    children.splice(0, children.length, ...merged)
  }
  visit(tree)
}

function learnNames(tree: Root, doc: Anonymiser): void {
  const visitNode = (node: Nodes, first: boolean) => {
    if (node.type === 'text') return learn(doc, node.value, first)
    if (!('children' in node)) return
    const isBlock = blockTypes.has(node.type)
    const children = node.children as Nodes[]
    children.forEach((child, index) => visitNode(child, isBlock ? index === 0 || (child.type === 'text' && opensLine(children[index - 1]!, child)) : first && index === 0))
  }
  visitNode(tree, false)
}

function start(node: Nodes): Origin {
  return {line: node.position?.start.line, column: node.position?.start.column}
}

/** The node as written in the notes. */
function sourceOf(node: Nodes, source: string): string | undefined {
  const from = node.position?.start.offset
  const to = node.position?.end.offset
  return from === undefined || to === undefined ? undefined : source.slice(from, to)
}

/** Who a link's label names, as the sentence says it: `one participant`, `participants` for more than one person. */
function participantsIn(label: string, doc: Anonymiser, opensBlock: boolean): string {
  const people = new Set(doc.matcher.find(label).map((match) => match.form.person))
  const noun = people.size > 1 ? 'participants' : 'one participant'
  return opensBlock ? noun[0]!.toUpperCase() + noun.slice(1) : noun
}

/** An opening `<a …>` tag (a raw HTML link), and its closing tag. */
const anchorOpen = /^<a(?:\s[^<>]*)?>$/iu
const anchorClose = /^<\/a\s*>$/iu

/**
 * How many nodes from `index` make a raw HTML link whose whole text is a name (`<a href="…">`, `Shepherd`, `</a>`): a link
 * to that person, whatever its URL, as a markdown link whose text is a name is. 0 when they do not.
 */
function nameAnchor(children: Nodes[], index: number, doc: Anonymiser): number {
  const [open, text, close] = children.slice(index, index + 3)
  if (open?.type !== 'html' || !anchorOpen.test(open.value.trim()) || close?.type !== 'html' || !anchorClose.test(close.value.trim())) return 0
  return (text?.type === 'text' || text?.type === 'emphasis' || text?.type === 'strong') && onlyNames(plain(text), doc.matcher) ? 3 : 0
}

function plain(node: Nodes): string {
  if ('value' in node) return node.value
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('')
  return ''
}

/**
 * Line and column of a redaction: the node's start plus the offset in its
 * string, checked against the source line (markdown escapes and container
 * indentation can shift it) so the review page can show it in place.
 */
function place(redaction: TextRedaction, value: string, origin: Origin, lines: string[]): Redaction {
  const {offset, ...rest} = redaction
  if (!origin.line) return {...rest}
  const before = value.slice(0, offset).split('\n')
  const line = origin.line + before.length - 1
  let column = before.length === 1 ? (origin.column ?? 1) + offset : before.at(-1)!.length + 1
  const text = lines[line - 1]
  if (text !== undefined && redaction.original && text.slice(column - 1, column - 1 + redaction.original.length) !== redaction.original) {
    const found = text.indexOf(redaction.original.split('\n')[0]!, Math.max(0, column - 40))
    const anywhere = found === -1 ? text.indexOf(redaction.original.split('\n')[0]!) : found
    if (anywhere !== -1) column = anywhere + 1
  }
  return {...rest, line, column}
}

/**
 * After removals: merge neighbouring texts, drop an emptied wrapper (a label
 * in strong) and what a removed link or contact left at either end (`, `,
 * ` – `), and restore the capital at the start.
 */
function tidyBlock(block: Parents): void {
  const children = block.children as Nodes[]
  for (let index = children.length - 1; index > 0; index--) {
    const left = children[index - 1]!
    const right = children[index]!
    if (left.type === 'text' && right.type === 'text') {
      left.value += right.value
      children.splice(index, 1)
    }
  }
  let shifted = false
  while (children.length > 0) {
    const first = children[0]!
    const empty =
      ((first.type === 'strong' || first.type === 'emphasis') && first.children.every((child) => child.type === 'text' && child.value.trim() === '')) ||
      (first.type === 'text' && rulePatterns.onlySeparators.test(first.value) && children.length > 1)
    if (!empty) break
    children.shift()
    shifted = true
  }
  const first = children[0]
  if (first && first.type === 'text') {
    const value = first.value.replace(rulePatterns.leadingSeparators, '').replace(rulePatterns.leadingDash, '')
    // What opened the block went: what is left starts the sentence.
    first.value = value !== first.value || shifted ? value.replace(rulePatterns.firstLetterAfterQuote, (_, quote: string, letter: string) => quote + letter.toUpperCase()) : value
  }
  const last = children.at(-1)
  if (last && last.type === 'text' && children.length > 0) last.value = last.value.replace(rulePatterns.trailingSeparators, '')
  if (last && last.type === 'text' && rulePatterns.onlySeparators.test(last.value)) last.value = ''
}

/** Drop what a removal emptied: a paragraph, a list item, a strong with no text left. */
function pruneEmpty(node: Parents, emptied: Array<{line: number; column: number}>): void {
  const children = node.children as RootContent[]
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index]!
    const empty =
      ((child.type === 'paragraph' || child.type === 'strong' || child.type === 'emphasis' || child.type === 'heading') && child.children.every((inner) => inner.type === 'text' && inner.value.trim() === '')) ||
      ((child.type === 'listItem' || child.type === 'list') && child.children.length === 0)
    if (empty && (child.type !== 'strong' || children.length > 1)) {
      // Recorded for the ledger: an emptied note is left out with a reason, never lost silently. Once: a list item made from
      // a line of a chat starts where its paragraph does, and emptying the one empties the other.
      const at = child.position?.start
      if ((child.type === 'paragraph' || child.type === 'listItem') && at && !emptied.some((done) => done.line === at.line && done.column === at.column)) emptied.push({line: at.line, column: at.column})
      children.splice(index, 1)
    }
  }
}

/** The text without the line break that opens its trailing white space, and what follows it (`…policy.”\n  ` → `…policy.”`): one pass, no backtracking. */
function withoutTrailingLineBreak(value: string): string {
  const kept = value.trimEnd().length
  const lineBreak = value.indexOf('\n', kept)
  return lineBreak === -1 ? value : value.slice(0, lineBreak)
}

/** Does `child` open a line of its paragraph, after `previous`: a break, a `<br>`, a line's end, or a line the parser split off? */
function opensLine(previous: Nodes, child: Nodes): boolean {
  if (previous.type === 'break') return true
  if (previous.type === 'html') return rulePatterns.lineBreakTag.test(previous.value)
  return previous.type === 'text' && (previous.value.endsWith('\n') || child.type === 'text')
}
