/**
 * Notes pasted from a tool that writes its own markup: a wiki (MediaWiki, Confluence), a forum (BBCode),
 * a mind map's text export (a tree drawn with `├──`, or an outline indented with
 * tabs). Markdown reads none of them as their authors meant: `# Do you know…?` becomes a heading and its
 * words never reach the report, `[*]One-year grants…` and `'''Faith in the long game'''` keep their
 * marks, `[[User:Will Brennan|Will]]` hides a name in a link, a tree in a code fence is left out whole, and
 * `[quote="Frank Delaney-Hughes"]` prints who said it.
 *
 * One row per dialect: the signs that say a document is written in it (at least two kinds, so a markdown
 * file with one stray `== ` or `[b]` is left alone), and a rewrite of each line into the markdown that
 * means the same, one line for one line, so that every position the later stages report is the notes'
 * own. What a dialect means as metadata (a wiki's templates and signatures, a forum's `[size]`, a cue's
 * number) is blanked or made a comment, as the tool that wrote it would not print it; what a participant
 * wrote is kept, and an attribution's name is left where the anonymiser reads names, or dropped when it
 * is only an attribution (a quote's author).
 *
 * Adding a dialect is adding a row.
 */

import {bodyStart} from './body.js'

interface Dialect {
  id: string
  /** Kinds of sign: a document is in the dialect when lines show at least `kinds` of them. */
  signs: RegExp[]
  kinds: number
  /** The first sign must be among them. */
  firstRequired?: boolean
  /** Cheap test of the whole document: could it be in the dialect at all. */
  hint: (document: string) => boolean
  /** The body's lines (after the front matter), rewritten in place; returns how many changed. */
  rewrite: (lines: string[], from: number) => number
}

const fence = /^[^\S\n]*(?:`{3,}|~{3,})/u

/** Rewrite each line outside code fences with `line`, counting the changes. */
function eachLine(lines: string[], from: number, line: (text: string, index: number) => string): number {
  let count = 0
  let inFence = false
  for (let index = from; index < lines.length; index++) {
    const raw = lines[index]!
    if (fence.test(raw)) {
      inFence = !inFence
      continue
    }
    if (inFence) continue
    const text = raw.replace(/\r$/u, '')
    const cr = raw.length > text.length ? '\r' : ''
    const out = line(text, index)
    if (out !== text) {
      lines[index] = out + cr
      count++
    }
  }
  return count
}

/** A list's nesting written as marks (`**`, `#*`, `*:`) as markdown: indentation, then the last mark's kind. */
function nestedList(marks: string, text: string): string {
  let indent = ''
  for (const mark of marks.slice(0, -1)) indent += mark === '#' ? '   ' : '  '
  const last = marks.at(-1)!
  if (last === ':' || last === ';') return `${indent}${'  '}${text}`
  return `${indent}${last === '#' ? '1.' : '-'} ${text}`
}

// MediaWiki -----------------------------------------------------------------------------------------------

const wikiHeading = /^(={1,6})[^\S\n]*(.+?)[^\S\n]*\1[^\S\n]*$/u
const wikiList = /^([*#:;]+)[^\S\n]*(.*)$/u
/** A markdown heading: `#` marks, a space, words (a wiki's numbered point is written the same way, but among list lines). */
const markdownHeading = /^#{1,6}[^\S\n]+\S/u
/** A wiki's list line with a mark no markdown heading has: `*`, `:` or `;` among its marks. */
const wikiListLine = /^#*[*:;][*#:;]*[^\S\n]*\S/u
/**
 * Whether the line beside a `#…` line makes it a numbered point: a bullet or an indented line of the wiki's (`*`, `#*`,
 * `:`), or a `#` line of the same depth (`# first`, `# second`). `## Empty homes` over `### The scale of it` are headings.
 */
function listBeside(line: string, beside: string): boolean {
  if (wikiListLine.test(beside)) return true
  return markdownHeading.test(beside) && /^#+/u.exec(beside)![0].length === /^#+/u.exec(line)![0].length
}
const wikiSignature = /[^\S\n]*(?:--|—|–)?[^\S\n]*\[\[User:[^\]\n]*\]\][^\S\n]*(?:\(\[\[User[ _]talk:[^\]\n]*\]\]\))?[^\S\n]*\d{1,2}:\d{2},[^\S\n]+\d{1,2}[^\S\n]+\p{L}+[^\S\n]+\d{4}[^\S\n]+\(UTC\)/gu

function wikiInline(text: string): string {
  return text
    .replace(wikiSignature, '')
    .replace(/[^\S\n]*~{3,5}/gu, '')
    .replace(/'{5}(.+?)'{5}/gu, '***$1***')
    .replace(/'{3}(.+?)'{3}/gu, '**$1**')
    .replace(/'{2}(.+?)'{2}/gu, '*$1*')
    // A user's page names a person: the page's name, whole, for the anonymiser to read (`[[User:Will Brennan|Will]]` → `Will Brennan`).
    .replace(/\[\[(?:User|Special:Contributions\/?)[: ]?([^\]|\n]+)(?:\|[^\]\n]*)?\]\]/giu, (_, page: string) => page.replace(/^Contributions\//u, '').replace(/_/gu, ' '))
    .replace(/\[\[User[ _]talk:[^\]\n]*\]\]/giu, '')
    .replace(/\[\[(?:Category|File|Image):[^\]\n]*\]\]/giu, '')
    .replace(/\[\[[^\]|\n]+\|([^\]\n]+)\]\]/gu, '$1')
    .replace(/\[\[([^\]\n]+)\]\]/gu, '$1')
    .replace(/\[(https?:\/\/[^\s\]]+)[^\S\n]+([^\]\n]+)\]/gu, '[$2]($1)')
    .replace(/\[(https?:\/\/[^\s\]]+)\]/gu, '<$1>')
    // A quotation template keeps its words; who said it is an attribution, and goes.
    .replace(/\{\{[^\S\n]*(?:quote|cquote|quotation|blockquote)[^\S\n]*\|([^{}\n]*)\}\}/giu, (_, parameters: string) => `“${quotedWords(parameters)}”`)
    .replace(/\(\s*\)/gu, '')
}

