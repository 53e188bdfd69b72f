/**
 * The HTML report read on a screen: at a phone's width nothing is wider than
 * the viewport (no sideways scrolling, the cover title not cut off); at a
 * desktop width the page keeps its A4 column. Measured in real Chromium from
 * the DOM (no screenshots). Print keeps the A4 cover.
 */
import path from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {readNotes} from '../../src/engine/read.js'
import {launchBrowser} from '../../src/print/browser.js'
import {corpusFiles, root, tempDir} from '../helpers.js'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Notes made to overflow: a long title, an unbroken word, a long link, a wide table, a long code span. */
const stress = `---
title: Co-producing neighbourhood-level decarbonisation with residents, landlords and anchor institutions
series: Innovation Exchange
host: Civic Futures Network
partner: Harbour Digital Partnerships Limited
attendees: [Jane Smith]
---

## Barriers

- Pneumonoultramicroscopicsilicovolcanoconiosis-style jargon like antidisestablishmentarianismforeverandever puts residents off #challenge
- The guidance at https://www.example.gov.uk/government/publications/a-very-long-path/with-many-segments-and-no-spaces-at-all-in-it-whatsoever is unread #challenge
- Naming files \`final_final_v27_residents_consultation_outcomes_spreadsheet_export.xlsx\` loses them #challenge

## Tools

| Tool | Used for | Cost | Who runs it | Where | Since | Notes |
| --- | --- | --- | --- | --- | --- | --- |
| Participatory budgeting platform | Voting on neighbourhood priorities | £12,000 a year | Community development team | Borough-wide | 2019 | Renewed annually after review |
`

interface Measure {
  scrollWidth: number
  innerWidth: number
  /** Elements whose right edge is past the screen's. */
  overflowing: string[]
  coverWidth: number
}

/** Runs in the page: the document's width, and the elements past the screen's right edge (not those in a box that scrolls by itself). */
const measureInPage = `(screen) => {
  const overflowing = []
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect()
    let contained = false
    for (let scroller = element.parentElement; scroller && scroller !== document.body; scroller = scroller.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) contained = true
    }
    if (!contained && box.width > 0 && box.right > screen + 0.5) overflowing.push(element.tagName.toLowerCase() + '.' + element.className + ' (' + Math.round(box.right) + 'px)')
  }
  const cover = document.querySelector('.cover')
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, overflowing: overflowing.slice(0, 5), coverWidth: cover ? cover.getBoundingClientRect().width : 0}
}`

async function measure(page: Page, html: string, width: number, media: 'screen' | 'print'): Promise<Measure> {
  await page.setViewport({width, height: 844, isMobile: width < 600, hasTouch: width < 600, deviceScaleFactor: 1})
  await page.emulateMediaType(media)
  await page.setContent(html, {waitUntil: 'load'})
  // On a phone, Chromium widens the layout viewport (innerWidth) to fit content wider than the screen: measure against the screen.
  // A string: the tests are typed without the DOM library.
  return (await page.evaluate(`(${measureInPage})(${width})`)) as Measure
}

const reports = (): Array<[string, string]> => {
  const dir = tempDir({'stress.md': stress})
  return [
    ...['examples/youth-voice-2023.md', 'examples/homelessness-prevention-2021.md'].map((file): [string, string] => [path.basename(file), compileReport(readNotes(path.join(root, file))).html]),
    ...corpusFiles()
      .slice(0, 3)
      .map((entry): [string, string] => [path.basename(entry.notes), compileReport(readNotes(entry.notes)).html]),
    ['stress.md', compileReport(readNotes(path.join(dir, 'stress.md'))).html],
  ]
}

describe('HTML report on screens of any width', () => {
  it('never scrolls sideways at phone widths, nor at a desktop width', async () => {
    const page = await browser.newPage()
    try {
      for (const [name, html] of reports()) {
        for (const width of [320, 390, 768, 1280]) {
          const result = await measure(page, html, width, 'screen')
          expect(result.overflowing, `${name} at ${width}px`).toEqual([])
          expect(result.scrollWidth, `${name} at ${width}px`).toBeLessThanOrEqual(width)
          expect(result.innerWidth, `${name} at ${width}px: the layout viewport was widened`).toBe(width)
        }
      }
    } finally {
      await page.close()
    }
  })

  it('keeps the A4 column on a desktop and the A4 cover in print', async () => {
    const page = await browser.newPage()
    try {
      const html = compileReport(readNotes(path.join(root, 'examples/youth-voice-2023.md'))).html
      const a4 = (210 / 25.4) * 96
      expect((await measure(page, html, 1280, 'screen')).coverWidth).toBeCloseTo(a4, 0)
      expect((await measure(page, html, 390, 'print')).coverWidth).toBeCloseTo(a4, 0)
      expect((await measure(page, html, 390, 'screen')).coverWidth).toBeLessThanOrEqual(390)
    } finally {
      await page.close()
    }
  })
})
