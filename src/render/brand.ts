/**
 * A brand folder: `brand.yaml` plus the logos and fonts it names. Assets are
 * read once and inlined as `data:` URIs so the report is one self-contained
 * file. Everything is validated on load: an unknown key, a bad colour or a
 * missing file is a `UsageError` (exit 2) naming the key and its line.
 */
import fs from 'node:fs'
import path from 'node:path'
import {isMap, isScalar, LineCounter, parseDocument} from 'yaml'
import {UsageError} from '../errors.js'
import {templatesDir} from '../paths.js'
import type {Diagnostic} from '../types.js'
import {brandContrast, type ContrastProblem} from './contrast.js'
import {folderKey} from '../util/folder-files.js'

export interface BrandColours {
  primary: string
  accent: string
  text: string
  background: string
  muted: string
}

/** A font file of the brand, inlined. */
export interface BrandFontFace {
  family: string
  /** CSS font-weight, 100–900. */
  weight: number
  style: 'normal' | 'italic'
  /** The font file as a `data:` URI. */
  src: string
  /** CSS `format()` hint: `woff2`, `woff`, `truetype`, `opentype`. */
  format: string
}

export interface BrandFonts {
  /** Family for body text; one of the families in `faces`. */
  body?: string
  /** Family for headings; one of the families in `faces`. */
  headings?: string
  faces: BrandFontFace[]
}

export interface Brand {
  /** Folder the brand was read from. */
  dir: string
  /** The `brand.yaml` file. */
  file: string
  /** The organisation publishing the report. */
  name: string
  /** Logo as a `data:` URI. */
  logo?: string
  /** Partner logos by partner name (as written in the front matter `partner`), as `data:` URIs. */
  partnerLogos: Record<string, string>
  colours: BrandColours
  footer?: string
  /** The "about the series" text; paragraphs separated by blank lines. */
  about?: string
  contact?: string
  /** Font files that replace the theme's fonts. */
  fonts: BrandFonts
  /** Where each key was written in brand.yaml (`colours.primary` → line and column), for diagnostics. */
  positions: Record<string, {line: number; column: number}>
}

/** The keys brand.yaml may have. */
export const brandKeys = ['name', 'logo', 'partner_logos', 'colours', 'colors', 'fonts', 'footer', 'about', 'contact'] as const

export const defaultBrandDir = path.join(templatesDir, 'brand')

const defaultColours: BrandColours = {
  primary: '#1f3a5f',
  accent: '#c8553d',
  text: '#1d1d1b',
  background: '#ffffff',
  muted: '#5b6470',
}

const mimeTypes: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
}

/** Read a file as a `data:` URI, or undefined when it is not an image we know. */
export function dataUri(file: string): string | undefined {
  const type = mimeTypes[path.extname(file).toLowerCase()]
  if (!type) return undefined
  return `data:${type};base64,${fs.readFileSync(file).toString('base64')}`
}

const fontFormats: Record<string, {type: string; format: string}> = {
  '.woff2': {type: 'font/woff2', format: 'woff2'},
  '.woff': {type: 'font/woff', format: 'woff'},
  '.ttf': {type: 'font/ttf', format: 'truetype'},
  '.otf': {type: 'font/otf', format: 'opentype'},
}

const cache = new Map<string, Brand>()

