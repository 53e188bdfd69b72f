/**
 * Anonymise stage: a remark plugin that strips every attribution from the
 * notes tree, in place, so the report honours the Chatham House rule.
 *
 * It reads the roster from `file.data.roster` (set by the parse stage) and
 * records each redaction on `file.data.redactions` for the review page.
 */
import type {Nodes, Parent, Root} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import type {NotesMeta, Redaction, Roster} from '../types.js'
import {compileRoster, type NameMatcher} from './matcher.js'
import {rewriteText, type TextRedaction} from './text.js'

export interface ChathamHouseOptions {
  /** Use this roster instead of `file.data.roster`. */
  roster?: Roster
}

/** Blocks whose first text may open with a speaker label. */
const blockTypes = new Set(['paragraph', 'heading', 'tableCell'])

/** Front-matter fields that are printed in the report. */
const printedFields = ['title', 'series', 'venue', 'host', 'partner'] as const satisfies ReadonlyArray<keyof NotesMeta>

export default function remarkChathamHouse(options: ChathamHouseOptions = {}) {
  return function (tree: Root, file: VFile) {
    const roster = options.roster ?? file.data.roster ?? {people: [], share: []}
    const matcher = compileRoster(roster, {protect: protectedPhrases(file.data.meta)})
    const redactions: Redaction[] = file.data.redactions ?? []
    file.data.redactions = redactions

    const record = (found: TextRedaction[], node: Nodes | undefined, value: string) => {
      for (const redaction of found) {
        const start = node?.position?.start
        const lines = value.slice(0, redaction.offset).split('\n')
        const line = start ? start.line + lines.length - 1 : undefined
        const column = start ? (lines.length === 1 ? start.column + redaction.offset : lines.at(-1)!.length + 1) : undefined
        const {offset: _offset, ...rest} = redaction
        redactions.push({...rest, line, column})
      }
    }

    const rewrite = (value: string, node: Nodes, blockStart: boolean): string => {
      const result = rewriteText(value, matcher, {blockStart})
      record(result.redactions, node, value)
      return result.value
    }

    visit(tree, (node, index, parent) => {
      switch (node.type) {
        case 'html': {
          if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value) && parent && index !== undefined) {
            // Comments are the facilitator's asides: never part of the report.
            redactions.push({original: node.value, replacement: '', rule: 'html-comment', ...place(node)})
            parent.children.splice(index, 1)
            return [SKIP, index]
          }
          node.value = rewrite(node.value, node, false)
          return
        }
        case 'text':
          node.value = rewrite(node.value, node, isBlockStart(node, parent))
          return
        case 'inlineCode':
        case 'code':
          node.value = rewrite(node.value, node, false)
          return
        case 'image':
          node.alt = node.alt ? rewrite(node.alt, node, true) : node.alt
          node.title = node.title ? rewrite(node.title, node, false) : node.title
          return
        case 'link':
          node.title = node.title ? rewrite(node.title, node, false) : node.title
          return
        default:
          return
      }
    })

    visit(tree, (node) => {
      if (blockTypes.has(node.type)) tidyBlock(node as Parent)
    })

    const meta = file.data.meta
    if (meta) for (const field of printedFields) if (meta[field]) meta[field] = rewriteMeta(meta[field], matcher, redactions)
  }
}

/** What the report names by design: its host, partner and the foreword's signature. */
export function protectedPhrases(meta: NotesMeta | undefined): string[] {
  if (!meta) return []
  return [meta.host, meta.partner, meta.forewordBy].filter((phrase): phrase is string => Boolean(phrase))
}

function rewriteMeta(value: string, matcher: NameMatcher, redactions: Redaction[]): string {
  const result = rewriteText(value, matcher, {blockStart: true})
  for (const {offset: _offset, ...redaction} of result.redactions) redactions.push({...redaction, line: 1, column: 1})
  return result.value
}

function place(node: Nodes): {line?: number; column?: number} {
  return {line: node.position?.start.line, column: node.position?.start.column}
}

/** Is `node` the first text of its block (a label may open it)? */
function isBlockStart(node: Nodes, parent: Parent | undefined): boolean {
  if (!parent) return false
  if (blockTypes.has(parent.type)) return parent.children[0] === node
  // `**Jane Smith (Wigan):**` — a label wrapped in strong or emphasis.
  return (parent.type === 'strong' || parent.type === 'emphasis') && parent.children[0] === node
}

/** After a label wrapped in strong is removed: drop the emptied wrapper and leading space, restore the capital. */
function tidyBlock(block: Parent): void {
  let removed = false
  while (block.children.length > 1) {
    const first = block.children[0]!
    const empty =
      ((first.type === 'strong' || first.type === 'emphasis') &&
        first.children.every((child) => child.type === 'text' && child.value.trim() === '')) ||
      (first.type === 'text' && first.value.trim() === '')
    if (!empty) break
    block.children.shift()
    removed = true
  }
  const first = block.children[0]
  if (removed && first && first.type === 'text') {
    first.value = first.value.replace(/^\s+/, '').replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())
  }
}