/** A quotation template's words: its `text=` (or `quote=`, `1=`) parameter, or its first one without a name; never its `author=`. */
function quotedWords(parameters: string): string {
  const all = parameters.split('|').map((parameter) => parameter.trim())
  const named = all.find((parameter) => /^(?:text|quote|1)[^\S\n]*=/iu.test(parameter))
  return (named ? named.replace(/^[^=]*=/u, '') : (all.find((parameter) => !parameter.includes('=')) ?? '')).trim()
}

const mediaWiki: Dialect = {
  id: 'MediaWiki',
  // Two kinds at least, of signs Obsidian's `[[links]]` and markdown never make: wiki-markup.ts, which runs first, has made the
  // `== … ==` titles markdown's by then, so what is left (bold `'''`, user links, templates, signatures) is read here.
  signs: [/^={2,6}[^=\n].*={2,6}[^\S\n]*$/mu, /'{3}[^'\n]+'{3}/u, /\[\[(?:User|User[ _]talk|Special|Category|File|Image):/iu, /\{\{[^}\n]+\}\}/u, /~{4}|\d{1,2}:\d{2},[^\S\n]+\d{1,2}[^\S\n]+\p{L}+[^\S\n]+\d{4}[^\S\n]+\(UTC\)/u],
  kinds: 2,
  hint: (document) => document.includes("'''") || document.includes('[[') || document.includes('{{') || document.includes('=='),
  rewrite(lines, from) {
    // The lines as they came: a rule reads a line's neighbours as written, not as this pass has rewritten them.
    const written = lines.slice()
    return eachLine(lines, from, (text, index) => {
      const heading = wikiHeading.exec(text)
      if (heading) return `${'#'.repeat(heading[1]!.length)} ${wikiInline(heading[2]!)}`
      // `### What works` with no list line beside it is markdown's heading (wiki-markup.ts made `=== What works ===` one,
      // or the page's title was one), not a numbered point three levels deep: its notes keep their heading.
      if (markdownHeading.test(text) && ![written[index - 1], written[index + 1]].some((line) => line !== undefined && listBeside(text, line))) return wikiInline(text)
      // A template on a line of its own (an infobox, a navigation box) is the page's metadata: a comment, as the wiki does not print it as text.
      if (/^[^\S\n]*\{\{[^{}\n]*\}\}[^\S\n]*$/u.test(text) && !/^\{\{[^\S\n]*(?:quote|cquote|quotation|blockquote)\b/iu.test(text.trim())) return `<!-- ${text.replace(/--/gu, '- -')} -->`
      const list = wikiList.exec(text)
      if (list && !/^:\/\//u.test(text)) {
        const body = wikiInline(list[2]!)
        return body.trim() ? nestedList(list[1]!, body) : ''
      }
      return wikiInline(text)
    })
  },
}

// Confluence wiki markup -----------------------------------------------------------------------------------

const confluenceMacro = /\{(?:info|note|tip|warning|panel|expand|excerpt|section|column)(?::[^}\n]*)?\}/giu

function confluenceInline(text: string): string {
  return text
    .replace(confluenceMacro, '')
    .replace(/\[~([\w.-]+)\]/gu, '@$1')
    .replace(/\[([^\]|\n]+)\|((?:https?:\/\/|mailto:)[^\]\n]+)\]/gu, '[$1]($2)')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1**$2**')
    .replace(/\{\{([^}\n]+)\}\}/gu, '`$1`')
}

