/**
 * Read a notes file into a vfile, refusing what is not notes — a folder, a
 * pipe or device, a binary file (a PDF, a Word document, an image), an
 * empty file, a file too large to be notes, a symbolic link out of the
 * input folder — with an error that says what to do.
 *
 * Text is decoded as UTF-8. What is not UTF-8 is read as Windows-1252 (what
 * Word exports on Windows), byte by byte, so a UTF-8 file with a pasted
 * Windows-1252 quote keeps both; UTF-16 with a byte-order mark is read as
 * such. Each of these is a warning at the first place it happened.
 * Invisible characters that can hide a name from the anonymiser (soft
 * hyphens, zero-width spaces, direction overrides) are removed, with a warning.
 */
import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describeSystemError, ExchangeError, UsageError} from '../errors.js'
import {parseAttendeesFile} from '../parse/roster.js'
import type {Person} from '../types.js'

export interface ReadOptions {
  /**
   * A symbolic link is followed only to a file inside this folder: the input
   * folder of a batch. By default, the folder the link is in.
   */
  root?: string
  /** Largest file read as notes, in bytes (default `maxNotesBytes`). */
  maxBytes?: number
}

/** 16 MiB: a day of notes is a few hundred kilobytes; more is not notes, or needs splitting. */
export const maxNotesBytes = 16 * 1024 * 1024

/** Bytes a file is sniffed in for binary content. */
const sniffBytes = 8000

export function readNotes(file: string, displayPath = file, options: ReadOptions = {}): VFile {
  const where = {file: displayPath, rule: 'input'}
  const real = resolveInside(file, displayPath, options.root)
  let buffer: Buffer
  let descriptor: number | undefined
  try {
    // Non-blocking, so a named pipe is refused instead of waiting for a writer.
    const flags = fs.constants.O_NONBLOCK === undefined ? 'r' : fs.constants.O_RDONLY | fs.constants.O_NONBLOCK
    descriptor = fs.openSync(real, flags)
    const stat = fs.fstatSync(descriptor)
    if (stat.isDirectory()) {
      throw new UsageError(`Unexpected folder \`${displayPath}\`, expected a notes file`, {...where, hint: 'give the folder to `exchange build` to build every notes file in it'})
    }
    if (!stat.isFile()) {
      throw new ExchangeError(`Unexpected ${specialKind(stat)} \`${displayPath}\`, expected a notes file`, {...where, hint: 'save the notes to a .md file and give that'})
    }
    const limit = options.maxBytes ?? maxNotesBytes
    if (stat.size > limit) {
      throw new ExchangeError(`Unexpected notes file of ${megabytes(stat.size)}, expected at most ${megabytes(limit)}`, {
        ...where,
        hint: 'check that this is the notes file; split a very long one into several files',
      })
    }
    buffer = fs.readFileSync(descriptor)
  } catch (error) {
    if (error instanceof ExchangeError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UsageError(`Cannot find notes file \`${displayPath}\``, {...where, hint: 'check the path'})
    if (code === 'EISDIR') throw new UsageError(`Unexpected folder \`${displayPath}\`, expected a notes file`, {...where, hint: 'give the folder to `exchange build` to build every notes file in it'})
    const {what, hint} = describeSystemError(error as NodeJS.ErrnoException)
    throw new ExchangeError(`Cannot read \`${displayPath}\`: ${what}`, {...where, hint, cause: error})
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor)
  }
  return notesFile(buffer, displayPath)
}

/**
 * Read an `--attendees` file (a CSV sign-in sheet or YAML) the way notes are
 * read: a spreadsheet saved as Windows-1252 keeps its accents (`Seán` must
 * match `Seán` in the notes), and a binary file (an `.xlsx`) is refused
 * with what to do. Errors are `UsageError`s (exit 2): the roster is configuration.
 */
