/**
 * remark plugin: a log's records, one line a field. A call log, a visit log or a casework log writes each record as
 * a header line (`Call 3 — 0151 496 0871 — tenant's daughter`, `Visit 2 – Tues – Mrs Field`) and field lines under it
 * (`Outcome: …`, `Callback: Weds 14:00`), with no blank line between: markdown reads the record as one paragraph, so
 * the header's who-and-how ran into what was said, and the report printed `Call 1 – — one participant calling on
 * behalf of … Tenants worry most about…`. Here such a paragraph becomes a paragraph per line, each at its own line, so
 * the group stage can keep what was said and leave out the header and the callback with their reasons.
 */
import type {Paragraph, PhrasingContent, Root, RootContent} from 'mdast'

declare module 'mdast' {
  interface ParagraphData {
    /** Not a note, said at parse time with the reason the facilitator is told (a log record's header, its callback). */
    leaveOut?: {rule: string; reason: string}
  }
}

/** A record's field that says when to get back in touch, not what was said. */
const callbackField = /^(?:call ?back|ring back|next (?:call|contact|visit)|follow[- ]up (?:call|date|visit))\s*:/iu

/** A record's header: a kind of record and its number, then a dash or colon (`Call 1 —`, `Visit no. 4:`, `Case #12 -`). */
export const recordHeader = /^(?:call|phone\s+call|visit|home\s+visit|interview|conversation|contact|case|caller|household|tenant|resident|respondent|enquiry|inquiry|ticket|entry|record)\s*(?:no\.?\s*|#\s*)?\d{1,4}[a-z]?\s*[—–:-]/iu
/** A field line of a record (`Outcome:`, `Callback:`, `Next steps:`): a short label and a colon. */
const fieldLine = /^[\p{Lu}][\p{L} /'-]{1,24}:\s/u

/** The paragraph's inline content, line by line (a line break inside a text node ends a line). */
function lines(children: readonly PhrasingContent[]): PhrasingContent[][] | undefined {
  const out: PhrasingContent[][] = [[]]
  for (const child of children) {
    if (child.type === 'break') {
      out.push([])
      continue
    }
    if (child.type !== 'text') {
      out.at(-1)!.push(child)
      continue
    }
    const parts = child.value.split('\n')
    parts.forEach((part, index) => {
      if (index > 0) out.push([])
      if (part) out.at(-1)!.push({type: 'text', value: part})
    })
  }
  return out.length >= 2 ? out : undefined
}

const plain = (inline: readonly PhrasingContent[]) => inline.map((node) => ('value' in node ? node.value : '')).join('')

export default function remarkLogRecords() {
  return (tree: Root) => {
    let records = 0
    const headerOnly: Paragraph[] = []
    const walk = (children: RootContent[]) => {
      for (let index = 0; index < children.length; index++) {
        const node = children[index]!
        if (node.type !== 'paragraph') {
          if ('children' in node && Array.isArray(node.children) && node.type !== 'heading') walk(node.children as RootContent[])
          continue
        }
        const split = lines(node.children)
        // A record with nothing under its header (`Call 5 — no answer ×3 — letter sent`), in a log of records with fields.
        // Short, as a header is: a longer line is what someone said about a case, and stays (when unsure, keep).
        if (!split && recordHeader.test(plain(node.children).trim()) && plain(node.children).trim().split(/\s+/u).length <= 12) headerOnly.push(node)
        if (!split || !node.position || !recordHeader.test(plain(split[0]!).trim()) || !split.slice(1).some((line) => fieldLine.test(plain(line).trim()))) continue
        records++
        const start = node.position.start.line
        const paragraphs: Paragraph[] = split
          .map((inline, offset) => ({inline, offset}))
          .filter(({inline}) => plain(inline).trim())
          .map(({inline, offset}) => {
            const place = {start: {line: start + offset, column: 1}, end: {line: start + offset, column: 1 + plain(inline).length}}
            const text = plain(inline).trim()
            const leaveOut = offset === 0 ? {rule: 'log-record', reason: "a log record's header (who was contacted, and how), not what they said"} : callbackField.test(text) ? {rule: 'log-record', reason: 'when to get back in touch, not what was said'} : undefined
            // A field's label (`Outcome:`, `Notes:`) is the log's, not the speaker's: what was said starts after it.
            const field = offset > 0 && !leaveOut && inline[0]?.type === 'text' ? fieldLine.exec(inline[0].value.trimStart()) : null
            const content = field ? [{type: 'text' as const, value: (inline[0] as {value: string}).value.trimStart().slice(field[0].length)}, ...inline.slice(1)] : inline
            const paragraph: Paragraph = {type: 'paragraph', children: content.map((child) => (child.type === 'text' ? {...child, position: place} : child)), position: place}
            if (leaveOut) paragraph.data = {leaveOut}
            return paragraph
          })
        children.splice(index, 1, ...paragraphs)
        index += paragraphs.length - 1
      }
    }
    walk(tree.children)
    if (records >= 2) for (const paragraph of headerOnly) paragraph.data = {...paragraph.data, leaveOut: {rule: 'log-record', reason: "a log record's header (who was contacted, and how), with nothing said under it"}}
  }
}
