/**
 * remark plugin: a heading that is a note. Some facilitators give every point its own heading, the detail
 * under it (`#### N4. Independent non-executives are worth paying for.` then a paragraph), or write a
 * finding as a heading of its own. A heading is a section's name, not something said, so such a heading's
 * words would never reach the report: here it becomes the note's bold headline, run into the paragraph
 * under it, or a paragraph of its own when no paragraph follows.
 *
 * A heading is a note when, once its number is set aside (`N4.`, `3)`, `Insight 2:`), it reads as a
 * sentence: four words or more ending with a full stop or an exclamation mark (not an initial's stop: `(Jo +
 * Hope L.)`). A long title without one (`Slide 2 – Multiple choice: "What stops…"`) stays a heading.
 * Section names (`What works`, `Questions for your council`, `Admin`) are short and have no stop; a
 * question (`What gets in the way?`) is a prompt the notes answer, and stays a heading. The `#` title of
 * the notes stays a heading whatever it says.
 */
import type {Heading, ListItem, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'

/** A note's number before its words: `N4.`, `4.`, `3)`, `A2:`, `Insight 2:`, `Point 7 –`. */
const numbering = /^(?:(?:insight|note|point|finding|theme|idea|item|no\.?)\s*)?[a-z]{0,2}\d{1,3}[a-z]?\s*[.):–—-]\s+|^(?:insight|note|point|finding|theme|idea|item)\s*\d{1,3}\s+/iu
const sentenceEnd = /[^.][.!]["'”’)]*$/u
const words = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
/** A stop that ends an initial, not a sentence: `(Kerry-Ann + Hope L.)`. */
const initialEnd = /(?:^|[^\p{L}])\p{Lu}\.["'”’)]*$/u

/** The headline a heading's text makes, or undefined when it is a section's name. */
export function noteHeadline(text: string): string | undefined {
  const bare = text.trim().replace(numbering, '').trim()
  const count = bare.match(words)?.length ?? 0
  if (count === 0 || bare.endsWith('?') || bare.endsWith(':')) return undefined
  return count >= 4 && sentenceEnd.test(bare) && !initialEnd.test(bare) ? bare : undefined
}

/**
 * Notes kept a heading a point with no stop (`### the waiting list is far too long`, an org-mode or Word outline): a
 * heading of five words or more (numbers and times not counted) that is not a question nor a lead-in (`…:`), at a
 * depth where two or more such headings have nothing under them. A section's name is shorter, and a heading with nothing under
 * it names no section: its words would be in no part of the report.
 */
const statementWords = 5

function isStatement(heading: Heading): boolean {
  const text = toString(heading).trim()
  return heading.depth > 1 && !/[?:]$/u.test(text) && (text.match(/\p{L}[\p{L}'’-]*/gu)?.length ?? 0) >= statementWords
}

/** Is the heading at `index` a leaf: followed by a heading no deeper than it, or by nothing? */
function isLeaf(children: RootContent[], index: number): boolean {
  const next = children[index + 1]
  return !next || (next.type === 'heading' && next.depth <= (children[index] as Heading).depth)
}

/** The depths at which statement headings are notes, by the rule above. */
function statementDepths(children: RootContent[]): Set<number> {
  const leaves = new Map<number, number>()
  for (const [index, node] of children.entries()) {
    if (node.type === 'heading' && isStatement(node) && isLeaf(children, index)) leaves.set(node.depth, (leaves.get(node.depth) ?? 0) + 1)
  }
  return new Set([...leaves].filter(([, count]) => count >= 2).map(([depth]) => depth))
}

/** A question to the reader (`Do you know…?`, `Who in your council…?`): what a report's checklist asks. */
const readerQuestion = /\b(?:you|your|yours|yourself)\b[^?]*\?["'”’)]*$/iu

/**
 * A heading with nothing under it that asks the reader a question, in a run of such (`# Do you know how many…?` then
 * `# Does your team…?`): a numbered list of questions written with a wiki's or a habit's `#`, not a section's name.
 */
function questionWithNothingUnder(children: readonly RootContent[], index: number): boolean {
  const node = children[index]!
  if (node.type !== 'heading') return false
  const text = toString(node).trim()
  if ((text.match(words)?.length ?? 0) < 4 || !readerQuestion.test(text)) return false
  const asks = (other: RootContent | undefined) => other?.type === 'heading' && other.depth === node.depth && readerQuestion.test(toString(other).trim())
  const next = children[index + 1]
  const nothingUnder = next === undefined || next.type === 'heading'
  return nothingUnder && (asks(next) || asks(children[index - 1]))
}

export default function remarkNoteHeadings() {
  return (tree: Root) => {
    const depths = statementDepths(tree.children)
    const children = tree.children
    const out: RootContent[] = []
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!
      if (node.type === 'heading' && index > 0 && questionWithNothingUnder(children, index)) {
        out.push({type: 'list', ordered: true, spread: false, children: [{type: 'listItem', spread: false, children: [{type: 'paragraph', children: node.children, ...(node.position ? {position: node.position} : {})}], ...(node.position ? {position: node.position} : {})}], ...(node.position ? {position: node.position} : {})})
        continue
      }
      if (node.type !== 'heading' || node.depth === 1 || !(noteHeadline(toString(node)) || (depths.has(node.depth) && isStatement(node)))) {
        out.push(node)
        continue
      }
      const headline = headlineOf(node)
      const next = children[index + 1]
      const after = children[index + 2]
      if (!noteHeadline(toString(node)) && next?.type === 'list' && (!after || (after.type === 'heading' && after.depth <= node.depth))) {
        // A point with its detail under it as a list: a note with the list nested in it.
        const item: ListItem = {type: 'listItem', spread: false, children: [{type: 'paragraph', children: headline, ...(node.position ? {position: node.position} : {})}, next], ...(node.position && next.position ? {position: {start: node.position.start, end: next.position.end}} : {})}
        out.push({type: 'list', ordered: false, spread: false, children: [item], ...(item.position ? {position: item.position} : {})})
        index++
        continue
      }
      if (next?.type === 'paragraph') {
        // The headline runs into the detail, as an edited report sets it: `**Headline.** Detail…`.
        const paragraph: Paragraph = {
          type: 'paragraph',
          children: [{type: 'strong', children: headline}, {type: 'text', value: ' '}, ...next.children],
          ...(node.position && next.position ? {position: {start: node.position.start, end: next.position.end}} : {}),
          ...(next.data ? {data: next.data} : {}),
        }
        out.push(paragraph)
        index++
      } else {
        // A sentence set as a headline in bold; a point with no stop, as the plain note it is.
        out.push({type: 'paragraph', children: noteHeadline(toString(node)) ? [{type: 'strong', children: headline}] : headline, ...(node.position ? {position: node.position} : {})})
      }
    }
    tree.children = out
  }
}

/** The heading's own inline content, without its number. */
function headlineOf(heading: Heading): PhrasingContent[] {
  const [first, ...rest] = heading.children
  if (first?.type !== 'text') return heading.children
  const value = first.value.replace(/^\s+/u, '').replace(numbering, '')
  return value ? [{...first, value}, ...rest] : rest
}
