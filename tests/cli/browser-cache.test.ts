import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cachedPuppeteerBrowser, findChromium, installHint} from '../../src/print/browser.js'
import {tempDir} from '../helpers.js'

describe("a browser in Puppeteer's cache folder, found without the puppeteer package", () => {
  it('takes the newest headless shell, then Chrome for Testing', () => {
    const cache = tempDir({
      'chrome/linux-140.0.7339.80/chrome-linux64/chrome': '',
      'chrome-headless-shell/linux-131.0.6778.204/chrome-headless-shell-linux64/chrome-headless-shell': '',
      'chrome-headless-shell/linux-140.0.7339.80/chrome-headless-shell-linux64/chrome-headless-shell': '',
    })
    const env = {PUPPETEER_CACHE_DIR: cache}
    expect(cachedPuppeteerBrowser(env, 'linux')).toBe(path.join(cache, 'chrome-headless-shell/linux-140.0.7339.80/chrome-headless-shell-linux64/chrome-headless-shell'))
    const chromeOnly = tempDir({'chrome/linux-140.0.7339.80/chrome-linux64/chrome': ''})
    expect(cachedPuppeteerBrowser({PUPPETEER_CACHE_DIR: chromeOnly}, 'linux')).toBe(path.join(chromeOnly, 'chrome/linux-140.0.7339.80/chrome-linux64/chrome'))
    expect(cachedPuppeteerBrowser({PUPPETEER_CACHE_DIR: tempDir()}, 'linux')).toBeUndefined()
  })

  it('says how to get a browser when there is none', () => {
    expect(() => findChromium({env: {}, platform: 'darwin', puppeteerPath: () => undefined})).toThrow(expect.objectContaining({rule: 'browser', hint: installHint}))
    expect(installHint).toMatch(/apt-get install chromium/)
    expect(installHint).toMatch(/npx @puppeteer\/browsers install chrome-headless-shell@stable/)
  })
})
