/**
 * The paranoid audit doubts the rewriter, but a report must still get out: the archive of realistic
 * notes (`shared/tools/make-archive.mjs`, with its traps `reading the room`, `the front page`,
 * `bury the jargon`) passes `check` whole, and the words it was refusing are each tested here.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {check} from '../../src/check.js'
import {createParanoidAuditor} from '../../src/audit/paranoid.js'
import {htmlText} from '../../src/audit/index.js'
import type {Roster} from '../../src/types.js'
import {sharedDir, tempDir} from '../helpers.js'

const roster: Roster = {people: [{name: 'Viktor Page', org: 'Essex County Council', aliases: []}, {name: 'Bill Venables', org: 'Bury Council', aliases: []}, {name: 'Ann Cole', org: 'Reading Borough Council', aliases: []}], share: []}

describe('what the paranoid audit accepts', () => {
  it('reads no class names: the theme’s `toc-page` is not Viktor Page', () => {
    const text = htmlText('<ol><li class="toc-page">3</li></ol><p>Nothing here</p>')
    expect(createParanoidAuditor(roster, {source: 'notes', ordinary: []}).scan(text)).toEqual([])
  })

  it('accepts an organisation’s word the notes wrote in lower case, capitalised at a sentence start', () => {
    const source = '- reading the room is half the job\n- bury the jargon and lead with the outcome\n'
    const auditor = createParanoidAuditor(roster, {source, ordinary: []})
    expect(auditor.scan('Reading the room is half the job')).toEqual([])
    expect(auditor.scan('Bury the jargon and lead with the outcome')).toEqual([])
  })

  it('still flags the organisation where the notes wrote it as a name', () => {
    const source = '- Reading ran the pilot\n- reading the room is half the job\n'
    const auditor = createParanoidAuditor(roster, {source, ordinary: []})
    expect(auditor.scan('Reading ran the pilot').map((suspect) => suspect.text)).toEqual(['Reading'])
  })
})

describe.runIf(sharedDir)('the archive of realistic notes', () => {
  it('passes check whole: 20 reports, none refused', async () => {
    const dir = tempDir()
    execFileSync(process.execPath, [path.join(sharedDir!, 'tools/make-archive.mjs'), '20', dir, '--seed', '7'], {stdio: 'ignore'})
    const files = fs.readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.md'))
    expect(files.length).toBe(20)
    const summary = await check([dir], {cwd: dir})
    const refused = summary.files.filter((file) => !file.ok).map((file) => `${file.input}: ${file.diagnostics.map((diagnostic) => diagnostic.message).join('; ')}`)
    expect(refused).toEqual([])
  })
})

describe('class names from the notes', () => {
  it('never reach the report: the sanitiser drops them, so the audit need not read classes', async () => {
    const {compileReport} = await import('../../src/engine/index.js')
    const {VFile} = await import('vfile')
    const value = '---\ntitle: T\nattendees: [Priya Kaur]\n---\n\n## Barriers\n\n- the budget <span class="priya kaur">is gone</span>\n\n<p class="kaur">the rota broke</p>\n'
    const compiled = compileReport(new VFile({path: 'notes.md', value}), {outputs: ['html']})
    expect(compiled.html).not.toMatch(/class="[^"]*(?:priya|kaur)/i)
  })
})
