/**
 * Parse stage: raw notes → mdast, with the front matter and roster read onto
 * the file (`file.data.meta`, `file.data.roster`) and trailing hashtags kept
 * on paragraphs.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import remarkNotesFrontMatter, {type FrontMatterOptions} from './front-matter.js'
import remarkHashtags from './hashtags.js'

export type ParseOptions = FrontMatterOptions

/** The parser: markdown with YAML front matter and GFM (tables, footnotes, autolinks). */
export function notesParser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
}

/** Parse a notes file and run the parse-stage plugins over it. */
export function parseNotes(file: VFile, options: ParseOptions = {}): Root {
  const processor = notesParser().use(remarkNotesFrontMatter, options).use(remarkHashtags)
  const tree = processor.parse(file)
  return processor.runSync(tree, file) as Root
}

export {default as remarkHashtags, splitHashtags} from './hashtags.js'
export {default as remarkNotesFrontMatter, knownKeys, didYouMean} from './front-matter.js'
export {parseAttendeesFile, splitHonorific, mergePeople, createRoster, toPerson, honorifics} from './roster.js'
