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
import {root} from './lib/report.mjs'

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
  const dirs = args.length ? args : [path.join(root, '../shared/corpus'), path.join(root, 'tests/group/fixtures/fresh'), path.join(root, 'tests/group/fixtures/fresh-b')]
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue
    const result = measure(dir)
    console.log(`${path.relative(root, dir) || dir}: fallback ${result.fallback}/${result.notes} notes (${percent(result.fallback, result.notes)}%), keyed notes in the expected section ${result.right}/${result.keyed} (${percent(result.right, result.keyed)}%)`)
    if (verbose) {
      for (const row of result.rows) {
        console.log(`  ${row.name}: fallback ${row.fallback}/${row.notes}, keyed ${row.right}/${row.keyed}`)
        for (const wrong of row.wrong) console.log(`    ✗ ${wrong}`)
        for (const text of row.unplaced) console.log(`    ? ${text.slice(0, 110)}`)
      }
    }
  }
}
