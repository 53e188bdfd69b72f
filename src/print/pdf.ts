/**
 * Print stage: HTML → PDF in the browser it is given (a batch shares one).
 * The page runs no script and fetches nothing: every request other than a
 * `data:` URI is aborted, so hostile notes cannot reach the network or disk.
 *
 * Chromium has no `target-counter()`, so page numbers in a table of contents
 * are written into the `data-page-of="id"` placeholders through the DevTools
 * DOM domain (no script) before the print, and checked after it against the
 * PDF's named destinations (on which page each linked heading landed). The
 * numbers come from an earlier build (`pages`, kept in a rebuild's
 * manifest) or, on a first build, from the layout pass (`layout.ts`): the
 * page loads laid out in page-sized columns, and the column of each heading
 * is its guess. Either way the print is kept only if the PDF places every
 * heading where the numbers said; else it prints again with the numbers that
 * print gave. Without either (a page box the pass cannot read), a draft
 * print places the headings first. So a report prints once when the guess
 * holds, and a wrong number is never kept. The kept PDF is finished without a rewrite (see
 * `finish.ts`): metadata from the HTML head, an outline from its headings,
 * dates pinned by `SOURCE_DATE_EPOCH`.
 */
import type {Browser, CDPSession, HTTPRequest, Page, PDFOptions} from 'puppeteer-core'
import {ExchangeError, UsageError} from '../errors.js'
import {type Asset, printableHtml} from './assets.js'
import {documentInfo} from './document-info.js'
import {destinationPages, finishPdf} from './finish.js'
import {guessPages, withLayoutPass} from './layout.js'

export interface PrintOptions {
  /** Milliseconds before printing one report is given up. */
  timeout?: number
  /** Called with each URL the page tried to fetch and was refused. */
  onBlocked?: (url: string) => void
  /**
   * Fill in the page numbers the page asks for with `data-page-of="id"` (a
   * table of contents). Costs a second print; on by default.
   */
  pageNumbers?: boolean
  /**
   * Creation date written in the PDF. By default `SOURCE_DATE_EPOCH` (from
   * `env`) when it is set, so rebuilds are byte-identical; else the time of printing.
   */
  date?: Date
  /** Where `SOURCE_DATE_EPOCH` is read from; `process.env` by default. */
  env?: NodeJS.ProcessEnv
  /** Called with the time each step took, in milliseconds (for benchmarks). */
  onTiming?: (step: PrintStep, ms: number) => void
  /** Called once the browser has the HTML and is laying it out, the longest wait of a print: time for other work. */
  onLoading?: () => void
  /**
   * The page of each id the contents ask for, as an earlier print of this
   * report placed them (a rebuild's manifest keeps them): when given, they
   * are written in before the first print, which is then the kept one if it
   * places every id where the hint said, and the draft print is spared. A
   * wrong hint costs a print, never a wrong number: the printed PDF is checked.
   */
  pages?: Readonly<Record<string, number>>
  /** Called as each print starts: `final` false for a draft (untagged, only to place the headings). */
  onPrint?: (final: boolean) => void
  /** Called with the page of each id the contents ask for, as the returned PDF places them. */
  onPages?: (pages: Map<string, number>) => void
}

export type PrintStep = 'page' | 'load' | 'layout' | 'draft' | 'print' | 'finish'

/** At most this many extra prints to settle page numbers (they never move in practice). */
const maxRetries = 1

export async function printPdf(html: string, browser: Browser, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeout ?? 60_000
  const date = options.date ?? sourceDate(options.env ?? process.env)
  const time = timer(options.onTiming)
  // A browser that dies mid-print answers nothing more: fail now, not when the timeout runs out.
  const gone = disconnected(browser)
  let page: Page | undefined
  try {
    page = await Promise.race([browser.newPage(), gone.promise])
  } catch (error) {
    gone.stop()
    throw printError(error)
  }
  time('page')
  try {
    return await Promise.race([printOn(page, html, {...options, timeout, date}, time), gone.promise])
  } catch (error) {
    throw printError(error)
  } finally {
    gone.stop()
    // A page of a browser that is gone cannot be closed: it went with it.
    if (browser.connected) await page.close().catch(() => {})
  }
}

