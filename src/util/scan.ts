/**
 * Code-point scanners for the word patterns every string of a notes file is cut with, several times over (the
 * roster matcher's runs of letters and digits, the tagger's tokens, the rules' name words).
 *
 * A Unicode property class in a regular expression (`[\p{L}\p{N}]+`) is tested code point by code point by the
 * engine, and each match is an array and a string handed back through `exec`. These read each code unit's class
 * from a table (ASCII at once; any other BMP code unit classified once, by the same property escapes, and kept) and
 * give the runs as pairs of offsets. Each scanner's doc names the pattern it stands for; the tests hold them equal
 * on generated strings of letters, marks, digits, separators, spaces, astral letters and lone surrogates.
 */

/** `\p{L}` */
export const LETTER = 1
/** `\p{M}` */
export const MARK = 2
/** `\p{N}` */
export const NUMBER = 4
/** `\s` */
const SPACE = 8
/** Anything else (a lone surrogate too). */
const OTHER = 16

const bmp = new Uint8Array(0x10000)
const astral = new Map<number, number>()

const letter = /^\p{L}$/u
const mark = /^\p{M}$/u
const digit = /^\p{N}$/u
const space = /^\s$/u

function classify(char: string): number {
  return letter.test(char) ? LETTER : mark.test(char) ? MARK : digit.test(char) ? NUMBER : space.test(char) ? SPACE : OTHER
}

for (let code = 0; code < 128; code++) bmp[code] = classify(String.fromCharCode(code))

/** The class of the code point at `at` (read as a pattern with the `u` flag reads it: a surrogate pair is one). */
export function classAt(value: string, at: number): number {
  const code = value.charCodeAt(at)
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < value.length) {
    const low = value.charCodeAt(at + 1)
    if (low >= 0xdc00 && low <= 0xdfff) {
      const point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
      let kind = astral.get(point)
      if (kind === undefined) astral.set(point, (kind = classify(String.fromCodePoint(point))))
      return kind
    }
  }
  let kind = bmp[code]!
  if (kind === 0) bmp[code] = kind = classify(String.fromCharCode(code))
  return kind
}

/** The width in code units of the code point at `at`. */
export function widthAt(value: string, at: number): number {
  const code = value.charCodeAt(at)
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < value.length) {
    const low = value.charCodeAt(at + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return 2
  }
  return 1
}

const HYPHEN = 0x2d
const APOSTROPHE = 0x27
const RIGHT_QUOTE = 0x2019
const SMALL_S = 0x73
const AMPERSAND = 0x26

/** The end of a run of code points of the classes in `mask` from `at`. */
function runEnd(value: string, at: number, mask: number): number {
  const length = value.length
  while (at < length) {
    const code = value.charCodeAt(at)
    if (code < 128) {
      if ((bmp[code]! & mask) === 0) return at
      at++
    } else {
      if ((classAt(value, at) & mask) === 0) return at
      at += widthAt(value, at)
    }
  }
  return at
}

/**
 * After a run ending at `at`, where a separator joins it to another run: `-`, or `'`/`’` unless it opens a
 * possessive (an `s` followed by no letter or mark, `(?!s(?![\p{L}\p{M}]))`) when `guarded`. The end of the joined
 * runs, or `at` when nothing joins.
 */
function joined(value: string, at: number, mask: number, guarded: boolean): number {
  const length = value.length
  while (at + 1 < length) {
    const code = value.charCodeAt(at)
    if (code !== HYPHEN && code !== APOSTROPHE && code !== RIGHT_QUOTE) return at
    if (guarded && code !== HYPHEN && value.charCodeAt(at + 1) === SMALL_S && (at + 2 >= length || (classAt(value, at + 2) & (LETTER | MARK)) === 0)) return at
    if ((classAt(value, at + 1) & mask) === 0) return at
    at = runEnd(value, at + 1, mask)
  }
  return at
}

