/**
 * Links become numbered footnotes, as in the reference reports ("See <url>"):
 * the link text stays in the sentence with a footnote mark after it, and the
 * notes' own footnotes (`[^1]`) are numbered in the same sequence.
 * Numbers follow the order of the report; the same URL (compared without
 * case in the scheme and host, without a trailing slash) keeps one number.
 *
 * The resources section then lists what participants recommended, each link
 * once; a link written elsewhere stays a footnote there, not repeated.
 */
import type {FootnoteDefinition, FootnoteReference, PhrasingContent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {Footnote, OmittedNote, ReportItem, ReportSection} from '../types.js'

export function collectDefinitions(tree: Root): Map<string, FootnoteDefinition> {
  const definitions = new Map<string, FootnoteDefinition>()
  for (const node of tree.children) if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node)
  return definitions
}

/**
 * A footnote the facilitator wrote to themselves: `not published yet – check
 * with him before we use them`, `do not quote`. Readers never see it.
 */
const toFacilitator = /\b(?:check with (?:him|her|them|the (?:author|speaker|presenter))\b|before we (?:use|publish|quote|share)\b|do not (?:publish|quote|share|use)\b|don(?:'|’)t (?:publish|quote|share)\b|off the record\b|not for (?:publication|the report)\b)/i

/** Takes out of `definitions` the footnotes written to the facilitator, and returns them. */
export function withholdFacilitatorNotes(definitions: Map<string, FootnoteDefinition>): Array<{node: FootnoteDefinition; text: string}> {
  const withheld: Array<{node: FootnoteDefinition; text: string}> = []
  for (const [identifier, node] of definitions) {
    const text = toString(node).replace(/\s+/g, ' ').trim()
    if (!toFacilitator.test(text)) continue
    definitions.delete(identifier)
    withheld.push({node, text})
  }
  return withheld
}

/** `HTTPS://Example.org/a/` → `https://example.org/a`: what makes two links the same. */
export function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url)
    const path = parsed.pathname.replace(/\/+$/, '')
    return `${parsed.protocol}//${parsed.host.toLowerCase()}${path}${parsed.search}${parsed.hash}`
  } catch {
    return url.trim().replace(/\/+$/, '')
  }
}

const reference = (n: number): FootnoteReference => ({type: 'footnoteReference', identifier: String(n), label: String(n)})

export function numberFootnotes(sections: ReportSection[], definitions: Map<string, FootnoteDefinition>): Footnote[] {
  const footnotes: Footnote[] = []
  const byUrl = new Map<string, number>()
  const byDefinition = new Map<string, number>()

  const rewrite = (content: PhrasingContent[], itemText: () => string): PhrasingContent[] => {
    const output: PhrasingContent[] = []
    // A bare link in brackets (`the guide (https://…) helped`) leaves no empty brackets: `the guide¹ helped`.
    let unclosed = false
    for (const original of content) {
      let node = original
      if (unclosed && node.type === 'text' && /^\s*\)/.test(node.value)) node = {...node, value: node.value.replace(/^\s*\)/, '')}
      unclosed = false
      if (node.type === 'link') {
        const url = node.url
        const text = toString(node).trim()
        const bare = text === '' || text === url || text.replace(/^https?:\/\//, '') === url.replace(/^https?:\/\//, '')
        const key = normaliseUrl(url)
        let n = byUrl.get(key)
        if (n === undefined) {
          n = footnotes.length + 1
          byUrl.set(key, n)
          footnotes.push({n, url, text: bare ? itemText() || url : text})
        }
        if (bare) {
          // `The Deal: https://…` → `The Deal¹`
          const previous = output.at(-1)
          if (previous && previous.type === 'text') {
            unclosed = /\(\s*$/.test(previous.value)
            previous.value = previous.value.replace(/\s*\(\s*$/, '').replace(/(?<!\s)\s*(?:[:–—-]\s*)?$/u, '')
          }
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
    // `The Deal:` with its link gone leaves nothing after the colon.
    const last = output.at(-1)
    if (last?.type === 'text') last.value = last.value.trimEnd()
    return output
  }

  const visitItem = (item: ReportItem) => {
    const text = () => plainWithoutUrls(item.content)
    const linked = hasReferences(item.content)
    item.content = rewrite(item.content, text)
    // Bare URLs are gone from the text now.
    if (linked) item.text = toString({type: 'paragraph', children: item.content}).replace(/\s+/g, ' ').trim()
    if (item.headline) item.headline = rewrite(item.headline, text)
    if (item.detail) item.detail = rewrite(item.detail, text)
    if (item.prompt) item.prompt = rewrite(item.prompt, text)
    item.children.forEach(visitItem)
  }
  for (const section of sections) section.items.forEach(visitItem)
  return footnotes
}

/** Does the content hold a link or a footnote reference (at any depth)? */
function hasReferences(content: PhrasingContent[]): boolean {
  return content.some((node) => node.type === 'link' || node.type === 'footnoteReference' || ('children' in node && Array.isArray(node.children) && hasReferences(node.children as PhrasingContent[])))
}

/** Footnote numbers an item (and its sub-bullets) refers to, in order. */
export function referencedNumbers(item: ReportItem): number[] {
  const numbers: number[] = []
  const add = (entry: ReportItem) => {
    visit({type: 'paragraph', children: entry.content}, 'footnoteReference', (node: FootnoteReference) => {
      const n = Number(node.identifier)
      if (!numbers.includes(n)) numbers.push(n)
    })
    entry.children.forEach(add)
  }
  add(item)
  return numbers
}

/**
 * The resources section lists what participants recommended, each link once:
 * a resource note whose links are all listed by an earlier one is left out
 * as a repeat. Links written in other sections are not listed again: each
 * is a footnote mark where it was written and one entry in the Notes.
 */
export function roundUp(resources: ReportSection, footnotes: Footnote[]): OmittedNote[] {
  const omitted: OmittedNote[] = []
  const listed = new Set<number>()
  resources.items = resources.items.filter((item) => {
    const numbers = referencedNumbers(item).filter((n) => footnotes[n - 1]?.url)
    if (numbers.length > 0 && numbers.every((n) => listed.has(n))) {
      omitted.push({line: item.line, column: item.column, text: item.text, rule: 'duplicate-link', reason: 'its links are already in the resources'})
      return false
    }
    numbers.forEach((n) => listed.add(n))
    return true
  })
  return omitted
}

/** The text of a note with bare URLs left out: what a bare link's footnote says. */
function plainWithoutUrls(content: PhrasingContent[]): string {
  const parts: string[] = []
  for (const node of content) {
    if (node.type === 'link' && (toString(node) === node.url || toString(node) === '')) continue
    if (node.type === 'footnoteReference') continue
    parts.push(toString(node))
  }
  return parts.join('').replace(/\s*\(\s*\)/g, '').replace(/(?<!\s)\s*[:–—-]\s*$/u, '').replace(/\s+/g, ' ').trim()
}
