/**
 * The generator of note formats (issue 15, stop 25): the same realistic notes — content lines with roster names planted
 * in name positions (a label, a subject of saying, an aside, an oblique, a vocative, thanks), a chat's or a transcript's
 * speaker, and ordinary uses of the words some of those names are (`we will review…`, `mark the date…`) — written in
 * every format a facilitator pastes: markdown (bullets at three levels, numbered, tables, quotes, a heading a note, task
 * lists), raw HTML (lists, tables, `<p>`, `<br>`, `<a>`, a whole page), AsciiDoc, reStructuredText, org-mode, wiki and
 * forum markups (MediaWiki, Confluence/Textile, Jira, BBCode), LaTeX, CSV/TSV/semicolon pastes, a forms tool's
 * responses, chat exports (Zoom, Teams, WhatsApp, Slack, Discord), transcripts (WebVTT, SRT, Otter), outline numbering,
 * hard-wrapped text, an email reply, a code-fenced paste. Seeded: a case is `format × seed` and reproduces from them.
 *
 * `measureFormat` takes a case through the whole pipeline and sorts what went wrong into classes: `error` (an internal
 * error), `refused` (the pipeline refused the file), `silent loss` (a content line neither in the report nor in
 * `left_out`), `leak` (a word of a planted name in the HTML text, the markdown or a JSON string), `over-redaction` (a
 * line that reached the report without its ordinary word); and, not failures of the guarantee but counted, `left out`
 * (a line kept out with a reason) and `residue` (the format's own syntax printed in the report as if it were words).
 */
import {VFile} from 'vfile'
import {htmlText, jsonStrings} from '../../src/audit/index.js'
import {compileReport} from '../../src/engine/index.js'
import {ExchangeError} from '../../src/errors.js'
import type {JsonReport} from '../../src/render/json.js'
import {random} from './notes.js'
import {generatorFront, generatorPeople, markerWords, wordUses} from './plant.js'

export interface FormatNote {
  /** The note as written, with its marker word and any name in it. */
  text: string
  marker: string
  /** Who said it, for the formats that carry a speaker (a chat, a transcript, a board's author column). */
  speaker?: string
  children: FormatNote[]
  /** An ordinary word that must survive (`will`, `mark`). */
  word?: string
  /** The name position planted in it, if any (its template). */
  position?: string
}

export interface FormatDoc {
  title: string
  sections: Array<{title: string; notes: FormatNote[]}>
}

export interface FormatCase {
  format: string
  seed: number
  value: string
  doc: FormatDoc
  /** Words of planted names (folded, lower case) that must be in no output. */
  banned: string[]
  /** The format's own syntax, which should not be printed as words of the report. */
  residue?: RegExp
}

const topics = [
  'the {w} waiting list is far too long',
  'residents trust the {w} more than the town hall',
  'funding for the {w} runs out every March',
  'data sharing about the {w} takes months to agree',
  'young carers never hear about the {w}',
  'we co-designed the {w} with families',
  'staff turnover at the {w} keeps restarting relationships',
  'the {w} opens late on Thursdays now',
  'nobody owns the {w} budget after April',
  'volunteers at the {w} are ageing out',
  'buses to the {w} run every two hours',
  'the {w} pilot halved the wait for a first visit',
  'people want to be asked about the {w} earlier',
  'digital exclusion keeps older people from the {w}',
]

/** Name positions: only a person fits, so a name here is a name whatever its case. */
export const positions = ['{n}: {t}', '{n} said {t}', '{t} ({n})', 'according to {n}, {t}', 'thanks to {n}, {t}', '{n}, you said {t}', 'as {n} put it, {t}']

/** English words among the roster's names: planted only in full and as written, so the word uses stay unambiguous. */
const wordNames = new Set(['grant', 'sue', 'robin', 'precious', 'frank', 'will', 'mark', 'hope', 'faith', 'sky', 'field', 'hill', 'rich', 'carol', 'barker', 'shepherd'])
const particles = new Set(['al', 'van', 'der', 'ní', 'ni', 'ap', 'de', 'mr', 'ms', 'dr', 'cllr'])
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
const wordsOf = (text: string) => [...fold(text).matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0])

