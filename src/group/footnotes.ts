/**
 * Links become numbered footnotes, as in the reference reports ("See <url>"):
 * the link text stays in the sentence with a footnote mark after it, and the
 * notes' own footnotes (`[^1]`) are numbered in the same sequence.
 * Numbers follow the order of the report; the same URL keeps one number.
 */
import type {FootnoteDefinition, FootnoteReference, PhrasingContent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Footnote, ReportItem, ReportSection} from '../types.js'

export function collectDefinitions(tree: Root): Map<string, FootnoteDefinition> {
  const definitions = new Map<string, FootnoteDefinition>()
  for (const node of tree.children) if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node)
  return definitions
}

export function numberFootnotes(sections: ReportSection[], definitions: Map<string, FootnoteDefinition>): Footnote[] {
  const footnotes: Footnote[] = []
  const byUrl = new Map<string, number>()
  const byDefinition = new Map<string, number>()

  const reference = (n: number): FootnoteReference => ({type: 'footnoteReference', identifier: String(n), label: String(n)})

  const rewrite = (content: PhrasingContent[], itemText: () => string): PhrasingContent[] => {
    const output: PhrasingContent[] = []
    for (const node of content) {
      if (node.type === 'link') {
        const url = node.url
        const text = toString(node).trim()
        const bare = text === '' || text === url || text.replace(/^https?:\/\//, '') === url.replace(/^https?:\/\//, '')
        let n = byUrl.get(url)
        if (n === undefined) {
          n = footnotes.length + 1
          byUrl.set(url, n)
          footnotes.push({n, url, text: bare ? itemText() : text})
        }
        if (bare) {
          // `The Deal: https://…` → `The Deal¹`
          const previous = output.at(-1)
          if (previous && previous.type === 'text') previous.value = previous.value.replace(/\s*[:–—-]?\s*$/u, '')
        } else {
          output.push(...rewrite(node.children, itemText))
        }
        output.push(reference(n))
        continue
      }
      if (node.type === 'footnoteReference') {
        const definition = definitions.get(node.identifier)
        if (!definition) continue
        let n = byDefinition.get(node.identifier)
        if (n === undefined) {
          n = footnotes.length + 1
          byDefinition.set(node.identifier, n)
          footnotes.push({n, text: toString(definition).trim()})
        }
        output.push(reference(n))
        continue
      }
      if ('children' in node && Array.isArray(node.children)) {
        output.push({...node, children: rewrite(node.children as PhrasingContent[], itemText)} as PhrasingContent)
        continue
      }
      output.push(node)
    }
    return output
  }

  const visitItem = (item: ReportItem) => {
    const text = () => plainWithoutUrls(item.content)
    item.content = rewrite(item.content, text)
    if (item.headline) item.headline = rewrite(item.headline, text)
    if (item.detail) item.detail = rewrite(item.detail, text)
    item.children.forEach(visitItem)
  }
  for (const section of sections) section.items.forEach(visitItem)
  return footnotes
}

/** The text of a note with bare URLs left out: what a bare link's footnote says. */
function plainWithoutUrls(content: PhrasingContent[]): string {
  const parts: string[] = []
  for (const node of content) {
    if (node.type === 'link' && (toString(node) === node.url || toString(node) === '')) continue
    parts.push(toString(node))
  }
  return parts.join('').replace(/\s*[:–—-]\s*$/u, '').replace(/\s+/g, ' ').trim()
}
