/**
 * The Chatham House audit: read back what a reader would get — the HTML's
 * text and attribute values, the PDF's text, the markdown, the JSON — and
 * look for anything that could identify a participant: any form of a
 * roster name, an attendee's organisation that is not shared, a contact
 * detail from the notes. `build` refuses to write a report that leaks;
 * `check` runs the same audit on the same outputs.
 *
 * It uses the anonymiser's own finder: whatever the anonymiser would still
 * redact in the output is, by definition, a leak. Text set in capitals (a
 * CSS `text-transform: uppercase` read back from the PDF) cannot tell `TO`
 * from Tom Okafor's initials, nor `WILL` from Will: there, ambiguous forms and
 * initials are left to the HTML's text, which keeps the case as written;
 * full names and unambiguous forms are still found.
 */
import fs from 'node:fs'
import path from 'node:path'
import {type DefaultTreeAdapterTypes as Html, defaultTreeAdapter as tree, parse as parseHtml} from 'parse5'
import {createAnonymiser, mask} from '../anonymise/index.js'
import {findEntities, startsSentence, type Finding} from '../anonymise/text.js'
import type {Diagnostic, NotesMeta, Roster} from '../types.js'
import {rulePatterns} from '../anonymise/patterns.js'
import {packageRoot} from '../paths.js'
import {createParanoidAuditor, placeInArea} from './paranoid.js'
import {contentText, documentStrings, UnreadablePdf} from '../print/pdf-text.js'
import {loadBundle} from '../util/code-cache.js'
import {importEsm} from '../util/import-esm.js'

export {mask}

export interface Leak {
  /** The text that leaked. */
  text: string
  /** Who or what it names (the roster entry, the organisation, the kind of contact); never printed in a report. */
  person: string
  /** What leaked: a participant's name, an attendee's organisation, a contact detail. */
  kind: 'person' | 'organisation' | 'contact'
  /** Where it was found: `html`, `pdf`, `md`, `json`. */
  where: string
  /** Some context around it, to find it. */
  context: string
  /** Found by the paranoid check alone: a word of a name in a context the anonymiser never recorded as ordinary. */
  paranoid?: boolean
  /** The paranoid check's name position it is in (`a label`): a person there, whatever the anonymiser recorded. */
  position?: string
  /** A capitalised word on no roster, in a position only a person fills (`R2 (Jordan):`). */
  unrostered?: boolean
  /** Line (and column) in the notes file where this text comes from, where it could be found. */
  line?: number
  column?: number
}

export interface Auditor {
  /** Leaks in one output's text. */
  scan(text: string, where: string): Leak[]
}

/**
 * Two opinions over every output: the anonymiser's own finder (what it would still redact is a leak),
 * and the paranoid check (`paranoid.ts`), which shares no code with it: every word of a roster name,
 * anywhere, that the anonymiser did not record as an ordinary use (`ordinary`, from `file.data.ordinary`;
 * the build and `check` always pass it, even empty).
 */
