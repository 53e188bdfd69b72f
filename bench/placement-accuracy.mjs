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
      placed.push({section: section.title, text: item.text, rule: item.placement.rule, reason: item.placement.reason})
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
      const hits = placed.filter((note) => norm(note.text).includes(norm(entry.contains)))
      if (hits.some((note) => note.section === entry.section)) right++
      else wrong.push(`${entry.contains} → expected ${entry.section}, got ${hits.map((hit) => `${hit.section} (${hit.rule}: ${hit.reason})`).join('; ') || 'nowhere'}`)
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
  const dirs = args.length ? args : [path.join(root, '../shared/corpus'), path.join(root, 'tests/group/fixtures/fresh'), path.join(root, 'tests/group/fixtures/fresh-b'), path.join(root, 'tests/group/fixtures/placement-extra'), path.join(root, 'tests/group/fixtures/fresh-d')]
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

- \`../shared/corpus\` is the shipped corpus; \`fresh\` (set A) and \`fresh-b\`
  (set B) are notes written for issue 17 in styles the suite lacked, each
  with an answer key written before any measurement. Set A was measured
  before the change and then looked at while writing the wording signals,
  so **set B is the honest figure on unseen notes**: never tuned on. It
  measured fallback 4/36 (11.1%), keyed 28/36 (77.8%) right after the
  signals were written; one keyed link is no longer counted since links are
  not repeated in Resources (it stays a footnote in Questions, where its
  heading put it). Set B's misses: statements under a "Questions / ideas"
  heading go to the checklist (the heading wins over the wording), and
  notes under a heading whose neighbours split stay in the fallback.
- Before issue 17 (hashtag → heading → keywords → fallback): corpus fallback
  43/294 (14.6%), keyed 56/59 (94.9%); set A fallback 23/34 (67.6%), keyed
  10/44 (22.7%). Set A's keyed figure stays low because 17 of its 22 keyed
  notes (libraries-hubs-2025.md: bold-paragraph pseudo-headings under only
  the H1) are left out by \`segment\` as "preamble before the first section
  heading": no placement rule sees them (reported to issue 14's owner).
- Grouping time (section \`placement\`): the wording signals, neighbours,
  themes, openings and sub-point attachment add about 3 ms of CPU to a
  400-line file. Back to back at load average 6.1 on 2 cores: main median
  7.6 ms (CPU 5.7 ms, min 4.0 ms), this branch median 12.8 ms (CPU 8.6 ms,
  min 5.3 ms). The 10 ms target holds for CPU time and the minimum, not for
  the wall-clock median on this shared machine; most of the extra is
  garbage from per-note arrays in \`themes.ts\` (reusing placement's stems
  there is the next step).
- Command: \`npm run build && node bench/placement-accuracy.mjs [--verbose]\``,
    )
  }
}
