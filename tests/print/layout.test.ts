import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {columnRules, inlineCss, pageArea, withLayoutPass} from '../../src/print/layout.js'
import {root} from '../helpers.js'

describe('the layout pass’s page box', () => {
  it.each([
    ['@page { size: A4; margin: 24mm 20mm 22mm 20mm; }', 170, 251],
    ['@page { size: A4 landscape; margin: 10mm }', 277, 190],
    ['@page { size: letter; margin: 1in }', 165.1, 228.6],
    ['@page { size: 100mm 200mm; margin: 1cm 2cm }', 60, 180],
    ['@page { margin: 0 }', 210, 297],
    // A later unnamed rule wins, as in the cascade; named pages and margin boxes are not the default page.
    ['@page { size: A4; margin: 10mm } @page cover { margin: 0 } @page { margin: 20mm; @top-left { content: "x" } }', 170, 257],
    ['/* @page { margin: 50mm } */ @page { size: A5; margin: 12pt }', 148 - (24 * 25.4) / 72, 210 - (24 * 25.4) / 72],
  ])('%s has a content area of %d × %d mm', (css, width, height) => {
    const area = pageArea(css)!
    expect(area.width).toBeCloseTo(width, 5)
    expect(area.height).toBeCloseTo(height, 5)
  })

  it.each([
    ['no @page rule', 'body { margin: 0 }'],
    ['a length it cannot convert', '@page { size: A4; margin: 5vw }'],
    ['a paper size it does not know', '@page { size: B9 }'],
    ['margins wider than the paper', '@page { size: A5; margin: 80mm }'],
  ])('is unknown with %s, so the print stage drafts', (_, css) => {
    expect(pageArea(css)).toBeUndefined()
  })

  it('is the default theme’s A4 less its margins', () => {
    const css = fs.readFileSync(path.join(root, 'templates/default/style.css'), 'utf8')
    expect(pageArea(css)).toEqual({width: 170, height: 251})
  })
})

describe('the layout pass’s column rules', () => {
  it('turns every forced page break into a column break, a break avoided on pages into one avoided anywhere, and a box on a named page into one column', () => {
    const rules = columnRules(`.a { break-before: page } .b { color: red; page-break-after: always } .c { break-after: avoid }
@media print { .d { break-before: right } } .cover { page: cover; height: 297mm } .e { page: auto } .f { break-inside: avoid-page; margin: 0 }`)
    expect(rules).toContain('.f { break-inside: avoid !important }')
    expect(rules).toContain('.a { break-before: column !important }')
    expect(rules).toContain('.b { break-after: column !important }')
    expect(rules).toContain('.d { break-before: column !important }')
    expect(rules).toMatch(/\.cover \{ break-before: column !important; break-after: column !important; height: var\(--exchange-column-height\)/)
    expect(rules).not.toMatch(/\.[ce] \{/)
  })

  it('goes last in the head, never into the body (where the notes are)', () => {
    fc.assert(
      fc.property(fc.string(), (body) => {
        const html = `<!doctype html><html><head><style>@page { size: A4; margin: 20mm }</style></head><body>${body.replace(/<\/head>/gi, '')}</body></html>`
        const pass = withLayoutPass(html)!
        const headEnd = pass.html.indexOf('</head>')
        expect(pass.html.slice(0, headEnd)).toMatch(/<style data-exchange-layout-pass>[^]*<\/style>$/)
        expect(pass.html.slice(headEnd)).toBe(html.slice(html.indexOf('</head>')))
        expect(pass.column).toBeCloseTo((170 * 96) / 25.4, 5)
      }),
    )
  })

  it('reads the CSS of every style element', () => {
    expect(inlineCss('<style>a{}</style><p>x</p><STYLE media="print">b{}</STYLE>')).toBe('a{}\nb{}')
  })
})
