/** The processes of a run: finding Chromium among a process's descendants, and waiting for them to go. */
import fs from 'node:fs'

export interface ProcessInfo {
  pid: number
  ppid: number
  command: string
}

function read(pid: number): ProcessInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (fields[0] === 'Z') return undefined
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
    return {pid, ppid: Number(fields[1]), command}
  } catch {
    return undefined
  }
}

export function processes(): ProcessInfo[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => read(Number(name)))
    .filter((info): info is ProcessInfo => Boolean(info))
}

/** Every live descendant of `pid`. */
export function descendants(pid: number): ProcessInfo[] {
  const all = processes()
  const found: ProcessInfo[] = []
  const parents = new Set([pid])
  let grew = true
  while (grew) {
    grew = false
    for (const info of all) {
      if (parents.has(info.ppid) && !parents.has(info.pid)) {
        parents.add(info.pid)
        found.push(info)
        grew = true
      }
    }
  }
  return found
}

const isChromium = (info: ProcessInfo) => /chrom/i.test(info.command)

/** Chromium processes started by `pid` (the browser and its renderers, GPU and utility processes). */
export function chromiumOf(pid: number): ProcessInfo[] {
  return descendants(pid).filter(isChromium)
}

/**
 * The browser process itself: the Chromium descendant of `pid` that is not
 * one of its helper processes (`--type=…`) nor a shell script launching it
 * (Debian's `/usr/bin/chromium-headless-shell` is one).
 */
export function browserOf(pid: number): ProcessInfo | undefined {
  return chromiumOf(pid).find((info) => !info.command.includes('--type=') && !/^(?:\/\S*\/)?(?:ba|da)?sh\s/.test(info.command))
}

export function renderersOf(pid: number): ProcessInfo[] {
  return chromiumOf(pid).filter((info) => info.command.includes('--type=renderer'))
}

export function alive(pids: number[]): number[] {
  return pids.filter((pid) => read(pid) !== undefined)
}

/** Wait until none of `pids` is alive, or `ms` passed; resolves to those still alive. */
export async function gone(pids: number[], ms = 5000): Promise<number[]> {
  const deadline = Date.now() + ms
  while (alive(pids).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  return alive(pids)
}
