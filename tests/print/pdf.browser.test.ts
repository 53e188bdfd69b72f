/**
 * Real Chromium, real PDF: these tests print through Puppeteer and read the
 * PDF back with pdfjs and with poppler/qpdf (CI installs poppler-utils and
 * qpdf). They share one browser.
 */
import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type {Browser, Page} from 'puppeteer'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {pdfText} from '../../src/audit/index.js'
import {build, compileReport} from '../../src/engine/index.js'
import {readNotes} from '../../src/engine/read.js'
import {parseNotes} from '../../src/parse/index.js'
import {launchBrowser} from '../../src/print/browser.js'
import {assetOrigin} from '../../src/print/assets.js'
import {destinationPages} from '../../src/print/finish.js'
import {printPdf} from '../../src/print/pdf.js'
import {containsEntry, root, tempDir} from '../helpers.js'

let browser: Browser
const notes = path.join(root, 'examples/youth-voice-2023.md')
// The notes write a hyphen; the report sets it as an en dash between title and subtitle.
const title = 'Nothing about us without us – designing youth services with young people'

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await browser?.close()
})

/** Build the example's PDF with this SOURCE_DATE_EPOCH; returns its path. */
async function buildPdf(epoch: string): Promise<string> {
  vi.stubEnv('SOURCE_DATE_EPOCH', epoch)
  const out = tempDir()
  const summary = await build([notes], {outDir: out, formats: ['pdf'], browser})
  expect(summary.exitCode, JSON.stringify(summary.files[0]?.diagnostics)).toBe(0)
  return path.join(out, 'youth-voice-2023.pdf')
}

interface Outline {
  title: string
  destpageposfrom1: number
  kids: Outline[]
}

describe('PDF from real Chromium', () => {
  let file: string
  let again: string
  beforeAll(async () => {
    file = await buildPdf('1700000000')
    again = await buildPdf('1700000000')
  })

  it('is A4, tagged, and has the notes’ title, author and dates in its metadata', () => {
    const info = execFileSync('pdfinfo', ['-isodates', file], {encoding: 'utf8'})
    expect(info).toMatch(/^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/m)
    expect(info).toMatch(/^Tagged:\s+yes$/m)
    expect(info).toMatch(new RegExp(`^Title:\\s+${title}$`, 'm'))
    expect(info).toMatch(/^Author:\s+Civic Futures Network$/m)
    expect(info).toMatch(/^Subject:\s+Insights report from the Innovation Exchange, 9 November 2023: Nothing about us/m)
    expect(info).toMatch(/^Keywords:\s+Innovation Exchange, Insights report, Harbour Digital, /m)
    expect(info).toMatch(/^CreationDate:\s+2023-11-14T22:13:20/m)
  })

  it('is byte-identical when built twice with the same SOURCE_DATE_EPOCH', () => {
    expect(fs.readFileSync(again).equals(fs.readFileSync(file))).toBe(true)
  })

  it('has an outline: the title, then every part at the top level, with clean titles', () => {
    const {outlines} = JSON.parse(execFileSync('qpdf', ['--json', file], {encoding: 'utf8'})) as {outlines: Outline[]}
    const titles = outlines.map((entry) => entry.title)
    expect(outlines.length).toBeGreaterThanOrEqual(3)
    expect(titles[0]).toBe(title)
    expect(titles).toEqual(expect.arrayContaining(['Contents', 'Insights report', 'Foreword', '1. What needs to change', 'Conclusion']))
    expect(outlines[0]!.kids).toEqual([])
    expect(outlines[0]!.destpageposfrom1).toBe(1)
  })

  it('numbers the pages “N of M” and puts the right page numbers in the contents', async () => {
    const pdf = new Uint8Array(fs.readFileSync(file))
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], {encoding: 'utf8'}).split('\f').filter((page) => page.trim())
    const total = pages.length
    pages.slice(1).forEach((page, index) => expect(page).toContain(`${index + 2} of ${total}`))
    expect(pages[0]).not.toMatch(/\d of \d/) // not on the cover

    // Contents lines end with the page the outline (Chromium's own destinations) points at.
    const {outlines} = JSON.parse(execFileSync('qpdf', ['--json', file], {encoding: 'utf8'})) as {outlines: Outline[]}
    const contents = pages[1]!
    const destinations = destinationPages(pdf)
    for (const entry of outlines.filter((outline) => /^(Foreword|Conclusion|\d\. .*)$/.test(outline.title))) {
      const name = entry.title.replace(/^\d\. /, '')
      const line = contents.split('\n').find((row) => row.includes(name))
      expect(line, name).toMatch(new RegExp(`\\b${entry.destpageposfrom1}\\s*$`))
    }
    expect(destinations.get('introduction')).toBe(3)
  })

  it('waits for the theme’s fonts and falls back to none (brand without logos: SVG text uses system fonts)', async () => {
    const out = tempDir()
    await build([notes], {outDir: out, formats: ['pdf'], browser, brand: path.join(root, 'templates/brand')})
    const fonts = execFileSync('pdffonts', [path.join(out, 'youth-voice-2023.pdf')], {encoding: 'utf8'}).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThanOrEqual(3) // regular, bold, italic at least
    for (const font of fonts) expect(font).toMatch(/SourceSans3/)
  })

  // pdfjs reads tracking of 0.102 em or more as word gaps (`I N S I G H T S`): screen readers and copy-paste would
  // spell the cover out, and the audit would read `R L` in `P E E R L E A R N I N G` as someone's initials.
  it('reads its letter-spaced capitals back as words, not letters', async () => {
    const text = await pdfText(new Uint8Array(fs.readFileSync(file)))
    expect(text).toMatch(/INSIGHTS REPORT/)
    expect(text).toMatch(/INNOVATION EXCHANGE|Innovation Exchange/)
    expect(text).toMatch(/NOVEMBER 2023/)
    expect(text).not.toMatch(/(?:\b\p{Lu} ){4}/u)
  })

  it('has the report’s words and no roster name', async () => {
    const text = await pdfText(new Uint8Array(fs.readFileSync(file)))
    expect(text.toUpperCase()).toContain('NOTHING ABOUT US WITHOUT US')
    expect(text.toUpperCase()).toContain('WHAT NEEDS TO CHANGE')
    const parsed = readNotes(notes)
    parseNotes(parsed)
    for (const person of parsed.data.roster!.people) {
      const [first, ...rest] = person.name.split(' ')
      for (const form of [person.name, first!, rest.join(' ')]) expect(containsEntry(text, form), form).toBe(false)
    }
  })
})

