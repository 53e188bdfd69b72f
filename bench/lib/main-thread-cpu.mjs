// Loaded with `node --import` into a process under measure (and so into each of its worker threads): when it
// exits, appends to the file `EXCHANGE_BENCH_CPU_LOG` names one JSON line, {mainMs, workersMs, processMs}: the
// CPU time of its main thread (the one that feeds the browser), of its worker threads (compiling and reading
// PDFs back; each samples its own every 100 ms, as a terminated worker runs no exit hook), and of the whole
// process (every thread: V8's garbage-collection helpers are the rest). Used by bench/batch.mjs.
import fs from 'node:fs'
import path from 'node:path'
import {isMainThread, threadId} from 'node:worker_threads'

const log = process.env.EXCHANGE_BENCH_CPU_LOG
/** CPU time of the calling thread, in ms (utime + stime, in ticks of 1/100 s). */
const threadMs = (stat = '/proc/thread-self/stat') => {
  const text = fs.readFileSync(stat, 'utf8')
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}
/** Where a worker thread keeps its latest CPU time. */
const prefix = log ? `${path.basename(log)}.thread-${process.pid}-` : ''
const sample = (id) => path.join(path.dirname(log), `${prefix}${id}`)
if (log && isMainThread) {
  process.on('exit', () => {
    const mainMs = threadMs(`/proc/self/task/${process.pid}/stat`)
    let workersMs = 0
    for (const name of fs.readdirSync(path.dirname(log)).filter((name) => name.startsWith(prefix))) {
      const file = path.join(path.dirname(log), name)
      workersMs += Number(fs.readFileSync(file, 'utf8')) || 0
      fs.rmSync(file, {force: true})
    }
    const {user, system} = process.cpuUsage()
    fs.appendFileSync(log, `${JSON.stringify({mainMs, workersMs, processMs: Math.round((user + system) / 1000)})}\n`)
  })
} else if (log) {
  const write = () => fs.writeFileSync(sample(threadId), String(threadMs()))
  setInterval(write, 100).unref()
  process.on('exit', write)
}
