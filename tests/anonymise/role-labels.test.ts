/**
 * Who had a role, after the role's label (`Pair A (interviewer: Frank, interviewee: Hope)`, `(scribe: Dawn)`,
 * `Chair: rob`): a name position, for the rewriter and for the audit, each by its own row. Held-out set 8's
 * appreciative inquiry named its pairs so, with given names that are words (`Frank`, `Hope`), and both let them through.
 * Position × case; the words as words stay.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import {compileReport} from '../../src/engine/compile.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {people: [{name: 'Frank Mallory', aliases: []}, {name: 'Hope Abernethy', aliases: []}, {name: 'Dawn Pryce', aliases: []}], share: []}
const front = ['---', 'title: Roles', 'attendees:', ...roster.people.map((person) => `  - { name: ${person.name} }`), '---', '']

const lines = [
  '- Pair A (interviewer: {a}, interviewee: {b}) found the weekly litter pick lasted longest.',
  '- Interviewer: {a}; interviewee: {b}. The litter pick lasted longest.',
  '- The garden group kept going for three years (scribe: {a}).',
  '- Chair: {a}, and the pantry stayed open all winter.',
  '- The pantry stayed open all winter (note-taker – {a}).',
]
const cases: Array<[string, (name: string) => string]> = [
  ['as written', (name) => name],
  ['lower', (name) => name.toLowerCase()],
  ['upper', (name) => name.toUpperCase()],
]

describe('a name after a role’s label', () => {
  it.each(lines.flatMap((line) => cases.map(([form, write]) => [line, form, write] as const)))('%s (%s): the rewriter removes it, and the audit flags it when left', (line, _, write) => {
    const text = line.replace('{a}', write('Frank')).replace('{b}', write('Hope'))
    const compiled = compileReport(new VFile({path: 'notes.md', value: [...front, text, ''].join('\n')}), {outputs: ['md']})
    expect(compiled.markdown).not.toMatch(/\bfrank\b|\bhope\b/iu)
    const recorded = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ordinaryUse(text, match.index, match.index + match[0].length))
    const flagged = createParanoidAuditor(roster, {ordinary: recorded, source: text}).scan(text.replace(/^- /u, '')).map((suspect) => suspect.text.toLowerCase())
    expect(flagged).toContain('frank')
  })

  it.each(['- To be frank, we hope the chair: a long table works.', '- The host: the library, frank about its hopes.', '- Chair: a long table in the library.'])('keeps the words as words: %s', (line) => {
    const compiled = compileReport(new VFile({path: 'notes.md', value: [...front, line, ''].join('\n')}), {outputs: ['md']})
    expect(compiled.markdown).toMatch(/frank|long table/iu)
    expect(compiled.leaks).toEqual([])
  })
})
