/**
 * The paranoid audit's own name positions: a roster given name that is also a word (`dawn`, `bill`),
 * in a position only a person fills, is a leak even where the rewriter recorded it as an ordinary use.
 * Here the rewriter is replaced by one that changes nothing and records every word of the notes as an
 * ordinary use — the worst a rewriter can do — and `check` must still refuse each shape with exit 3.
 */
import {describe, expect, it, vi} from 'vitest'
import {check} from '../../src/check.js'
import {exitCodes} from '../../src/errors.js'
import {auditNamePosition, createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'
import {tempDir} from '../helpers.js'
import {cases, ordinaryUses, positions as rewriterPositions, wholeLinePositions, wordNames, wordNamesFront} from '../anonymise/name-position-cases.js'

const positions = [...rewriterPositions, ...wholeLinePositions]

/** Every word of `value` recorded as an ordinary use, with its neighbours. */
function everyWordOrdinary(value: string): string[] {
  return [...value.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ordinaryUse(value, match.index, match.index + match[0].length))
}

vi.mock('../../src/anonymise/index.js', async (original) => {
  const actual = await original<typeof import('../../src/anonymise/index.js')>()
  // The rewriter changes nothing, and says every word was an ordinary use.
  return {...actual, default: () => (_tree: unknown, file: {value: unknown; data: {ordinary?: string[]}}) => {
    file.data.ordinary = everyWordOrdinary(String(file.value))
  }}
})

vi.mock('../../src/anonymise/text.js', async (original) => {
  const actual = await original<typeof import('../../src/anonymise/text.js')>()
  // The audit's other check shares the anonymiser's finder: switched off too, so that only the paranoid check speaks.
  return {...actual, findEntities: () => []}
})

const roster: Roster = {people: wordNames.map((name) => ({name: `${name} Okonkwo`, aliases: []})), share: []}

describe('the audit’s name positions', () => {
  for (const [label, write] of cases) {
    it.each(positions)(`flags the name in %j though recorded as ordinary (${label} case)`, (template) => {
      for (const name of ['Dawn', 'Bill', 'Will', 'Rose']) {
        const line = template.replace('{n}', write(name))
        const auditor = createParanoidAuditor(roster, {ordinary: everyWordOrdinary(line)})
        const suspects = auditor.scan(line)
        expect(suspects.map((suspect) => suspect.text.toLowerCase()), line).toContain(name.toLowerCase())
        expect(suspects.find((suspect) => suspect.text.toLowerCase() === name.toLowerCase())?.position, line).toBeDefined()
      }
    })
  }

  it.each(['{n} ran the pilot in the spring', 'The rota broke. {n} led the rebuild', '{n} and Kemi chaired it', '{n}, the chair, closed the meeting'])(
    'flags a capitalised name opening a sentence before a verb a person does, %j, though recorded as ordinary',
    (template) => {
      for (const name of ['Dawn', 'Bill', 'Will', 'Rose']) {
        const line = template.replace('{n}', name)
        const suspects = createParanoidAuditor(roster, {ordinary: everyWordOrdinary(line)}).scan(line)
        expect(suspects.find((suspect) => suspect.text === name)?.position, line).toBe('the subject of a verb: `Summer ran the pilot`')
      }
    },
  )

  it.each(ordinaryUses)('finds no name position in %j', (value, word) => {
    const start = value.indexOf(word)
    expect(auditNamePosition(value, start, start + word.length)).toBeUndefined()
  })
})

describe('check with a rewriter that records every word as ordinary', () => {
  it.each(positions)('refuses %j with exit 3', async (template) => {
    const line = template.replace('{n}', 'dawn')
    const dir = tempDir({'notes.md': `${wordNamesFront}\n## Barriers\n\n- ${line} #challenge\n\n- residents want to be asked earlier #challenge\n`})
    const {exitCode, files} = await check(['notes.md'], {cwd: dir})
    expect(exitCode, JSON.stringify(files[0]!.diagnostics)).toBe(exitCodes.audit)
    expect(files[0]!.diagnostics.some((diagnostic) => diagnostic.rule === 'audit' && diagnostic.message.includes('name position'))).toBe(true)
  })

  it.each(ordinaryUses)('passes the ordinary use %j', async (line) => {
    const dir = tempDir({'notes.md': `${wordNamesFront}\n## Barriers\n\n- ${line} #challenge\n\n- residents want to be asked earlier #challenge\n`})
    const {exitCode} = await check(['notes.md'], {cwd: dir})
    expect(exitCode).toBe(0)
  })
})
