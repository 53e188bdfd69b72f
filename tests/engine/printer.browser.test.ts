import fs from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {build, type FileResult} from '../../src/engine/batch.js'
import {Printer} from '../../src/engine/printer.js'
import {launchBrowser} from '../../src/print/browser.js'
import {archive, listFiles} from './helpers.js'
import {browserOf, chromiumOf, gone, renderersOf} from './processes.js'

/** A PDF file that is whole: the header, and the end-of-file marker at the end. */
function wholePdf(file: string): boolean {
  const bytes = fs.readFileSync(file)
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(-32).toString('latin1').includes('%%EOF')
}

describe('printing a batch in one browser (real Chromium)', () => {
  const saved = process.env.PUPPETEER_EXECUTABLE_PATH
  afterEach(() => {
    if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH
    else process.env.PUPPETEER_EXECUTABLE_PATH = saved
  })

  it('prints every report, closes the browser, and on a second run skips everything without launching one', async () => {
    const dir = archive(3)
    const first = await build(['notes'], {cwd: dir, formats: ['html', 'pdf'], concurrency: 2})
    expect(first).toMatchObject({built: 3, failed: 0, exitCode: 0, browser: true, retries: 0})
    expect(listFiles(path.join(dir, 'out')).filter((name) => name.endsWith('.pdf'))).toHaveLength(3)
    for (const name of listFiles(path.join(dir, 'out')).filter((file) => file.endsWith('.pdf'))) expect(wholePdf(path.join(dir, 'out', name))).toBe(true)
    expect(await gone(chromiumOf(process.pid).map((info) => info.pid))).toEqual([])

    // Were a browser launched now, it would fail: the run proves it never tries.
    process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chrome'
    const second = await build(['notes'], {cwd: dir, formats: ['html', 'pdf']})
    expect(second).toMatchObject({built: 0, skipped: 3, failed: 0, exitCode: 0, browser: false})
  }, 60_000)

  it('prints two pages at once in one renderer process: a renderer for every two pages', async () => {
    const printer = new Printer({pages: 2, timeout: 30_000})
    const counts: number[] = []
    try {
      const report = (n: number) => `<!doctype html><title>T</title><h1>Report ${n}</h1>${'<p>Words of a report.</p>'.repeat(200)}`
      // Two prints at once hold both pages; the renderers are counted while they run.
      const printing = Promise.all([printer.print(report(1)), printer.print(report(2))])
      const timer = setInterval(() => counts.push(renderersOf(process.pid).length), 20)
      await printing.finally(() => clearInterval(timer))
      await Promise.all([printer.print(report(3)), printer.print(report(4))])
      counts.push(renderersOf(process.pid).length)
    } finally {
      await printer.close()
    }
    expect(Math.max(...counts)).toBe(1)
  })

  it('retires the pages that share a renderer together, so that their renderer goes and the next prints start a new one', async () => {
    const printer = new Printer({pages: 2, timeout: 60_000, maxUses: 2})
    const seen = new Set<number>()
    const timer = setInterval(() => {
      for (const info of renderersOf(process.pid)) seen.add(info.pid)
    }, 10)
    try {
      const report = (n: number, paragraphs: number) => `<!doctype html><title>T</title><h1>Report ${n}</h1>${'<p>Words of a report.</p>'.repeat(paragraphs)}`
      // A long report holds one page while the other serves two short ones and is retired: a page replacing it
      // alone would join the renderer the long one keeps alive, for as long as the batch.
      const long = printer.print(report(0, 4_000))
      for (let n = 1; n <= 3; n++) await printer.print(report(n, 20))
      await long
    } finally {
      clearInterval(timer)
      await printer.close()
    }
    expect(seen.size).toBeGreaterThanOrEqual(2)
  }, 90_000)

  it('opens the page that replaces a retired one only once the retired one has closed, so their renderers never add up', async () => {
    const real = await launchBrowser()
    const events: string[] = []
    const browser = new Proxy(real, {
      get(target, property) {
        if (property === 'newPage') {
          return async () => {
            events.push('open')
            const page = await target.newPage()
            const close = page.close.bind(page)
            Object.defineProperty(page, 'close', {
              value: async (...args: Parameters<typeof close>) => {
                events.push('closing')
                await close(...args)
                events.push('closed')
              },
              writable: true,
              configurable: true,
            })
            return page
          }
        }
        const value: unknown = Reflect.get(target, property, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const printer = new Printer({pages: 1, timeout: 30_000, browser, maxUses: 1})
    try {
      for (let report = 0; report < 3; report++) await printer.print('<!doctype html><p>Hello</p>')
    } finally {
      await printer.close()
      await real.close()
    }
    expect(events.slice(0, 7)).toEqual(['open', 'closing', 'closed', 'open', 'closing', 'closed', 'open'])
  })

  /** Call `act` once, as soon as `ready()` finds what it needs (a print under way), while `work` runs. */
  async function during<T>(work: () => Promise<T>, ready: () => boolean, act: () => void): Promise<{result: T; acted: boolean}> {
    let acted = false
    const timer = setInterval(() => {
      if (acted || !ready()) return
      acted = true
      act()
    }, 20)
    try {
      return {result: await work(), acted}
    } finally {
      clearInterval(timer)
    }
  }

  it('relaunches a browser that is killed mid-batch and retries its reports: the batch completes', async () => {
    const dir = archive(6)
    // Once the first report is written, the pages are printing the next ones (in one renderer: two pages share it).
    let written = 0
    const {result: summary, acted} = await during(
      () => build(['notes'], {cwd: dir, formats: ['pdf'], concurrency: 2, onFile: () => void written++}),
      () => written >= 1,
      () => process.kill(browserOf(process.pid)!.pid, 'SIGKILL'),
    )
    expect(acted).toBe(true)
    expect(summary.files.map((file) => file.status)).toEqual(Array(6).fill('built'))
    expect(summary.exitCode).toBe(0)
    expect(summary.retries).toBeGreaterThanOrEqual(1)
    for (const name of listFiles(path.join(dir, 'out'))) expect(wholePdf(path.join(dir, 'out', name))).toBe(true)
    expect(await gone(chromiumOf(process.pid).map((info) => info.pid))).toEqual([])
  }, 90_000)

  it('replaces pages whose renderer is killed mid-batch and retries their reports: the batch completes', async () => {
    const dir = archive(6)
    let killed: number[] = []
    // Once the first report is written, the pages are printing the next ones.
    const onFile = (file: FileResult) => {
      if (killed.length > 0 || file.status !== 'built') return
      killed = renderersOf(process.pid).map((info) => info.pid)
      for (const pid of killed) process.kill(pid, 'SIGKILL')
    }
    const summary = await build(['notes'], {cwd: dir, formats: ['pdf'], concurrency: 2, onFile})
    expect(killed.length).toBeGreaterThan(0)
    expect(summary.files.map((file) => file.status)).toEqual(Array(6).fill('built'))
    expect(summary.retries).toBeGreaterThanOrEqual(1)
    // A crash is noticed at once, not after the timeout.
    expect(Math.max(...summary.files.map((file) => file.timings.print ?? 0))).toBeLessThan(10_000)
    for (const name of listFiles(path.join(dir, 'out'))) expect(wholePdf(path.join(dir, 'out', name))).toBe(true)
  }, 90_000)

  it('gives up a report that prints past the timeout after one retry, keeps its other formats, and goes on', async () => {
    const dir = archive(2)
    const summary = await build(['notes'], {cwd: dir, formats: ['html', 'pdf'], concurrency: 2, timeout: 30})
    expect(summary.exitCode).toBe(1)
    for (const file of summary.files) {
      expect(file.status).toBe('failed')
      expect(file.diagnostics.at(-1)).toMatchObject({severity: 'error', rule: 'timeout', message: expect.stringMatching(/^Cannot print the PDF within 30 ms/)})
    }
    expect(summary.retries).toBe(2)
    expect(listFiles(path.join(dir, 'out'))).toEqual(['2016/report-01.html', '2017/report-02.html'])
    expect(await gone(chromiumOf(process.pid).map((info) => info.pid))).toEqual([])
  }, 60_000)
})