/** Load the HTML into the page and print it (twice, for page numbers). */
async function printOn(page: Page, html: string, options: PrintOptions & {timeout: number; date: Date | undefined}, time: (step: PrintStep) => void): Promise<Uint8Array> {
  const {timeout, date} = options
  // The theme's fonts come from the browser's memory cache after the first report on this page (see `assets.ts`).
  const printable = printableHtml(html)
  const hints = new Map(Object.entries(options.pages ?? {}))
  // A first build (no numbers of an earlier one) loads the page as the layout pass, which guesses them.
  const pass = options.pageNumbers !== false && hints.size === 0 && printable.html.includes('data-page-of') ? withLayoutPass(printable.html) : undefined
  // Printing lays out for print media: a page loaded for it answers the layout pass as printing will.
  await Promise.all([closeOff(page, options.onBlocked, printable.assets), page.emulateMediaType('print')])
  const loading = page.setContent(pass?.html ?? printable.html, {waitUntil: 'load', timeout})
  options.onLoading?.()
  const info = documentInfo(printable.html) // parsed while the browser lays out the page
  await loading
  time('load')

  const print = (final: boolean) => {
    options.onPrint?.(final)
    return page.pdf(pdfOptions(timeout, final))
  }
  const numbered = options.pageNumbers !== false && info.pageRefs.length > 0
  let pages = new Map<string, number>()
  let retries = maxRetries
  if (pass || numbered) {
    // One session for the pass and the numbers; the pass's stylesheet is taken out whether it guessed or not.
    const guessed = await withSession(page, async (session, root) => {
      const guess = wanted(pass ? await guessPages(session, root, pass, info.pageRefs) : hints, info.pageRefs)
      if (numbered && guess.size === info.pageRefs.length) await setPageNumbers(session, root, guess)
      return guess
    })
    if (pass) time('layout')
    if (numbered && guessed.size === info.pageRefs.length) {
      // A guess gets the check the draft print would have had, as well as the usual one.
      pages = guessed
      retries++
    } else if (numbered) {
      pages = wanted(destinationPages(await print(false)), info.pageRefs)
      await withSession(page, (session, root) => setPageNumbers(session, root, pages))
      time('draft')
    }
  }
  let pdf = await print(true)
  if (numbered) {
    // Print again while a heading moved away from the number written for it.
    let placed = wanted(destinationPages(pdf), info.pageRefs)
    for (let retry = 0; retry < retries && !samePages(placed, pages); retry++) {
      pages = placed
      await withSession(page, (session, root) => setPageNumbers(session, root, pages))
      pdf = await print(true)
      placed = wanted(destinationPages(pdf), info.pageRefs)
    }
    options.onPages?.(placed)
  }
  time('print')
  const finished = finishPdf(pdf, info, {date})
  time('finish')
  return finished
}

const retryHint = 'try again; if it keeps failing, build with `--format html` and report the notes that fail'

/** What went wrong in a print, as an `ExchangeError`: one line, with what to do. */
function printError(error: unknown): ExchangeError {
  if (error instanceof ExchangeError) return error
  return new ExchangeError(`Cannot print the PDF: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`, {rule: 'print', hint: retryHint, cause: error})
}

/** A promise that rejects as soon as the browser disconnects (a crash, a kill, a close); `stop()` drops the listener. */
function disconnected(browser: Browser): {promise: Promise<never>; stop: () => void} {
  let onGone: () => void = () => {}
  const promise = new Promise<never>((_, reject) => {
    onGone = () =>
      reject(
        new ExchangeError('Cannot print the PDF: the browser stopped', {
          rule: 'browser-crashed',
          hint: 'try again; if it keeps stopping, check the memory available to Chromium or lower --concurrency',
        }),
      )
  })
  promise.catch(() => {})
  // `on`, not `once`: Puppeteer's `once` registers a wrapper that `off(onGone)` cannot remove, and each
  // print's listener, raced with the print, then kept its PDF alive (a 500-report batch grew by 75 MB).
  if (!browser.connected) onGone()
  else browser.on('disconnected', onGone)
  return {promise, stop: () => browser.off('disconnected', onGone)}
}

/**
 * Put a page into the state each print sets up on it (no script, every request
 * intercepted, print media) ahead of its first print, while the report is still
 * compiling: the print's own calls then find it so. The page is blank until a
 * print loads it, and makes no request before the print's own handler is on.
 */
export async function preparePage(page: Page): Promise<void> {
  await Promise.all([page.setJavaScriptEnabled(false), page.setRequestInterception(true), page.emulateMediaType('print')])
}

/** No script, and no request but `data:` URIs and the printed copy's own assets, answered from memory. */
async function closeOff(page: Page, onBlocked?: (url: string) => void, assets: Map<string, Asset> = new Map()): Promise<void> {
  await page.setJavaScriptEnabled(false)
  await page.setRequestInterception(true)
  page.on('request', (request: HTTPRequest) => {
    const url = request.url()
    if (url.startsWith('data:')) {
      void request.continue()
      return
    }
    const asset = assets.get(url)
    if (asset) {
      // A font is fetched in CORS mode: the page's own origin is opaque, so it is allowed by name.
      void request.respond({status: 200, contentType: asset.type, headers: {'access-control-allow-origin': '*'}, body: Buffer.from(asset.base64, 'base64')})
      return
    }
    onBlocked?.(url)
    void request.abort('blockedbyclient')
  })
}

