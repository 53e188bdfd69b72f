/**
 * Notes typed fast, read as report prose: the first letter of a note and of
 * each sentence capitalised, spacing tidied (runs of spaces, a space before
 * punctuation), a spaced hyphen set as an en dash, straight double quotes
 * curled, a time typed before the note (`[11:42]`, `10:19 — `) removed, a quotation that
 * ends the note given its full stop. Words are never added,
 * removed or reordered: the meaning stays.
 *
 * Works on text nodes only; code, links' URLs and images are left alone.
 */
import type {PhrasingContent} from 'mdast'
import type {ReportItem, ReportSection} from '../types.js'
import {leadingTime} from '../util/timestamps.js'
import {plainText} from './segment.js'

/** Words ending in a dot that do not end a sentence. */
const abbreviations = new Set(['e.g', 'eg', 'i.e', 'ie', 'etc', 'vs', 'incl', 'esp', 'approx', 'cf', 'no', 'nos', 'dr', 'mr', 'mrs', 'ms', 'prof', 'cllr', 'st', 'c', 'ca', 'fig', 'p', 'pp', 'vol'])

/** Tidy an item's content; returns new nodes, the input is not changed. */
export function tidyContent(content: PhrasingContent[]): PhrasingContent[] {
  const copy = content.map((node) => clone(node))
  trimEnds(copy)
  const first = copy[0]
  if (first?.type === 'text') first.value = first.value.replace(leadingTime, '')
  let sentenceStart = true
  walkText(copy, (node) => {
    let value = node.value
    // Each rewrite only runs when there is something for it to do: most notes need none, and are read once to know it.
    if (untidy.test(value)) {
      if (/\s\s|[\t\n\r]/.test(value)) value = value.replace(/\s+/g, ' ')
      if (/ [,;:!?)\]}.]/.test(value)) value = value.replace(/(\S) +([,;:!?)\]}.])(?=\s|$)/g, '$1$2')
      if (/[([{] /.test(value)) value = value.replace(/([([{]) +/g, '$1')
      if (value.includes(' - ')) value = value.replace(/(\S) +- +(?=\S)/g, '$1 – ')
      if (value.includes(',,')) value = value.replace(/,{2,}/g, ',')
      if (value.includes('"')) value = curlQuotes(value)
    }
    value = capitaliseSentences(value, sentenceStart)
    sentenceStart = endsOnStop(value) && !endsWithAbbreviation(value) ? true : value.trim() === '' ? sentenceStart : false
    node.value = value
  })
  trimEnds(copy)
  // A note that ends on a quotation it leads into ends with the quotation's punctuation: `… put it, “and it shows.”`.
  // A note that is a quotation whole is a pull quote: `endQuote` punctuates it without its marks.
  const last = copy.at(-1)
  const opening = copy[0]
  if (last?.type === 'text' && /[\p{L}\p{N}]”$/u.test(last.value) && last.value.includes('“') && !(opening?.type === 'text' && /^“/.test(opening.value))) last.value = `${last.value.slice(0, -1)}.”`
  return copy.filter((node) => !(node.type === 'text' && node.value === ''))
}

/** Anything one of `tidyContent`'s rewrites would change: spacing, a spaced hyphen, doubled commas, straight quotes. */
const untidy = /\s\s|[\t\n\r]| [,;:!?)\]}.]|[([{] | - |,,|"/

const closers = '"”’)'
const stops = '.!?'

/**
 * Does a piece of text end on a stop that stands after no letter or figure (`… (see above).`? no: `…?.`, ` .`),
 * maybe closed by a quote or bracket, maybe followed by spaces? What `/(?:^|[^\p{L}\p{N}])[.!?]["”’)]?\s*$/u`
 * says, read from its end rather than tried from every place in the text.
 */
function endsOnStop(value: string): boolean {
  let end = value.length
  while (end > 0 && /\s/.test(value[end - 1]!)) end--
  if (end > 0 && closers.includes(value[end - 1]!)) end--
  if (end === 0 || !stops.includes(value[end - 1]!)) return false
  return end === 1 || !letterOrFigure.test(lastChar(value, end - 1))
}

const letterOrFigure = /^[\p{L}\p{N}]$/u

/** The character (code point) that ends `value.slice(0, end)`. */
function lastChar(value: string, end: number): string {
  const code = value.charCodeAt(end - 1)
  return code >= 0xdc00 && code <= 0xdfff && end >= 2 ? value.slice(end - 2, end) : value[end - 1]!
}

/** Capitalise the first letter of a piece of content (a detail after its headline). */
export function capitaliseFirst(content: PhrasingContent[]): PhrasingContent[] {
  const copy = content.map((node) => clone(node))
  walkText(copy, (node, stop) => {
    const match = /^[\s"“'‘(]*/u.exec(node.value)!
    const rest = node.value.slice(match[0].length)
    if (rest === '') return
    node.value = match[0] + capitaliseWord(rest)
    stop()
  })
  return copy
}

function capitaliseSentences(value: string, atStart: boolean): string {
  let output = value
  if (atStart) output = capitaliseOpening(output)
  if (!/[.!?]["”’)]? +\p{Ll}/u.test(output)) return output
  return output.replace(/(?<!\S)(\S+)([.!?])(["”’)]?)( +)([\p{Ll}][^\s]*)/gu, (whole, before: string, mark: string, close: string, space: string, word: string) => {
    if (mark === '.' && (abbreviations.has(before.toLowerCase().replace(/^[("“]/, '')) || /^[("“]?\p{L}$/u.test(before) || /\d$/.test(before) || /\.\S/.test(before))) return whole
    return `${before}${mark}${close}${space}${capitaliseWord(word)}`
  })
}

/** Quotes, brackets and spaces a sentence's first word may follow. */
const openers = '"“\'‘('
const space = /\s/

/**
 * `(“we ask` → `(“We ask`: the first word after any opening quotes, brackets and spaces capitalised (`capitaliseWord`),
 * as `/^([\s"“'‘(]*)(\S+)/u` would find it; read a character at a time, as every text of every note goes through it.
 */
function capitaliseOpening(value: string): string {
  let start = 0
  while (start < value.length && (openers.includes(value[start]!) || space.test(value[start]!))) start++
  // Only openers (or nothing): the pattern's word would be an opener, which no capital changes.
  if (start === value.length) return value
  let end = start + 1
  while (end < value.length && !space.test(value[end]!)) end++
  const word = value.slice(start, end)
  const capital = capitaliseWord(word)
  return capital === word ? value : value.slice(0, start) + capital + value.slice(end)
}

function endsWithAbbreviation(value: string): boolean {
  const match = /(?<!\S)(\S+)\.\s*$/.exec(value)
  return Boolean(match && (abbreviations.has(match[1]!.toLowerCase()) || /^\p{L}$/u.test(match[1]!) || /\.\S/.test(match[1]!)))
}

/** Capitalise a word unless it is a handle, an address, or mixed-case already (`iPhone`). */
function capitaliseWord(word: string): string {
  if (/[@/\\]|\.\p{L}|^\p{Ll}+\p{Lu}|\d/u.test(word)) return word
  return word.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())
}

/** `"a" b "c"` → `“a” b “c”`, when the straight quotes pair up. */
function curlQuotes(value: string): string {
  const count = (value.match(/"/g) ?? []).length
  if (count === 0 || count % 2 !== 0) return value
  let open = true
  return value.replace(/"/g, () => {
    const mark = open ? '“' : '”'
    open = !open
    return mark
  })
}

function trimEnds(content: PhrasingContent[]): void {
  const first = content[0]
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '')
  const last = content.at(-1)
  if (last?.type === 'text') last.value = last.value.trimEnd()
}

type TextNode = Extract<PhrasingContent, {type: 'text'}>

/** Visit text nodes in order (inside emphasis, strong, links' text), never code or URLs. */
function walkText(content: PhrasingContent[], visit: (node: TextNode, stop: () => void) => void): void {
  let stopped = false
  const stop = () => {
    stopped = true
  }
  const walk = (nodes: PhrasingContent[]) => {
    for (const node of nodes) {
      if (stopped) return
      if (node.type === 'text') visit(node, stop)
      else if ('children' in node && Array.isArray(node.children)) walk(node.children as PhrasingContent[])
    }
  }
  walk(content)
}

/** Copy a node and its children (positions and data are shared: they are never changed here). */
function clone(node: PhrasingContent): PhrasingContent {
  if ('children' in node && Array.isArray(node.children)) return {...node, children: (node.children as PhrasingContent[]).map(clone)} as PhrasingContent
  return {...node}
}

/**
 * A title as typeset: a spaced hyphen between title and subtitle is an en
 * dash (`Net zero - retrofit and heat` → `Net zero – retrofit and heat`);
 * hyphens inside words (`long-term`) stay.
 */
export function typesetTitle(title: string): string {
  return title.replace(/\s+-{1,2}\s+/g, ' – ').replace(/\s+—\s+/g, ' – ')
}

/**
 * A quotation ends with its punctuation: `we ask too late` → `we ask too
 * late.`; one that ends in `.`, `!`, `?` or `…` already is left alone.
 */
export function endQuote(content: PhrasingContent[]): PhrasingContent[] {
  const last = content.at(-1)
  if (!last || last.type !== 'text') return content
  const trimmed = last.value.replace(/\s+$/, '')
  if (trimmed === '' || /[.!?…]$/.test(trimmed)) return content
  return [...content.slice(0, -1), {...last, value: `${trimmed.replace(/\s*[,;:–—-]+$/, '')}.`}]
}

/**
 * A question to the reader ends with its question mark: `Do your members
 * understand the rules` → `… the rules?`; a full stop or colon typed instead
 * is replaced. One that ends in `?` already is left alone.
 */
export function endQuestion(content: PhrasingContent[]): PhrasingContent[] {
  const last = content.at(-1)
  if (!last || last.type !== 'text') return content
  const trimmed = last.value.replace(/\s+$/, '')
  if (trimmed === '' || /\?["”’)]?$/.test(trimmed)) return content
  return [...content.slice(0, -1), {...last, value: `${trimmed.replace(/\s*[.,;:–—-]+$/, '')}?`}]
}

/**
 * Lists punctuated alike, as an editor sets them: in a list of insights,
 * bullets or sub-points, the items end with a full stop (or their own `?`,
 * `!`, `…`) when most are sentences (six words or more for numbered insights, ten for bullets and sub-points, two sentences, or written with a stop),
 * and none does when most are fragments (`paid, trained, supervised`), a
 * fragment's own stop dropped.
 * A stop goes before a footnote mark (`…the spec.¹`), after a closing quote
 * or bracket; a trailing comma, semicolon or dash becomes the stop; a note
 * that ends on a colon leads into its sub-points and is left alone.
 * Quotes, questions and resources have rules of their own (`endQuote`,
 * `endQuestion`, the round-up) and are not touched.
 *
 * Typesetting, for the renderers: returns copies, the report model keeps
 * each note's text as it was written (the JSON's `text`, the ledger).
 */
export function punctuateList(items: ReportItem[], style: ReportSection['style']): ReportItem[] {
  if (style === 'checklist' || style === 'resources' || style === 'quotes') return items
  return punctuated(items, style === 'numbered' ? insightWords : sentenceWords)
}

/** A numbered insight is a paragraph of the report: a shorter one reads as a sentence (`One participant said the pilot worked.`). */
const insightWords = 6

/** Fewest words of a note read as a sentence rather than a fragment (`Do nothing and accept the complaints` is an option, not a sentence). */
const sentenceWords = 10

function punctuated(items: ReportItem[], least: number): ReportItem[] {
  const notes = items.filter((item) => item.kind === 'note')
  // A sentence: long enough, two sentences, or written with its stop.
  const sentences = notes.filter((item) => item.text.split(/\s+/).length >= least || /[.!?]\s+\p{Lu}/u.test(item.text) || /[^.]\.$/.test(item.text)).length
  const change = sentences * 2 >= notes.length ? endSentence : endFragment
  return items.map((item) => {
    const children = item.children.length > 0 ? punctuated(item.children, sentenceWords) : item.children
    if (item.kind !== 'note') return children === item.children ? item : {...item, children}
    const content = change(item.content)
    if (content === item.content && children === item.children) return item
    return {...item, content, ...(item.detail ? {detail: change(item.detail)} : {}), text: plainText(content), children}
  })
}

/** The last text node before any footnote marks at the end, and where it is. */
function closingText(content: PhrasingContent[]): number {
  let at = content.length - 1
  while (at >= 0 && content[at]!.type === 'footnoteReference') at--
  return at
}

/** A sentence ends with its stop: `…the spec` → `…the spec.`; `…` / `?` / `!` / `:` left alone. */
export function endSentence(content: PhrasingContent[]): PhrasingContent[] {
  const at = closingText(content)
  const last = content[at]
  if (!last) return content
  // After words set in bold, italics, code or a link's text, the stop follows them; an image or a line break ends nothing.
  if (last.type !== 'text') return /^(?:strong|emphasis|delete|inlineCode|link)$/.test(last.type) ? [...content.slice(0, at + 1), {type: 'text', value: '.'}, ...content.slice(at + 1)] : content
  const value = last.value.replace(/\s+$/, '')
  if (value === '' || /[.!?…:]["”’)\]]*$/.test(value)) return content
  const ended = /[,;–—-]+$/.test(value) ? `${value.replace(/\s*[,;–—-]+$/, '')}.` : `${value}.`
  return [...content.slice(0, at), {...last, value: ended}, ...content.slice(at + 1)]
}

/** A fragment in a list of fragments has no full stop: `paid, trained, supervised.` → `paid, trained, supervised` (an abbreviation's dot stays). */
export function endFragment(content: PhrasingContent[]): PhrasingContent[] {
  const at = closingText(content)
  const last = content[at]
  if (last?.type !== 'text' || !/[^.]\.$/.test(last.value.trimEnd()) || endsWithAbbreviation(last.value.trimEnd())) return content
  // Only a fragment of one sentence: a note of two sentences keeps its stops.
  if (/[.!?]\s+\S/.test(plainText(content))) return content
  return [...content.slice(0, at), {...last, value: last.value.trimEnd().slice(0, -1)}, ...content.slice(at + 1)]
}
