/**
 * A fast first parse: markdown-it's tokens, converted to the very mdast the
 * notes' micromark parser makes (before bare addresses are linked), source
 * positions included.
 *
 * markdown-it tokenises a notes file some 30 times faster than micromark,
 * but its block tokens carry only line ranges and its inline tokens no
 * position at all, and its tree is not mdast. This module owns the mapping:
 * each block's start is found on its first line behind its containers'
 * prefixes (`>`, a list marker), each inline token's source is read in order
 * from the block's text, as markdown-it cut it from the source, and every
 * token is checked against that text as it is read (a delimiter is its
 * markup, a text token is its source with escapes and character references
 * decoded, a code span is its backticks, and all of the text is used).
 *
 * It never guesses. A file with a construct it does not convert (tabs,
 * carriage returns, strikethrough, link reference definitions, setext
 * headings, indented code, tables without outer pipes, task checks it is
 * not sure of, Unicode spaces that markdown-it trims and micromark keeps…)
 * or a token that does not read back from the source throws `Unsupported`,
 * and the caller parses that file with micromark. `tests/parse/markdown-it.test.ts`
 * compares the two trees, node for node and position for position.
 */
import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import type {
  BlockContent,
  Code,
  DefinitionContent,
  FootnoteDefinition,
  Heading,
  Html,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Yaml,
} from 'mdast'
import type {Point, Position} from 'unist'
import {lineStarts, pointAt} from './literal-links.js'

/** The file holds something the converter does not convert: it is parsed with micromark. */
export class Unsupported extends Error {}

interface Token {
  type: string
  level: number
  tag: string
  map: [number, number] | null
  markup: string
  info: string
  meta: {label?: string} | null
  content: string
  children: Token[] | null
  attrGet(name: string): string | null
}

const md = new MarkdownIt('default', {html: true, linkify: false, typographer: false})
md.use(footnote)
md.core.ruler.disable(['footnote_tail', 'linkify', 'replacements', 'smartquotes'])
md.inline.ruler.disable(['footnote_inline', 'strikethrough', 'linkify'])
md.inline.ruler2.disable(['strikethrough'])
// mdast keeps a link's destination as written (escapes and references decoded), and links any scheme.
md.normalizeLink = (url: string) => url
md.normalizeLinkText = (text: string) => text
md.validateLink = () => true
const {parseLinkDestination, parseLinkTitle} = md.helpers
/**
 * markdown-it stops nesting at `maxNesting` levels (the rest of a block, or a
 * link or emphasis read as text): a token near it is left to micromark.
 */
const deepest = (md.options.maxNesting ?? 100) - 2
const {unescapeAll} = md.utils

/**
 * Characters the converter leaves to micromark: tabs (columns), carriage
 * returns, NUL, `~` (GFM strikethrough takes one tilde), and the Unicode
 * spaces JavaScript's `trim` removes and CommonMark keeps.
 */
