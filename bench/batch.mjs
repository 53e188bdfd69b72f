#!/usr/bin/env node
// Batch benchmark: `exchange build` of an archive against md-to-pdf, and the
// batch figures of issue #6. Runs the compiled CLI (`npm run build` first).
//
//   node bench/batch.mjs [--rounds 3] [--repeats 20] [--no-500-pdf] [--keep DIR]
//
// 1. 50 reports → PDF: `exchange build DIR --format pdf`, one md-to-pdf call
//    over the same 50 files (pointed at the same Chromium), and the floor
//    (exchange's own HTML of the 50 printed once per report, tagged and
//    outlined, by a plain Puppeteer loop with two pages: bench/lib/floor-print.mjs),
//    in turn, `--rounds` rounds; medians, the ratios md-to-pdf / exchange and
//    exchange / floor, and the CPU of exchange's main thread per report.
// 2. The unchanged re-run of the 50 (everything skipped).
// 3. 500 reports → HTML only.
// 4. Peak memory (PSS, the whole process tree, browser included) for 50 and
//    500 PDFs, sampling /proc/<pid>/smaps_rollup of every process of the tree.
// 5. `--repeats` builds of the 50 PDFs: how many runs failed (a report not
//    printed for any reason but the Chatham House audit refusing it).
//
// The archives are `shared/tools/make-archive.mjs N DIR --seed 7`.
import {execFileSync, spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {machine, makeArchiveTool, median, root, writeSection} from './lib/report.mjs'
import {descendants, peakPss, treeCpu} from './lib/processes.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(name)
  return index === -1 ? fallback : args[index + 1]
}
const rounds = Number(option('--rounds', 3))
const repeats = Number(option('--repeats', 20))
const with500Pdf = !args.includes('--no-500-pdf')
// `--sizes 5,10` for a smoke run of the script; the figures are for 50,500.
const [small, large] = option('--sizes', '50,500').split(',').map(Number)
const work = option('--keep', fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-batch-')))
const bin = path.join(root, 'bin/exchange.js')
const mdToPdf = path.join(root, 'node_modules/md-to-pdf/dist/cli.js')
const floorPrint = path.join(root, 'bench/lib/floor-print.mjs')
const mainThreadHook = path.join(root, 'bench/lib/main-thread-cpu.mjs')
const makeArchive = makeArchiveTool()
if (!fs.existsSync(path.join(root, 'dist/engine/batch.js'))) throw new Error('run `npm run build` first')

const {findChromium, browserArgs, isHeadlessShell} = await import(path.join(root, 'dist/print/browser.js'))
const chromium = findChromium()
const launchOptions = JSON.stringify({executablePath: chromium, headless: isHeadlessShell(chromium) ? 'shell' : true, args: browserArgs()})

const log = (text) => process.stderr.write(`${text}\n`)
const load = () => os.loadavg()[0].toFixed(2)
const loads = []
const s = (ms) => `${(ms / 1000).toFixed(2)} s`

function archive(count) {
  const dir = path.join(work, `archive-${count}`)
  if (!fs.existsSync(dir)) execFileSync(process.execPath, [makeArchive, String(count), dir, '--seed', '7'], {stdio: 'ignore'})
  return dir
}

function notesFiles(dir) {
  return fs
    .readdirSync(dir, {recursive: true})
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(dir, name))
}

function countFiles(dir, extension) {
  if (!fs.existsSync(dir)) return 0
  return fs.readdirSync(dir, {recursive: true}).map(String).filter((name) => name.endsWith(extension)).length
}

