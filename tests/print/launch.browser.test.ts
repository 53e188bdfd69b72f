/**
 * The launcher on a real Chromium: exchange spawns the browser itself (so it
 * boots while the notes compile) and Puppeteer connects over the DevTools
 * pipe. The browser must behave as one from `puppeteer.launch()` would.
 */
import fs from 'node:fs'
import type {Browser, Target} from 'puppeteer'
import {describe, expect, it, vi} from 'vitest'
import {Printer} from '../../src/engine/printer.js'
import {launchBrowser} from '../../src/print/browser.js'
import {chromiumOf, gone} from '../engine/processes.js'

const profileOf = (args: string[]) => args.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length)

describe('launchBrowser on a real Chromium', () => {
  it('prints through the pipe, and close() ends every browser process and removes its profile', async () => {
    const browser = await launchBrowser()
    const child = browser.process()
    expect(child?.pid).toBeTypeOf('number')
    const profile = profileOf(child!.spawnargs)
    expect(profile && fs.existsSync(profile)).toBe(true)

    const page = await browser.newPage()
    await page.setContent('<h1>Hello</h1>')
    const pdf = await page.pdf({format: 'A4', tagged: true})
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')

    const processes = chromiumOf(process.pid).map((info) => info.pid)
    expect(processes).toContain(child!.pid)
    await browser.close()
    expect(child!.exitCode !== null || child!.signalCode !== null).toBe(true)
    expect(fs.existsSync(profile!)).toBe(false)
    expect(await gone(processes)).toEqual([])
  })

  it('reports the browser going when it is killed', async () => {
    const browser = await launchBrowser()
    const disconnected = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()))
    browser.process()!.kill('SIGKILL')
    await disconnected
    expect(browser.connected).toBe(false)
    await browser.close() // nothing left to close: still resolves
  })
})

describe('the printer’s pool on a real Chromium', () => {
  it('prints its first report on the page the browser started with, not a new one', async () => {
    let browser: Browser | undefined
    let start: Target | undefined
    const printer = new Printer({
      pages: 1,
      timeout: 30_000,
      launch: async () => {
        browser = await launchBrowser()
        start = (await browser.pages())[0]!.target()
        return browser
      },
    })
    try {
      const pdf = await printer.print('<!doctype html><title>T</title><h1>Hello</h1>')
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
      const targets = (await browser!.pages()).map((page) => page.target())
      expect(targets).toEqual([start])
    } finally {
      await printer.close()
    }
  })

  it('readies the start page on warm(), while the caller compiles: set up as a print sets it, and the first print opens no other page', async () => {
    let browser: Browser | undefined
    const printer = new Printer({pages: 1, timeout: 30_000, launch: async () => (browser = await launchBrowser())})
    try {
      printer.warm()
      await vi.waitFor(() => expect(browser).toBeDefined(), {timeout: 20_000})
      const [start] = await browser!.pages()
      // Print media, as a print lays the page out, before any print has been asked for.
      await vi.waitFor(async () => expect(await start!.evaluate(() => (globalThis as unknown as {matchMedia: (query: string) => {matches: boolean}}).matchMedia('print').matches)).toBe(true), {timeout: 20_000})
      let opened = 0
      browser!.on('targetcreated', (target: Target) => void (target.type() === 'page' && opened++))
      const pdf = await printer.print('<!doctype html><title>T</title><h1>Hello</h1>')
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
      expect(opened).toBe(0)
      expect((await browser!.pages()).map((page) => page.target())).toEqual([start!.target()])
    } finally {
      await printer.close()
    }
  })

  it('retires a page after maxUses reports and prints the next on a new one, by default after 25', async () => {
    let browser: Browser | undefined
    const launch = async () => (browser = await launchBrowser())
    const pagesOpened = async (printer: Printer, reports: number) => {
      let opened = 0
      try {
        await printer.print('<!doctype html><title>T</title><h1>Report 0</h1>')
        browser!.on('targetcreated', (target: Target) => void (target.type() === 'page' && opened++))
        for (let report = 1; report < reports; report++) await printer.print(`<!doctype html><title>T</title><h1>Report ${report}</h1>`)
      } finally {
        await printer.close()
      }
      return opened
    }
    // The start page takes reports 1 and 2, then new pages take 3–4 and 5.
    expect(await pagesOpened(new Printer({pages: 1, timeout: 30_000, launch, maxUses: 2}), 5)).toBe(2)
    expect(await pagesOpened(new Printer({pages: 1, timeout: 30_000, launch}), 26)).toBe(1)
  })

  it('loads Puppeteer’s connection once a process: two launches share its classes', async () => {
    const [a, b] = await Promise.all([launchBrowser(), launchBrowser()])
    try {
      expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b))
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})
