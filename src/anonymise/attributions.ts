/**
 * Attribution shapes: the ways a note says who spoke (`JS: …`, `@joy we keep…`, `(Jane)`, `"…" — Femi`,
 * `*Robin, planning manager*`). Each shape is a recogniser: given people named at `start…end` of a
 * string, it returns the whole span the attribution covers — label, brackets, dash, role — with the
 * shape's id, for the rewriter to remove whole. A table, tried in order: the first shape that fits is
 * the one. People in no attribution shape are rewritten in place (`one participant said`) by text.ts.
 *
 * Adding a shape is adding a row.
 */
import {rulePatterns} from './patterns.js'

/** How far around a mention the rules look. */
export const reach = 80

/** The text before `index`, as far as the rules look. */
export function before(value: string, index: number): string {
  return value.slice(Math.max(0, index - reach), index)
}

/** The text after `index`, as far as the rules look. */
export function after(value: string, index: number): string {
  return value.slice(index, index + reach)
}

/** People named together, where an attribution may hold them. */
export interface Mention {
  value: string
  /** Where the names start. */
  start: number
  /** Where the names end, without what goes with them. */
  namesEnd: number
  /** Where the names end with their affiliation or aside (`Tom (Camden)`, `Tom from Camden`). */
  end: number
  /** The string opens its block: its first line starts a note. */
  blockStart: boolean
  /** The names are one handle (`@joyfenwick`). */
  handle: boolean
  /** Someone on the roster is among them: an aside about them goes whole. */
  onRoster: boolean
  /** Everything else found in the string: not words of an aside. */
  found: ReadonlyArray<{start: number; end: number}>
}

/** The span an attribution covers, and its shape. */
export interface Attribution {
  shape: string
  start: number
  end: number
  /** A contact detail (a handle with its lead word) or an attribution. */
  rule: 'attribution' | 'handle'
  /** What follows starts the note now: capitalise it. */
  capitaliseNext?: boolean
}

/** Where the mention's line starts, and the line before the names if a label can be there (within `reach`). */
interface Line {
  start: number
  head: string | undefined
  /** The names open their line, after only list marks, a time or a bracket: a label's place. */
  opens: boolean
  rest: string
}

function lineOf(mention: Mention): Line {
  const start = mention.value.lastIndexOf('\n', mention.start - 1) + 1
  const head = mention.start - start < reach ? mention.value.slice(start, mention.start) : undefined
  const opens = (start > 0 || mention.blockStart) && head !== undefined && rulePatterns.labelStart.test(head)
  return {start, head, opens, rest: mention.value.slice(mention.end, mention.end + reach)}
}

type Shape = {id: string; find(mention: Mention, line: Line): Omit<Attribution, 'shape'> | undefined}

