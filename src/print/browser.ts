/**
 * Find and launch a system Chrome or Chromium. exchange never downloads a
 * browser: it looks at `PUPPETEER_EXECUTABLE_PATH`, `CHROME_PATH`, the
 * standard install paths and Puppeteer's own cache, in that order.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type {Browser, PuppeteerNode} from 'puppeteer'
import {ExchangeError} from '../errors.js'

// Puppeteer takes a quarter of a second to load: only load it to print.
const require = createRequire(import.meta.url)
const loadPuppeteer = (): PuppeteerNode => (require('puppeteer') as {default: PuppeteerNode}).default

/** Standard install paths, per platform. */
export function standardPaths(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      path.join(os.homedir(), 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
    ]
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root))
    return roots.flatMap((root) => [path.join(root, 'Google/Chrome/Application/chrome.exe'), path.join(root, 'Chromium/Application/chrome.exe')])
  }
  return [
    // The old headless shell starts in half the time of the full browser and prints the same PDF.
    // Debian's /usr/bin/chromium-headless-shell is a shell script that runs the binary without `exec`:
    // launched through it, the process held is the shell, and a kill (after a close that hangs, or
    // the system's out-of-memory killer) stops the shell and leaves the browser running. The binary first.
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/lib/chromium/chromium',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ]
}

export const installHint =
  'install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: `brew install --cask chromium`) or Google Chrome, ' +
  'or set PUPPETEER_EXECUTABLE_PATH to the browser; `--format html` builds without a browser'

export interface FindOptions {
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  /** Puppeteer's cached browser, if any (injectable for tests). */
  puppeteerPath?: () => string | undefined
}

function isExecutable(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

function cachedPuppeteerBrowser(): string | undefined {
  for (const headless of ['shell', true] as const) {
    try {
      const file = loadPuppeteer().executablePath({headless})
      if (isExecutable(file)) return file
    } catch {
      // not in the cache
    }
  }
  return undefined
}

/** Is this Chromium's old headless shell (launched in Puppeteer's `shell` mode)? */
export function isHeadlessShell(executable: string): boolean {
  return /headless[-_]shell/i.test(path.basename(executable))
}

/** The browser to print with; throws an `ExchangeError` saying how to get one. */
export function findChromium(options: FindOptions = {}): string {
  const env = options.env ?? process.env
  for (const variable of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const) {
    const value = env[variable]
    if (!value) continue
    if (isExecutable(value)) return value
    throw new ExchangeError(`Cannot find the browser that ${variable} points to (\`${value}\`)`, {
      rule: 'browser',
      hint: `correct ${variable}, or unset it to use a browser installed in a standard place`,
    })
  }
  for (const candidate of standardPaths(options.platform, env)) if (isExecutable(candidate)) return candidate
  const cached = (options.puppeteerPath ?? cachedPuppeteerBrowser)()
  if (cached && isExecutable(cached)) return cached
  throw new ExchangeError('Cannot find Chrome or Chromium to print the PDF', {rule: 'browser', hint: installHint})
}

/** Flags for a quiet, closed-off browser: no background traffic, no first-run UI. */
export function browserArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-quic',
    '--mute-audio',
    '--font-render-hinting=none',
  ]
  // Chromium will not start its sandbox as root (containers, CI); it then needs this flag.
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox')
  return args
}

export interface LaunchOptions extends FindOptions {
  executablePath?: string
  /** Milliseconds to wait for the browser to start. */
  timeout?: number
}

/** Launch the browser a run shares. The caller closes it. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? findChromium(options)
  try {
    const {default: puppeteer} = await import('puppeteer')
    return await puppeteer.launch({
      executablePath,
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      args: browserArgs(),
      timeout: options.timeout ?? 30_000,
      protocolTimeout: 120_000,
    })
  } catch (error) {
    throw new ExchangeError(`Cannot start the browser at \`${executablePath}\`: ${(error as Error).message.split('\n')[0]}`, {
      rule: 'browser',
      hint: `check that it runs (\`${executablePath} --version\`), or ${installHint}`,
      cause: error,
    })
  }
}
