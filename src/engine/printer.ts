/**
 * The batch's printer: one browser per run, a bounded pool of pages.
 *
 * - The browser is launched on first use (or early, with `warm()`), never
 *   when nothing needs printing.
 * - At most `pages` reports print at once. A page is reused for the next
 *   report (opening a page costs as much as printing on it, and a new
 *   page must fetch the theme's fonts again) and retired after `maxUses`
 *   reports (25: a renderer grows by about 0.1 MB a report), so memory
 *   stays bounded by the pool, not by the batch. Two pages share one
 *   renderer process (`pagesPerRenderer`), so they are retired together
 *   (`recycle`), and the renderer with them.
 * - A report whose page crashes or hangs past the timeout, or whose browser
 *   dies, is retried once on a fresh page (in a relaunched browser if the
 *   browser died). The broken page or browser is closed or killed.
 *
 * Printing itself is `printPdf` from the print stage, unchanged: each print
 * borrows a pooled page through a browser whose `newPage()` lends that page
 * and whose page `close()` hands it back (and drops the listeners the print
 * added), so the print stage's closed-off page set-up applies to every
 * report exactly as it does to a one-off print.
 */
import type {Browser, Page} from 'puppeteer-core'
import {ExchangeError} from '../errors.js'
import {launchBrowser} from '../print/browser.js'
import {pageSession, preparePage, printPdf, type PrintOptions} from '../print/pdf.js'
import {duration} from '../util/duration.js'
import {Semaphore} from './pool.js'

export interface PrinterOptions {
  /** Pages printing at once. */
  pages: number
  /** Milliseconds one report may take to print. */
  timeout: number
  /** A browser to print with; the printer neither relaunches nor closes it. */
  browser?: Browser
  /** How to start a browser (the system Chromium by default). */
  launch?: () => Promise<Browser>
  /** Reports printed on one page before it is replaced. */
  maxUses?: number
  /** Browser launches allowed per run (the first one and relaunches after crashes). */
  maxLaunches?: number
}

interface PooledPage {
  page: Page
  uses: number
  /** Rejects when the page crashes. */
  crashed: Promise<never>
  dead: boolean
}

interface Generation {
  browser: Promise<Browser>
  /** Why this browser went (crash, kill, close), once it has. */
  lost?: ExchangeError
  /** Waits to fail when it goes: each removes itself when done (see `untilGone`). */
  losers: Set<(error: ExchangeError) => void>
  idle: PooledPage[]
  open: Set<PooledPage>
  /** The blank page the browser started with, until the pool takes it as its first page. */
  startPage?: Promise<Page | undefined>
  /** Pages being closed: a new page waits for them, so a retired renderer is gone before its replacement grows. */
  closing: Set<Promise<void>>
  /** The first page, being opened and set up by `warm()` while the first report compiles; never rejects. */
  warming?: Promise<void>
  /** Set while the pages are being replaced together (see `recycle`): resolves once none is open. */
  recycling?: {done: Promise<void>; resolve: () => void}
  dead: boolean
  owned: boolean
}

/** What a caller of the batch's printer may give one print (see `PrintOptions`). */
export type ReportPrintOptions = Pick<PrintOptions, 'onLoading' | 'pages' | 'onPages'>

/**
 * Pages that share one renderer process. A renderer holds some 140 MB once it
 * has laid out a report, most of it its own heaps, whichever page it serves; a
 * renderer for each page doubled that in a batch of two pages, where one
 * renderer kept up with both (2 cores, 50 reports: the build's wall time 0.96
 * of that with a renderer a page, in runs alternating; printing alone, the
 * tree's peak 107 MB lower).
 */
export const pagesPerRenderer = 2

/** Rule of print errors worth one retry on a fresh page. */
const retryable = new Set(['print', 'page-crashed', 'browser-crashed', 'timeout'])

/** Retryable failures that are crashes, and how long to let one play out before the retry. */
const crashes = new Set(['page-crashed', 'browser-crashed'])
const crashSettleMs = 300

export class Printer {
  readonly #options: Required<Omit<PrinterOptions, 'browser' | 'launch'>> & Pick<PrinterOptions, 'browser' | 'launch'>
  readonly #slots: Semaphore
  #generation: Generation | undefined
  #launches = 0
  #retries = 0
  #closing: Promise<void> | undefined

  constructor(options: PrinterOptions) {
    this.#options = {maxUses: 25, maxLaunches: 4, ...options}
    this.#slots = new Semaphore(options.pages)
  }

  /** Has a browser been launched (or been given)? */
  get launched(): boolean {
    return this.#launches > 0 || Boolean(this.#options.browser)
  }

