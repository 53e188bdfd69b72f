/**
 * What reaches the HTML reaches the PDF: generated notes in several styles and
 * the fresh hand-written notes are printed, and every marked content line the
 * key says must be in the report is found in the PDF's text.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Browser} from 'puppeteer'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {pdfText} from '../../src/audit/index.js'
import {build} from '../../src/engine/index.js'
import {launchBrowser} from '../../src/print/browser.js'
import {generateNotes} from '../generate/notes.js'
import {tempDir} from '../helpers.js'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const freshDir = path.join(path.dirname(new URL(import.meta.url).pathname), '../generate/fresh')

describe('the PDF carries every note the report carries', () => {
  it('finds each marked line of generated and fresh notes in the PDF text', async () => {
    const files: Record<string, string> = {}
    const markers: Record<string, string[]> = {}
    for (const seed of [21, 22, 23, 24]) {
      const notes = generateNotes(seed)
      files[`gen-${seed}.md`] = notes.value
      markers[`gen-${seed}`] = notes.key.flatMap((line) => (line.marker && line.expect === 'report' ? [line.marker] : []))
    }
    for (const name of fs.readdirSync(freshDir).filter((entry) => entry.endsWith('.md'))) {
      const value = fs.readFileSync(path.join(freshDir, name), 'utf8')
      files[name] = value
      markers[name.replace(/\.md$/, '')] = [...new Set(value.match(/\bfw[a-z]+\b/g) ?? [])]
    }
    const dir = tempDir(files)
    const out = path.join(dir, 'out')
    const summary = await build(Object.keys(files).map((name) => path.join(dir, name)), {outDir: out, formats: ['pdf', 'json'], browser})
    expect(summary.failed).toBe(0)
    const missing: string[] = []
    for (const [stem, list] of Object.entries(markers)) {
      // Words broken across lines or hyphenated by the layout are joined again.
      const text = (await pdfText(new Uint8Array(fs.readFileSync(path.join(out, `${stem}.pdf`))))).toLowerCase().replace(/[\s\u00ad-]+/g, '')
      // A line merged into the same point from another session is in the report as that point, and listed in left_out with why.
      const merged = JSON.stringify((JSON.parse(fs.readFileSync(path.join(out, `${stem}.json`), 'utf8')) as {left_out?: Array<{rule: string}>}).left_out?.filter((entry) => entry.rule === 'duplicate-note') ?? []).toLowerCase()
      for (const marker of list) if (!text.includes(marker) && !merged.includes(marker)) missing.push(`${stem}: ${marker}`)
    }
    expect(missing).toEqual([])
    fs.rmSync(dir, {recursive: true, force: true})
  })
})
