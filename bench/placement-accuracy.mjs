#!/usr/bin/env node
// Placement accuracy: for each notes file with an answer key (`NAME.key.json`
// beside `NAME.md`, `sections: [{contains, section}]`), the share of notes in
// the fallback section ("Further insights") and the share of keyed notes in
// the section the key expects. Each folder is reported apart.
//
//   npm run build && node bench/placement-accuracy.mjs [DIR...]
//
// Default folders: ../shared/corpus (the shipped corpus) and
// tests/group/fixtures/fresh (notes written for issue 17 in other styles).
import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {root, writeSection} from './lib/report.mjs'

const {processNotes} = await import(path.join(root, 'dist/engine/pipeline.js'))

export function measure(dir) {
  const rows = []
  for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md').sort()) {
    const keyPath = path.join(dir, name.replace(/\.md$/, '.key.json'))
    const key = fs.existsSync(keyPath) ? JSON.parse(fs.readFileSync(keyPath, 'utf8')) : {sections: []}
    const file = new VFile({path: path.join(dir, name), value: fs.readFileSync(path.join(dir, name), 'utf8')})
    const {report} = processNotes(file, {cwd: dir})
    const placed = []
    const walk = (item, section) => {
      placed.push({section: section.title, id: section.id, text: item.text, rule: item.placement.rule, reason: item.placement.reason})
      for (const child of item.children ?? []) walk(child, section)
    }
    let notes = 0
    let fallback = 0
    const unplaced = []
    for (const section of report.sections) {
      for (const item of section.items) {
        if (item.placement.rule === 'key' || item.placement.rule === 'round-up') {
          walk(item, section)
          continue
        }
        notes++
        if (section.role === 'further') {
          fallback++
          unplaced.push(item.text)
        }
        walk(item, section)
      }
    }
    let right = 0
    const wrong = []
    for (const entry of key.sections ?? []) {
      // Questions are addressed to the reader: "Do we know" is printed "Do you know".
      const norm = (text) => text.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\b(?:we|us)\b/g, 'you').replace(/\bour\b/g, 'your')
      // Held-out style keys (`{line, section, text}`) name the note by a fragment as written.
      const phrase = entry.contains ?? entry.text
      const hits = placed.filter((note) => norm(note.text).includes(norm(phrase)))
      if (hits.some((note) => note.section === entry.section || note.id === entry.section)) right++
      else wrong.push(`${phrase} → expected ${entry.section}, got ${hits.map((hit) => `${hit.section} (${hit.rule}: ${hit.reason})`).join('; ') || 'nowhere'}`)
    }
    rows.push({name, notes, fallback, keyed: (key.sections ?? []).length, right, wrong, unplaced})
  }
  const total = (field) => rows.reduce((sum, row) => sum + row[field], 0)
  return {rows, notes: total('notes'), fallback: total('fallback'), keyed: total('keyed'), right: total('right')}
}

