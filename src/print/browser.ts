/**
 * Find and launch a system Chrome or Chromium. exchange never downloads a
 * browser: it looks at `PUPPETEER_EXECUTABLE_PATH`, `CHROME_PATH`, the
 * standard install paths and Puppeteer's own cache, in that order.
 */
import {type ChildProcess, spawn} from 'node:child_process'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type {Browser} from 'puppeteer-core'
import {ExchangeError} from '../errors.js'
import {packageRoot} from '../paths.js'
import {loadBundle} from '../util/code-cache.js'
import {duration} from '../util/duration.js'

// Puppeteer takes a quarter of a second to load: only load it to print.
const require = createRequire(import.meta.url)

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
  'or get Puppeteer\'s headless Chrome into its cache (`npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer`), ' +
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

/** Where Puppeteer keeps the browsers it downloads (`npx @puppeteer/browsers install …`, or the `puppeteer` package). */
export function puppeteerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PUPPETEER_CACHE_DIR || path.join(os.homedir(), '.cache', 'puppeteer')
}

/** The executable inside one downloaded build of Puppeteer's cache (`chrome-headless-shell/linux-131…/`), per platform. */
function cachedExecutable(build: string, product: 'chrome-headless-shell' | 'chrome', platform: NodeJS.Platform): string[] {
  const folders = fs.readdirSync(build).filter((name) => name.startsWith(product))
  return folders.flatMap((folder) => {
    const root = path.join(build, folder)
    if (platform === 'win32') return [path.join(root, `${product}.exe`)]
    if (platform === 'darwin') {
      return product === 'chrome' ? [path.join(root, 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing')] : [path.join(root, product)]
    }
    return [path.join(root, product)]
  })
}

/**
 * A browser in Puppeteer's cache folder, the headless shell first, the newest
 * build first; found by looking, without loading the `puppeteer` package.
 */
export function cachedPuppeteerBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const cacheDir = puppeteerCacheDir(env)
  for (const product of ['chrome-headless-shell', 'chrome'] as const) {
    let builds: string[]
    try {
      builds = fs.readdirSync(path.join(cacheDir, product))
    } catch {
      continue
    }
    // `linux-131.0.6778.204`: newest version first.
    const version = (name: string) => (name.split('-').pop() ?? '').split('.').map(Number)
    builds.sort((a, b) => {
      const [x, y] = [version(a), version(b)]
      for (let index = 0; index < Math.max(x.length, y.length); index++) if ((x[index] ?? 0) !== (y[index] ?? 0)) return (y[index] ?? 0) - (x[index] ?? 0)
      return 0
    })
    for (const build of builds) {
      try {
        const found = cachedExecutable(path.join(cacheDir, product, build), product, platform).find(isExecutable)
        if (found) return found
      } catch {
        // not a build folder
      }
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
  const cached = options.puppeteerPath ? options.puppeteerPath() : cachedPuppeteerBrowser(env, options.platform)
  if (cached && isExecutable(cached)) return cached
  throw new ExchangeError('Cannot find Chrome or Chromium to print the PDF', {rule: 'browser', hint: installHint})
}

/** Flags for a quiet, closed-off browser: no background traffic, no first-run UI. */
export function browserArgs(): string[] {
  const args = [
    '--disable-gpu',
    // Printing draws with Skia's PDF backend in the renderer, not through the compositor: the GPU
    // process then holds 24 MiB, not 40, and the PDFs are the same bytes.
    '--disable-gpu-compositing',
    '--disable-software-rasterizer',
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
    // The GPU process runs as a thread of the browser: nothing is drawn on a GPU (printing draws with Skia's
    // PDF backend in the renderer), and its own process held some 25 MiB of the tree, for the same PDFs.
    '--in-process-gpu',
  ]
  // Chromium will not start its sandbox as root (containers, CI); it then needs this flag.
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox')
  return args
}

export interface LaunchOptions extends FindOptions {
  executablePath?: string
  /** Milliseconds to wait for the browser to start. */
  timeout?: number
  /** At most this many renderer processes: pages share them beyond that. Chromium's own default otherwise (one a page). */
  renderers?: number
}

/**
 * The switches Puppeteer launches Chrome with (`puppeteer.defaultArgs()`),
 * without the start page; `tests/print/browser.test.ts` keeps them equal to
 * the installed Puppeteer's. Among them: `--export-tagged-pdf` and
 * `--generate-pdf-document-outline`, which the tagged PDF and its outline need.
 */
export const puppeteerArgs = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
]

/**
 * Chromium features exchange turns on besides Puppeteer's. The network service runs in the browser process: a
 * print fetches nothing (every request but a `data:` URI is refused), and its own process held some 25 MiB of
 * the tree, for the same PDFs.
 */
export const exchangeFeatures = ['NetworkServiceInProcess2']

/**
 * Chromium reads one `--enable-features` (and one `--disable-features`): a second replaces the first. Each
 * list is given once, with every feature named in any of them, in order.
 */
export function mergeFeatureSwitches(args: readonly string[]): string[] {
  const lists = new Map<string, string[]>()
  const merged: string[] = []
  for (const arg of args) {
    const match = /^(--(?:enable|disable)-features)=(.*)$/.exec(arg)
    if (!match) {
      merged.push(arg)
      continue
    }
    const [, name, value] = match as unknown as [string, string, string]
    if (!lists.has(name)) {
      lists.set(name, [])
      merged.push(name) // its place, filled in below
    }
    lists.get(name)!.push(...value.split(',').filter(Boolean))
  }
  return merged.map((arg) => (lists.has(arg) ? `${arg}=${[...new Set(lists.get(arg))].join(',')}` : arg))
}

/** Every switch a launch passes: Puppeteer's, the headless mode, then exchange's own. */
export function launchArgs(executablePath: string, userDataDir: string, options: Pick<LaunchOptions, 'renderers'> = {}): string[] {
  const args = [...puppeteerArgs, isHeadlessShell(executablePath) ? '--headless' : '--headless=new', ...browserArgs(), `--enable-features=${exchangeFeatures.join(',')}`]
  if (options.renderers !== undefined) args.push(`--renderer-process-limit=${Math.max(1, Math.floor(options.renderers))}`)
  return [...new Set(mergeFeatureSwitches(args)), `--user-data-dir=${userDataDir}`, '--remote-debugging-pipe', 'about:blank']
}

interface PuppeteerCore {
  Puppeteer: new (settings: {isPuppeteerCore: boolean}) => {connect(options: {transport: unknown; defaultViewport: null; protocolTimeout: number}): Promise<Browser>}
  PipeTransport: new (write: NodeJS.WritableStream, read: NodeJS.ReadableStream) => unknown
}

/**
 * Puppeteer's connection, without its launcher: a third of what
 * `import('puppeteer')` loads (45 ms, not 120), and CommonJS, so it loads
 * at once rather than waiting behind the compile on the module loader. Built,
 * it is one bundle with a code cache (`dist/puppeteer-connect.cjs`, 18 ms).
 */
let puppeteerCore: PuppeteerCore | undefined
function loadPuppeteerCore(): PuppeteerCore {
  // Once a process: a relaunch after a crash reuses it (running the bundle again would make new classes).
  if (puppeteerCore) return puppeteerCore
  const bundle = path.join(packageRoot, 'dist', 'puppeteer-connect.cjs')
  if (fs.existsSync(bundle)) puppeteerCore = loadBundle(bundle).exports as unknown as PuppeteerCore
  else {
    const {Puppeteer} = require('puppeteer-core/internal/common/Puppeteer.js') as Pick<PuppeteerCore, 'Puppeteer'>
    const {PipeTransport} = require('puppeteer-core/internal/node/PipeTransport.js') as Pick<PuppeteerCore, 'PipeTransport'>
    puppeteerCore = {Puppeteer, PipeTransport}
  }
  return puppeteerCore
}

/** Browsers started here and not yet gone: killed, and their profiles removed, if this process exits first. */
const running = new Set<{child: ChildProcess; userDataDir: string}>()
let exitHookInstalled = false
function killRunningOnExit(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const {child, userDataDir} of running) {
      killTree(child)
      fs.rmSync(userDataDir, {recursive: true, force: true, maxRetries: 2})
    }
  })
}