/** The shared browser, with `onPage` called on every page it opens (to watch what the page does). */
function watched(onPage: (page: Page) => void): Browser {
  const newPage = async () => {
    const page = await browser.newPage()
    onPage(page)
    return page
  }
  return new Proxy(browser, {
    get(target, key) {
      if (key === 'newPage') return newPage
      const value: unknown = Reflect.get(target, key, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('the contents’ page numbers of an earlier build', () => {
  /** The browser, with every print counted (tagged: the kept kind; untagged: a draft). */
  const counting = (prints: boolean[]) =>
    watched((page) => {
      const pdf = page.pdf.bind(page)
      page.pdf = (options) => (prints.push(Boolean(options?.tagged)), pdf(options))
    })
  const date = new Date(1_700_000_000_000)
  let html: string
  let plain: Uint8Array
  let placed: Map<string, number>
  const plainPrints: boolean[] = []
  beforeAll(async () => {
    html = compileReport(readNotes(notes)).html
    plain = await printPdf(html, counting(plainPrints), {date, onPages: (pages) => (placed = pages)})
  })

  it('are reported as the kept PDF places them, from one print when the layout pass placed every heading', () => {
    expect(plainPrints).toEqual([true])
    expect(placed.get('introduction')).toBe(3)
    expect(placed).toEqual(new Map([...destinationPages(plain)].filter(([id]) => placed.has(id))))
  })

  it('spare the draft print when they still hold, for the same PDF to the byte', async () => {
    const prints: boolean[] = []
    const hinted = await printPdf(html, counting(prints), {date, pages: Object.fromEntries(placed)})
    expect(prints).toEqual([true])
    expect(Buffer.from(hinted).equals(Buffer.from(plain))).toBe(true)
  })

  it('cost one more print when they are wrong, never a wrong number', async () => {
    const prints: boolean[] = []
    const wrong = Object.fromEntries([...placed].map(([id, page]) => [id, page + 1]))
    const hinted = await printPdf(html, counting(prints), {date, pages: wrong})
    expect(prints).toEqual([true, true])
    expect(Buffer.from(hinted).equals(Buffer.from(plain))).toBe(true)
  })

  it('are kept in the manifest by a build, and used by the next one', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000')
    const out = tempDir()
    const first = await build([notes], {outDir: out, formats: ['pdf'], browser})
    const manifest = JSON.parse(fs.readFileSync(path.join(out, '.exchange-manifest.json'), 'utf8')) as {reports: Record<string, {pages?: Record<string, number>}>}
    expect(Object.values(manifest.reports)[0]!.pages).toEqual(Object.fromEntries(placed))
    const pdf = fs.readFileSync(path.join(out, 'youth-voice-2023.pdf'))
    const prints: boolean[] = []
    const again = await build([notes], {outDir: out, formats: ['pdf'], browser: counting(prints), force: true})
    expect([first.exitCode, again.exitCode]).toEqual([0, 0])
    expect(prints).toEqual([true])
    expect(fs.readFileSync(path.join(out, 'youth-voice-2023.pdf')).equals(pdf)).toBe(true)
  })

  it('are not needed for a first build to print once, with the numbers its PDF places', async () => {
    const out = tempDir()
    const prints: boolean[] = []
    const summary = await build([notes], {outDir: out, formats: ['pdf'], browser: counting(prints)})
    expect(summary.exitCode).toBe(0)
    expect(prints).toEqual([true])
    const pdf = new Uint8Array(fs.readFileSync(path.join(out, 'youth-voice-2023.pdf')))
    // The contents' numbers themselves are checked against the outline for a first build above (`buildPdf`).
    const destinations = destinationPages(pdf)
    for (const [id, page] of placed) expect(destinations.get(id), id).toBe(page)
  })
})

describe('the layout pass (a first build’s guess at the contents’ page numbers)', () => {
  const counting = (prints: boolean[]) =>
    watched((page) => {
      const pdf = page.pdf.bind(page)
      page.pdf = (options) => (prints.push(Boolean(options?.tagged)), pdf(options))
    })
  const report = (pageCss: string) => `<!doctype html><html lang="en"><head><title>Guess</title><style>${pageCss}</style></head>
<body><p><a href="#x">X is on page <span data-page-of="x"></span></a></p><div style="height: 150mm"></div><h1 id="x">X</h1><p>The end.</p></body></html>`

  it('costs one more print when it guesses wrong, never a wrong number', async () => {
    // The pass reads the default page box only: a first page with a deep top margin (it holds 57 mm) puts X on
    // page 2, where the pass, with 257 mm to every page, guesses page 1.
    const prints: boolean[] = []
    const pdf = await printPdf(report('@page { size: A4; margin: 20mm } @page :first { margin-top: 220mm }'), counting(prints))
    expect(destinationPages(pdf).get('x')).toBe(2)
    expect(await pdfText(pdf)).toMatch(/X is on page\s+2\b/)
    expect(prints).toEqual([true, true])
  })

  it('guesses right where the default page box holds, and the one print is kept', async () => {
    const prints: boolean[] = []
    const pdf = await printPdf(report('@page { size: A4; margin: 20mm } h1 { break-before: page }'), counting(prints))
    expect(destinationPages(pdf).get('x')).toBe(2)
    expect(await pdfText(pdf)).toMatch(/X is on page\s+2\b/)
    expect(prints).toEqual([true])
  })

  it('is skipped for a draft print when the page box is not one it can read', async () => {
    const prints: boolean[] = []
    const pdf = await printPdf(report('@page { size: A4; margin: 5vw } h1 { break-before: page }'), counting(prints))
    expect(await pdfText(pdf)).toMatch(/X is on page\s+2\b/)
    expect(prints).toEqual([false, true])
  })

  it('leaves nothing of itself in the page: the PDF is the one a print without it makes, to the byte', async () => {
    const html = report('@page { size: A4; margin: 20mm } h1 { break-before: page }')
    const date = new Date(0)
    const guessed = await printPdf(html, browser, {date})
    const hinted = await printPdf(html, browser, {date, pages: {x: 2}})
    expect(Buffer.from(guessed).equals(Buffer.from(hinted))).toBe(true)
  })
})

describe('the printing page', () => {
  it('fetches nothing and runs no script', async () => {
    const requests: string[] = []
    const server = http.createServer((request, response) => {
      requests.push(request.url ?? '')
      response.end('x')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as {port: number}).port
    const blocked: string[] = []
    try {
      const html = `<!doctype html><html><head><title>Hostile</title>
<link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">
<script>document.title = 'script ran'</script></head>
<body><h1 id="h">Hostile</h1><img src="http://127.0.0.1:${port}/pixel.png"><img src="file:///etc/hostname">
<iframe src="http://127.0.0.1:${port}/frame"></iframe>
<script>document.getElementById('h').textContent = 'SCRIPT RAN'</script></body></html>`
      const pdf = await printPdf(html, browser, {onBlocked: (url) => blocked.push(url)})
      const text = await pdfText(pdf)
      expect(text).toContain('Hostile')
      expect(text).not.toContain('SCRIPT RAN')
      expect(requests).toEqual([])
      expect(blocked.some((url) => url.includes(`127.0.0.1:${port}`))).toBe(true)
    } finally {
      server.close()
    }
  })

  it('answers the theme’s inlined fonts from memory, and refuses every other URL of their origin', async () => {
    const font = fs.readFileSync(path.join(root, 'templates/default/fonts/source-sans-3-latin-400-normal.woff2')).toString('base64')
    const html = `<!doctype html><html><head><title>Fonts</title><style>
@font-face { font-family: Theme; src: url("data:font/woff2;base64,${font}") format('woff2'); }
@font-face { font-family: Guess; src: url("${assetOrigin}/${'0'.repeat(64)}") format('woff2'); }
body { font-family: Theme, sans-serif; } em { font-family: Guess, monospace; }
</style></head><body><p>Set in the theme’s font, <em>and in a guessed one</em>.</p></body></html>`
    const blocked: string[] = []
    const requested: string[] = []
    const requests = watched((page) => page.on('request', (request) => void requested.push(request.url().slice(0, 64))))
    const file = path.join(tempDir(), 'fonts.pdf')
    for (let print = 0; print < 2; print++) fs.writeFileSync(file, await printPdf(html, requests, {onBlocked: (url) => blocked.push(url)}))
    expect(blocked).toEqual([`${assetOrigin}/${'0'.repeat(64)}`, `${assetOrigin}/${'0'.repeat(64)}`])
    // The theme's font went by its hash, never as a `data:` URI through the page's requests.
    const hashed = `${assetOrigin}/${createHash('sha256').update(font).digest('hex')}`.slice(0, 64)
    expect(requested).toContain(hashed)
    expect(requested.filter((url) => url.startsWith('data:'))).toEqual([])
    expect(execFileSync('pdffonts', [file], {encoding: 'utf8'})).toMatch(/SourceSans3/)
  })

  // A listener left per print keeps that print's PDF alive: a batch's memory then grows with its size.
  it('leaves no listener behind on the browser, print after print', async () => {
    const before = browser.listenerCount('disconnected')
    for (let print = 0; print < 3; print++) await printPdf('<p>Hello</p>', browser)
    expect(browser.listenerCount('disconnected')).toBe(before)
  })

  it('prints page numbers asked for with data-page-of, in one print when the layout pass places them', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Two pages</title><style>@page { size: A4; margin: 20mm } .next { break-before: page }</style></head>
<body><p><a href="#second">Second part, page <span data-page-of="second"></span></a></p><h1 class="next" id="second">Second part</h1></body></html>`
    const timings: string[] = []
    const pdf = await printPdf(html, browser, {onTiming: (step) => timings.push(step), date: new Date(0)})
    expect(await pdfText(pdf)).toMatch(/Second part, page\s+2\b/)
    expect(timings).toEqual(['page', 'load', 'layout', 'print', 'finish'])
  })

  it('tells the caller, once a print, when the browser has the HTML and is laying it out', async () => {
    const steps: string[] = []
    await printPdf('<!doctype html><title>T</title><p>Hello <span data-page-of="x"></span></p><h1 id="x">X</h1>', browser, {
      onLoading: () => steps.push('loading'),
      onTiming: (step) => steps.push(step),
    })
    // After the page is set up, before it has loaded: the wait the caller may spend on other work.
    expect(steps).toEqual(['page', 'loading', 'load', 'draft', 'print', 'finish'])
  })

  it('leaves no page number behind on a page reused for the next report (a batch’s page pool)', async () => {
    const page = await browser.newPage()
    // A browser that lends the same page every time and whose close() keeps it open, as the batch printer does.
    const bound = <T extends object>(target: T, property: string | symbol) => {
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    }
    const kept = new Proxy(page, {get: (target, property) => (property === 'close' ? async () => {} : bound(target, property))})
    const lending = new Proxy(browser, {get: (target, property) => (property === 'newPage' ? async () => kept : bound(target, property))})
    const report = (second: boolean) => `<!doctype html><html lang="en"><head><title>R</title><style>@page { size: A4 } .next { break-before: page }</style></head>
<body><p><a href="#a">A on <span data-page-of="a"></span></a>${second ? '' : ' <a href="#b">B on <span data-page-of="b"></span></a>'}</p>
${second ? '' : '<h1 class="next">Filler</h1>'}<h1 class="next" id="a">A</h1>${second ? '' : '<h1 id="b">B</h1>'}<p>Last <span data-page-of="b"></span>.</p></body></html>`
    try {
      expect(await pdfText(await printPdf(report(false), lending as Browser))).toMatch(/A on\s+3\b[\s\S]*B on\s+3\b/)
      const text = await pdfText(await printPdf(report(true), lending as Browser))
      expect(text).toMatch(/A on\s+2\b/)
      expect(text).toMatch(/Last\s*\./) // no id b in this report: an empty placeholder, not the last report's 3
    } finally {
      await page.close()
    }
  })
})
