/**
 * Fuzzed notes for the no-internal-error property: front matter made by
 * mutating valid YAML (cut, doubled, bracket or quote opened, `- ` as a
 * value, tabs, a key emptied) and notes made from a grammar of lines
 * (headings, bullets nested at any depth, quotes, tables, fences, labels,
 * hashtags, HTML) with random Unicode among them. `runFuzzed` takes one
 * input through parse → anonymise → group and the ledger; a refusal with a
 * diagnostic (an `ExchangeError`) is an answer, anything else is a failure.
 */
import fc from 'fast-check'
import {VFile} from 'vfile'
import {processNotes} from '../../src/engine/pipeline.js'
import {ExchangeError} from '../../src/errors.js'

const validFrontMatter = [
  'title: Youth voice',
  'series: Innovation Exchange',
  'date: 2024-03-14',
  'host: NLGN',
  'venue: Town hall',
  'participants: 24',
  'attendees: [Ana Silva, Ben Okoro]',
  'attendees:\n  - Ana Silva\n  - name: Ben Okoro\n    org: Wigan Council',
  'share: [Wigan Council]',
  'lang: en-GB',
  'foreword_by: Helen Marsh',
]

const mutation = fc.constantFrom<(line: string) => string>(
  (line) => line,
  (line) => line.replace(/: /, ': ['),
  (line) => line.replace(/: /, ': "'),
  (line) => line.replace(/: .*/, ': - x'),
  (line) => line.replace(/: .*/, ':'),
  (line) => line.replace(/: /, ': {a: '),
  (line) => `\t${line}`,
  (line) => line.slice(0, Math.max(1, Math.floor(line.length / 2))),
  (line) => `${line}\n${line}`,
  (line) => line.replace(/^(\w+)/, '$1 $1'),
  (line) => `  ${line}`,
  (line) => line.replace(/:/, ''),
  (line) => `- ${line}`,
  (line) => `${line} #comment: x`,
  (line) => line.replace(/\]/, ''),
)

export const frontMatter = fc
  .array(fc.tuple(fc.constantFrom(...validFrontMatter), mutation), {minLength: 0, maxLength: 6})
  .map((pairs) => pairs.map(([line, mutate]) => mutate(line)).join('\n'))

const words = ['budget', 'residents', 'Ana', 'Silva', 'Ben', 'council', 'the', 'is', 'broken', 'coffee at 11', '22 in the room', 'analysts, IG people, one councillor', 'Frank Osei: mob 07700 900 744', 'https://example.org', '[link](https://example.org)', '**bold**', '_em_', '`code`', '#challenge', '#works', '"quoted"', '–', ':', '(Ana + Ben)']

const text = fc.oneof(
  {weight: 5, arbitrary: fc.array(fc.constantFrom(...words), {minLength: 1, maxLength: 8}).map((list) => list.join(' '))},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 30})},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 20})},
)

const line = fc.oneof(
  fc.tuple(fc.integer({min: 1, max: 6}), text).map(([depth, value]) => `${'#'.repeat(depth)} ${value}`),
  fc.tuple(fc.integer({min: 0, max: 12}), fc.constantFrom('-', '*', '+', '1.', '2)'), text).map(([depth, bullet, value]) => `${'  '.repeat(depth)}${bullet} ${value}`),
  fc.tuple(fc.integer({min: 1, max: 4}), text).map(([depth, value]) => `${'>'.repeat(depth)} ${value}`),
  fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} |`),
  fc.constant('|---|---|'),
  fc.constantFrom('```', '```csv', '~~~', '<!-- aside -->', '<div>', '---', '', '', 'Content,Author', '10:04:12 From Ana Silva to Everyone: the budget is broken', 'Ana Silva   10:41', '[^1]: a footnote', '[1]: https://example.org'),
  text,
)

export const notesBody = fc.array(line, {minLength: 1, maxLength: 25}).map((lines) => lines.join('\n'))

export const notesFile = fc.tuple(fc.boolean(), frontMatter, notesBody).map(([withFrontMatter, yaml, body]) => (withFrontMatter ? `---\n${yaml}\n---\n${body}\n` : `${body}\n`))

export type Fuzzed = {ok: true} | {ok: true; refused: string} | {ok: false; kind: 'internal' | 'imbalance'; error: string}

/** One fuzzed input through parse → anonymise → group; the ledger must balance. */
export function runFuzzed(value: string): Fuzzed {
  try {
    const file = new VFile({path: 'fuzz.md', value})
    const {report} = processNotes(file)
    if (report.ledger && report.ledger.imbalances.length > 0) {
      const first = report.ledger.imbalances[0]!
      return {ok: false, kind: 'imbalance', error: `${first.problem} ${first.kind} at ${first.line}:${first.column}`}
    }
    return {ok: true}
  } catch (error) {
    if (error instanceof ExchangeError) return {ok: true, refused: error.rule}
    return {ok: false, kind: 'internal', error: String((error as Error)?.stack ?? error)}
  }
}
