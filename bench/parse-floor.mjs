// The floor under "500 reports → HTML": what parsing the notes alone costs,
// against the whole compile. Three parsers, alternating in the same process:
// remark-parse with GFM and front matter as published (GFM's literal-autolink
// syntax included), micromark the notes' way (the same without that syntax,
// bare addresses linked by a linear pass after parsing; the same tree), and
// the notes' own parser (`notesParser()`, below). Single thread, warm (3 rounds over the files first, then 5
// timed), CPU time from process.cpuUsage (V8's own helper threads included,
// as a batch pays them).
//
//   npm run build && node bench/parse-floor.mjs [count=100]
//
// The files are the first COUNT of `make-archive.mjs 500 DIR --seed 7`.
//
//   node bench/parse-floor.mjs --floor DIR
//
// prints, as JSON, the notes' parser's CPU ms per file over every notes file
// of DIR (warmed on the first 50), for bench/batch.mjs to set beside its
// 500 → HTML figure; it writes nothing.
//
// The notes' parser is markdown-it's tokens made into the same mdast
// (`src/parse/markdown-it.ts`), micromark for a file it is not sure of; the
// table sets it beside its micromark-only form (`notesParser({markdownIt:
// false})`), alternating in the same rounds.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {machine, makeArchiveTool, median, writeSection} from './lib/report.mjs'

const {compileReport, readNotes, notesParser} = await import('../dist/index.js')
const {literalLinkStats} = await import('../dist/parse/literal-links.js')
const gfmParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
const notesOwn = notesParser().freeze()
const notesMicromark = notesParser({markdownIt: false}).freeze()

const notesFilesOf = (dir) =>
  fs
    .readdirSync(dir, {recursive: true})
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(dir, name))

const cpuMs = (work) => {
  const usage = process.cpuUsage()
  work()
  const used = process.cpuUsage(usage)
  return (used.user + used.system) / 1000
}

const floorIndex = process.argv.indexOf('--floor')
if (floorIndex !== -1) {
  const sources = notesFilesOf(process.argv[floorIndex + 1]).map((file) => fs.readFileSync(file, 'utf8'))
  for (let round = 0; round < 3; round++) for (const source of sources.slice(0, 50)) notesOwn.parse(source)
  const ms = cpuMs(() => {
    for (const source of sources) notesOwn.parse(source)
  })
  process.stdout.write(`${JSON.stringify({files: sources.length, parseCpuMs: ms / sources.length, cores: os.availableParallelism()})}\n`)
  process.exit(0)
}

const count = Number(process.argv[2] ?? 100)
const makeArchive = makeArchiveTool()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-parse-'))
execFileSync(process.execPath, [makeArchive, '500', dir, '--seed', '7'], {stdio: 'ignore'})
const files = notesFilesOf(dir).slice(0, count)
const sources = files.map((file) => fs.readFileSync(file, 'utf8'))

/** Median CPU and wall ms per file of each piece of work, over 5 timed rounds after 3 untimed; the pieces alternate within each round. */
function measure(works) {
  const cpu = works.map(() => [])
  const wall = works.map(() => [])
  for (let round = 0; round < 8; round++) {
    works.forEach((work, which) => {
      const start = performance.now()
      const ms = cpuMs(() => {
        for (let index = 0; index < files.length; index++) work(index)
      })
      if (round < 3) return
      cpu[which].push(ms / files.length)
      wall[which].push((performance.now() - start) / files.length)
    })
  }
  return works.map((_, which) => ({cpu: median(cpu[which]), wall: median(wall[which])}))
}

const reparsedBefore = literalLinkStats.reparsed
const fastBefore = literalLinkStats.fast
const [gfm, micromark, own] = measure([(index) => gfmParser.parse(sources[index]), (index) => notesMicromark.parse(sources[index]), (index) => notesOwn.parse(sources[index])])
const reparsed = (literalLinkStats.reparsed - reparsedBefore) / 8 / 2
const viaMarkdownIt = (literalLinkStats.fast - fastBefore) / 8
const [compile] = measure([(index) => compileReport(readNotes(files[index]), {outputs: ['html']})])
fs.rmSync(dir, {recursive: true, force: true})
const cores = os.availableParallelism()
const floor500 = (500 * own.cpu) / cores / 1000

const markdown = `## parse-floor

What parsing the notes alone costs, against the whole compile, per report: single thread, warm, medians of 5 rounds over the first ${count} files of \`make-archive.mjs 500 DIR --seed 7\` (the three parsers alternating in each round). CPU time includes V8's helper threads (garbage collection), as a batch pays them.

| | CPU ms per report | wall ms per report |
| --- | --- | --- |
| remark-parse + remark-gfm + remark-frontmatter, as published | **${gfm.cpu.toFixed(1)}** | ${gfm.wall.toFixed(1)} |
| micromark, the notes' way (\`notesParser({markdownIt: false})\`: the same without GFM's literal-autolink syntax, bare addresses linked after parsing; the same tree) | **${micromark.cpu.toFixed(1)}** | ${micromark.wall.toFixed(1)} |
| the notes' parser (\`notesParser()\`: markdown-it's tokens made into the same tree, micromark where not sure; then the same address pass) | **${own.cpu.toFixed(1)}** | ${own.wall.toFixed(1)} |
| the whole compile to HTML (\`compileReport\`: parse, anonymise, group, render, audit) | **${compile.cpu.toFixed(1)}** | ${compile.wall.toFixed(1)} |

The notes' parser made ${viaMarkdownIt} of the ${count} trees from markdown-it's tokens (the rest with micromark), and parsed ${reparsed} a second time with the literal-autolink syntax (where the address pass was not sure); it costs ${((own.cpu / micromark.cpu) * 100).toFixed(0)}% of micromark's CPU the notes' way, ${((own.cpu / gfm.cpu) * 100).toFixed(0)}% of the published parser's.
Parsing 500 such notes, with nothing else, takes at least ${floor500.toFixed(1)} s on ${cores} cores (500 × ${own.cpu.toFixed(1)} ms ÷ ${cores}), if they split the work perfectly; the whole compile, ${((500 * compile.cpu) / cores / 1000).toFixed(1)} s.

Machine: ${machine()}; 1-minute load average at the end ${os.loadavg()[0].toFixed(2)}.
Command: \`npm run build && node bench/parse-floor.mjs ${count}\`.
`
writeSection('parse-floor', markdown)
process.stdout.write(markdown)
