/**
 * The Chatham House audit: read back what a reader would get — the HTML's
 * text and attribute values, the PDF's text, the markdown — and look for
 * anything that could identify a participant. `build` refuses to write a
 * report that leaks; `check` runs the same audit on the report model.
 *
 * It uses the anonymiser's own matcher: whatever the anonymiser would still
 * redact in the output is, by definition, a leak.
 */
import type {Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {visit} from 'unist-util-visit'
import {protectedPhrases} from '../anonymise/index.js'
import {compileRoster, type NameMatcher} from '../anonymise/matcher.js'
import {findMentions} from '../anonymise/text.js'
import type {Diagnostic, NotesMeta, Roster} from '../types.js'

export interface Leak {
  /** The text that leaked. */
  text: string
  /** Who it names (the roster entry), for the facilitator; never printed in a report. */
  person: string
  /** Where it was found: `html`, `pdf`, `md`, `json`. */
  where: string
  /** Some context around it, to find it. */
  context: string
  /** Line in the notes file where this text comes from, where it could be found. */
  line?: number
}

export interface Auditor {
  /** Leaks in one output's text. */
  scan(text: string, where: string): Leak[]
}

export function createAuditor(roster: Roster, notesSource?: string, meta?: NotesMeta): Auditor {
  const matcher: NameMatcher = compileRoster(roster, {protect: protectedPhrases(meta)})
  return {
    scan(text, where) {
      const leaks: Leak[] = []
      for (const mention of findMentions(text, matcher)) {
        const person = roster.people[mention.form.person]!
        leaks.push({
          text: mention.text,
          person: person.name,
          where,
          context: text.slice(Math.max(0, mention.start - 30), mention.end + 30).replace(/\s+/g, ' ').trim(),
          line: notesSource === undefined ? undefined : sourceLine(notesSource, mention.text),
        })
      }
      return leaks
    },
  }
}

/** Everything a reader (or a screen reader, or a search engine) can get from an HTML file. */
export function htmlText(html: string): string {
  const tree = fromHtml(html) as HastRoot
  const parts: string[] = []
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'comment') parts.push(node.value)
    if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.properties ?? {})) {
        // `src` of inlined images and fonts is base64, not words.
        if (name === 'src' && typeof value === 'string' && value.startsWith('data:')) continue
        if (typeof value === 'string') parts.push(value)
        else if (Array.isArray(value)) parts.push(value.join(' '))
      }
    }
  })
  // Blocks are separate lines: a name must not be missed, nor invented, across an element edge.
  return parts.join('\n').replace(/url\("data:[^"]+"\)/g, '')
}

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined

/** Start loading the PDF reader (a fifth of a second) while other work goes on. */
export function preloadPdfReader(): void {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs')
}

/** The text of every page of a PDF, in reading order, one page per line block. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  preloadPdfReader()
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

/**
 * The first line of the notes, after the front matter, that has `text` in
 * it as a whole word (case-insensitive), if any.
 */
export function sourceLine(source: string, text: string): number | undefined {
  const needle = text.replace(/['’]s$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${needle}(?![\\p{L}\\p{N}_])`, 'iu')
  const lines = source.split('\n')
  let start = 0
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---')
    if (close > 0) start = close + 1
  }
  for (let index = start; index < lines.length; index++) if (pattern.test(lines[index]!)) return index + 1
  return undefined
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
  return [...grouped.values()].map(({leak, where, count}) => ({
    file,
    line: leak.line ?? 0,
    column: 1,
    severity: 'error' as const,
    rule: 'audit',
    message: `Chatham House audit: \`${mask(leak.text)}\` would identify a participant (${count}× in the ${[...where].join(', ')} output) — add the spelling to the roster (aliases), or reword the note`,
  }))
}

/** `Jane` → `J•••`: enough to find it, not enough to read it. */
export function mask(text: string): string {
  return `${text.slice(0, 1)}${'•'.repeat(Math.max(1, text.length - 1))}`
}
