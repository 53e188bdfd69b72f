/**
 * remark plugin: notes pasted as HTML. A page copied out of a CMS, an intranet or an email comes out as raw
 * HTML blocks (`<h2>`, `<p>`, `<ul><li>`, `<table>`), and markdown keeps such a block as one opaque `html`
 * node that no stage reads as notes: every point in it would be left out. Here each HTML block that holds
 * text is parsed (`hast-util-from-html`) and turned into the markdown it stands for (`hast-util-to-mdast`):
 * headings, paragraphs, lists, tables, quotes, links and emphasis, which the later stages read like any
 * other notes. Nothing of the HTML reaches the report as HTML: scripts, styles, comments and attributes are
 * dropped by the conversion, and the report is rendered from the markdown tree as every report is.
 *
 * A block that is only a comment (`<!-- draft -->`) or only markup with no text stays as it was, a left-out
 * block the ledger reports. Each node made keeps its line in the notes, for the diagnostics.
 */
import type {Html, Root, RootContent} from 'mdast'
import type {Nodes as HastNodes} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toMdast} from 'hast-util-to-mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'

/** An element that makes a block of text, not inline markup (`<br>`, `<span>`): what a pasted page is made of. */
const blockElement = /<(?:h[1-6]|p|ul|ol|li|table|tr|td|th|blockquote|dl|dt|dd|div|section|article|pre)(?:\s[^>]*)?>/iu
const onlyComment = /^\s*<!--[\s\S]*?-->\s*$/u

export default function remarkHtmlBlocks() {
  return (tree: Root) => {
    if (!tree.children.some((node) => node.type === 'html')) return
    const out: RootContent[] = []
    for (const node of tree.children) {
      const made = node.type === 'html' ? fromHtmlBlock(node) : undefined
      if (made) out.push(...made)
      else out.push(node)
    }
    tree.children = out
  }
}

/** The markdown an HTML block stands for, or undefined when it holds no text to read. */
export function fromHtmlBlock(node: Html): RootContent[] | undefined {
  if (onlyComment.test(node.value) || !blockElement.test(node.value)) return undefined
  const hast = fromHtml(node.value, {fragment: true})
  const mdast = toMdast(hast as HastNodes) as Root
  if (mdast.type !== 'root' || toString(mdast).trim() === '') return undefined
  const start = node.position?.start
  visit(mdast, (child) => {
    if (!start) {
      delete child.position
      return
    }
    // Lines of the block are lines of the notes: the block's first line is its line there.
    const at = child.position
    child.position = at
      ? {
          start: {line: at.start.line + start.line - 1, column: at.start.line === 1 ? at.start.column + start.column - 1 : at.start.column, offset: (at.start.offset ?? 0) + (start.offset ?? 0)},
          end: {line: at.end.line + start.line - 1, column: at.end.line === 1 ? at.end.column + start.column - 1 : at.end.column, offset: (at.end.offset ?? 0) + (start.offset ?? 0)},
        }
      : node.position
  })
  // Every block made must be a block of the notes with a place of its own (the ledger counts blocks by where they
  // are): a paragraph the conversion made up around loose text (`<div>` with markdown inside) has none, and such a
  // block stays the one HTML block it was, left out with its reason as before.
  const places = new Set<string>()
  let placed = true
  visit(mdast, (child, _index, parent) => {
    // A list item's paragraph is counted as the item.
    if (!blockTypes.has(child.type) || (child.type === 'paragraph' && parent?.type === 'listItem')) return
    const key = child.position ? `${child.position.start.line}:${child.position.start.column}` : undefined
    if (!key || child.position === node.position || places.has(key)) placed = false
    else places.add(key)
  })
  return placed && mdast.children.length > 0 ? mdast.children : undefined
}

/** The kinds of node the ledger counts as blocks of notes, and the containers that hold them. */
const blockTypes = new Set(['paragraph', 'listItem', 'tableRow', 'code', 'html'])
