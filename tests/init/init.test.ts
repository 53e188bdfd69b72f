import fs from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {init, scaffoldFiles} from '../../src/init/index.js'
import {loadBrand} from '../../src/render/brand.js'
import {loadTheme} from '../../src/render/theme.js'
import {runCli, tempDir} from '../helpers.js'

describe('exchange init', () => {
  it('scaffolds notes, exchange.yaml, a brand and a copy of the theme, and says what to do next', async () => {
    const cwd = tempDir()
    const {code, stdout, stderr} = await runCli(['init', 'my-report'], cwd)
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const dir = path.join(cwd, 'my-report')
    for (const file of ['notes.md', 'exchange.yaml', 'brand/brand.yaml', 'brand/logo.svg', 'theme/report.hbs', 'theme/style.css', 'theme/partials/cover.hbs', 'theme/fonts/OFL.txt']) {
      expect(fs.existsSync(path.join(dir, file)), file).toBe(true)
    }
    expect(stdout).toContain('Scaffolded `my-report`:')
    expect(stdout).toMatch(/Next steps:\n {2}cd my-report\n/)
    expect(stdout).toContain('exchange build notes.md')
    // `exchange` on the registry is someone else's package: the next step never sends a new user to it.
    expect(stdout).not.toMatch(/npx exchange\b/)
    expect(stdout).toContain('npx @exchange-reports/cli build notes.md')
  })

  it('writes a brand and a theme that load as they are', () => {
    const {dir} = init('.', {cwd: tempDir()})
    const brand = loadBrand(path.join(dir, 'brand'))
    expect(brand.logo).toMatch(/^data:image\/svg\+xml/)
    expect(Object.keys(brand.partnerLogos)).toEqual(['Partner Organisation'])
    expect(loadTheme(path.join(dir, 'theme')).css).toContain('@font-face')
  })

  it('writes exchange.yaml with a key for every build flag, documented', () => {
    const {dir} = init('.', {cwd: tempDir()})
    const text = fs.readFileSync(path.join(dir, 'exchange.yaml'), 'utf8')
    expect(parse(text)).toEqual({out: 'out', format: ['html', 'pdf'], brand: 'brand', theme: 'theme', profile: 'insights-report', timeout: 60, strict: false})
    for (const key of ['attendees', 'concurrency']) expect(text).toMatch(new RegExp(`^# ${key}: `, 'm'))
    expect(text).toContain('flags > EXCHANGE_* environment variables')
  })

  it('documents the front matter inline, and the notes build as they are', async () => {
    const cwd = tempDir()
    init('.', {cwd})
    const notes = fs.readFileSync(path.join(cwd, 'notes.md'), 'utf8')
    const lines = notes.split('\n')
    for (const key of ['title', 'series', 'date', 'host', 'partner', 'venue', 'participants', 'attendees', 'share', 'foreword_by', 'brand', 'profile']) {
      const at = lines.findIndex((line) => new RegExp(`^#? ?${key}:`).test(line))
      expect(at, key).toBeGreaterThan(0)
      // A comment on the line itself or on the line above says what it is.
      expect(/:.*#/.test(lines[at]!) || lines[at - 1]!.startsWith('#'), key).toBe(true)
    }
    // No flags: exchange.yaml names the brand and the theme.
    fs.appendFileSync(path.join(cwd, 'theme/style.css'), '\n.scaffolded-theme-marker {}\n')
    const {code, stderr} = await runCli(['build', 'notes.md', '-f', 'html,md'], cwd, {})
    expect(stderr).not.toMatch(/ error /)
    expect(code).toBe(0)
    const html = fs.readFileSync(path.join(cwd, 'out/notes.html'), 'utf8')
    expect(html).toContain('.scaffolded-theme-marker')
    expect(html).toContain('Your Organisation · Innovation Exchange')
    const report = fs.readFileSync(path.join(cwd, 'out/notes.md'), 'utf8')
    expect(report).toContain('# Working with communities, not for them')
    for (const name of ['Alex', 'Morgan', 'Okoye', 'Sammy', 'Robin Hale']) expect(report).not.toContain(name)
  })

  it('refuses to overwrite anything, and then writes nothing at all', async () => {
    const cwd = tempDir({'notes.md': 'my own notes', 'theme/style.css': 'my css'})
    const {code, stderr} = await runCli(['init'], cwd)
    expect(code).toBe(2)
    expect(stderr).toBe('.  error  Refusing to overwrite `notes.md`, `theme/style.css` in `.`: nothing was written — run `exchange init` in a new folder (`exchange init my-report`), or move those files away first  [exchange:init]\n')
    expect(fs.readFileSync(path.join(cwd, 'notes.md'), 'utf8')).toBe('my own notes')
    expect(fs.existsSync(path.join(cwd, 'exchange.yaml'))).toBe(false)
    expect(fs.existsSync(path.join(cwd, 'brand'))).toBe(false)
  })

  it('refuses a path that is a file', () => {
    const cwd = tempDir({'taken': 'x'})
    expect(() => init('taken', {cwd})).toThrow(UsageError)
    expect(() => init('taken', {cwd})).toThrow('Cannot scaffold into `taken`: it is a file')
  })

  it('scaffolds from files shipped in templates/ (the published package has no examples/)', () => {
    for (const {source} of scaffoldFiles()) expect(source).toMatch(/[/\\]templates[/\\]/)
  })
})
