/**
 * Just enough of the PDF file format to finish what Chromium prints: read
 * the cross-reference table, the trailer and plain (unstreamed) objects, and
 * append an incremental update. Chromium's PDF backend (Skia) writes PDF 1.4
 * with a classic cross-reference table and no object streams; anything else
 * is refused with a clear error rather than guessed at.
 *
 * Working on the file as a latin1 string keeps one character per byte, so
 * string offsets are byte offsets.
 */
import {createHash} from 'node:crypto'
import {ExchangeError} from '../errors.js'

export type PdfValue =
  | {kind: 'dict'; entries: Map<string, PdfValue>; raw: string}
  | {kind: 'array'; items: PdfValue[]; raw: string}
  | {kind: 'name'; name: string; raw: string}
  | {kind: 'number'; value: number; raw: string}
  | {kind: 'ref'; num: number; gen: number; raw: string}
  | {kind: 'string'; bytes: string; raw: string}
  | {kind: 'keyword'; word: string; raw: string}

export interface PdfFile {
  /** The file, one latin1 character per byte. */
  text: string
  /** Byte offset of each object in use, by object number. */
  offsets: Map<number, number>
  trailer: Map<string, PdfValue>
  /** Offset of the last cross-reference section (`startxref`). */
  startxref: number
  /** The file's bytes, which `text` spells (stream data is read from them without a copy). */
  bytes?: Uint8Array
  /** The objects read so far, by number: a reader asks for the same ones (the page tree, the fonts) again and again. Never changed once read. */
  objects?: Map<number, PdfValue>
}

function unsupported(reason: string): ExchangeError {
  return new ExchangeError(`Cannot finish the PDF: ${reason}`, {
    rule: 'print',
    hint: 'print with Chrome or Chromium (its PDFs have a classic cross-reference table); report the browser version if this one does not',
  })
}

/** 1 for whitespace, 2 for a delimiter, 0 for a regular character (PDF 32000, 7.2.2), by character code (latin1). */
const charClass = new Uint8Array(256)
for (const char of '\0\t\n\f\r ') charClass[char.charCodeAt(0)] = 1
for (const char of '()<>[]{}/%') charClass[char.charCodeAt(0)] = 2
/** Is the character at `index` a regular one (not whitespace, not a delimiter, not past the end)? */
function regular(text: string, index: number): boolean {
  if (index >= text.length) return false
  const code = text.charCodeAt(index)
  return code > 0xff || charClass[code] === 0
}

/** A tokenizer-parser over PDF object syntax, starting at `position`. */
export class PdfParser {
  constructor(
    readonly text: string,
    public position = 0,
  ) {}

  skipSpace(): void {
    const {text} = this
    while (this.position < text.length) {
      const code = text.charCodeAt(this.position)
      if (code < 0x100 && charClass[code] === 1) this.position++
      else if (code === 0x25) {
        while (this.position < text.length && text.charCodeAt(this.position) !== 0x0a && text.charCodeAt(this.position) !== 0x0d) this.position++
      } else break
    }
  }

  /** A bare word: number, keyword (`obj`, `R`, `true`…). */
  word(): string {
    this.skipSpace()
    const start = this.position
    while (regular(this.text, this.position)) this.position++
    return this.text.slice(start, this.position)
  }

