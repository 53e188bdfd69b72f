// The floor under "500 reports → HTML": what parsing the notes alone costs,
// with the parser the pipeline is built on (remark-parse with GFM and front
// matter, no plugin of ours), against the whole compile. Single thread,
// warm (3 rounds over the files first, then 5 timed), CPU time from
// process.cpuUsage (V8's own helper threads included, as a batch pays them).
//
//   npm run build && node bench/parse-floor.mjs [count=100]
//
// The files are the first COUNT of `make-archive.mjs 500 DIR --seed 7`.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {machine, makeArchiveTool, median, writeSection} from './lib/report.mjs'

const count = Number(process.argv[2] ?? 100)
const makeArchive = makeArchiveTool()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-parse-'))
execFileSync(process.execPath, [makeArchive, '500', dir, '--seed', '7'], {stdio: 'ignore'})
const files = fs.readdirSync(dir, {recursive: true}).map(String).filter((name) => name.endsWith('.md')).sort().slice(0, count).map((name) => path.join(dir, name))
const sources = files.map((file) => fs.readFileSync(file, 'utf8'))

const {compileReport, readNotes} = await import('../dist/index.js')
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

/** Median CPU and wall ms per file over 5 timed rounds, after 3 untimed. */
function measure(work) {
  const cpu = []
  const wall = []
  for (let round = 0; round < 8; round++) {
    const usage = process.cpuUsage()
    const start = performance.now()
    for (let index = 0; index < files.length; index++) work(index)
    const used = process.cpuUsage(usage)
    if (round < 3) continue
    cpu.push((used.user + used.system) / 1000 / files.length)
    wall.push((performance.now() - start) / files.length)
  }
  return {cpu: median(cpu), wall: median(wall)}
}

const parse = measure((index) => parser.parse(sources[index]))
const compile = measure((index) => compileReport(readNotes(files[index]), {outputs: ['html']}))
fs.rmSync(dir, {recursive: true, force: true})
const cores = os.availableParallelism()
const floor500 = (500 * parse.cpu) / cores / 1000

const markdown = `## parse-floor

What parsing the notes alone costs, against the whole compile, per report: single thread, warm, medians of 5 rounds over the first ${count} files of \`make-archive.mjs 500 DIR --seed 7\`. CPU time includes V8's helper threads (garbage collection), as a batch pays them.

| | CPU ms per report | wall ms per report |
| --- | --- | --- |
| remark-parse + remark-gfm + remark-frontmatter, nothing else | **${parse.cpu.toFixed(1)}** | ${parse.wall.toFixed(1)} |
| the whole compile to HTML (\`compileReport\`: parse, anonymise, group, render, audit) | **${compile.cpu.toFixed(1)}** | ${compile.wall.toFixed(1)} |

Parsing 500 such notes, with nothing else, takes at least ${floor500.toFixed(1)} s on ${cores} cores (500 × ${parse.cpu.toFixed(1)} ms ÷ ${cores}), if they split the work perfectly: ${floor500 > 5 ? 'more than' : 'within'} the 5 s target for 500 reports to HTML.

Machine: ${machine()}.
Command: \`npm run build && node bench/parse-floor.mjs ${count}\`.
`
writeSection('parse-floor', markdown)
process.stdout.write(markdown)
