/**
 * The PDF audit reads the pages itself (`src/print/pdf-text.ts`) where it
 * used pdf.js: a differential test against pdf.js over PDFs printed by a
 * real Chromium — generated reports, and text Chromium sets in unusual ways —
 * on the words read and on the leaks the audit finds in them.
 */
import type {Browser} from 'puppeteer-core'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createAuditor, pdfjsText, pdfText} from '../../src/audit/index.js'
import {compileReport} from '../../src/engine/index.js'
import {launchBrowser} from '../../src/print/browser.js'
import {printPdf} from '../../src/print/pdf.js'
import {contentText, UnreadablePdf} from '../../src/print/pdf-text.js'
import {generateNotes} from '../generate/notes.js'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Each page's words, as a reader's search would split them. */
const words = (text: string) => text.split('\n\f\n').map((page) => page.split(/\s+/).filter(Boolean))

const page = (body: string, style = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>@page { size: A4; margin: 20mm } body { font: 11pt sans-serif } ${style}</style></head><body>${body}</body></html>`

describe('reading a PDF’s pages without pdf.js', () => {
  it('reads the same words as pdf.js from 24 generated reports', async () => {
    for (let seed = 3000; seed < 3024; seed++) {
      const notes = generateNotes(seed)
      const compiled = compileReport(new VFile({path: `generated-${seed}.md`, value: notes.value}))
      const pdf = await printPdf(compiled.html, browser)
      const mine = words(contentText(pdf))
      expect(mine.flat().length, `seed ${seed}`).toBeGreaterThan(200)
      expect(mine, `seed ${seed}`).toEqual(words(await pdfjsText(pdf)))
    }
  })

  it('reads the same text as pdf.js where Chromium sets text in unusual ways, and a ligature inside its word', async () => {
    const html = page(
      `<h1 style="letter-spacing: 0.08em; text-transform: uppercase">Spaced capitals heading</h1>
      <p>Ligatures: ﬁnance ofﬁce, affluent fjord; <b>bold</b>mid<i>word</i> and Sio<strong>bhán</strong> O’Neill.</p>
      <p>Accents: Zoë Ćirić, Łukasz Brzęczyszczykiewicz, Ngũgĩ, naïve café; H<sub>2</sub>O and x<sup>2</sup>; small <small>print</small>.</p>
      <table><tr><td>Ana Lopes</td><td>Ben Ode</td><td>12</td></tr><tr><td>Cai Wen</td><td>张伟</td><td>Ōsaka</td></tr></table>
      <ul><li>First point</li><li>Second point, a long line that wraps around the page more than once so that the reader has to join the words across the line break without losing any of them at all</li></ul>
      <p style="text-align: justify">Justified text with wide spaces between words fills each line to the margin, and the last line is set ragged as usual for a paragraph of this kind.</p>
      <div style="columns: 2">Two columns of text, read as Chromium draws them: the left column first and then the right one, each line in turn, until the end.</div>
      <p style="font-variant: small-caps">Small caps Dawn Reyes</p>
      <p>Emoji 🙂 between words, and a tab	inside.</p>
      <div style="height: 1em; overflow: hidden">Shown line<br>Hidden line under the overflow</div>`,
      'h1 { font-size: 20pt }',
    )
    const pdf = await printPdf(html, browser, {pageNumbers: false})
    const mine = contentText(pdf)
    const theirs = await pdfjsText(pdf)
    // The same characters in the same order (pdf.js gives a NUL for a glyph with no text: the emoji, the tofu of 张伟 with no CJK font)…
    const letters = (text: string) => text.replace(/[\s\0]+/g, '').toLowerCase()
    expect(letters(mine)).toEqual(letters(theirs))
    expect(mine).toContain('Łukasz Brzęczyszczykiewicz')
    // …and the same words, but where Skia marks glyphs with their ActualText: pdf.js reads a ligature as a word apart,
    // and synthesised small capitals as capitals one by one (`D A W N`).
    expect(mine).toContain('Small caps Dawn Reyes')
    const joined = words(mine).flat()
    for (const word of ['affluent', 'Justified', 'fills', 'first', 'finance']) expect(joined).toContain(word)
    expect(words(theirs).flat()).toEqual(expect.arrayContaining(['ffl', 'Justi', 'fi', 'ed']))
    const apart = (text: string) =>
      words(
        text
          .replace(/\0/g, ' ')
          .replace(/\b(a|Justi|words|column)\s+(ffl|fi)\s+(uent|ed|lls|rst)\b/g, (_, before: string, ligature: string, after: string) => `${before === 'words' || before === 'column' ? `${before} ` : before}${ligature}${after}`)
          .replace(/S M A L L\s+C A P S\s+D A W N\s+R E Y E S/, 'Small caps Dawn Reyes'),
      )
    expect(words(mine)).toEqual(apart(theirs))
  })

  it('finds every leak pdf.js’s text shows, in the same places', async () => {
    const notes = `---
title: Leaky
attendees: [Dawn Reyes, Ngozi Okafor, Siobhán Kelly]
---

## Room

- a note
`
    const file = new VFile({path: 'leaky.md', value: notes})
    compileReport(file)
    const auditor = createAuditor(file.data.roster!, notes, file.data.meta)
    const html = page(
      `<h2>Dawn Reyes opened</h2><p>Thanks to <b>Ngozi</b> Okafor and to Siobhán, who said <i>Reyes</i>’s plan works.</p>
      <table><tr><td>Okafor</td><td>Kelly</td></tr></table><p style="letter-spacing: 0.05em">DAWN</p>`,
    )
    const pdf = await printPdf(html, browser, {pageNumbers: false})
    const leaks = (text: string) => auditor.scan(text, 'pdf').map((leak) => leak.text.replace(/\s+/g, ' '))
    const found = leaks(contentText(pdf))
    expect(found.length).toBeGreaterThanOrEqual(6)
    expect(found).toEqual(leaks(await pdfjsText(pdf)))
  })

  it('leaves right-to-left text to pdf.js, which puts it in reading order', async () => {
    const pdf = await printPdf(page('<p dir="rtl">שלום עולם and مرحبا</p>'), browser, {pageNumbers: false})
    expect(() => contentText(pdf)).toThrow(UnreadablePdf)
    expect(await pdfText(pdf)).toContain(words(await pdfjsText(pdf))[0]![0])
  })

  it('reads a figure’s alternative text and the document’s title, which a reader is given besides the pages', async () => {
    const image = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#c00"/></svg>').toString('base64')
    const pdf = await printPdf(page(`<h1>Heading</h1><img alt="Portrait of Dawn Reyes" width="40" height="40" src="data:image/svg+xml;base64,${image}">`), browser, {pageNumbers: false})
    const text = await pdfText(pdf)
    expect(text).toContain('Portrait of Dawn Reyes')
    expect(text.split('\n\f\n').at(-1)).toMatch(/^t$/m)
  })
})
