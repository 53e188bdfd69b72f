/**
 * The PDF audit reads the reader's paragraphs, not the page's lines: a word of a name used as a word
 * (`a small fortune`), wrapped alone onto a line of the PDF, is not a name "alone in a note"; a name that
 * is a note of its own in the report still is, and nothing the PDF shows is dropped from what is read.
 */
import type {Browser} from 'puppeteer-core'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createAuditor, htmlText, pdfText, readerParagraphs} from '../../src/audit/index.js'
import {ordinaryUse} from '../../src/audit/paranoid.js'
import {auditPdf} from '../../src/engine/audit-pdf.js'
import {compileReport} from '../../src/engine/index.js'
import {launchBrowser} from '../../src/print/browser.js'
import {printPdf} from '../../src/print/pdf.js'
import {generateNotes} from '../generate/notes.js'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const roster = {people: [{name: 'Fortune Chikwanha', aliases: []}, {name: 'Haf Pritchard', aliases: []}], share: []}

/** Monospace and a width in characters: where each line wraps is known. */
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report</title><style>@page { size: A4; margin: 20mm } body { font: 11pt monospace } p, li { width: 20ch }</style></head><body>${body}</body></html>`

const words = (text: string) => text.split(/\s+/u).filter(Boolean).sort()

describe('the PDF audit reads wrapped lines as the paragraphs they are', () => {
  it('joins a name-word wrapped alone onto a line back into its sentence, and still finds a name alone in a note', async () => {
    // 20 characters a line: `fortune.` and `haf.` wrap alone onto the next line; `Fortune` is a note of its own.
    const sentence = 'it saves you a small fortune.'
    const welsh = 'canslo nhw yn yr haf.'
    const html = page(`<p>${sentence}</p><ul><li>${welsh}</li></ul><p>Fortune</p>`)
    const pdf = await printPdf(html, browser, {pageNumbers: false})
    const lines = (await pdfText(pdf)).split('\n').map((line) => line.trim())
    expect(lines).toContain('fortune.')
    expect(lines).toContain('haf.')
    const ordinary = [ordinaryUse(sentence, sentence.indexOf('fortune'), sentence.indexOf('fortune') + 7), ordinaryUse(welsh, welsh.indexOf('haf'), welsh.indexOf('haf') + 3)]
    const auditor = createAuditor(roster, `${sentence}\n${welsh}\n`, undefined, ordinary)
    // Read line by line, the wrapped words are names alone in a note: the over-flag this fixes.
    const asLines = auditor.scan(await pdfText(pdf), 'pdf').map((leak) => leak.text)
    expect(asLines).toEqual(expect.arrayContaining(['fortune', 'haf', 'Fortune']))
    const read = readerParagraphs(await pdfText(pdf), htmlText(html))
    expect(read).toContain(sentence)
    expect(read).toContain(welsh)
    expect(auditor.scan(read, 'pdf').map((leak) => leak.text)).toEqual(['Fortune'])
    expect(words(read)).toEqual(words(await pdfText(pdf)))
  })

  it('runs a paragraph cut by a page break on over the next page, and drops or invents no word of a generated report', async () => {
    const long = Array.from({length: 40}, (_, index) => `line ${index} of a paragraph that runs over the page break`).join(' ')
    const html = page(`<p>${long} and ends by good fortune.</p>`).replace('width: 20ch', 'width: 60ch')
    const pdf = await printPdf(html, browser, {pageNumbers: false})
    const text = await pdfText(pdf)
    expect(text.split('\n\f\n').length).toBeGreaterThan(1)
    const read = readerParagraphs(text, htmlText(html))
    expect(read.split('\n').filter((line) => line.trim() !== '')[0]).toBe(`${long} and ends by good fortune.`)
    for (let seed = 3100; seed < 3106; seed++) {
      const notes = generateNotes(seed)
      const compiled = compileReport(new VFile({path: `generated-${seed}.md`, value: notes.value}))
      const printed = await pdfText(await printPdf(compiled.html, browser))
      expect(words(readerParagraphs(printed, htmlText(compiled.html))), `seed ${seed}`).toEqual(words(printed))
    }
  })

  it('passes a report whose name-word, kept as a word, wraps alone onto a line of its PDF (read line by line, it was refused)', async () => {
    const notes = (body: string) => `---\ntitle: Care charging\ndate: 2026-12-07\nattendees:\n  - { name: Fortune Chikwanha, org: Kirklees Council }\n  - { name: Haf Pritchard, org: Gwynedd Council }\n---\n\n## What works\n\n${body}\n`
    const fillers = Array.from({length: 24}, (_, index) => `- A benefits check before the assessment${' really'.repeat(index)} saves people a small fortune #works`).join('\n')
    const file = new VFile({path: 'clean.md', value: notes(fillers)})
    const compiled = compileReport(file)
    expect(compiled.leaks).toEqual([])
    const pdf = await printPdf(compiled.html, browser)
    const text = await pdfText(pdf)
    // Some of the 24 notes wrap so that `fortune` is alone on its line.
    expect(text.split('\n').some((line) => /^fortune\b/iu.test(line.trim()) && line.trim().split(/\s+/u).length <= 2)).toBe(true)
    const audit = {roster: file.data.roster!, source: String(file.value), ordinary: file.data.ordinary ?? [], blocks: compiled.readerText}
    expect(await auditPdf(pdf, audit, 'clean.md')).toEqual([])
    const {blocks: _, ...lineByLine} = audit
    expect((await auditPdf(pdf, lineByLine, 'clean.md')).map((diagnostic) => diagnostic.message).join('\n')).toMatch(/`f••••••`/u)
  })
})
