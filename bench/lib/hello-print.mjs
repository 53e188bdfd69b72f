// The floor under one report: a fresh Node process that loads Puppeteer,
// launches Chromium with the launch options it is given (as JSON, the same as
// md-to-pdf's), prints a one-line page and closes the browser. No notes, no
// theme, no fonts, no audit. Used by bench/single-report.mjs.
//
//   node bench/lib/hello-print.mjs '{"executablePath": "…", "args": […]}' OUT.pdf
import fs from 'node:fs'
import puppeteer from 'puppeteer-core'

const [options, out] = process.argv.slice(2)
const browser = await puppeteer.launch({...JSON.parse(options), pipe: true})
const [page] = await browser.pages()
await page.setContent('<p>Hello</p>')
fs.writeFileSync(out, await page.pdf({format: 'A4'}))
await browser.close()
