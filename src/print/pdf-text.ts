/**
 * The text of a PDF as a reader gets it, read straight from the page
 * content streams: each glyph a text-showing operator draws (`Tj`, `TJ`,
 * `'`, `"`, in forms drawn with `Do` too) is turned into characters through
 * its font's ToUnicode map, and placed where the text and graphics state
 * put it. Words and lines are told apart as pdf.js's `getTextContent` tells
 * them (the same thresholds on the gap between glyphs, the same breaks at a
 * change of font and at marked content), so the words are pdf.js's words,
 * at a fraction of the cost: no font program is parsed, no worker started.
 *
 * Chromium (Skia) writes simple PDFs: a classic cross-reference table,
 * Flate-compressed content, Type0 fonts with Identity-H encoding and a
 * ToUnicode map. Anything this reader does not know (another filter or
 * encoding, a font without a ToUnicode map, vertical writing, a
 * cross-reference stream) throws `UnreadablePdf`, and the caller reads the
 * file with pdf.js instead: an unknown construct is never read as no text.
 */
import zlib from 'node:zlib'
import {decodeText, dictOf, getObject, pageObjects, PdfParser, type PdfFile, type PdfValue, readPdf, resolve} from './pdf-file.js'

/** A construct this reader does not handle: read the file with a full PDF reader instead. */
export class UnreadablePdf extends Error {}

type Matrix = [number, number, number, number, number, number]
const identity: Matrix = [1, 0, 0, 1, 0, 0]

/** `a × b`, PDF's row-vector convention: `a` applied first. */
function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ]
}

interface Font {
  /** Bytes per character code: 2 for Identity-H, 1 for simple fonts. */
  bytes: 1 | 2
  /** What each code reads as (codes that read as nothing left out). */
  glyphs: Map<number, Glyph>
  /** Advance of a code in text space units (1/1000 of the font size for non-Type3 fonts, already scaled). */
  width: (code: number) => number
}

/** The bytes of a stream object, decoded. */
export function streamBytes(file: PdfFile, value: PdfValue | undefined): Buffer {
  const num = value?.kind === 'ref' ? value.num : undefined
  const offset = num === undefined ? undefined : file.offsets.get(num)
  if (num === undefined || offset === undefined) throw new UnreadablePdf('a stream that is not an indirect object')
  const parser = new PdfParser(file.text, offset)
  parser.word()
  parser.word()
  if (parser.word() !== 'obj') throw new UnreadablePdf(`object ${num} is not where the cross-reference table says`)
  const dict = parser.value()
  if (dict.kind !== 'dict' || parser.word() !== 'stream') throw new UnreadablePdf(`object ${num} is not a stream`)
  let start = parser.position
  if (file.text[start] === '\r') start++
  if (file.text[start] === '\n') start++
  const length = resolve(file, dict.entries.get('Length'))
  if (length?.kind !== 'number') throw new UnreadablePdf(`stream ${num} has no length`)
  // The stream's bytes themselves where the file's are at hand (a view, not a copy), else its latin1 text's.
  const raw = file.bytes
    ? Buffer.from(file.bytes.buffer, file.bytes.byteOffset + start, Math.max(0, Math.min(length.value, file.bytes.byteLength - start)))
    : Buffer.from(file.text.slice(start, start + length.value), 'latin1')
  const filter = resolve(file, dict.entries.get('Filter'))
  const filters = filter === undefined ? [] : filter.kind === 'array' ? filter.items : [filter]
  if (filters.length === 0) return raw
  if (filters.length === 1 && filters[0]!.kind === 'name' && filters[0]!.name === 'FlateDecode' && !dict.entries.has('DecodeParms')) return zlib.inflateSync(raw)
  throw new UnreadablePdf(`stream ${num} has a filter this reader does not decode`)
}

