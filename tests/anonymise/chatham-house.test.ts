/** The plugin over the whole tree: everywhere a name can hide, what it records, and that it is idempotent. */
import fs from 'node:fs'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import remarkChathamHouse, {anonymiseText} from '../../src/anonymise/index.js'
import {createAuditor} from '../../src/audit/index.js'
import {readNotes} from '../../src/engine/read.js'
import {parseNotes} from '../../src/parse/index.js'
import {corpusFiles} from '../helpers.js'
import {anonymise, frontMatter, notesStartLine} from './helpers.js'

const names = /Jane|Smith|Okafor|Priya|Natarajan|Barker|Adeyemi|Ellison|Camden|Kerry|Walsh|Oyelaran|Iqbal/

describe('everywhere in the tree', () => {
  it('anonymises headings, link text, image alt and title, table cells and footnotes', () => {
    const {markdown} = anonymise(
      [
        '## Hope L. and Jane Smith',
        '',
        '- [Kerry-Ann’s favourite guide](https://www.cse.org.uk/one-stop-shops/) – CSE',
        '- ![Jane Smith presenting the Deal](img.png "photo by Tom Okafor")',
        '- figures from Priya[^1]',
        '',
        '| Tool | Who |',
        '|---|---|',
        '| Online map | Tom O. |',
        '| Researchers | Camden, Grace A. |',
        '',
        "[^1]: Priya Natarajan's own evaluation.",
      ].join('\n'),
    )
    expect(markdown).not.toMatch(names)
    expect(markdown).toContain('https://www.cse.org.uk/one-stop-shops/')
    expect(markdown).toMatch(/\| Online map\s+\| One participant\s+\|/)
  })

  it('anonymises text and attributes inside raw HTML, and drops comments entirely', () => {
    const {markdown} = anonymise('<!-- check with Jane Smith -->\n\n<div title="Tom Okafor’s table">Priya said <b>yes</b><!-- ask Will --></div>')
    expect(markdown).not.toMatch(names)
    expect(markdown).not.toMatch(/<!--|check with|ask Will/)
    expect(markdown).toContain('One participant said')
  })

  it('anonymises code spans and code blocks, and a code span that is only a name becomes text', () => {
    const {markdown} = anonymise('- ask `grace.adeyemi` for an invite, or `kawalsh`\n\n```\nOwner: Tom Okafor\n```')
    expect(markdown).toContain('ask one participant for an invite, or another participant')
    expect(markdown).toContain('Owner: One participant')
  })

  it('anonymises the printed front-matter fields', () => {
    const front = frontMatter.replace('title: Test workshop', 'title: "Camden and Jane Smith: lessons"').replace('venue: FutureGov offices, London', 'venue: Tom Okafor’s office, London')
    const file = new VFile({path: 'notes.md', value: `${front}\n- a note`})
    const tree = parseNotes(file)
    unified().use(remarkChathamHouse).runSync(tree, file)
    expect(file.data.meta?.title).toBe('One council and one participant: lessons')
    expect(file.data.meta?.venue).not.toMatch(/Tom|Okafor/)
    expect(file.data.meta?.host).toBe('NLGN')
  })

  it('records every redaction with its rule, line and column', () => {
    const {file} = anonymise('<!-- check with Jane Smith -->\n\n- Tom said yes\n- In Camden they did')
    expect(file.data.redactions?.map((redaction) => [redaction.rule, redaction.original, redaction.replacement, redaction.line, redaction.column])).toEqual([
      ['html-comment', '<!-- check with Jane Smith -->', '', notesStartLine, 1],
      ['roster-name', 'Tom', 'One participant', notesStartLine + 2, 3],
      ['organisation', 'Camden', 'one council area', notesStartLine + 3, 6],
    ])
  })
})

describe('idempotence', () => {
  const stringify = (tree: ReturnType<typeof parseNotes>) => unified().use(remarkStringify, {bullet: '-'}).use(remarkGfm).stringify(tree)

  it('changes nothing the second time, and the audit finds nothing in what it wrote', () => {
    for (const {notes} of corpusFiles()) {
      const file = readNotes(notes)
      const tree = parseNotes(file)
      unified().use(remarkChathamHouse).runSync(tree, file)
      const once = stringify(tree)
      const again = new VFile({path: 'again.md', value: `${fs.readFileSync(notes, 'utf8').split(/\n---\n/)[0]}\n---\n${once}`})
      const secondTree = parseNotes(again)
      unified().use(remarkChathamHouse).runSync(secondTree, again)
      expect(stringify(secondTree), notes).toBe(once)
      expect(again.data.redactions, notes).toEqual([])
      const auditor = createAuditor(file.data.roster!, String(file.value), file.data.meta, file.data.ordinary)
      expect(auditor.scan(once.replace(/^## (?:contacts|actions|contacts for follow-up)[\s\S]*?(?=^## )/gimu, ''), 'md'), notes).toEqual([])
    }
  })

  it('leaves a string already anonymised as it is', () => {
    for (const text of ['One participant said one council area did it.', 'As one participant put it, participants agreed.', 'Someone from the LGA mentioned it.']) {
      expect(anonymiseText(text).value).toBe(text)
    }
  })
})

describe('raw HTML attributes', () => {
  it('rewrites names in attribute values however they are quoted', () => {
    const {markdown} = anonymise(`<span title="Priya's table" data-a='Tom "T" Okafor' data-b=Okafor>x</span>`)
    expect(markdown).not.toMatch(names)
    expect(markdown).toContain('data-b="One participant"')
  })
})
