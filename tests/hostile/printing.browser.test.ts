/**
 * Hostile notes, end to end: notes full of scripts, frames, local-file and
 * loopback images, style sheets, `javascript:` links, event handlers and
 * Handlebars syntax go through the real build (compile + audit + print in
 * Chromium). A local HTTP server counts every request that leaves the page;
 * secrets on disk must not reach the report; nothing active survives.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {Browser} from 'puppeteer'
import {visit} from 'unist-util-visit'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {htmlText, pdfText} from '../../src/audit/index.js'
import {build, compileReport} from '../../src/engine/index.js'
import {readNotes} from '../../src/engine/read.js'
import {launchBrowser} from '../../src/print/browser.js'
import {printPdf} from '../../src/print/pdf.js'
import {tempDir} from '../helpers.js'

// A 1×1 PNG and an SVG carrying a secret word: neither may reach the report.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const secretSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="0" y="30">TOPSECRET-SVG</text></svg>'

let browser: Browser
let server: http.Server
let origin: string
const requests: string[] = []

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push(request.url ?? '')
    response.setHeader('content-type', 'text/plain')
    response.end('TOPSECRET-HTTP')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as {port: number}).port}`
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

function hostileProject() {
  const secrets = tempDir({'secret.png': png, 'secret.svg': secretSvg, 'secret.txt': 'TOPSECRET-FILE'})
  const svgData = `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image href="${origin}/svg-data-image" width="10" height="10"/><image xlink:href="file://${secrets}/secret.png"/><script>fetch('${origin}/svg-script')</script></svg>`).toString('base64')}`
  const notes = `---
title: "Hostile {{constructor.constructor 'return process'}} </style><script>alert(1)</script> notes"
series: "{{> cover}}"
attendees: [Jane Smith]
---

<script>document.title = 'SCRIPT-RAN'; fetch('${origin}/script')</script>
<meta http-equiv="refresh" content="0; url=${origin}/refresh">
<base href="${origin}/base/">
<link rel="stylesheet" href="${origin}/link.css">

## What needs to change

- Scripts in notes <script>fetch('${origin}/inline-script')</script> are dropped #challenge
- Frames <iframe src="${origin}/iframe"></iframe><iframe src="file://${secrets}/secret.txt"></iframe><iframe srcdoc="<script>fetch('${origin}/srcdoc')</script>"></iframe> are dropped #challenge
- Local files ![png](file://${secrets}/secret.png) <img src="file://${secrets}/secret.svg" alt="svg"> ![relative](../${path.basename(secrets)}/secret.png) never load #challenge
- Loopback images ![pixel](${origin}/markdown-image.png) <img src="${origin}/html-image.png" srcset="${origin}/srcset.png 2x"> <picture><source srcset="${origin}/source.png"><img src="${origin}/picture.png"></picture> never load #challenge
- Style sheets <style>@import url(${origin}/import.css); body { background: url(${origin}/style-bg.png) }</style><span style="background: url(${origin}/style-attr.png)">styled</span> never load #challenge
- Links [click me](javascript:alert(1)) <a href="javascript:alert(2)">or me</a> <a href="vbscript:msgbox">or me</a> lose their targets #challenge
- Handlers <img src=x onerror="fetch('${origin}/onerror')"> <b onclick="fetch('${origin}/onclick')" onmouseover="x()">bold</b> lose their handlers #challenge
- Objects <object data="${origin}/object"></object><embed src="${origin}/embed"><video src="${origin}/video" poster="${origin}/poster.png"></video><audio src="${origin}/audio"></audio> are dropped #challenge
- Forms <form action="${origin}/form"><input name="q" value="x"><button formaction="${origin}/button">go</button></form> are dropped #challenge
- SVG <svg><image href="${origin}/inline-svg-image"/><a href="javascript:alert(3)"><text>svg link</text></a></svg> and MathML <math><mi xlink:href="javascript:alert(4)">x</mi></math> are dropped #challenge
- An SVG image with its own references ![svg](${svgData}) fetches nothing #challenge
- Template syntax is text: {{#each this}}{{this}}{{/each}} and {{{raw}}} and {{> cover}} and {{constructor.constructor}} #challenge
`
  const dir = tempDir({'notes.md': notes})
  return {dir, secrets, notes: path.join(dir, 'notes.md')}
}

/** Every element and attribute in the report, for what must not be there. */
function elements(html: string): Element[] {
  const found: Element[] = []
  visit(fromHtml(html) as Root, 'element', (node: Element) => {
    found.push(node)
  })
  return found
}

