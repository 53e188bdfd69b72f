/**
 * What the printer needs to know about a report, read from its HTML: the
 * document metadata in `<head>` (written by the render stage from the front
 * matter) and the headings, in order, for the PDF outline. Reading it from
 * the HTML keeps `printPdf(html, browser)` usable with any theme.
 */
import {type DefaultTreeAdapterTypes as Html, defaultTreeAdapter as tree, parse} from 'parse5'

export interface Heading {
  /** 1 for `<h1>`, … */
  level: number
  text: string
  id?: string
}

export interface DocumentInfo {
  lang?: string
  title?: string
  author?: string
  /** `<meta name="description">`: the PDF's Subject. */
  subject?: string
  keywords?: string
  /** `<meta name="generator">`: the PDF's Creator. */
  generator?: string
  /** `<meta name="dcterms.date">` (ISO date of the event the report is about). */
  date?: string
  headings: Heading[]
  /** Ids whose page numbers the page asks for (`data-page-of="id"`). */
  pageRefs: string[]
}

const headingLevels: Record<string, number> = {h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6}

export function documentInfo(html: string): DocumentInfo {
  // Style sheets (a few hundred kilobytes of inlined fonts) say nothing we need: skip their text.
  // parse5's own tree, not hast: no positions nor properties are needed (hast took 20 ms of a one-off report).
  const document = parse(html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2'))
  const info: DocumentInfo = {headings: [], pageRefs: []}
  const meta: Record<string, string> = {}
  const walk = (nodes: Html.ChildNode[]): void => {
    for (const node of nodes) {
      if (!tree.isElementNode(node)) continue
      if (node.tagName === 'html' && attribute(node, 'lang') !== undefined) info.lang = attribute(node, 'lang')
      if (node.tagName === 'title') info.title = squash(textOf(node))
      const name = attribute(node, 'name')
      const content = attribute(node, 'content')
      if (node.tagName === 'meta' && name !== undefined && content !== undefined) meta[name.toLowerCase()] = content
      const level = headingLevels[node.tagName]
      if (level && !hidden(node)) {
        const text = squash(textOf(node))
        if (text) info.headings.push({level, text, id: attribute(node, 'id')})
      }
      const ref = attribute(node, 'data-page-of')
      if (ref && !info.pageRefs.includes(ref)) info.pageRefs.push(ref)
      walk(node.childNodes)
    }
  }
  walk(document.childNodes)
  info.author = meta.author || undefined
  info.subject = meta.description || undefined
  info.keywords = meta.keywords || undefined
  info.generator = meta.generator || undefined
  info.date = meta['dcterms.date'] || undefined
  return info
}

function attribute(node: Html.Element, name: string): string | undefined {
  return node.attrs.find((candidate) => candidate.name === name)?.value
}

function hidden(node: Html.Element): boolean {
  return attribute(node, 'hidden') !== undefined || attribute(node, 'aria-hidden') === 'true'
}

/** Text as a reader hears it: text nodes, image alt text; hidden parts skipped. */
function textOf(node: Html.ChildNode): string {
  if (tree.isTextNode(node)) return node.value
  if (!tree.isElementNode(node) || hidden(node)) return ''
  if (node.tagName === 'img') return attribute(node, 'alt') ?? ''
  if (node.tagName === 'br') return ' '
  return node.childNodes.map(textOf).join('')
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
