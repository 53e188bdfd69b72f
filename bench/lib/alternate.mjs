// Time several functions in one process, alternating (forwards on even runs, backwards on odd ones) after
// warm-up, so that all of them see the same load: each entry gets its `wall` and `cpu` times (ms) per run.

/** `entries`: objects with a `run` function; `wall` and `cpu` arrays are set on each. */
export function alternate(entries, runs, warmup = 50) {
  for (const entry of entries) Object.assign(entry, {wall: [], cpu: []})
  for (let index = 0; index < warmup; index++) for (const entry of entries) entry.run()
  for (let index = 0; index < runs; index++) {
    for (const entry of index % 2 === 0 ? entries : [...entries].reverse()) {
      const cpuStarted = process.cpuUsage()
      const started = performance.now()
      entry.run()
      entry.wall.push(performance.now() - started)
      const used = process.cpuUsage(cpuStarted)
      entry.cpu.push((used.user + used.system) / 1000)
    }
  }
  return entries
}
