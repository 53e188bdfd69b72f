#!/usr/bin/env node
// PII benchmark: run the anonymiser, with no roster, over third-party
// sentences with answer keys (../shared/external/pii-corpus.jsonl, see its
// README), and report:
// - PERSON recall: a name counts as caught when every token of it is gone
//   from the output (whole words, any case);
// - ordinary-word survival: the share of words outside every annotated
//   entity that are still in the output (as a multiset, case-sensitive);
// - for comparison, the same figures for compromise's `.people()` alone.
// Usage: npm run build && node bench/pii.mjs [--write] [path/to/pii-corpus.jsonl]
// The names in that file are never added to any list the tool uses.
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {machine, root, writeSection} from './lib/report.mjs'

const args = process.argv.slice(2)
const write = args.includes('--write')
const corpus = args.find((arg) => !arg.startsWith('--')) ?? [process.env.EXCHANGE_SHARED, path.resolve(root, '../shared'), '/work/shared'].filter(Boolean).map((dir) => path.join(dir, 'external/pii-corpus.jsonl')).find((file) => fs.existsSync(file))
if (!corpus || !fs.existsSync(corpus)) {
  console.error('pii-corpus.jsonl not found: give its path, or set EXCHANGE_SHARED to the shared folder')
  process.exit(2)
}
const {anonymiseText} = await import(path.join(root, 'dist/anonymise/index.js'))

const rows = fs.readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
const wordPattern = /[\p{L}][\p{L}\p{M}'’-]*/gu
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const present = (text, token) => new RegExp(`(?<![\\p{L}\\p{N}_])${escape(token)}(?![\\p{L}\\p{N}_])`, 'iu').test(text)

function score(anonymise) {
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

const ours = score((text) => anonymiseText(text).value)

// compromise alone, for comparison: every `.people()` match removed.
const require = createRequire(import.meta.url)
const nlp = require('compromise')
const baseline = score((text) => {
  let output = text
  for (const person of nlp(text).people().json({offset: true})) {
    const {start, length} = person.offset
    output = output.slice(0, start) + ' '.repeat(length) + output.slice(start + length)
  }
  return output
})

const percent = (value) => `${(value * 100).toFixed(1)}%`
const lostWords = [...ours.lost].sort((a, b) => b[1] - a[1]).map(([word, count]) => (count > 1 ? `${word} ×${count}` : word))
const report = `## pii

Name detection beyond the roster, on \`shared/external/pii-corpus.jsonl\` (${rows.length} rows, ${ours.people} PERSON entities; third-party sentences with answer keys — see its README). The anonymiser runs with no roster, as \`anonymiseText(text)\`; a name is caught when every token of it is gone from the output (whole words, any case); ordinary words are the words outside every annotated entity, kept when still in the output.

| | PERSON recall | ordinary words kept |
|---|---|---|
| exchange (rules + faker/compromise word lists) | **${percent(ours.recall)}** (${ours.caught}/${ours.people}) | **${percent(ours.survival)}** (${ours.kept}/${ours.ordinary}) |
| compromise \`.people()\` alone | ${percent(baseline.recall)} (${baseline.caught}/${baseline.people}) | ${percent(baseline.survival)} (${baseline.kept}/${baseline.ordinary}) |

Targets: recall ≥ 85% with ≥ 95% of ordinary words kept. ${ours.recall >= 0.85 && ours.survival >= 0.95 ? 'Both met.' : 'Not met.'}
Anonymising all ${rows.length} rows took ${ours.ms.toFixed(0)} ms (first row included: the word lists are decoded on first use).

Missed names (${ours.missed.length}): ${ours.missed.map((name) => `\`${name}\``).join(', ') || 'none'}.

Ordinary words lost (${ours.ordinary - ours.kept}): ${lostWords.map((word) => `\`${word}\``).join(', ') || 'none'}.

Machine: ${machine()}.
Command: \`npm run build && node bench/pii.mjs --write\`.
`
console.log(report)
if (write) writeSection('pii', report)
