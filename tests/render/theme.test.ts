import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/compile.js'
import {readNotes} from '../../src/engine/read.js'
import {defaultThemeDir, loadTheme, precompiledFile, templateSources, templatesHash} from '../../src/render/theme.js'
import {root, tempDir} from '../helpers.js'

const notes = path.join(root, 'examples/youth-voice-2023.md')

/** A copy of the default theme, with `edit` applied to one partial. */
function themeCopy(edit: (source: string) => string = (source) => source): string {
  const dir = path.join(tempDir(), 'theme')
  fs.cpSync(defaultThemeDir, dir, {recursive: true})
  const partial = path.join(dir, 'partials', fs.readdirSync(path.join(dir, 'partials')).sort()[0]!)
  fs.writeFileSync(partial, edit(fs.readFileSync(partial, 'utf8')))
  return dir
}

const html = (theme: string) => compileReport(readNotes(notes), {theme}).html

describe('the default theme, compiled when the package is built', () => {
  it('is compiled from the templates as they are now (npm run build makes it)', () => {
    const built = createRequire(import.meta.url)(precompiledFile) as {hash: string}
    expect(built.hash).toBe(templatesHash(templateSources(defaultThemeDir)))
  })

  it('is used for the default theme and for an unedited copy of it', () => {
    expect(loadTheme(defaultThemeDir).precompiled).toBe(true)
    expect(loadTheme(themeCopy()).precompiled).toBe(true)
  })

  it('renders the report exactly as the templates compiled on load do', () => {
    // A comment changes the templates' hash and nothing they render.
    const edited = themeCopy((source) => `${source}{{!-- edited --}}`)
    expect(loadTheme(edited).precompiled).toBe(false)
    expect(html(edited)).toBe(html(defaultThemeDir))
  })

  it('is not used for an edited theme: the edit shows', () => {
    const edited = themeCopy((source) => `<p class="edited-marker">edited</p>${source}`)
    expect(loadTheme(edited).precompiled).toBe(false)
    expect(html(edited)).toContain('edited-marker')
    expect(html(defaultThemeDir)).not.toContain('edited-marker')
  })
})
