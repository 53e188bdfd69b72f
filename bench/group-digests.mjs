#!/usr/bin/env node
// Report-model digests: freeze what grouping produces, so that a change meant only to make
// grouping faster can be shown to change nothing a reader, `--explain` or the ledger sees.
//
// For every notes file of the shipped corpus (shared/corpus), of the held-out sets 1–6
// (bench/heldout*/notes) and of a generated archive of 60 files (shared/tools/make-archive.mjs,
// seed 5), it runs parse → anonymise → group as the build does (`processNotes`) and prints one
// line per file: the file, then a digest of
//   sections  each section's id, title, number, opening and items in order (content, headline,
//             detail, text, kind, placement, children: what themes and merges made)
//   left      what was left out (`omitted`, `leftOut`) and the ledger (nothing said is lost)
//   explain   `--explain`'s rows (where each note went, and why) and the group stage's diagnostics
//   rest      the other parts of the model (meta, introduction, footnotes, key insights, …)
// and a last line `all` over every file. Two checkouts give the same lines when their models agree.
//
// Usage: node bench/group-digests.mjs [CHECKOUT] [--out FILE]
//   CHECKOUT: a built checkout (default: this one); its dist/ is what runs.
//   Compare:  node bench/group-digests.mjs /work/main > main.txt; node bench/group-digests.mjs > mine.txt; diff main.txt mine.txt
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {digestSets, finish, notesUnder} from './lib/digest-sets.mjs'
import {root} from './lib/report.mjs'

const args = process.argv.slice(2)
const outAt = args.indexOf('--out')
const out = outAt >= 0 ? args[outAt + 1] : undefined
const checkout = path.resolve(args.find((arg, index) => !arg.startsWith('--') && index !== outAt + 1) ?? root)
const {VFile} = await import('vfile')
const {processNotes} = await import(pathToFileURL(path.join(checkout, 'dist/engine/pipeline.js')).href)
const {explainPlacements} = await import(pathToFileURL(path.join(checkout, 'dist/group/explain.js')).href)

const {sets, archive} = digestSets('exchange-group-digests-', {firstLabel: 'heldout1'})

const digest = (value) => createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('hex').slice(0, 16)
const all = createHash('sha256')
const lines = []
for (const {label, dir} of sets) {
  for (const name of notesUnder(dir)) {
    const full = path.join(dir, name)
    // A relative path, as the build gives it: the model must not depend on where the checkout is.
    const file = new VFile({path: name, value: fs.readFileSync(full, 'utf8')})
    let line
    try {
      const {report} = processNotes(file, {cwd: dir})
      const {sections, omitted, leftOut, ledger, ...rest} = report
      const messages = file.messages.filter((message) => message.source === 'exchange').map((message) => [message.line, message.column, message.ruleId, message.reason])
      line = [`${label}/${name}`, `sections=${digest(sections)}`, `left=${digest([omitted, leftOut, ledger])}`, `explain=${digest([explainPlacements(report), messages])}`, `rest=${digest(rest)}`].join(' ')
    } catch (error) {
      line = `${label}/${name} error=${digest(String(error?.message ?? error))}`
    }
    all.update(`${line}\n`)
    lines.push(line)
  }
}
finish(lines, all, archive, out)
