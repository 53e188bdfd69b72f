/**
 * Notes content (mdast) → sanitised HTML. Raw HTML in the notes is parsed
 * and then cut down to an allow-list: no scripts, styles, frames, event
 * handlers or `javascript:` links survive, and images must already be
 * inlined as `data:` URIs (the build step does that, or drops them).
 */
import type {Element, Root as HastRoot} from 'hast'
import {raw} from 'hast-util-raw'
import {sanitize, type Schema} from 'hast-util-sanitize'
import {toHtml} from 'hast-util-to-html'
import {SKIP, visit} from 'unist-util-visit'
import type {FootnoteReference, Nodes as MdastNodes, PhrasingContent, RootContent} from 'mdast'
import {toHast, type State} from 'mdast-util-to-hast'

/** What notes may contain once rendered: text-level markup, lists and quotes. */
export const schema: Schema = {
  tagNames: ['a', 'abbr', 'b', 'blockquote', 'br', 'code', 'del', 'em', 'i', 'img', 'kbd', 'li', 'ol', 'p', 'q', 's', 'span', 'strong', 'sub', 'sup', 'ul', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  attributes: {
    a: ['href'],
    img: ['src', 'alt'],
    sup: [['className', 'fn-ref']],
    th: ['align'],
    td: ['align'],
    '*': ['lang', 'dir'],
  },
  ancestors: {tbody: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table']},
  protocols: {href: ['http', 'https', 'mailto'], src: ['data']},
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'textarea', 'title', 'svg', 'math', 'select', 'button', 'form'],
  clobber: [],
  required: {},
}

const phrasingTypes = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference', 'html'])

const handlers = {
  footnoteReference(_state: State, node: FootnoteReference): Element {
    return {
      type: 'element',
      tagName: 'sup',
      properties: {className: ['fn-ref']},
      children: [{type: 'element', tagName: 'a', properties: {href: `#fn-${node.identifier}`}, children: [{type: 'text', value: node.identifier}]}],
    }
  },
}

/** A URL a report may link to: web and mail only (no `javascript:`, no relative paths into the reader's disk). */
export function isSafeLink(url: string): boolean {
  return /^(?:https?:\/\/|mailto:)/i.test(url.trim()) || /^#[\w-]+$/.test(url)
}

/**
 * What the allow-list cannot say: `hast-util-sanitize` checks the protocol of
 * absolute URLs only, so a relative `src="x"` or `href="../notes"` passes.
 * In a file opened from disk those reach the reader's disk: images must be
 * inlined `data:` images and links must go to the web (or within the page).
 * Images also always get an `alt` (empty when the notes gave none).
 */
function dropRelativeUrls(tree: HastRoot): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const properties = node.properties ?? {}
    if (node.tagName === 'img' && !/^data:image\//i.test(String(properties.src ?? ''))) {
      if (parent && index !== undefined) {
        parent.children.splice(index, 1)
        return [SKIP, index]
      }
    }
    // An image the notes gave no text for is decorative to a screen reader, not unlabelled.
    if (node.tagName === 'img' && typeof properties.alt !== 'string') properties.alt = ''
    if (node.tagName === 'a' && properties.href !== undefined && !isSafeLink(String(properties.href))) delete properties.href
    return undefined
  })
}

/** Render mdast nodes (phrasing or blocks) to sanitised HTML. */
export function toSafeHtml(nodes: PhrasingContent[] | RootContent[]): string {
  if (nodes.length === 0) return ''
  // Phrasing content is rendered inside a paragraph that is then dropped, so no newlines creep in between nodes.
  const inline = nodes.every((node) => phrasingTypes.has(node.type))
  const converted = inline
    ? toHast({type: 'paragraph', children: nodes as PhrasingContent[]} as MdastNodes, {allowDangerousHtml: true, handlers})
    : toHast({type: 'root', children: nodes} as MdastNodes, {allowDangerousHtml: true, handlers})
  const tree: HastRoot = converted.type === 'element' ? {type: 'root', children: converted.children} : (converted as HastRoot)
  const parsed = raw(tree) as HastRoot
  const clean = sanitize(parsed, schema) as HastRoot
  dropRelativeUrls(clean)
  return toHtml(clean)
}
