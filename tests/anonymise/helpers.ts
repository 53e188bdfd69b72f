/** Anonymise a snippet of notes under a roster that has every trap the corpus has. */
import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import remarkChathamHouse from '../../src/anonymise/index.js'
import {parseNotes} from '../../src/parse/index.js'

export const frontMatter = `---
title: Test workshop
host: NLGN
partner: FutureGov
venue: FutureGov offices, London
foreword_by: Helen Marsh, Director, FutureGov
attendees:
  - { name: Jane Smith, org: Wigan Council, role: Director of Communities }
  - { name: Tom Okafor, org: London Borough of Camden }
  - Priya Natarajan
  - { name: Will Barker, org: Reading Borough Council }
  - { name: Grace Adeyemi, org: Stockport Council }
  - Cllr Ruth Ellison
  - { name: Hope Lindsay, org: Nottingham City Council }
  - { name: Mark Ellery, org: Sunderland City Council }
  - { name: Bill Hartley, org: Leeds City Council }
  - { name: Rose Kaur, org: Bath & North East Somerset Council }
  - { name: Dawn Fitzgerald, org: Bristol City Council }
  - { name: Frank Osei, org: Wells City Council }
  - { name: Owen Price, org: Carmarthenshire County Council }
  - { name: Catherine Moran, org: Essex County Council, aliases: [Cath] }
  - { name: Kerry-Ann Walsh, org: Cornwall Council }
  - Seán Ó Briain
  - Dr Femi Oyelaran
  - { name: Shabana Iqbal, org: Blackburn with Darwen Borough Council }
  - { name: Arjun Mehta, org: West Yorkshire Combined Authority }
  - { name: Tomasz Nowak, org: Hertfordshire County Council }
  - { name: Lee Sale, org: Trafford Council }
share: [Wigan Council, The Deal, Leeds City Council, Bristol City Council, City Leap]
---
`

/** Lines of front matter above the notes (the notes start on the line after it, plus one blank line). */
export const notesStartLine = frontMatter.split('\n').length + 1

export interface Anonymised {
  markdown: string
  tree: Root
  file: VFile
}

export function anonymise(notes: string, front = frontMatter): Anonymised {
  const file = new VFile({path: 'notes.md', value: `${front}\n${notes}`})
  const tree = parseNotes(file)
  unified().use(remarkChathamHouse).runSync(tree, file)
  const markdown = unified().use(remarkStringify, {bullet: '-'}).use(remarkGfm).stringify(tree).trim()
  return {markdown, tree, file}
}

/** The anonymised markdown of one note (a `- ` bullet), without its bullet. */
export function note(text: string): string {
  return anonymise(`- ${text}`).markdown.replace(/^- /, '')
}
