/**
 * Print stage: HTML → PDF in the browser it is given (a batch shares one).
 * The page runs no script and fetches nothing: every request other than a
 * `data:` URI is aborted, so hostile notes cannot reach the network or disk.
 */
import type {Browser, HTTPRequest} from 'puppeteer'
import {ExchangeError} from '../errors.js'

export interface PrintOptions {
  /** Milliseconds before printing one report is given up. */
  timeout?: number
  /** Called with each URL the page tried to fetch and was refused. */
  onBlocked?: (url: string) => void
}

export async function printPdf(html: string, browser: Browser, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeout ?? 60_000
  const page = await browser.newPage()
  try {
    await page.setJavaScriptEnabled(false)
    await page.setRequestInterception(true)
    page.on('request', (request: HTTPRequest) => {
      const url = request.url()
      if (url.startsWith('data:')) {
        void request.continue()
        return
      }
      options.onBlocked?.(url)
      void request.abort('blockedbyclient')
    })
    await page.setContent(html, {waitUntil: 'load', timeout})
    return await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      timeout,
    })
  } catch (error) {
    if (error instanceof ExchangeError) throw error
    throw new ExchangeError(`Cannot print the PDF: ${(error as Error).message.split('\n')[0]}`, {
      rule: 'print',
      hint: 'try again; if it keeps failing, build with `--format html` and report the notes that fail',
      cause: error,
    })
  } finally {
    await page.close().catch(() => {})
  }
}
