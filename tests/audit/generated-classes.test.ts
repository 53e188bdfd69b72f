/**
 * The generator's leak classes (tests/anonymise/generated-classes.ts) and the paranoid audit, which shares no finder
 * with the rewriter:
 *
 * - with the rewriter switched off, `check` refuses each class with exit 3;
 * - as a position of its own table: the word is a leak even where a rewriter that missed it had recorded the words
 *   around it as an ordinary use (`send KM the`), so a miss of the rewriter is never waved through by its own records.
 */
import {describe, expect, it, vi} from 'vitest'
import {createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import {check} from '../../src/check.js'
import {exitCodes} from '../../src/errors.js'
import {parseNotes} from '../../src/parse/index.js'
import {tempDir} from '../helpers.js'
import {VFile} from 'vfile'
import {classFront, classMatrix} from '../anonymise/generated-classes.js'

vi.mock('../../src/anonymise/index.js', async (original) => {
  const actual = await original<typeof import('../../src/anonymise/index.js')>()
  // The rewriter is off: the notes reach the report as written.
  return {...actual, default: () => () => undefined}
})

const matrix = classMatrix()
const roster = (() => {
  const file = new VFile({path: 'notes.md', value: `${classFront}\n## Notes\n\n- x\n`})
  parseNotes(file)
  return file.data.roster!
})()

/** The planted word's place in the line (the name, or its slug in a URL). */
function placeOf(line: string, name: string): {start: number; end: number} {
  const at = line.toLowerCase().indexOf(name.toLowerCase())
  return {start: at, end: at + name.length}
}

describe('the rewriter switched off: check refuses every class', () => {
  const sample = matrix.filter((_, index) => index % 6 === 0)
  it.each(sample.map((row) => [row.kind, row.line] as const))('%s: %j', async (_kind, line) => {
    const dir = tempDir({'notes.md': `${classFront}\n## Barriers\n\n${line} #challenge\n\n- residents want to be asked earlier #challenge\n`})
    const {exitCode} = await check(['notes.md'], {cwd: dir})
    expect(exitCode).toBe(exitCodes.audit)
  })
})

describe('a name position of the audit: flagged even with the words around it recorded as ordinary', () => {
  // A model named after someone is the audit's position with the name's capital (`the okafor model` is the rewriter's alone).
  const positions = matrix.filter((row) => !(row.kind === 'a model named after someone' && row.writing === 'lower'))
  it.each(positions.map((row) => [row.kind, row.writing, row.line] as const))('%s, %s: %j', (_kind, _writing, line) => {
    const row = matrix.find((candidate) => candidate.line === line)!
    const {start, end} = placeOf(line, row.name)
    // What a rewriter that read the word as ordinary would have recorded: the word and its neighbours.
    const ordinary = [ordinaryUse(line, start, end)]
    const suspects = createParanoidAuditor(roster, {ordinary, source: `${classFront}\n${line}\n`}).scan(line)
    expect(suspects.some((suspect) => suspect.start <= start && suspect.end >= end), JSON.stringify(suspects)).toBe(true)
  })
})
