/**
 * The ledger: every content block of the notes ends in exactly one of
 * placed (in a section of the report, or in its foreword, introduction or
 * conclusion), merged (into another note: a repeat, a caption read as the
 * heading of the list under it) or left out, with a reason.
 *
 * Content blocks are counted from the parsed tree before anything else runs
 * (`contentBlocks`, in the parse stage) and the outcomes are read from what
 * the group stage made; the two are compared by the block's place in the
 * notes file. A block with no outcome, or with two, is a bug: the build
 * refuses to write (`assertBalanced`).
 *
 * What counts as a content block:
 * - a paragraph not inside a list item or a blockquote;
 * - a list item, at any depth (its paragraphs are the item);
 * - a blockquote (its paragraphs are the quote; lists and quotes inside it are blocks of their own);
 * - a table row other than the header row;
 * - a code block, and an HTML block that is not only a comment (comments are
 *   the facilitator's asides, counted as redactions);
 * - a line of a pasted chat or board export (see `parse/exports.ts`: by then a list item).
 * Headings, rules, link definitions and footnote definitions are not: they
 * are read as structure or printed as footnotes.
 */
import type {Nodes, Parents, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {ExchangeError} from '../errors.js'

export type BlockKind = 'paragraph' | 'list-item' | 'blockquote' | 'table-row' | 'code' | 'html'

export interface ContentBlock {
  line: number
  column: number
  kind: BlockKind
}

export type Outcome =
  | {state: 'placed'; section: string; title: string}
  | {state: 'merged'; /** Line of the note it was merged into, where there is one. */ into?: number; rule: string; reason: string; text: string}
  | {state: 'left-out'; rule: string; reason: string; text: string}

export interface LedgerEntry extends ContentBlock {
  outcome: Outcome
}

export interface Imbalance extends ContentBlock {
  /** `unaccounted`: no outcome; `twice`: more than one. */
  problem: 'unaccounted' | 'twice'
  outcomes: Outcome[]
}

export interface Ledger {
  /** One entry per content block, in source order. */
  entries: LedgerEntry[]
  /** Blocks with no outcome or more than one: always empty unless there is a bug. */
  imbalances: Imbalance[]
}

/** A left-out block, as JSON and the review page list it. */
export interface LeftOut {
  line: number
  column: number
  rule: string
  reason: string
  /** The anonymised text of the block. */
  text: string
}

const wholeComment = /^\s*<!--[\s\S]*?-->\s*$/

/** The content blocks of a tree (or of one node and what it holds), in source order. */
export function contentBlocks(node: Nodes): ContentBlock[] {
  const blocks: ContentBlock[] = []
  const add = (at: Nodes, kind: BlockKind) => {
    const start = at.position?.start
    if (start) blocks.push({line: start.line, column: start.column, kind})
  }
  const visit = (current: Nodes, inside: boolean) => {
    switch (current.type) {
      case 'paragraph':
        if (!inside) add(current, 'paragraph')
        return
      case 'listItem':
        add(current, 'list-item')
        break
      case 'blockquote':
        add(current, 'blockquote')
        break
      case 'table':
        for (const row of current.children.slice(1)) add(row, 'table-row')
        return
      case 'code':
        add(current, 'code')
        return
      case 'html':
        if (!wholeComment.test(current.value)) add(current, 'html')
        return
      case 'root':
      case 'list':
        break
      default:
        // Headings, definitions, footnote definitions, rules and inline content are not blocks.
        return
    }
    const holder = current.type === 'listItem' || current.type === 'blockquote'
    for (const child of (current as Parents).children as Nodes[]) visit(child, holder || (inside && current.type === 'list' ? false : inside))
  }
  visit(node, false)
  return blocks
}

/** The block's own text (a list item or quote without what is nested in it), shortened. */
export function blockText(node: Nodes): string {
  if (node.type === 'code') {
    const count = node.value.split('\n').length
    return `(a code block of ${count} line${count === 1 ? '' : 's'}, not shown)`
  }
  if (node.type === 'html') return '(an HTML block, not shown)'
  const own = node.type === 'listItem' || node.type === 'blockquote' ? node.children.filter((child) => child.type === 'paragraph') : [node]
  return own
    .map((child) => toString(child))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const key = (at: {line: number; column: number}) => `${at.line}:${at.column}`

/** Outcomes as the group stage records them, to be balanced against the blocks counted at parse. */
export class LedgerBook {
  readonly outcomes = new Map<string, Outcome[]>()

  record(at: {line: number; column: number}, outcome: Outcome): void {
    const list = this.outcomes.get(key(at))
    if (list) list.push(outcome)
    else this.outcomes.set(key(at), [outcome])
  }

  /** Every block in `node` left out for one reason (a section under a dropped heading, a code block). */
  leaveOutAll(node: Nodes, rule: string, reason: string): void {
    const blocks = contentBlocks(node)
    if (blocks.length === 0) return
    const nodes = new Map<string, Nodes>()
    const collect = (current: Nodes) => {
      if (current.position) nodes.set(key(current.position.start), nodes.get(key(current.position.start)) ?? current)
      if ('children' in current) for (const child of current.children as Nodes[]) collect(child)
    }
    collect(node)
    for (const block of blocks) this.record(block, {state: 'left-out', rule, reason, text: blockText(nodes.get(key(block)) ?? node)})
  }

  /** Every block in `node` placed in one part of the report (foreword, introduction, conclusion). */
  placeAll(node: Nodes, section: string, title: string): void {
    for (const block of contentBlocks(node)) this.record(block, {state: 'placed', section, title})
  }

  /** Balance the book against the blocks counted when the notes were parsed. */
  close(blocks: ContentBlock[]): Ledger {
    const entries: LedgerEntry[] = []
    const imbalances: Imbalance[] = []
    for (const block of blocks) {
      const outcomes = this.outcomes.get(key(block)) ?? []
      if (outcomes.length === 1) entries.push({...block, outcome: outcomes[0]!})
      else imbalances.push({...block, problem: outcomes.length === 0 ? 'unaccounted' : 'twice', outcomes})
    }
    return {entries, imbalances}
  }
}

/** The left-out entries of a ledger, for JSON, `--explain` and the review page. */
export function leftOut(ledger: Ledger): LeftOut[] {
  const list: LeftOut[] = []
  for (const entry of ledger.entries) {
    // A duplicate merged into another note is listed too: its own words are not in the report, only the note it
    // joined (a caption merged into its image is, as the image's caption).
    if (entry.outcome.state === 'left-out' || (entry.outcome.state === 'merged' && entry.outcome.rule.startsWith('duplicate-'))) list.push({line: entry.line, column: entry.column, rule: entry.outcome.rule, reason: entry.outcome.reason, text: entry.outcome.text})
  }
  return list
}

/** One line for the whole file: how many blocks were left out and why, counted by rule. */
export function leftOutSummary(list: LeftOut[]): string | undefined {
  if (list.length === 0) return undefined
  const counts = new Map<string, number>()
  for (const entry of list) counts.set(entry.rule, (counts.get(entry.rule) ?? 0) + 1)
  const parts = [...counts].map(([rule, count]) => `${count} ${rule}`).join(', ')
  return `Left out ${list.length} block${list.length === 1 ? '' : 's'} of the notes (${parts}): run with --explain to see each, or read \`left_out\` in the JSON`
}

/**
 * Refuse to go on when the ledger does not balance: a block of the notes
 * would be lost without a word, and that is a bug in exchange, not in the notes.
 */
export function assertBalanced(ledger: Ledger | undefined, file: string | undefined): void {
  if (!ledger || ledger.imbalances.length === 0) return
  const first = ledger.imbalances[0]!
  const what = first.problem === 'unaccounted' ? 'has no outcome (neither placed, merged nor left out)' : `has ${first.outcomes.length} outcomes`
  throw new ExchangeError(
    `Unexpected imbalance: the ledger of ${file ?? 'the notes'} does not balance: ${ledger.imbalances.length} block${ledger.imbalances.length === 1 ? '' : 's'} unaccounted for or counted twice; the ${first.kind} at line ${first.line}, column ${first.column} ${what}. Nothing was written`,
    {file, line: first.line, column: first.column, rule: 'ledger-imbalance', hint: 'this is a bug in exchange, not in the notes: please report it with the notes file'},
  )
}