const unsupportedCharacter = /[\t\r\0~\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/
/** An emphasis marker (`*`, `_`). */
const delimiter = /[*_]/g
/** What both parsers read alike beside an emphasis marker, outside ASCII: letters, numbers, marks of the BMP. */
const plainUnicode = /^[\p{L}\p{N}\p{M}]$/u

/**
 * An emphasis marker beside a character outside ASCII that is not a letter, number or mark of the BMP: whether it
 * opens or closes depends on each parser's table of Unicode punctuation, which differ (an emoji).
 */
function delimiterBesideUnicode(source: string): boolean {
  delimiter.lastIndex = 0
  for (let match = delimiter.exec(source); match; match = delimiter.exec(source)) {
    for (const at of [match.index - 1, match.index + 1]) {
      const code = source.charCodeAt(at)
      if (code > 0x7f && (code >= 0xd800 && code <= 0xdfff ? true : !plainUnicode.test(source[at]!))) return true
    }
  }
  return false
}

/** Runs of three or more emphasis markers: the two parsers pair them differently (`***a****b**`). */
const longDelimiterRun = /\*\*\*|___/
/** The HTML blocks that end only at their closer, not at a blank line (CommonMark's kinds 1 to 5). */
const RUNS_TO_CLOSER = /^<(?:(?:script|pre|style|textarea)(?:[\s>]|$)|!--|\?|![A-Za-z]|!\[CDATA\[)/i
const asciiPunctuation = /[!-/:-@[-`{-~]/
const characterReference = /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/
const footnoteLabel = /^[A-Za-z0-9_-]+$/

/** A block's inline text as markdown-it cut it, and where each of its characters is in the source. */
class Span {
  /** Start of each line in `content`, and of the same character in the source. */
  private readonly starts: number[] = []
  private readonly bases: number[] = []

  constructor(
    readonly content: string,
    lines: Array<{start: number; end: number}>,
    source: string,
  ) {
    let at = 0
    const parts = content.split('\n')
    if (parts.length !== lines.length) throw new Unsupported()
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index]!
      const line = lines[index]!
      // Each line of the block's text is the end of its source line (its containers' prefixes cut off).
      const base = line.end - part.length
      if (base < line.start || source.slice(base, line.end) !== part) throw new Unsupported()
      this.starts.push(at)
      this.bases.push(base)
      at += part.length + 1
    }
  }

  /** The source offset of `content[index]` (the end of a line for its `\n`). */
  at(index: number): number {
    let line = this.starts.length - 1
    while (line > 0 && this.starts[line]! > index) line--
    return this.bases[line]! + index - this.starts[line]!
  }

  /** The source offset just after `content[index - 1]`. */
  after(index: number): number {
    return this.at(index - 1) + 1
  }
}

interface Container {
  /** Where content may start on a line, behind this container's prefix. */
  prefixEnd(line: number): number
  /** Inside a block quote. */
  quoted?: boolean
  /** Inside a quote or a list item. */
  nested?: boolean
}

interface Piece {
  value: string
  start: number
  end: number
}

class Converter {
  private readonly lineStarts: number[]
  private index = 0

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {
    // The source has no carriage return (see `unsupportedCharacter`): lines end at LF.
    this.lineStarts = lineStarts(source)
  }

  point(offset: number): Point {
    return pointAt(this.lineStarts, offset)
  }

  position(start: number, end: number): Position {
    return {start: this.point(start), end: this.point(end)}
  }

  get lineCount(): number {
    return this.lineStarts.length
  }

  lineStart(line: number): number {
    const start = this.lineStarts[line]
    if (start === undefined) throw new Unsupported()
    return start
  }

  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1]
    return next === undefined ? this.source.length : next - 1
  }

  skipSpaces(offset: number): number {
    while (this.source.charCodeAt(offset) === 32) offset++
    return offset
  }

  blankLine(line: number): boolean {
    return line >= this.lineStarts.length || /^[ >]*$/.test(this.source.slice(this.lineStart(line), this.lineEnd(line)))
  }

  next(): Token {
    const token = this.tokens[this.index++]
    if (!token || token.level >= deepest) throw new Unsupported()
    return token
  }

  /** Blocks up to (and past) the token of type `close`, or to the end. */
  blocks(container: Container, close?: string): RootContent[] {
    const nodes: RootContent[] = []
    while (this.index < this.tokens.length) {
      const token = this.next()
      if (token.type === close) return nodes
      nodes.push(this.block(token, container))
    }
    if (close) throw new Unsupported()
    return nodes
  }

  block(token: Token, container: Container): RootContent {
    const map = token.map
    switch (token.type) {
      case 'paragraph_open': {
        if (!map) throw new Unsupported()
        const inline = this.next()
        if (inline.type !== 'inline' || this.next().type !== 'paragraph_close') throw new Unsupported()
        const lines = []
        for (let line = map[0]; line < map[1]; line++) lines.push({start: this.lineStart(line), end: this.lineEnd(line)})
        // A line of HTML after a paragraph in a list or quote: markdown-it reads it as the paragraph's (lazy) line, micromark not always.
        if (container.nested) for (const line of lines.slice(1)) if (this.source[this.skipSpaces(line.start)] === '<') throw new Unsupported()
        // markdown-it trims the paragraph: its last line ends at its last non-space.
        const last = lines.at(-1)!
        while (last.end > last.start && this.source.charCodeAt(last.end - 1) === 32) last.end--
        const span = new Span(inline.content, lines, this.source)
        const children = this.inlines(inline, span)
        if (inline.content.length === 0) throw new Unsupported()
        // The paragraph ends at its last line's end, trailing spaces included; its text does not.
        return {type: 'paragraph', children, position: this.position(span.at(0), this.lineEnd(map[1] - 1))} satisfies Paragraph
      }
      case 'heading_open': {
        if (!map || !token.markup.startsWith('#')) throw new Unsupported()
        const inline = this.next()
        if (inline.type !== 'inline' || this.next().type !== 'heading_close') throw new Unsupported()
        const start = this.skipSpaces(container.prefixEnd(map[0]))
        const end = this.lineEnd(map[0])
        if (!this.source.startsWith(token.markup, start)) throw new Unsupported()
        const depth = token.markup.length as Heading['depth']
        let children: PhrasingContent[] = []
        if (inline.content) {
          const at = this.source.indexOf(inline.content, start + depth)
          if (at === -1 || at + inline.content.length > end) throw new Unsupported()
          children = this.inlines(inline, new Span(inline.content, [{start: at, end: at + inline.content.length}], this.source))
        }
        return {type: 'heading', depth, children, position: this.position(start, end)} satisfies Heading
      }
      case 'html_block': {
        if (!map) throw new Unsupported()
        // Its value is its lines as markdown-it cut them (indentation kept), each the end of its source line.
        const end = this.lineEnd(map[1] - 1)
        const value = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content
        const lines = value.split('\n')
        if (lines.length !== map[1] - map[0]) throw new Unsupported()
        // A blank line inside or at the end of a block that runs to its closer (`<?` … at the end of a file): micromark
        // and markdown-it end it differently. Found by the fuzzed literal-links property (`<?\n  `); micromark decides.
        if (lines.slice(1).some((line) => line.trim() === '') || /^\r?\n[^\S\n]+(?:\r?\n|$)/.test(this.source.slice(end))) throw new Unsupported()
        // A block that runs to its closer (`<?`, `<!--`, `<script>` …) and reaches the file's last line ending: micromark
        // keeps that line ending in the value, markdown-it does not. Found by the fuzzed property (`<?\n`, `- <!--\nx\n`).
        if (RUNS_TO_CLOSER.test(lines[0]!.trimStart()) && /^(?:\r?\n|\r)$/.test(this.source.slice(end))) throw new Unsupported()
        for (let index = 0; index < lines.length; index++) if (!this.source.slice(this.lineStart(map[0] + index), this.lineEnd(map[0] + index)).endsWith(lines[index]!)) throw new Unsupported()
        const start = this.lineEnd(map[0]) - lines[0]!.length
        if (start < container.prefixEnd(map[0])) throw new Unsupported()
        return {type: 'html', value, position: this.position(start, end)} satisfies Html
      }
      case 'hr': {
        if (!map) throw new Unsupported()
        const start = this.skipSpaces(container.prefixEnd(map[0]))
        return {type: 'thematicBreak', position: this.position(start, this.lineEnd(map[0]))}
      }
      case 'fence': {
        if (!map) throw new Unsupported()
        const start = this.skipSpaces(container.prefixEnd(map[0]))
        const closing = this.source.slice(this.lineStart(map[1] - 1), this.lineEnd(map[1] - 1)).trim()
        if (map[1] - map[0] < 2 || !closing.startsWith(token.markup) || /[^`~]/.test(closing)) throw new Unsupported()
        const info = token.info.trim()
        const space = info.search(/ /)
        const lang = info ? (space === -1 ? info : info.slice(0, space)) : null
        const meta = space === -1 ? null : info.slice(space).trim() || null
        const value = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content
        return {type: 'code', lang, meta, value, position: this.position(start, this.lineEnd(map[1] - 1))} satisfies Code
      }
      case 'blockquote_open': {
        if (!map) throw new Unsupported()
        const start = this.skipSpaces(container.prefixEnd(map[0]))
        if (this.source[start] !== '>') throw new Unsupported()
        const quote: Container = {
          quoted: true,
          nested: true,
          prefixEnd: (line) => {
            const at = this.skipSpaces(container.prefixEnd(line))
            if (this.source[at] !== '>') throw new Unsupported()
            return at + 1
          },
        }
        const children = this.blocks(quote, 'blockquote_close') as BlockContent[]
        if (children.length === 0) throw new Unsupported()
        this.quoteGoesOn(container, children.at(-1)!.position!.end.line)
        // A quote's last lines of `>` alone: micromark's quote ends after them.
        if (map[1] > children.at(-1)!.position!.end.line) throw new Unsupported()
        return {type: 'blockquote', children, position: this.position(start, children.at(-1)!.position!.end.offset!)}
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open'
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close'
        const items: ListItem[] = []
        for (let item = this.next(); item.type !== close; item = this.next()) {
          if (item.type !== 'list_item_open') throw new Unsupported()
          items.push(this.listItem(item, container, ordered))
        }
        if (items.length === 0) throw new Unsupported()
        let spread = false
        for (let index = 1; index < items.length; index++) if (items[index]!.position!.start.line - items[index - 1]!.position!.end.line > 1) spread = true
        this.quoteGoesOn(container, items.at(-1)!.position!.end.line)
        const first = items[0]!.position!
        const start = ordered ? Number.parseInt(token.attrGet('start') ?? '1', 10) : null
        return {type: 'list', ordered, start, spread, children: items, position: {start: first.start, end: items.at(-1)!.position!.end}} satisfies List
      }
      case 'table_open':
        return this.table(token, container)
      case 'footnote_reference_open': {
        const label = token.meta?.label
        if (!label || !footnoteLabel.test(label)) throw new Unsupported()
        const first = this.tokens[this.index]
        if (!first?.map) throw new Unsupported()
        const start = this.skipSpaces(container.prefixEnd(first.map[0]))
        const marker = `[^${label}]:`
        if (!this.source.startsWith(marker, start)) throw new Unsupported()
        const children = this.blocks(container, 'footnote_reference_close') as Array<BlockContent | DefinitionContent>
        if (children.length === 0) throw new Unsupported()
        return {type: 'footnoteDefinition', identifier: label.toLowerCase(), label, children, position: this.position(start, children.at(-1)!.position!.end.offset!)} satisfies FootnoteDefinition
      }
      default:
        // Indented code, setext headings, and anything else markdown-it makes: micromark's.
        throw new Unsupported()
    }
  }

  /**
   * micromark ends a list or quote inside a quote after the next line's `>` when the outer quote goes on
   * (its end is past the prefix of a line it is not on): left to micromark.
   */
  quoteGoesOn(container: Container, after: number): void {
    if (container.quoted && after < this.lineCount && this.source[this.skipSpaces(this.lineStart(after))] === '>') throw new Unsupported()
  }

  listItem(token: Token, container: Container, ordered: boolean): ListItem {
    const map = token.map
    if (!map) throw new Unsupported()
    const start = this.skipSpaces(container.prefixEnd(map[0]))
    const marker = ordered ? token.info + token.markup : token.markup
    if (!this.source.startsWith(marker, start)) throw new Unsupported()
    const markerEnd = start + marker.length
    const item: Container = {quoted: container.quoted, nested: true, prefixEnd: (line) => (line === map[0] ? markerEnd : container.prefixEnd(line))}
    const children = this.blocks(item, 'list_item_close') as Array<BlockContent | DefinitionContent>
    if (children.length === 0) throw new Unsupported()
    let spread = false
    for (let index = 1; index < children.length; index++) if (children[index]!.position!.start.line - children[index - 1]!.position!.end.line > 1) spread = true
    const checked = this.taskCheck(children[0]!, map[0])
    return {type: 'listItem', spread, checked, children, position: this.position(start, children.at(-1)!.position!.end.offset!)}
  }

  /** GFM's task check (`[ ]`, `[x]`) at the start of an item's first paragraph: taken off it, as GFM does. */
  taskCheck(first: BlockContent | DefinitionContent, line: number): boolean | null {
    if (first.type !== 'paragraph') return null
    const head = first.children[0]
    // GFM takes a check only with whitespace after it.
    if (!head || head.type !== 'text' || !/^\[[ xX]\]([ \n]|$)/.test(head.value)) return null
    const match = /^\[([ xX])\] (?=[^ \n])/.exec(head.value)
    // `[ ]` at an item's first line with one space and text after it: anything else is left to micromark.
    if (!match || head.position!.start.line !== line + 1 || this.source.slice(head.position!.start.offset!, head.position!.start.offset! + 4) !== match[0]) throw new Unsupported()
    head.value = head.value.slice(4)
    head.position!.start = this.point(head.position!.start.offset! + 4)
    first.position!.start = {...head.position!.start}
    return match[1] !== ' '
  }

  table(token: Token, container: Container): Table {
    const map = token.map
    if (!map) throw new Unsupported()
    // After a blank line or a paragraph's line, before a blank line or a list item or heading, every row with
    // outer pipes: where GFM and markdown-it could end or start a table differently, micromark's.
    const before = this.tokens[this.index - 3]
    const afterParagraph = before?.type === 'inline' && before.map?.[1] === map[0] && this.tokens[this.index - 2]?.type === 'paragraph_close'
    if (map[0] > 0 && !this.blankLine(map[0] - 1) && !afterParagraph) throw new Unsupported()
    if (!this.blankLine(map[1]) && !/^(?:#{1,6} |[-*+] )[^|]*$/.test(this.source.slice(this.skipSpaces(container.prefixEnd(map[1])), this.lineEnd(map[1])))) throw new Unsupported()
    const row = (line: number) => {
      const start = this.skipSpaces(container.prefixEnd(line))
      let end = this.lineEnd(line)
      while (end > start && this.source.charCodeAt(end - 1) === 32) end--
      const text = this.source.slice(start, end)
      if (!text.startsWith('|') || !text.endsWith('|') || text.length < 2 || text.includes('\\')) throw new Unsupported()
      const pipes: number[] = []
      for (let at = start; at < end; at++) if (this.source.charCodeAt(at) === 124) pipes.push(at)
      return {start, end, pipes}
    }
    const delimiter = row(map[0] + 1)
    const align: Table['align'] = []
    for (let index = 0; index + 1 < delimiter.pipes.length; index++) {
      const cell = this.source.slice(delimiter.pipes[index]! + 1, delimiter.pipes[index + 1]).trim()
      if (!/^:?-+:?$/.test(cell)) throw new Unsupported()
      align.push(cell.startsWith(':') ? (cell.endsWith(':') ? 'center' : 'left') : cell.endsWith(':') ? 'right' : null)
    }
    const rows: TableRow[] = []
    let line = map[0]
    for (let next = this.next(); next.type !== 'table_close'; next = this.next()) {
      if (next.type === 'thead_open' || next.type === 'thead_close' || next.type === 'tbody_open' || next.type === 'tbody_close') continue
      if (next.type !== 'tr_open') throw new Unsupported()
      const {start, end, pipes} = row(line)
      if (pipes.length - 1 !== align.length) throw new Unsupported()
      const cells: TableCell[] = []
      for (let cell = this.next(); cell.type !== 'tr_close'; cell = this.next()) {
        if (cell.type !== 'th_open' && cell.type !== 'td_open') throw new Unsupported()
        const inline = this.next()
        if (inline.type !== 'inline' || this.next().type !== `${cell.tag}_close`) throw new Unsupported()
        const index = cells.length
        const from = pipes[index]!
        const to = index + 2 === pipes.length ? end : pipes[index + 1]!
        let children: PhrasingContent[] = []
        if (inline.content) {
          const at = this.skipSpaces(from + 1)
          if (this.source.slice(at, pipes[index + 1]).trimEnd() !== inline.content) throw new Unsupported()
          children = this.inlines(inline, new Span(inline.content, [{start: at, end: at + inline.content.length}], this.source))
        } else if (this.source.slice(from + 1, pipes[index + 1]).trim() !== '') throw new Unsupported()
        cells.push({type: 'tableCell', children, position: this.position(from, to)})
      }
      if (cells.length !== align.length) throw new Unsupported()
      rows.push({type: 'tableRow', children: cells, position: this.position(start, end)})
      line += line === map[0] ? 2 : 1
    }
    if (line !== map[1]) throw new Unsupported()
    // A table of a header alone ends with its delimiter row.
    const end = rows.length === 1 ? this.point(delimiter.end) : rows.at(-1)!.position!.end
    return {type: 'table', align, children: rows, position: {start: rows[0]!.position!.start, end}}
  }

  /** A block's inline tokens as mdast phrasing, each read back from the block's text. */
  inlines(inline: Token, span: Span): PhrasingContent[] {
    const reader = new InlineReader(this, span, inline.children ?? [])
    const nodes = reader.read(undefined)
    if (reader.cursor !== span.content.length || reader.index !== reader.tokens.length) throw new Unsupported()
    return nodes
  }
}

class InlineReader {
  cursor = 0
  index = 0

  constructor(
    private readonly converter: Converter,
    private readonly span: Span,
    readonly tokens: Token[],
  ) {}

  private get text(): string {
    return this.span.content
  }

  private expect(markup: string): number {
    if (!this.text.startsWith(markup, this.cursor)) throw new Unsupported()
    const start = this.cursor
    this.cursor += markup.length
    return start
  }

  private skipSpaces(): void {
    while (this.text.charCodeAt(this.cursor) === 32) this.cursor++
  }

  /** Phrasing up to (and past) the token of type `close`, or to the end; adjacent text merged, as mdast has it. */
  read(close: string | undefined): PhrasingContent[] {
    const nodes: PhrasingContent[] = []
    let pieces: Piece[] = []
    const flush = () => {
      if (pieces.length === 0) return
      const value = pieces.map((piece) => piece.value).join('')
      nodes.push({type: 'text', value, position: this.converter.position(pieces[0]!.start, pieces.at(-1)!.end)})
      pieces = []
    }
    const node = (item: PhrasingContent) => {
      flush()
      nodes.push(item)
    }
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index++]!
      if (token.level >= deepest) throw new Unsupported()
      if (token.type === close) {
        flush()
        return nodes
      }
      switch (token.type) {
        case 'text': {
          if (token.content === '') break
          const start = this.cursor
          this.decoded(token.content)
          pieces.push({value: token.content, start: this.span.at(start), end: this.span.after(this.cursor)})
          break
        }
        case 'softbreak': {
          this.skipSpaces()
          const at = this.expect('\n')
          pieces.push({value: '\n', start: this.span.at(at), end: this.span.at(at) + 1})
          this.skipSpaces()
          break
        }
        case 'hardbreak': {
          const start = this.cursor
          if (this.text[this.cursor] === '\\') this.cursor++
          else {
            this.skipSpaces()
            if (this.cursor - start < 2) throw new Unsupported()
          }
          this.expect('\n')
          const end = this.span.at(this.cursor - 1) + 1
          node({type: 'break', position: this.converter.position(this.span.at(start), end)})
          this.skipSpaces()
          break
        }
        case 'em_open':
        case 'strong_open': {
          const start = this.expect(token.markup)
          const children = this.read(token.type === 'em_open' ? 'em_close' : 'strong_close')
          this.expect(token.markup)
          const type = token.type === 'em_open' ? 'emphasis' : 'strong'
          node({type, children, position: this.converter.position(this.span.at(start), this.span.after(this.cursor))} as PhrasingContent)
          break
        }
        case 'code_inline': {
          const start = this.expect(token.markup)
          const close = this.closingTicks(token.markup)
          const inner = this.text.slice(this.cursor, close)
          if (inner.includes('\n')) throw new Unsupported()
          const value = inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && /[^ ]/.test(inner) ? inner.slice(1, -1) : inner
          if (value !== token.content) throw new Unsupported()
          this.cursor = close + token.markup.length
          node({type: 'inlineCode', value, position: this.converter.position(this.span.at(start), this.span.after(this.cursor))})
          break
        }
        case 'html_inline': {
          const start = this.expect(token.content)
          node({type: 'html', value: token.content, position: this.converter.position(this.span.at(start), this.span.after(this.cursor))})
          break
        }
        case 'footnote_ref': {
          const label = token.meta?.label
          if (!label || !footnoteLabel.test(label)) throw new Unsupported()
          const start = this.expect(`[^${label}]`)
          node({type: 'footnoteReference', identifier: label.toLowerCase(), label, position: this.converter.position(this.span.at(start), this.span.after(this.cursor))})
          break
        }
        case 'link_open': {
          const url = token.attrGet('href')
          if (url === null) throw new Unsupported()
          if (token.markup === 'autolink') {
            const start = this.expect('<')
            const inner = this.tokens[this.index++]
            if (inner?.type !== 'text' || this.tokens[this.index++]?.type !== 'link_close') throw new Unsupported()
            const textStart = this.expect(inner.content)
            this.expect('>')
            if (url !== inner.content && url !== `mailto:${inner.content}`) throw new Unsupported()
            const child = {type: 'text' as const, value: inner.content, position: this.converter.position(this.span.at(textStart), this.span.after(textStart + inner.content.length))}
            node({type: 'link', title: null, url, children: [child], position: this.converter.position(this.span.at(start), this.span.after(this.cursor))})
            break
          }
          if (token.markup !== '' || token.info !== '') throw new Unsupported()
          const start = this.expect('[')
          const children = this.read('link_close')
          const title = this.resource(url, token.attrGet('title'))
          node({type: 'link', title, url, children, position: this.converter.position(this.span.at(start), this.span.after(this.cursor))})
          break
        }
        case 'image': {
          const url = token.attrGet('src')
          if (url === null) throw new Unsupported()
          const start = this.expect('![')
          const label = new InlineReader(this.converter, this.span, token.children ?? [])
          label.cursor = this.cursor
          const alt = label.read(undefined)
          if (label.index !== label.tokens.length) throw new Unsupported()
          this.cursor = label.cursor
          const title = this.resource(url, token.attrGet('title'))
          node({type: 'image', title, url, alt: altText(alt), position: this.converter.position(this.span.at(start), this.span.after(this.cursor))})
          break
        }
        default:
          throw new Unsupported()
      }
    }
    if (close) throw new Unsupported()
    flush()
    return nodes
  }

  /** Read a text token's source: its characters, escapes and character references, checked against what markdown-it decoded. */
  private decoded(value: string): void {
    const text = this.text
    let at = 0
    while (at < value.length) {
      const code = text[this.cursor]
      if (code === '\\' && asciiPunctuation.test(text[this.cursor + 1] ?? '') && value[at] === text[this.cursor + 1]) {
        this.cursor += 2
        at++
        continue
      }
      if (code === '&') {
        const reference = characterReference.exec(text.slice(this.cursor, this.cursor + 40))
        if (reference) {
          const decoded = unescapeAll(reference[0])
          if (decoded !== reference[0] && value.startsWith(decoded, at)) {
            this.cursor += reference[0].length
            at += decoded.length
            continue
          }
        }
      }
      if (code !== value[at] || code === '\n') throw new Unsupported()
      this.cursor++
      at++
    }
  }

  private closingTicks(ticks: string): number {
    const text = this.text
    let from = this.cursor
    for (;;) {
      const at = text.indexOf(ticks, from)
      if (at === -1) throw new Unsupported()
      let end = at + ticks.length
      if (text[at - 1] !== '`' && text[end] !== '`') return at
      while (text[end] === '`') end++
      from = end
    }
  }

  /** After a link's or image's label: `](destination "title")`, read as markdown-it read it. Returns the title. */
  private resource(url: string, title: string | null): string | null {
    const text = this.text
    this.expect('](')
    const max = text.length
    const whitespace = () => {
      while (this.cursor < max && (text[this.cursor] === ' ' || text[this.cursor] === '\n')) this.cursor++
    }
    whitespace()
    let readTitle: string | null = null
    const destination = parseLinkDestination(text, this.cursor, max)
    if (destination.ok) {
      if (unescapeAll(destination.str) !== url && destination.str !== url) throw new Unsupported()
      this.cursor = destination.pos
      const before = this.cursor
      whitespace()
      if (this.cursor < max && before !== this.cursor) {
        const parsed = parseLinkTitle(text, this.cursor, max)
        if (parsed.ok) {
          readTitle = parsed.str
          this.cursor = parsed.pos
          whitespace()
        }
      }
    } else if (url !== '') throw new Unsupported()
    this.expect(')')
    if ((title ?? null) !== (readTitle === null ? null : readTitle)) {
      if (!(title === null && readTitle === '')) throw new Unsupported()
    }
    if (text.slice(0, this.cursor).includes('\n')) throw new Unsupported()
    return readTitle === null ? null : readTitle
  }
}