describe('hostile notes, built and printed', () => {
  let html: string
  let pdf: Uint8Array
  let blocked: string[]
  let secrets: string
  let built: {dir: string; summaryCode: number; pdf: Buffer; html: string}

  beforeAll(async () => {
    const project = hostileProject()
    secrets = project.secrets
    const compiled = compileReport(readNotes(project.notes))
    html = compiled.html
    blocked = []
    pdf = await printPdf(html, browser, {onBlocked: (url) => blocked.push(url)})

    const out = tempDir()
    const summary = await build([project.notes], {outDir: out, formats: ['html', 'pdf'], browser})
    built = {
      dir: out,
      summaryCode: summary.exitCode,
      pdf: fs.readFileSync(path.join(out, 'notes.pdf')),
      html: fs.readFileSync(path.join(out, 'notes.html'), 'utf8'),
    }
  })

  it('sends no request out of the page: the local server saw none', () => {
    expect(requests).toEqual([])
    expect(built.summaryCode).toBe(0)
  })

  it('keeps no active content in the HTML', () => {
    for (const page of [html, built.html]) {
      const all = elements(page)
      const tags = new Set(all.map((node) => node.tagName))
      for (const tag of ['script', 'iframe', 'object', 'embed', 'video', 'audio', 'form', 'input', 'button', 'base', 'link', 'svg', 'math', 'picture', 'source', 'frame', 'frameset', 'applet']) {
        expect(tags.has(tag), tag).toBe(false)
      }
      // One <style> (the theme's) and one <meta http-equiv> (the Content-Security-Policy).
      expect(all.filter((node) => node.tagName === 'style')).toHaveLength(1)
      expect(all.filter((node) => node.tagName === 'meta' && node.properties?.httpEquiv).map((node) => String(node.properties.httpEquiv))).toEqual(['Content-Security-Policy'])
      for (const node of all) {
        for (const [name, value] of Object.entries(node.properties ?? {})) {
          expect(name, `${node.tagName}[${name}]`).not.toMatch(/^on/i)
          expect(['style', 'srcSet', 'srcDoc', 'formAction', 'action', 'poster', 'data', 'background'], `${node.tagName}[${name}]`).not.toContain(name)
          if (name === 'src') expect(String(value), `${node.tagName}[src]`).toMatch(/^data:image\//)
          if (name === 'href') expect(String(value), `${node.tagName}[href]`).toMatch(/^(#|https?:|mailto:)/)
        }
      }
      expect(page).not.toMatch(/javascript:|vbscript:|@import/i)
      // The loopback address may survive only as the target of a link (a link is not a request).
      const style = all.filter((node) => node.tagName === 'style').map((node) => JSON.stringify(node.children)).join('')
      expect(style).not.toContain(origin)
      for (const node of all) {
        for (const [name, value] of Object.entries(node.properties ?? {})) if (name !== 'href') expect(String(value), `${node.tagName}[${name}]`).not.toContain(origin)
      }
    }
  })

  it('prints template syntax in the notes as text, never runs it', () => {
    const text = htmlText(html)
    expect(text).toContain('{{#each this}}{{this}}{{/each}} and {{{raw}}} and {{> cover}} and {{constructor.constructor}}')
    expect(text).toContain("Hostile {{constructor.constructor 'return process'}} </style><script>alert(1)</script> notes")
    expect(html).not.toContain('</style><script>')
  })

  it('lets no local file reach the PDF', async () => {
    for (const file of [pdf, new Uint8Array(built.pdf)]) {
      const text = await pdfText(file)
      expect(text).toContain('Template syntax is text')
      expect(text).not.toMatch(/TOPSECRET|SCRIPT-RAN/)
      const bytes = Buffer.from(file).toString('latin1')
      expect(bytes).not.toMatch(/\/JavaScript|\/JS\b|\/Launch|\/EmbeddedFile|javascript:/)
      expect(bytes).not.toContain(secrets)
      const pdfPath = path.join(tempDir(), 'hostile.pdf')
      fs.writeFileSync(pdfPath, file)
      // The default brand has no logos: the only image may be Chromium's own broken-image
      // icon (14×16), drawn for the SVG whose loopback <image> was refused; never the 1×1 secret.
      const sizes = execFileSync('pdfimages', ['-list', pdfPath], {encoding: 'utf8'})
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.trim().split(/\s+/).slice(3, 5).join('×'))
      for (const size of sizes) expect(size).toBe('14×16')
    }
    expect(built.html).not.toContain(png.toString('base64'))
  })

  it('refuses in the printer what the sanitiser would have caught anyway', () => {
    // The printer's own guard: the blocked list only has what the HTML asked for, and none of it was fetched.
    for (const url of blocked) expect(url).not.toMatch(/^data:/)
    expect(requests).toEqual([])
  })
})
