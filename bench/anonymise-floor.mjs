#!/usr/bin/env node
// What the anonymise stage's time is made of, beside it: on the strings of the 400-line notes bench/anonymise.mjs times
// (every text and inline code of the parsed tree, as the stage's learn pass reads them), each part alone, in CPU time per
// pass over all the strings, medians after a warm-up, all in one process and interleaved (a part, then the next, …), so
// that a loaded machine inflates each alike:
//   scan       cutting each string into runs of letters and digits (the code-point scanner), nothing kept: the floor of
//              any token stream
//   fold       the same, and each word sliced and folded to its key (`fold`, lower case; no memo): what a shared token
//              stream with keys would cost to build once per string
//   roster     the roster matcher's look-ups alone (`findAll`: its tokens come from its own memo of strings)
//   contacts, public names, near names, people (rules + tagger), tagger alone: each recogniser alone, with no context
//   stage      the whole stage (`remarkChathamHouse`, fresh tree and roster each run), for scale
// Usage: npm run build && node bench/anonymise-floor.mjs [--runs N]
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import {anonymiseNotes} from './lib/anonymise-notes.mjs'
import {median, root} from './lib/report.mjs'

const args = process.argv.slice(2)
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 100
const dist = (file) => import(path.join(root, 'dist', file))
const {VFile} = await import('vfile')
const {unified} = await import('unified')
const {parseNotes} = await dist('parse/index.js')
const {default: remarkChathamHouse, createAnonymiser} = await dist('anonymise/index.js')
const {scanRuns, LETTER, NUMBER} = await dist('util/scan.js')
const {fold} = await dist('anonymise/forms.js')
const {findContacts} = await dist('anonymise/contacts.js')
const {findPublicNames} = await dist('anonymise/public-names.js')
const {findNearNames} = await dist('anonymise/near-names.js')
const {detectPeople} = await dist('anonymise/unrostered.js')
const {tagPeople} = await dist('anonymise/tagger/model.js')

const {notes, archive} = anonymiseNotes()
fs.rmSync(archive, {recursive: true, force: true})
const file = new VFile({path: 'bench.md', value: notes})
const tree = parseNotes(file)
const strings = []
const visit = (node) => {
  if ((node.type === 'text' || node.type === 'inlineCode') && node.value.trim() !== '') strings.push(node.value)
  for (const child of node.children ?? []) visit(child)
}
visit(tree)
const roster = file.data.roster
const doc = createAnonymiser(roster, file.data.meta, notes)
const processor = unified().use(remarkChathamHouse)

let sink = 0
const parts = {
  scan: () => {
    for (const value of strings) sink += scanRuns(value, LETTER | NUMBER).length
  },
  fold: () => {
    for (const value of strings) {
      const runs = scanRuns(value, LETTER | NUMBER)
      for (let at = 0; at < runs.length; at += 2) sink += fold(value.slice(runs[at], runs[at + 1])).toLowerCase().length
    }
  },
  roster: () => {
    for (const value of strings) sink += doc.matcher.findAll(value).length
  },
  contacts: () => {
    for (const value of strings) sink += findContacts(value).length
  },
  'public names': () => {
    for (const value of strings) sink += findPublicNames(value).length
  },
  'near names': () => {
    for (const value of strings) sink += findNearNames(value, roster, {blockStart: true}, []).length
  },
  'people (rules + tagger)': () => {
    for (const value of strings) sink += detectPeople(value, {blockStart: true}).length
  },
  'tagger alone': () => {
    for (const value of strings) sink += tagPeople(value).length
  },
  stage: () => {
    const copy = structuredClone(tree)
    const fresh = new VFile({path: 'bench.md', value: notes})
    fresh.data = {...structuredClone(file.data), redactions: []}
    processor.runSync(copy, fresh)
  },
}
const times = Object.fromEntries(Object.keys(parts).map((name) => [name, []]))
const load = os.loadavg()[0]
for (let run = 0; run < runs + 20; run++) {
  for (const [name, part] of Object.entries(parts)) {
    const cpu = process.cpuUsage()
    part()
    const used = process.cpuUsage(cpu)
    if (run >= 20) times[name].push((used.user + used.system) / 1000)
  }
}
const stage = median(times.stage)
console.log(`${strings.length} strings, ${runs} runs after 20, load ${load.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores (CPU ms per pass, median; share of the stage)`)
for (const [name, values] of Object.entries(times)) console.log(`${name.padEnd(26)} ${median(values).toFixed(2).padStart(7)} ms  ${((median(values) / stage) * 100).toFixed(0).padStart(3)}%`)
if (sink < 0) console.log(sink)