const sectionTitles = ['What works', 'What needs to change', 'Barriers', 'Questions we still have', 'Ideas to try', 'Transport and access']

/** One seeded set of notes: sections of notes, some nested, some with a name, one or two with an ordinary word. */
export function generateDoc(seed: number): {doc: FormatDoc; banned: string[]} {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  // `workshop` is a word of the title: not a marker.
  const markers = markerWords.filter((word) => word !== 'workshop').sort(() => next() - 0.5)
  const banned = new Set<string>()
  const plain = generatorPeople.filter((person) => !wordsOf(person.name).some((word) => wordNames.has(word)))
  const nameFor = (): string => {
    const person = next() < 0.7 ? pick(plain) : pick(generatorPeople)
    const words = person.name.split(' ')
    const isWordy = wordsOf(person.name).some((word) => wordNames.has(word))
    const forms = isWordy ? [person.name] : [person.name, words[0]!, words.slice(1).join(' '), `${person.honorific ?? 'Dr'} ${words.at(-1)}`]
    const form = pick(forms)
    const written = isWordy ? form : pick([form, form, form.toLowerCase(), form.toUpperCase()])
    for (const word of wordsOf(written)) if (word.length > 1 && !particles.has(word)) banned.add(word)
    return written
  }
  // A use whose surviving word is the marker itself (`the Mr Hill-led {w} pilot`, checked as `allotment` by plant.ts) is left to
  // plant.ts: here `{w}` is any marker, and every marker is checked by the ledger already.
  const uses: Array<[string, string]> = wordUses.filter(([, word]) => word === word.toLowerCase() && !markerWords.includes(word)).map(([template, word]) => [template.replace(/^- /u, ''), word])
  const note = (depth: number): FormatNote => {
    const marker = markers.pop()!
    let text = pick(topics).replace('{w}', marker)
    let word: string | undefined
    const roll = next()
    let position: string | undefined
    if (roll < 0.35) {
      position = pick(positions)
      text = position.replace('{t}', text).replace('{n}', nameFor())
    }
    else if (roll < 0.45) word = '?'
    const children = depth < 2 && next() < 0.35 ? Array.from({length: 1 + Math.floor(next() * 2)}, () => note(depth + 1)) : []
    return {text, marker, children, ...(word ? {word} : {}), ...(position ? {position} : {})}
  }
  const sections = Array.from({length: 2 + Math.floor(next() * 2)}, (_, index) => ({title: sectionTitles[(seed + index) % sectionTitles.length]!, notes: Array.from({length: 2 + Math.floor(next() * 3)}, () => note(0))}))
  // A speaker for every note, for the formats that carry one.
  const all = sections.flatMap((section) => flatten(section.notes))
  for (const entry of all) {
    const person = pick(plain)
    entry.speaker = person.name
    for (const word of wordsOf(person.name)) if (word.length > 1 && !particles.has(word)) banned.add(word)
  }
  // The ordinary uses, of words no name planted in the same file is (that one could not be told from the name).
  const free = uses.filter(([, use]) => !banned.has(use))
  for (const entry of all) {
    if (entry.word !== '?') continue
    const [template, use] = pick(free)
    entry.text = template.replace('{w}', entry.marker)
    entry.word = use
  }
  return {doc: {title: 'Community transport workshop', sections}, banned: [...banned]}
}

export function flatten(notes: FormatNote[]): FormatNote[] {
  return notes.flatMap((entry) => [entry, ...flatten(entry.children)])
}

