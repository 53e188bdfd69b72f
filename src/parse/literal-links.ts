/**
 * Bare URLs, `www.` addresses and emails as links, without GFM's
 * literal-autolink syntax extension.
 *
 * That extension hooks every letter and digit of the notes: micromark tries
 * an email at the start of every word, which was a quarter of the parse.
 * Notes hold a few addresses, so this plugin parses with the rest of GFM
 * (tables, footnotes, strikethrough, task lists) and finds the addresses
 * afterwards in one linear pass over the text nodes, with the extension's
 * own rules, so the tree is the same: the same link nodes, the same text
 * around them and the same source positions (diagnostics point with them).
 * `mdast-util-gfm-autolink-literal`'s tree transform, which GFM runs after
 * parsing to link what the syntax did not (an address after a quote mark, a
 * `mailto:`), then runs as before, on the few blocks that hold an address.
 *
 * The pass reads the source around each text node as micromark would have.
 * Where that is not certain (an address with a character escape or
 * reference in it, one that would run on into emphasis or a link, an open
 * `[` before it) it does not guess: the file is parsed again with the
 * extension, which costs a second parse of that file only.
 */
import type {Link, Nodes, Parent, Root, Text} from 'mdast'
import remarkGfm from 'remark-gfm'
import type {Processor} from 'unified'
import type {Point} from 'unist'

/** Construct names of the literal-autolink syntax extension (`micromark-extension-gfm-autolink-literal`). */
const literalConstructs = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink'])

type Transform = (tree: Root) => Root | undefined | void
interface SyntaxExtension {
  text?: Record<string, Array<{name?: string}>>
  [hook: string]: unknown
}
interface MdastExtension {
  enter?: Record<string, unknown>
  transforms?: Transform[]
}
type Parse = (document: string, file: unknown) => Root

/** Parsing was given up for this file: it is parsed again with the syntax extension. */
class Uncertain extends Error {}

/** Files parsed again with the syntax extension, since the process started (for the tests and benchmarks). */
export const literalLinkStats = {parsed: 0, reparsed: 0, fast: 0}

export interface NotesGfmOptions {
  /**
   * A faster first parser that returns the same tree as micromark without
   * the literal-autolink syntax, or undefined where it cannot be sure
   * (`markdown-it.ts`); micromark parses what it leaves.
   */
  fast?: (document: string) => Root | undefined
}

/**
 * remark-gfm, without its literal-autolink syntax: bare URLs, `www.` and
 * emails are linked after parsing (see above). Use after remark-parse.
 */
export default function remarkNotesGfm(this: Processor, options: NotesGfmOptions = {}): void {
  remarkGfm.call(this as never)
  const data = this.data() as {micromarkExtensions?: SyntaxExtension[]; fromMarkdownExtensions?: Array<MdastExtension | MdastExtension[]>}
  const fullSyntax = data.micromarkExtensions ?? []
  const fullMdast = data.fromMarkdownExtensions ?? []
  const gfmSyntax = fullSyntax.at(-1)
  const gfmMdast = fullMdast.at(-1)
  const literal = Array.isArray(gfmMdast) ? gfmMdast.find((extension) => extension.enter && 'literalAutolink' in extension.enter) : undefined
  const transform = literal?.transforms?.[0]
  if (!gfmSyntax?.text || !Array.isArray(gfmMdast) || !literal || !transform) throw new Error('remark-gfm is not as expected: cannot leave out its literal-autolink syntax (see src/parse/literal-links.ts)')

  const text: Record<string, Array<{name?: string}>> = {}
  for (const [code, constructs] of Object.entries(gfmSyntax.text)) {
    const kept = constructs.filter((construct) => !literalConstructs.has(construct.name ?? ''))
    if (kept.length > 0) text[code] = kept
  }
  const leanSyntax = [...fullSyntax.slice(0, -1), {...gfmSyntax, text}]
  const leanMdast = [...fullMdast.slice(0, -1), gfmMdast.filter((extension) => extension !== literal)]
  data.micromarkExtensions = leanSyntax
  data.fromMarkdownExtensions = leanMdast

  const parse = this.parser as Parse | undefined
  if (!parse) throw new Error('remarkNotesGfm runs after remark-parse')
  this.parser = ((document: string, file: unknown) => {
    literalLinkStats.parsed++
    const fast = options.fast?.(document)
    if (fast) literalLinkStats.fast++
    const tree = fast ?? parse(document, file)
    try {
      linkLiterals(tree, document, transform)
      return tree
    } catch (error) {
      if (!(error instanceof Uncertain)) throw error
      literalLinkStats.reparsed++
      data.micromarkExtensions = fullSyntax
      data.fromMarkdownExtensions = fullMdast
      try {
        return parse(document, file)
      } finally {
        data.micromarkExtensions = leanSyntax
        data.fromMarkdownExtensions = leanMdast
      }
    }
  }) as never
}