/** The code → text map of a ToUnicode CMap (`bfchar` and `bfrange` sections). */
export function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>()
  const hex = (value: string) => Number.parseInt(value, 16)
  const utf16 = (value: string) => {
    const units: number[] = []
    for (let index = 0; index + 4 <= value.length; index += 4) units.push(hex(value.slice(index, index + 4)))
    if (value.length === 2) units.push(hex(value))
    return units
  }
  const text = (units: number[]) => normalise(String.fromCharCode(...units))
  for (const [, body] of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const [, from, to] of body!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]*)>/gi)) map.set(hex(from!), text(utf16(to!)))
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const [, low, high, to, list] of body!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(?:<([0-9a-f]*)>|\[([^\]]*)\])/gi)) {
      const first = hex(low!)
      const last = Math.min(hex(high!), first + 0xffff)
      if (list !== undefined) {
        const targets = [...list.matchAll(/<([0-9a-f]*)>/gi)].map((match) => text(utf16(match[1]!)))
        targets.forEach((target, index) => first + index <= last && map.set(first + index, target))
      } else {
        const units = utf16(to!)
        for (let code = first; code <= last; code++) {
          const shifted = [...units]
          shifted[shifted.length - 1] = shifted.at(-1)! + (code - first)
          map.set(code, text(shifted))
        }
      }
    }
  }
  return map
}

function numberOf(file: PdfFile, value: PdfValue | undefined, fallback: number): number {
  const resolved = resolve(file, value)
  return resolved?.kind === 'number' ? resolved.value : fallback
}

function loadFont(file: PdfFile, value: PdfValue | undefined): Font {
  const font = dictOf(file, value)
  if (!font) throw new UnreadablePdf('a font that is not a dictionary')
  const subtype = resolve(file, font.get('Subtype'))
  const toUnicode = font.get('ToUnicode')
  if (!toUnicode) throw new UnreadablePdf('a font without a ToUnicode map')
  const glyphs = new Map<number, Glyph>()
  for (const [code, text] of toUnicodeMap(streamBytes(file, toUnicode).toString('latin1'))) if (text) glyphs.set(code, new Glyph(text))
  if (subtype?.kind === 'name' && subtype.name === 'Type0') {
    const encoding = resolve(file, font.get('Encoding'))
    if (encoding?.kind !== 'name' || encoding.name !== 'Identity-H') throw new UnreadablePdf('a composite font not in Identity-H encoding')
    const descendants = resolve(file, font.get('DescendantFonts'))
    const descendant = descendants?.kind === 'array' ? dictOf(file, descendants.items[0]) : undefined
    if (!descendant) throw new UnreadablePdf('a composite font without its descendant')
    const defaultWidth = numberOf(file, descendant.get('DW'), 1000)
    const widths = new Map<number, number>()
    const list = resolve(file, descendant.get('W'))
    if (list?.kind === 'array') {
      const items = list.items.map((item) => resolve(file, item))
      for (let index = 0; index < items.length; ) {
        const first = items[index]
        const next = items[index + 1]
        if (first?.kind !== 'number') break
        if (next?.kind === 'array') {
          next.items.forEach((width, offset) => widths.set(first.value + offset, numberOf(file, width, defaultWidth)))
          index += 2
        } else {
          const last = next?.kind === 'number' ? next.value : first.value
          const width = numberOf(file, items[index + 2], defaultWidth)
          for (let code = first.value; code <= last && code - first.value < 0x10000; code++) widths.set(code, width)
          index += 3
        }
      }
    }
    return {bytes: 2, glyphs, width: (code) => (widths.get(code) ?? defaultWidth) / 1000}
  }
  const firstChar = numberOf(file, font.get('FirstChar'), 0)
  const widthList = resolve(file, font.get('Widths'))
  const widths = widthList?.kind === 'array' ? widthList.items.map((item) => numberOf(file, item, 0)) : []
  let scale = 1 / 1000
  if (subtype?.kind === 'name' && subtype.name === 'Type3') {
    const matrix = resolve(file, font.get('FontMatrix'))
    scale = matrix?.kind === 'array' ? numberOf(file, matrix.items[0], 0.001) : 0.001
  }
  return {bytes: 1, glyphs, width: (code) => (widths[code - firstChar] ?? 0) * scale}
}


/** A name operand (`/F1`). */
class Name {
  constructor(readonly name: string) {}
}

/** A string operand: its bytes, decoded into the lexer's `strings` at `start`…`end`, until the lexer reads the next operator. */
class Bytes {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}
}

/** A dictionary operand (a marked-content property list): where its source lies in the content, `<<` to `>>`; read only if asked. */
class Dictionary {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}
}

