import {describe, expect, it} from 'vitest'
import {assetOrigin, printableHtml} from '../../src/print/assets.js'

const font = Buffer.from('wOF2 font bytes').toString('base64')
const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'">`
const page = (head: string, body = '<p>Hello</p>') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`
const fontFace = (data = font) => `<style>@font-face { font-family: X; src: url("data:font/woff2;base64,${data}") format('woff2'); }</style>`

describe('printableHtml', () => {
  it('names each inlined style-sheet asset by the hash of its bytes, under the assets origin', () => {
    const {html, assets} = printableHtml(page(policy + fontFace()))
    expect(html).not.toContain(font)
    const [url, asset] = [...assets][0]!
    expect(url).toMatch(new RegExp(`^${assetOrigin}/[0-9a-f]{64}$`))
    expect(html).toContain(`src: url("${url}") format('woff2')`)
    expect(asset).toEqual({type: 'font/woff2', base64: font})
  })

  it('gives the same asset the same URL in every report, and another asset another', () => {
    const first = [...printableHtml(page(fontFace())).assets.keys()]
    const second = [...printableHtml(page(`<title>Other</title>${fontFace()}`)).assets.keys()]
    const other = [...printableHtml(page(fontFace(Buffer.from('another font').toString('base64')))).assets.keys()]
    expect(second).toEqual(first)
    expect(other).not.toEqual(first)
  })

  it('widens the page’s policy to the assets origin for fonts only when only fonts moved', () => {
    const {html} = printableHtml(page(policy + fontFace()))
    expect(html).toContain(`content="default-src 'none'; img-src data:; font-src data: ${assetOrigin}; style-src 'unsafe-inline'"`)
    const image = `<style>.logo { background: url(data:image/png;base64,${font}) }</style>`
    expect(printableHtml(page(policy + image)).html).toContain(`img-src data: ${assetOrigin}; font-src data:;`)
  })

  it('prints the HTML as it is when its policy could not be widened by one origin', () => {
    for (const strict of [`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; font-src 'self'">`]) {
      const original = page(strict + fontFace())
      const printable = printableHtml(original)
      expect(printable.html).toBe(original)
      expect(printable.assets.size).toBe(0)
    }
  })

  it('leaves the body alone: a note that quotes a data URI is text', () => {
    const quoted = `<p>url("data:font/woff2;base64,${font}")</p><style>b { src: url("data:font/woff2;base64,${font}") }</style>`
    const {html} = printableHtml(page(policy + fontFace(), quoted))
    expect(html.slice(html.indexOf('<body>'))).toBe(`<body>${quoted}</body></html>`)
  })

  it('leaves HTML without inlined style-sheet assets, or without a head, unchanged', () => {
    for (const html of [page(policy), '<p>url("data:font/woff2;base64,AAAA")</p>', page(`<img src="data:image/png;base64,${font}">`)]) {
      expect(printableHtml(html)).toEqual({html, assets: new Map()})
    }
  })
})
