/**
 * The shared corpus printed with a real Chromium: no `must_not_appear`
 * entry in the PDF's text (read back with pdfjs), nor any leak the audit
 * finds in it — text set in capitals by the theme included. One browser for
 * all files.
 */
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createAuditor, pdfText} from '../src/audit/index.js'
import {compileReport} from '../src/engine/index.js'
import {readNotes} from '../src/engine/read.js'
import {launchBrowser} from '../src/print/browser.js'
import {printPdf} from '../src/print/pdf.js'
import {containsEntry, corpusFiles} from './helpers.js'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe.each(corpusFiles())('corpus PDF: $name', ({notes, key}) => {
  it('lets no must_not_appear entry, and nothing the audit would flag, reach the PDF text', async () => {
    const file = readNotes(notes)
    const compiled = compileReport(file)
    const text = await pdfText(await printPdf(compiled.html, browser))
    expect(text.length).toBeGreaterThan(1000)
    expect(key.must_not_appear.filter((entry) => containsEntry(text, entry))).toEqual([])
    const auditor = createAuditor(file.data.roster!, String(file.value), file.data.meta)
    expect(auditor.scan(text, 'pdf').map((leak) => `${leak.text}: ${leak.context}`)).toEqual([])
  })
})