/** An operand of a content-stream operator: a number, a name, a string's bytes, a dictionary's place, an array, or something skipped (`null`). */
type Operand = number | Name | Bytes | Dictionary | Operand[] | null

const enum Char {
  Space = 0x20,
  Percent = 0x25,
  OpenParen = 0x28,
  CloseParen = 0x29,
  Slash = 0x2f,
  Less = 0x3c,
  Greater = 0x3e,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

/**
 * The operators the reader acts on, each as the code `operatorCode` gives it
 * (its bytes, the first lowest); any other token of three bytes or fewer has
 * another code, a longer one `Op.Long`.
 */
const enum Op {
  Long = -1,
  q = 0x71,
  Q = 0x51,
  cm = 0x6d63,
  BT = 0x5442,
  Tf = 0x6654,
  Tc = 0x6354,
  Tw = 0x7754,
  TL = 0x4c54,
  Ts = 0x7354,
  Tz = 0x7a54,
  Td = 0x6454,
  TD = 0x4454,
  Tm = 0x6d54,
  TStar = 0x2a54,
  Tj = 0x6a54,
  Quote = 0x27,
  DoubleQuote = 0x22,
  TJ = 0x4a54,
  BDC = 0x434442,
  BMC = 0x434d42,
  EMC = 0x434d45,
  gs = 0x7367,
  Do = 0x6f44,
  BI = 0x4942,
}

/** The code of the operator `bytes[start…end)` (see `Op`). */
function operatorCode(bytes: Uint8Array, start: number, end: number): number {
  if (end - start > 3) return Op.Long
  let code = 0
  for (let index = start; index < end; index++) code |= bytes[index]! << (8 * (index - start))
  return code
}

/** 1 for whitespace, 2 for a delimiter, 0 for a regular character (PDF 32000, 7.2.2). */
const charClass = new Uint8Array(256)
for (const code of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) charClass[code] = 1
for (const code of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) charClass[code] = 2

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  if (code >= 0x61 && code <= 0x66) return code - 0x57
  if (code >= 0x41 && code <= 0x46) return code - 0x37
  return -1
}

/** What `ContentLexer`'s token reader found that is not an operand. */
const operator = Symbol('operator')
const end = Symbol('end')

/**
 * A lexer for content streams, on the bytes: an operator is read as a
 * number (`Op`), a number as it is scanned, and a string's bytes are
 * decoded into one buffer that the next operator reuses, so what a page
 * skips (paths, colours, marked-content tags) builds no strings, and its
 * operands no objects. (The object parser of `pdf-file.ts` reads every
 * number as a possible reference and keeps each token's source text.)
 */
class ContentLexer {
  position = 0
  /** The operands of the operator `next` returned: `operands[0…count)`. */
  readonly operands: Operand[] = []
  count = 0
  /** The decoded bytes of the string operands of the operator `next` returned. */
  strings = new Uint8Array(256)
  #stringsEnd = 0
  #operator = 0
  constructor(readonly bytes: Uint8Array) {}

  /** The next operator's code (`Op`), its operands in `operands`; undefined at the end. */
  next(): number | undefined {
    this.count = 0
    this.#stringsEnd = 0
    for (;;) {
      const token = this.#token()
      if (token === operator) return this.#operator
      if (token === end) return undefined
      this.operands[this.count++] = token
    }
  }

  /** Operand `index` of the current operator, if it has one. */
  operand(index: number): Operand | undefined {
    return index < this.count ? this.operands[index] : undefined
  }

  /** The string operand's bytes as one latin1 character each. */
  text(value: Bytes): string {
    return latin1(this.strings, value.start, value.end)
  }

