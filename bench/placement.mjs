#!/usr/bin/env node
// Placement benchmark: the group stage (notes → report model: segment, logistics,
// tidy, placement by hashtag / heading / keywords, key insights, footnotes) on a
// 400-line notes file, after warm-up. Target: median ≤ 10 ms.
//
//   npm run build && node bench/placement.mjs [--runs N] [--no-write]
//
// The notes file is made by shared/tools/make-archive.mjs (5 files, seed 7,
// concatenated and cut to 400 lines), or from the vendored corpus when the
// shared folder is not there. It is parsed and anonymised once; only grouping
// is timed. Writes the `placement` section of BENCHMARKS.md.
import os from 'node:os'
import path from 'node:path'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {machine, median, root, writeSection} from './lib/report.mjs'
import {notesFile} from './lib/notes400.mjs'

const {parseNotes} = await import(path.join(root, 'dist/parse/index.js'))
const {default: remarkChathamHouse} = await import(path.join(root, 'dist/anonymise/index.js'))
const {groupNotes} = await import(path.join(root, 'dist/group/index.js'))
const {loadProfile} = await import(path.join(root, 'dist/group/profile.js'))

const args = process.argv.slice(2)
const runs = Number(args[args.indexOf('--runs') + 1]) || 200
const write = !args.includes('--no-write')
const lines = 400

const {text, origin} = notesFile(lines)
const profile = loadProfile('insights-report')
const source = new VFile({path: 'bench.md', value: text})
const tree = parseNotes(source, {})
unified().use(remarkChathamHouse).runSync(tree, source)
const meta = source.data

const group = () => {
  const file = new VFile({path: 'bench.md', value: text})
  file.data = {...meta}
  return groupNotes(tree, file, profile)
}

for (let index = 0; index < 50; index++) group()
const times = []
const cpu = []
let report
for (let index = 0; index < runs; index++) {
  const cpuStarted = process.cpuUsage()
  const started = performance.now()
  report = group()
  times.push(performance.now() - started)
  const used = process.cpuUsage(cpuStarted)
  cpu.push((used.user + used.system) / 1000)
}
times.sort((a, b) => a - b)
const notes = report.sections.reduce((count, section) => count + section.items.length, 0) + report.omitted.length
const p90 = times[Math.floor(times.length * 0.9)]
const load = os.loadavg()[0].toFixed(1)
const result = `median ${median(times).toFixed(2)} ms (CPU time ${median(cpu).toFixed(2)} ms), p90 ${p90.toFixed(2)} ms, min ${times[0].toFixed(2)} ms over ${runs} runs after 50 warm-up runs; ${notes} notes placed or left out, ${report.sections.length} sections; load average ${load} while measuring`
console.log(`placement of a ${lines}-line notes file: ${result}`)

if (write) {
  writeSection(
    'placement',
    `## placement

Grouping a ${lines}-line notes file (already parsed and anonymised) into the
report model with the \`insights-report\` profile: segment, logistics, tidy,
placement (hashtag → heading → keywords), Key insights, footnotes and the
resources round-up. Target: median ≤ 10 ms after warm-up.

- Notes: ${origin}
- Result: ${result}
- Machine: ${machine()}
- Command: \`npm run build && node bench/placement.mjs\``,
  )
}
