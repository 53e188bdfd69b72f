/**
 * Real Chromium, real PDF: these tests print through Puppeteer and read the
 * PDF back. They need a Chrome or Chromium (CI installs Debian's chromium).
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type {Browser} from 'puppeteer'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {pdfText} from '../../src/audit/index.js'
import {build} from '../../src/build/index.js'
import {readNotes} from '../../src/build/read.js'
import {parseNotes} from '../../src/parse/index.js'
import {launchBrowser} from '../../src/print/browser.js'
import {printPdf} from '../../src/print/pdf.js'
import {containsEntry, root, tempDir} from '../helpers.js'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('PDF from real Chromium', () => {
  it('prints an example report: A4, title, section heading, page numbers, no roster name', async () => {
    const out = tempDir()
    const notes = path.join(root, 'examples/youth-voice-2023.md')
    const summary = await build([notes], {outDir: out, formats: ['pdf'], browser})
    expect(summary.exitCode).toBe(0)
    const pdf = new Uint8Array(fs.readFileSync(path.join(out, 'youth-voice-2023.pdf')))
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
    const text = await pdfText(pdf)

    expect(text.toUpperCase()).toContain('NOTHING ABOUT US WITHOUT US')
    expect(text.toUpperCase()).toContain('WHAT NEEDS TO CHANGE')
    expect(text).toMatch(/\b2 of \d+\b/)

    const file = readNotes(notes)
    parseNotes(file)
    for (const person of file.data.roster!.people) {
      const [first, ...rest] = person.name.split(' ')
      for (const form of [person.name, first!, rest.join(' ')]) expect(containsEntry(text, form), form).toBe(false)
    }
  })

  it('fetches nothing and runs no script while printing', async () => {
    const requests: string[] = []
    const server = http.createServer((request, response) => {
      requests.push(request.url ?? '')
      response.end('x')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as {port: number}).port
    const blocked: string[] = []
    try {
      const html = `<!doctype html><html><head><title>Hostile</title>
<link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">
<script>document.title = 'script ran'</script></head>
<body><h1 id="h">Hostile</h1><img src="http://127.0.0.1:${port}/pixel.png"><img src="file:///etc/hostname">
<iframe src="http://127.0.0.1:${port}/frame"></iframe>
<script>document.getElementById('h').textContent = 'SCRIPT RAN'</script></body></html>`
      const pdf = await printPdf(html, browser, {onBlocked: (url) => blocked.push(url)})
      const text = await pdfText(pdf)
      expect(text).toContain('Hostile')
      expect(text).not.toContain('SCRIPT RAN')
      expect(requests).toEqual([])
      expect(blocked.some((url) => url.includes(`127.0.0.1:${port}`))).toBe(true)
    } finally {
      server.close()
    }
  })
})
