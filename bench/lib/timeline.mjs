// Preloaded (`node --import`) into one `exchange build` by bench/single-report.mjs: a timeline of the run from
// process start, written at exit as JSON lines [ms, what] to the file EXCHANGE_TIMELINE names. It marks the
// bundles compiled from their code caches, the browser's spawn and exit, each file renamed into place (the
// atomic writes), and every stretch of 15 ms or more in which the event loop was blocked (the compile, the
// PDF read back: time no DevTools message can be sent or answered).
import childProcess from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import {isMainThread} from 'node:worker_threads'

const file = process.env.EXCHANGE_TIMELINE
if (file && isMainThread) {
  const marks = [[0, 'process start']]
  const mark = (what, at = performance.now()) => marks.push([Math.round(at), what])
  mark('preloaded (node booted)')
  const spawn = childProcess.spawn
  childProcess.spawn = function (command, ...rest) {
    mark(`spawn ${path.basename(String(command))}`)
    const child = spawn.call(this, command, ...rest)
    child.once('exit', () => mark(`${path.basename(String(command))} exited`))
    return child
  }
  const Script = vm.Script
  vm.Script = class extends Script {
    constructor(source, options) {
      const start = performance.now()
      super(source, options)
      mark(`${path.basename(String(options?.filename))} compiled (${Math.round(performance.now() - start)} ms, cache ${options?.cachedData && !this.cachedDataRejected ? 'used' : 'not used'})`, start)
    }
  }
  const rename = fs.promises.rename
  fs.promises.rename = function (from, to) {
    mark(`written ${path.basename(String(to))}`)
    return rename.call(this, from, to)
  }
  let last = performance.now()
  setInterval(() => {
    const now = performance.now()
    if (now - last >= 15) mark(`event loop blocked ${Math.round(now - last)} ms`, last)
    last = now
  }, 1).unref()
  process.on('exit', () => {
    mark('exit')
    fs.writeFileSync(file, marks.sort((a, b) => a[0] - b[0]).map((entry) => JSON.stringify(entry)).join('\n'))
  })
}
