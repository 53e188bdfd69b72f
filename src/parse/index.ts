/**
 * Parse stage: raw notes → mdast, with the front matter and roster read onto
 * the file (`file.data.meta`, `file.data.roster`) and trailing hashtags kept
 * on paragraphs.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import remarkNotesFrontMatter, {type FrontMatterOptions} from './front-matter.js'
import remarkExports from './exports.js'
import remarkAttendance from './attendance.js'
import remarkHashtags from './hashtags.js'
import remarkNoteHeadings from './note-headings.js'
import remarkHtmlBlocks from './html-blocks.js'
import remarkDataBlocks from './data-blocks.js'
import remarkLogRecords from './log-records.js'
import {fromLightweightMarkup} from './lightweight-markup.js'
import {fromWikiMarkup} from './wiki-markup.js'
import {fromPastedDialects} from './pasted-dialects.js'
import remarkNotesGfm from './literal-links.js'
import {parseMarkdownIt, Unsupported} from './markdown-it.js'
import remarkResolveReferences from './references.js'
import {contentBlocks} from '../group/ledger.js'
import {limitEmphasis, limitNesting, maxEmphasisMarkers, maxIndent, maxQuotes} from './nesting.js'

export type ParseOptions = FrontMatterOptions

/**
 * The parser: markdown with YAML front matter and GFM (tables, footnotes,
 * strikethrough, task lists, bare URLs and emails as links). Bare addresses
 * are linked after parsing, as GFM links them (see `literal-links.ts`).
 */
export function notesParser(options: {markdownIt?: boolean} = {}) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkNotesGfm, options.markdownIt === false ? {} : {fast: fastParse})
}

/**
 * markdown-it's tokens made into the same tree (see `markdown-it.ts`), or
 * undefined for a file it leaves to micromark.
 */
function fastParse(document: string): Root | undefined {
  try {
    return parseMarkdownIt(document)
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
}

/**
 * Parse a notes file and run the parse-stage plugins over it. Nesting deeper
 * than any notes need is brought back first, and a line with thousands of
 * emphasis markers has them read as text (see `nesting.ts`), each with a
 * warning: the parser slows down far faster than such input grows.
 */
export function parseNotes(file: VFile, options: ParseOptions = {}): Root {
  const processor = notesParser().use(remarkNotesFrontMatter, options).use(remarkExports).use(remarkAttendance).use(remarkDataBlocks).use(remarkLogRecords).use(remarkHtmlBlocks).use(remarkNoteHeadings).use(remarkResolveReferences).use(remarkHashtags)
  // AsciiDoc and reStructuredText pasted in, read as the markdown they mean, line for line (see `lightweight-markup.ts`).
  // Wikis, org-mode, BBCode, LaTeX, subtitles, typographic bullets and fenced notes, likewise (see `wiki-markup.ts`), first:
  // a MediaWiki title `== What works ==` is an AsciiDoc title too, and AsciiDoc would leave its `# point` lines headings.
  // Then what a forum, a caption file or a mind map writes that those leave (see `pasted-dialects.ts`: a forum post's byline,
  // a caption's sentence run on across cues, a drawn tree in a fence, an outline indented with tabs).
  const wiki = fromWikiMarkup(String(file.value))
  const pasted = fromPastedDialects(wiki.value)
  const lightweight = fromLightweightMarkup(pasted.value)
  const markup = {value: lightweight.value, count: pasted.count + lightweight.count}
  const nesting = limitNesting(markup.value)
  const emphasis = limitEmphasis(nesting.value)
  const tree = processor.parse(markup.count + wiki.count + nesting.count + emphasis.count > 0 ? emphasis.value : file)
  for (const line of wiki.unfenced) {
    warn(file, line, 'fenced-notes', 'Unexpected code block of notes (bullets, numbered points, headings), read as notes: a code block is left out of the report, and these are what was said')
  }
  const lines = (count: number) => `${count} line${count === 1 ? '' : 's'} from here`
  if (nesting.line !== undefined) {
    warn(file, nesting.line, 'nesting', `Unexpected nesting deeper than ${maxIndent} columns of indentation or ${maxQuotes} \`>\` (${lines(nesting.count)}), brought back to that depth: notes are not that deep`)
  }
  if (emphasis.line !== undefined) {
    warn(file, emphasis.line, 'emphasis', `Unexpected line with more than ${maxEmphasisMarkers} \`*\` or \`_\` (${lines(emphasis.count)}), read them as text: notes do not emphasise that much`)
  }
  const result = processor.runSync(tree, file) as Root
  // Counted before anything can drop a block: the ledger balances against this.
  file.data.blocks = contentBlocks(result)
  return result
}

function warn(file: VFile, line: number, ruleId: string, reason: string): void {
  const message = file.message(reason, {place: {line, column: 1}, ruleId, source: 'exchange'})
  message.fatal = false
}

export {default as remarkHashtags, splitHashtags, hashtagPattern} from './hashtags.js'
export {default as remarkNotesFrontMatter, knownKeys, rosterLikeKeys, didYouMean, atFrontMatterKey} from './front-matter.js'
export type {Located} from './front-matter.js'
export {limitEmphasis, limitNesting, maxEmphasisMarkers, maxIndent, maxQuotes} from './nesting.js'
export {parseAttendeesFile, splitHonorific, mergePeople, createRoster, toPerson, honorifics} from './roster.js'