export const attributionShapes: Shape[] = [
  {
    // `twitter @tomokafor`: a handle given as a contact detail goes, with its lead word.
    id: 'contact detail',
    find(mention) {
      if (!mention.handle) return undefined
      const lead = contactLead(mention.value.slice(Math.max(0, mention.start - reach), mention.start))
      return lead > 0 ? {start: mention.start - lead, end: mention.namesEnd, rule: 'handle'} : undefined
    },
  },
  {
    // A speaker label: `JS: …`, `**Jane Smith (Wigan):**`, `[11:42] Ade O: …`, `Tom - …`.
    id: 'speaker label',
    find(mention, line) {
      const label = rulePatterns.labelEnd.exec(line.rest)
      return label && line.opens ? {start: line.start, end: mention.end + label[0].length, rule: 'attribution', capitaliseNext: true} : undefined
    },
  },
  {
    // A note that speaks to someone by name: `Pieter, you said the pilot worked`, `Welcome back. Sue, can you…`. Only the name
    // and its comma go: what they were told is a note of its own (`You said the pilot worked`).
    id: 'addressed by name',
    find(mention, line) {
      const addressed = rulePatterns.addressedAfter.exec(line.rest)
      if (!addressed || mention.handle) return undefined
      if (line.opens) return {start: line.start, end: mention.end + addressed[0].length, rule: 'attribution', capitaliseNext: true}
      const opensSentence = line.head !== undefined && (rulePatterns.sentenceEndBefore.test(line.head) || ((line.start > 0 || mention.blockStart) && rulePatterns.onlyListMarkers.test(line.head)))
      return opensSentence ? {start: mention.start, end: mention.end + addressed[0].length, rule: 'attribution', capitaliseNext: true} : undefined
    },
  },
  {
    // A chat-style label: a handle that opens a line, then what they said (`@joyfenwick we keep reinventing the wheel`).
    // With a verb after it, the handle is the subject instead: `@tom said …` → `One participant said …`.
    id: 'chat handle label',
    find(mention, line) {
      const gap = mention.handle ? rulePatterns.handleLabelGap.exec(line.rest) : null
      if (!gap || !line.opens) return undefined
      const subject = rulePatterns.speechAfter.test(line.rest) || rulePatterns.subjectVerbAfter.test(line.rest)
      return !subject || rulePatterns.questionToYou.test(line.rest) ? {start: line.start, end: mention.end + gap[0].length, rule: 'attribution', capitaliseNext: true} : undefined
    },
  },
  {
    // A bracketed attribution: `(Jane)`, `(Rose + Owen)`, `(Priya's table)`, `(Rakesh mentioned, not his council)`.
    // An aside about someone on the roster goes whole; one that only mentions someone else keeps its words.
    id: 'bracketed attribution',
    find(mention) {
      const {value} = mention
      const bracket = enclosingBracket(value, mention.start, mention.end)
      if (!bracket || rulePatterns.speechAfter.test(value.slice(bracket.close + 1, bracket.close + 1 + reach))) return undefined
      if (otherWords(value, bracket.open + 1, bracket.close, mention.found) > (mention.onRoster ? 8 : 2)) return undefined
      let from = bracket.open
      while (from > 0 && rulePatterns.blankChar.test(value[from - 1]!)) from--
      return {start: from === 0 ? bracket.open : from, end: bracket.close + 1, rule: 'attribution'}
    },
  },
  {
    // A trailing attribution: `"…" — Femi`, `– T.N.`, `- Shabana`; with a role: `— Grant, customer services`.
    id: 'trailing attribution',
    find(mention) {
      const {value, end} = mention
      const dash = rulePatterns.trailingDash.exec(value.slice(Math.max(0, mention.start - reach), mention.start))
      if (!dash || value.length - end >= reach) return undefined
      const role = rulePatterns.roleTail.exec(value.slice(end))
      if (!role && !rulePatterns.trailingEnd.test(value.slice(end, end + reach))) return undefined
      return {start: mention.start - dash[0].length, end: role ? end + withoutClosingMarks(role[0]).length : end, rule: 'attribution'}
    },
  },
  {
    // `*Robin, planning manager*` as a block of its own, under a quote: the whole attribution goes.
    id: 'attribution with a role',
    find(mention, line) {
      const {value, end} = mention
      // `Pieter, you said the pilot worked` is said to them, not a role: the vocative shape's, never the whole note.
      if (value.length - end >= reach || !rulePatterns.roleTail.test(value.slice(end)) || rulePatterns.addressedAfter.test(value.slice(end))) return undefined
      const opens = (line.start > 0 || mention.blockStart) && line.head !== undefined && rulePatterns.onlyListMarkers.test(line.head.replace(rulePatterns.emphasisMarks, ''))
      return opens ? {start: line.start, end: value.length, rule: 'attribution'} : undefined
    },
  },
]

/** The attribution the mention is in, if any: the first shape of the table that fits. */
export function findAttribution(mention: Mention): Attribution | undefined {
  const line = lineOf(mention)
  for (const shape of attributionShapes) {
    const span = shape.find(mention, line)
    if (span) return {shape: shape.id, ...span}
  }
  return undefined
}

/** How many characters at the end of `head` introduce a contact detail: `twitter `, `email: `, `on twitter `. */
export function contactLead(head: string): number {
  let rest = head
  for (let words = 0; words < 4; words++) {
    const lead = rulePatterns.contactLead.exec(rest)
    if (!lead) break
    rest = rest.slice(0, rest.length - lead[0].length)
  }
  return head.length - rest.length
}

/** The bracket around `start…end`, if the text there sits inside one: `(Jane)`, `[Tom]`, `(Rose + Owen)`. */
export function enclosingBracket(value: string, start: number, end: number): {open: number; close: number} | undefined {
  let open = -1
  for (let index = start - 1; index >= Math.max(0, start - reach); index--) {
    const char = value[index]!
    if (char === ')' || char === ']' || char === '\n') return undefined
    if (char === '(' || char === '[') {
      open = index
      break
    }
  }
  if (open === -1) return undefined
  const closer = value[open] === '(' ? ')' : ']'
  for (let index = end; index < Math.min(value.length, end + reach); index++) {
    const char = value[index]!
    if (char === closer) return {open, close: index}
    if (char === '(' || char === '[' || char === '\n') return undefined
  }
  return undefined
}

/** Words in `from…to` outside what was found there. */
function otherWords(value: string, from: number, to: number, found: ReadonlyArray<{start: number; end: number}>): number {
  let text = ''
  let cursor = from
  for (const span of found) {
    if (span.end <= from || span.start >= to) continue
    text += value.slice(cursor, Math.max(cursor, span.start)) + ' '
    cursor = Math.max(cursor, span.end)
  }
  text += value.slice(cursor, to)
  return (text.match(rulePatterns.alphanumericRun) ?? []).filter((word) => !rulePatterns.fillerWord.test(word)).length
}

/** A role tail without the closing marks and spaces at its end: `, planning manager*` → `, planning manager`. */
function withoutClosingMarks(text: string): string {
  let end = text.length
  while (end > 0 && closingMarks.has(text[end - 1]!)) end--
  return text.slice(0, end)
}

const closingMarks = new Set(['”', '"', '’', ')', '*', '_', ' ', '\t', '\n'])