/** Kill the browser and the processes it started (its process group, where there is one). */
function killTree(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  try {
    if (process.platform === 'win32') child.kill('SIGKILL')
    else process.kill(-child.pid, 'SIGKILL')
  } catch {
    child.kill('SIGKILL')
  }
}

/**
 * Start the browser a run shares; the caller closes it. The process starts
 * before this returns (a synchronous spawn), so a build that starts
 * printing later has it booting while it compiles; Puppeteer connects over
 * the DevTools pipe once the caller awaits.
 *
 * The browser behaves as `puppeteer.launch()`'s does: `process()` is the
 * browser's process, and `close()` resolves once it has exited and its
 * temporary profile is removed (it is killed: nothing of its state is kept).
 */
export function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  let executablePath: string
  try {
    executablePath = options.executablePath ?? findChromium(options)
  } catch (error) {
    return Promise.reject(error)
  }
  const failed = (reason: string, cause?: unknown) =>
    new ExchangeError(`Cannot start the browser at \`${executablePath}\`: ${reason}`, {rule: 'browser', hint: `check that it runs (\`${executablePath} --version\`), or ${installHint}`, cause})
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-chromium-'))
  let child: ChildProcess
  try {
    child = spawn(executablePath, launchArgs(executablePath, userDataDir, options), {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      // Its own process group, so that a kill reaches the processes it starts; Ctrl-C reaches exchange, which closes it.
      detached: process.platform !== 'win32',
    })
  } catch (error) {
    fs.rmSync(userDataDir, {recursive: true, force: true})
    return Promise.reject(failed((error as Error).message, error))
  }
  // A killed browser resets its pipes: that is its exit, seen below, not an error of this process.
  for (const stream of child.stdio) stream?.on('error', () => {})
  const entry = {child, userDataDir}
  running.add(entry)
  killRunningOnExit()
  // The last lines the browser wrote, to say why it would not start.
  const stderr: string[] = []
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(...chunk.split('\n').filter((line) => line.trim()))
    stderr.splice(0, Math.max(0, stderr.length - 5))
  })
  const exited = new Promise<void>((resolve) => {
    const gone = () => {
      running.delete(entry)
      resolve()
    }
    child.once('exit', gone)
    child.once('error', gone) // a spawn that failed: there is no process to wait for
  })
  const removed = exited.then(() => fs.promises.rm(userDataDir, {recursive: true, force: true, maxRetries: 3}).catch(() => {}))
  // A failed spawn (a missing or non-executable file) reports here, not as a throw.
  const spawnError = new Promise<never>((_, reject) => child.once('error', (error) => reject(failed(error.message, error))))
  const exitedEarly = exited.then(() => Promise.reject(failed(stderr.at(-1) ?? `it stopped (${child.exitCode ?? child.signalCode})`)))
  let timer: NodeJS.Timeout | undefined
  const timeout = options.timeout ?? 30_000
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(failed(`it did not start within ${duration(timeout)}`)), timeout)
  })

  const connect = async (): Promise<Browser> => {
    const {Puppeteer, PipeTransport} = loadPuppeteerCore()
    const transport = new PipeTransport(child.stdio[3] as NodeJS.WritableStream, child.stdio[4] as NodeJS.ReadableStream)
    const browser = await new Puppeteer({isPuppeteerCore: true}).connect({transport, defaultViewport: null, protocolTimeout: 120_000})
    Object.defineProperty(browser, 'process', {value: () => child})
    Object.defineProperty(browser, 'close', {
      // Stopped, not asked to shut down: everything it printed is already in this process, and its profile is a
      // temporary folder removed here. A shutdown wrote that profile out first (its databases, caches and
      // session), some 50 ms of wall time and the CPU the last report's audit and writes could use.
      value: async () => {
        await browser.disconnect().catch(() => {})
        killTree(child)
        await removed
      },
    })
    return browser
  }
  const connecting = connect()
  return Promise.race([connecting, spawnError, exitedEarly, timedOut]).then(
    (browser) => {
      clearTimeout(timer)
      return browser
    },
    (error: unknown) => {
      clearTimeout(timer)
      connecting.then((browser) => browser.close(), () => killTree(child)).catch(() => {})
      killTree(child)
      throw error instanceof ExchangeError ? error : failed((error as Error).message.split('\n')[0]!, error)
    },
  )
}