export function createAuditor(roster: Roster, notesSource?: string, meta?: NotesMeta, ordinary?: Iterable<string>): Auditor {
  // Without the anonymiser's records (a caller auditing text it did not anonymise), the finder's opinion alone.
  const paranoid = ordinary === undefined ? undefined : createParanoidAuditor(roster, {meta, ordinary, source: notesSource})
  const doc = createAnonymiser(roster, meta, notesSource)
  const lines = notesSource === undefined ? undefined : sourceLines(notesSource)
  const folded = notesSource?.toLowerCase()
  return {
    scan(output, where) {
      const leaks: Leak[] = []
      // JSON is read as a reader gets it: its strings, each a block of its own (not `{ "text": "…`).
      // Markdown's emphasis marks too (`1. **Reading the room…**`): a reader sees the sentence's first word, not `**` before it.
      const text = where === 'json' ? jsonStrings(output) : where === 'md' ? output.replace(/\*+/g, '') : output
      // Each block is read on its own, as the anonymiser read each text node: what follows a name at the end of
      // one HTML block or markdown line (`…ends in March` / `We ran…`) is not its context. A PDF's line breaks
      // are wraps inside a paragraph, so its text is read whole.
      for (const block of where === 'pdf' ? [text] : text.split('\n')) {
        const found: Array<{start: number; end: number}> = []
        for (const finding of findEntities(block, doc, {blockStart: true, rosterOnly: true})) {
          const leak = leakOf(finding, block, doc.matcher.orgs, roster)
          if (!leak) continue
          // A contact detail is a leak when it comes from the notes (the brand's own address is not).
          if (leak.kind === 'contact' && folded !== undefined && !folded.includes(leak.text.toLowerCase())) continue
          const context = block.slice(Math.max(0, finding.start - 30), finding.end + 30).replace(rulePatterns.whitespaceRun, ' ').trim()
          const place = lines ? sourcePlace(lines, leak.text, context) : undefined
          if (place && lines && leak.kind !== 'contact' && startsSentence(block.slice(Math.max(0, finding.start - 80), finding.start), true) && writtenAsAWord(leak.text, place, lines, doc)) continue
          leaks.push({...leak, where, context, line: place?.line, column: place?.column})
          found.push(finding)
        }
        for (const suspect of paranoid?.scan(block) ?? []) {
          if (found.some((finding) => suspect.start < finding.end && suspect.end > finding.start)) continue
          const context = block.slice(Math.max(0, suspect.start - 30), suspect.end + 30).replace(rulePatterns.whitespaceRun, ' ').trim()
          const place = lines ? sourcePlace(lines, suspect.text, context) : undefined
          leaks.push({text: suspect.text, person: suspect.person, kind: suspect.kind, where, context, line: place?.line, column: place?.column, paranoid: true, ...(suspect.position ? {position: suspect.position} : {}), ...(suspect.unrostered ? {unrostered: true} : {})})
        }
      }
      return leaks
    },
  }
}

/**
 * Did the notes write this in lower case (`rugby club volunteers…`), where
 * the anonymiser leaves it alone? Asked of a capital at the start of a
 * sentence of the report (the tidy stage capitalises sentence starts): then
 * it is the word, not the organisation or the person, and no leak.
 */
function writtenAsAWord(text: string, place: {line: number; column: number}, lines: Array<{number: number; text: string}>, doc: ReturnType<typeof createAnonymiser>): boolean {
  const line = lines.find((candidate) => candidate.number === place.line)
  if (!line) return false
  const at = place.column - 1
  const written = line.text.slice(at, at + text.length)
  const first = written[0] ?? ''
  if (written === text || written.toLowerCase() !== text.toLowerCase() || first === first.toUpperCase()) return false
  return !findEntities(line.text, doc, {blockStart: true, rosterOnly: true}).some((finding) => finding.start <= at && finding.end > at)
}

function leakOf(finding: Finding, text: string, orgs: Array<{name: string; shared: boolean}>, roster: Roster): Omit<Leak, 'where' | 'context'> | undefined {
  const value = text.slice(finding.start, finding.end)
  switch (finding.kind) {
    case 'person':
      return {text: value, person: roster.people[finding.match.form.person]?.name ?? '', kind: 'person'}
    case 'org': {
      const org = orgs[finding.match.form.org]
      return org && !org.shared ? {text: value, person: org.name, kind: 'organisation'} : undefined
    }
    case 'contact':
      return {text: value, person: finding.person === undefined ? finding.contact : (roster.people[finding.person]?.name ?? finding.contact), kind: finding.person === undefined ? 'contact' : 'person'}
    default:
      return undefined
  }
}