/**
 * The tagger's tokens, as `/[\p{L}\p{M}\p{N}]+(?:(?:-|['’](?!s(?![\p{L}\p{M}])))[\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu`
 * matches them: words (`'s` split off), then any other code point that is not a space, one at a time; each given to
 * `found` with its offsets and whether it holds a letter (`\p{L}`).
 */
export function scanTokens(value: string, found: (start: number, end: number, word: boolean) => void): void {
  const mask = LETTER | MARK | NUMBER
  const length = value.length
  let at = 0
  while (at < length) {
    const kind = classAt(value, at)
    if (kind === SPACE) at += widthAt(value, at)
    else if (kind & mask) {
      const start = at
      at = joined(value, runEnd(value, at, mask), mask, true)
      found(start, at, hasLetter(value, start, at))
    } else {
      const end = at + widthAt(value, at)
      found(at, end, false)
      at = end
    }
  }
}

function hasLetter(value: string, start: number, end: number): boolean {
  for (let at = start; at < end; at += widthAt(value, at)) if (classAt(value, at) === LETTER) return true
  return false
}

/**
 * Runs of code points of the classes in `mask` (`LETTER | NUMBER`: `/[\p{L}\p{N}]+/gu`), as pairs of offsets, start
 * then end, in `into`.
 */
export function scanRuns(value: string, mask: number, into: number[] = []): number[] {
  return scan(value, mask, NO_JOIN, false, into)
}

/**
 * Runs of the classes in `mask` joined by `-`, `'` or `’` (one between two runs), as pairs of offsets in `into`.
 * `splitPossessive`: not by an apostrophe that opens a possessive; with `LETTER | MARK`, the pattern
 * `[\p{L}\p{M}]+(?:(?:-|['’](?!s(?![\p{L}\p{M}])))[\p{L}\p{M}]+)*` (flags `gu`). Otherwise by any; `ampersand`: each `&` is a
 * run of its own too; with `LETTER | NUMBER`, `[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|&`.
 */
export function scanJoinedRuns(value: string, mask: number, splitPossessive = true, ampersand = false, into: number[] = []): number[] {
  return scan(value, mask, splitPossessive ? JOIN_GUARDED : JOIN_ANY, ampersand, into)
}

const NO_JOIN = 0
const JOIN_GUARDED = 1
const JOIN_ANY = 2

function scan(value: string, mask: number, join: number, ampersand: boolean, into: number[]): number[] {
  const length = value.length
  let at = 0
  while (at < length) {
    const code = value.charCodeAt(at)
    const kind = code < 128 ? bmp[code]! : classAt(value, at)
    if (kind & mask) {
      const start = at
      at = runEnd(value, at, mask)
      if (join !== NO_JOIN) at = joined(value, at, mask, join === JOIN_GUARDED)
      into.push(start, at)
    } else {
      if (ampersand && code === AMPERSAND) into.push(at, at + 1)
      at += code < 128 ? 1 : widthAt(value, at)
    }
  }
  return into
}

/** Words that open on a letter and go on through letters, `'`, `’` and `-` (the pattern `[\p{L}][\p{L}'’-]*`, flags `gu`), as pairs of offsets. */
export function scanLetterWords(value: string, into: number[] = []): number[] {
  const length = value.length
  let at = 0
  while (at < length) {
    const code = value.charCodeAt(at)
    const kind = code < 128 ? bmp[code]! : classAt(value, at)
    if (kind === LETTER) {
      const start = at
      at += code < 128 ? 1 : widthAt(value, at)
      while (at < length) {
        const next = value.charCodeAt(at)
        if (next === APOSTROPHE || next === RIGHT_QUOTE || next === HYPHEN) at++
        else if (next < 128 ? bmp[next] === LETTER : classAt(value, at) === LETTER) at += next < 128 ? 1 : widthAt(value, at)
        else break
      }
      into.push(start, at)
    } else at += code < 128 ? 1 : widthAt(value, at)
  }
  return into
}