/** Load and validate a brand folder (cached per folder and the modification times of its files). */
export function loadBrand(dir: string = defaultBrandDir): Brand {
  const folder = path.resolve(dir)
  const file = path.join(folder, 'brand.yaml')
  if (!fs.existsSync(file)) {
    throw new UsageError(`Cannot find \`brand.yaml\` in brand folder \`${dir}\``, {
      file: dir,
      rule: 'brand',
      hint: 'point --brand at a folder with a brand.yaml (run `exchange init` to get one to copy)',
    })
  }
  // Every file, not only brand.yaml: a logo replaced under a running --watch must show.
  const key = folderKey(folder)
  const cached = cache.get(key)
  if (cached) return cached

  const lineCounter = new LineCounter()
  const source = fs.readFileSync(file, 'utf8')
  const document = parseDocument(source, {lineCounter})
  const at = (keys: Array<string | number>) => {
    const node = document.getIn(keys, true) as {range?: [number, number, number]} | undefined
    const {line, col} = lineCounter.linePos(node?.range?.[0] ?? 0)
    return {line, column: col}
  }
  const problem = document.errors[0]
  if (problem) {
    const {line, col} = lineCounter.linePos(problem.pos[0])
    throw new UsageError(`Cannot read brand.yaml: ${problem.message.split('\n')[0]}`, {file, line, column: col, rule: 'brand', hint: 'fix the YAML'})
  }
  if (!isMap(document.contents)) {
    throw new UsageError('Unexpected brand.yaml that is not a set of `key: value` lines', {file, line: 1, column: 1, rule: 'brand', hint: 'see `exchange init` for an example brand'})
  }
  const data = document.toJS() as Record<string, unknown>
  for (const key of Object.keys(data)) {
    if (!(brandKeys as readonly string[]).includes(key)) {
      const pair = isMap(document.contents) ? document.contents.items.find((item) => (item.key as {value?: unknown} | null)?.value === key) : undefined
      const {line, col} = lineCounter.linePos((pair?.key as {range?: [number, number, number]} | null)?.range?.[0] ?? 0)
      throw new UsageError(`Unexpected key \`${key}\` in brand.yaml, expected one of ${brandKeys.filter((name) => name !== 'colors').join(', ')}`, {
        file,
        line,
        column: col,
        rule: 'brand',
        hint: 'correct or remove the key (see the brand folder `exchange init` writes)',
      })
    }
  }

  const text = (key: string): string | undefined => {
    const value = data[key]
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string') {
      throw new UsageError(`Unexpected \`${key}\` in brand.yaml, expected text`, {file, ...at([key]), rule: 'brand', hint: `correct \`${key}\``})
    }
    return value.trim()
  }
  const asset = (relative: unknown, keys: string[]): string => {
    if (typeof relative !== 'string' || relative.trim() === '') {
      throw new UsageError(`Unexpected \`${keys.join('.')}\` in brand.yaml, expected the path of an image file`, {file, ...at(keys), rule: 'brand', hint: 'give a path relative to the brand folder'})
    }
    const target = path.resolve(folder, relative)
    if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
      throw new UsageError(`Missing brand asset \`${relative}\` (\`${keys.join('.')}\`)`, {
        file,
        ...at(keys),
        rule: 'brand',
        hint: `add the file to ${dir} or correct the path in brand.yaml`,
      })
    }
    const uri = dataUri(target)
    if (!uri) {
      throw new UsageError(`Unexpected brand asset \`${relative}\`: not an image exchange can inline`, {
        file,
        ...at(keys),
        rule: 'brand',
        hint: `use ${Object.keys(mimeTypes).join(', ')}`,
      })
    }
    return uri
  }

  const colours = {...defaultColours}
  const positions: Brand['positions'] = {}
  const colourKey = data.colours === undefined ? 'colors' : 'colours'
  const given = data.colours ?? data.colors
  if (given !== undefined) {
    if (!given || typeof given !== 'object' || Array.isArray(given)) {
      throw new UsageError('Unexpected `colours` in brand.yaml, expected `primary`, `accent`, `text`, … keys', {file, ...at(['colours']), rule: 'brand'})
    }
    for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
      if (!(name in colours)) {
        throw new UsageError(`Unexpected colour \`${name}\` in brand.yaml, expected one of ${Object.keys(colours).join(', ')}`, {file, ...at(['colours', name]), rule: 'brand'})
      }
      if (value === null || value === undefined) {
        // `primary: #0b6e4f` unquoted: YAML reads ` #…` as a comment, so the colour is empty.
        const keyPlace = colourKeyPlace(document, colourKey, name, lineCounter)
        const line = source.split(/\r?\n/)[keyPlace.line - 1] ?? ''
        const comment = /:\s+(#[0-9a-z]*)/i.exec(line)?.[1]
        throw new UsageError(`Unexpected colour \`${name}\` with no value in brand.yaml${comment ? `: \`${comment}\` after a space is a YAML comment, not a value` : ''}`, {
          file,
          ...keyPlace,
          rule: 'brand',
          hint: `quote the colour: \`${name}: "${comment && comment.length > 1 ? comment : '#1f3a5f'}"\``,
        })
      }
      if (typeof value !== 'string' || !/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) {
        throw new UsageError(`Unexpected colour \`${name}: ${String(value)}\` in brand.yaml, expected a hex colour like #1f3a5f`, {file, ...at(['colours', name]), rule: 'brand'})
      }
      colours[name as keyof BrandColours] = value
      positions[`colours.${name}`] = at([colourKey, name])
    }
  }

  const partnerLogos: Record<string, string> = {}
  const partners = data.partner_logos
  if (partners !== undefined && partners !== null) {
    if (typeof partners !== 'object' || Array.isArray(partners)) {
      throw new UsageError('Unexpected `partner_logos` in brand.yaml, expected `Partner name: logo file` lines', {file, ...at(['partner_logos']), rule: 'brand'})
    }
    for (const [name, relative] of Object.entries(partners as Record<string, unknown>)) {
      partnerLogos[name] = asset(relative, ['partner_logos', name])
    }
  }

  const fonts = readFonts(data.fonts, {file, dir, folder, at})

  const brand: Brand = {
    dir: folder,
    file,
    name: text('name') ?? 'exchange',
    logo: data.logo === undefined || data.logo === null ? undefined : asset(data.logo, ['logo']),
    partnerLogos,
    colours,
    footer: text('footer'),
    about: text('about'),
    contact: text('contact'),
    fonts,
    positions,
  }
  cache.set(key, brand)
  return brand
}

interface FontContext {
  file: string
  dir: string
  folder: string
  at: (keys: Array<string | number>) => {line: number; column: number}
}