/** Every string in a JSON document, one per line; the text itself if it is not JSON. */
export function jsonStrings(json: string): string {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    return json
  }
  const strings: string[] = []
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value)
    else if (Array.isArray(value)) value.forEach(collect)
    else if (value && typeof value === 'object') Object.values(value).forEach(collect)
  }
  collect(data)
  return strings.join('\n')
}

/**
 * The strings and `url()` arguments of a style sheet, one a line: all of it
 * that can reach a page (`content: "…"` prints in the running header), and
 * none of its selectors and at-rules, so `@page` is not a participant's handle.
 */
function cssPrintable(css: string): string {
  const found: string[] = []
  for (const match of css.matchAll(rulePatterns.cssPrintable)) found.push(match[1] ?? match[2] ?? match[3] ?? '')
  return found.join('\n')
}

/** Elements that sit inside a line of text: a reader reads `<strong>Sio</strong>bhán` as one word. */
const inlineElements = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr'])

/** Everything a reader (or a screen reader, or a search engine) can get from an HTML file. */
export function htmlText(html: string): string {
  // Inlined fonts and images are most of the bytes and none of the words: drop them before parsing.
  // parse5's own tree, not hast: the audit needs no positions nor properties, and the hast tree cost it
  // twice the time (20 ms of a report's 30 in a batch).
  const parts: string[] = []
  // The text of the line being read: text runs on across inline elements, and ends at a block's edge.
  let line = ''
  const flush = () => {
    if (line !== '') parts.push(line)
    line = ''
  }
  const walk = (nodes: Html.ChildNode[], parent?: string): void => {
    for (const node of nodes) {
      if (tree.isTextNode(node)) {
        if (parent === 'style') parts.push(cssPrintable(node.value))
        else line += node.value
      } else if (tree.isCommentNode(node)) parts.push(node.data)
      else if (tree.isElementNode(node)) {
        for (const {name, value} of node.attrs) {
          // `src` of inlined images and fonts is base64, not words; a class is the theme's styling hook (`toc-page`),
          // never the notes' (the sanitiser keeps no class from the notes).
          if ((name === 'src' && value.startsWith('data:')) || name === 'class') continue
          parts.push(name === 'style' ? cssPrintable(value) : value)
        }
        const inline = inlineElements.has(node.tagName)
        if (!inline) flush()
        walk(node.childNodes, node.tagName)
        // A template's content is a fragment of its own, not its children: read it too.
        if (node.tagName === 'template') walk(tree.getTemplateContent(node as Html.Template).childNodes, node.tagName)
        if (!inline) flush()
      }
    }
  }
  walk(parseHtml(html.replace(rulePatterns.inlineData, 'data:')).childNodes)
  flush()
  // Blocks are separate lines: a name must not be missed, nor invented, across an element edge.
  return parts.join('\n')
}

type PdfReader = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjs: Promise<PdfReader> | undefined

/**
 * Load pdf.js (a fifth of a second), the reader of the PDFs `pdfText` does
 * not read itself. Its worker module (2 MB, which pdfjs would otherwise
 * import on the first `getDocument`) is loaded with it and handed to pdfjs
 * as the main-thread worker it looks for.
 */
function loadPdfjs(): void {
  if (pdfjs) return
  const natives = nativeBuiltins()
  // Built, pdfjs is one CommonJS bundle with a code cache (scripts/bundle.mjs): 15 ms to load, not 60.
  const bundle = path.join(packageRoot, 'dist', 'pdf-reader.cjs')
  const modules: Promise<[PdfReader, unknown]> = fs.existsSync(bundle)
    ? Promise.resolve().then(() => {
        const {reader, worker} = loadBundle(bundle).exports as {reader: PdfReader; worker: unknown}
        return [reader, worker]
      })
    : Promise.all([importEsm<PdfReader>('pdfjs-dist/legacy/build/pdf.mjs'), importEsm<unknown>('pdfjs-dist/legacy/build/pdf.worker.mjs')])
  pdfjs = modules.then(([reader, worker]) => {
    restoreBuiltins(natives)
    const global = globalThis as {pdfjsWorker?: unknown}
    global.pdfjsWorker ??= worker
    return reader
  })
}

