/**
 * The paranoid audit: a second opinion that shares no code with the anonymiser. With the rewriter
 * switched off (the notes' own text as the output, no ordinary uses recorded) it catches every leak
 * class of issue 15 and every roster name the corpus answer keys say must go; with the rewriter on,
 * it accepts what the rewriter recorded as ordinary use and nothing else.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import {createAuditor, leakDiagnostics} from '../../src/audit/index.js'
import {parseNotes} from '../../src/parse/index.js'
import {readNotes} from '../../src/engine/read.js'
import type {Roster} from '../../src/types.js'
import {root} from '../helpers.js'
import {anonymise} from '../anonymise/helpers.js'
import {issueFront, leaks} from '../anonymise/issue-15-cases.js'

const corpus = path.join(root, '..', 'shared', 'corpus')
const corpusDir = fs.existsSync(corpus) ? corpus : '/work/shared/corpus'

/** The roster of the issue's front matter, as the parse stage reads it. */
function issueRoster(): Roster {
  return anonymise('- x', issueFront).file.data.roster!
}

describe('independence', () => {
  it('imports nothing from the anonymiser', () => {
    const source = fs.readFileSync(path.join(root, 'src/audit/paranoid.ts'), 'utf8')
    const imports = [...source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gmu)].map((match) => match[1])
    expect(imports.filter((from) => from!.includes('anonymise'))).toEqual([])
  })
})

describe('with the rewriter switched off', () => {
  it.each(leaks)('catches %j (no ordinary use recorded)', (notes, gone) => {
    const auditor = createParanoidAuditor(issueRoster())
    const found = auditor.scan(notes).map((suspect) => suspect.text.toLowerCase())
    for (const token of gone) expect(found, notes).toContain(token)
  })

  it('catches each leak class: a given name, a surname, initials, an organisation short form, a possessive, lower case, accents', () => {
    const roster: Roster = {people: [{name: 'Seán Ó Briain', aliases: []}, {name: 'Catherine Moran', org: 'Merthyr Tydfil County Borough Council', aliases: ['Cath']}], share: []}
    const auditor = createParanoidAuditor(roster)
    const table: Array<[string, string]> = [
      ['sean thinks so', 'sean'],
      ['Briain’s team', 'Briain'],
      ['CM ran the pilot', 'CM'],
      ['Cath said so', 'Cath'],
      ['over in Merthyr the library', 'Merthyr'],
      ['SEÁN O BRIAIN', 'SEÁN'],
      ['moran', 'moran'],
    ]
    for (const [text, leak] of table) expect(auditor.scan(text).map((suspect) => suspect.text), text).toContain(leak)
  })

  it('catches every roster name of the corpus answer keys in the notes as written', () => {
    for (const name of fs.readdirSync(corpusDir).filter((file) => file.endsWith('.md'))) {
      const file = readNotes(path.join(corpusDir, name))
      parseNotes(file)
      const roster = file.data.roster!
      const key = JSON.parse(fs.readFileSync(path.join(corpusDir, name.replace(/\.md$/, '.key.json')), 'utf8')) as {must_not_appear: string[]}
      const body = String(file.value).split(/\n---\n/).slice(1).join('\n---\n')
      const found = new Set(createParanoidAuditor(roster, {meta: file.data.meta}).scan(body).map((suspect) => suspect.text.toLowerCase()))
      const words = new Set(roster.people.flatMap((person) => person.name.toLowerCase().split(/\s+/)))
      // Every entry of the key that is a single word of a roster name, and is in the notes, is caught.
      const names = key.must_not_appear.filter((entry) => words.has(entry.toLowerCase()) && new RegExp(`\\b${entry}\\b`, 'iu').test(body))
      expect(names.length, name).toBeGreaterThan(0)
      for (const entry of names) for (const token of entry.toLowerCase().split(/[^\p{L}]+/u)) expect(found.has(token), `${name}: ${entry}`).toBe(true)
    }
  })
})

describe('with the rewriter on', () => {
  it('accepts the ordinary uses the rewriter recorded, and a name it did not', () => {
    const {file, markdown} = anonymise('- the choir ran Christmas carol concerts\n- we had precious little time\n- the ferry to the Isle of Lewis', issueFront)
    const auditor = createAuditor(file.data.roster!, String(file.value), file.data.meta, file.data.ordinary)
    expect(auditor.scan(markdown, 'md')).toEqual([])
    // A leak the rewriter missed, spliced into its output, is caught by the paranoid check alone.
    const leaked = auditor.scan(`${markdown}\n- Carol thinks so too`, 'md')
    expect(leaked.map((leak) => [leak.text, leak.paranoid])).toEqual([['Carol', true]])
  })

  it('records an ordinary use with its neighbours, and accepts it with one of them rewritten', () => {
    expect(ordinaryUse('Tom will share how it goes', 4, 8)).toBe('tom will share')
    const auditor = createParanoidAuditor({people: [{name: 'Will Barker', aliases: []}], share: []}, {ordinary: ['tom will share']})
    expect(auditor.scan('one participant will share how it goes')).toEqual([])
    expect(auditor.scan('Will agreed').map((suspect) => suspect.text)).toEqual(['Will'])
  })

  it('accepts phrases named by design: share, host, partner, the foreword’s author', () => {
    const roster: Roster = {people: [{name: 'Ben Marsh', aliases: []}], share: ['Marsh Farm Trust']}
    const auditor = createParanoidAuditor(roster, {meta: {title: 'T', forewordBy: 'Helen Marsh, Director'} as never})
    expect(auditor.scan('The Marsh Farm Trust ran it. Foreword by Helen Marsh.')).toEqual([])
    expect(auditor.scan('Marsh ran it').map((suspect) => suspect.text)).toEqual(['Marsh'])
  })

  it('says how to mark an ordinary use', () => {
    const auditor = createAuditor(issueRoster(), '---\ntitle: T\n---\n\n- the choir sang carol concerts\n', undefined, [])
    const [diagnostic] = leakDiagnostics(auditor.scan('The choir sang carol concerts', 'md'), 'notes.md')
    expect(diagnostic!.message).toMatch(/ordinary use/u)
    expect(diagnostic!.message).toMatch(/`share`/u)
    expect(diagnostic!.message).not.toMatch(/carol/iu)
  })
})