/** Notes with their depth, in order. */
function walk(notes: FormatNote[], depth = 0): Array<{note: FormatNote; depth: number}> {
  return notes.flatMap((note) => [{note, depth}, ...walk(note.children, depth + 1)])
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const csvCell = (text: string, separator: string) => (text.includes(separator) || text.includes('"') ? `"${text.replace(/"/g, '""')}"` : text)
const clock = (index: number, seconds = false) => `${10 + Math.floor(index / 12)}:${String((index * 5) % 60).padStart(2, '0')}${seconds ? `:${String((index * 7) % 60).padStart(2, '0')}` : ''}`
const cue = (index: number, comma = false) => {
  const at = (value: number) => `00:${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}${comma ? ',' : '.'}000`
  return `${at(index * 6)} --> ${at(index * 6 + 5)}`
}

/** Hard-wrap a line at a width, the continuation lines indented by `indent`. */
function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line)
      line = indent + word
    } else line = line ? `${line} ${word}` : word
  }
  lines.push(line)
  return lines.join('\n')
}

type Render = (doc: FormatDoc) => string

/** Markdown-like bullets at three levels, with the marks and indentation of each markup. */
const bullets =
  (heading: (title: string) => string, item: (depth: number, text: string, index: number) => string, between = '\n'): Render =>
  (doc) =>
    doc.sections.map((section) => `${heading(section.title)}\n\n${walk(section.notes).map(({note, depth}, index) => item(depth, note.text, index)).join('\n')}\n`).join(between)

/** A speaker's lines, one message a note, in a chat's or a transcript's shape. */
const messages =
  (head: string, message: (speaker: string, text: string, index: number) => string, between = '\n', fence = ''): Render =>
  (doc) => {
    const all = doc.sections.flatMap((section) => flatten(section.notes))
    const body = all.map((note, index) => message(note.speaker!, note.text, index)).join(between)
    return `## ${doc.sections[0]!.title}\n\n${fence ? `${fence}\n` : ''}${head}${body}\n${fence ? `${fence}\n` : ''}`
  }

/** Delimited rows: a header, then a row a note with its section and speaker. */
const delimited =
  (separator: string, fence = ''): Render =>
  (doc) => {
    const rows = doc.sections.flatMap((section) => flatten(section.notes).map((note) => [section.title, note.text, note.speaker!].map((cell) => csvCell(cell, separator)).join(separator)))
    return `## Board export\n\n${fence ? `${fence}\n` : ''}${['Theme', 'Note', 'Author'].join(separator)}\n${rows.join('\n')}\n${fence ? '```\n' : ''}`
  }

const htmlList = (notes: FormatNote[], indent = ''): string =>
  `${indent}<ul>\n${notes.map((note) => `${indent}  <li>${escapeHtml(note.text)}${note.children.length ? `\n${htmlList(note.children, `${indent}    `)}\n${indent}  ` : ''}</li>`).join('\n')}\n${indent}</ul>`

const romans = ['i', 'ii', 'iii', 'iv', 'v', 'vi']