/**
 * Built-ins that pdfjs's legacy build (its core-js polyfills) replaces for
 * the whole process on Node 20's V8 with JavaScript versions, for edge
 * cases neither pdfjs nor exchange meets: `Array.prototype.push` (a bug of
 * V8 ≤ 12.1 with arrays whose length is read-only) and `JSON.parse` (the
 * reviver's source text). The polyfilled push made every compile after the
 * first PDF audit 9% slower, and the audit itself 18%; they are put back.
 */
const replacedBuiltins = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
] as const

function nativeBuiltins(): PropertyDescriptor[] {
  return replacedBuiltins.map(([owner, name]) => Object.getOwnPropertyDescriptor(owner, name)!)
}

function restoreBuiltins(natives: PropertyDescriptor[]): void {
  replacedBuiltins.forEach(([owner, name], index) => Object.defineProperty(owner, name, natives[index]!))
}

/**
 * The text of a PDF as a reader gets it: the words of every page in the
 * order they are drawn, one page per line block (`\n\f\n` between them),
 * then the strings shown besides the pages (alternative text, the outline,
 * the document information, link targets), one a line.
 *
 * The pages are read from their content streams (`print/pdf-text.ts`:
 * pdf.js's words, at a fifth of its cost, without loading it); a PDF that
 * reader does not know (another producer's) is read with pdf.js.
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  let pages: string
  try {
    pages = contentText(pdf)
  } catch (error) {
    if (!(error instanceof UnreadablePdf)) throw error
    pages = await pdfjsText(pdf)
  }
  const shown = documentStrings(pdf)
  return shown ? `${pages}\n\f\n${shown}` : pages
}

/** A string as the PDF's lines are compared with the HTML's blocks: white space collapsed, lower case (a heading set in capitals reads as written). */
const comparable = (text: string) => text.replace(rulePatterns.whitespaceRun, ' ').trim().toLowerCase()
/** A list item's marker, drawn on the page but no text of the HTML (`1.`, `•`). */
const listMarker = /^(?:\d{1,3}[.)]|[•◦▪‣⁃●○■□–-])\s+/u

/**
 * The PDF's text with its wrapped lines joined back into the paragraphs, list items and cells the reader reads:
 * a PDF's line breaks are where the page was full, not where a note ended, and a word wrapped alone onto a line
 * (`…saves people a small` / `fortune.`) is not a name alone in a note.
 *
 * A line is joined to the one before only where the report's HTML (`htmlText`: its blocks, one a line) has the two
 * in one block, the second straight after the first: each paragraph is followed through the HTML from where its
 * first line opens a block. Anything the HTML does not show so (page furniture, a table row whose cells share a line,
 * text a style sheet adds) stays a line of its own, as read before. Nothing is dropped or reordered within a page;
 * a paragraph that runs on over a page break takes its lines from the next page, past the page's running header.
 */