const confluence: Dialect = {
  id: 'Confluence',
  signs: [/^h[1-6]\.[^\S\n]/u, /\{(?:quote|info|note|tip|warning|panel|code|noformat)(?::[^}\n]*)?\}/u, /\[~[\w.-]+\]/u, /^\|\|.*\|\|[^\S\n]*$/u, /^bq\.[^\S\n]/u],
  kinds: 2,
  hint: (document) => document.includes('{') || document.includes('[~') || document.includes('||') || /^h[1-6]\.[^\S\n]/mu.test(document),
  rewrite(lines, from) {
    let inQuote = false
    return eachLine(lines, from, (text) => {
      const heading = /^h([1-6])\.[^\S\n]+(.*)$/u.exec(text)
      if (heading) return `${'#'.repeat(Number(heading[1]))} ${confluenceInline(heading[2]!)}`
      // `{quote}` opens and closes a quotation: its lines are a blockquote.
      const quoteMarks = text.match(/\{quote\}/gu)?.length ?? 0
      const quoted = inQuote || text.trimStart().startsWith('{quote}')
      if (quoteMarks % 2 === 1) inQuote = !inQuote
      if (quoteMarks > 0 || quoted) {
        const body = confluenceInline(text.replace(/\{quote\}/gu, '')).trim()
        return body ? `> ${body}` : ''
      }
      if (/^bq\.[^\S\n]/u.test(text)) return `> ${confluenceInline(text.slice(3).trim())}`
      // A table's rows, header (`||a||b||`) and cells (`|x|y|`): cells set apart by tabs, which the export reader takes as a pasted table.
      if (/^\|\|.*\|\|[^\S\n]*$/u.test(text)) return text.trim().replace(/^\|\||\|\|$/gu, '').split('||').map((cell) => confluenceInline(cell.trim())).join('\t')
      if (/^\|[^|].*\|[^\S\n]*$/u.test(text)) return text.trim().replace(/^\||\|$/gu, '').split('|').map((cell) => confluenceInline(cell.trim())).join('\t')
      // Bullets (`*`, `**`); a numbered `#` item is wiki-markup.ts's, which runs first and has made markdown headings `## ` of
      // `h2.` titles: a `#` here is markdown's own.
      const list = /^(\*+|-)[^\S\n]+(.*)$/u.exec(text)
      if (list) return nestedList(list[1]!.replace(/-/gu, '*'), confluenceInline(list[2]!))
      return confluenceInline(text)
    })
  },
}

// BBCode ---------------------------------------------------------------------------------------------------