export function readAttendeesFile(file: string, displayPath = file): Person[] {
  const where = {file: displayPath, rule: 'attendees'}
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch (error) {
    const {what, hint} = describeSystemError(error as NodeJS.ErrnoException)
    throw new UsageError(`Cannot read attendees file \`${displayPath}\`: ${what}`, {
      ...where,
      hint: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'check the path of the sign-in sheet (CSV with a `name` column, or YAML)' : hint,
      cause: error,
    })
  }
  const kind = binaryKind(bytes)
  if (kind) {
    throw new UsageError(`Unexpected ${kind.name}, expected a CSV or YAML list of attendees`, {...where, hint: 'in the spreadsheet, use Save As › CSV (UTF-8), and give that file'})
  }
  const text = removeInvisible(decode(bytes).text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')).text
  return parseAttendeesFile(text, displayPath)
}

/**
 * The vfile for the bytes of a notes file: refused if they are not notes,
 * decoded, and normalised (no byte-order mark, `\n` line endings). Pure.
 */
export function notesFile(buffer: Uint8Array, displayPath: string): VFile {
  const where = {file: displayPath, rule: 'input'}
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  const kind = binaryKind(bytes)
  if (kind) {
    throw new ExchangeError(`Unexpected ${kind.name}, expected markdown notes`, {...where, hint: kind.hint})
  }
  if (isBlank(bytes)) {
    throw new ExchangeError('Unexpected empty notes file', {...where, hint: 'write the workshop notes in it, or leave it out of the build'})
  }

  const decoded = decode(bytes)
  const lineEndings = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const {text, removed} = removeInvisible(lineEndings)
  const vfile = new VFile({path: displayPath, value: text})
  if (decoded.warning) {
    const place = decoded.at === undefined ? {line: 1, column: 1} : pointAt(decoded.text.slice(0, decoded.at).replace(/^\uFEFF/, ''))
    warn(vfile, decoded.warning, place, 'encoding')
  }
  if (removed) {
    const reason =
      removed.count === 1
        ? `Unexpected invisible ${removed.kinds[0]}, removed it: it can hide a name from the anonymiser`
        : `Unexpected invisible characters (${removed.count}: ${removed.kinds.join(', ')}), removed them: they can hide a name from the anonymiser`
    warn(vfile, reason, pointAt(lineEndings.slice(0, removed.at)), 'invisible-character')
  }
  return vfile
}

function warn(file: VFile, reason: string, place: {line: number; column: number}, ruleId: string): void {
  const message = file.message(reason, {place, ruleId, source: 'exchange'})
  message.fatal = false
}

/**
 * The real path of `file`. With a `root`, a file whose real path is outside it
 * (through a link anywhere on the way) is refused; without one, a file that is
 * itself a link is followed only to a file inside the link's own folder.
 */
function resolveInside(file: string, displayPath: string, root: string | undefined): string {
  let link: fs.Stats | undefined
  try {
    link = fs.lstatSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UsageError(`Cannot find notes file \`${displayPath}\``, {file: displayPath, rule: 'input', hint: 'check the path'})
    }
    return file
  }
  if (!link.isSymbolicLink() && root === undefined) return file
  let target: string
  try {
    target = fs.realpathSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ExchangeError(`Cannot follow the symbolic link \`${displayPath}\`: ${code === 'ELOOP' ? 'its links point at each other in a loop' : 'the file it points to does not exist'}`, {
      file: displayPath,
      rule: 'symlink',
      hint: 'fix or remove the link',
      cause: error,
    })
  }
  const folder = realFolder(root ?? path.dirname(path.resolve(file)))
  if (!isInside(target, folder)) {
    throw new ExchangeError(`Refusing to follow the symbolic link \`${displayPath}\` out of the input folder`, {
      file: displayPath,
      rule: 'symlink',
      hint: 'give the file it points to by its own path, or copy it into the folder',
    })
  }
  return target
}

function realFolder(folder: string): string {
  try {
    return fs.realpathSync(folder)
  } catch {
    return path.resolve(folder)
  }
}

/** Is `file` inside `folder` (both absolute)? */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file)
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
}

function specialKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'named pipe'
  if (stat.isSocket()) return 'socket'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device'
  return 'special file'
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`
}

interface BinaryKind {
  name: string
  hint: string
}

const saveAsText = 'save or export the notes as plain text or markdown (.md), and give that file'

/** File signatures people give instead of notes, with what to do about each. */
const signatures: Array<{bytes: number[]; kind: BinaryKind}> = [
  {bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: {name: 'PDF file', hint: `${saveAsText}; exchange makes the PDF`}},
  {bytes: [0x50, 0x4b, 0x03, 0x04], kind: {name: 'Word document or zip file', hint: `in Word, use File › Save As › Plain Text (.txt) and rename it .md; ${saveAsText}`}},
  {bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: {name: 'old Word or Office document', hint: `in Word, use File › Save As › Plain Text (.txt); ${saveAsText}`}},
  {bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: {name: 'RTF document', hint: `in the word processor, save as Plain Text; ${saveAsText}`}},
  {bytes: [0x89, 0x50, 0x4e, 0x47], kind: {name: 'PNG image', hint: 'put images beside the notes and link them: `![what it shows](photo.png)`'}},
  {bytes: [0xff, 0xd8, 0xff], kind: {name: 'JPEG image', hint: 'put images beside the notes and link them: `![what it shows](photo.jpg)`'}},
  {bytes: [0x47, 0x49, 0x46, 0x38], kind: {name: 'GIF image', hint: 'put images beside the notes and link them: `![what it shows](image.gif)`'}},
  {bytes: [0x1f, 0x8b], kind: {name: 'gzip file', hint: 'unpack it first, and give the notes inside'}},
  {bytes: [0xff, 0xfe, 0x00, 0x00], kind: {name: 'UTF-32 text', hint: 'save the notes as UTF-8'}},
  {bytes: [0x00, 0x00, 0xfe, 0xff], kind: {name: 'UTF-32 text', hint: 'save the notes as UTF-8'}},
]

/** What kind of binary file this is, or `undefined` for text. */
export function binaryKind(bytes: Uint8Array): BinaryKind | undefined {
  for (const {bytes: signature, kind} of signatures) {
    if (signature.every((byte, index) => bytes[index] === byte)) return kind
  }
  if (utf16Bom(bytes)) return undefined
  const sample = bytes.subarray(0, sniffBytes)
  let controls = 0
  for (const byte of sample) {
    if (byte === 0) return {name: 'binary file', hint: saveAsText}
    // Control characters other than tab, line feed, vertical tab, form feed, carriage return and escape.
    if (byte < 0x20 && !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b) controls++
  }
  if (sample.length > 0 && controls / sample.length > 0.05) return {name: 'binary file', hint: saveAsText}
  return undefined
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    // Spaces, tabs, line endings and a UTF-8 or UTF-16 byte-order mark are not notes.
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d) || byte === 0xef || byte === 0xbb || byte === 0xbf || byte === 0xff || byte === 0xfe || byte === 0) continue
    return false
  }
  return true
}

interface Decoded {
  text: string
  /** Warning to give, if the text was not plain UTF-8. */
  warning?: string
  /** Offset in `text` of the first character that was not UTF-8. */
  at?: number
}

const utf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * Windows-1252 for each byte value: Latin-1, but for the quotes, dashes and
 * euro Word puts in 0x80–0x9F. Spelled out because Node 20's
 * `TextDecoder('windows-1252')` decodes those as Latin-1 control characters.
 */
const windows1252 = Array.from({length: 256}, (_, byte) => String.fromCharCode(byte))
  .join('')
  .replace(/[\x80-\x9f]+/, '\u20AC\x81\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\x8D\u017D\x8F\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\x9D\u017E\u0178')

/**
 * UTF-8, else UTF-16 with a byte-order mark, else each byte that is not part
 * of a UTF-8 sequence read as Windows-1252.
 */
export function decode(bytes: Uint8Array): Decoded {
  const bom = utf16Bom(bytes)
  if (bom) {
    return {
      text: new TextDecoder(bom).decode(bytes),
      warning: `Unexpected ${bom === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)'} text, expected UTF-8: read it as UTF-16 — save the notes as UTF-8`,
    }
  }
  try {
    return {text: utf8.decode(bytes)}
  } catch {
    // Not valid UTF-8: fall through.
  }
  const chunks: string[] = []
  let length = 0
  let runStart = 0
  let first: number | undefined
  let sequences = 0
  let index = 0
  const flush = (end: number) => {
    if (end > runStart) {
      const chunk = utf8.decode(bytes.subarray(runStart, end))
      chunks.push(chunk)
      length += chunk.length
    }
  }
  while (index < bytes.length) {
    const size = sequenceLength(bytes, index)
    if (size > 0) {
      if (size > 1) sequences++
      index += size
      continue
    }
    flush(index)
    first ??= length
    const character = windows1252[bytes[index]!]!
    chunks.push(character)
    length += character.length
    index++
    runStart = index
  }
  flush(index)
  const text = chunks.join('')
  const warning =
    sequences === 0
      ? 'Unexpected text that is not UTF-8, read it as Windows-1252 — save the notes as UTF-8'
      : 'Unexpected bytes that are not UTF-8 in UTF-8 text, read them as Windows-1252 — check the characters here, and save the notes as UTF-8'
  return {text, warning, at: first}
}

