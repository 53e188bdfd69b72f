/**
 * A theme: `report.hbs`, partials in `partials/*.hbs`, and `style.css` whose
 * `url(fonts/…)` references are inlined as `data:` URIs. Templates are
 * compiled once per theme folder, in a Handlebars environment of their own.
 */
import fs from 'node:fs'
import path from 'node:path'
import Handlebars from 'handlebars'
import {UsageError} from '../errors.js'
import {templatesDir} from '../paths.js'
import {folderKey} from '../util/folder-files.js'

export interface Theme {
  dir: string
  name: string
  render: (view: unknown) => string
  /** The theme's CSS with fonts and images inlined. */
  css: string
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
  const partialsDir = path.join(folder, 'partials')
  if (fs.existsSync(partialsDir)) {
    for (const name of fs.readdirSync(partialsDir).sort()) {
      if (!name.endsWith('.hbs')) continue
      handlebars.registerPartial(name.slice(0, -4), compile(handlebars, path.join(partialsDir, name)))
    }
  }
  const template = compile(handlebars, layout)
  const cssFile = path.join(folder, 'style.css')
  const css = fs.existsSync(cssFile) ? inlineUrls(fs.readFileSync(cssFile, 'utf8'), folder, cssFile) : ''
  const theme: Theme = {dir: folder, name: path.basename(folder), render: (view) => template(view), css}
  cache.set(key, theme)
  return theme
}


function compile(handlebars: typeof Handlebars, file: string): Handlebars.TemplateDelegate {
  const source = fs.readFileSync(file, 'utf8')
  try {
    handlebars.parse(source) // syntax errors surface here, not halfway through a batch
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
  return handlebars.compile(source)
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
