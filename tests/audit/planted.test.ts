/**
 * Planted names, every person × form × position × case (tests/generate/plant.ts), with the rewriter switched off
 * and on.
 *
 * Off: the notes' own line is the output and no ordinary use is recorded. The paranoid audit alone — no finder of
 * the anonymiser — must flag every word of every planted name (a particle aside), so a leak the rewriter misses
 * cannot pass `check` because the audit shares its blind spot.
 *
 * On: the whole pipeline (parse → anonymise → group → render) writes the HTML, markdown, JSON and the Word copy's
 * text, and no word of a planted name is left in any of them.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {createParanoidAuditor, foldWord} from '../../src/audit/paranoid.js'
import {htmlText, jsonStrings} from '../../src/audit/index.js'
import {compileReport} from '../../src/engine/compile.js'
import {docxText, reportToDocx} from '../../src/render/docx.js'
import type {Roster} from '../../src/types.js'
import {plantAll, plantedPeople, rosterFront, writings, formsOf, plantPositions, type Planted} from '../generate/plant.js'

const roster: Roster = {people: plantedPeople, share: ['Leeds City Council']}
const particles = new Set(['van', 'der', 'de', 'bin', 'al', 'o'])

/** The words of the planted name the audit must name: every word but a particle. */
function wordsOf(planted: Planted): Array<{start: number; end: number; text: string}> {
  const words: Array<{start: number; end: number; text: string}> = []
  for (const match of planted.written.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (particles.has(foldWord(match[0]))) continue
    words.push({start: planted.start + match.index, end: planted.start + match.index + match[0].length, text: match[0]})
  }
  return words
}

const all = plantAll()

describe('the rewriter switched off: the paranoid audit alone flags every planted name', () => {
  it(`plants ${all.length} names (people × forms × positions × cases)`, () => {
    expect(all.length).toBeGreaterThan(plantedPeople.length * 4 * plantPositions.length * 2)
  })

  it('flags every word of every planted name, in every position, form and case', () => {
    const missed: string[] = []
    for (const planted of all) {
      const auditor = createParanoidAuditor(roster, {ordinary: [], source: planted.line})
      const suspects = auditor.scan(planted.line)
      for (const word of wordsOf(planted)) {
        if (!suspects.some((suspect) => suspect.start <= word.start && suspect.end >= word.end)) missed.push(`${planted.position} / ${planted.form} / ${planted.writing}: ${JSON.stringify(planted.line)} (${word.text})`)
      }
    }
    expect(missed).toEqual([])
  })

  it('flags a planted name wherever a random note puts it (property)', () => {
    const filler = ['the rota', 'is broken', 'we asked', 'residents', 'about', 'budget', 'and then', 'pilot']
    fc.assert(
      fc.property(
        fc.constantFrom(...plantedPeople),
        fc.nat(20),
        fc.constantFrom(...writings),
        fc.array(fc.constantFrom(...filler), {maxLength: 4}),
        fc.array(fc.constantFrom(...filler), {maxLength: 4}),
        (person, pick, {apply}, head, tail) => {
          // A misheard name is planted only as written (its capitals make it a name): the table above has it in every position.
          const forms = formsOf(person).filter((form) => !form.initials && !form.titled)
          const written = apply(forms[pick % forms.length]!.text)
          const prefix = `- ${head.join(' ')}${head.length ? ' ' : ''}`
          const line = `${prefix}${written}${tail.length ? ' ' : ''}${tail.join(' ')}`
          const planted: Planted = {line, start: prefix.length, end: prefix.length + written.length, written, person: person.name, form: '', position: '', writing: ''}
          const suspects = createParanoidAuditor(roster, {ordinary: [], source: line}).scan(line)
          // Every word, unless a one-letter-off surname opens a sentence (`- Shaugnessy …`): that alone the audit reads as a word.
          return wordsOf(planted).some((word) => suspects.some((suspect) => suspect.start <= word.start && suspect.end >= word.end))
        },
      ),
      {seed: 15, numRuns: 400},
    )
  })
})

describe('the rewriter on: no planted name survives in any output', () => {
  /** Every word of every form of a person's name (a misspelt surname too), folded; and their initials, in capitals. */
  const names = (person: (typeof plantedPeople)[number]) => ({
    words: new Set(
      formsOf(person)
        .filter((form) => !form.initials)
        .flatMap((form) => [...form.text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => foldWord(match[0])))
        .filter((word) => word.length > 1 && !particles.has(word)),
    ),
    initials: new Set(formsOf(person).filter((form) => form.initials).map((form) => form.text)),
  })

  it.each(plantedPeople.flatMap((person) => writings.map((writing) => [person.name, writing.writing] as const)))('%s, %s: html, md, json and docx', async (name, writing) => {
    const person = plantedPeople.find((candidate) => candidate.name === name)!
    const lines = all.filter((planted) => planted.person === name && planted.writing === writing)
    const notes = `${rosterFront()}\n## Notes\n\n${lines.map((planted) => `${planted.line}\n\n- residents want the rota fixed\n`).join('\n')}`
    const file = new VFile({path: 'planted.md', value: notes})
    const compiled = compileReport(file, {outputs: ['html', 'md', 'json']})
    const docx = docxText(await reportToDocx(compiled.report, {brand: compiled.brand}))
    const surfaces = {html: htmlText(compiled.html), md: compiled.markdown, json: jsonStrings(compiled.json), docx}
    const wanted = names(person)
    const left: string[] = []
    for (const [where, text] of Object.entries(surfaces)) {
      for (const line of text.split('\n')) {
        for (const match of line.matchAll(/[\p{L}\p{N}]+/gu)) {
          // Initials are only someone's in capitals; every other word of the name in any case.
          if (wanted.words.has(foldWord(match[0])) || wanted.initials.has(match[0])) left.push(`${where}: ${match[0]} in ${JSON.stringify(line.slice(Math.max(0, match.index - 40), match.index + 40))}`)
        }
      }
    }
    expect(left).toEqual([])
  })
})