/** Run a command; resolves to its wall time, CPU time (its tree's), exit code, output and the peak PSS of its process tree. */
function run(command, commandArgs, {cwd = work, sampleMemory = false, env = {}} = {}) {
  return new Promise((resolve) => {
    loads.push(Number(load()))
    const started = performance.now()
    const child = spawn(command, commandArgs, {cwd, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NO_COLOR: '1', ...env}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const memory = sampleMemory ? peakPss(child.pid, 100) : undefined
    // Both tools keep both cores busy for most of a run: the ratio of their CPU times bounds that of their wall times.
    const cpu = treeCpu(child.pid, 100)
    child.on('exit', async (code) => {
      const ms = performance.now() - started
      resolve({ms, cpu: await cpu.stop(), code, stdout, stderr, pss: memory ? await memory.stop() : undefined})
    })
  })
}

/** Rules of failures that are not the audit refusing a report: a run with any of these failed. */
const infrastructure = new Set(['print', 'timeout', 'browser', 'browser-crashed', 'page-crashed', 'worker', 'internal', 'interrupted'])

async function exchangePdf(dir, out, {sampleMemory = false, extra = [], keep = false} = {}) {
  if (!keep) fs.rmSync(out, {recursive: true, force: true})
  const cpuLog = path.join(work, 'cpu.jsonl')
  fs.rmSync(cpuLog, {force: true})
  const result = await run(process.execPath, ['--import', mainThreadHook, bin, 'build', dir, '--format', 'pdf', '-o', out, '--json', '--quiet', ...extra], {sampleMemory, env: {EXCHANGE_BENCH_CPU_LOG: cpuLog}})
  // CPU of the node process: its main thread (which feeds the browser) and all its threads (workers, GC).
  const node = fs.existsSync(cpuLog) ? JSON.parse(fs.readFileSync(cpuLog, 'utf8').trim().split('\n').at(-1)) : {}
  Object.assign(result, {mainMs: node.mainMs, workersMs: node.workersMs, processMs: node.processMs})
  let summary
  try {
    summary = JSON.parse(result.stdout)
  } catch {
    return {...result, ok: false, built: 0, refused: 0, problems: [`no summary (exit ${result.code}): ${result.stderr.slice(0, 300)}`]}
  }
  const problems = summary.files.flatMap((file) => file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && infrastructure.has(diagnostic.rule)).map((diagnostic) => `${file.input}: ${diagnostic.rule}: ${diagnostic.message}`))
  const refused = summary.files.filter((file) => file.status === 'failed' && !file.diagnostics.some((diagnostic) => infrastructure.has(diagnostic.rule))).length
  const pdfs = countFiles(out, '.pdf')
  if (pdfs !== summary.built) problems.push(`${pdfs} PDFs written for ${summary.built} reports built`)
  return {...result, ok: problems.length === 0, built: summary.built, refused, retries: summary.retries, threads: summary.threads, problems, summary}
}

async function mdToPdfRun(dir) {
  const copy = path.join(work, 'md-to-pdf')
  fs.rmSync(copy, {recursive: true, force: true})
  fs.cpSync(dir, copy, {recursive: true})
  const files = notesFiles(copy)
  const result = await run(process.execPath, [mdToPdf, ...files, '--launch-options', launchOptions])
  const pdfs = countFiles(copy, '.pdf')
  const timeouts = (result.stdout.match(/TimeoutError/g) ?? []).length + (result.stderr.match(/TimeoutError/g) ?? []).length
  return {...result, ok: pdfs === files.length, pdfs, files: files.length, timeouts}
}

/** The floor: exchange's HTML of the archive (made once, not timed) printed once per report by a plain loop. */
async function floorRun(htmlDir) {
  const out = path.join(work, 'out-floor')
  fs.rmSync(out, {recursive: true, force: true})
  const cpuLog = path.join(work, 'cpu-floor.jsonl')
  fs.rmSync(cpuLog, {force: true})
  const result = await run(process.execPath, ['--import', mainThreadHook, floorPrint, launchOptions, htmlDir, out, '2'], {env: {EXCHANGE_BENCH_CPU_LOG: cpuLog}})
  // Its node process's CPU, to split the tree's between node and Chromium as exchange's is.
  const node = fs.existsSync(cpuLog) ? JSON.parse(fs.readFileSync(cpuLog, 'utf8').trim().split('\n').at(-1)) : {}
  const pdfs = countFiles(out, '.pdf')
  return {...result, processMs: node.processMs, pdfs, ok: result.code === 0 && pdfs === countFiles(htmlDir, '.html')}
}