  #skipSpace(): void {
    const {bytes} = this
    while (this.position < bytes.length) {
      const code = bytes[this.position]!
      if (charClass[code] === 1) this.position++
      else if (code === Char.Percent) {
        while (this.position < bytes.length && bytes[this.position] !== 0x0a && bytes[this.position] !== 0x0d) this.position++
      } else break
    }
  }

  #pushByte(byte: number): void {
    if (this.#stringsEnd === this.strings.length) {
      const grown = new Uint8Array(this.strings.length * 2)
      grown.set(this.strings)
      this.strings = grown
    }
    this.strings[this.#stringsEnd++] = byte
  }

  /** An operand, `operator` (its code in `#operator`), or `end`. */
  #token(): Operand | typeof operator | typeof end {
    this.#skipSpace()
    const {bytes} = this
    if (this.position >= bytes.length) return end
    const code = bytes[this.position]!
    if (charClass[code] !== 2) {
      const start = this.position
      // A number, read as it is lexed (most tokens of a page are numbers).
      let index = start
      let sign = 1
      if (code === 0x2d || code === 0x2b) {
        if (code === 0x2d) sign = -1
        index++
      }
      let value = 0
      let scale = 0
      let digits = 0
      for (; index < bytes.length; index++) {
        const at = bytes[index]!
        if (at >= 0x30 && at <= 0x39) {
          value = value * 10 + (at - 0x30)
          if (scale) scale *= 10
          digits++
        } else if (at === 0x2e && !scale) scale = 1
        else break
      }
      if (digits > 0 && (index >= bytes.length || charClass[bytes[index]!] !== 0)) {
        this.position = index
        return (sign * value) / (scale || 1)
      }
      while (this.position < bytes.length && charClass[bytes[this.position]!] === 0) this.position++
      this.#operator = operatorCode(bytes, start, this.position)
      return operator
    }
    switch (code) {
      case Char.Slash: {
        const start = ++this.position
        while (this.position < bytes.length && charClass[bytes[this.position]!] === 0) this.position++
        const raw = latin1(bytes, start, this.position)
        return new Name(raw.includes('#') ? raw.replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : raw)
      }
      case Char.OpenParen:
        return this.#literal()
      case Char.Less: {
        if (bytes[this.position + 1] === Char.Less) {
          const start = this.position
          this.position += 2
          this.#skipDictionary()
          return new Dictionary(start, this.position)
        }
        this.position++
        const start = this.#stringsEnd
        let high = -1
        while (this.position < bytes.length && bytes[this.position] !== Char.Greater) {
          const digit = hexValue(bytes[this.position++]!)
          if (digit < 0) continue
          if (high < 0) high = digit
          else {
            this.#pushByte((high << 4) | digit)
            high = -1
          }
        }
        if (high >= 0) this.#pushByte(high << 4)
        this.position++
        return new Bytes(start, this.#stringsEnd)
      }
      case Char.OpenBracket: {
        this.position++
        const items: Operand[] = []
        for (;;) {
          this.#skipSpace()
          if (this.position >= bytes.length) throw new UnreadablePdf('an unterminated array in a content stream')
          if (bytes[this.position] === Char.CloseBracket) {
            this.position++
            return items
          }
          const token = this.#token()
          if (token === end || token === operator) throw new UnreadablePdf('an operator inside an array in a content stream')
          items.push(token)
        }
      }
      default:
        // `)`, `>`, `]`, `{`, `}` out of place: PostScript calculator braces in a Type 3 glyph, or damage.
        this.position++
        return null
    }
  }

  /** Skip to the end of a dictionary (a marked-content property list). */
  #skipDictionary(): void {
    let depth = 1
    const {bytes} = this
    while (this.position < bytes.length && depth > 0) {
      const code = bytes[this.position]!
      if (code === Char.OpenParen) this.#skipLiteral()
      else if (code === Char.Less && bytes[this.position + 1] === Char.Less) {
        depth++
        this.position += 2
      } else if (code === Char.Less) {
        // A hex string: its `>` closes it, not the dictionary.
        while (this.position < bytes.length && bytes[this.position] !== Char.Greater) this.position++
        this.position++
      } else if (code === Char.Greater && bytes[this.position + 1] === Char.Greater) {
        depth--
        this.position += 2
      } else this.position++
    }
  }

  /** Skip a literal string from its `(`, keeping nothing of it. */
  #skipLiteral(): void {
    const mark = this.#stringsEnd
    this.#literal()
    this.#stringsEnd = mark
  }

  /** A literal string from its `(`, its bytes decoded. */
  #literal(): Bytes {
    const {bytes} = this
    const start = this.#stringsEnd
    let depth = 0
    for (this.position++; this.position < bytes.length; this.position++) {
      const code = bytes[this.position]!
      if (code === Char.Backslash) {
        const next = bytes[++this.position]!
        if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30
          for (let digits = 1; digits < 3 && bytes[this.position + 1]! >= 0x30 && bytes[this.position + 1]! <= 0x37; digits++) octal = octal * 8 + (bytes[++this.position]! - 0x30)
          this.#pushByte(octal & 0xff)
        } else if (next === 0x0d) {
          if (bytes[this.position + 1] === 0x0a) this.position++
        } else if (next !== 0x0a) this.#pushByte(literalEscapes[next] ?? next)
        continue
      }
      if (code === Char.OpenParen) depth++
      else if (code === Char.CloseParen) {
        if (depth === 0) {
          this.position++
          return new Bytes(start, this.#stringsEnd)
        }
        depth--
      }
      this.#pushByte(code)
    }
    throw new UnreadablePdf('an unterminated string in a content stream')
  }
}