const percent = (part, whole) => (whole ? ((100 * part) / whole).toFixed(1) : '0.0')
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
  const verbose = process.argv.includes('--verbose')
  const write = !process.argv.includes('--no-write') && args.length === 0
  const lines = []
  const dirs = args.length ? args : [path.join(root, '../shared/corpus'), path.join(root, 'tests/group/fixtures/fresh'), path.join(root, 'tests/group/fixtures/fresh-b'), path.join(root, 'tests/group/fixtures/placement-extra'), path.join(root, 'tests/group/fixtures/fresh-d'), path.join(root, 'tests/group/fixtures/placement-styles'), path.join(root, 'tests/group/fixtures/placement-genres/notes'), path.join(root, 'tests/group/fixtures/placement-genres-2/notes')]
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue
    const result = measure(dir)
    lines.push(`| \`${path.relative(root, dir) || dir}\` | ${result.rows.length} | ${result.fallback}/${result.notes} (${percent(result.fallback, result.notes)}%) | ${result.right}/${result.keyed} (${percent(result.right, result.keyed)}%) |`)
    console.log(`${path.relative(root, dir) || dir}: fallback ${result.fallback}/${result.notes} notes (${percent(result.fallback, result.notes)}%), keyed notes in the expected section ${result.right}/${result.keyed} (${percent(result.right, result.keyed)}%)`)
    if (verbose) {
      for (const row of result.rows) {
        console.log(`  ${row.name}: fallback ${row.fallback}/${row.notes}, keyed ${row.right}/${row.keyed}`)
        for (const wrong of row.wrong) console.log(`    ✗ ${wrong}`)
        for (const text of row.unplaced) console.log(`    ? ${text.slice(0, 110)}`)
      }
    }
  }
  if (write) {
    writeSection(
      'placement-accuracy',
      `## placement-accuracy (issue 17)

Where notes land, against answer keys (\`NAME.key.json\`: a phrase of a note
and the section an editor would choose). *Fallback* is the share of notes
(top-level items, Key insights copies left out) in “Further insights”;
*keyed* the share of keyed notes found (at any depth) in their section.
Target: fallback ≤ 5%, keyed ≥ 90%.

| notes | files | fallback | keyed in the expected section |
|---|---|---|---|
${lines.join('\n')}

- **Since stop 21 a learned placement decides most notes, and it was trained on
  every folder in this table** (and on held-out sets 1 and 2): these are
  training figures, not unseen ones. The unseen estimate is the
  cross-validation by file of \`scripts/train-placement.mjs\` (see “Issue 17,
  stop 21” below). \`placement-styles\` (set E) was written at stop 21 with
  its keys before any run; the rules alone placed 40/58 of its keyed notes
  (69.0%), 3/62 in the fallback. \`placement-genres\` (stop 22) and
  \`placement-genres-2\` (set F, stop 23) are keyed in the held-out sets'
  format and trained on too; their first figures, before training, were
  53.4% and 63.9% keyed in the held-out measurer (their READMEs).
- \`../shared/corpus\` is the shipped corpus; \`fresh\` (set A), \`fresh-b\`
  (set B), \`placement-extra\` (set C) and \`fresh-d\` (set D) are notes
  written for issue 17 in styles the suite lacked, each with an answer key
  written before any measurement. Set A was tuned on at the first stop; set
  B never was (its figure is the honest one on unseen notes of that stop);
  sets C and D were written at stop 20, measured, and then tuned on by
  class, so their first figures are the unseen ones.
- Stop 20, before (b15fd49) → after, measured in the same run: corpus
  4/285 → 3/285 fallback, 59/59 keyed both; set A 4/58 → 0/58, 40/44 →
  41/44; set B 4/36 → 5/36, 27/36 → 29/36 (one statement under "Questions /
  ideas" no longer goes to the checklist and, with nothing of its own, falls
  back); set C 8/46 (17.4%) → 2/46, 26/50 → 40/50; set D 6/29 (20.7%) →
  1/29, 16/28 → 26/28.
- What set C and D's misses were, by class (the fixes are in
  \`src/group/signals.ts\`, \`placement.ts\`, the profile's headings):
  retrospective boards (Rose/Thorn, went well/even better if, Stop:/Continue:
  labels, ✅/❌ markers); costs or demand *up* read as a result; a story
  that opens with a place going by topic words; a titled link under a
  questions heading going to the checklist; notes with nothing of their own
  under a heading whose neighbours split. Still missed: lines of one
  paragraph that each start with a marker (\`! …\`, \`💡 …\`, a lazy \`? …\`
  line after a list item) are one note, so one placement for several
  points (splitting them needs the ledger to count one block as several
  notes: parse or ledger owner).
- Before issue 17 (hashtag → heading → keywords → fallback): corpus fallback
  43/294 (14.6%), keyed 56/59 (94.9%); set A fallback 23/34 (67.6%), keyed
  10/44 (22.7%).
- Command: \`npm run build && node bench/placement-accuracy.mjs [--verbose]\``,
    )
  }
}