function pdfOptions(timeout: number, final: boolean): PDFOptions {
  return {
    preferCSSPageSize: true,
    printBackground: true,
    // Structure and outline only matter in the copy that is kept.
    tagged: final,
    outline: final,
    waitForFonts: true,
    timeout,
  }
}

/**
 * Write each page number into its placeholder, through the DevTools DOM
 * domain (the page runs no script). The numbers become text of the page, so
 * they reach the PDF's text and structure like any other words, and they go
 * with the document: a page reused for the next report starts clean.
 */
async function setPageNumbers(session: CDPSession, root: number, pages: Map<string, number>): Promise<void> {
  const {nodeIds} = await session.send('DOM.querySelectorAll', {nodeId: root, selector: '[data-page-of]'})
  // All at once, not one placeholder after another: a contents page has a dozen, and each wait for the
  // browser's answer cost a round trip (the placeholders are separate elements, so the edits are independent).
  // One command a placeholder to read it: `describeNode` gives its attributes as well as its tag.
  const placeholders = await Promise.all(
    nodeIds.map(async (nodeId) => {
      const {node} = await session.send('DOM.describeNode', {nodeId})
      return {nodeId, attributes: node.attributes ?? [], tag: node.localName}
    }),
  )
  await Promise.all(placeholders.map(({nodeId, attributes, tag}) => session.send('DOM.setOuterHTML', {nodeId, outerHTML: placeholderHtml(tag, attributes, pages)})))
}

/** Run `work` with the page's DevTools session and its document's root node. */
async function withSession<T>(page: Page, work: (session: CDPSession, root: number) => Promise<T>): Promise<T> {
  const session = await pageSession(page)
  const {root} = await session.send('DOM.getDocument', {depth: 0})
  return work(session, root.nodeId)
}

const sessions = new WeakMap<object, Promise<CDPSession>>()

/**
 * The page's own DevTools session, opened on first use and kept for the
 * page's life (it closes with the page). Attaching a session costs the
 * renderer about 60 ms of CPU, as much as laying a report out: a session per
 * report, as before, made a report's print cost Chromium 170 ms, not 110.
 * Keyed by the page's main frame, the same object through a pool's lending view.
 */
export function pageSession(page: Page): Promise<CDPSession> {
  const key = page.mainFrame()
  let session = sessions.get(key)
  if (!session) {
    session = page.createCDPSession()
    sessions.set(key, session)
    session.catch(() => sessions.delete(key))
  }
  return session
}

/** The placeholder element again, with its page number (or nothing) as its text. */
export function placeholderHtml(tag: string, attributes: string[], pages: Map<string, number>): string {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  let attributesHtml = ''
  let ref = ''
  for (let index = 0; index + 1 < attributes.length; index += 2) {
    const name = attributes[index]!
    const value = attributes[index + 1]!
    if (name === 'data-page-of') ref = value
    if (/^[a-z][a-z0-9-]*$/i.test(name)) attributesHtml += ` ${name}="${escape(value)}"`
  }
  const safeTag = /^[a-z][a-z0-9]*$/i.test(tag) ? tag : 'span'
  const number = pages.get(ref)
  return `<${safeTag}${attributesHtml}>${number === undefined ? '' : number}</${safeTag}>`
}

function wanted(pages: Map<string, number>, ids: string[]): Map<string, number> {
  return new Map(ids.flatMap((id) => (pages.has(id) ? [[id, pages.get(id)!] as const] : [])))
}

function samePages(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([id, page]) => b.get(id) === page)
}

/**
 * `SOURCE_DATE_EPOCH` (reproducible-builds.org): seconds since 1970, UTC.
 * Malformed values are an error, as the specification asks.
 */
export function sourceDate(env: NodeJS.ProcessEnv): Date | undefined {
  const value = env.SOURCE_DATE_EPOCH
  if (value === undefined || value === '') return undefined
  if (!/^\d{1,12}$/.test(value.trim())) {
    throw new UsageError(`Unexpected SOURCE_DATE_EPOCH \`${value}\`, expected a whole number of seconds since 1970-01-01 UTC`, {
      rule: 'source-date-epoch',
      hint: 'set it to e.g. `$(git log -1 --format=%ct)`, or unset it',
    })
  }
  return new Date(Number(value.trim()) * 1000)
}

function timer(onTiming?: (step: PrintStep, ms: number) => void) {
  let last = performance.now()
  return (step: PrintStep) => {
    const now = performance.now()
    onTiming?.(step, now - last)
    last = now
  }
}
