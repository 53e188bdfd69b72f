/**
 * Bounds on what the markdown parser is given, so that no notes file, however
 * built, takes it more than seconds.
 *
 * Bound how deeply notes nest before they are parsed. The markdown parser
 * takes time that grows with the cube of the nesting depth (a list nested
 * 400 levels deep takes seconds, 500 most of a minute); no notes nest more
 * than a few levels. Lines indented deeper than `maxIndent` columns, or
 * quoted more than `maxQuotes` times, are brought back to that depth: their
 * text is kept, as siblings at the deepest level, and the file gets a warning.
 *
 * Lines keep their numbers, so every place in the tree is still the place
 * in the notes file (columns shift only on the lines brought back).
 */

/** Columns of indentation kept: 32 levels of `- ` lists. */
export const maxIndent = 64
/** `>` quote markers kept at the start of a line. */
export const maxQuotes = 32

export interface Limited {
  value: string
  /** 1-indexed line of the first line brought back, if any. */
  line?: number
  /** How many lines were brought back. */
  count: number
}

export function limitNesting(value: string): Limited {
  let count = 0
  let first: number | undefined
  let lineNumber = 0
  let changed = false
  const lines = value.split('\n')
  for (let index = 0; index < lines.length; index++) {
    lineNumber++
    const line = lines[index]!
    // Cheap test first: only a line that starts with enough indentation or quotes can be too deep.
    const head = line.charCodeAt(0)
    if (head !== 0x20 && head !== 0x09 && head !== 0x3e) continue
    const limited = limitLine(line)
    if (limited === line) continue
    lines[index] = limited
    changed = true
    count++
    first ??= lineNumber
  }
  return changed ? {value: lines.join('\n'), line: first, count} : {value, count: 0}
}

/** One line with its leading indentation and quote markers within bounds; the same string if they are. */
function limitLine(line: string): string {
  let column = 0
  let quotes = 0
  let index = 0
  for (; index < line.length; index++) {
    const character = line[index]
    if (character === ' ') column++
    else if (character === '\t') column += 4 - (column % 4)
    else if (character === '>') quotes++
    else break
  }
  if (column <= maxIndent && quotes <= maxQuotes) return line
  const rest = line.slice(index)
  if (quotes === 0) return ' '.repeat(maxIndent) + rest
  // Inside quotes, indentation is kept within bounds too, after the markers.
  const indent = Math.min(maxIndent, Math.max(0, column - quotes))
  return `${'>'.repeat(Math.min(quotes, maxQuotes))} ${' '.repeat(Math.max(0, Math.min(indent, maxIndent) - 1))}${rest}`
}

/**
 * Emphasis markers kept on one line. The parser's emphasis matching slows
 * down faster than the count of `*` and `_` on a line (40,000 of them take
 * seconds); no note has a thousand. Past that, every marker on the line is
 * escaped — read as the character itself — and the file gets a warning.
 */
export const maxEmphasisMarkers = 1000

export function limitEmphasis(value: string): Limited {
  // Cheap test first: most files have few markers in all.
  let total = 0
  for (let index = value.indexOf('*'); index !== -1 && total <= maxEmphasisMarkers; index = value.indexOf('*', index + 1)) total++
  for (let index = value.indexOf('_'); index !== -1 && total <= maxEmphasisMarkers; index = value.indexOf('_', index + 1)) total++
  if (total <= maxEmphasisMarkers) return {value, count: 0}

  let count = 0
  let first: number | undefined
  const lines = value.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    let markers = 0
    for (let at = 0; at < line.length && markers <= maxEmphasisMarkers; at++) if (line[at] === '*' || line[at] === '_') markers++
    if (markers <= maxEmphasisMarkers) continue
    lines[index] = line.replace(/(?<!\\)[*_]/g, (marker) => `\\${marker}`)
    count++
    first ??= index + 1
  }
  return count === 0 ? {value, count: 0} : {value: lines.join('\n'), line: first, count}
}
