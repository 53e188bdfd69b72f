import fs from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type {PuppeteerNode} from 'puppeteer'
import {describe, expect, it, vi} from 'vitest'
import {ExchangeError} from '../../src/errors.js'
import {exchangeFeatures, findChromium, launchArgs, launchBrowser, mergeFeatureSwitches, standardPaths} from '../../src/print/browser.js'
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

describe('launchArgs', () => {
  const puppeteer = createRequire(import.meta.url)('puppeteer').default as PuppeteerNode

  it('passes every switch Puppeteer launches Chrome with, in each headless mode, and every feature it turns on or off', () => {
    const dataDir = '/tmp/profile'
    const withoutOurs = (args: string[]) => args.filter((arg) => !arg.startsWith('--user-data-dir=') && arg !== '--remote-debugging-pipe')
    // A feature list is one switch: compare the features named, not the switch's text.
    const features = (args: string[]) => args.filter((arg) => /^--(enable|disable)-features=/.test(arg)).flatMap((arg) => arg.split('=')[1]!.split(',').map((name) => `${arg.split('=')[0]}:${name}`))
    const plain = (args: string[]) => args.filter((arg) => !/^--(enable|disable)-features=/.test(arg))
    // The headless shell: Puppeteer's `shell` mode; a full Chromium: its `new` headless mode.
    for (const [executable, headless] of [['/usr/lib/chromium/chromium-headless-shell', 'shell'], ['/usr/bin/chromium', true]] as const) {
      const ours = withoutOurs(launchArgs(executable, dataDir))
      const theirs = puppeteer.defaultArgs({headless})
      expect(plain(ours)).toEqual(expect.arrayContaining(plain(theirs)))
      expect(features(ours)).toEqual(expect.arrayContaining(features(theirs)))
    }
    expect(launchArgs('/usr/bin/chromium', dataDir)).not.toContain('--headless')
  })

  it('gives Chromium each feature list once, the features exchange turns on added to those Puppeteer does (a second list would replace the first)', () => {
    const args = launchArgs('/usr/bin/chromium', '/tmp/profile')
    const enable = args.filter((arg) => arg.startsWith('--enable-features='))
    expect(enable).toHaveLength(1)
    expect(enable[0]!.split('=')[1]!.split(',')).toEqual(expect.arrayContaining(['PdfOopif', ...exchangeFeatures]))
    expect(args.filter((arg) => arg.startsWith('--disable-features='))).toHaveLength(1)
    expect(mergeFeatureSwitches(['--a', '--enable-features=X,Y', '--b', '--enable-features=Y,Z', '--disable-features=W'])).toEqual(['--a', '--enable-features=X,Y,Z', '--b', '--disable-features=W'])
  })

  it('limits the renderer processes when asked, and leaves Chromium its default of one a page otherwise', () => {
    expect(launchArgs('/usr/bin/chromium', '/tmp/profile', {renderers: 1})).toContain('--renderer-process-limit=1')
    expect(launchArgs('/usr/bin/chromium', '/tmp/profile', {renderers: 3})).toContain('--renderer-process-limit=3')
    expect(launchArgs('/usr/bin/chromium', '/tmp/profile').some((arg) => arg.startsWith('--renderer-process-limit'))).toBe(false)
  })

  it('gives the browser its own profile and the DevTools pipe, each once', () => {
    const args = launchArgs('/usr/bin/chromium', '/tmp/profile')
    expect(args.filter((arg) => arg === '--user-data-dir=/tmp/profile')).toHaveLength(1)
    expect(args.filter((arg) => arg === '--remote-debugging-pipe')).toHaveLength(1)
    expect(new Set(args).size).toBe(args.length)
  })
})

describe('launchBrowser', () => {
  const profiles = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('exchange-chromium-'))

  it('says why when the browser stops before it starts, and leaves no profile behind', async () => {
    const before = profiles()
    const dir = tempDir({'chrome': '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n'})
    const file = path.join(dir, 'chrome')
    fs.chmodSync(file, 0o755)
    const launching = launchBrowser({executablePath: file})
    await expect(launching).rejects.toThrow(`Cannot start the browser at \`${file}\`: error while loading shared libraries: libnss3.so`)
    await expect(launching).rejects.toMatchObject({rule: 'browser', hint: expect.stringContaining(`${file} --version`)})
    await vi.waitFor(() => expect(profiles()).toEqual(before))
  })

  it('gives up on a browser that never answers, and kills it', async () => {
    const dir = tempDir({'chrome': '#!/bin/sh\necho $$ > "$(dirname "$0")/pid"\nexec sleep 30\n'})
    const file = path.join(dir, 'chrome')
    fs.chmodSync(file, 0o755)
    const started = performance.now()
    await expect(launchBrowser({executablePath: file, timeout: 300})).rejects.toThrow('it did not start within 300 ms')
    expect(performance.now() - started).toBeLessThan(5000)
    const pid = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'))
    const alive = () => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    }
    await vi.waitFor(() => expect(alive()).toBe(false))
  })

  it('refuses a browser file it cannot run', async () => {
    const dir = tempDir({'chrome': 'not a program'})
    await expect(launchBrowser({executablePath: path.join(dir, 'chrome')})).rejects.toMatchObject({rule: 'browser', message: expect.stringContaining('Cannot start the browser at')})
  })
})
