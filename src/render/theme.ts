/**
 * A theme: `report.hbs`, partials in `partials/*.hbs`, and `style.css` whose
 * `url(fonts/…)` references are inlined as `data:` URIs. Templates are
 * compiled once per theme folder, in a Handlebars environment of their own.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import Handlebars from 'handlebars'
import {UsageError} from '../errors.js'
import {packageRoot, templatesDir} from '../paths.js'

const require = createRequire(import.meta.url)
import {folderKey} from '../util/folder-files.js'

export interface Theme {
  dir: string
  name: string
  render: (view: unknown) => string
  /** The theme's CSS with fonts and images inlined. */
  css: string
  /** Its templates came compiled with the package (they are the default theme's), not compiled on load. */
  precompiled: boolean
}

export const defaultThemeDir = path.join(templatesDir, 'default')

const fontTypes: Record<string, string> = {'.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.otf': 'font/otf', '.svg': 'image/svg+xml', '.png': 'image/png'}

const cache = new Map<string, Theme>()

export function loadTheme(dir: string = defaultThemeDir): Theme {
  const folder = path.resolve(dir)
  const layout = path.join(folder, 'report.hbs')
  if (!fs.existsSync(layout)) {
    throw new UsageError(`Cannot find \`report.hbs\` in theme folder \`${dir}\``, {
      file: dir,
      rule: 'theme',
      hint: 'point at a theme folder with report.hbs, partials/ and style.css (run `exchange init` to get a copy of the default theme)',
    })
  }
  const key = folderKey(folder)
  const cached = cache.get(key)
  if (cached) return cached

  const handlebars = Handlebars.create()
  const sources = templateSources(folder)
  const precompiled = precompiledFor(sources)
  let template: Handlebars.TemplateDelegate | undefined
  for (const {name, file, source} of sources) {
    const delegate = precompiled?.[name] ? handlebars.template(precompiled[name]) : compile(handlebars, file, source)
    if (name === layoutName) template = delegate
    else handlebars.registerPartial(name, delegate)
  }
  const cssFile = path.join(folder, 'style.css')
  const css = fs.existsSync(cssFile) ? inlineUrls(fs.readFileSync(cssFile, 'utf8'), folder, cssFile) : ''
  const theme: Theme = {dir: folder, name: path.basename(folder), render: (view) => template!(view), css, precompiled: Boolean(precompiled)}
  cache.set(key, theme)
  return theme
}


/** Name of the layout among a theme's templates (partials are named after their files). */
export const layoutName = 'report'

export interface TemplateSource {
  /** `report` for the layout, else the partial's name. */
  name: string
  file: string
  source: string
}

/** A theme's templates: its layout, then its partials by name. */
export function templateSources(folder: string): TemplateSource[] {
  const layout = path.join(folder, 'report.hbs')
  const sources: TemplateSource[] = [{name: layoutName, file: layout, source: fs.readFileSync(layout, 'utf8')}]
  const partialsDir = path.join(folder, 'partials')
  if (fs.existsSync(partialsDir)) {
    for (const name of fs.readdirSync(partialsDir).sort()) {
      if (!name.endsWith('.hbs')) continue
      const file = path.join(partialsDir, name)
      sources.push({name: name.slice(0, -4), file, source: fs.readFileSync(file, 'utf8')})
    }
  }
  return sources
}

/** What a theme's templates say, whatever folder they are in. */
export function templatesHash(sources: TemplateSource[]): string {
  const hash = createHash('sha256')
  for (const {name, source} of sources) hash.update(`${name}\0${source}\0`)
  return hash.digest('hex')
}

/**
 * The default theme's templates, compiled to JavaScript when the package is
 * built (`scripts/precompile.mjs`): compiling them costs a one-off
 * report some 40 ms. Used for any theme folder whose templates are the same
 * (a copy from `exchange init` that has not been edited), else none.
 */
export const precompiledFile = path.join(packageRoot, 'dist', 'default-theme.cjs')

type Specs = Record<string, TemplateSpecification>
type TemplateSpecification = Parameters<typeof Handlebars.template>[0]
let precompiled: {hash: string; templates: Specs} | null | undefined
function precompiledFor(sources: TemplateSource[]): Specs | undefined {
  if (precompiled === undefined) {
    try {
      precompiled = require(precompiledFile) as {hash: string; templates: Specs}
    } catch {
      precompiled = null
    }
  }
  return precompiled && precompiled.hash === templatesHash(sources) ? precompiled.templates : undefined
}

function compile(handlebars: typeof Handlebars, file: string, source: string): Handlebars.TemplateDelegate {
  let program: ReturnType<typeof Handlebars.parse>
  try {
    program = handlebars.parse(source) // syntax errors surface here, not halfway through a batch
  } catch (error) {
    const line = /line (\d+)/i.exec((error as Error).message)?.[1]
    throw new UsageError(`Cannot compile template: ${(error as Error).message.split('\n')[0]}`, {
      file,
      line: line ? Number(line) : undefined,
      rule: 'theme',
      hint: 'fix the Handlebars syntax',
      cause: error,
    })
  }
  return handlebars.compile(program)
}

/** Inline `url(relative)` references in CSS as `data:` URIs; remote URLs are refused. */
function inlineUrls(css: string, folder: string, file: string): string {
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (whole, _quote, reference: string) => {
    if (reference.startsWith('data:')) return whole
    if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('//')) {
      throw new UsageError(`Unexpected remote URL \`${reference}\` in the theme CSS: reports fetch nothing from the network`, {
        file,
        rule: 'theme',
        hint: 'ship the font or image in the theme folder and refer to it by a relative path',
      })
    }
    const target = path.resolve(folder, reference)
    const type = fontTypes[path.extname(target).toLowerCase()]
    if (!type || !fs.existsSync(target)) {
      throw new UsageError(`Missing theme asset \`${reference}\``, {file, rule: 'theme', hint: `add it to ${folder}`})
    }
    return `url("data:${type};base64,${fs.readFileSync(target).toString('base64')}")`
  })
}
