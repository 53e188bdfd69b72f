/**
 * The launcher on a real Chromium: exchange spawns the browser itself (so it
 * boots while the notes compile) and Puppeteer connects over the DevTools
 * pipe. The browser must behave as one from `puppeteer.launch()` would.
 */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {launchBrowser} from '../../src/print/browser.js'
import {chromiumOf, gone} from '../batch/processes.js'

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
