/** The Chatham House audit: what it finds in outputs, where it says it came from, and what it never invents. */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {createAuditor, htmlText, jsonStrings, leakDiagnostics, mask, pdfText} from '../../src/audit/index.js'
import type {Roster} from '../../src/types.js'
import {root, tempDir} from '../helpers.js'

const roster: Roster = {
  people: [
    {name: 'Jane Smith', org: 'Wigan Council', aliases: []},
    {name: 'Tom Okafor', org: 'London Borough of Camden', aliases: []},
    {name: 'Will Barker', org: 'Reading Borough Council', aliases: []},
    {name: 'Hope Lindsay', aliases: []},
  ],
  share: ['Wigan Council', 'The Deal'],
}

const source = `---
title: T
attendees: [Jane Smith]
---

## Notes

- In Camden they trained residents
- Tom Okafor – t.okafor@camden.gov.uk, 0161 496 0418
- Jane said the Deal took a decade
`

const scan = (text: string, where = 'html') => createAuditor(roster, source).scan(text, where)

describe('createAuditor', () => {
  it('finds roster names, unshared organisations and contact details from the notes', () => {
    expect(scan('One participant said Jane was right.\nIn Camden they did.\nWrite to t.okafor@camden.gov.uk').map((leak) => [leak.kind, leak.text])).toEqual([
      ['person', 'Jane'],
      ['organisation', 'Camden'],
      ['contact', 't.okafor@camden.gov.uk'],
    ])
  })

  // The tidy stage capitalises a sentence start: `rugby club` in the notes becomes `Rugby club` in the report.
  it('takes a word the notes wrote in lower case, capitalised at a sentence start, as the word and not the organisation', () => {
    const rugby: Roster = {people: [{name: 'June Banks', org: 'Rugby Borough Council', aliases: []}], share: []}
    const written = (line: string) => `---\ntitle: T\n---\n\n## Notes\n\n- ${line}\n`
    expect(createAuditor(rugby, written('rugby club volunteers ran the car park')).scan('Rugby club volunteers ran the car park', 'html')).toEqual([])
    expect(createAuditor(rugby, written('Rugby club volunteers ran the car park')).scan('Rugby club volunteers ran the car park', 'html').map((leak) => leak.text)).toEqual(['Rugby'])
    expect(createAuditor(rugby, written('in rugby they pooled budgets')).scan('In Rugby they pooled budgets', 'html').map((leak) => leak.text)).toEqual(['Rugby'])
  })

  // The month rule reads what follows `March`: in the HTML's text and the markdown, that is the next block.
  it('reads each block of HTML text and markdown on its own, and a PDF’s wrapped lines as one text', () => {
    const march: Roster = {people: [{name: 'Hope Hall', org: 'March Town Council', aliases: []}], share: []}
    const auditor = createAuditor(march, '')
    expect(auditor.scan('The funding ends in March\nWe ran a pilot', 'html')).toEqual([])
    expect(auditor.scan('- The funding ends in March\n- Throw the baby out', 'md')).toEqual([])
    expect(auditor.scan('In March we pooled budgets', 'html').map((leak) => leak.text)).toEqual(['March'])
    expect(createAuditor(roster, source).scan('One participant from\nTom Okafor’s team', 'pdf').map((leak) => leak.text)).toEqual(['Tom Okafor’s'])
  })

  it('says the line and column in the notes a leak comes from, preferring the line that shares its context', () => {
    const [camden] = scan('In Camden they trained residents')
    expect(camden).toMatchObject({line: 8, column: 6})
    const [jane] = scan('Jane said the Deal took a decade')
    expect(jane).toMatchObject({line: 10, column: 3})
  })

  it('finds no leak in shared practice, ordinary words, public URLs or anonymised text', () => {
    expect(scan('Wigan Council used The Deal. We will need to be honest; there is hope. Reading the room matters. See https://www.reading.gov.uk/will-it-work')).toEqual([])
    expect(scan('One participant said one council area did it, and another participant agreed.')).toEqual([])
  })

  it('finds a link to a participant’s own page', () => {
    const auditor = createAuditor(roster, `${source}- [page](https://example.org/jane-smith)\n`)
    expect(auditor.scan('https://example.org/jane-smith', 'html').map((leak) => [leak.kind, leak.line])).toEqual([['contact', 11]])
  })

  it('ignores a contact detail that is not from the notes (the brand’s own address)', () => {
    expect(scan('Contact us: hello@nlgn.org.uk, 020 7946 0000')).toEqual([])
  })

  it('neither invents names from initials that are words in capitals nor hides full names in capitals', () => {
    const upper = createAuditor({people: [{name: 'Tom Okafor', aliases: []}, {name: 'Will Barker', aliases: []}], share: []})
    expect(upper.scan('WHAT NEEDS TO CHANGE\nWE WILL NEED TO BE HONEST', 'pdf')).toEqual([])
    expect(upper.scan('AS TOM OKAFOR PUT IT', 'pdf').map((leak) => leak.text)).toEqual(['TOM OKAFOR'])
  })

  it('reads JSON as its strings, not its punctuation', () => {
    expect(jsonStrings('{"text": "Reading the room", "n": [1, "x"]}')).toBe('Reading the room\nx')
    expect(scan('{"items": [{"text": "Reading the room is half the job"}]}', 'json')).toEqual([])
  })
})

