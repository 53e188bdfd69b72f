// Loaded with `node --import` into a process under measure: when it exits, appends the CPU time of its
// main thread (the one that feeds the browser) and of the whole process (every thread) to the file
// `EXCHANGE_BENCH_CPU_LOG` names, as one JSON line: {mainMs, processMs}. Used by bench/batch.mjs.
import fs from 'node:fs'

const log = process.env.EXCHANGE_BENCH_CPU_LOG
if (log) {
  process.on('exit', () => {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const mainMs = (Number(fields[11]) + Number(fields[12])) * 10 // utime + stime, in ticks of 1/100 s
    const {user, system} = process.cpuUsage()
    fs.appendFileSync(log, `${JSON.stringify({mainMs, processMs: Math.round((user + system) / 1000)})}\n`)
  })
}
