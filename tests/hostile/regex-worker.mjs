// Runs one regular expression over adversarial strings, in a worker thread
// the test can terminate: a pattern that backtracks catastrophically would
// otherwise hang the test run. A string is slow when it takes ten times the
// threshold, or longer than the threshold while a string a quarter as long
// takes less than a sixth of the time (linear: a quarter; quadratic: a
// sixteenth). Reports the first slow string, or the slowest of all.
import {parentPort, workerData} from 'node:worker_threads'

const {source, flags, inputs, thresholdMs} = workerData

function time(text) {
  const sticky = flags.includes('y')
  const started = performance.now()
  if (sticky) {
    const regex = new RegExp(source, flags)
    regex.lastIndex = 0
    regex.exec(text)
  } else {
    // Every search through the string, as `replace` and `matchAll` make them; the
    // replacement is native, so the time is the searching, not the number of matches.
    text.replace(new RegExp(source, flags.includes('g') ? flags : `${flags}g`), '')
  }
  return performance.now() - started
}

const build = (input, times) => input.prefix + input.unit.repeat(times) + input.tail

let slowest = {ms: 0, name: '', ratio: 0}
for (const input of inputs) {
  const text = build(input, input.times)
  // Best of two: one slow run can be the garbage collector.
  let ms = time(text)
  if (ms > thresholdMs) ms = Math.min(ms, time(text))
  let ratio = 0
  if (ms > thresholdMs) {
    const quarter = build(input, Math.ceil(input.times / 4))
    ratio = ms / Math.max(0.05, Math.min(time(quarter), time(quarter)))
  }
  if (ms > slowest.ms) slowest = {ms, name: input.name, ratio}
  if (ms > 10 * thresholdMs || (ms > thresholdMs && ratio > 6)) {
    slowest = {ms, name: input.name, ratio}
    break
  }
}
parentPort.postMessage(slowest)