export const formats: Array<{format: string; render: Render; residue?: RegExp}> = [
  {format: 'markdown bullets', render: bullets((title) => `## ${title}`, (depth, text) => `${'  '.repeat(depth)}- ${text}`)},
  {format: 'markdown bullets, * and +', render: bullets((title) => `## ${title}`, (depth, text) => `${'    '.repeat(depth)}${'*+-'[depth]} ${text}`)},
  {format: 'markdown numbered', render: bullets((title) => `## ${title}`, (depth, text, index) => `${'   '.repeat(depth)}${index + 1}. ${text}`)},
  {format: 'markdown numbered with )', render: bullets((title) => `## ${title}`, (depth, text, index) => `${'   '.repeat(depth)}${index + 1}) ${text}`)},
  {format: 'markdown task list', render: bullets((title) => `## ${title}`, (depth, text, index) => `${'  '.repeat(depth)}- [${index % 2 ? 'x' : ' '}] ${text}`)},
  {format: 'markdown tab-indented', render: bullets((title) => `## ${title}`, (depth, text) => `${'\t'.repeat(depth)}- ${text}`)},
  {format: 'unicode bullets', render: bullets((title) => `${title}`, (depth, text) => `${'  '.repeat(depth)}${'•◦▪'[depth]} ${text}`), residue: /[•◦▪]/u},
  {format: 'markdown setext headings', render: bullets((title) => `${title}\n${'-'.repeat(title.length)}`, (depth, text) => `${'  '.repeat(depth)}- ${text}`)},
  {format: 'markdown heading a note', render: (doc) => doc.sections.map((section) => `## ${section.title}\n\n${section.notes.map((note) => `### ${note.text}\n${walk(note.children).map(({note: child, depth}) => `${'  '.repeat(depth)}- ${child.text}`).join('\n')}\n`).join('\n')}`).join('\n')},
  {format: 'markdown table', render: (doc) => `## Notes\n\n| Theme | Note |\n| --- | --- |\n${doc.sections.flatMap((section) => flatten(section.notes).map((note) => `| ${section.title} | ${note.text} |`)).join('\n')}\n`},
  {format: 'markdown quotes', render: bullets((title) => `## ${title}`, (depth, text) => `${'>'.repeat(depth + 1)} ${text}\n`)},
  {format: 'code-fenced bullets', render: (doc) => `\`\`\`\n${bullets((title) => `## ${title}`, (depth, text) => `${'  '.repeat(depth)}- ${text}`)(doc)}\`\`\`\n`},
  {format: 'hard-wrapped bullets', render: bullets((title) => `## ${title}`, (depth, text) => `${'  '.repeat(depth)}- ${wrap(text, 28, `${'  '.repeat(depth)}  `)}`)},
  {format: 'hard-wrapped, unindented', render: bullets((title) => `## ${title}`, (depth, text) => `${'  '.repeat(depth)}- ${wrap(text, 28)}`)},
  {format: 'hard-wrapped paragraphs', render: bullets((title) => `${title.toUpperCase()}`, (_depth, text) => `${wrap(text, 30)}\n`)},
  {format: 'plain lines', render: bullets((title) => `${title}:`, (_depth, text) => text)},
  {format: 'html list', render: (doc) => doc.sections.map((section) => `<h2>${section.title}</h2>\n${htmlList(section.notes)}\n`).join('\n'), residue: /<\/?(?:ul|li|h2)>/u},
  {format: 'html table', render: (doc) => `<table>\n  <tr><th>Theme</th><th>Note</th></tr>\n${doc.sections.flatMap((section) => flatten(section.notes).map((note) => `  <tr><td>${section.title}</td><td>${escapeHtml(note.text)}</td></tr>`)).join('\n')}\n</table>\n`, residue: /<\/?t[rdh]>/u},
  {format: 'html paragraphs', render: (doc) => doc.sections.map((section) => `<h3>${section.title}</h3>\n${flatten(section.notes).map((note) => `<p>${escapeHtml(note.text)}</p>`).join('\n')}\n`).join('\n'), residue: /<\/?p>/u},
  {format: 'html br', render: (doc) => doc.sections.map((section) => `<p><strong>${section.title}</strong><br>\n${flatten(section.notes).map((note) => `${escapeHtml(note.text)}<br>`).join('\n')}</p>\n`).join('\n'), residue: /<br>/u},
  {format: 'html links', render: (doc) => doc.sections.map((section) => `<h2>${section.title}</h2>\n<ul>\n${flatten(section.notes).map((note) => `<li>${escapeHtml(note.text).replace(note.marker, `<a href="https://example.org/${note.marker}">${note.marker}</a>`)}</li>`).join('\n')}\n</ul>\n`).join('\n'), residue: /<a |<\/a>/u},
  {format: 'html page', render: (doc) => `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${doc.title}</title>\n<style>body { font-family: sans-serif }</style>\n</head>\n<body>\n${doc.sections.map((section) => `<h2>${section.title}</h2>\n${htmlList(section.notes)}`).join('\n')}\n</body>\n</html>\n`, residue: /font-family|<\/?(?:ul|li|body)>/u},
  {format: 'asciidoc', render: (doc) => `= ${doc.title}\n:author: Workshop team\n\n${bullets((title) => `== ${title}`, (depth, text) => `${'*'.repeat(depth + 1)} ${text}`)(doc)}`, residue: /^(?:==|:author:)/mu},
  {format: 'asciidoc ordered', render: (doc) => `= ${doc.title}\n\n${bullets((title) => `== ${title}`, (depth, text) => `${'.'.repeat(depth + 1)} ${text}`)(doc)}`, residue: /^==/mu},
  {format: 'reStructuredText', render: (doc) => `${doc.title}\n${'='.repeat(doc.title.length)}\n\n${bullets((title) => `${title}\n${'-'.repeat(title.length)}`, (depth, text) => `${'  '.repeat(depth)}- ${text}\n`)(doc)}`},
  {format: 'org-mode', render: (doc) => `#+TITLE: ${doc.title}\n#+DATE: <2024-03-14 Thu>\n\n${bullets((title) => `* ${title}`, (depth, text) => `${'  '.repeat(depth)}- ${text}`)(doc)}`, residue: /#\+(?:TITLE|DATE)/u},
  {format: 'org-mode headings', render: (doc) => `#+TITLE: ${doc.title}\n\n${bullets((title) => `* ${title}`, (depth, text) => `${'*'.repeat(depth + 2)} ${text}`)(doc)}`, residue: /#\+TITLE|^\*\* /mu},
  {format: 'mediawiki', render: bullets((title) => `== ${title} ==`, (depth, text) => `${'*'.repeat(depth + 1)} ${text}`), residue: /==/u},
  {format: 'mediawiki numbered', render: bullets((title) => `=== ${title} ===`, (depth, text) => `${'#'.repeat(depth + 1)} ${text}`), residue: /===/u},
  {format: 'confluence wiki', render: bullets((title) => `h2. ${title}`, (depth, text) => `${'*'.repeat(depth + 1)} ${text}`), residue: /\bh2\. /u},
  {format: 'jira', render: (doc) => bullets((title) => `h3. ${title}`, (depth, text) => `${'#'.repeat(depth + 1)} ${text}`)(doc) + `\n{quote}${flatten(doc.sections[0]!.notes)[0]!.text.replace(/^.*$/u, 'we have been here before')}{quote}\n`, residue: /\bh3\. |\{quote\}/u},
  {format: 'bbcode', render: (doc) => doc.sections.map((section) => `[b]${section.title}[/b]\n[list]\n${flatten(section.notes).map((note) => `[*]${note.text}`).join('\n')}\n[/list]\n`).join('\n'), residue: /\[\/?(?:b|list|\*)\]/u},
  {format: 'latex', render: (doc) => doc.sections.map((section) => `\\section{${section.title}}\n\\begin{itemize}\n${flatten(section.notes).map((note) => `  \\item ${note.text}`).join('\n')}\n\\end{itemize}\n`).join('\n'), residue: /\\(?:item|section|begin|end)/u},
  {format: 'outline numbering', render: (doc) => doc.sections.map((section, s) => `${s + 1}. ${section.title}\n${section.notes.map((note, n) => `${s + 1}.${n + 1} ${note.text}\n${walk(note.children).map(({note: child, depth}, c) => `${'   '.repeat(depth + 1)}${depth === 0 ? `${s + 1}.${n + 1}.${c + 1}` : `${'abcdef'[c]})`} ${child.text}`).join('\n')}`).join('\n')}`).join('\n\n').replace(/\n+/gu, '\n') + '\n'},
  {format: 'roman outline', render: (doc) => doc.sections.map((section, s) => `${romans[s]!.toUpperCase()}. ${section.title}\n${section.notes.map((note, n) => `   ${'ABCDEF'[n]}. ${note.text}${walk(note.children).map(({note: child, depth}, c) => `\n${'   '.repeat(depth + 2)}${depth === 0 ? `${c + 1}.` : `${romans[c]}.`} ${child.text}`).join('')}`).join('\n')}`).join('\n\n') + '\n'},
  {format: 'csv', render: delimited(',')},
  {format: 'tsv', render: delimited('\t')},
  {format: 'semicolon csv', render: delimited(';')},
  {format: 'csv fenced', render: delimited(',', '```csv')},
  {format: 'forms responses', render: (doc) => `## Survey responses\n\nTimestamp,Your name,What should change?\n${doc.sections.flatMap((section) => flatten(section.notes)).map((note, index) => `2024/03/14 ${clock(index, true)},${csvCell(note.speaker!, ',')},${csvCell(note.text, ',')}`).join('\n')}\n`},
  {format: 'zoom chat', render: messages('', (speaker, text, index) => `${clock(index, true)} From ${speaker} to Everyone: ${text}`)},
  {format: 'zoom chat fenced', render: messages('', (speaker, text, index) => `${clock(index, true)} From ${speaker} to Everyone: ${text}`, '\n', '```')},
  {format: 'teams chat', render: messages('', (speaker, text, index) => `${speaker}   ${clock(index)}\n${text}`, '\n\n')},
  {format: 'whatsapp', render: messages('', (speaker, text, index) => `14/03/2024, ${clock(index)} - ${speaker}: ${text}`)},
  {format: 'slack', render: messages('', (speaker, text, index) => `${speaker}  ${clock(index)} AM\n${text}`, '\n')},
  {format: 'discord', render: messages('', (speaker, text, index) => `${speaker} — Today at ${clock(index)}\n${text}`, '\n')},
  {format: 'webvtt', render: messages('WEBVTT\n\n', (speaker, text, index) => `${cue(index)}\n<v ${speaker}>${text}</v>\n`), residue: /WEBVTT|-->/u},
  {format: 'srt', render: messages('', (speaker, text, index) => `${index + 1}\n${cue(index, true)}\n${speaker}: ${text}\n`), residue: /-->/u},
  {format: 'otter transcript', render: messages('', (speaker, text, index) => `${speaker}  ${Math.floor(index / 2)}:${String((index * 17) % 60).padStart(2, '0')}\n${text}\n`)},
  {format: 'email reply', render: (doc) => `Thanks all, notes below.\n\nOn Thu, 14 Mar 2024 at 16:02, Workshop team <team@example.org> wrote:\n${bullets((title) => `> ${title}`, (depth, text) => `> ${'  '.repeat(depth)}- ${text}`, '>\n')(doc).replace(/\n\n/gu, '\n>\n')}`},
]

/** The case `format × seed`: the notes in that format, after the roster's front matter. */
export function formatCase(format: (typeof formats)[number], seed: number): FormatCase {
  const {doc, banned} = generateDoc(seed)
  return {format: format.format, seed, value: `${generatorFront()}\n${format.render(doc)}`, doc, banned, ...(format.residue ? {residue: format.residue} : {})}
}

/** Every case: each format over seeds `first…first+count-1`. */
export function formatCases(count: number, first = 1): FormatCase[] {
  return formats.flatMap((format) => Array.from({length: count}, (_, index) => formatCase(format, first + index)))
}

export type FailureClass = 'error' | 'refused' | 'silent loss' | 'leak' | 'over-redaction'

export interface Failure {
  class: FailureClass
  detail: string
  /** The name position of the note it is about, if any, and of the notes under it. */
  position?: string
  under?: string[]
}

export interface FormatResult {
  case: FormatCase
  lines: number
  reached: number
  leftOut: number
  /** The lines left out with a reason: `rule: line`. */
  leftOutLines: string[]
  failures: Failure[]
  residue: boolean
}

/** One case through the whole pipeline, sorted into classes (see the top of this file). */
export function measureFormat(entry: FormatCase): FormatResult {
  const notes = entry.doc.sections.flatMap((section) => flatten(section.notes))
  const result: FormatResult = {case: entry, lines: notes.length, reached: 0, leftOut: 0, leftOutLines: [], failures: [], residue: false}
  let surfaces: Record<string, string>
  let json: JsonReport
  try {
    const compiled = compileReport(new VFile({path: `${entry.format.replace(/\W+/gu, '-')}-${entry.seed}.md`, value: entry.value}), {outputs: ['html', 'md', 'json']})
    json = JSON.parse(compiled.json) as JsonReport
    surfaces = {html: htmlText(compiled.html), md: compiled.markdown, json: jsonStrings(compiled.json)}
  } catch (error) {
    if (error instanceof ExchangeError) result.failures.push({class: 'refused', detail: `${error.rule}: ${error.message}`})
    else result.failures.push({class: 'error', detail: String((error as Error)?.stack ?? error).slice(0, 400)})
    return result
  }
  const at = (note: FormatNote) => ({...(note.position ? {position: note.position} : {}), under: note.children.flatMap((child) => (child.position ? [child.position] : []))})
  const html = surfaces.html!.replace(/\s+/gu, ' ').toLowerCase()
  const source = entry.value.split('\n')
  const lineOf = (marker: string) => source.findIndex((line) => new RegExp(`(?<![\\p{L}])${marker}(?![\\p{L}])`, 'u').test(line)) + 1
  for (const note of notes) {
    const has = new RegExp(`(?<![\\p{L}])${note.marker}(?![\\p{L}])`, 'u')
    if (has.test(html)) {
      result.reached++
      if (note.word && !new RegExp(`(?<![\\p{L}])${note.word}(?![\\p{L}])`, 'u').test(html)) result.failures.push({class: 'over-redaction', detail: `${note.word} in ${JSON.stringify(note.text)}`, ...at(note)})
      continue
    }
    const line = lineOf(note.marker)
    // Its words in an entry, else an entry of its line, else a code block's entry whose lines hold it.
    const entries = json.left_out ?? []
    const covered = entries.find((left) => has.test(left.text.toLowerCase())) ?? entries.find((left) => left.line === line) ?? entries.find((left) => left.line < line && line <= left.line + Number(/(\d+) lines?/u.exec(left.text)?.[1] ?? 0))
    // A line with words of its own emptied as if it were all a name: over-redaction, its reason untrue.
    if (covered?.rule === 'anonymised-away') result.failures.push({class: 'over-redaction', detail: `line ${line} emptied: ${JSON.stringify(note.text)}`, ...at(note)})
    else if (covered) {
      result.leftOut++
      result.leftOutLines.push(`${covered.rule}: ${note.text}`)
    }
    else result.failures.push({class: 'silent loss', detail: `line ${line}: ${JSON.stringify(note.text)}`, ...at(note)})
  }
  const banned = new Set(entry.banned)
  for (const [where, text] of Object.entries(surfaces)) {
    for (const line of text.split('\n')) {
      for (const match of line.matchAll(/[\p{L}\p{N}]+/gu)) {
        if (banned.has(fold(match[0]))) result.failures.push({class: 'leak', detail: `${where}: ${match[0]} in ${JSON.stringify(line.slice(Math.max(0, match.index - 50), match.index + 50))}`})
      }
    }
  }
  result.residue = entry.residue ? entry.residue.test(surfaces.html!) : false
  return result
}

/** Failures by format and class: `{format: {class: cases}}`, each case counted once a class. */
export function tally(results: FormatResult[]): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {}
  for (const result of results) {
    const row = (table[result.case.format] ??= {})
    row.cases = (row.cases ?? 0) + 1
    for (const kind of new Set(result.failures.map((failure) => failure.class))) row[kind] = (row[kind] ?? 0) + 1
    if (result.leftOut > 0) row['left out'] = (row['left out'] ?? 0) + 1
    if (result.residue) row.residue = (row.residue ?? 0) + 1
  }
  return table
}
