/**
 * `expandInputs`: outputs never leave the output folder, links are followed
 * only inside the input root, the same file is built once, and two files
 * that would write the same report are refused.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {commonFolder, expandInputs, outputPath, staticBase} from '../../src/engine/inputs.js'
import {readNotes} from '../../src/engine/read.js'
import {ExchangeError, UsageError} from '../../src/errors.js'
import {tempDir} from '../helpers.js'

const note = (text: string) => `## Barriers\n\n- ${text} #challenge\n`

describe('expandInputs: outputs stay in the output folder', () => {
  it('mirrors a folder under the output folder', async () => {
    const dir = tempDir({'notes/2019/march.md': note('a'), 'notes/2020/april.markdown': note('b')})
    const inputs = await expandInputs(['notes'], dir)
    expect(inputs.map((input) => [input.display, input.output])).toEqual([
      ['notes/2019/march.md', '2019/march'],
      ['notes/2020/april.markdown', '2020/april'],
    ])
  })

  it('keeps the outputs of a glob with `..` after a wildcard inside the output folder', async () => {
    const dir = tempDir({'a/b/one.md': note('one'), 'outside/two.md': note('two')})
    const inputs = await expandInputs(['a/*/../../outside/*.md', 'a/**/*.md'], dir)
    for (const input of inputs) {
      expect(input.output).not.toMatch(/(^|\/)\.\.(\/|$)/)
      expect(path.isAbsolute(input.output)).toBe(false)
    }
    expect(inputs.map((input) => input.output).sort()).toEqual(['b/one', 'outside/two'])
  })

  it('keeps the output of a file named with `..` to its own name', async () => {
    const dir = tempDir({'elsewhere/notes.md': note('a'), 'here/.keep': ''})
    const inputs = await expandInputs(['../elsewhere/notes.md'], path.join(dir, 'here'))
    expect(inputs).toMatchObject([{output: 'notes', display: path.join(dir, 'elsewhere/notes.md')}])
  })

  it('never makes an output path that climbs out, whatever it is given', () => {
    expect(outputPath('/x/notes/a.md', '/x/notes')).toBe('a')
    expect(outputPath('/x/other/a.md', '/x/notes')).toBe('a')
    expect(outputPath('/x/notes/..md', '/x/notes')).toBe('__notes')
    expect(outputPath('/x/notes/.md', '/x/notes')).toBe('_notes')
    expect(staticBase('/abs/*.md')).toBe('/abs')
    expect(staticBase('*.md')).toBe('.')
    expect(commonFolder(['/a/b/c', '/a/b/d/e', '/a/x'])).toBe('/a')
  })

  it('refuses two notes files that would write the same report, naming both', async () => {
    const dir = tempDir({'may/notes.md': note('a'), 'june/Notes.md': note('b'), 'same/a.md': note('c'), 'same/a.markdown': note('d')})
    await expect(expandInputs(['may/notes.md', 'june/Notes.md'], dir)).rejects.toThrow('Unexpected notes files `may/notes.md` and `june/Notes.md` that would both write the report `Notes`')
    await expect(expandInputs(['same'], dir)).rejects.toBeInstanceOf(UsageError)
  })

  it('leaves out the folders it is told to (the output folder), unless a file there is named', async () => {
    const dir = tempDir({'notes/a.md': note('a'), 'notes/out/a.md': note('old output')})
    expect((await expandInputs(['notes'], dir, {exclude: ['notes/out']})).map((input) => input.display)).toEqual(['notes/a.md'])
    expect((await expandInputs(['notes/out/a.md'], dir, {exclude: ['notes/out']})).map((input) => input.display)).toEqual(['notes/out/a.md'])
  })
})

describe('expandInputs: symbolic links are followed only inside the input root', () => {
  const setup = () => {
    const dir = tempDir({'notes/a.md': note('a'), 'notes/sub/b.md': note('b'), 'notes/drafts.txt': note('draft'), 'private/secret.md': note('secret'), 'private/more/deep.md': note('deep')})
    const link = (target: string, at: string) => fs.symlinkSync(target, path.join(dir, at))
    link('a.md', 'notes/same-as-a.md') // a second name for a note beside it
    link('../a.md', 'notes/sub/up.md') // inside the root, another folder
    link('drafts.txt', 'notes/drafts.md') // inside, to a file not otherwise a note
    link('../private/secret.md', 'notes/secret.md') // a file out of the root
    link('../private', 'notes/private') // a folder out of the root
    link('..', 'notes/parent') // a loop through the parent
    link('/etc/passwd', 'notes/passwd.md') // an absolute link out
    return dir
  }

  it('builds each note once, under its own name; a link inside the root to a file not otherwise a note is followed', async () => {
    const dir = setup()
    const inputs = await expandInputs(['notes'], dir)
    const inside = inputs.filter((input) => !fs.lstatSync(input.path).isSymbolicLink())
    expect(inside.map((input) => input.display).sort()).toEqual(['notes/a.md', 'notes/drafts.md', 'notes/sub/b.md'])
    expect(String(readNotes(inside.find((input) => input.display === 'notes/drafts.md')!.path, 'notes/drafts.md').value)).toBe(note('draft'))
  })

  it('keeps each notes file that is a link out of the root as the link, which readNotes refuses, and walks no folder out of it', async () => {
    const dir = setup()
    fs.symlinkSync('nowhere.md', path.join(dir, 'notes/broken.md'))
    const inputs = await expandInputs(['notes'], dir)
    const refused = inputs.filter((input) => {
      try {
        readNotes(input.path, input.display)
        return false
      } catch (error) {
        expect(error).toBeInstanceOf(ExchangeError)
        expect((error as ExchangeError).rule).toBe('symlink')
        return true
      }
    })
    expect(refused.map((input) => input.display).sort()).toEqual(['notes/broken.md', 'notes/passwd.md', 'notes/secret.md'])
    // With the root, as a batch can pass it, the same are refused.
    for (const input of refused) expect(() => readNotes(input.path, input.display, {root: input.root})).toThrow(/symbolic link/)
    // Nothing under the folder link out of the root, nor through the loop, is listed.
    expect(inputs.map((input) => input.display).sort()).toEqual(['notes/a.md', 'notes/broken.md', 'notes/drafts.md', 'notes/passwd.md', 'notes/secret.md', 'notes/sub/b.md'])
  })

  it('walks a folder link inside the root once, however many ways lead to it', async () => {
    const dir = tempDir({'notes/2024/a.md': note('a')})
    fs.symlinkSync('2024', path.join(dir, 'notes/latest'))
    fs.symlinkSync('.', path.join(dir, 'notes/2024/again'))
    const inputs = await expandInputs(['notes'], dir)
    expect(inputs.map((input) => [input.display, input.output])).toEqual([['notes/2024/a.md', '2024/a']])
  })

  it('follows a link named on its own, wherever it points: the user chose it', async () => {
    const dir = setup()
    const [input] = await expandInputs(['notes/secret.md'], dir)
    expect(String(readNotes(input!.path, input!.display, {root: input!.root}).value)).toBe(note('secret'))
    expect(input!.output).toBe('secret')
  })

  it('follows no link in a glob', async () => {
    const dir = setup()
    const displays = (await expandInputs(['notes/**/*.md'], dir)).map((input) => input.display).sort()
    expect(displays).toEqual(['notes/a.md', 'notes/sub/b.md'])
  })
})
