/**
 * What the printer needs to know about a report, read from its HTML: the
 * document metadata in `<head>` (written by the render stage from the front
 * matter) and the headings, in order, for the PDF outline. Reading it from
 * the HTML keeps `printPdf(html, browser)` usable with any theme.
 */
import type {Element, ElementContent, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {visit} from 'unist-util-visit'

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
  const tree = fromHtml(html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2')) as Root
  const info: DocumentInfo = {headings: [], pageRefs: []}
  const meta: Record<string, string> = {}
  visit(tree, 'element', (node: Element) => {
    const properties = node.properties ?? {}
    if (node.tagName === 'html' && typeof properties.lang === 'string') info.lang = properties.lang
    if (node.tagName === 'title') info.title = squash(textOf(node))
    if (node.tagName === 'meta' && typeof properties.name === 'string' && typeof properties.content === 'string') {
      meta[properties.name.toLowerCase()] = properties.content
    }
    const level = headingLevels[node.tagName]
    if (level && !hidden(node)) {
      const text = squash(textOf(node))
      if (text) info.headings.push({level, text, id: typeof properties.id === 'string' ? properties.id : undefined})
    }
    const ref = properties.dataPageOf
    if (typeof ref === 'string' && ref && !info.pageRefs.includes(ref)) info.pageRefs.push(ref)
  })
  info.author = meta.author || undefined
  info.subject = meta.description || undefined
  info.keywords = meta.keywords || undefined
  info.generator = meta.generator || undefined
  info.date = meta['dcterms.date'] || undefined
  return info
}

function hidden(node: Element): boolean {
  const properties = node.properties ?? {}
  return properties.hidden === true || properties.ariaHidden === 'true'
}

/** Text as a reader hears it: text nodes, image alt text; hidden parts skipped. */
function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element' || hidden(node)) return ''
  if (node.tagName === 'img') return typeof node.properties?.alt === 'string' ? node.properties.alt : ''
  if (node.tagName === 'br') return ' '
  return node.children.map(textOf).join('')
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
