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
  /** Unicode text of each code. */
  unicode: Map<number, string>
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
  const raw = Buffer.from(file.text.slice(start, start + length.value), 'latin1')
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
  const unicode = toUnicodeMap(streamBytes(file, toUnicode).toString('latin1'))
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
    return {bytes: 2, unicode, width: (code) => (widths.get(code) ?? defaultWidth) / 1000}
  }
  const firstChar = numberOf(file, font.get('FirstChar'), 0)
  const widthList = resolve(file, font.get('Widths'))
  const widths = widthList?.kind === 'array' ? widthList.items.map((item) => numberOf(file, item, 0)) : []
  let scale = 1 / 1000
  if (subtype?.kind === 'name' && subtype.name === 'Type3') {
    const matrix = resolve(file, font.get('FontMatrix'))
    scale = matrix?.kind === 'array' ? numberOf(file, matrix.items[0], 0.001) : 0.001
  }
  return {bytes: 1, unicode, width: (code) => (widths[code - firstChar] ?? 0) * scale}
}


/** An operand of a content-stream operator: a number, a name (`{name}`), a string's bytes (`{bytes}`), a dictionary's source (`{dictionary}`), an array, or something skipped (`null`). */
type Operand = number | {name: string} | {bytes: string} | {dictionary: string} | Operand[] | null

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

/**
 * A lexer for content streams, on the bytes: the object parser of
 * `pdf-file.ts` reads every number as a possible reference and keeps each
 * token's source text, which made it most of the cost of reading a page.
 */
class ContentLexer {
  position = 0
  constructor(readonly bytes: Uint8Array) {}

  /** The next operator, with its operands pushed onto `operands`; undefined at the end. */
  next(operands: Operand[]): string | undefined {
    for (;;) {
      const token = this.#token()
      if (token === undefined) return undefined
      if (typeof token === 'string') return token
      operands.push(token.value)
    }
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

  /** An operator (a string), an operand (`{value}`), or undefined at the end. */
  #token(): string | {value: Operand} | undefined {
    this.#skipSpace()
    const {bytes} = this
    if (this.position >= bytes.length) return undefined
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
        return {value: (sign * value) / (scale || 1)}
      }
      while (this.position < bytes.length && charClass[bytes[this.position]!] === 0) this.position++
      return latin1(bytes, start, this.position)
    }
    switch (code) {
      case Char.Slash: {
        const start = ++this.position
        while (this.position < bytes.length && charClass[bytes[this.position]!] === 0) this.position++
        const raw = latin1(bytes, start, this.position)
        return {value: {name: raw.includes('#') ? raw.replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : raw}}
      }
      case Char.OpenParen:
        return {value: {bytes: this.#literal()}}
      case Char.Less: {
        if (bytes[this.position + 1] === Char.Less) {
          const start = this.position
          this.position += 2
          this.#skipDictionary()
          return {value: {dictionary: latin1(bytes, start, this.position)}}
        }
        this.position++
        let text = ''
        let high = -1
        while (this.position < bytes.length && bytes[this.position] !== Char.Greater) {
          const digit = hexValue(bytes[this.position++]!)
          if (digit < 0) continue
          if (high < 0) high = digit
          else {
            text += String.fromCharCode((high << 4) | digit)
            high = -1
          }
        }
        if (high >= 0) text += String.fromCharCode(high << 4)
        this.position++
        return {value: {bytes: text}}
      }
      case Char.OpenBracket: {
        this.position++
        const items: Operand[] = []
        for (;;) {
          this.#skipSpace()
          if (this.position >= bytes.length) throw new UnreadablePdf('an unterminated array in a content stream')
          if (bytes[this.position] === Char.CloseBracket) {
            this.position++
            return {value: items}
          }
          const token = this.#token()
          if (token === undefined || typeof token === 'string') throw new UnreadablePdf('an operator inside an array in a content stream')
          items.push(token.value)
        }
      }
      default:
        // `)`, `>`, `]`, `{`, `}` out of place: PostScript calculator braces in a Type 3 glyph, or damage.
        this.position++
        return {value: null}
    }
  }

  /** Skip to the end of a dictionary (a marked-content property list). */
  #skipDictionary(): void {
    let depth = 1
    const {bytes} = this
    while (this.position < bytes.length && depth > 0) {
      const code = bytes[this.position]!
      if (code === Char.OpenParen) this.#literal()
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

  /** A literal string from its `(`, as one latin1 character per byte. */
  #literal(): string {
    const {bytes} = this
    let depth = 0
    let text = ''
    for (this.position++; this.position < bytes.length; this.position++) {
      const code = bytes[this.position]!
      if (code === Char.Backslash) {
        const next = bytes[++this.position]!
        if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30
          for (let digits = 1; digits < 3 && bytes[this.position + 1]! >= 0x30 && bytes[this.position + 1]! <= 0x37; digits++) octal = octal * 8 + (bytes[++this.position]! - 0x30)
          text += String.fromCharCode(octal & 0xff)
        } else if (next === 0x0d) {
          if (bytes[this.position + 1] === 0x0a) this.position++
        } else if (next !== 0x0a) text += literalEscapes[next] ?? String.fromCharCode(next)
        continue
      }
      if (code === Char.OpenParen) depth++
      else if (code === Char.CloseParen) {
        if (depth === 0) {
          this.position++
          return text
        }
        depth--
      }
      text += String.fromCharCode(code)
    }
    throw new UnreadablePdf('an unterminated string in a content stream')
  }
}