/** Where an address can start, in the source or in a text node's value: `@`, `www.`, `http://`, `https://`. */
const candidate = /@|www\.|https?:\/\//i

/** A block whose children are phrasing: one run of micromark's text tokenizer. */
interface Block {
  node: Parent
  /** Source offsets of its inline content. */
  start: number
  end: number
  /** The source of the block holds an address start. */
  addresses: boolean
  /**
   * Label starts (`[`, `![`) before the text being scanned that no `]` has
   * closed yet: GFM links no address after an open one. A link, image or
   * reference node is closed; its brackets are not counted.
   */
  open: number
  /** Run GFM's tree transform over it. */
  transform: boolean
  /** The first paragraph of a task list item (`- [ ] …`): GFM moved its start past the check. */
  task: boolean
}

/**
 * Link the bare addresses of a tree parsed without the literal-autolink
 * syntax, as that syntax and GFM's transform would have. Throws `Uncertain`
 * where it cannot be sure of doing the same.
 */
export function linkLiterals(tree: Root, source: string, transform: Transform): void {
  if (!candidate.test(source) && !source.includes('&') && !source.includes('\\')) return
  const pass = new Pass(source)
  const blocks: Block[] = []
  const visit = (parent: Parent, block: Block | undefined) => {
    const children = parent.children as Nodes[]
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      if (child.type === 'text') {
        if (!block) throw new Uncertain()
        const replacement = pass.text(child, block)
        if (replacement) {
          children.splice(index, 1, ...replacement)
          index += replacement.length - 1
        }
        continue
      }
      if (child.type === 'link' || child.type === 'linkReference' || !('children' in child)) continue
      if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'tableCell') {
        if (child.children.length === 0) continue
        const inner = pass.block(child, parent)
        blocks.push(inner)
        visit(child, inner)
      } else visit(child, block)
    }
  }
  visit(tree, undefined)
  for (const block of blocks) if (block.transform) transform(block.node as unknown as Root)
}

// micromark's character codes for what a value holds: tabs and line endings are negative.
const tab = -2
const lineFeed = -4
const carriageReturn = -5

const punctuation = /\p{P}|\p{S}/u
const whitespace = /\s/
const asciiClass = new Int8Array(128)
const alpha = 1
const digit = 2
const punctuationBit = 4
const whitespaceBit = 8
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code)
  asciiClass[code] = (/[A-Za-z]/.test(char) ? alpha : 0) | (/\d/.test(char) ? digit : 0) | (punctuation.test(char) ? punctuationBit : 0) | (whitespace.test(char) ? whitespaceBit : 0)
}
const isAlpha = (code: number | null) => code !== null && code >= 0 && code < 128 && (asciiClass[code]! & alpha) !== 0
const isAlphanumeric = (code: number | null) => code !== null && code >= 0 && code < 128 && (asciiClass[code]! & (alpha | digit)) !== 0
const isPunctuation = (code: number | null) => code !== null && code > -1 && (code < 128 ? (asciiClass[code]! & punctuationBit) !== 0 : punctuation.test(String.fromCharCode(code)))
const isUnicodeWhitespace = (code: number | null) => code !== null && code > -1 && (code < 128 ? (asciiClass[code]! & whitespaceBit) !== 0 : whitespace.test(String.fromCharCode(code)))
const isLineEndingOrSpace = (code: number | null) => code !== null && (code < 0 || code === 32)
const isControl = (code: number | null) => code !== null && (code < 32 || code === 127)
const isAtext = (code: number | null) => code === 43 || code === 45 || code === 46 || code === 95 || isAlphanumeric(code)
const isSpace = (code: number | null) => code === null || isLineEndingOrSpace(code) || isUnicodeWhitespace(code)
/** The characters a trail may hold (`tokenizeTrail`). */
const trailing = new Set([33, 34, 39, 41, 42, 44, 46, 58, 59, 63, 95, 126])
/** The characters where a path checks for a trail (`tokenizePath`). */
const pathPunctuation = new Set([33, 34, 38, 39, 41, 42, 44, 46, 58, 59, 60, 63, 93, 95, 126])