/** Length of the valid UTF-8 sequence at `index`, or 0 if there is none. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const byte = bytes[index]!
  if (byte < 0x80) return 1
  const continuation = (offset: number, low = 0x80, high = 0xbf) => {
    const next = bytes[index + offset]
    return next !== undefined && next >= low && next <= high
  }
  if (byte >= 0xc2 && byte <= 0xdf) return continuation(1) ? 2 : 0
  if (byte >= 0xe0 && byte <= 0xef) {
    const [low, high] = byte === 0xe0 ? [0xa0, 0xbf] : byte === 0xed ? [0x80, 0x9f] : [0x80, 0xbf]
    return continuation(1, low, high) && continuation(2) ? 3 : 0
  }
  if (byte >= 0xf0 && byte <= 0xf4) {
    const [low, high] = byte === 0xf0 ? [0x90, 0xbf] : byte === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf]
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0
  }
  return 0
}

/**
 * Characters that show nothing but cut a word in two for the anonymiser
 * (`Ja\u00ADne` reads as "Jane" in the PDF): soft hyphen, zero-width space,
 * word joiner, invisible operators, a byte-order mark inside the text,
 * direction overrides and isolates (which can show a name written
 * backwards), and joiners between Latin letters (`Wals\u200Dh`).
 */
const invisible = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069]|(?<=\p{Script=Latin})[\u034F\u200C\u200D](?=\p{Script=Latin})/gu

const invisibleNames: Record<string, string> = {
  '\u00AD': 'soft hyphen',
  '\u180E': 'Mongolian vowel separator',
  '\u200B': 'zero-width space',
  '\u2060': 'word joiner',
  '\u2061': 'invisible operator',
  '\u2062': 'invisible operator',
  '\u2063': 'invisible operator',
  '\u2064': 'invisible operator',
  '\uFEFF': 'zero-width no-break space',
  // Joiners shape Arabic and Indic scripts and emoji, and are kept there: only between Latin letters do they hide a name.
  '\u034F': 'combining grapheme joiner',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
}

export function removeInvisible(text: string): {text: string; removed?: {kinds: string[]; count: number; at: number}} {
  const first = text.search(invisible)
  if (first === -1) return {text}
  let count = 0
  const kinds = new Set<string>()
  const cleaned = text.replace(invisible, (character) => {
    count++
    kinds.add(invisibleNames[character] ?? 'direction control')
    return ''
  })
  return {text: cleaned, removed: {kinds: [...kinds].sort(), count, at: first}}
}

/** 1-indexed line and column at the end of `prefix`. */
function pointAt(prefix: string): {line: number; column: number} {
  const normalised = prefix.replace(/\r\n?/g, '\n')
  const lastBreak = normalised.lastIndexOf('\n')
  let line = 1
  for (let index = normalised.indexOf('\n'); index !== -1; index = normalised.indexOf('\n', index + 1)) line++
  return {line, column: normalised.length - lastBreak}
}
