/**
 * Notes written in another lightweight markup and pasted in: AsciiDoc (a team wiki's, GitLab's) and the
 * reStructuredText directives Sphinx pages carry. Markdown reads neither: `== What works` is a paragraph
 * that says "== What works", `. Does every service…` runs into the line before, a block's closing `====`
 * turns the line above it into a heading, and `:author: Jo Bloggs` becomes a note. Each line is read here
 * for what it means and written as the markdown that means the same, one line for one line, so that
 * every position the later stages report is the notes' own:
 *
 * - a section title `== What works` → `## What works` (`=` the document's title → `#`);
 * - an ordered item `. Question` → `1. Question`, nested `..` → indented; a nested bullet `** point` → indented `*`;
 * - a block's attribute line (`[NOTE]`, `[source,js]`, `[quote, …]`) and its delimiters (`====`, `****`,
 *   `____`, `--`) → blank; a listing's `----` → a code fence;
 * - an admonition's label (`NOTE: `, `TIP: `, `IMPORTANT: `) → dropped, its words kept;
 * - the document's attributes (`:author: …`, `:email: …`) and comments (`// …`) → HTML comments, which
 *   the notes never meant to print (AsciiDoc does not print them either);
 * - reStructuredText's `.. note::` directive line → blank (its indented body is read as text), and its
 *   `.. comment` lines → HTML comments;
 * - a section title underlined (and perhaps overlined) with a run of one punctuation mark, as reStructuredText and
 *   AsciiDoc's two-line titles write it (`What works` / `----------`) → `## What works` and a blank line: its level is
 *   the order in which the document first uses that adornment, as reStructuredText reads it. Read as a listing's `----`
 *   or a block's `====`, it would turn the section's points into code, which is left out (found on a Sphinx page).
 *
 * Only a document that is AsciiDoc by at least two signs (titles, attributes, block attributes, ordered
 * items) is rewritten, and only its body (after the front matter): markdown notes with one stray `== ` stay
 * as they are.
 */

import {bodyStart} from './body.js'

const title = /^(={1,6})[^\S\n]+(\S.*)$/u
const attribute = /^:[\w-]+!?:(?:[^\S\n].*)?$/u
const blockAttribute = /^\[(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION|source(?:,[^\]]*)?|quote(?:,[^\]]*)?|verse(?:,[^\]]*)?|example|sidebar|\.[\w-]+|#[\w-]+)\]$/u
const delimiter = /^(?:={4,}|\*{4,}|_{4,}|--)$/u
const listing = /^-{4,}$/u
const ordered = /^(\.{1,5})[^\S\n]+(\S.*)$/u
const nestedBullet = /^(\*{2,5})[^\S\n]+(\S.*)$/u
const admonition = /^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):[^\S\n]+/u
const comment = /^\/\/(?!\/)(?:[^\S\n].*)?$/u
const rstDirective = /^\.\.[^\S\n]+[\w-]+::.*$/u
const rstComment = /^\.\.[^\S\n]+(?![\w-]+::)(\S.*)$/u
/** A title's adornment: one of reStructuredText's punctuation marks, three times or more, alone on its line. */
const adornment = /^([=\-~^"'`#*+:._])\1{2,}$/u

/**
 * Is the line at `index` the underline of a title (the text line above it, no longer than the line plus two), or the
 * overline of one (the same run two lines below, a title between)? Returns the title's line and whether it is overlined.
 */
function adornedTitle(lines: readonly string[], index: number): {title: number; overline: boolean} | undefined {
  const line = lines[index]!.replace(/\r$/u, '')
  if (!adornment.test(line)) return undefined
  const fits = (at: number) => {
    const text = lines[at]?.replace(/\r$/u, '').trim() ?? ''
    return text !== '' && !blockAttribute.test(text) && !adornment.test(text) && text.length <= line.length + 2 && !/^(?:[-*+]|\d+[.)])[^\S\n]/u.test(text)
  }
  if (lines[index + 2]?.replace(/\r$/u, '') === line && fits(index + 1)) return {title: index + 1, overline: true}
  if (index > 0 && fits(index - 1) && lines[index - 2]?.replace(/\r$/u, '').trim() !== line) return {title: index - 1, overline: false}
  return undefined
}

/** How many lines of the body read as AsciiDoc. */
function signs(lines: readonly string[]): number {
  let count = 0
  for (const line of lines) if (title.test(line) || attribute.test(line) || blockAttribute.test(line) || rstDirective.test(line)) count++
  return count
}

/** The body's AsciiDoc as markdown, line for line; `count` is how many lines changed (0: not AsciiDoc). */
export function fromLightweightMarkup(document: string): {value: string; count: number} {
  const lines = document.split('\n')
  const body = bodyStart(lines)
  if (signs(lines.slice(body)) < 2) return {value: document, count: 0}
  let count = 0
  let inListing = false
  // `.. point` under `. point` is a nested ordered item, not a reStructuredText comment.
  const ordersItems = lines.slice(body).some((line) => /^\.[^\S\n]+\S/u.test(line))
  // The adornments in the order the document first uses them (`=` over and under, then `-` under …): their levels.
  const levels: string[] = []
  for (let index = body; index < lines.length; index++) {
    const raw = lines[index]!
    const line = raw.replace(/\r$/u, '')
    const cr = raw.length > line.length ? '\r' : ''
    let out = line
    const adorned = inListing ? undefined : adornedTitle(lines, index)
    if (adorned) {
      const style = `${line[0]}${adorned.overline ? 'over' : ''}`
      if (!levels.includes(style)) levels.push(style)
      const at = adorned.title
      const text = lines[at]!.replace(/\r$/u, '')
      lines[at] = `${'#'.repeat(Math.min(levels.indexOf(style) + 1, 6))} ${text.trim()}${lines[at]!.length > text.length ? '\r' : ''}`
      count++
      out = ''
      // The title and its underline are read: go on after them.
      if (adorned.overline) {
        const under = lines[index + 2]!
        lines[index + 2] = under.endsWith('\r') ? '\r' : ''
        count++
        lines[index] = out + cr
        count++
        index += 2
        continue
      }
    } else if (listing.test(line)) {
      inListing = !inListing
      out = '```'
    } else if (inListing) {
      continue
    } else if (title.test(line)) {
      const [, marks, text] = title.exec(line)!
      out = `${'#'.repeat(marks!.length)} ${text}`
    } else if (attribute.test(line) || comment.test(line) || (rstComment.test(line) && !ordersItems)) {
      out = `<!-- ${line.replace(/--/gu, '- -')} -->`
    } else if (blockAttribute.test(line) || delimiter.test(line) || rstDirective.test(line)) {
      out = ''
    } else if (ordered.test(line)) {
      const [, dots, text] = ordered.exec(line)!
      out = `${'   '.repeat(dots!.length - 1)}1. ${text}`
    } else if (nestedBullet.test(line)) {
      const [, stars, text] = nestedBullet.exec(line)!
      out = `${'  '.repeat(stars!.length - 1)}* ${text}`
    } else if (admonition.test(line)) {
      out = line.replace(admonition, '')
    }
    if (out !== line) {
      lines[index] = out + cr
      count++
    }
  }
  return {value: lines.join('\n'), count}
}
