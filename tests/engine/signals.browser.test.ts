/**
 * The real command, in a child process (`node bin/exchange.js`, over `dist/`,
 * compiled by `npm run build` — `npm test` does it first): interrupted
 * mid-batch it leaves no partial file and no browser behind.
 */
import {execFileSync, spawn, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {manifestName} from '../../src/engine/manifest.js'
import {archive, cleanEnv, listFiles, readManifest, rewrite, root} from './helpers.js'
import {chromiumOf, gone} from './processes.js'

const bin = path.join(root, 'bin/exchange.js')

beforeAll(() => {
  // Compile when dist/ is missing or older than the batch sources (a run of this file alone).
  const built = path.join(root, 'dist/engine/batch.js')
  const sources = fs.readdirSync(path.join(root, 'src/engine')).map((name) => fs.statSync(path.join(root, 'src/engine', name)).mtimeMs)
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(...sources)) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {stdio: 'ignore'})
  }
}, 120_000)

interface Child {
  process: ChildProcess
  stdout: () => string
  stderr: () => string
  exit: Promise<{code: number | null; signal: NodeJS.Signals | null}>
}

function start(args: string[], cwd: string): Child {
  const child = spawn(process.execPath, [bin, ...args], {cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => child.on('exit', (code, signal) => resolve({code, signal})))
  return {process: child, stdout: () => stdout, stderr: () => stderr, exit}
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Every output is whole: PDFs end with their end-of-file marker, HTML with `</html>`. */
function assertWhole(dir: string): void {
  for (const name of listFiles(dir)) {
    const bytes = fs.readFileSync(path.join(dir, name))
    if (name.endsWith('.pdf')) expect(bytes.subarray(-32).toString('latin1'), name).toContain('%%EOF')
    if (name.endsWith('.html')) expect(bytes.toString('utf8').trimEnd(), name).toMatch(/<\/html>$/)
  }
}

describe('interrupting `exchange build` (a real process, real Chromium)', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`on ${signal} mid-batch: exits ${code}, leaves only whole reports, records only those, and closes the browser`, async () => {
      const dir = archive(10)
      const child = start(['build', 'notes', '-f', 'html,pdf', '--concurrency', '2'], dir)
      // Two reports written: the batch is under way, with more to go.
      await until(() => (child.stdout().match(/→/g) ?? []).length >= 2, 60_000, 'two reports')
      const browser = chromiumOf(child.process.pid!).map((info) => info.pid)
      expect(browser.length).toBeGreaterThan(0)
      child.process.kill(signal)
      const exit = await child.exit
      expect(exit).toEqual({code, signal: null})

      const out = path.join(dir, 'out')
      const names = fs.readdirSync(out, {recursive: true}).map(String)
      expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([])
      assertWhole(out)
      const reports = listFiles(out).filter((name) => name.endsWith('.pdf'))
      expect(reports.length).toBeGreaterThanOrEqual(2)
      expect(reports.length).toBeLessThan(10)
      // Each report recorded was written in full (both formats), and each one written is recorded.
      const manifest = readManifest(out)
      for (const entry of Object.values(manifest.reports)) {
        for (const [output, size] of Object.entries(entry.outputs)) expect(fs.statSync(path.join(out, output)).size).toBe(size)
      }
      expect(Object.keys(manifest.reports).map((report) => `${report}.pdf`).sort()).toEqual(reports)
      expect(await gone(browser)).toEqual([])

      // The next run builds the rest, and only the rest.
      const rest = start(['build', 'notes', '-f', 'html,pdf', '--json'], dir)
      expect((await rest.exit).code).toBe(0)
      expect(JSON.parse(rest.stdout())).toMatchObject({built: 10 - reports.length, skipped: reports.length, failed: 0})
    }, 120_000)
  }

  it('--watch rebuilds on a change, reporting it, and on SIGINT exits 130 with the browser closed', async () => {
    const dir = archive(2)
    const child = start(['build', 'notes', '-f', 'html,pdf', '--watch'], dir)
    await until(() => child.stderr().includes('Watching'), 60_000, 'the first build')
    expect(child.stderr()).toMatch(/^2 built, 0 warnings in [\d.]+ m?s$/m)
    const browser = chromiumOf(child.process.pid!).map((info) => info.pid)
    expect(browser.length).toBeGreaterThan(0)

    rewrite(path.join(dir, 'notes/2016/report-01.md'), fs.readFileSync(path.join(dir, 'notes/2016/report-01.md'), 'utf8').replace('Report 1', 'Report 1, revised'))
    await until(() => child.stderr().includes('Rebuilt after a change'), 60_000, 'the rebuild')
    await until(() => /1 built, 1 unchanged/.test(child.stderr()), 30_000, 'the rebuild summary')
    expect(child.stderr()).toContain(`Rebuilt after a change to ${path.join('notes', '2016', 'report-01.md')}`)
    expect(fs.readFileSync(path.join(dir, 'out/2016/report-01.html'), 'utf8')).toContain('Report 1, revised')

    child.process.kill('SIGINT')
    expect(await child.exit).toEqual({code: 130, signal: null})
    expect(await gone(browser)).toEqual([])
    expect(fs.existsSync(path.join(dir, 'out', manifestName))).toBe(true)
  }, 120_000)
})
