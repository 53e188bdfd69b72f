// One report, HTML + PDF, in a fresh process — what a facilitator waits for
// after `exchange build notes.md`. Median wall time of N runs of the real
// command, alternating with md-to-pdf (npm) on the same notes and the same
// Chromium and with the floor (a fresh process printing one line, through
// Puppeteer and through Chromium alone), then where the time goes (one
// in-process run, step by step).
//
//   npm run build && node bench/single-report.mjs [runs=7] [notes=examples/youth-voice-2023.md]
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {machine, median, root, writeSection} from './lib/report.mjs'

const runs = Math.max(5, Number(process.argv[2] ?? 7))
const notes = process.argv[3] ?? 'examples/youth-voice-2023.md'
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-'))
// A new output folder every run: an unchanged report in an old one would be skipped.
const command = (run) => ['bin/exchange.js', 'build', notes, '-o', path.join(out, String(run)), '-f', 'html,pdf', '-q']
const target = 0.8

const ms = (start) => Math.round(performance.now() - start)
// CPU time of finished children (the command and the Chromium it waited for), on Linux: less at the mercy of other load than wall time.
const childCpu = () => {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100 // cutime + cstime, in ticks of 1/100 s
  } catch {
    return Number.NaN
  }
}
const load = () => os.loadavg()[0].toFixed(2)

// The peer: md-to-pdf, one call on a copy of the same notes, with the same Chromium and flags as the batch benchmark.
const {findChromium, browserArgs, isHeadlessShell, launchBrowser} = await import('../dist/print/browser.js')
const chromium = findChromium()
const launchOptions = JSON.stringify({executablePath: chromium, headless: isHeadlessShell(chromium) ? 'shell' : true, args: browserArgs()})
const mdToPdf = path.join(root, 'node_modules/md-to-pdf/dist/cli.js')
const mdToPdfVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/md-to-pdf/package.json'), 'utf8')).version
const peerDir = path.join(out, 'md-to-pdf')
fs.mkdirSync(peerDir)
const peerNotes = path.join(peerDir, path.basename(notes))
fs.copyFileSync(path.join(root, notes), peerNotes)
/** Run a command to its end; its wall time in ms. It must exit 0, and write `makes` if given. */
const timedRun = (argv, {cwd = out, makes} = {}) => {
  const start = performance.now()
  const result = spawnSync(argv[0], argv.slice(1), {cwd, encoding: 'utf8'})
  const took = ms(start)
  if (result.status !== 0 || (makes && !fs.existsSync(makes))) throw new Error(`${path.basename(argv[1] ?? argv[0])} failed (${result.status}): ${result.stderr}`)
  return took
}
const peerRun = () => {
  const pdf = peerNotes.replace(/\.md$/, '.pdf')
  fs.rmSync(pdf, {force: true})
  return timedRun([process.execPath, mdToPdf, peerNotes, '--launch-options', launchOptions], {cwd: peerDir, makes: pdf})
}

// The floor: what any tool pays on this machine to print one page from a fresh process, with the same
// Chromium and flags. Puppeteer: load it, launch, print `<p>Hello</p>`, close. Chromium alone: its own
// `--print-to-pdf` of that page.
const hello = path.join(out, 'hello.html')
fs.writeFileSync(hello, '<p>Hello</p>')
const floors = {
  puppeteer: {label: 'Puppeteer: load it, launch Chromium, print `<p>Hello</p>`, close', argv: () => [process.execPath, path.join(root, 'bench/lib/hello-print.mjs'), launchOptions, path.join(out, 'hello-puppeteer.pdf')], walls: []},
  chromium: {
    label: 'Chromium alone: `--headless --print-to-pdf` of that page',
    argv: () => [chromium, '--headless', ...browserArgs(), `--user-data-dir=${fs.mkdtempSync(path.join(out, 'profile-'))}`, `--print-to-pdf=${path.join(out, 'hello-chromium.pdf')}`, pathToFileURL(hello).href],
    walls: [],
  },
}

// 1. The command, fresh each time, alternating with the peer and the floors.
spawnSync(process.execPath, command('warm'), {cwd: root, stdio: 'ignore'}) // warm the disk cache
peerRun()
const walls = []
const cpus = []
const loads = []
const peerWalls = []
for (let run = 0; run < runs; run++) {
  loads.push(load())
  const cpuBefore = childCpu()
  const start = performance.now()
  const result = spawnSync(process.execPath, command(run), {cwd: root, encoding: 'utf8'})
  walls.push(ms(start))
  cpus.push(Math.round(childCpu() - cpuBefore))
  if (result.status !== 0) throw new Error(`exchange build failed (${result.status}): ${result.stderr}`)
  if (!fs.existsSync(path.join(out, String(run), path.basename(notes).replace(/\.md$/, '.pdf')))) throw new Error('no PDF written')
  peerWalls.push(peerRun())
  for (const floor of Object.values(floors)) floor.walls.push(timedRun(floor.argv()))
}
const wall = median(walls)
const peerWall = median(peerWalls)

