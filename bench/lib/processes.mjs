// Process trees on Linux, for the batch benchmark: the descendants of a
// process, and the peak PSS (proportional set size: shared pages split
// between the processes sharing them, so the sum over a tree is what the
// tree really costs) of a tree while it runs.
import fs from 'node:fs'

/** The fields of `/proc/PID/stat` after the command name (state is [0], the parent [1]); undefined once it is gone. */
function statFields(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return undefined
  }
}

function parentOf(pid) {
  const fields = statFields(pid)
  return fields ? Number(fields[1]) : undefined
}

/** `pid` and every live descendant of it. */
export function descendants(pid) {
  const children = new Map()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const parent = parentOf(Number(name))
    if (parent === undefined) continue
    if (!children.has(parent)) children.set(parent, [])
    children.get(parent).push(Number(name))
  }
  const found = [pid]
  for (let index = 0; index < found.length; index++) found.push(...(children.get(found[index]) ?? []))
  return found
}

/** PSS of one process in bytes (0 once it is gone). */
export function pss(pid) {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/**
 * Sample the PSS of `pid`'s tree every `ms`; `stop()` resolves to the peak, in bytes. With `byKind`,
 * `atPeak` holds each kind of process's share of that peak (see `kind`) and `own` each kind's own peak.
 */
export function peakPss(pid, ms = 100, {byKind = false} = {}) {
  let peak = 0
  const result = {atPeak: {}, own: {}}
  const sample = () => {
    let total = 0
    const parts = {}
    for (const member of descendants(pid)) {
      const bytes = pss(member)
      total += bytes
      if (!byKind) continue
      const name = kind(member)
      parts[name] = (parts[name] ?? 0) + bytes
    }
    for (const [name, bytes] of Object.entries(parts)) result.own[name] = Math.max(result.own[name] ?? 0, bytes)
    if (total > peak) [peak, result.atPeak] = [total, parts]
  }
  const timer = setInterval(sample, ms)
  return Object.assign(result, {
    async stop() {
      clearInterval(timer)
      return peak
    },
  })
}

/** What a process of the tree is: `node`, or Chromium's `browser`, `renderer`, `gpu-process`, `zygote`, a utility's sub-type. */
export function kind(pid) {
  try {
    // Chromium rewrites its command line as one string: split on spaces as well as NULs.
    const words = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/)
    if (/(^|\/)node$/.test(words[0])) return 'node'
    const type = words.find((word) => word.startsWith('--type='))?.slice('--type='.length)
    if (!type) return 'browser'
    const sub = words.find((word) => word.startsWith('--utility-sub-type='))
    return sub ? sub.slice('--utility-sub-type='.length).replace(/^.*\.mojom\./, '') : type
  } catch {
    return 'gone'
  }
}

/** CPU time (user + system) one process has used so far, in ms; undefined once it is gone. */
function cpuOf(pid) {
  const fields = statFields(pid)
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 : undefined // utime + stime, in ticks of 1/100 s
}

/**
 * Sample the CPU time of `pid`'s tree every `ms`; `stop()` resolves to the total, in ms: for each process
 * seen, the last figure read. A process's last `ms` is missed, and so is one that lived less than `ms`, but
 * a tree whose browser is left running by a tool that exits is still counted, as reaped children are not.
 */
export function treeCpu(pid, ms = 100) {
  const seen = new Map()
  const sample = () => {
    for (const member of descendants(pid)) {
      const used = cpuOf(member)
      if (used !== undefined) seen.set(member, used)
    }
  }
  const timer = setInterval(sample, ms)
  return {
    async stop() {
      clearInterval(timer)
      return [...seen.values()].reduce((total, used) => total + used, 0)
    },
  }
}
