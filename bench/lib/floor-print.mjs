// The floor under a batch of PDFs: exchange's own HTML (already built, not timed here) printed once per
// report, tagged and with an outline as exchange prints, in one browser with two pages at a time, by a
// plain Puppeteer loop: no compile, no contents numbers, no audit, no finishing. Used by bench/batch.mjs.
//
//   node bench/lib/floor-print.mjs '{"executablePath": "…", "args": […]}' HTML_DIR OUT_DIR [PAGES]
import fs from 'node:fs'
import path from 'node:path'
import puppeteer from 'puppeteer-core'

const [options, dir, out, pages = '2'] = process.argv.slice(2)
const files = fs
  .readdirSync(dir, {recursive: true})
  .map(String)
  .filter((name) => name.endsWith('.html'))
  .sort()
const browser = await puppeteer.launch({...JSON.parse(options), pipe: true})
let next = 0
let printed = 0
await Promise.all(
  Array.from({length: Number(pages)}, async () => {
    const page = await browser.newPage()
    while (next < files.length) {
      const name = files[next++]
      await page.setContent(fs.readFileSync(path.join(dir, name), 'utf8'), {waitUntil: 'load'})
      const pdf = await page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, waitForFonts: true})
      const target = path.join(out, name.replace(/\.html$/, '.pdf'))
      fs.mkdirSync(path.dirname(target), {recursive: true})
      fs.writeFileSync(target, pdf)
      printed++
    }
    await page.close()
  }),
)
await browser.close()
process.stdout.write(`${printed}\n`)