// 2. The timeline of one more run of the command itself, from process start to exit (bench/lib/timeline.mjs).
const timelineFile = path.join(out, 'timeline.jsonl')
spawnSync(process.execPath, ['--import', pathToFileURL(path.join(root, 'bench/lib/timeline.mjs')).href, ...command('timeline')], {cwd: root, env: {...process.env, EXCHANGE_TIMELINE: timelineFile}})
const timeline = fs.readFileSync(timelineFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
const blockedMs = (what) => Number(/^event loop blocked (\d+) ms/.exec(what)?.[1] ?? Number.NaN)
const shortBlocks = timeline.filter(([, what]) => blockedMs(what) < 50)

// 3. Where the time goes: the same work, one step at a time, in this process (cold).
const steps = []
const step = async (name, work) => {
  const start = performance.now()
  const value = await work()
  steps.push([name, ms(start)])
  return value
}
const {compileReport, readNotes} = await step('load the build modules', () => import('../dist/index.js'))
const compiled = await step('compile (parse, anonymise, group, render, audit HTML)', () => compileReport(readNotes(path.join(root, notes))))
const browser = await step('load Puppeteer and launch Chromium (overlapped with compiling in `build`)', () => launchBrowser())
const {printPdf} = await import('../dist/print/pdf.js')
const timings = {}
const pdf = await step('print (total)', () => printPdf(compiled.html, browser, {onTiming: (name, took) => (timings[name] = Math.round(took))}))
const labels = {
  page: '  open a page',
  load: '  load the HTML (a new page: the fonts fetched from memory and decoded), laid out as the layout pass',
  layout: '  read the layout pass: the contents page numbers guessed',
  draft: '  draft print for the contents page numbers (only when the guess cannot be made)', print: '  final print (tagged, outline)', finish: '  finish: metadata, outline, dates'}
for (const [name, took] of Object.entries(timings)) steps.push([labels[name] ?? `  ${name}`, took])
// The contents page numbers cost a second print: the same print with and without them, warm, alternating.
const numbered = []
const plain = []
for (let run = 0; run < 5; run++) {
  for (const [list, pageNumbers] of [[numbered, true], [plain, false]]) {
    const start = performance.now()
    await printPdf(compiled.html, browser, {pageNumbers})
    list.push(ms(start))
  }
}
const {pdfText} = await import('../dist/audit/index.js')
await step('read the PDF text back for the audit (its pages’ content streams; pdf.js only for a PDF that reader does not know)', () => pdfText(pdf))
await step('close Chromium', () => browser.close())
fs.rmSync(out, {recursive: true, force: true})

const lines = [
  `Machine: ${machine()}`,
  '',
  `Command: \`node ${command('N').join(' ').replace(path.join(out, 'N'), 'OUT')}\` (${notes}: ${compiled.html.length.toLocaleString('en')} bytes of HTML, ${Math.round(pdf.byteLength / 1024)} KiB PDF), ${runs} runs, fresh process each.`,
  '',
  `| median wall | runs (ms) | median CPU (node + Chromium) | CPU per run (ms) | 1-min load average during the runs | target |`,
  '| --- | --- | --- | --- | --- | --- |',
  `| **${(wall / 1000).toFixed(2)} s** | ${walls.join(', ')} | ${(median(cpus) / 1000).toFixed(2)} s | ${cpus.join(', ')} | ${loads.join(', ')} | ≤ ${target} s wall |`,
  '',
  `The peer, alternating with those runs: md-to-pdf ${mdToPdfVersion}, \`md-to-pdf NOTES --launch-options '${launchOptions}'\` on a copy of the same notes (a plain render: no theme, contents, audit or tagging): median **${(peerWall / 1000).toFixed(2)} s** (${peerWalls.join(', ')} ms). **md-to-pdf / exchange = ${(peerWall / wall).toFixed(2)}**.`,
  '',
  `The floor, alternating with those runs too: what printing one line costs on this machine from a fresh process, with the same Chromium and flags.`,
  '',
  '| floor | median | runs (ms) |',
  '| --- | --- | --- |',
  ...Object.values(floors).map(({label, walls: list}) => `| ${label} | **${(median(list) / 1000).toFixed(2)} s** | ${list.join(', ')} |`),
  '',
  `**exchange / Puppeteer floor = ${(wall / median(floors.puppeteer.walls)).toFixed(2)}** (medians of the alternating runs; target ≤ 1.25); pair by pair: ${walls.map((w, index) => (w / floors.puppeteer.walls[index]).toFixed(2)).join(', ')}.`,
  '',
  `The command's own timeline, one more run (\`node --import bench/lib/timeline.mjs\`, ms from the process's start; ${shortBlocks.length} stretches of 15–50 ms with the event loop blocked left out, ${shortBlocks.reduce((sum, [, what]) => sum + blockedMs(what), 0)} ms in all):`,
  '',
  '| ms | event |',
  '| --- | --- |',
  ...timeline.filter((entry) => !shortBlocks.includes(entry)).map(([at, what]) => `| ${at} | ${what} |`),
  '',
  'Where the time goes (one cold in-process run of the same steps, `node bench/single-report.mjs`):',
  '',
  '| step | ms |',
  '| --- | --- |',
  ...steps.map(([name, took]) => `| ${name} | ${took} |`),
  '',
  `Page numbers in the contents (the layout pass, its check against the PDF, and a second print only when a guess misses), warm browser, 5 prints each: with ${median(numbered)} ms (${numbered.join(', ')}), without (\`printPdf(html, browser, {pageNumbers: false})\`) ${median(plain)} ms (${plain.join(', ')}).`,
]
const markdown = `## single-report\n\n${lines.join('\n')}\n`
writeSection('single-report', markdown)
process.stdout.write(`${markdown}\n`)