function altText(nodes: PhrasingContent[]): string {
  let alt = ''
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') alt += node.value
    else if (node.type === 'emphasis' || node.type === 'strong') alt += altText(node.children)
    else throw new Unsupported()
  }
  return alt
}

/** YAML front matter as remark-frontmatter reads it: `---` lines around it, at the very start. */
function frontMatter(source: string): {node: Yaml; end: number} | undefined {
  if (!source.startsWith('---')) return undefined
  const first = source.indexOf('\n')
  if (first !== 3) throw new Unsupported()
  const rest = source.slice(4)
  const match = /(^|\n)---(\n|$)/.exec(rest)
  if (!match) throw new Unsupported()
  const closeStart = 4 + match.index + match[1]!.length
  const end = closeStart + 3
  const value = source.slice(4, Math.max(4, closeStart - 1))
  return {node: {type: 'yaml', value, position: undefined}, end}
}

/**
 * Parse notes with markdown-it into the mdast the notes' micromark parser
 * makes (bare addresses not yet linked). Throws `Unsupported` where that is
 * not certain.
 */
/**
 * The delimiter row of a table of one column (`-|`, `| --- |`): GFM makes a table of the line above it, markdown-it a
 * paragraph (found by the fuzzed comparison with remark-gfm, `www.` / `  -|`). Left to micromark.
 */