  value(): PdfValue {
    this.skipSpace()
    const start = this.position
    const {text} = this
    const char = text[start]
    if (char === undefined) throw unsupported('unexpected end of file')
    if (char === '<' && text[start + 1] === '<') {
      this.position += 2
      const entries = new Map<string, PdfValue>()
      for (;;) {
        this.skipSpace()
        if (text.startsWith('>>', this.position)) {
          this.position += 2
          break
        }
        const key = this.value()
        if (key.kind !== 'name') throw unsupported(`unexpected ${key.kind} as a dictionary key at byte ${this.position}`)
        entries.set(key.name, this.value())
      }
      return {kind: 'dict', entries, raw: text.slice(start, this.position)}
    }
    if (char === '[') {
      this.position++
      const items: PdfValue[] = []
      for (;;) {
        this.skipSpace()
        if (text[this.position] === ']') {
          this.position++
          break
        }
        items.push(this.value())
      }
      return {kind: 'array', items, raw: text.slice(start, this.position)}
    }
    if (char === '/') {
      this.position++
      while (regular(text, this.position)) this.position++
      const name = text.slice(start + 1, this.position).replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      return {kind: 'name', name, raw: text.slice(start, this.position)}
    }
    if (char === '(') return this.literalString()
    if (char === '<') {
      const end = text.indexOf('>', start)
      if (end === -1) throw unsupported('unterminated hex string')
      this.position = end + 1
      const hex = text.slice(start + 1, end).replace(/\s+/g, '')
      const padded = hex.length % 2 ? `${hex}0` : hex
      let bytes = ''
      for (let index = 0; index < padded.length; index += 2) bytes += String.fromCharCode(Number.parseInt(padded.slice(index, index + 2), 16))
      return {kind: 'string', bytes, raw: text.slice(start, this.position)}
    }
    const word = this.word()
    if (word === '') throw unsupported(`unexpected \`${char}\` at byte ${start}`)
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(word)) {
      // `12 0 R` is a reference: look ahead without consuming anything else.
      if (/^\d+$/.test(word)) {
        const after = this.position
        const gen = this.word()
        if (/^\d+$/.test(gen) && this.word() === 'R') {
          return {kind: 'ref', num: Number(word), gen: Number(gen), raw: text.slice(start, this.position)}
        }
        this.position = after
      }
      return {kind: 'number', value: Number(word), raw: word}
    }
    return {kind: 'keyword', word, raw: word}
  }

  private literalString(): PdfValue {
    const {text} = this
    const start = this.position
    let depth = 0
    let bytes = ''
    const escapes: Record<string, string> = {n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\'}
    for (this.position++; this.position < text.length; this.position++) {
      const char = text[this.position]!
      if (char === '\\') {
        const next = text[++this.position]!
        if (next in escapes) bytes += escapes[next]
        else if (/[0-7]/.test(next)) {
          let octal = next
          while (octal.length < 3 && /[0-7]/.test(text[this.position + 1] ?? '')) octal += text[++this.position]
          bytes += String.fromCharCode(Number.parseInt(octal, 8) & 0xff)
        } else if (next === '\r') {
          if (text[this.position + 1] === '\n') this.position++
        } else if (next !== '\n') bytes += next
        continue
      }
      if (char === '(') depth++
      if (char === ')') {
        if (depth === 0) {
          this.position++
          return {kind: 'string', bytes, raw: text.slice(start, this.position)}
        }
        depth--
      }
      bytes += char
    }
    throw unsupported('unterminated string')
  }
}

/** Read the cross-reference table(s) and trailer of a PDF. */
export function readPdf(pdf: Uint8Array): PdfFile {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  const marker = text.lastIndexOf('startxref')
  if (!text.startsWith('%PDF-') || marker === -1) throw unsupported('this is not a PDF file')
  const startxref = Number(new PdfParser(text, marker + 'startxref'.length).word())

  const offsets = new Map<number, number>()
  let trailer: Map<string, PdfValue> | undefined
  const seen = new Set<number>()
  let section: number | undefined = startxref
  while (section !== undefined && !seen.has(section)) {
    seen.add(section)
    const parser: PdfParser = new PdfParser(text, section)
    if (parser.word() !== 'xref') throw unsupported('it uses a cross-reference stream')
    for (;;) {
      const first = parser.word()
      if (first === 'trailer') break
      const count = Number(parser.word())
      for (let index = 0; index < count; index++) {
        const offset = Number(parser.word())
        parser.word() // generation
        const type = parser.word()
        const num = Number(first) + index
        // Later sections (read first) win over earlier ones.
        if (type === 'n' && !offsets.has(num)) offsets.set(num, offset)
      }
    }
    const dict: PdfValue = parser.value()
    if (dict.kind !== 'dict') throw unsupported('unreadable trailer')
    trailer ??= dict.entries
    const previous: PdfValue | undefined = dict.entries.get('Prev')
    section = previous?.kind === 'number' ? previous.value : undefined
  }
  if (!trailer) throw unsupported('no trailer')
  return {text, offsets, trailer, startxref, bytes: pdf, objects: new Map()}
}

/** The object with this number (its dictionary, for stream objects). */
export function getObject(file: PdfFile, num: number): PdfValue | undefined {
  const known = file.objects?.get(num)
  if (known) return known
  const offset = file.offsets.get(num)
  if (offset === undefined) return undefined
  const parser = new PdfParser(file.text, offset)
  parser.word()
  parser.word()
  if (parser.word() !== 'obj') throw unsupported(`object ${num} is not where the cross-reference table says`)
  const value = parser.value()
  file.objects?.set(num, value)
  return value
}

/** Follow a reference (or return a direct value). */
export function resolve(file: PdfFile, value: PdfValue | undefined): PdfValue | undefined {
  return value?.kind === 'ref' ? getObject(file, value.num) : value
}