describe('htmlText', () => {
  it('reads text and attribute values, never inlined data', () => {
    const text = htmlText('<p title="Jane Smith">Hello <img alt="Tom" src="data:image/png;base64,AAAA"></p>')
    expect(text).toContain('Jane Smith')
    expect(text).toContain('Tom')
    expect(text).not.toContain('base64')
  })

  // A participant called Page has the handle form `@page`, which every print style sheet has.
  it('reads of a style sheet only what can print: its strings and url() arguments, not its at-rules', () => {
    const text = htmlText('<style>@page { @top-left { content: "Jane Smith" } } .a { background: url(https://x.example/tom-okafor.png) }</style><p style="--x: \'Priya\'">Hi</p>')
    expect(text).not.toContain('@page')
    expect(text).not.toContain('top-left')
    expect(text).toContain('Jane Smith')
    expect(text).toContain('https://x.example/tom-okafor.png')
    expect(text).toContain('Priya')
    expect(createAuditor({people: [{name: 'Viktor Page', aliases: []}], share: []}, '').scan(htmlText('<style>@page { size: A4 }</style><p>ok</p>'), 'html')).toEqual([])
  })

  it('reads comments, every attribute but the theme’s class names, and what a template holds', () => {
    const text = htmlText('<!-- from Jane Smith --><div data-by="Tom Okafor" title="priya  kaur" class="toc-page"><template><p>Rhodri Long</p></template></div>')
    expect(text.split('\n')).toEqual(expect.arrayContaining([' from Jane Smith ', 'Tom Okafor', 'priya  kaur', 'Rhodri Long']))
    // A class is the theme's styling hook: the sanitiser keeps no class from the notes (tests/audit/over-flagging.test.ts).
    expect(text).not.toContain('toc-page')
  })

  it('keeps blocks on lines of their own, so no name is made across an element edge', () => {
    expect(htmlText('<p>Jane</p><p>Smith</p>').split('\n')).toEqual(expect.arrayContaining(['Jane', 'Smith']))
    expect(htmlText('<p>Jane</p><p>Smith</p>')).not.toContain('Jane Smith')
    expect(htmlText('<table><tr><td>Jane</td><td>Smith</td></tr></table><ul><li>Jane<li>Smith</ul>')).not.toContain('JaneSmith')
  })

  it('reads text across inline elements as the reader does, so a name split by formatting is found', () => {
    expect(htmlText('<p><strong>Sio</strong>bhán ran the <em>session</em>, <a href="#x">Jane</a> Smith too</p>').split('\n')).toContain('Siobhán ran the session, Jane Smith too')
    const roster = {people: [{name: 'Siobhán Walsh', aliases: []}], share: []}
    expect(createAuditor(roster, '').scan(htmlText('<p><strong>Sio</strong>bhán ran the session</p>'), 'html').map((leak) => leak.text)).toEqual(['Siobhán'])
  })
})

