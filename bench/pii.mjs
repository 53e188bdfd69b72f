#!/usr/bin/env node
// PII benchmark: run the anonymiser, with no roster, over third-party
// sentences with answer keys (../shared/external/pii-corpus.jsonl, see its
// README), and report:
// - PERSON recall: a name counts as caught when every token of it is gone
//   from the output (whole words, any case);
// - ordinary-word survival: the share of words outside every annotated
//   entity that are still in the output (as a multiset, case-sensitive);
// - for comparison, the same figures for the rules without the tagger (the
//   tagger switched off with useTaggerModel(null), in the same run), and for
//   compromise's `.people()` alone.
// The measure itself is bench/lib/pii-score.mjs, shared with the tagger's
// cross-validation (scripts/train-tagger.mjs).
// Splits (fixed): pii-corpus rows by index parity — even rows (0, 2, …) are the
// tune half, odd rows the report half; WNUT 2017 as shipped (wnut17-tune.jsonl
// to tune on, wnut17-report.jsonl only to report). Rules are tuned, and the
// tagger trained, on the tune halves only. Each sentence is one note, anonymised on its own: every sentence
// is reported (none is refused).
// Usage: npm run build && node bench/pii.mjs [--write] [--misses] [--breakdown]
// The names in those files are never added to any list the tool uses.
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {external, percent, readRows, score} from './lib/pii-score.mjs'
import {machine, root, writeSection} from './lib/report.mjs'

const args = process.argv.slice(2)
const write = args.includes('--write')
if (!external) {
  console.error('pii-corpus.jsonl not found: set EXCHANGE_SHARED to the shared folder')
  process.exit(2)
}
const {anonymiseText} = await import(path.join(root, 'dist/anonymise/index.js'))
const {useTaggerModel} = await import(path.join(root, 'dist/anonymise/tagger/index.js'))

const pii = readRows('pii-corpus.jsonl')
const sets = [
  {name: 'pii-corpus, tune half (even rows)', rows: pii.filter((_, index) => index % 2 === 0), split: 'tune'},
  {name: 'pii-corpus, report half (odd rows)', rows: pii.filter((_, index) => index % 2 === 1), split: 'report'},
  {name: 'wnut17-tune.jsonl', rows: readRows('wnut17-tune.jsonl'), split: 'tune'},
  {name: 'wnut17-report.jsonl', rows: readRows('wnut17-report.jsonl'), split: 'report'},
]

// compromise alone, for comparison: every `.people()` match removed.
const require = createRequire(import.meta.url)
const nlp = require('compromise')
const compromiseAlone = (text) => {
  let output = text
  for (const person of nlp(text).people().json({offset: true})) {
    const {start, length} = person.offset
    output = output.slice(0, start) + ' '.repeat(length) + output.slice(start + length)
  }
  return output
}

const lines = []
const details = []
const anonymise = (text) => anonymiseText(text).value
for (const set of sets) {
  const rows = set.rows
  useTaggerModel(null)
  const rules = score(rows, anonymise)
  useTaggerModel(undefined)
  const ours = score(rows, anonymise)
  const baseline = score(rows, compromiseAlone)
  lines.push(`| ${set.name} | ${set.split} | ${rows.length} | **${percent(ours.recall)}** (${ours.caught}/${ours.people}) | **${percent(ours.survival)}** (${ours.kept}/${ours.ordinary}) | ${percent(rules.recall)} / ${percent(rules.survival)} | ${percent(baseline.recall)} / ${percent(baseline.survival)} | ${ours.ms.toFixed(0)} ms |`)
  const lostWords = [...ours.lost].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([word, count]) => (count > 1 ? `${word} ×${count}` : word))
  details.push({set: set.name, split: set.split, missed: ours.missed, lost: lostWords})
}