export function dictOf(file: PdfFile, value: PdfValue | undefined): Map<string, PdfValue> | undefined {
  const resolved = resolve(file, value)
  return resolved?.kind === 'dict' ? resolved.entries : undefined
}

/** Object number of the value, when it is a reference. */
export function refNumber(value: PdfValue | undefined): number | undefined {
  return value?.kind === 'ref' ? value.num : undefined
}

/** The page objects in order, as object numbers. */
export function pageObjects(file: PdfFile): number[] {
  const root = dictOf(file, file.trailer.get('Root'))
  const pages: number[] = []
  const walk = (value: PdfValue | undefined, depth: number) => {
    const num = refNumber(value)
    const node = dictOf(file, value)
    if (!node || depth > 64) return
    const kids = resolve(file, node.get('Kids'))
    if (kids?.kind === 'array') for (const kid of kids.items) walk(kid, depth + 1)
    else if (num !== undefined) pages.push(num)
  }
  walk(root?.get('Pages'), 0)
  return pages
}

/** Decode a PDF text string (UTF-16BE with a byte-order mark, or PDFDocEncoding ≈ latin1). */
export function decodeText(bytes: string): string {
  if (bytes.startsWith('\u00fe\u00ff')) return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le')
  return bytes
}

/** A PDF text string for any Unicode text: UTF-16BE hex with a byte-order mark. */
export function textString(value: string): string {
  return `<FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex').toUpperCase()}>`
}

/** A PDF name, with the characters that need it written as `#xx`. */
export function pdfName(name: string): string {
  return `/${name.replace(/[^!-~]|[#()<>[\]{}/%]/g, (char) => `#${char.charCodeAt(0).toString(16).padStart(2, '0')}`)}`
}

/** Write a dictionary from raw values, in the order given. */
export function dictionary(entries: Iterable<[string, string]>): string {
  return `<<${[...entries].map(([key, value]) => `${pdfName(key)} ${value}`).join('\n')}>>`
}

export interface NewObject {
  num: number
  /** The object's value (a dictionary, usually), as PDF syntax. */
  body: string
  /** Stream data, for stream objects; `body` must then be its dictionary without `/Length`. */
  stream?: Uint8Array
}

/**
 * Append an incremental update that adds or replaces these objects, with a
 * new trailer. `base` may have been patched in place (same length) first.
 * The file ID is a hash of the result, so the same input gives the same bytes.
 */
export function appendUpdate(base: Uint8Array, file: PdfFile, objects: NewObject[], trailer: Map<string, string>): Uint8Array {
  const chunks: Buffer[] = [Buffer.from(base.buffer, base.byteOffset, base.byteLength)]
  let length = base.byteLength
  const push = (chunk: Buffer) => {
    chunks.push(chunk)
    length += chunk.byteLength
  }
  if (base[base.byteLength - 1] !== 0x0a) push(Buffer.from('\n', 'latin1'))

  const offsets = new Map<number, number>()
  for (const object of [...objects].sort((a, b) => a.num - b.num)) {
    offsets.set(object.num, length)
    if (object.stream) {
      const dict = object.body.replace(/>>\s*$/, `\n/Length ${object.stream.byteLength}>>`)
      push(Buffer.from(`${object.num} 0 obj\n${dict}\nstream\n`, 'latin1'))
      push(Buffer.from(object.stream.buffer, object.stream.byteOffset, object.stream.byteLength))
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'))
    } else {
      push(Buffer.from(`${object.num} 0 obj\n${object.body}\nendobj\n`, 'latin1'))
    }
  }

  const xrefOffset = length
  const numbers = [...offsets.keys()].sort((a, b) => a - b)
  let xref = 'xref\n'
  for (let index = 0; index < numbers.length; ) {
    let end = index
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end]! + 1) end++
    xref += `${numbers[index]} ${end - index + 1}\n`
    for (let at = index; at <= end; at++) xref += `${String(offsets.get(numbers[at]!)).padStart(10, '0')} 00000 n \n`
    index = end + 1
  }
  const size = Math.max(Number(file.trailer.get('Size')?.raw ?? 0), ...numbers.map((num) => num + 1))
  const id = createHash('md5')
  for (const chunk of chunks) id.update(chunk)
  const hex = id.digest('hex').toUpperCase()
  const entries = new Map<string, string>([['Size', String(size)], ...trailer, ['Prev', String(file.startxref)], ['ID', `[<${hex}> <${hex}>]`]])
  push(Buffer.from(`${xref}trailer\n${dictionary(entries)}\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'))
  return new Uint8Array(Buffer.concat(chunks, length))
}