  /** Prints retried after a crash, a hang or a failure. */
  get retries(): number {
    return this.#retries
  }

  /** Browsers launched (a relaunch after a crash counts). */
  get launches(): number {
    return this.#launches
  }

  /** Closing or closed: no print starts any more. */
  get #closed(): boolean {
    return this.#closing !== undefined
  }

  /**
   * Start the browser now, while other work goes on, and make its first page
   * ready to print on: opened, its DevTools session attached (the crash
   * events) and set up as every print sets it up. A one-off report then
   * starts printing the moment it has compiled.
   */
  warm(): void {
    if (this.#closed) return
    const generation = this.#current()
    generation.browser.catch(() => {})
    generation.warming ??= this.#warmPage(generation).catch(() => {})
  }

  async #warmPage(generation: Generation): Promise<void> {
    const browser = await generation.browser
    if (generation.dead || generation.open.size > 0) return
    const pooled = await openPage(generation, browser)
    await preparePage(pooled.page).catch(() => {}) // each print sets the page up again: a failure here costs nothing
    if (generation.dead || this.#closed || pooled.dead) discard(generation, pooled)
    else generation.idle.push(pooled)
  }

  /**
   * Print one report, retrying once on a fresh page after a crash or a hang.
   * `onLoading` is called while the browser lays the report out: time the
   * caller's thread would otherwise spend waiting. `pages` and `onPages`
   * are the print stage's: the contents' page numbers of an earlier build,
   * and those of this one.
   */
  async print(html: string, options: ReportPrintOptions = {}): Promise<Uint8Array> {
    try {
      return await this.#attempt(html, options)
    } catch (error) {
      if (this.#closed || !(error instanceof ExchangeError) || !retryable.has(error.rule)) throw error
      this.#retries++
      // A crash takes a moment to play out: a killed renderer can still be handed a new page, and can take
      // the browser down after it. Retrying at once spent the one retry on the same crash (a report lost in
      // about one run in ten of the renderer-kill test); after the pause it lands on a live renderer or on
      // the relaunched browser.
      if (crashes.has(error.rule)) await new Promise((resolve) => setTimeout(resolve, crashSettleMs))
      if (this.#closed) throw error
      return await this.#attempt(html, options)
    }
  }

  /** Close every page and the browser (if launched here); a second call waits for the first. */
  close(): Promise<void> {
    if (this.#closing) return this.#closing
    const generation = this.#generation
    this.#generation = undefined
    this.#closing = generation ? retire(generation) : Promise.resolve()
    return this.#closing
  }

  async #attempt(html: string, options: ReportPrintOptions): Promise<Uint8Array> {
    const release = await this.#slots.acquire()
    let generation: Generation | undefined
    let browser: Browser | undefined
    let pooled: PooledPage | undefined
    let timer: NodeJS.Timeout | undefined
    let gone: {promise: Promise<never>; stop: () => void} | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ExchangeError(`Cannot print the PDF within ${duration(this.#options.timeout)}`, {rule: 'timeout', hint: 'raise --timeout, or report the notes that take this long'})),
        this.#options.timeout,
      )
    })
    timedOut.catch(() => {})
    try {
      if (this.#closed) throw stopped()
      generation = this.#current()
      browser = await generation.browser
      gone = untilGone(generation)
      // The page `warm()` is readying: waiting for it costs less than opening another.
      if (generation.idle.length === 0 && generation.warming) await Promise.race([generation.warming, gone.promise, timedOut])
      if (generation.idle.length === 0) {
        const opening = openPage(generation, browser)
        try {
          pooled = await Promise.race([opened(opening, this.#options.timeout), gone.promise, timedOut])
        } catch (error) {
          const lost = generation
          void opening.then((opened) => discard(lost, opened), () => {}) // a page that opens too late is closed
          throw error
        }
      } else pooled = generation.idle.pop()!
      const printing = printPdf(html, lend(browser, pooled.page), {...options, timeout: this.#options.timeout})
      printing.catch(() => {}) // it may lose the race to a crash or the timeout, and reject later
      const pdf = await Promise.race([printing, pooled.crashed, gone.promise, timedOut])
      pooled.uses++
      if (pooled.uses >= this.#options.maxUses) recycle(generation)
      if (generation.recycling || generation.dead || this.#closed) discard(generation, pooled)
      else generation.idle.push(pooled)
      return pdf
    } catch (error) {
      // A page that failed is never reused: it may be crashed, hung or half-loaded.
      if (generation && pooled) discard(generation, pooled)
      const crashed = Boolean(browser && !browser.connected)
      if (generation && crashed && generation === this.#generation) {
        this.#generation = undefined
        void retire(generation)
      }
      if (this.#closed) throw stopped()
      if (error instanceof ExchangeError) throw error
      // Opening a page in a browser that just died, or a protocol error outside the print itself.
      throw new ExchangeError(`Cannot print the PDF: ${(error as Error).message.split('\n')[0]}`, {
        rule: crashed ? 'browser-crashed' : 'print',
        hint: 'try again; if it keeps failing, build with `--format html` and report the notes that fail',
        cause: error,
      })
    } finally {
      clearTimeout(timer)
      gone?.stop()
      release()
    }
  }

  /** The live browser generation; a new one (a launch) when there is none or it died. */
  #current(): Generation {
    if (this.#generation && !this.#generation.dead) return this.#generation
    if (this.#generation) void retire(this.#generation) // a browser that stopped: make sure none of it lingers
    const given = this.#options.browser
    if (!given && this.#launches >= this.#options.maxLaunches) {
      const error = new ExchangeError(`Cannot keep the browser running: it stopped ${this.#launches} times in this run`, {rule: 'browser', hint: 'check the memory available to Chromium, or lower --concurrency'})
      return (this.#generation = failedGeneration(error))
    }
    this.#launches++
    const launch = this.#options.launch ?? (() => launchBrowser({timeout: Math.max(this.#options.timeout, 30_000), renderers: Math.ceil(this.#options.pages / pagesPerRenderer)}))
    const browser = given ? Promise.resolve(given) : launch()
    browser.catch(() => {})
    const generation: Generation = {browser, losers: new Set(), idle: [], open: new Set(), closing: new Set(), dead: false, owned: !given}
    if (!given) generation.startPage = browser.then(startPage, () => undefined)
    // A failed launch keeps this generation (not dead): every print gets the same error, with no relaunch per report.
    void browser.then(
      (instance) => {
        const onGone = () => {
          generation.dead = true
          generation.lost = new ExchangeError('Cannot print the PDF: the browser stopped', {rule: 'browser-crashed', hint: 'try again; if it keeps stopping, check the memory available to Chromium or lower --concurrency'})
          for (const lose of generation.losers) lose(generation.lost)
          generation.losers.clear()
        }
        if (!instance.connected) onGone()
        else instance.once('disconnected', onGone)
      },
      () => {},
    )
    this.#generation = generation
    return generation
  }
}

/**
 * Opening a page takes a fraction of a second; one whose renderer dies while
 * it opens never finishes, and no crash event can name it yet. Give up on it
 * sooner than on a print.
 */
async function opened(opening: Promise<PooledPage>, timeout: number): Promise<PooledPage> {
  const limit = Math.min(timeout, 10_000)
  let timer: NodeJS.Timeout | undefined
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExchangeError(`Cannot open a page to print in within ${duration(limit)}`, {rule: 'timeout', hint: 'try again; if it keeps failing, check the memory available to Chromium or lower --concurrency'})), limit)
  })
  try {
    return await Promise.race([opening, gaveUp])
  } finally {
    clearTimeout(timer)
  }
}

/** The blank page a browser starts with (the pool's first page); any other is closed. */
async function startPage(browser: Browser): Promise<Page | undefined> {
  const [first, ...others] = await browser.pages().catch(() => [])
  for (const page of others) await page.close().catch(() => {})
  return first
}

function stopped(): ExchangeError {
  return new ExchangeError('Stopped before this report was printed', {rule: 'interrupted'})
}

/** A generation that fails every print with the same error. */
function failedGeneration(error: Error): Generation {
  const browser = Promise.reject(error)
  browser.catch(() => {})
  return {browser, losers: new Set(), idle: [], open: new Set(), closing: new Set(), dead: false, owned: false}
}

/**
 * A promise that rejects if the generation's browser goes, for one wait;
 * `stop()` drops it. Not a race against one long-lived promise: each race
 * leaves a reaction on it that holds the race's result (a whole PDF) for as
 * long as the browser lives, and a batch's memory grew with its size.
 */
function untilGone(generation: Generation): {promise: Promise<never>; stop: () => void} {
  let lose: (error: ExchangeError) => void = () => {}
  const promise = new Promise<never>((_, reject) => (lose = reject))
  promise.catch(() => {})
  if (generation.lost) lose(generation.lost)
  else generation.losers.add(lose)
  return {promise, stop: () => generation.losers.delete(lose)}
}

async function openPage(generation: Generation, browser: Browser): Promise<PooledPage> {
  // Pages being replaced together: the new one waits for the last of them, so that it starts a new renderer.
  if (generation.recycling) await generation.recycling.done
  // The browser's start page first: it is open and loaded, where a new page costs a fifth of a print.
  // A page retired after its uses: let it close first (at most a second), so two renderers of one slot never live at once.
  if (generation.closing.size > 0) await Promise.race([Promise.all(generation.closing), new Promise((resolve) => setTimeout(resolve, 1000).unref())])
  const start = generation.startPage
  generation.startPage = undefined
  const page = (start && (await start.catch(() => undefined))) ?? (await browser.newPage())
  let crashed: (reason: string) => void = () => {}
  const pooled: PooledPage = {
    page,
    uses: 0,
    dead: false,
    crashed: new Promise<never>((_, reject) => {
      crashed = (reason) => {
        if (pooled.dead) return
        pooled.dead = true
        const index = generation.idle.indexOf(pooled)
        if (index !== -1) generation.idle.splice(index, 1)
        reject(new ExchangeError(`Cannot print the PDF: the page crashed (${reason})`, {rule: 'page-crashed', hint: 'try again; if it keeps crashing, report the notes that trigger it'}))
      }
    }),
  }
  pooled.crashed.catch(() => {})
  page.once('error', (error: Error) => crashed(error.message))
  // A renderer that dies is only reported (`Inspector.targetCrashed`) to a session with the Inspector domain on.
  try {
    // The print stage's own session for the page: one attach per page, not two (each costs the renderer ~60 ms of CPU).
    const session = await pageSession(page)
    session.once('Inspector.targetCrashed', () => crashed('its renderer process stopped'))
    await session.send('Inspector.enable')
  } catch {
    // No crash events: a crash is then caught by the timeout.
  }
  generation.open.add(pooled)
  return pooled
}

/**
 * Retire every page of the generation, a page that has served its uses and
 * the others with it: idle ones now, busy ones as their print ends. The pages
 * share a renderer process (`pagesPerRenderer`), which lives as long as any of
 * them, and grows report after report: a page replaced alone joined the same
 * renderer, which then lived for the whole batch (500 reports: 163 MB at the
 * peak, against 119 MB for 50). Replaced together, the renderer goes with
 * them and the next page starts a new one.
 */
function recycle(generation: Generation): void {
  if (generation.recycling) return
  let resolve: () => void = () => {}
  const done = new Promise<void>((settle) => (resolve = settle))
  generation.recycling = {done, resolve}
  for (const idle of [...generation.idle]) discard(generation, idle)
}

function discard(generation: Generation, pooled: PooledPage): void {
  generation.open.delete(pooled)
  const index = generation.idle.indexOf(pooled)
  if (index !== -1) generation.idle.splice(index, 1)
  if (generation.recycling && generation.open.size === 0) {
    generation.recycling.resolve()
    generation.recycling = undefined
  }
  const closing = pooled.page.close().catch(() => {})
  generation.closing.add(closing)
  void closing.then(() => generation.closing.delete(closing))
}

/** Close a generation's pages and, if it launched its browser, the browser; kill it if it does not close. */
async function retire(generation: Generation): Promise<void> {
  generation.dead = true
  const browser = await generation.browser.catch(() => undefined)
  if (!browser) return
  if (!generation.owned) {
    await Promise.all([...generation.open].map((pooled) => pooled.page.close().catch(() => {})))
    return
  }
  const child = browser.process()
  let timer: NodeJS.Timeout | undefined
  const closed = browser.close().then(
    () => true,
    () => false,
  )
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), 5000)
  })
  const ok = await Promise.race([closed, gaveUp])
  clearTimeout(timer)
  if (!ok && child && child.exitCode === null) child.kill('SIGKILL')
}

/**
 * A view of `browser` whose `newPage()` lends `page`: `close()` on the lent
 * page only removes the listeners added through it, so the page goes back to
 * the pool. Methods are bound to the real objects (Puppeteer's classes keep
 * their state in private fields, which a proxy cannot reach).
 */
function lend(browser: Browser, page: Page): Browser {
  return new Proxy(browser, {
    get(target, property) {
      if (property === 'newPage') return async () => borrowed(page)
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

type Listener = Parameters<Page['on']>
function borrowed(page: Page): Page {
  const listeners: Listener[] = []
  const view: Page = new Proxy(page, {
    get(target, property) {
      if (property === 'close') {
        return async () => {
          for (const [event, handler] of listeners.splice(0)) target.off(event, handler)
        }
      }
      if (property === 'on' || property === 'once') {
        return (...listener: Listener) => {
          listeners.push(listener)
          if (property === 'on') target.on(...listener)
          else target.once(...listener)
          return view
        }
      }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return view
}
