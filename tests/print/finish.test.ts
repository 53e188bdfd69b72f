/**
 * Finishing a PDF without a browser: a small PDF laid out the way Chromium
 * writes one (classic cross-reference table, an outline nested under the
 * cover's <h1>, named destinations for linked ids), finished, then read back
 * with the reader and with qpdf/pdfinfo, which CI installs.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {documentInfo} from '../../src/print/document-info.js'
import {destinationPages, finishPdf, formatPdfDate, outlineEntries, pageCount} from '../../src/print/finish.js'
import {readPdf, textString} from '../../src/print/pdf-file.js'
import {sourceDate} from '../../src/print/pdf.js'
import {tempDir} from '../helpers.js'

/** A PDF as Chromium writes it: objects, then a classic xref table. */
function chromiumLikePdf(printedAt = "D:20261123183132+00'00'"): Uint8Array {
  const objects: string[] = [
    `<</Title (Garbled title)\n/Creator (Chromium)\n/Producer (Skia/PDF m150)\n/CreationDate (${printedAt})\n/ModDate (${printedAt})>>`, // 1 Info
    '<</Type /Pages\n/Count 3\n/Kids [3 0 R 4 0 R]>>', // 2 root pages
    '<</Type /Pages\n/Parent 2 0 R\n/Count 2\n/Kids [5 0 R 6 0 R]>>', // 3 nested pages
    '<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595.92 842.88]>>', // 4 page 3
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595.92 842.88]>>', // 5 page 1
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595.92 842.88]>>', // 6 page 2
    '<</intro [6 0 R /XYZ 0 842 0]\n/what-works [4 0 R /XYZ 0 842 0]>>', // 7 Dests
    '<</Type /Outlines\n/First 9 0 R\n/Last 9 0 R\n/Count 4>>', // 8 outline root
    '<</Title (NOTHING ABOUT USWITHOUT US)\n/Parent 8 0 R\n/Dest [5 0 R /XYZ 57 529 0]\n/First 10 0 R\n/Last 12 0 R\n/Count 3>>', // 9 cover h1
    '<</Title (INTRODUCTIONINTRODUCTION)\n/Parent 9 0 R\n/Dest [6 0 R /XYZ 57 776 0]\n/SE 14 0 R\n/Next 11 0 R>>', // 10
    '<</Title (1.1.WHAT WORKSWHAT WORKS)\n/Parent 9 0 R\n/Dest [4 0 R /XYZ 57 776 0]\n/Prev 10 0 R\n/Next 12 0 R>>', // 11
    '<</Title (IN PRACTICE)\n/Parent 9 0 R\n/Dest [4 0 R /XYZ 57 500 0]\n/Prev 11 0 R>>', // 12 (an h3)
    '<</Type /Catalog\n/Pages 2 0 R\n/Dests 7 0 R\n/MarkInfo <</Type /MarkInfo\n/Marked true>>\n/StructTreeRoot 14 0 R\n/Outlines 8 0 R\n/Lang (en-GB)>>', // 13
    '<</Type /StructTreeRoot>>', // 14
  ]
  let text = '%PDF-1.4\n%\u00d3\u00eb\u00e9\u00e1\n'
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(text.length)
    text += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = text.length
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 13 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`
  return new Uint8Array(Buffer.from(text, 'latin1'))
}

const html = `<!doctype html><html lang="en-GB"><head><title>Nothing about us without us</title>
<meta name="author" content="Civic Futures Network"><meta name="description" content="Insights report: Nothing about us">
<meta name="keywords" content="Innovation Exchange, Insights report"><meta name="generator" content="exchange 9.9.9">
<meta name="dcterms.date" content="2023-11-09"><style>h1{color:red}</style></head><body>
<header><h1>Nothing about us
without us</h1></header><main><section id="intro"><h2 id="intro-heading">Introduction</h2></section>
<section id="what-works"><h2><span class="number">1.</span> What works</h2><h3>In practice</h3></section></main>
<nav><a href="#intro"><span data-page-of="intro"></span></a></nav></body></html>`

interface QpdfOutline {
  title: string
  destpageposfrom1: number
  kids: QpdfOutline[]
}

function qpdfJson(pdf: Uint8Array): {outlines: QpdfOutline[]} {
  const file = path.join(tempDir(), 'a.pdf')
  fs.writeFileSync(file, pdf)
  return JSON.parse(execFileSync('qpdf', ['--json', file], {encoding: 'utf8'}))
}

function pdfinfo(pdf: Uint8Array): string {
  const file = path.join(tempDir(), 'a.pdf')
  fs.writeFileSync(file, pdf)
  return execFileSync('pdfinfo', ['-isodates', file], {encoding: 'utf8'})
}

describe('documentInfo', () => {
  it('reads the metadata and the headings, as a reader hears them, in order', () => {
    const info = documentInfo(html)
    expect(info).toMatchObject({lang: 'en-GB', title: 'Nothing about us without us', author: 'Civic Futures Network', generator: 'exchange 9.9.9', date: '2023-11-09'})
    expect(info.headings).toEqual([
      {level: 1, text: 'Nothing about us without us', id: undefined},
      {level: 2, text: 'Introduction', id: 'intro-heading'},
      {level: 2, text: '1. What works', id: undefined},
      {level: 3, text: 'In practice', id: undefined},
    ])
    expect(info.pageRefs).toEqual(['intro'])
  })
})

describe('finishPdf', () => {
  it('rebuilds the outline from the headings: the title first, sections beside it, sub-headings under them', () => {
    const finished = finishPdf(chromiumLikePdf(), documentInfo(html))
    const {outlines} = qpdfJson(finished)
    const shape = (items: QpdfOutline[]): unknown => items.map((item) => [item.title, item.destpageposfrom1, ...(item.kids.length ? [shape(item.kids)] : [])])
    expect(shape(outlines)).toEqual([
      ['Nothing about us without us', 1],
      ['Introduction', 2],
      ['1. What works', 3, [['In practice', 3]]],
    ])
  })

  it('keeps Chromium’s destinations and structure links, and the document tagged', () => {
    const finished = finishPdf(chromiumLikePdf(), documentInfo(html))
    const text = Buffer.from(finished).toString('latin1')
    expect(text).toContain('/SE 14 0 R')
    expect(pdfinfo(finished)).toMatch(/Tagged:\s+yes/)
    const file = path.join(tempDir(), 'a.pdf')
    fs.writeFileSync(file, finished)
    expect(execFileSync('qpdf', ['--check', file], {encoding: 'utf8'})).toContain('No syntax or stream encoding errors') // exits non-zero on a warning
  })

  it('writes Title, Author, Subject, Keywords, Creator and XMP metadata from the HTML head', () => {
    const info = pdfinfo(finishPdf(chromiumLikePdf(), documentInfo(html)))
    expect(info).toMatch(/^Title:\s+Nothing about us without us$/m)
    expect(info).toMatch(/^Author:\s+Civic Futures Network$/m)
    expect(info).toMatch(/^Subject:\s+Insights report: Nothing about us$/m)
    expect(info).toMatch(/^Keywords:\s+Innovation Exchange, Insights report$/m)
    expect(info).toMatch(/^Creator:\s+exchange 9\.9\.9$/m)
    expect(info).toMatch(/^Producer:\s+Skia\/PDF m150$/m)
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m)
  })

  it('writes text outside Latin-1 as Unicode', () => {
    const info = pdfinfo(finishPdf(chromiumLikePdf(), {...documentInfo(html), title: 'Cymraeg: Ŵyr a ŷd — “quoted”'}))
    expect(info).toMatch(/^Title:\s+Cymraeg: Ŵyr a ŷd — “quoted”$/m)
  })

  it('pins both dates to the date given, and leaves no trace of the print time', () => {
    const date = new Date(Date.UTC(2023, 10, 9, 12, 30, 5))
    const finished = finishPdf(chromiumLikePdf(), documentInfo(html), {date})
    const info = pdfinfo(finished)
    expect(info).toMatch(/^CreationDate:\s+2023-11-09T12:30:05(Z|\+00)/m)
    expect(info).toMatch(/^ModDate:\s+2023-11-09T12:30:05(Z|\+00)/m)
    expect(Buffer.from(finished).toString('latin1')).not.toContain('20261123183132')
  })

  it('gives the same bytes for the same input, whenever it was printed', () => {
    const date = new Date(Date.UTC(2024, 0, 1))
    const a = finishPdf(chromiumLikePdf("D:20261123183132+00'00'"), documentInfo(html), {date})
    const b = finishPdf(chromiumLikePdf("D:20270101000000+00'00'"), documentInfo(html), {date})
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    // …and a file ID that depends on the content.
    const c = finishPdf(chromiumLikePdf(), {...documentInfo(html), title: 'Another'}, {date})
    const id = (pdf: Uint8Array) => /\/ID \[<([0-9A-F]+)>/.exec(Buffer.from(pdf).toString('latin1'))?.[1]
    expect(id(a)).toMatch(/^[0-9A-F]{32}$/)
    expect(id(a)).not.toBe(id(c))
  })

  it('keeps Chromium’s print time when no date is given', () => {
    expect(pdfinfo(finishPdf(chromiumLikePdf(), documentInfo(html)))).toMatch(/^CreationDate:\s+2026-11-23T18:31:32/m)
  })
})

describe('reading a PDF', () => {
  it('finds the page each linked id landed on, through nested page trees', () => {
    const pdf = chromiumLikePdf()
    expect(pageCount(pdf)).toBe(3)
    expect(destinationPages(pdf)).toEqual(new Map([['intro', 2], ['what-works', 3]]))
  })

  it('reads its own incremental update back', () => {
    const finished = finishPdf(chromiumLikePdf(), documentInfo(html))
    expect(destinationPages(finished)).toEqual(new Map([['intro', 2], ['what-works', 3]]))
    expect(readPdf(finished).trailer.get('Prev')?.raw).toMatch(/^\d+$/)
  })

  it('refuses what is not a PDF with an error saying so', () => {
    expect(() => readPdf(new Uint8Array(Buffer.from('hello')))).toThrow('Cannot finish the PDF: this is not a PDF file')
  })

  it('writes Unicode text strings as UTF-16 with a byte-order mark', () => {
    expect(textString('Aé')).toBe('<FEFF004100E9>')
  })
})

describe('outlineEntries', () => {
  const item = (title: string, page: number) => ({title, dest: `[${page} 0 R /XYZ 0 0 0]`})

  it('pairs by text when a theme hides a heading from the outline', () => {
    const entries = outlineEntries(
      [item('TITLE', 1), item('CONTENTSCONTENTS', 2), item('1.1.WHAT WORKSWHAT WORKS', 3)],
      [
        {level: 1, text: 'Title'},
        {level: 2, text: 'Hidden somewhere'},
        {level: 2, text: 'Contents'},
        {level: 2, text: '1. What works'},
      ],
    )
    expect(entries.map((entry) => entry.title)).toEqual(['Title', 'Contents', '1. What works'])
  })

  it('nests by heading level when there is no lone title', () => {
    const entries = outlineEntries([item('A', 1), item('B', 1), item('C', 2)], [
      {level: 2, text: 'A'},
      {level: 3, text: 'B'},
      {level: 2, text: 'C'},
    ])
    expect(entries.map((entry) => [entry.title, entry.children.map((child) => child.title)])).toEqual([
      ['A', ['B']],
      ['C', []],
    ])
  })
})

describe('SOURCE_DATE_EPOCH', () => {
  it('is seconds since 1970 in UTC', () => {
    expect(sourceDate({SOURCE_DATE_EPOCH: '1700000000'})?.toISOString()).toBe('2023-11-14T22:13:20.000Z')
    expect(sourceDate({})).toBeUndefined()
    expect(formatPdfDate(new Date(Date.UTC(2023, 10, 14, 22, 13, 20)))).toBe("D:20231114221320+00'00'")
  })

  it('is a usage error when malformed, as reproducible-builds.org asks', () => {
    expect(() => sourceDate({SOURCE_DATE_EPOCH: 'yesterday'})).toThrow('Unexpected SOURCE_DATE_EPOCH `yesterday`, expected a whole number of seconds since 1970-01-01 UTC')
  })
})