log(`work folder: ${work}`)
const fifty = archive(small)
const fiveHundred = archive(large)
const out50 = path.join(work, 'out-50')
const startLoad = load()

// 1. 50 → PDF, alternately with md-to-pdf.
const ours = []
const theirs = []
const floors = []
const html50 = path.join(work, 'html-50')
fs.rmSync(html50, {recursive: true, force: true})
await run(process.execPath, [bin, 'build', fifty, '--format', 'html', '-o', html50, '--quiet'])
for (let round = 1; round <= rounds; round++) {
  const a = await exchangePdf(fifty, out50)
  ours.push(a)
  log(`round ${round}: exchange ${s(a.ms)} (${a.built} built, ${a.refused} refused by the audit, retries ${a.retries}${a.ok ? '' : `; FAILED: ${a.problems.join('; ')}`})`)
  const b = await mdToPdfRun(fifty)
  theirs.push(b)
  log(`round ${round}: md-to-pdf ${s(b.ms)} (${b.pdfs}/${b.files} PDFs, ${b.timeouts} navigation timeouts)`)
  const c = await floorRun(html50)
  floors.push(c)
  log(`round ${round}: floor ${s(c.ms)} (${c.pdfs} PDFs)`)
}
const floorMedian = median(floors.map((r) => r.ms))
const perReport = (ms, r) => `${Math.round(ms / Math.max(1, r.built))}`
const oursMedian = median(ours.map((r) => r.ms))
const theirsMedian = median(theirs.map((r) => r.ms))

// 1b. A re-brand: the 50 built with a brand folder, then rebuilt after each change of its accent colour.
// Every report is rebuilt (the brand is in every report's hash), and its contents' page numbers from the
// last build are tried before a draft print.
const brand = path.join(work, 'brand')
fs.rmSync(brand, {recursive: true, force: true})
fs.cpSync(path.join(root, 'templates/brand'), brand, {recursive: true})
const brandFile = path.join(brand, 'brand.yaml')
const accent = (colour) => fs.writeFileSync(brandFile, fs.readFileSync(brandFile, 'utf8').replace(/^(\s+accent: )"#[0-9a-f]{6}"/m, `$1"${colour}"`))
const outBrand = path.join(work, 'out-rebrand')
const firstBrand = await exchangePdf(fifty, outBrand, {extra: ['--brand', brand]})
const rebrands = []
for (const colour of ['#2a7f62', '#7a3b8f', '#c8553d']) {
  accent(colour)
  rebrands.push(await exchangePdf(fifty, outBrand, {extra: ['--brand', brand], keep: true}))
}
log(`re-brand: first build ${s(firstBrand.ms)}, rebuilds ${rebrands.map((r) => `${s(r.ms)} (${r.built} built)`).join(', ')}`)

// 2. Unchanged re-runs. As is, the reports the audit refused are compiled
// again (a failure is never recorded as done); on the archive without them,
// everything is skipped.
const unchangedRun = async (dir, out) => {
  const result = await run(process.execPath, [bin, 'build', dir, '--format', 'pdf', '-o', out, '--json', '--quiet'])
  const summary = JSON.parse(result.stdout)
  if (summary.built !== 0) throw new Error(`unchanged re-run rebuilt ${summary.built} reports (has someone changed the templates?)`)
  return {ms: result.ms, skipped: summary.skipped, recompiled: summary.failed, browser: summary.browser}
}
const unchangedAsIs = []
for (let index = 0; index < 5; index++) unchangedAsIs.push(await unchangedRun(fifty, out50))
log(`unchanged re-run, as is: ${unchangedAsIs.map((r) => s(r.ms)).join(', ')} (${unchangedAsIs[0].recompiled} refused reports compiled again)`)
const clean = path.join(work, 'archive-clean')
fs.rmSync(clean, {recursive: true, force: true})
for (const file of ours.at(-1).summary.files.filter((file) => file.status === 'built')) {
  const source = path.resolve(work, file.input)
  const target = path.join(clean, path.relative(fifty, source))
  fs.mkdirSync(path.dirname(target), {recursive: true})
  fs.copyFileSync(source, target)
}
const outClean = path.join(work, 'out-clean')
await exchangePdf(clean, outClean)
const unchanged = []
for (let index = 0; index < 5; index++) {
  const result = await unchangedRun(clean, outClean)
  if (result.browser || result.recompiled) throw new Error('the re-run of the accepted reports compiled or printed something')
  unchanged.push(result.ms)
}
log(`unchanged re-run, ${notesFiles(clean).length} reports the audit accepts: ${unchanged.map(s).join(', ')}`)
const cliStartup = []
for (let index = 0; index < 5; index++) cliStartup.push((await run(process.execPath, [bin, '--version'])).ms)

