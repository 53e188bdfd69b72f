/**
 * Every match of a global pattern in a string, as `String.prototype.matchAll` gives them, in a plain array.
 *
 * `matchAll` copies the pattern and hands out its matches through an iterator: in a loop over every word of every string
 * of a notes file that copy and that iterator cost as much as the matching. This runs the pattern itself with `exec`,
 * from the `lastIndex` it has (as `matchAll`'s copy starts), steps past an empty match as `matchAll` does (a whole code
 * point with the `u` or `v` flag), and gives `lastIndex` back as it found it: the pattern reads as if it had not been
 * used, and all its matches are found before the caller sees the first (code in the caller's loop may use the pattern
 * again).
 */
export function matchesOf(pattern: RegExp, value: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError('matchesOf needs a global pattern (the `g` flag), as `matchAll` does')
  const from = pattern.lastIndex
  const found: RegExpExecArray[] = []
  try {
    for (let match = pattern.exec(value); match !== null; match = pattern.exec(value)) {
      found.push(match)
      if (match[0] === '') pattern.lastIndex = advance(value, pattern.lastIndex, pattern.unicode || pattern.flags.includes('v'))
    }
  } finally {
    pattern.lastIndex = from
  }
  return found
}

/** The index after the one at `index`: past a whole code point when the pattern reads code points. */
function advance(value: string, index: number, codePoints: boolean): number {
  if (!codePoints || index + 1 >= value.length) return index + 1
  const code = value.charCodeAt(index)
  return code >= 0xd800 && code <= 0xdbff && (value.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? index + 2 : index + 1
}
