import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ExchangeError} from '../../src/errors.js'
import {findChromium, standardPaths} from '../../src/print/browser.js'
import {tempDir} from '../helpers.js'

function fakeBrowser(): string {
  const dir = tempDir({'chrome': '#!/bin/sh\n'})
  const file = path.join(dir, 'chrome')
  fs.chmodSync(file, 0o755)
  return file
}

describe('findChromium', () => {
  it('prefers PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH', () => {
    const a = fakeBrowser()
    const b = fakeBrowser()
    expect(findChromium({env: {PUPPETEER_EXECUTABLE_PATH: a, CHROME_PATH: b}})).toBe(a)
    expect(findChromium({env: {CHROME_PATH: b}})).toBe(b)
  })

  it('says which variable points nowhere', () => {
    expect(() => findChromium({env: {CHROME_PATH: '/nope/chrome'}})).toThrow('Cannot find the browser that CHROME_PATH points to (`/nope/chrome`)')
  })

  it('falls back to standard paths, then to Puppeteer’s cache', () => {
    const cached = fakeBrowser()
    const found = findChromium({env: {}, platform: 'aix' as NodeJS.Platform, puppeteerPath: () => cached})
    expect([...standardPaths('linux'), cached]).toContain(found)
  })

  it('fails with advice on how to get a browser', () => {
    try {
      findChromium({env: {}, platform: 'win32', puppeteerPath: () => undefined})
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ExchangeError)
      expect((error as ExchangeError).message).toBe('Cannot find Chrome or Chromium to print the PDF')
      expect((error as ExchangeError).hint).toMatch(/apt-get install chromium.*PUPPETEER_EXECUTABLE_PATH.*--format html/)
    }
  })
})
