// The answer-keyed measure of name detection beyond the roster, shared by
// bench/pii.mjs and scripts/train-tagger.mjs (its cross-validation), so the
// tagger is chosen with the same figure the benchmark reports:
// - PERSON recall: a name counts as caught when every token of it is gone
//   from the output (whole words, any case);
// - ordinary-word survival: the share of words outside every annotated
//   entity that are still in the output (as a multiset, case-sensitive).
import fs from 'node:fs'
import path from 'node:path'
import {root} from './report.mjs'

/** The shared folder's `external/`, from `EXCHANGE_SHARED`, `../shared` beside the repository or `/work/shared`. */
export const external = [process.env.EXCHANGE_SHARED, path.resolve(root, '../shared'), '/work/shared'].filter(Boolean).map((dir) => path.join(dir, 'external')).find((dir) => fs.existsSync(path.join(dir, 'pii-corpus.jsonl')))

export const readRows = (name) => fs.readFileSync(path.join(external, name), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))

const wordPattern = /[\p{L}][\p{L}\p{M}'’-]*/gu
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const present = (text, token) => new RegExp(`(?<![\\p{L}\\p{N}_])${escape(token)}(?![\\p{L}\\p{N}_])`, 'iu').test(text)

/** Run `anonymise` (text → text) over `rows` and measure it. */
export function score(rows, anonymise) {
  let people = 0
  let caught = 0
  let ordinary = 0
  let kept = 0
  const missed = []
  const lost = new Map()
  let ms = 0
  for (const row of rows) {
    const started = performance.now()
    const output = anonymise(row.text)
    ms += performance.now() - started
    for (const entity of row.entities.filter((entity) => entity.type === 'PERSON')) {
      people++
      const tokens = entity.value.match(/[\p{L}\p{N}]+/gu) ?? []
      if (tokens.every((token) => !present(output, token))) caught++
      else missed.push(entity.value)
    }
    // Words outside every annotated entity, and how many of each the output still has.
    const expected = new Map()
    for (const match of row.text.matchAll(wordPattern)) {
      const start = match.index
      const end = start + match[0].length
      if (row.entities.some((entity) => start < entity.end && end > entity.start)) continue
      expected.set(match[0], (expected.get(match[0]) ?? 0) + 1)
    }
    const got = new Map()
    for (const match of output.matchAll(wordPattern)) got.set(match[0], (got.get(match[0]) ?? 0) + 1)
    for (const [word, count] of expected) {
      ordinary += count
      const have = Math.min(count, got.get(word) ?? 0)
      kept += have
      if (have < count) lost.set(word, (lost.get(word) ?? 0) + count - have)
    }
  }
  return {people, caught, recall: caught / people, ordinary, kept, survival: kept / ordinary, missed, lost, ms}
}

export const percent = (value) => `${(value * 100).toFixed(1)}%`