const previousWww = (code: number | null) => code === null || code === 40 || code === 42 || code === 95 || code === 91 || code === 93 || code === 126 || isLineEndingOrSpace(code)
const previousProtocol = (code: number | null) => !isAlpha(code)
const previousEmail = (code: number | null) => !(code === 47 || isAtext(code))

function codeOf(char: number): number {
  if (char === 9) return tab
  if (char === 10) return lineFeed
  if (char === 13) return carriageReturn
  return char === 0 ? 0xfffd : char
}

type Kind = 'www' | 'http' | 'email'

/** The pass over one file's text nodes. */
class Pass {
  readonly #source: string
  #lines: number[] | undefined
  // The text node being scanned: its value, where its characters are in the source, and its block.
  #value = ''
  #length = 0
  #map: Int32Array | undefined
  #start = 0
  #end = 0
  #block: Block | undefined

  constructor(source: string) {
    this.#source = source
  }

  block(node: Parent, parent: Parent): Block {
    const first = node.children[0]!.position
    const last = node.children[node.children.length - 1]!.position
    if (!first || !last || !node.position) throw new Uncertain()
    // A paragraph's text runs to its end, trailing whitespace included, and so does a setext heading's (up to
    // its underline); an ATX heading's or a cell's stops at its last child.
    const start = first.start.offset!
    let end = node.type === 'paragraph' ? node.position.end.offset! : last.end.offset!
    if (node.type === 'heading' && this.#source.charCodeAt(node.position.start.offset!) !== 35) {
      while (this.#source.charCodeAt(end) === 32 || this.#source.charCodeAt(end) === 9) end++
    }
    const task = parent.type === 'listItem' && typeof (parent as {checked?: unknown}).checked === 'boolean' && parent.children.find((child) => child.type === 'paragraph') === node
    return {node, start, end, addresses: candidate.test(this.#source.slice(start, end)), open: 0, transform: false, task}
  }

  /** The nodes a text node becomes, or nothing when it stays. */
  text(node: Text, block: Block): Array<Text | Link> | undefined {
    const value = node.value
    if (!block.addresses) {
      if (candidate.test(value)) block.transform = true
      return undefined
    }
    const position = node.position
    if (!position) throw new Uncertain()
    const start = position.start.offset!
    const end = position.end.offset!
    this.#value = value
    this.#length = value.length
    this.#start = start
    this.#end = end
    this.#block = block
    this.#map = this.#source.slice(start, end) === value ? undefined : align(value, this.#source, start, end)
    this.#checkUnderscoreBefore(block)
    const found: Array<[number, number, Kind]> = []
    for (let index = 0; index < this.#length; ) {
      const code = this.#code(index)
      const email = isAtext(code)
      const www = code === 87 || code === 119
      const http = code === 72 || code === 104
      let link: [number, Kind] | undefined
      if (email || www || http) {
        const previous = index === 0 ? this.#previousOutside(block) : this.#code(index - 1)
        // The order micromark tries them in: an email first.
        let after = email && previousEmail(previous) ? this.#email(index) : -1
        if (after > 0) link = [after, 'email']
        else {
          after = www && previousWww(previous) ? this.#www(index) : http && previousProtocol(previous) ? this.#protocol(index) : -1
          if (after > 0) link = [after, www ? 'www' : 'http']
        }
        if (link && block.open > 0) link = undefined
      }
      if (!link) {
        if (code === 91) block.open++
        else if (code === 93 && block.open > 0) block.open--
        index++
        continue
      }
      const [after, kind] = link
      // A link that runs past this text node would have changed what came after it.
      if (after > this.#length) throw new Uncertain()
      for (let inside = index + 1; inside < after; inside++) if (this.#raw(inside) !== this.#raw(inside - 1) + 1) throw new Uncertain()
      if (after < this.#length && this.#raw(after) !== this.#raw(after - 1) + 1) throw new Uncertain()
      found.push([index, after, kind])
      index = after
    }
    if (found.length === 0) {
      if (candidate.test(value)) block.transform = true
      return undefined
    }
    if (block.task && found[0]![0] === 0 && block.node.children[0] === node) this.#beforeCheck(block, node)
    const nodes: Array<Text | Link> = []
    let from = 0
    for (const [linkStart, linkEnd, kind] of found) {
      if (linkStart > from) nodes.push(this.#textNode(from, linkStart, node))
      const literal = value.slice(linkStart, linkEnd)
      const at = {start: this.#point(this.#raw(linkStart)), end: this.#point(this.#raw(linkEnd - 1) + 1)}
      const url = kind === 'www' ? `http://${literal}` : kind === 'email' ? `mailto:${literal}` : literal
      nodes.push({type: 'link', title: null, url, children: [{type: 'text', value: literal, position: {start: {...at.start}, end: {...at.end}}}], position: at})
      from = linkEnd
    }
    if (from < this.#length) nodes.push(this.#textNode(from, this.#length, node))
    for (const piece of nodes) if (piece.type === 'text' && candidate.test(piece.value)) block.transform = true
    return nodes
  }

  /** The text node for value[from, to), from a text node split around links. */
  #textNode(from: number, to: number, node: Text): Text {
    const position = node.position!
    const start = from === 0 ? {...position.start} : this.#point(this.#raw(from - 1) + 1)
    const end = to === this.#length ? {...position.end} : this.#point(this.#raw(to - 1) + 1)
    return {type: 'text', value: this.#value.slice(from, to), position: {start, end}}
  }

  /**
   * A task item's paragraph that starts with an address: GFM's text before
   * it was the one space after the check, which mdast-util-gfm-task-list-item
   * removed without moving the paragraph's start past the check.
   */
  #beforeCheck(block: Block, node: Text): void {
    const start = node.position!.start.offset!
    if (block.node.position!.start.offset !== start || !/^\[[ xX]\][ \t]$/.test(this.#source.slice(start - 4, start))) throw new Uncertain()
    block.node.position!.start = this.#point(start - 4)
  }

  /** The code micromark saw before the text node: none at the start of its block. */
  #previousOutside(block: Block): number | null {
    if (this.#start <= block.start) return null
    const char = this.#source.charCodeAt(this.#start - 1)
    // A quote's `>` (micromark saw a line ending), or markup's: not told apart here.
    if (char === 62) throw new Uncertain()
    return codeOf(char)
  }

  /** An emphasis `_` just before the node: an email could have started at it, had the syntax been there. */
  #checkUnderscoreBefore(block: Block): void {
    if (this.#start <= block.start || this.#source.charCodeAt(this.#start - 1) !== 95) return
    let index = 0
    while (index < this.#length && isAtext(this.#code(index))) index++
    if (index === this.#length || this.#code(index) === 64) throw new Uncertain()
  }

  /** The source offset of value[index]. */
  #raw(index: number): number {
    return this.#map ? this.#map[index]! : this.#start + index
  }

  /** The code at value index `index`; past the node's end, the source after it, as micromark read on. */
  #code(index: number): number | null {
    if (index < this.#length) return codeOf(this.#value.charCodeAt(index))
    const offset = this.#end + (index - this.#length)
    if (offset >= this.#block!.end) return null
    return codeOf(this.#source.charCodeAt(offset))
  }

  // The tokenizers of micromark-extension-gfm-autolink-literal, over codes: each returns the index after the link, or -1.

  #email(index: number): number {
    let at = index
    while (isAtext(this.#code(at))) at++
    if (this.#code(at) !== 64) return -1
    at++
    let data = false
    let dot = false
    for (;;) {
      const code = this.#code(at)
      if (code === 46) {
        if (!isAlphanumeric(this.#code(at + 1))) break
        dot = true
        at++
      } else if (code === 45 || code === 95 || isAlphanumeric(code)) {
        data = true
        at++
      } else break
    }
    return data && dot && isAlpha(this.#code(at - 1)) ? at : -1
  }

  #www(index: number): number {
    const w = (offset: number) => {
      const code = this.#code(index + offset)
      return code === 87 || code === 119
    }
    if (!(w(0) && w(1) && w(2) && this.#code(index + 3) === 46 && this.#code(index + 4) !== null)) return -1
    const domain = this.#domain(index)
    return domain < 0 ? -1 : this.#path(domain)
  }

  #protocol(index: number): number {
    let at = index + 1
    let protocol = String.fromCharCode(this.#code(index)!)
    while (isAlpha(this.#code(at)) && protocol.length < 5) protocol += String.fromCharCode(this.#code(at++)!)
    if (this.#code(at) !== 58) return -1
    protocol = protocol.toLowerCase()
    if (protocol !== 'http' && protocol !== 'https') return -1
    if (this.#code(at + 1) !== 47 || this.#code(at + 2) !== 47) return -1
    at += 3
    const code = this.#code(at)
    if (code === null || isControl(code) || isSpace(code) || isPunctuation(code)) return -1
    const domain = this.#domain(at)
    return domain < 0 ? -1 : this.#path(domain)
  }

  #domain(index: number): number {
    let at = index
    let underscoreInLast = false
    let underscoreInLastButOne = false
    let seen = false
    for (;;) {
      const code = this.#code(at)
      if (code === 46 || code === 95) {
        if (this.#trail(at)) break
        if (code === 95) underscoreInLast = true
        else {
          underscoreInLastButOne = underscoreInLast
          underscoreInLast = false
        }
        at++
        continue
      }
      if (isSpace(code) || (code !== 45 && isPunctuation(code))) break
      seen = true
      at++
    }
    return underscoreInLast || underscoreInLastButOne || !seen ? -1 : at
  }

  #path(index: number): number {
    let at = index
    let open = 0
    let close = 0
    for (;;) {
      const code = this.#code(at)
      if (code === 40) {
        open++
        at++
      } else if (code === 41 && close < open) {
        close++
        at++
      } else if (code !== null && pathPunctuation.has(code)) {
        if (this.#trail(at)) return at
        if (code === 41) close++
        at++
      } else if (isSpace(code)) return at
      else at++
    }
  }

  /** Is what starts at `index` a trail (punctuation up to whitespace, the end or `<`)? */
  #trail(index: number): boolean {
    let at = index
    for (;;) {
      const code = this.#code(at)
      if (code !== null && trailing.has(code)) {
        at++
      } else if (code === 38) {
        at++
        if (!isAlpha(this.#code(at))) return false
        while (isAlpha(this.#code(at))) at++
        if (this.#code(at) !== 59) return false
        at++
      } else if (code === 93) {
        at++
        const next = this.#code(at)
        if (next === 40 || next === 91 || isSpace(next)) return true
      } else return code === 60 || isSpace(code)
    }
  }

  /** The point of a source offset. */
  #point(offset: number): Point {
    return pointAt((this.#lines ??= lineStarts(this.#source)), offset)
  }
}

/** The point of a source offset, given where each line starts. */
export function pointAt(lines: number[], offset: number): Point {
  let low = 0
  let high = lines.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (lines[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return {line: low + 1, column: offset - lines[low]! + 1, offset}
}

/** The offsets where the source's lines start (after `\n`, `\r\n` or `\r`). */
/** Where each line starts (after LF, CR or CRLF). */
export function lineStarts(source: string): number[] {
  const starts = [0]
  if (!source.includes('\r')) {
    for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1)
    return starts
  }
  for (let index = 0; index < source.length; index++) {
    const char = source.charCodeAt(index)
    if (char === 13 && source.charCodeAt(index + 1) === 10) index++
    if (char === 10 || char === 13) starts.push(index + 1)
  }
  return starts
}

/**
 * Where each character of a text node's value is in the source, when the
 * source of the node holds more than its value: what micromark leaves out
 * of a paragraph's text, a line's indentation or a quote's `>` after a line
 * ending, and spaces before one. Anything else (an escape, a character
 * reference) is not followed.
 */
function align(value: string, source: string, start: number, end: number): Int32Array {
  const map = new Int32Array(value.length)
  let at = start
  for (let index = 0; index < value.length; index++) {
    const char = value.charCodeAt(index)
    for (;;) {
      if (at >= end) throw new Uncertain()
      const raw = source.charCodeAt(at)
      if (raw === char) break
      const afterLine = index > 0 && value.charCodeAt(index - 1) === 10
      if ((raw === 32 || raw === 9) && (char === 10 || afterLine)) at++
      else if (raw === 62 && afterLine) at++
      else throw new Uncertain()
    }
    map[index] = at++
  }
  if (at !== end) throw new Uncertain()
  return map
}