const oneColumnDelimiterRow = /^[^\S\n]*(?:\|[^\S\n]*:?-+:?[^\S\n]*\|?|:?-+:?[^\S\n]*\|)[^\S\n]*$/m

export function parseMarkdownIt(source: string): Root {
  if (unsupportedCharacter.test(source) || delimiterBesideUnicode(source) || longDelimiterRun.test(source) || oneColumnDelimiterRow.test(source)) throw new Unsupported()
  const front = frontMatter(source)
  // The front matter is blanked out, its lines kept: markdown-it sees blank lines there, and every offset stays.
  const body = front ? source.slice(0, front.end).replace(/[^\n]/g, ' ') + source.slice(front.end) : source
  const env: {references?: Record<string, unknown>} = {}
  const tokens = md.parse(body, env as never) as unknown as Token[]
  if (env.references && Object.keys(env.references).length > 0) throw new Unsupported()
  const converter = new Converter(source, tokens)
  const root: Container = {prefixEnd: (line) => converter.lineStart(line)}
  const children = converter.blocks(root)
  if (front) {
    front.node.position = converter.position(0, front.end)
    children.unshift(front.node)
  }
  const tree: Root = {type: 'root', children, position: converter.position(0, source.length)}
  checkFootnoteCalls(source, tree)
  return tree
}

/** Every `[^` of the source is a footnote call or definition of the tree: a label markdown-it matched differently from GFM (case, spaces) is micromark's. */
function checkFootnoteCalls(source: string, tree: Root): void {
  let count = 0
  for (let at = source.indexOf('[^'); at !== -1; at = source.indexOf('[^', at + 2)) count++
  if (count === 0) return
  let found = 0
  const visit = (node: {type: string; children?: unknown[]}) => {
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') found++
    if (node.children) for (const child of node.children) visit(child as {type: string})
  }
  visit(tree)
  if (found !== count) throw new Unsupported()
}
