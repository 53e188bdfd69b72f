/**
 * A brand folder: `brand.yaml` plus the logos it names. Assets are read once
 * and inlined as `data:` URIs so the report is one self-contained file.
 */
import fs from 'node:fs'
import path from 'node:path'
import {isMap, LineCounter, parseDocument} from 'yaml'
import {UsageError} from '../errors.js'
import {templatesDir} from '../paths.js'

export interface BrandColours {
  primary: string
  accent: string
  text: string
  background: string
  muted: string
}

export interface Brand {
  /** Folder the brand was read from. */
  dir: string
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
}

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

const cache = new Map<string, Brand>()

/** Load and validate a brand folder (cached per folder and `brand.yaml` modification time). */
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
  const key = `${folder}:${fs.statSync(file).mtimeMs}`
  const cached = cache.get(key)
  if (cached) return cached

  const lineCounter = new LineCounter()
  const document = parseDocument(fs.readFileSync(file, 'utf8'), {lineCounter})
  const at = (keys: string[]) => {
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
  const given = data.colours ?? data.colors
  if (given !== undefined) {
    if (!given || typeof given !== 'object' || Array.isArray(given)) {
      throw new UsageError('Unexpected `colours` in brand.yaml, expected `primary`, `accent`, `text`, … keys', {file, ...at(['colours']), rule: 'brand'})
    }
    for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
      if (!(name in colours)) {
        throw new UsageError(`Unexpected colour \`${name}\` in brand.yaml, expected one of ${Object.keys(colours).join(', ')}`, {file, ...at(['colours', name]), rule: 'brand'})
      }
      if (typeof value !== 'string' || !/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) {
        throw new UsageError(`Unexpected colour \`${name}: ${String(value)}\` in brand.yaml, expected a hex colour like #1f3a5f`, {file, ...at(['colours', name]), rule: 'brand'})
      }
      colours[name as keyof BrandColours] = value
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

  const brand: Brand = {
    dir: folder,
    name: text('name') ?? 'exchange',
    logo: data.logo === undefined || data.logo === null ? undefined : asset(data.logo, ['logo']),
    partnerLogos,
    colours,
    footer: text('footer'),
    about: text('about'),
    contact: text('contact'),
  }
  cache.set(key, brand)
  return brand
}
