// A compile worker's cold start: one worker thread, started as the engine
// starts it (the same heap limits), compiles the first N notes files of DIR
// to HTML one after another; prints, as JSON, the CPU of the process (its
// main thread only waits) for the first report, the next nine, reports
// 10-49 and the rest, each per report but the first two, and the wall time
// to the first reply.
//
//   npm run build && node bench/worker-cold.mjs DIR [N=60] [--worker SCRIPT]
//
// SCRIPT is the worker thread's script, `dist/exchange-worker.cjs` by
// default; give another build's to compare (`farm-bench --vs` alternates
// two such commands and takes their ratio pair by pair).
import fs from 'node:fs'
import path from 'node:path'
import {Worker} from 'node:worker_threads'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? args.splice(args.indexOf(name), 2)[1] : fallback)
const root = path.resolve(import.meta.dirname, '..')
const script = path.resolve(option('--worker', path.join(root, 'dist/exchange-worker.cjs')))
const {workerYoungGenerationMb} = await import('../dist/engine/engine.js')
const [dir, count = '60'] = args
const files = fs
  .readdirSync(dir, {recursive: true})
  .map(String)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .slice(0, Number(count))
  .map((name) => path.join(dir, name))

const started = process.cpuUsage()
const cpuMs = () => {
  const used = process.cpuUsage(started)
  return (used.user + used.system) / 1000
}
const t0 = performance.now()
const worker = new Worker(script, {resourceLimits: {maxYoungGenerationSizeMb: workerYoungGenerationMb}})
let id = 0
let waiting
worker.on('message', (reply) => waiting?.resolve(reply))
worker.on('error', (error) => waiting?.reject(error))
const compile = (file) =>
  new Promise((resolve, reject) => {
    waiting = {resolve, reject}
    worker.postMessage({id: ++id, type: 'compile', job: {input: {path: file, display: file, output: 'x', root: dir}, options: {cwd: dir, outputs: ['html']}}})
  })
const perReport = []
let firstReplyMs
let last = 0
for (const file of files) {
  const reply = await compile(file)
  if (reply.type === 'error') throw new Error(reply.message)
  firstReplyMs ??= performance.now() - t0
  const now = cpuMs()
  perReport.push(now - last)
  last = now
}
await worker.terminate()
const mean = (values) => (values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length))
process.stdout.write(
  `${JSON.stringify({worker: path.relative(process.cwd(), script), reports: files.length, firstReplyMs: Math.round(firstReplyMs), firstCpuMs: Math.round(perReport[0]), next9CpuMs: mean(perReport.slice(1, 10)), reports10to49CpuMs: mean(perReport.slice(10, 50)), restCpuMs: mean(perReport.slice(50)), totalCpuMs: Math.round(cpuMs())})}\n`,
)
