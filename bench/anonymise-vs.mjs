#!/usr/bin/env node
// The anonymise stage of two builds side by side, in one process: this checkout's dist/ (A) and another built
// checkout's (B: main, or a copy of a dist/ before a change), run in turn A B A B … on the 400-line notes file
// bench/anonymise.mjs times, each run on a fresh copy of the parsed tree and of the roster. Each run is timed in CPU
// time (`process.cpuUsage`, user + system: on a shared, loaded machine, wall time measures the other users) and in
// wall time; pairing keeps the ratio meaningful when the machine's speed drifts. Prints the medians and the median of
// the pair ratios A/B.
// `--new-roster`: each run's roster has content no run had before (one more shared organisation, `Zzbench N`), so that
// no build finds it compiled: the first file of a series, where compiling the roster is part of the cost.
// Usage: npm run build && node bench/anonymise-vs.mjs CHECKOUT_B [--runs N] [--warmup N] [--new-roster]
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {anonymiseNotes} from './lib/anonymise-notes.mjs'
import {median, root} from './lib/report.mjs'
import fs from 'node:fs'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback)
const runs = option('--runs', 200)
const warmup = option('--warmup', 30)
const newRoster = args.includes('--new-roster')
let rosters = 0
const other = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'))
if (!other) {
  console.error('Usage: node bench/anonymise-vs.mjs CHECKOUT_B [--runs N] [--warmup N] (CHECKOUT_B: a built checkout)')
  process.exit(2)
}
const {VFile} = await import('vfile')
const {unified} = await import('unified')

const {notes, archive} = anonymiseNotes()
fs.rmSync(archive, {recursive: true, force: true})

/** One build: its parser and its plugin, the notes parsed once by it. */
async function build(checkout) {
  const load = (file) => import(pathToFileURL(path.join(checkout, 'dist', file)).href)
  const {parseNotes} = await load('parse/index.js')
  const {default: remarkChathamHouse} = await load('anonymise/index.js')
  const file = new VFile({path: 'bench.md', value: notes})
  const tree = parseNotes(file)
  const processor = unified().use(remarkChathamHouse)
  return () => {
    const copy = structuredClone(tree)
    const fresh = new VFile({path: 'bench.md', value: notes})
    fresh.data = {...structuredClone(file.data), redactions: []}
    if (newRoster) fresh.data.roster = {...fresh.data.roster, share: [...fresh.data.roster.share, `Zzbench ${rosters++}`]}
    const cpu = process.cpuUsage()
    const started = performance.now()
    processor.runSync(copy, fresh)
    const wall = performance.now() - started
    const used = process.cpuUsage(cpu)
    return {cpu: (used.user + used.system) / 1000, wall}
  }
}

const a = await build(root)
const b = await build(path.resolve(other))
const loadBefore = os.loadavg()[0]
const times = {a: [], b: []}
for (let run = 0; run < warmup + runs; run++) {
  const x = a()
  const y = b()
  if (run < warmup) continue
  times.a.push(x)
  times.b.push(y)
}
const ms = (values) => median(values).toFixed(2)
const ratios = (field) => median(times.a.map((x, index) => x[field] / times.b[index][field])).toFixed(3)
console.log(`A ${root} vs B ${path.resolve(other)}${newRoster ? ', a roster never seen each run' : ''}: ${runs} pairs after ${warmup} warm-up pairs, load ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`)
console.log(`cpu  median A ${ms(times.a.map((x) => x.cpu))} ms  B ${ms(times.b.map((x) => x.cpu))} ms  ratio of medians ${(median(times.a.map((x) => x.cpu)) / median(times.b.map((x) => x.cpu))).toFixed(3)}  median pair ratio ${ratios('cpu')}`)
console.log(`wall median A ${ms(times.a.map((x) => x.wall))} ms  B ${ms(times.b.map((x) => x.wall))} ms  ratio of medians ${(median(times.a.map((x) => x.wall)) / median(times.b.map((x) => x.wall))).toFixed(3)}  median pair ratio ${ratios('wall')}`)