// 3. 500 → HTML, with the floor beside it: the notes' parser alone over the same 500 files, per core.
const html500 = []
const parseFloorScript = path.join(root, 'bench/parse-floor.mjs')
for (let round = 1; round <= rounds; round++) {
  const out = path.join(work, 'out-500-html')
  fs.rmSync(out, {recursive: true, force: true})
  const cpuLog = path.join(work, 'cpu-500-html.jsonl')
  fs.rmSync(cpuLog, {force: true})
  const result = await run(process.execPath, ['--import', mainThreadHook, bin, 'build', fiveHundred, '--format', 'html', '-o', out, '--json', '--quiet'], {env: {EXCHANGE_BENCH_CPU_LOG: cpuLog}})
  const summary = JSON.parse(result.stdout)
  const {mainMs, processMs} = JSON.parse(fs.readFileSync(cpuLog, 'utf8').trim().split('\n').at(-1))
  const floor = JSON.parse((await run(process.execPath, [parseFloorScript, '--floor', fiveHundred], {cwd: root})).stdout)
  const floorMs = (floor.files * floor.parseCpuMs) / floor.cores
  html500.push({ms: result.ms, built: summary.built, threads: summary.threads, processMs, mainMs, floorMs, parseCpuMs: floor.parseCpuMs})
  log(`500 → HTML round ${round}: ${s(result.ms)} (${summary.built} built, ${summary.threads} threads; node CPU ${s(processMs)}, main thread ${s(mainMs)}); parse floor ${s(floorMs)} (${floor.parseCpuMs.toFixed(1)} ms a file ÷ ${floor.cores} cores)`)
}
/** Milliseconds per report built in the 500 → HTML runs. */
const perHtmlReport = (ms) => (ms / Math.max(1, html500[0].built)).toFixed(0)

// 4. Peak memory, 50 and 500 PDFs.
const memory50 = await exchangePdf(fifty, path.join(work, 'out-50-memory'), {sampleMemory: true})
log(`50 PDFs: peak PSS ${(memory50.pss / 2 ** 20).toFixed(0)} MiB in ${s(memory50.ms)}`)
let memory500
if (with500Pdf) {
  memory500 = await exchangePdf(fiveHundred, path.join(work, 'out-500-pdf'), {sampleMemory: true})
  log(`500 PDFs: peak PSS ${(memory500.pss / 2 ** 20).toFixed(0)} MiB in ${s(memory500.ms)} (${memory500.built} built${memory500.ok ? '' : `; FAILED: ${memory500.problems.slice(0, 3).join('; ')}`})`)
}

// 5. Repeats of the 50-PDF build.
const repeated = []
for (let index = 1; index <= repeats; index++) {
  const result = await exchangePdf(fifty, out50)
  repeated.push(result)
  log(`repeat ${index}/${repeats}: ${s(result.ms)}${result.ok ? '' : ` FAILED: ${result.problems.join('; ')}`}`)
}
const failedRuns = repeated.filter((result) => !result.ok).length
const endLoad = load()

