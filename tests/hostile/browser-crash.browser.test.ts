/**
 * A browser that crashes mid-print: the run ends (no hang), no half-written
 * PDF is left, a batch gets its PDFs from a fresh browser, and a print that
 * cannot be done says so in one line with what to do, never a stack trace.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Browser} from 'puppeteer-core'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/engine/index.js'
import {formatDiagnostic, fromError} from '../../src/diagnostics.js'
import {ExchangeError} from '../../src/errors.js'
import {launchBrowser} from '../../src/print/browser.js'
import {printPdf} from '../../src/print/pdf.js'
import {tempDir} from '../helpers.js'
import {diagnosticLine, expectNoStack, good} from './hostile.js'

/** Kill the browser (as the out-of-memory killer would) as soon as a page is opened in it to print on. */
function crashOnFirstPage(browser: Browser): Browser {
  browser.once('targetcreated', () => {
    browser.process()?.kill('SIGKILL')
  })
  return browser
}

describe('a browser that crashes mid-print', () => {
  it('costs a batch a retry, not its reports: each PDF is whole, none is half-written', async () => {
    const dir = tempDir({'a.md': good('A'), 'b.md': good('B')})
    const browser = crashOnFirstPage(await launchBrowser())
    try {
      const summary = await build(['a.md', 'b.md'], {cwd: dir, formats: ['html', 'pdf'], browser, timeout: 20_000})
      for (const file of summary.files) {
        const pdf = path.join(dir, 'out', `${path.basename(file.input, '.md')}.pdf`)
        if (file.status === 'built') {
          expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
          continue
        }
        // A file that could not be printed after all: one line each, what to do, no PDF.
        expect(fs.existsSync(pdf)).toBe(false)
        for (const line of file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map(formatDiagnostic)) {
          expectNoStack(line)
          expect(diagnosticLine.exec(line)?.groups?.message ?? line).toMatch(/\S — \S/)
        }
      }
      expect(fs.readdirSync(path.join(dir, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([])
    } finally {
      await browser.close().catch(() => {})
    }
  })

  it('says in one line what happened and what to do when the print itself dies', async () => {
    const browser = crashOnFirstPage(await launchBrowser())
    try {
      // Long enough to print that the kill lands mid-print.
      const html = `<!doctype html><title>x</title>${'<p>a note that takes its time to lay out and print</p>'.repeat(20_000)}`
      const error = await printPdf(html, browser, {timeout: 3000}).then(
        () => undefined,
        (caught: unknown) => caught,
      )
      expect(error).toBeInstanceOf(ExchangeError)
      const line = formatDiagnostic(fromError(error, 'a.md'))
      expectNoStack(line)
      const parts = diagnosticLine.exec(line)?.groups
      expect(parts, line).toBeDefined()
      expect(parts!.file).toBe('a.md')
      expect(['print', 'browser', 'browser-crashed', 'page-crashed'], line).toContain(parts!.rule)
      expect(parts!.message, line).toMatch(/^Cannot print the PDF.* — \S/)
    } finally {
      await browser.close().catch(() => {})
    }
  })

  it('fails a print as soon as the browser dies, not at the timeout', async () => {
    const browser = crashOnFirstPage(await launchBrowser())
    try {
      const html = `<!doctype html><title>x</title>${'<p>a note that takes its time to lay out and print</p>'.repeat(20_000)}`
      const started = performance.now()
      await printPdf(html, browser, {timeout: 3000}).catch(() => {})
      expect(performance.now() - started).toBeLessThan(1500)
    } finally {
      await browser.close().catch(() => {})
    }
  })
})
