/**
 * Cut the notes tree into notes: each list item (sub-bullets stay with their
 * parent), each blockquote, each standalone paragraph under a heading, and
 * the prose parts (foreword, introduction, conclusion) named by the profile.
 */
import type {Blockquote, ListItem, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Profile} from './profile.js'

export interface Note {
  /** Inline content of the note itself (sub-bullets excluded). */
  content: PhrasingContent[]
  /** Hashtags found on the note's paragraphs. */
  tags: string[]
  /** Headings the note sits under, nearest first, normalised. */
  headings: string[]
  line: number
  column: number
  quote: boolean
  children: Note[]
}

export interface Segments {
  notes: Note[]
  parts: Partial<Record<'foreword' | 'introduction' | 'conclusion', {children: RootContent[]; line: number}>>
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

/** Does a normalised heading match one of the aliases (whole words, either way round)? */
export function headingMatches(heading: string, aliases: string[]): string | undefined {
  const padded = ` ${heading} `
  return aliases.find((alias) => {
    const clean = normaliseHeading(alias)
    return clean !== '' && (padded.includes(` ${clean} `) || (heading !== '' && ` ${clean} `.includes(padded)))
  })
}

export function segment(tree: Root, profile: Profile): Segments {
  const result: Segments = {notes: [], parts: {}, skipped: []}
  /** Heading stack by depth: index 0 is depth 1. */
  const stack: Array<string | undefined> = []
  let part: {name: 'foreword' | 'introduction' | 'conclusion' | 'drop'; depth: number} | undefined

  for (const node of tree.children) {
    // Definitions belong to the whole file, wherever they are written.
    if (node.type === 'footnoteDefinition' || node.type === 'definition') continue
    if (node.type === 'heading') {
      const text = normaliseHeading(toString(node))
      stack.length = node.depth - 1
      stack[node.depth - 1] = text
      if (part && node.depth <= part.depth) part = undefined
      const named = partOf(text, profile)
      if (named) {
        part = {name: named, depth: node.depth}
        if (named !== 'drop') result.parts[named] ??= {children: [], line: line(node)}
      }
      continue
    }
    if (part?.name === 'drop') {
      result.skipped.push({line: line(node), column: column(node), reason: 'it is under a heading the profile drops (contact details, actions)'})
      continue
    }
    if (part) {
      result.parts[part.name]!.children.push(node)
      continue
    }
    const headings = stack.filter((heading): heading is string => Boolean(heading)).reverse()
    switch (node.type) {
      case 'list':
        for (const item of node.children) result.notes.push(fromListItem(item, headings))
        break
      case 'blockquote':
        result.notes.push(fromBlockquote(node, headings))
        break
      case 'paragraph':
        // Paragraphs before the first section heading are the facilitator's preamble.
        if (stack.length <= 1) result.skipped.push({line: line(node), column: column(node), reason: 'it is preamble before the first section heading'})
        else result.notes.push(fromParagraphs([node], headings, false))
        break
      default:
        result.skipped.push({line: line(node), column: column(node), reason: `a ${describe(node)} is not a note`})
    }
  }
  return result
}

function partOf(heading: string, profile: Profile): 'foreword' | 'introduction' | 'conclusion' | 'drop' | undefined {
  const exact = (aliases: string[]) => aliases.some((alias) => normaliseHeading(alias) === heading)
  if (exact(profile.parts.foreword)) return 'foreword'
  if (exact(profile.parts.introduction)) return 'introduction'
  if (exact(profile.parts.conclusion)) return 'conclusion'
  if (headingMatches(heading, profile.parts.drop)) return 'drop'
  return undefined
}

function fromListItem(item: ListItem, headings: string[]): Note {
  const paragraphs = item.children.filter((child): child is Paragraph => child.type === 'paragraph')
  const note = fromParagraphs(paragraphs, headings, false, item)
  for (const child of item.children) {
    if (child.type === 'list') for (const sub of child.children) note.children.push(fromListItem(sub, headings))
    if (child.type === 'blockquote') note.children.push(fromBlockquote(child, headings))
  }
  return note
}

function fromBlockquote(node: Blockquote, headings: string[]): Note {
  const paragraphs = node.children.filter((child): child is Paragraph => child.type === 'paragraph')
  return fromParagraphs(paragraphs, headings, true, node)
}

function fromParagraphs(paragraphs: Paragraph[], headings: string[], quote: boolean, at?: ListItem | Blockquote): Note {
  const content: PhrasingContent[] = []
  const tags: string[] = []
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) content.push({type: 'text', value: ' '})
    content.push(...paragraph.children)
    tags.push(...(paragraph.data?.hashtags ?? []))
  })
  const place = at ?? paragraphs[0]
  return {content, tags, headings, line: line(place), column: column(place), quote, children: []}
}

function line(node: {position?: {start: {line: number}}} | undefined): number {
  return node?.position?.start.line ?? 0
}

function column(node: {position?: {start: {column: number}}} | undefined): number {
  return node?.position?.start.column ?? 0
}

function describe(node: RootContent): string {
  const names: Record<string, string> = {table: 'table', code: 'code block', html: 'HTML block', thematicBreak: 'rule'}
  return names[node.type] ?? node.type
}