/**
 * `fonts:` — `body` and `headings` name a family; `files` lists the font
 * files, each `{file, family, weight, style}`. Every family named must have
 * a file: a report never depends on the fonts of the machine that prints it.
 */
function readFonts(value: unknown, {file, dir, folder, at}: FontContext): BrandFonts {
  const fonts: BrandFonts = {faces: []}
  if (value === undefined || value === null) return fonts
  const fail = (message: string, keys: Array<string | number>, hint = 'see the `fonts` example in the brand folder `exchange init` writes'): never => {
    throw new UsageError(message, {file, ...at(keys), rule: 'brand', hint})
  }
  if (typeof value !== 'object' || Array.isArray(value)) fail('Unexpected `fonts` in brand.yaml, expected `body`, `headings` and `files` keys', ['fonts'])
  const given = value as Record<string, unknown>
  for (const key of Object.keys(given)) {
    if (!['body', 'headings', 'files'].includes(key)) fail(`Unexpected key \`fonts.${key}\` in brand.yaml, expected body, headings or files`, ['fonts', key])
  }
  const files = given.files ?? []
  if (!Array.isArray(files)) fail('Unexpected `fonts.files` in brand.yaml, expected a list of `{file, family, weight, style}`', ['fonts', 'files'])
  ;(files as unknown[]).forEach((entry, index) => {
    const keys = ['fonts', 'files', index]
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) fail(`Unexpected \`fonts.files[${index}]\` in brand.yaml, expected \`{file, family, weight, style}\``, keys)
    const face = entry as Record<string, unknown>
    if (typeof face.family !== 'string' || face.family.trim() === '') fail(`Missing \`family\` in \`fonts.files[${index}]\` of brand.yaml`, keys)
    if (typeof face.file !== 'string' || face.file.trim() === '') fail(`Missing \`file\` in \`fonts.files[${index}]\` of brand.yaml`, keys)
    const relative = (face.file as string).trim()
    const target = path.resolve(folder, relative)
    if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
      fail(`Missing brand asset \`${relative}\` (\`fonts.files[${index}].file\`)`, [...keys, 'file'], `add the font file to ${dir} or correct the path in brand.yaml`)
    }
    const kind = fontFormats[path.extname(target).toLowerCase()]
    if (!kind) fail(`Unexpected font file \`${relative}\`, expected ${Object.keys(fontFormats).join(', ')}`, [...keys, 'file'])
    const weight = face.weight === undefined ? 400 : face.weight === 'normal' ? 400 : face.weight === 'bold' ? 700 : face.weight
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 100 || weight > 900 || weight % 100 !== 0) {
      fail(`Unexpected \`weight: ${String(face.weight)}\` in \`fonts.files[${index}]\` of brand.yaml, expected 100, 200, … 900`, [...keys, 'weight'])
    }
    const style = face.style ?? 'normal'
    if (style !== 'normal' && style !== 'italic') fail(`Unexpected \`style: ${String(style)}\` in \`fonts.files[${index}]\` of brand.yaml, expected normal or italic`, [...keys, 'style'])
    fonts.faces.push({
      family: (face.family as string).trim(),
      weight: weight as number,
      style: style as 'normal' | 'italic',
      src: `data:${kind!.type};base64,${fs.readFileSync(target).toString('base64')}`,
      format: kind!.format,
    })
  })
  for (const role of ['body', 'headings'] as const) {
    const family = given[role]
    if (family === undefined || family === null) continue
    if (typeof family !== 'string' || family.trim() === '') fail(`Unexpected \`fonts.${role}\` in brand.yaml, expected a font family name`, ['fonts', role])
    const name = (family as string).trim()
    if (!fonts.faces.some((face) => face.family === name)) {
      fail(`Unexpected \`fonts.${role}: ${name}\` in brand.yaml without a font file`, ['fonts', role], `add a \`files\` entry with \`family: ${name}\`: reports never depend on the fonts installed where they are printed`)
    }
    fonts[role] = name
  }
  return fonts
}

/** Where the key `colours.NAME` is written (its value may be empty: a null node has no place). */
function colourKeyPlace(document: ReturnType<typeof parseDocument>, colourKey: string, name: string, lineCounter: LineCounter): {line: number; column: number} {
  const map = document.get(colourKey, true)
  const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === name) : undefined
  const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined
  const {line, col} = lineCounter.linePos(offset ?? 0)
  return {line, column: col}
}

/**
 * The brand's contrast problems as warnings (rule `contrast`), located at the
 * colour in brand.yaml. Pure: the build adds them to the report's diagnostics.
 */
export function brandDiagnostics(brand: Brand): Diagnostic[] {
  return brandContrast(brand.colours).map((problem: ContrastProblem) => {
    const key = problem.pair.foreground === 'white' ? problem.pair.background : problem.pair.foreground
    const place = brand.positions[`colours.${key}`] ?? brand.positions[`colours.${problem.pair.background}`] ?? {line: 1, column: 1}
    return {file: brand.file, line: place.line, column: place.column, severity: 'warning' as const, rule: 'contrast', message: problem.message}
  })
}