const table = (rows) => rows.map((row) => `| ${row.join(' | ')} |`).join('\n')
const markdown = `
## batch

\`node bench/batch.mjs --rounds ${rounds} --repeats ${repeats}${with500Pdf ? '' : ' --no-500-pdf'}\` (after \`npm run build\`), ${new Date().toISOString().slice(0, 10)}.

Machine: ${machine()}.
Load average (1 min) when the runs started: median ${median(loads).toFixed(2)}, max ${Math.max(...loads).toFixed(2)} (at the start ${startLoad}, at the end ${endLoad}); on a shared machine the absolute figures move with it, the ratios less.

Archives: \`node shared/tools/make-archive.mjs 50 DIR --seed 7\` and \`… 500 DIR --seed 7\` (80–300 lines of raw notes each).
exchange: \`node bin/exchange.js build DIR --format pdf -o OUT --json --quiet\` into an empty OUT (nothing to skip); the Chatham House audit refuses some archive reports (exit 3), which are counted apart: a refused report is not a failure of the batch.
md-to-pdf ${JSON.parse(fs.readFileSync(path.join(root, 'node_modules/md-to-pdf/package.json'), 'utf8')).version}: one call, \`md-to-pdf DIR/*/*.md --launch-options '${launchOptions}'\` (the same Chromium and flags), on a fresh copy of DIR each round.

| 50 reports → PDF | ${ours.map((_, index) => `round ${index + 1}`).join(' | ')} | median |
| --- | ${ours.map(() => '---').join(' | ')} | --- |
${table([
  ['exchange', ...ours.map((r) => `${s(r.ms)} (${r.built} PDFs, ${r.refused} refused)`), `**${s(oursMedian)}**`],
  ['md-to-pdf', ...theirs.map((r) => `${s(r.ms)} (${r.pdfs}/${r.files} PDFs${r.timeouts ? `, ${r.timeouts} timeouts` : ''})`), `**${s(theirsMedian)}**`],
  ['floor: exchange’s HTML printed once per report (plain Puppeteer loop, two pages)', ...floors.map((r) => `${s(r.ms)} (${r.pdfs} PDFs)`), `**${s(floorMedian)}**`],
  ['exchange / floor', ...ours.map((r, index) => (r.ms / floors[index].ms).toFixed(2)), `**${(oursMedian / floorMedian).toFixed(2)}**`],
])}

**exchange / floor = ${(oursMedian / floorMedian).toFixed(2)}** (target ≤ 1.3). Floor: \`node bench/lib/floor-print.mjs LAUNCH-OPTIONS HTML-DIR OUT 2\` over \`exchange build DIR --format html\`'s output, made once before the rounds.

CPU of exchange's node process per report built (\`node --import bench/lib/main-thread-cpu.mjs\`, read at exit): main thread (it feeds the browser) ${ours.map((r) => perReport(r.mainMs, r)).join(', ')} ms (median **${Math.round(median(ours.map((r) => r.mainMs / Math.max(1, r.built))))} ms**; target ≤ 60 ms); every thread (workers compiling and reading PDFs back, GC) ${ours.map((r) => perReport(r.processMs, r)).join(', ')} ms (median **${Math.round(median(ours.map((r) => r.processMs / Math.max(1, r.built))))} ms**), of which the worker threads ${ours.map((r) => perReport(r.workersMs ?? 0, r)).join(', ')} ms and V8's helper threads the rest (TurboFan's background compiles, most of it, and garbage collection); ${ours[0].threads} worker thread(s).

**md-to-pdf / exchange = ${(theirsMedian / oursMedian).toFixed(2)}** (medians of the same run; target ≥ 1.2). md-to-pdf lost PDFs in ${theirs.filter((r) => !r.ok).length} of ${theirs.length} rounds.

CPU time of the whole process tree (node and every Chromium process, sampled every 100 ms), the same rounds: exchange ${ours.map((r) => s(r.cpu)).join(', ')} (median **${s(median(ours.map((r) => r.cpu)))}**, ${(median(ours.map((r) => r.cpu)) / oursMedian).toFixed(2)} cores busy); floor ${floors.map((r) => s(r.cpu)).join(', ')} (median **${s(median(floors.map((r) => r.cpu)))}**); md-to-pdf ${theirs.map((r) => s(r.cpu)).join(', ')} (median **${s(median(theirs.map((r) => r.cpu)))}**, ${(median(theirs.map((r) => r.cpu)) / theirsMedian).toFixed(2)} cores busy).

Split per report, node's process against Chromium's (the tree's CPU less node's), medians of the rounds: exchange ${Math.round(median(ours.map((r) => r.processMs / Math.max(1, r.built))))} ms node, ${Math.round(median(ours.map((r) => (r.cpu - r.processMs) / Math.max(1, r.built))))} ms Chromium; floor ${Math.round(median(floors.map((r) => r.processMs / Math.max(1, r.pdfs))))} ms node, ${Math.round(median(floors.map((r) => (r.cpu - r.processMs) / Math.max(1, r.pdfs))))} ms Chromium.

| figure | result | target |
| --- | --- | --- |
${table([
  [`unchanged re-run of the ${notesFiles(clean).length} of the 50 the audit accepts (all skipped, no browser)`, `median ${s(median(unchanged))} (${unchanged.map(s).join(', ')})`, '≤ 0.5 s'],
  ['unchanged re-run of all 50 (the refused ones are compiled again)', `median ${s(median(unchangedAsIs.map((r) => r.ms)))} (${unchangedAsIs[0].skipped} skipped, ${unchangedAsIs[0].recompiled} compiled and refused again)`, ''],
  ['of which: starting the CLI (`exchange --version`)', `median ${s(median(cliStartup))}`, ''],
  [
    `re-brand: the 50 rebuilt after the brand's accent colour changed (every report rebuilt; the contents' page numbers of the last build tried first)`,
    `median ${s(median(rebrands.map((r) => r.ms)))} (${rebrands.map((r) => `${s(r.ms)}, ${r.built} built`).join('; ')}), against ${s(firstBrand.ms)} for the first build with that brand`,
    '',
  ],
  ['500 reports → HTML', `median ${s(median(html500.map((r) => r.ms)))} (${html500.map((r) => s(r.ms)).join(', ')}; ${html500[0].built} built, ${html500[0].threads} worker threads)`, '≤ 8 s'],
  [
    '… its floor: the notes parsed alone (`bench/parse-floor.mjs --floor`), ÷ cores, each round just after the build',
    `median ${s(median(html500.map((r) => r.floorMs)))} (${html500.map((r) => s(r.floorMs)).join(', ')}); **build / floor ${(median(html500.map((r) => r.ms)) / median(html500.map((r) => r.floorMs))).toFixed(2)}**`,
    '',
  ],
  [
    '… node CPU per report built, every thread (workers compiling, GC) / main thread',
    `median ${perHtmlReport(median(html500.map((r) => r.processMs)))} ms (${html500.map((r) => perHtmlReport(r.processMs)).join(', ')}) / ${perHtmlReport(median(html500.map((r) => r.mainMs)))} ms; parsing alone ${median(html500.map((r) => r.parseCpuMs)).toFixed(1)} ms`,
    '≤ 60 ms',
  ],
  ['peak PSS, 50 PDFs (whole tree, browser included)', `${(memory50.pss / 2 ** 20).toFixed(0)} MiB (${s(memory50.ms)})`, ''],
  ...(memory500 ? [['peak PSS, 500 PDFs (whole tree, browser included)', `${(memory500.pss / 2 ** 20).toFixed(0)} MiB (${s(memory500.ms)}, ${memory500.built} PDFs, ${memory500.refused} refused; ${((memory500.pss / memory50.pss - 1) * 100).toFixed(0)}% above the 50-PDF peak)`, '≤ 500 MiB, within 25% of the 50-PDF peak']] : []),
  [`${repeats} builds of the 50 PDFs`, `${failedRuns} failed runs; median ${s(median(repeated.map((r) => r.ms)))}, min ${s(Math.min(...repeated.map((r) => r.ms)))}, max ${s(Math.max(...repeated.map((r) => r.ms)))}; ${repeated.reduce((total, r) => total + (r.retries ?? 0), 0)} prints retried`, '0 failed'],
])}
`
if (small === 50 && large === 500) writeSection('batch', markdown)
log(markdown)
if (!args.includes('--keep')) fs.rmSync(work, {recursive: true, force: true})
