/**
 * Notes pasted in a wiki's, org-mode's, a forum's, LaTeX's or subtitles' markup, in a word processor's bullets, or
 * fenced as a code block (`src/parse/wiki-markup.ts`): a row a format. Each is rewritten line for line (the same
 * number of lines, each point on its own line), reaches the report as notes, and prints none of its markup; markdown
 * with one stray sign of a dialect is left as it is.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {processNotes} from '../../src/engine/pipeline.js'
import {fromWikiMarkup} from '../../src/parse/wiki-markup.js'
import {reportToMarkdown} from '../../src/render/markdown.js'

const front = ['---', 'title: Pasted notes', 'attendees:', '  - { name: Oona Threlkeld, org: Copeland Borough Council }', '---', '']
const points = ['buses to the clinic run every two hours', 'volunteer drivers are ageing out', 'the community minibus is shared with the school']

/** A format: its lines (with the three points in them), what some lines become, and markup that must not print. */
const rows: Array<{format: string; lines: string[]; becomes: Record<number, string>; residue: RegExp}> = [
  {format: 'MediaWiki, numbered', lines: ['== Transport ==', '# buses to the clinic run every two hours', '## volunteer drivers are ageing out', '', '=== What works ===', '#* the community minibus is shared with the school', '__NOTOC__'], becomes: {0: '## Transport', 1: '1. buses to the clinic run every two hours', 2: '   1. volunteer drivers are ageing out', 5: '   - the community minibus is shared with the school', 6: ''}, residue: /==|__NOTOC__/u},
  {format: 'MediaWiki, bullets', lines: ['== Transport ==', '* buses to the clinic run every two hours', '** volunteer drivers are ageing out', '== What works ==', '* the community minibus is shared with the school'], becomes: {3: '## What works', 2: '   - volunteer drivers are ageing out'}, residue: /==/u},
  {format: 'Confluence', lines: ['h2. Transport', '* buses to the clinic run every two hours', '** volunteer drivers are ageing out', '', 'h2. What works', 'bq. the community minibus is shared with the school'], becomes: {0: '## Transport', 5: '> the community minibus is shared with the school'}, residue: /\bh2\.|\bbq\./u},
  {format: 'Jira', lines: ['h3. Transport', '# buses to the clinic run every two hours', '## volunteer drivers are ageing out', '{quote}', 'the community minibus is shared with the school', '{quote}'], becomes: {0: '### Transport', 1: '1. buses to the clinic run every two hours', 3: ''}, residue: /\{quote\}|\bh3\./u},
  {format: 'org-mode', lines: ['#+TITLE: Transport day', '#+AUTHOR: Oona Threlkeld', '* Transport', '** buses to the clinic run every two hours', '*** volunteer drivers are ageing out', ':PROPERTIES:', ':END:', '* What works', '- the community minibus is shared with the school'], becomes: {0: '<!-- #+TITLE: Transport day -->', 1: '<!-- #+AUTHOR: Oona Threlkeld -->', 5: '<!-- :PROPERTIES: -->', 6: '<!-- :END: -->'}, residue: /#\+|:PROPERTIES:|:END:/u},
  {format: 'BBCode', lines: ['[b]Transport[/b]', '[list]', '[*]buses to the clinic run every two hours', '[list]', '[*]volunteer drivers are ageing out', '[/list]', '[/list]', '[quote="Oona Threlkeld"]', 'the community minibus is shared with the school', '[/quote]'], becomes: {0: '### Transport', 1: '', 2: '- buses to the clinic run every two hours', 4: '   - volunteer drivers are ageing out', 7: ''}, residue: /\[\/?(?:b|list|\*|quote)/u},
  {format: 'LaTeX', lines: ['\\author{Oona Threlkeld}', '\\section{Transport}', '\\begin{enumerate}', '  \\item buses to the clinic run every two hours', '  \\begin{itemize}', '  \\item volunteer drivers are ageing out', '  \\end{itemize}', '\\end{enumerate}', '\\subsection*{What works}', 'the community minibus is shared with the school'], becomes: {1: '## Transport', 3: '1. buses to the clinic run every two hours', 5: '   - volunteer drivers are ageing out', 8: '### What works'}, residue: /\\(?:item|section|begin|end|author)/u},
  {format: 'WebVTT', lines: ['WEBVTT', '', '00:00:01.000 --> 00:00:04.000', '<v Oona Threlkeld>buses to the clinic run every two hours</v>', '', '00:00:05.000 --> 00:00:08.000', 'volunteer drivers are ageing out', '', 'NOTE recorded in the hall', '', '00:00:09.000 --> 00:00:12.000', 'the community minibus is shared with the school'], becomes: {0: '', 2: '', 6: 'volunteer drivers are ageing out'}, residue: /WEBVTT|-->|recorded in the hall/u},
  {format: 'SRT', lines: ['1', '00:00:01,000 --> 00:00:04,000', 'buses to the clinic run every two hours', '', '2', '00:00:05,000 --> 00:00:08,000', 'volunteer drivers are ageing out', '', '3', '00:00:09,000 --> 00:00:12,000', 'the community minibus is shared with the school'], becomes: {0: '', 1: '', 4: ''}, residue: /-->|^\d\s/mu},
  {format: "a word processor's bullets", lines: ['Transport', '• buses to the clinic run every two hours', '    ◦ volunteer drivers are ageing out', '• the community minibus is shared with the school'], becomes: {1: '- buses to the clinic run every two hours', 2: '   - volunteer drivers are ageing out', 3: '- the community minibus is shared with the school'}, residue: /[•◦]/u},
  {format: 'notes fenced as code', lines: ['## Transport', '```', '- buses to the clinic run every two hours', '  - volunteer drivers are ageing out', '- the community minibus is shared with the school', '```'], becomes: {1: '', 5: ''}, residue: /```/u},
]

describe('notes pasted in another markup, a row a format', () => {
  it.each(rows)('$format: rewritten line for line', ({lines, becomes}) => {
    const {value, count} = fromWikiMarkup([...front, ...lines].join('\n'))
    const body = value.split('\n').slice(front.length)
    expect(body.length).toBe(lines.length)
    for (const [index, line] of Object.entries(becomes)) expect(body[Number(index)]).toBe(line)
    expect(count).toBeGreaterThan(0)
  })

  it.each(rows)('$format: every point reaches the report, none of the markup nor the name does', ({lines, residue}) => {
    const {report} = processNotes(new VFile({path: 'notes.md', value: [...front, ...lines, ''].join('\n')}))
    const markdown = reportToMarkdown(report)
    for (const point of points) expect(markdown.toLowerCase()).toContain(point.slice(1))
    expect(markdown).not.toMatch(residue)
    expect(markdown).not.toMatch(/Oona|Threlkeld/u)
  })
})

describe('markdown is left as it is', () => {
  it.each([
    ['one stray sign of each dialect', ['## Transport', '', '- buses every two hours', '- h2. of the plan', '- [b]bold[/b] in a note', '- \\item once', '== not a title ==', '• one bullet']],
    ['a code block with a language, or of code', ['## Data', '', '```sql', '- a minus in SQL', '- another', '```', '', '```', 'SELECT * FROM cases;', 'SELECT 1;', '```']],
    ['a fenced chat export', ['## Chat', '', '```', '10:04:12 From Ana Silva to Everyone: we never hear from young carers', '10:05:40 From Ben Okoro to Everyone: the waiting list is eight months', '```']],
  ])('%s', (_name, lines) => {
    const value = [...front, ...lines, ''].join('\n')
    expect(fromWikiMarkup(value)).toEqual({value, count: 0, read: [], unfenced: []})
  })

  it('keeps a markdown title above MediaWiki-style titles a title, with no list beside it', () => {
    const lines = ['# Food insecurity workshop – board export', '', '=== FRAME: What works ===', '', '- the pantry opens late', '', '=== FRAME: Parking lot ===', '']
    const body = fromWikiMarkup([...front, ...lines].join('\n')).value.split('\n').slice(front.length)
    expect(body[0]).toBe('# Food insecurity workshop – board export')
    expect(body[2]).toBe('### FRAME: What works')
  })

  it('warns where it reads a code block as notes', () => {
    const file = new VFile({path: 'notes.md', value: [...front, '## Transport', '```', '- buses to the clinic run every two hours', '- volunteer drivers are ageing out', '```', ''].join('\n')})
    processNotes(file)
    expect(file.messages.filter((message) => message.ruleId === 'fenced-notes')).toMatchObject([{line: 8}])
  })
})
