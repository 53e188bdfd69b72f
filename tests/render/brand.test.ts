import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {UsageError} from '../../src/errors.js'
import {brandDiagnostics, defaultBrandDir, loadBrand} from '../../src/render/brand.js'
import {brandContrast, contrastRatio} from '../../src/render/contrast.js'
import {root, runCli, tempDir} from '../helpers.js'

const font = fs.readFileSync(path.join(root, 'templates/default/fonts/source-sans-3-latin-700-normal.woff2'))
const logo = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'

function brandDir(yaml: string, files: Record<string, string | Uint8Array> = {}): string {
  return tempDir({'brand.yaml': yaml, ...files})
}

function fails(dir: string): UsageError {
  try {
    loadBrand(dir)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return error as UsageError
  }
  throw new Error('expected loadBrand to fail')
}

describe('loadBrand', () => {
  // A running --watch loads the brand again on each rebuild: a logo replaced without touching brand.yaml must show.
  it('sees a logo replaced in the folder on the next load, in the same process', () => {
    const dir = brandDir('name: Ours\nlogo: logo.svg\n', {'logo.svg': logo})
    const before = loadBrand(dir).logo
    const later = new Date(Date.now() + 5_000)
    fs.writeFileSync(path.join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"/>')
    fs.utimesSync(path.join(dir, 'logo.svg'), later, later)
    expect(loadBrand(dir).logo).not.toEqual(before)
  })

  it('reads the example brand: name, logos, colours, footer, about, contact', () => {
    const brand = loadBrand(path.join(root, 'examples/brand'))
    expect(brand.name).toBe('Civic Futures Network')
    expect(brand.logo).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Object.keys(brand.partnerLogos)).toEqual(['Harbour Digital', 'Allsop & Reid LLP'])
    expect(brand.colours.primary).toBe('#12395b')
    expect(brand.footer).toContain('Civic Futures Network')
    expect(brand.about).toContain('Innovation Exchanges')
    expect(brand.contact).toContain('hello@civicfutures.example')
    expect(brand.fonts).toEqual({faces: []})
  })

  it('inlines brand fonts and names the families for body text and headings', () => {
    const dir = brandDir('name: B\nfonts:\n  body: House Sans\n  headings: House Sans\n  files:\n    - { file: fonts/house-700.woff2, family: House Sans, weight: 700 }\n', {'fonts/house-700.woff2': font})
    const brand = loadBrand(dir)
    expect(brand.fonts.body).toBe('House Sans')
    expect(brand.fonts.faces).toEqual([{family: 'House Sans', weight: 700, style: 'normal', format: 'woff2', src: `data:font/woff2;base64,${font.toString('base64')}`}])
  })

  it('puts brand fonts in the report, after the theme’s, so they win', () => {
    const dir = brandDir('name: B\nfonts:\n  body: House Sans\n  files:\n    - { file: house.woff2, family: House Sans }\n', {'house.woff2': font})
    const {html} = compileReport(new VFile({path: 'n.md', value: '---\ntitle: T\n---\n\n## Barriers\n\n- a note #challenge\n'}), {brand: dir})
    expect(html).toContain('@font-face { font-family: "House Sans"; font-style: normal; font-weight: 400; src: url("data:font/woff2;base64,')
    expect(html.indexOf('"House Sans"')).toBeGreaterThan(html.indexOf("font-family: 'Source Sans 3'"))
    expect(html).toContain('--font-body: "House Sans";')
  })

  it('refuses a font family without a file: reports never depend on installed fonts', () => {
    const error = fails(brandDir('name: B\nfonts:\n  body: Arial\n'))
    expect(error.message).toBe('Unexpected `fonts.body: Arial` in brand.yaml without a font file')
    expect(error.line).toBe(3)
  })

  it('names a missing logo or font file, and its line (exit 2)', () => {
    const logoError = fails(brandDir('name: B\nlogo: missing.svg\n'))
    expect(logoError.message).toBe('Missing brand asset `missing.svg` (`logo`)')
    expect(logoError.line).toBe(2)
    expect(logoError.exitCode).toBe(2)
    const fontError = fails(brandDir('name: B\nfonts:\n  files:\n    - { file: gone.woff2, family: X }\n'))
    expect(fontError.message).toBe('Missing brand asset `gone.woff2` (`fonts.files[0].file`)')
    expect(fontError.line).toBe(4)
  })

  it('refuses unknown keys, saying which keys it knows', () => {
    const error = fails(brandDir('name: B\ncolour:\n  primary: "#000000"\n'))
    expect(error.message).toBe('Unexpected key `colour` in brand.yaml, expected one of name, logo, partner_logos, colours, fonts, footer, about, contact')
    expect(error.line).toBe(2)
  })

  it('refuses a font weight or style CSS does not have', () => {
    expect(fails(brandDir('fonts:\n  files:\n    - { file: f.woff2, family: X, weight: 450 }\n', {'f.woff2': font})).message).toMatch(/expected 100, 200, … 900/)
    expect(fails(brandDir('fonts:\n  files:\n    - { file: f.woff2, family: X, style: oblique }\n', {'f.woff2': font})).message).toMatch(/expected normal or italic/)
  })

  // The exit code for a bad --brand is the batch's to decide (it validates flags up front: exit 2).
  it('fails the CLI build naming the missing asset and its line', async () => {
    const dir = tempDir({'n.md': '---\ntitle: T\n---\n\n## Barriers\n\n- a note #challenge\n', 'brand/brand.yaml': 'name: B\npartner_logos:\n  P: p.svg\n', 'brand/logo.svg': logo})
    const {code, stderr} = await runCli(['build', 'n.md', '--brand', 'brand', '-f', 'html'], dir)
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/brand\.yaml:3:\d+ +error +Missing brand asset `p\.svg` \(`partner_logos\.P`\)/)
  })
})

describe('brand contrast (WCAG AA)', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#fff', '#fff')).toBe(1)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
  })

  it('passes the shipped brands', () => {
    expect(brandContrast(loadBrand(defaultBrandDir).colours)).toEqual([])
    expect(brandContrast(loadBrand(path.join(root, 'examples/brand')).colours)).toEqual([])
  })

  it('warns with the ratio, at the colour’s line in brand.yaml, rule `contrast`', () => {
    const dir = brandDir('name: Pale\ncolours:\n  primary: "#9fc5e8"\n  muted: "#777777"\n')
    const diagnostics = brandDiagnostics(loadBrand(dir))
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, 'brand.yaml'),
        line: 3,
        column: 12,
        severity: 'warning',
        rule: 'contrast',
        message: 'Unexpected contrast 1.80:1 between `primary` #9fc5e8 and `background` #ffffff (headings, links and headlines), expected at least 4.5:1 (WCAG AA)',
      },
      expect.objectContaining({line: 4, message: expect.stringMatching(/^Unexpected contrast 4\.47:1 between `muted` #777777 and `background` #ffffff/)}),
      expect.objectContaining({line: 3, message: expect.stringMatching(/^Unexpected contrast 1\.80:1 between `white` #ffffff and `primary` #9fc5e8 \(the cover and the about block\)/)}),
    ])
  })

  it('holds large text (section numbers) to 3:1, not 4.5:1', () => {
    const problems = brandContrast({primary: '#1f3a5f', accent: '#e07a2f', text: '#1d1d1b', background: '#ffffff', muted: '#5b6470'})
    expect(contrastRatio('#e07a2f', '#ffffff')).toBeLessThan(4.5)
    expect(problems).toEqual([])
  })
})
