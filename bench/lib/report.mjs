// Shared by the bench scripts: describe the machine, take medians, and write
// one script's section of BENCHMARKS.md without touching the others.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = fileURLToPath(new URL('../../', import.meta.url))
const benchmarksFile = path.join(root, 'BENCHMARKS.md')

/**
 * The shared folder's `tools/make-archive.mjs` (realistic notes for batch and performance work), from
 * `EXCHANGE_SHARED`, `../shared` beside the repository or `/work/shared`; undefined if none has it.
 */
export function findMakeArchive() {
  return [process.env.EXCHANGE_SHARED, path.resolve(root, '../shared'), '/work/shared']
    .filter(Boolean)
    .map((dir) => path.join(dir, 'tools/make-archive.mjs'))
    .find((file) => fs.existsSync(file))
}

/** `findMakeArchive()`, or an error that says where it was looked for. */
export function makeArchiveTool() {
  const tool = findMakeArchive()
  if (!tool) throw new Error('cannot find shared/tools/make-archive.mjs (set EXCHANGE_SHARED to the shared folder)')
  return tool
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export function machine() {
  const cpus = os.cpus()
  let browser = 'none found'
  for (const candidate of [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].filter(Boolean)) {
    try {
      browser = `${candidate}: ${execFileSync(candidate, ['--version'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()}`
      break
    } catch {}
  }
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${browser}`
}

/** Replace the section between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, adding it if absent. */
export function writeSection(name, markdown) {
  const start = `<!-- bench:${name} -->`
  const end = `<!-- /bench:${name} -->`
  let text = fs.existsSync(benchmarksFile) ? fs.readFileSync(benchmarksFile, 'utf8') : '# Benchmarks\n'
  const block = `${start}\n${markdown.trim()}\n${end}`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  text = from !== -1 && to !== -1 ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`
  fs.writeFileSync(benchmarksFile, text)
}