const literalEscapes: Record<number, string> = {0x6e: '\n', 0x72: '\r', 0x74: '\t', 0x62: '\b', 0x66: '\f'}

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

/**
 * The text of one page's content: words separated as pdf.js separates them
 * (its items joined by spaces, a new line at each line break), lines by `\n`.
 */
class PageReader {
  readonly #file: PdfFile
  readonly #fonts: Map<string, Font>
  readonly #parts: string[] = []
  /** Where the last glyph of the current run ended (device space), and its font size there. */
  #last: {x: number; y: number; size: number} | undefined
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

  #glyph(text: string, x: number, y: number, endX: number, endY: number, size: number): void {
    const [left, bottom, right, top] = this.#box
    // pdf.js leaves out glyphs that start off the page (a clipped or hidden overflow).
    if (endX < left || x > right || y < bottom || y > top) return
    // pdf.js puts right-to-left runs back in reading order (the Unicode bidi algorithm); this reader does not.
    if (rightToLeft.test(text)) throw new UnreadablePdf('right-to-left text')
    if (/^\s+$/.test(text) && !this.#replacement) {
      // A space glyph: a word break, wherever it is.
      if (this.#open) this.#pendingSpace = true
      return
    }
    const last = this.#last
    if (last) {
      const advanceX = x - last.x
      const advanceY = y - last.y
      if (advanceX < negativeSpace * last.size) {
        if (Math.abs(advanceY) > 0.5 * last.size) this.#newLine()
        else this.#flush()
      } else if (Math.abs(advanceY) > last.size) this.#newLine()
      else if (advanceX > trackingSpace * last.size) this.#flush()
      else if (Math.abs(advanceY) > verticalShift * last.size) this.#flush()
    }
    if (this.#pendingSpace) this.#parts.push(' ')
    this.#pendingSpace = false
    const replacement = this.#replacement
    if (replacement) {
      // The glyphs of a span with an ActualText are that text, once.
      if (!replacement.shown) this.#parts.push(replacement.text)
      replacement.shown = true
    } else this.#parts.push(text)
    this.#open = true
    this.#last = {x: endX, y: endY, size}
  }

  /** Run a content stream with these resources under this transformation. */
  run(content: Uint8Array, resources: Map<string, PdfValue> | undefined, ctm: Matrix, depth = 0): void {
    if (depth > 12) throw new UnreadablePdf('forms nested too deep')
    const file = this.#file
    const fontResources = dictOf(file, resources?.get('Font'))
    const xobjects = dictOf(file, resources?.get('XObject'))
    const lexer = new ContentLexer(content)
    const operands: Operand[] = []
    const stack: Array<{ctm: Matrix; font: Font | undefined; size: number; state: TextState}> = []
    let font: Font | undefined
    let size = 0
    let state: TextState = {charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0, rise: 0}
    let tm: Matrix = identity
    let tlm: Matrix = identity
    const num = (index: number) => {
      const value = operands[index]
      return typeof value === 'number' ? value : 0
    }
    const nameOf = (value: Operand | undefined) => (value !== null && typeof value === 'object' && 'name' in value ? value.name : undefined)
    const moveLine = (tx: number, ty: number) => {
      tlm = [tlm[0], tlm[1], tlm[2], tlm[3], tx * tlm[0] + ty * tlm[2] + tlm[4], tx * tlm[1] + ty * tlm[3] + tlm[5]]
      tm = tlm
    }
    const advance = (tx: number) => {
      tm = [tm[0], tm[1], tm[2], tm[3], tx * tm[0] + tm[4], tx * tm[1] + tm[5]]
    }
    const show = (value: Operand | undefined) => {
      if (value === null || typeof value !== 'object' || !('bytes' in value)) return
      if (!font) throw new UnreadablePdf('text shown with no font set')
      const {bytes} = value
      for (let index = 0; index + font.bytes <= bytes.length; index += font.bytes) {
        const code = font.bytes === 2 ? (bytes.charCodeAt(index) << 8) | bytes.charCodeAt(index + 1) : bytes.charCodeAt(index)
        const width = font.width(code) * size
        const text = font.unicode.get(code)
        if (text) {
          // Text space to device space: the text matrix, then the graphics state's.
          const trm = multiply(tm, ctm)
          if (trm[1] !== 0 || trm[2] !== 0) throw new UnreadablePdf('rotated or skewed text')
          const x = trm[4]
          const y = state.rise * trm[3] + trm[5]
          this.#glyph(text, x, y, x + width * state.scale * trm[0], y, Math.abs(size * trm[3]))
        }
        advance((width + state.charSpacing + (font.bytes === 1 && code === 32 ? state.wordSpacing : 0)) * state.scale)
      }
    }
    for (let operator = lexer.next(operands); operator !== undefined; operator = lexer.next(operands)) {
      switch (operator) {
        case 'q':
          stack.push({ctm, font, size, state: {...state}})
          break
        case 'Q': {
          const saved = stack.pop()
          if (saved) ({ctm, font, size, state} = saved)
          break
        }
        case 'cm':
          ctm = multiply([num(0), num(1), num(2), num(3), num(4), num(5)], ctm)
          break
        case 'BT':
          tm = identity
          tlm = identity
          break
        case 'Tf': {
          const key = nameOf(operands[0])
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
        case 'Tc':
        case 'Tw':
        case 'TL':
        case 'Ts':
          state[textStateOperators[operator]] = num(0)
          break
        case 'Tz':
          state.scale = num(0) / 100
          break
        case 'Td':
          moveLine(num(0), num(1))
          break
        case 'TD':
          state.leading = -num(1)
          moveLine(num(0), num(1))
          break
        case 'Tm':
          tlm = [num(0), num(1), num(2), num(3), num(4), num(5)]
          tm = tlm
          break
        case 'T*':
          moveLine(0, -state.leading)
          break
        case 'Tj':
          show(operands[0])
          break
        case "'":
          moveLine(0, -state.leading)
          show(operands[0])
          break
        case '"':
          state.wordSpacing = num(0)
          state.charSpacing = num(1)
          moveLine(0, -state.leading)
          show(operands[2])
          break
        case 'TJ': {
          const items = operands[0]
          if (!Array.isArray(items)) break
          for (const item of items) {
            if (typeof item === 'number') advance((-item / 1000) * size * state.scale)
            else show(item)
          }
          break
        }
        case 'BDC':
        case 'BMC': {
          const actual = operator === 'BDC' ? actualText(operands[1]) : undefined
          if (actual !== undefined && !this.#replacement) this.#replacement = {text: actual, depth: 0, shown: false}
          else if (this.#replacement) this.#replacement.depth++
          else this.#flush()
          break
        }
        case 'EMC':
          if (this.#replacement && this.#replacement.depth-- === 0) {
            // Nothing drawn in the span (a clipped glyph, say): its text is not on the page either.
            this.#replacement = undefined
          } else if (!this.#replacement) this.#flush()
          break
        case 'gs': {
          const name = nameOf(operands[0])
          const gstate = name === undefined ? undefined : dictOf(file, dictOf(file, resources?.get('ExtGState'))?.get(name))
          if (gstate?.has('Font')) throw new UnreadablePdf('a font set through a graphics state')
          break
        }
        case 'Do': {
          this.#flush()
          const name = nameOf(operands[0])
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
        case 'BI': {
          // An inline image: its data runs from `ID` to `EI`, and may hold any bytes.
          const data = Buffer.from(content.buffer, content.byteOffset, content.byteLength)
          const end = data.indexOf('EI', data.indexOf('ID', lexer.position))
          if (end === -1) throw new UnreadablePdf('an inline image with no end')
          lexer.position = end + 2
          break
        }
      }
      operands.length = 0
    }
    this.#flush()
  }
}

/** The ActualText of a marked-content property list, if it has one. */
function actualText(properties: Operand | undefined): string | undefined {
  if (properties === null || typeof properties !== 'object' || !('dictionary' in properties) || !properties.dictionary.includes('/ActualText')) return undefined
  try {
    const dictionary = new PdfParser(properties.dictionary).value()
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

/** The operators that set one number of the text state, and which. */
const textStateOperators = {Tc: 'charSpacing', Tw: 'wordSpacing', TL: 'leading', Ts: 'rise'} as const

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