describe('leakDiagnostics', () => {
  it('groups leaks by spelling and line, masks the name, and says what to do', () => {
    const leaks = [...scan('Jane was there', 'html'), ...scan('Jane was there', 'md'), ...scan('In Camden they trained', 'md')]
    const diagnostics = leakDiagnostics(leaks, 'notes.md')
    expect(diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.column, diagnostic.rule, diagnostic.severity])).toEqual([
      [10, 3, 'audit', 'error'],
      [8, 6, 'audit', 'error'],
    ])
    expect(diagnostics[0]!.message).toBe('Chatham House audit: `J•••` would identify a participant (2× in the html, md output) — add the spelling to the roster (aliases), or reword the note')
    expect(diagnostics[1]!.message).toMatch(/would identify an attendee's organisation .* add it to `share`/)
    expect(diagnostics.map((diagnostic) => diagnostic.message).join(' ')).not.toMatch(/Jane|Camden/)
  })

  it('masks every word of a name', () => {
    expect(mask('Jane Smith')).toBe('J••• S••••')
  })
})

describe('spaced-out letters in an output', () => {
  it('are one word: no one’s initials inside a logo’s tracking, and a name spelled out is found', () => {
    const roster = {people: [{name: 'Rhodri Long', aliases: []}, {name: 'Siobhán Walsh', aliases: []}], share: []}
    const auditor = createAuditor(roster, '')
    // pdfjs reads wide tracking, as in a brand's logo, as word gaps.
    expect(auditor.scan('P E E R L E A R N I N G E X C H A N G E', 'pdf')).toEqual([])
    expect(auditor.scan('Civic Futures N E T W O R K', 'pdf')).toEqual([])
    expect(auditor.scan('R L said it twice', 'html').map((leak) => leak.text)).toEqual(['R L'])
    expect(auditor.scan('S i o b h á n spelled it out', 'pdf').map((leak) => leak.text)).toEqual(['S i o b h á n'])
  })
})

describe('pdfText', () => {
  it('reads a PDF’s text without loading a canvas, and leaves the globals and built-ins pdfjs would replace as they were', async () => {
    const {PDFDocument, StandardFonts} = await import('pdf-lib')
    const document = await PDFDocument.create()
    const font = await document.embedFont(StandardFonts.Helvetica)
    document.addPage().drawText('Hello from the workshop', {x: 50, y: 700, size: 12, font})
    const pdf = await document.save()
    expect(await pdfText(pdf)).toContain('Hello from the workshop')
    // In a process of its own, with the natives taken before pdfjs loads (core-js disguises its versions
    // as native code, and this test process may have loaded pdfjs already).
    const file = path.join(tempDir(), 'hello.pdf')
    fs.writeFileSync(file, pdf)
    const script = `
      const natives = [Array.prototype.push, JSON.parse]
      const {pdfText} = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist/audit/index.js')).href)})
      const text = await pdfText(new Uint8Array((await import('node:fs')).readFileSync(${JSON.stringify(file)})))
      const maps = (await import('node:fs')).readFileSync('/proc/self/maps', 'utf8')
      console.log(JSON.stringify({
        text: text.includes('Hello from the workshop'),
        push: Array.prototype.push === natives[0],
        parse: JSON.parse === natives[1],
        domGlobals: ['DOMMatrix', 'ImageData', 'Path2D'].filter((name) => name in globalThis),
        canvasLoaded: /@napi-rs[\\/]canvas/.test(maps),
      }))`
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', cwd: root})
    // One line: pdfjs printed no warning (it warns when it cannot set up its canvas polyfills).
    expect(result.stdout.trim().split('\n'), result.stderr).toHaveLength(1)
    // Skia (@napi-rs/canvas) is 24 MB of memory and 20-50 ms to load, and reading text never uses it.
    expect(JSON.parse(result.stdout), result.stderr).toEqual({text: true, push: true, parse: true, domGlobals: [], canvasLoaded: false})
  })
})
