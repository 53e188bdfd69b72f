/**
 * Accessibility of the HTML report, checked by axe-core in real Chromium.
 * axe needs script, so this page (a test page, never the printing one) runs
 * it; the network stays blocked as when printing.
 */
import {createRequire} from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {readNotes} from '../../src/engine/read.js'
import {launchBrowser} from '../../src/print/browser.js'
import {corpusFiles, root} from '../helpers.js'

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

interface AxeResult {
  violations: Array<{id: string; impact: string; help: string; nodes: Array<{target: string[]}>}>
  passes: Array<{id: string}>
}

async function audit(html: string, media: 'screen' | 'print'): Promise<AxeResult> {
  const page = await browser.newPage()
  try {
    await page.setRequestInterception(true)
    page.on('request', (request) => void (request.url().startsWith('data:') ? request.continue() : request.abort('blockedbyclient')))
    await page.emulateMediaType(media)
    await page.setContent(html, {waitUntil: 'load'})
    await page.evaluate(axeSource) // DevTools evaluation: the report's own CSP still forbids page scripts
    return (await page.evaluate(`axe.run(document, {resultTypes: ['violations', 'passes'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})`)) as AxeResult
  } finally {
    await page.close()
  }
}

const summary = (result: AxeResult) => result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)

// The example with logos and a brand in screen and print styles; others (axe takes seconds a page) on screen.
const reports: Array<[string, Array<'screen' | 'print'>]> = [
  [path.join(root, 'examples/youth-voice-2023.md'), ['screen', 'print']],
  [path.join(root, 'examples/homelessness-prevention-2021.md'), ['screen']],
  [corpusFiles()[0]!.notes, ['screen']],
]

describe('HTML report accessibility (axe-core)', () => {
  for (const [notes, media] of reports) {
    it(`has no violations: ${path.basename(notes)} (${media.join(', ')})`, async () => {
      const {html} = compileReport(readNotes(notes))
      for (const medium of media) {
        const result = await audit(html, medium)
        expect(summary(result), medium).toEqual([])
        // Checks that ran and passed, so an empty list means something.
        const passed = new Set(result.passes.map((pass) => pass.id))
        const rules = ['html-has-lang', 'document-title', 'heading-order', 'landmark-one-main', 'page-has-heading-one', 'region', 'color-contrast', 'list']
        if (html.includes('<img')) rules.push('image-alt') // logos: only brands with logos have images
        for (const rule of rules) {
          expect(passed.has(rule), `${medium}: ${rule}`).toBe(true)
        }
      }
    })
  }
})