/** `\n`, `\r`, `\t`, `\b`, `\f` in a literal string, as the bytes they stand for. */
const literalEscapes: Record<number, number> = {0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = ''
  for (let index = start; index < end; index++) text += String.fromCharCode(bytes[index]!)
  return text
}

// pdf.js's thresholds (getTextContent), in units of the font size.
const trackingSpace = 0.102
const negativeSpace = -0.2
const verticalShift = 0.25
/** Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms. */
const rightToLeft = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/

/** What a font's code reads as, classed once a font rather than at every glyph drawn. */
class Glyph {
  /** White space only: a word break. */
  readonly space: boolean
  /** Right-to-left script, which this reader does not put in reading order. */
  readonly rightToLeft: boolean
  constructor(readonly text: string) {
    this.space = /^\s+$/.test(text)
    this.rightToLeft = rightToLeft.test(text)
  }
}

/**
 * The text of one page's content: words separated as pdf.js separates them
 * (its items joined by spaces, a new line at each line break), lines by `\n`.
 */
class PageReader {
  readonly #file: PdfFile
  readonly #fonts: Map<string, Font>
  readonly #parts: string[] = []
  /** Is there a glyph before in this run, and where it ended (device space), and its font size there. */
  #hasLast = false
  #lastX = 0
  #lastY = 0
  #lastSize = 0
  /** Is there text since the last break (a space or a new line)? */
  #open = false
  #pendingSpace = false
  /**
   * A marked-content span with an ActualText (Skia wraps a ligature's glyph in one: `/Span <</ActualText (ffl)>> BDC`):
   * its glyphs read as that text, in the word around it, as a reader reads them (pdf.js reads the glyph as a word apart).
   */
  #replacement: {text: string; depth: number; shown: boolean} | undefined
  readonly #box: [number, number, number, number]

  constructor(file: PdfFile, fonts: Map<string, Font>, box: [number, number, number, number]) {
    this.#file = file
    this.#fonts = fonts
    this.#box = box
  }

  get text(): string {
    return this.#parts.join('')
  }

  /** An item ends here (pdf.js: a flush): the next text starts a new word. */
  #flush(): void {
    if (this.#open) this.#pendingSpace = true
  }

