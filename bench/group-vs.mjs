#!/usr/bin/env node
// Grouping, this checkout against another, side by side in one process: the same 400-line notes
// file as bench/placement.mjs (parsed and anonymised once by each checkout), then runs of
// `groupNotes` alternating A B A B … after warm-up, so that both see the same load. Prints each
// side's median wall and CPU time, p90 and min, and the ratio of medians (A/B); the load average.
//
//   npm run build && node bench/group-vs.mjs /work/main [--runs N]       A: this checkout, B: main
//   node bench/group-vs.mjs B-CHECKOUT A-CHECKOUT                         any two built checkouts
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {median, root} from './lib/report.mjs'
import {notesFile} from './lib/notes400.mjs'
import {alternate} from './lib/alternate.mjs'

const args = process.argv.slice(2)
const runs = Number(args[args.indexOf('--runs') + 1]) || 200
const [other, mine = root] = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--runs')
if (!other) {
  console.error('usage: node bench/group-vs.mjs OTHER-CHECKOUT [--runs N]')
  process.exit(2)
}

const {text} = notesFile()

/** A checkout's grouping of the notes file, as a function to time. */
async function grouping(checkout) {
  const load = (file) => import(pathToFileURL(path.join(checkout, 'dist', file)).href)
  const {parseNotes} = await load('parse/index.js')
  const {default: remarkChathamHouse} = await load('anonymise/index.js')
  const {groupNotes} = await load('group/index.js')
  const {loadProfile} = await load('group/profile.js')
  const profile = loadProfile('insights-report')
  const source = new VFile({path: 'bench.md', value: text})
  const tree = parseNotes(source, {})
  unified().use(remarkChathamHouse).runSync(tree, source)
  const meta = source.data
  return () => {
    const file = new VFile({path: 'bench.md', value: text})
    file.data = {...meta}
    return groupNotes(tree, file, profile)
  }
}

const sides = alternate(
  [
    {label: `A ${path.resolve(mine)}`, run: await grouping(path.resolve(mine))},
    {label: `B ${path.resolve(other)}`, run: await grouping(path.resolve(other))},
  ],
  runs,
)
for (const side of sides) {
  const sorted = [...side.wall].sort((a, b) => a - b)
  console.log(`${side.label}: median ${median(side.wall).toFixed(2)} ms (CPU ${median(side.cpu).toFixed(2)} ms), p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(2)} ms, min ${sorted[0].toFixed(2)} ms`)
}
const [a, b] = sides
console.log(`ratio of medians A/B: wall ${(median(a.wall) / median(b.wall)).toFixed(3)}, CPU ${(median(a.cpu) / median(b.cpu)).toFixed(3)}, min ${(Math.min(...a.wall) / Math.min(...b.wall)).toFixed(3)}; ${runs} runs each after 50 warm-up runs, alternating; load average ${os.loadavg()[0].toFixed(1)}`)
