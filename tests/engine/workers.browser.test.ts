/**
 * The batch path as users run it: the compiled CLI (`bin/exchange.js`, the
 * bundle in dist/) over 4 files or more, which compiles and reads every PDF
 * back for the audit on worker threads. Worker threads run only from
 * compiled code (`npm run build`, which `npm test` runs first), so the
 * in-process tests never take this path.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {root, tempDir} from '../helpers.js'
import {cleanEnv, notes} from './helpers.js'

const bin = path.join(root, 'bin/exchange.js')
const dist = (file: string) => path.join(root, 'dist', file)
const run = promisify(execFile)

interface Summary {
  built: number
  failed: number
  threads: number
  exitCode: number
  files: Array<{input: string; status: string; outputs: string[]; diagnostics: Array<{rule?: string; severity: string; message: string}>; timings: Record<string, number>}>
}

/** `exchange build ARGS --json` in `cwd`, as a user runs it; its summary and exit code. */
async function exchange(args: string[], cwd: string): Promise<{code: number; summary: Summary}> {
  const {stdout, code} = await run(process.execPath, [bin, 'build', ...args, '--json'], {cwd, env: cleanEnv(), maxBuffer: 1 << 24}).then(
    (result) => ({...result, code: 0}),
    (error: {stdout: string; code: number}) => error,
  )
  return {code, summary: JSON.parse(stdout) as Summary}
}

beforeAll(() => {
  if (!fs.existsSync(dist('exchange-worker.cjs')) || !fs.existsSync(dist('engine/worker.js'))) throw new Error('the compiled workers are missing: run `npm run build` first')
})

describe('a batch of PDFs, through the compiled workers', () => {
  const count = 5
  let dir: string
  let first: {code: number; summary: Summary}
  beforeAll(async () => {
    const files: Record<string, string> = {}
    for (let index = 1; index <= count; index++) files[`notes/${2015 + index}/report-${index}.md`] = notes(`Report ${index}`, `\n## What works\n\n- Peer mentors in every school #insight\n`)
    dir = tempDir(files)
    first = await exchange(['notes', '-f', 'pdf,html', '-o', 'out', '--threads', '1'], dir)
  }, 120_000)

  it('compiles and audits on a worker thread, and builds every report', () => {
    expect(first.code).toBe(0)
    expect(first.summary).toMatchObject({built: count, failed: 0, threads: 1, exitCode: 0})
    for (const file of first.summary.files) expect(file.timings).toMatchObject({compile: expect.any(Number), print: expect.any(Number), audit: expect.any(Number)})
  })

  it('writes PDFs whose text is the report’s, with the attendee anonymised and the contents numbered', async () => {
    const {pdfText} = (await import(dist('audit/index.js'))) as typeof import('../../src/audit/index.js')
    const {destinationPages} = (await import(dist('print/finish.js'))) as typeof import('../../src/print/finish.js')
    for (let index = 1; index <= count; index++) {
      const pdf = new Uint8Array(fs.readFileSync(path.join(dir, `out/${2015 + index}/report-${index}.pdf`)))
      const text = await pdfText(pdf)
      expect(text).toContain(`Report ${index}`)
      expect(text).not.toMatch(/\bJane\b|\bSmith\b/)
      // Each line of the contents ends with the page the PDF's own destination gives its heading.
      const html = fs.readFileSync(path.join(dir, `out/${2015 + index}/report-${index}.html`), 'utf8')
      const entries = [...html.matchAll(/href="#([^"]+)"><span class="toc-number">[^<]*<\/span><span class="toc-title">([^<]+)<\/span>/g)]
      expect(entries.length).toBeGreaterThanOrEqual(3)
      const destinations = destinationPages(pdf)
      for (const [, id, title] of entries) {
        const page = destinations.get(id!)
        expect(page, id).toBeGreaterThan(1)
        expect(text).toMatch(new RegExp(`${title}\\s+${page}\\s`))
      }
    }
  })

  it('skips every report on an unchanged re-run, with no browser and no worker', async () => {
    const again = await exchange(['notes', '-f', 'pdf,html', '-o', 'out'], dir)
    expect(again.summary).toMatchObject({built: 0, failed: 0, threads: 0})
    expect(again.summary.files.every((file) => file.status === 'skipped')).toBe(true)
  })
})

describe('the PDF audit on a worker thread', () => {
  let engine: import('../../src/engine/engine.js').Engine
  let browser: import('puppeteer-core').Browser
  beforeAll(async () => {
    const {createEngine} = (await import(dist('engine/engine.js'))) as typeof import('../../src/engine/engine.js')
    const {launchBrowser} = (await import(dist('print/browser.js'))) as typeof import('../../src/print/browser.js')
    engine = createEngine(1, {timeout: 60_000, auditInMain: true})
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await Promise.all([engine?.close(), browser?.close()])
  })

  it('reads a printed PDF back and finds a participant only the PDF names', async () => {
    const {printPdf} = (await import(dist('print/pdf.js'))) as typeof import('../../src/print/pdf.js')
    expect(engine.threads).toBe(1)
    const pdf = await printPdf('<!doctype html><html lang="en"><head><title>T</title></head><body><p>Thanks to Jane Smith for the room.</p></body></html>', browser)
    const context = {roster: {people: [{name: 'Jane Smith', aliases: []}], share: []}, source: '---\nattendees: [Jane Smith]\n---\n\n- Money is tight\n'}
    const leaks = await engine.auditPdf(pdf, context as never, 'leak.md')
    expect(leaks).toEqual([expect.objectContaining({rule: 'audit', severity: 'error', file: 'leak.md'})])
    expect(leaks[0]!.message).toMatch(/pdf/i)
    const clean = await printPdf('<!doctype html><html lang="en"><head><title>T</title></head><body><p>Thanks to the hosts for the room.</p></body></html>', browser)
    expect(await engine.auditPdf(clean, context as never, 'clean.md')).toEqual([])
  })
})