function bbInline(text: string): string {
  return text
    .replace(/\[url=([^\]\n]+)\]([^[\n]*?)\[\/url\]/giu, '[$2]($1)')
    .replace(/\[url\]([^[\n]*?)\[\/url\]/giu, '<$1>')
    .replace(/\[email\]([^[\n]*?)\[\/email\]/giu, '$1')
    .replace(/\[b\]([^[\n]*?)\[\/b\]/giu, '**$1**')
    .replace(/\[(?:i|em)\]([^[\n]*?)\[\/(?:i|em)\]/giu, '*$1*')
    .replace(/\[img\][^[\n]*\[\/img\]/giu, '')
    .replace(/\[\/?(?:b|i|u|s|em|strong|size|color|colour|font|center|left|right|quote|spoiler|code|list)(?:=[^\]\n]*)?\]/giu, '')
}

const bbCode: Dialect = {
  id: 'BBCode',
  signs: [/\[b\][^[\n]*\[\/b\]/iu, /\[quote(?:=[^\]\n]*)?\]/iu, /\[url(?:=[^\]\n]*)?\]/iu, /\[list(?:=[^\]\n]*)?\]|\[\*\]/iu, /\[(?:size|color|i|u)(?:=[^\]\n]*)?\][^[\n]*\[\/(?:size|color|i|u)\]/iu],
  kinds: 2,
  hint: (document) => document.includes('[/'),
  rewrite(lines, from) {
    const lists: Array<'-' | '1.'> = []
    let inQuote = false
    return eachLine(lines, from, (text) => {
      let rest = text
      let prefix = ''
      // A post's title (`[b]Re: what works[/b]`) is a heading; `Topic:` the thread's.
      // A post's byline (`Posted by [b]frank_dh[/b] » Thu 24 Sep 2026 17:40`) is the forum's metadata: who and when.
      if (/^[^\S\n]*(?:posted|written)[^\S\n]+by[^\S\n]+.{1,60}?[^\S\n](?:»|on|at|-|–)[^\S\n]+.*\d/iu.test(text)) return ''
      const title = /^[^\S\n]*\[b\][^\S\n]*(re|topic|subject)[^\S\n]*:[^\S\n]*([^[\n]+?)[^\S\n]*\[\/b\][^\S\n]*$/iu.exec(text)
      if (title) return `${title[1]!.toLowerCase() === 're' ? '###' : '##'} ${title[2]}`
      const open = /^[^\S\n]*\[list(=[^\]\n]*)?\][^\S\n]*/iu.exec(rest)
      if (open) {
        lists.push(open[1] ? '1.' : '-')
        rest = rest.slice(open[0].length)
      }
      const closeList = /\[\/list\][^\S\n]*$/iu.test(rest)
      if (closeList) rest = rest.replace(/\[\/list\][^\S\n]*$/iu, '')
      // A quotation: its words in a blockquote, its author (an attribution) dropped.
      const quoteOpen = /^[^\S\n]*\[quote(?:=[^\]\n]*)?\]/iu.exec(rest)
      if (quoteOpen) {
        inQuote = true
        rest = rest.slice(quoteOpen[0].length)
      }
      const quoted = inQuote
      if (/\[\/quote\]/iu.test(rest)) {
        inQuote = false
        rest = rest.replace(/\[\/quote\]/giu, '')
      }
      const item = /^[^\S\n]*\[\*\][^\S\n]*/u.exec(rest)
      if (item) {
        prefix = `${'  '.repeat(Math.max(0, lists.length - 1))}${lists.at(-1) ?? '-'} `
        rest = rest.slice(item[0].length)
      } else if (quoted) prefix = '> '
      if (closeList) lists.pop()
      const body = bbInline(rest).trim()
      return body ? prefix + body : ''
    })
  },
}

// A tree drawn with box characters, or an outline indented with tabs -------------------------------------------

/** A branch of a drawn tree: its guides (`│   `, `|   `, spaces) and its glyph (`├──`, `└──`, `+--`, `|--`, `` `-- ``). */
const treeBranch = /^([│|\s]*?)(?:[├└]─+|\+-{1,3}|\|-{2,3}|`-{2,3})(?![-+|─])[^\S\n]*(.*)$/u

function treeLine(text: string): string | undefined {
  const branch = treeBranch.exec(text)
  if (!branch) return undefined
  const depth = Math.round(branch[1]!.replace(/\t/gu, '    ').length / 4) + 1
  return branch[2]!.trim() ? `${'  '.repeat(depth)}- ${branch[2]!.trim()}` : ''
}

const tree: Dialect = {
  id: 'a drawn tree',
  signs: [/^[│|\s]*[├└]─+/u, /^[|\s]*\+-{1,3}(?![-+|])[^\S\n]*\S/u],
  kinds: 1,
  hint: (document) => document.includes('├') || document.includes('└') || document.includes('+--') || document.includes('|--'),
  rewrite(lines, from) {
    let count = 0
    for (let index = from; index < lines.length; index++) {
      const open = fence.exec(lines[index]!)
      if (open) {
        // A fence that holds only a tree (and its root's name) is not code: the tree is an outline.
        let end = index + 1
        while (end < lines.length && !fence.test(lines[end]!)) end++
        const body = lines.slice(index + 1, end).filter((line) => line.trim())
        const branches = body.filter((line) => treeBranch.test(line)).length
        if (end < lines.length && branches >= 2 && branches >= body.length - 1) {
          lines[index] = ''
          lines[end] = ''
          for (let line = index + 1; line < end; line++) {
            const text = lines[line]!.replace(/\r$/u, '')
            const out = treeLine(text) ?? (text.trim() ? `- ${text.trim()}` : '')
            lines[line] = out
          }
          count += end - index + 1
        }
        index = end
        continue
      }
      const out = treeLine(lines[index]!.replace(/\r$/u, ''))
      if (out !== undefined && (treeBranch.test(lines[index - 1] ?? '') || treeBranch.test(lines[index + 1] ?? '') || /^[│|\s]*[├└]─/u.test(lines[index]!))) {
        // The root of an unfenced tree, the line before its first branch, is the first item of the outline.
        const previous = lines[index - 1]?.replace(/\r$/u, '') ?? ''
        if (index - 1 >= from && previous.trim() && !treeBranch.test(previous) && !/^[^\S\n]*(?:[-*+]|\d+[.)])[^\S\n]/u.test(previous) && !/^#/u.test(previous)) {
          lines[index - 1] = `- ${previous.trim()}`
          count++
        }
        lines[index] = out
        count++
      }
    }
    return count
  },
}

/** A line under a parent, indented with tabs: markdown would run it into the parent's paragraph. */
const tabbed = /^(\t+)(\S.*)$/u

const tabOutline: Dialect = {
  id: 'an outline indented with tabs',
  // A line of its own, then lines indented with tabs straight under it (no blank line: not code), twice or more.
  signs: [/^\t+\S/u],
  kinds: 1,
  hint: (document) => /\n[^\t\n][^\n]*\n\t+\S[^\n]*\n\t+\S/u.test(document),
  rewrite(lines, from) {
    let groups = 0
    for (let index = from + 1; index < lines.length; index++) {
      if (tabbed.test(lines[index]!) && lines[index - 1]!.trim() && !tabbed.test(lines[index - 1]!)) groups++
    }
    if (groups < 2) return 0
    let count = 0
    let inFence = false
    let parent: 'heading' | 'item' | undefined
    for (let index = from; index < lines.length; index++) {
      const line = lines[index]!.replace(/\r$/u, '')
      if (fence.test(line)) inFence = !inFence
      if (inFence) continue
      if (!line.trim()) {
        parent = undefined
        continue
      }
      const child = tabbed.exec(line)
      if (!child) {
        parent = undefined
        if (!tabbed.test(lines[index + 1] ?? '') || /^[^\S\n]*(?:[-*+]|\d+[.)]|#)/u.test(line)) continue
        // A parent: a short label is the heading of what is under it; anything longer, the first item.
        const short = line.trim().split(/\s+/u).length <= 6 && !/[.!?;,:]$/u.test(line.trim())
        parent = short ? 'heading' : 'item'
        lines[index] = short ? `### ${line.trim()}` : `- ${line.trim()}`
        count++
      } else if (parent) {
        lines[index] = `${'  '.repeat(child[1]!.length - 1 + (parent === 'item' ? 1 : 0))}- ${child[2]}`
        count++
      }
    }
    return count
  },
}