export function readerParagraphs(pdf: string, html: string): string {
  const blocks = `\n${html.split('\n').map(comparable).join('\n')}\n`
  // Where each block starts, by its first characters: a line is looked up, not searched for through the whole text.
  const prefix = 12
  const starts = new Map<string, number[]>()
  const short: number[] = []
  for (let at = 0; at !== -1 && at < blocks.length - 1; at = blocks.indexOf('\n', at + 1)) {
    const start = at + 1
    const end = blocks.indexOf('\n', start)
    if (end - start < prefix) short.push(start)
    else {
      const key = blocks.slice(start, start + prefix)
      const list = starts.get(key) ?? []
      list.push(start)
      starts.set(key, list)
    }
  }
  /** Every block's start, for a line shorter than the prefix (made once, if ever). */
  let every: number[] | undefined
  /** Where a line opens a block of the HTML: the offsets where it ends (a line may open more than one block). */
  const opening = (line: string): number[] => {
    const ends: number[] = []
    for (const text of listMarker.test(line) ? [line, line.replace(listMarker, '')] : [line]) {
      const candidates = text.length >= prefix ? (starts.get(text.slice(0, prefix)) ?? []) : (every ??= [...short, ...[...starts.values()].flat()])
      for (const start of candidates) if (ends.length < 16 && blocks.startsWith(text, start)) ends.push(start + text.length)
    }
    return ends
  }
  /** Where the paragraph ends once `line` is added after it, if the HTML runs on so: with a space, or none after a hyphen (`sky-` / `high`). */
  const runOn = (ends: number[], line: string): {ends: number[]; joint: string} | undefined => {
    const spaced = ends.filter((end) => blocks.startsWith(` ${line}`, end)).map((end) => end + 1 + line.length)
    if (spaced.length > 0) return {ends: spaced, joint: ' '}
    const joined = ends.filter((end) => /[-/–—]/u.test(blocks[end - 1] ?? '') && blocks.startsWith(line, end)).map((end) => end + line.length)
    return joined.length > 0 ? {ends: joined, joint: ''} : undefined
  }
  interface Paragraph {
    text: string
    ends: number[]
  }
  const pages: Paragraph[][] = []
  for (const page of pdf.split('\n\f\n')) {
    // A paragraph that a page break cut runs on from the last one of the page before, past this page's running header.
    const cut = pages.at(-1)?.at(-1)
    const paragraphs: Paragraph[] = []
    for (const line of page.split('\n')) {
      const key = comparable(line)
      const last = paragraphs.at(-1)
      const target = key === '' ? undefined : [last, cut].find((paragraph) => paragraph && runOn(paragraph.ends, key))
      if (target) {
        const next = runOn(target.ends, key)!
        target.text += next.joint + line.trim()
        target.ends = next.ends
      } else paragraphs.push({text: line, ends: key ? opening(key) : []})
    }
    pages.push(paragraphs)
  }
  return pages.map((page) => page.map((paragraph) => paragraph.text).join('\n')).join('\n\f\n')
}

/** The text of every page of a PDF as pdf.js's `getTextContent` gives it, one page per line block. */
export async function pdfjsText(pdf: Uint8Array): Promise<string> {
  loadPdfjs()
  const {getDocument} = await pdfjs!
  const document = await getDocument({data: pdf.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0}).promise
  try {
    const pages: string[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent()
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''))
    }
    return pages.join('\n\f\n')
  } finally {
    await document.destroy()
  }
}

/** The lines of the notes after the front matter (which holds the roster itself), with their numbers. */
function sourceLines(source: string): Array<{number: number; text: string}> {
  const lines = source.split('\n')
  let start = 0
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---')
    if (close > 0) start = close + 1
  }
  return lines.slice(start).map((text, index) => ({number: start + index + 1, text}))
}

function wholeWord(text: string): RegExp {
  const needle = text
    .replace(rulePatterns.possessiveEnd, '')
    .replace(rulePatterns.regexSpecial, '\\$&')
    .replace(rulePatterns.apostrophes, "['’]")
    .replace(rulePatterns.whitespaceRun, '\\s+')
  return new RegExp(`(?<![\\p{L}\\p{N}_])${needle}(?![\\p{L}\\p{N}_])`, 'iu')
}

/**
 * Where in the notes a leaked text comes from: the line that has it as a
 * whole word and shares the most words with the context it leaked in.
 */
function sourcePlace(lines: Array<{number: number; text: string}>, text: string, context: string): {line: number; column: number} | undefined {
  const pattern = wholeWord(text)
  const words = new Set((context.toLowerCase().match(rulePatterns.contextWord) ?? []).filter((word) => !text.toLowerCase().includes(word)))
  let best: {line: number; column: number; score: number} | undefined
  for (const {number, text: line} of lines) {
    const match = pattern.exec(line)
    if (!match) continue
    const lower = line.toLowerCase()
    let score = 0
    for (const word of words) if (lower.includes(word)) score++
    if (!best || score > best.score) best = {line: number, column: match.index + 1, score}
  }
  return best && {line: best.line, column: best.column}
}