  #newLine(): void {
    this.#parts.push('\n')
    this.#open = false
    this.#pendingSpace = false
  }

  #glyph(glyph: Glyph, x: number, y: number, endX: number, endY: number, size: number): void {
    const [left, bottom, right, top] = this.#box
    // pdf.js leaves out glyphs that start off the page (a clipped or hidden overflow).
    if (endX < left || x > right || y < bottom || y > top) return
    // pdf.js puts right-to-left runs back in reading order (the Unicode bidi algorithm); this reader does not.
    if (glyph.rightToLeft) throw new UnreadablePdf('right-to-left text')
    if (glyph.space && !this.#replacement) {
      // A space glyph: a word break, wherever it is.
      if (this.#open) this.#pendingSpace = true
      return
    }
    if (this.#hasLast) {
      const lastSize = this.#lastSize
      const advanceX = x - this.#lastX
      const advanceY = y - this.#lastY
      if (advanceX < negativeSpace * lastSize) {
        if (Math.abs(advanceY) > 0.5 * lastSize) this.#newLine()
        else this.#flush()
      } else if (Math.abs(advanceY) > lastSize) this.#newLine()
      else if (advanceX > trackingSpace * lastSize) this.#flush()
      else if (Math.abs(advanceY) > verticalShift * lastSize) this.#flush()
    }
    if (this.#pendingSpace) this.#parts.push(' ')
    this.#pendingSpace = false
    const replacement = this.#replacement
    if (replacement) {
      // The glyphs of a span with an ActualText are that text, once.
      if (!replacement.shown) this.#parts.push(replacement.text)
      replacement.shown = true
    } else this.#parts.push(glyph.text)
    this.#open = true
    this.#hasLast = true
    this.#lastX = endX
    this.#lastY = endY
    this.#lastSize = size
  }

  /** Run a content stream with these resources under this transformation. */
  run(content: Uint8Array, resources: Map<string, PdfValue> | undefined, ctm: Matrix, depth = 0): void {
    if (depth > 12) throw new UnreadablePdf('forms nested too deep')
    const file = this.#file
    const fontResources = dictOf(file, resources?.get('Font'))
    const xobjects = dictOf(file, resources?.get('XObject'))
    const lexer = new ContentLexer(content)
    const stack: Array<{ctm: Matrix; font: Font | undefined; size: number; state: TextState}> = []
    let font: Font | undefined
    let size = 0
    let state: TextState = {charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0, rise: 0}
    // The text matrix and the text line matrix, changed in place (a glyph moves the text matrix: no new array a glyph).
    const tm = new Float64Array(identity)
    const tlm = new Float64Array(identity)
    const num = (index: number) => {
      const value = lexer.operand(index)
      return typeof value === 'number' ? value : 0
    }
    const nameOf = (value: Operand | undefined) => (value instanceof Name ? value.name : undefined)
    const moveLine = (tx: number, ty: number) => {
      const x = tx * tlm[0]! + ty * tlm[2]! + tlm[4]!
      const y = tx * tlm[1]! + ty * tlm[3]! + tlm[5]!
      tlm[4] = x
      tlm[5] = y
      tm.set(tlm)
    }
    const setLine = (matrix: Matrix) => {
      tlm.set(matrix)
      tm.set(tlm)
    }
    const advance = (tx: number) => {
      tm[4] = tx * tm[0]! + tm[4]!
      tm[5] = tx * tm[1]! + tm[5]!
    }
    const show = (value: Operand | undefined) => {
      if (!(value instanceof Bytes)) return
      if (!font) throw new UnreadablePdf('text shown with no font set')
      const bytes = lexer.strings
      const step = font.bytes
      for (let index = value.start; index + step <= value.end; index += step) {
        const code = step === 2 ? (bytes[index]! << 8) | bytes[index + 1]! : bytes[index]!
        const width = font.width(code) * size
        const glyph = font.glyphs.get(code)
        if (glyph) {
          // Text space to device space: the text matrix, then the graphics state's (`multiply(tm, ctm)`).
          const trm0 = tm[0]! * ctm[0] + tm[1]! * ctm[2]
          const trm1 = tm[0]! * ctm[1] + tm[1]! * ctm[3]
          const trm2 = tm[2]! * ctm[0] + tm[3]! * ctm[2]
          const trm3 = tm[2]! * ctm[1] + tm[3]! * ctm[3]
          if (trm1 !== 0 || trm2 !== 0) throw new UnreadablePdf('rotated or skewed text')
          const x = tm[4]! * ctm[0] + tm[5]! * ctm[2] + ctm[4]
          const y = state.rise * trm3 + (tm[4]! * ctm[1] + tm[5]! * ctm[3] + ctm[5])
          this.#glyph(glyph, x, y, x + width * state.scale * trm0, y, Math.abs(size * trm3))
        }
        advance((width + state.charSpacing + (step === 1 && code === 32 ? state.wordSpacing : 0)) * state.scale)
      }
    }
    for (let op = lexer.next(); op !== undefined; op = lexer.next()) {
      switch (op) {
        case Op.q:
          stack.push({ctm, font, size, state: {...state}})
          break
        case Op.Q: {
          const saved = stack.pop()
          if (saved) ({ctm, font, size, state} = saved)
          break
        }
        case Op.cm:
          ctm = multiply([num(0), num(1), num(2), num(3), num(4), num(5)], ctm)
          break
        case Op.BT:
          setLine(identity)
          break
        case Op.Tf: {
          const key = nameOf(lexer.operand(0))
          if (key === undefined) throw new UnreadablePdf('a font set by something other than its name')
          // pdf.js starts a new word at every change of font, even inside one (`S` then `MALL` in synthesised small
          // capitals); here the gap between the glyphs decides, as it does for a reader.
          const ref = fontResources?.get(key)
          const cacheKey = ref?.kind === 'ref' ? `#${ref.num}` : undefined
          let loaded = cacheKey ? this.#fonts.get(cacheKey) : undefined
          if (!loaded) {
            loaded = loadFont(file, ref)
            if (cacheKey) this.#fonts.set(cacheKey, loaded)
          }
          font = loaded
          size = num(1)
          break
        }
        case Op.Tc:
          state.charSpacing = num(0)
          break
        case Op.Tw:
          state.wordSpacing = num(0)
          break
        case Op.TL:
          state.leading = num(0)
          break
        case Op.Ts:
          state.rise = num(0)
          break
        case Op.Tz:
          state.scale = num(0) / 100
          break
        case Op.Td:
          moveLine(num(0), num(1))
          break
        case Op.TD:
          state.leading = -num(1)
          moveLine(num(0), num(1))
          break
        case Op.Tm:
          setLine([num(0), num(1), num(2), num(3), num(4), num(5)])
          break
        case Op.TStar:
          moveLine(0, -state.leading)
          break
        case Op.Tj:
          show(lexer.operand(0))
          break
        case Op.Quote:
          moveLine(0, -state.leading)
          show(lexer.operand(0))
          break
        case Op.DoubleQuote:
          state.wordSpacing = num(0)
          state.charSpacing = num(1)
          moveLine(0, -state.leading)
          show(lexer.operand(2))
          break
        case Op.TJ: {
          const items = lexer.operand(0)
          if (!Array.isArray(items)) break
          for (const item of items) {
            if (typeof item === 'number') advance((-item / 1000) * size * state.scale)
            else show(item)
          }
          break
        }
        case Op.BDC:
        case Op.BMC: {
          const actual = op === Op.BDC ? actualText(content, lexer.operand(1)) : undefined
          if (actual !== undefined && !this.#replacement) this.#replacement = {text: actual, depth: 0, shown: false}
          else if (this.#replacement) this.#replacement.depth++
          else this.#flush()
          break
        }
        case Op.EMC:
          if (this.#replacement && this.#replacement.depth-- === 0) {
            // Nothing drawn in the span (a clipped glyph, say): its text is not on the page either.
            this.#replacement = undefined
          } else if (!this.#replacement) this.#flush()
          break
        case Op.gs: {
          const name = nameOf(lexer.operand(0))
          const gstate = name === undefined ? undefined : dictOf(file, dictOf(file, resources?.get('ExtGState'))?.get(name))
          if (gstate?.has('Font')) throw new UnreadablePdf('a font set through a graphics state')
          break
        }
        case Op.Do: {
          this.#flush()
          const name = nameOf(lexer.operand(0))
          const ref = name === undefined ? undefined : xobjects?.get(name)
          const xobject = dictOf(file, ref)
          const subtype = resolve(file, xobject?.get('Subtype'))
          if (xobject && subtype?.kind === 'name' && subtype.name === 'Form') {
            const matrix = resolve(file, xobject.get('Matrix'))
            const formMatrix: Matrix = matrix?.kind === 'array' && matrix.items.length === 6 ? (matrix.items.map((item) => numberOf(file, item, 0)) as Matrix) : identity
            this.run(streamBytes(file, ref), dictOf(file, xobject.get('Resources')) ?? resources, multiply(formMatrix, ctm), depth + 1)
          }
          break
        }
        case Op.BI: {
          // An inline image: its data runs from `ID` to `EI`, and may hold any bytes.
          const data = Buffer.from(content.buffer, content.byteOffset, content.byteLength)
          const imageEnd = data.indexOf('EI', data.indexOf('ID', lexer.position))
          if (imageEnd === -1) throw new UnreadablePdf('an inline image with no end')
          lexer.position = imageEnd + 2
          break
        }
      }
    }
    this.#flush()
  }
}

const actualTextKey = Buffer.from('/ActualText', 'latin1')

/** The ActualText of a marked-content property list (a dictionary in `content`), if it has one. */
function actualText(content: Uint8Array, properties: Operand | undefined): string | undefined {
  if (!(properties instanceof Dictionary)) return undefined
  const source = Buffer.from(content.buffer, content.byteOffset + properties.start, properties.end - properties.start)
  if (!source.includes(actualTextKey)) return undefined
  try {
    const dictionary = new PdfParser(source.toString('latin1')).value()
    const value = dictionary.kind === 'dict' ? dictionary.entries.get('ActualText') : undefined
    return value?.kind === 'string' ? normalise(decodeText(value.bytes)) : undefined
  } catch {
    return undefined
  }
}

/** Latin ligature characters as their letters (`ﬁ` → `fi`), as pdf.js gives them. */
function normalise(text: string): string {
  return /[\ufb00-\ufb06]/.test(text) ? text.replace(/[\ufb00-\ufb06]/g, (ligature) => ligature.normalize('NFKC')) : text
}

interface TextState {
  charSpacing: number
  wordSpacing: number
  /** Horizontal scaling, as a fraction. */
  scale: number
  leading: number
  rise: number
}

/**
 * The text of every page, pages separated as `pdfText` separates them
 * (`\n\f\n`); throws `UnreadablePdf` for anything it does not read.
 */
export function contentText(pdf: Uint8Array): string {
  let file: PdfFile
  try {
    file = readPdf(pdf)
  } catch (error) {
    throw new UnreadablePdf((error as Error).message)
  }
  if (file.trailer.has('Encrypt')) throw new UnreadablePdf('an encrypted PDF')
  const fonts = new Map<string, Font>()
  const pages: string[] = []
  for (const num of pageObjects(file)) {
    const page = getObject(file, num)
    if (page?.kind !== 'dict') throw new UnreadablePdf(`page ${num} is not a dictionary`)
    const inherited = (key: string): PdfValue | undefined => {
      let node: Map<string, PdfValue> | undefined = page.entries
      for (let depth = 0; node && depth < 32; depth++) {
        if (node.has(key)) return node.get(key)
        node = dictOf(file, node.get('Parent'))
      }
      return undefined
    }
    const box = resolve(file, inherited('CropBox') ?? inherited('MediaBox'))
    const corners = box?.kind === 'array' && box.items.length === 4 ? box.items.map((item) => numberOf(file, item, 0)) : [0, 0, 0, 0]
    if (resolve(file, inherited('Rotate'))?.kind === 'number' && numberOf(file, inherited('Rotate'), 0) % 360 !== 0) throw new UnreadablePdf('a rotated page')
    const reader = new PageReader(file, fonts, [Math.min(corners[0]!, corners[2]!), Math.min(corners[1]!, corners[3]!), Math.max(corners[0]!, corners[2]!), Math.max(corners[1]!, corners[3]!)])
    const contents = inherited('Contents')
    const resolved = contents?.kind === 'ref' ? resolve(file, contents) : contents
    const streams = resolved?.kind === 'array' ? resolved.items : contents ? [contents] : []
    const data = Buffer.concat(streams.flatMap((stream) => [streamBytes(file, stream), Buffer.from('\n')]))
    reader.run(data, dictOf(file, inherited('Resources')), identity)
    pages.push(reader.text)
  }
  return pages.join('\n\f\n')
}

/** Keys whose string values a reader is shown besides the pages: alternative text, outline and document titles, link targets. */
const shownKeys = /\/(Alt|ActualText|E|Title|Author|Subject|Keywords|Contents|URI)\s*(?=\(|<(?!<))/g

/**
 * The strings of a PDF that a reader gets outside the page content, one a
 * line: a figure's alternative text (what a screen reader says), the
 * outline's titles, the document information, link targets. Read from the
 * whole file, whatever its structure.
 */
export function documentStrings(pdf: Uint8Array): string {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  const found: string[] = []
  for (const match of text.matchAll(shownKeys)) {
    try {
      const value = new PdfParser(text, match.index + match[0].length).value()
      if (value.kind === 'string') found.push(decodeText(value.bytes).replace(/\s+/g, ' ').trim())
    } catch {
      // Not an object after all (bytes of a compressed stream that look like one).
    }
  }
  return found.filter(Boolean).join('\n')
}