// Subtitles (SRT, WebVTT) are wiki-markup.ts's: a cue a paragraph. Joining a sentence run on across cues was tried here and
// dropped: a cue without a stop is as often a whole note, and moving its words up loses their line.
const dialects: Dialect[] = [mediaWiki, confluence, bbCode, tree, tabOutline]

/** The kinds of a dialect's signs the body shows. */
function kindsShown(dialect: Dialect, lines: readonly string[], from: number): number {
  let shown = 0
  for (const [position, sign] of dialect.signs.entries()) {
    for (let index = from; index < lines.length; index++) {
      if (sign.test(lines[index]!)) {
        shown++
        break
      }
    }
    if (position === 0 && shown === 0 && dialect.firstRequired) return 0
  }
  return shown
}

/**
 * The body's pasted dialects as markdown, line for line; `count` is how many lines changed (0: none),
 * `dialects` the ones found, for the warning that says the notes were read as one.
 */
export function fromPastedDialects(document: string): {value: string; count: number; dialects: string[]} {
  const candidates = dialects.filter((dialect) => dialect.hint(document))
  if (candidates.length === 0) return {value: document, count: 0, dialects: []}
  const lines = document.split('\n')
  const from = bodyStart(lines)
  let count = 0
  const found: string[] = []
  for (const dialect of candidates) {
    if (kindsShown(dialect, lines, from) < dialect.kinds) continue
    const changed = dialect.rewrite(lines, from)
    if (changed > 0) {
      count += changed
      found.push(dialect.id)
    }
  }
  return {value: count > 0 ? lines.join('\n') : document, count, dialects: found}
}