/**
 * Leaks as diagnostics, one per spelling and source line, said without
 * repeating the name in full: CI logs are not always private.
 */
export function leakDiagnostics(leaks: Leak[], file: string): Diagnostic[] {
  const grouped = new Map<string, {leak: Leak; where: Set<string>; count: number}>()
  for (const leak of leaks) {
    const key = `${leak.text.toLowerCase()}@${leak.line ?? 0}`
    const entry = grouped.get(key) ?? {leak, where: new Set<string>(), count: 0}
    entry.where.add(leak.where)
    entry.count++
    grouped.set(key, entry)
  }
  return [...grouped.values()].map(({leak, where, count}) => {
    const found = `(${count}× in the ${[...where].join(', ')} output)`
    // Text that is in no line of the notes came from the brand, theme or profile: rewording a note will not help.
    const message =
      leak.line === undefined
        ? `Chatham House audit: \`${mask(leak.text)}\` ${leak.kind === 'contact' ? 'is a contact detail from the notes' : leak.kind === 'organisation' ? "would identify an attendee's organisation" : 'would identify a participant'} ${found}, and is not in the notes' text — remove it from the brand, theme or profile that prints it`
        : leak.kind === 'organisation' && leak.unrostered
        ? `Chatham House audit: \`${mask(leak.text)}\` says where someone is from or lives ${found} (${leak.position}), which names them as well as their name would, shared or not — write the kind of place or body instead (\`a county council\`, \`a town in Scotland\`); a description in lower case is not flagged`
        : leak.kind === 'organisation' && leak.position === placeInArea
        ? `Chatham House audit: \`${mask(leak.text)}\` is ${placeInArea} ${found}, not shared, which says where they work as plainly as the council's name — write \`the area\` or leave the place out; if the word is not that place here (\`Waterloo station\` in London), add the phrase around it, as written, to \`share\` in the front matter`
        : leak.kind === 'organisation'
        ? `Chatham House audit: \`${mask(leak.text)}\` would identify an attendee's organisation ${found} — add it to \`share\` if it is the subject of shared practice, or reword the note`
        : leak.kind === 'contact'
          ? `Chatham House audit: \`${mask(leak.text)}\` is a contact detail from the notes ${found} — remove it from the note`
          : leak.unrostered
            ? `Chatham House audit: \`${mask(leak.text)}\` is a capitalised word ${found} in a position only a person fills (${leak.position}), and no one on the roster — someone the notes name who may not want to be: write the respondent's tag or a role instead (\`R2:\`, \`a young person\`); a role or a description there is not flagged when written in lower case (\`R2 (housing options):\`)`
          : leak.position
            ? `Chatham House audit: \`${mask(leak.text)}\` is a word of a participant's name ${found}, in a name position (${leak.position}) where only a person fits, even if the anonymiser took it for an ordinary word — reword the note (write the role, or leave the name out); if it truly is an ordinary word here, reword it out of that position`
            : leak.paranoid
            ? `Chatham House audit: \`${mask(leak.text)}\` is a word of a participant's name ${found}, in a context the anonymiser did not record as an ordinary use — reword the note; if it is an ordinary word or a public name here, add the phrase around it, as written, to \`share\` in the front matter (the words beside it too, so that the name alone stays a leak)`
            : `Chatham House audit: \`${mask(leak.text)}\` would identify a participant ${found} — add the spelling to the roster (aliases), or reword the note`
    return {file, line: leak.line ?? 0, column: leak.column ?? 1, severity: 'error' as const, rule: 'audit', message}
  })
}
