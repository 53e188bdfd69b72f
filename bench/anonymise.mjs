#!/usr/bin/env node
// Anonymise benchmark: how long the Chatham House stage takes on a 400-line
// notes file, after warm-up (the word lists are decoded and the code is hot).
// The file is made realistic with shared/tools/make-archive.mjs: the bodies of
// generated notes are joined to 400 lines under one front matter that lists
// every attendee of the files used (speaker labels, attributions, orgs as
// places, contacts, people not on the roster, common-word names, tables…).
// Timed: the anonymise plugin alone, on a fresh copy of the parsed tree each run
// (parsing is timed apart, for context). Also reported: the answer keys of the
// generated files, checked on the anonymised notes.
// Usage: npm run build && node bench/anonymise.mjs [--write] [--runs N]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {anonymiseNotes} from './lib/anonymise-notes.mjs'
import {machine, median, root, writeSection} from './lib/report.mjs'

const args = process.argv.slice(2)
const write = args.includes('--write')
const runs = Number(args[args.indexOf('--runs') + 1]) > 0 ? Number(args[args.indexOf('--runs') + 1]) : 200
const dist = (file) => path.join(root, 'dist', file)
const {VFile} = await import('vfile')
const {unified} = await import('unified')
const {default: remarkStringify} = await import('remark-stringify')
const {default: remarkGfm} = await import('remark-gfm')
const {parseNotes} = await import(dist('parse/index.js'))
const {default: remarkChathamHouse} = await import(dist('anonymise/index.js'))

const {notes, front, files, archive} = anonymiseNotes()
const lines = notes.split('\n').length - 1

const load = os.loadavg()[0]
const parseTimes = []
let tree
let file
for (let run = 0; run < 40; run++) {
  file = new VFile({path: 'bench.md', value: notes})
  const started = performance.now()
  tree = parseNotes(file)
  if (run >= 10) parseTimes.push(performance.now() - started)
}
const processor = unified().use(remarkChathamHouse)
const times = []
let redactions = 0
let warnings = 0
for (let run = 0; run < runs + 20; run++) {
  const copy = structuredClone(tree)
  const fresh = new VFile({path: 'bench.md', value: notes})
  // A fresh roster each run: compiling it into a matcher is part of the cost.
  fresh.data = {...structuredClone(file.data), redactions: []}
  const started = performance.now()
  processor.runSync(copy, fresh)
  const ms = performance.now() - started
  if (run >= 20) times.push(ms)
  redactions = fresh.data.redactions.length
  warnings = fresh.messages.filter((message) => message.ruleId === 'unrostered-name').length
}
times.sort((a, b) => a - b)
const p90 = times[Math.floor(times.length * 0.9)]

// The generated files' answer keys, on the anonymised notes (each file on its own).
const containsEntry = (text, entry) =>
  new RegExp(`(?<![\\p{L}\\p{N}_])${entry.replace(/\u2019/g, "'").replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'iu').test(text.replace(/\u2019/g, "'"))
let banned = 0
let leaked = 0
let wanted = 0
let kept = 0
let unrostered = 0
let caught = 0
const misses = []
for (const notesFile of files) {
  const key = JSON.parse(fs.readFileSync(notesFile.replace(/\.md$/, '.key.json'), 'utf8'))
  const vfile = new VFile({path: notesFile, value: fs.readFileSync(notesFile, 'utf8')})
  const parsed = parseNotes(vfile)
  processor.runSync(parsed, vfile)
  const markdown = unified().use(remarkStringify).use(remarkGfm).stringify(parsed).replace(/\\([\\`*_{}[\]()#+\-.!|~<>&])/g, '$1')
  // Name each miss: a figure alone does not say what to fix.
  for (const entry of key.must_not_appear.filter((entry) => containsEntry(markdown, entry))) misses.push(`left: ${path.basename(notesFile)}: ${entry}`)
  for (const entry of key.must_appear.filter((entry) => !containsEntry(markdown, entry))) misses.push(`lost: ${path.basename(notesFile)}: ${entry}`)
  banned += key.must_not_appear.length
  leaked += key.must_not_appear.filter((entry) => containsEntry(markdown, entry)).length
  wanted += key.must_appear.length
  kept += key.must_appear.filter((entry) => containsEntry(markdown, entry)).length
  unrostered += key.must_not_appear_unrostered.length
  caught += key.must_not_appear_unrostered.filter((entry) => !containsEntry(markdown, entry)).length
}
fs.rmSync(archive, {recursive: true, force: true})

const ms = (value) => `${value.toFixed(1)} ms`
const report = `## anonymise

The Chatham House stage (\`remarkChathamHouse\`) on a ${lines}-line notes file made with \`shared/tools/make-archive.mjs\` (seed \`bench\`: the bodies of the first generated files joined under one front matter listing their ${front.attendees.length} attendees), after 20 warm-up runs, ${runs} runs, each on a fresh copy of the parsed tree and of the roster (compiling the roster is part of the cost):

| | median | p90 |
|---|---|---|
| anonymise (${redactions} redactions, ${warnings} people not on the roster reported) | **${ms(median(times))}** | ${ms(p90)} |
| parse (remark, front matter, hashtags), for context | ${ms(median(parseTimes))} | |

Budget: ≤ 20 ms median. ${median(times) <= 20 ? 'Met.' : 'Not met.'} (Load average when it started: ${load.toFixed(1)} on ${os.availableParallelism()} cores — other work on the machine inflates the p90.)

Answer keys of all ${files.length} generated files, each anonymised on its own (whole entries, any case, letter/digit lookarounds): must_not_appear left ${leaked}/${banned}; must_appear kept ${kept}/${wanted} (${((kept / wanted) * 100).toFixed(1)}%); people not on the roster caught ${caught}/${unrostered} (${((caught / unrostered) * 100).toFixed(1)}%).

Machine: ${machine()}.
Command: \`npm run build && node bench/anonymise.mjs --write\`.
`
console.log(report)
for (const miss of misses) console.error(miss)
if (write) writeSection('anonymise', report)