const report = `## pii

Name detection beyond the roster, on third-party sentences with answer keys (\`shared/external/\`, see its README). The anonymiser runs with no roster, as \`anonymiseText(text)\`, one sentence at a time (a sentence is a note: every one is reported, none refused); a name is caught when every token of it is gone from the output (whole words, any case); ordinary words are the words outside every annotated entity, kept when still in the output. Fixed splits: \`pii-corpus.jsonl\` by row index parity (even rows tune, odd rows report); WNUT 2017 as shipped. Rules are tuned, and the tagger (\`src/anonymise/tagger/\`, \`scripts/train-tagger.mjs\`) trained, on the tune splits only; the report splits are only measured.

| set | split | sentences | PERSON recall | ordinary words kept | the rules alone, without the tagger (recall / kept) | compromise \`.people()\` alone (recall / kept) | time |
|---|---|---|---|---|---|---|---|
${lines.join('\n')}

Targets (issue 15): pii report half recall ≥ 90% with ≥ 98% kept; wnut17-report recall ≥ 60% with ≥ 97% kept.

Machine: ${machine()}.
Command: \`npm run build && node bench/pii.mjs --write\` (\`--misses\` lists missed names and lost words of the tune splits only).
`
console.log(report)
if (args.includes('--misses')) for (const detail of details.filter((entry) => entry.split === 'tune')) console.error(`${detail.set}\nmissed: ${detail.missed.join(' | ')}\nlost: ${detail.lost.join(', ')}\n`)
if (write) writeSection('pii', report)

// --breakdown: what the names of each WNUT split are made of, and how many of each the anonymiser
// catches (a measure of the floor, for BENCHMARKS.md; nothing is tuned on it).
if (args.includes('--breakdown')) {
  const {getLexicon} = await import(path.join(root, 'dist/anonymise/lexicon/index.js'))
  const {prepare} = await import(path.join(root, 'dist/anonymise/tagger/index.js'))
  const lexicon = getLexicon()
  const tuneRows = readRows('wnut17-tune.jsonl')
  // Public knowledge of names beyond the lexicon, where the dev dependency is installed: how many report names any list could know.
  const humannamesFile = path.join(root, 'node_modules/humannames/list.txt')
  const humannames = fs.existsSync(humannamesFile) ? new Set(fs.readFileSync(humannamesFile, 'utf8').split('\n').map((line) => line.trim().toLowerCase())) : undefined
  const seen = new Set(tuneRows.flatMap((row) => row.entities.filter((entity) => entity.type === 'PERSON').flatMap((entity) => entity.value.toLowerCase().split(/\s+/))))
  for (const set of sets.filter((entry) => entry.name.startsWith('wnut17-report'))) {
    const groups = new Map()
    const count = (group, caught) => {
      const entry = groups.get(group) ?? [0, 0]
      entry[0]++
      if (caught) entry[1]++
      groups.set(group, entry)
    }
    for (const row of set.rows) {
      const people = row.entities.filter((entity) => entity.type === 'PERSON')
      if (people.length === 0) continue
      const result = score([row], anonymise)
      const sentence = prepare(row.text)
      for (const entity of people) {
        const caught = !result.missed.includes(entity.value)
        const words = entity.value.split(/\s+/)
        count('all', caught)
        count(words.some((word) => seen.has(word.toLowerCase())) ? 'a word of it seen as a person in wnut17-tune' : 'never seen as a person in the tune data', caught)
        count(words.some((word) => lexicon.given.has(word.toLowerCase()) || lexicon.family.has(word.toLowerCase())) ? 'a word of it in the given/family lists' : 'no word of it in any name list', caught)
        if (humannames) count(words.some((word) => humannames.has(word.toLowerCase())) ? 'a word of it in humannames (~200,000 public names)' : 'no word of it in humannames either', caught)
        count(words.every((word) => word === word.toLowerCase()) ? 'typed in lower case' : words.every((word) => word === word.toUpperCase()) ? 'in capitals' : 'capitalised', caught)
        if (sentence.tokens.some((token, at) => token.word && token.start < entity.end && token.end > entity.start && !sentence.features[at])) count('with a token the gates never score', caught)
      }
    }
    console.log(`${set.name}\n| names | count | caught |\n|---|---|---|`)
    for (const [group, [total, caught]] of groups) console.log(`| ${group} | ${total} | ${caught} (${percent(caught / total)}) |`)
  }
}
