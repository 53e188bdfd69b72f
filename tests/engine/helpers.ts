/** Helpers for the batch tests: small notes archives, file listings, a CLI run with a chosen Io. */
import fs from 'node:fs'
import path from 'node:path'
import {main, type Io} from '../../src/cli/index.js'
import {manifestName} from '../../src/engine/manifest.js'
import {root, tempDir} from '../helpers.js'

export {root, tempDir}

/** A notes file that builds cleanly (its one attendee is anonymised). */
export function notes(title: string, extra = ''): string {
  return `---\ntitle: ${title}\nattendees: [Jane Smith]\n---\n\n## Barriers\n\n- Jane said consultation is broken #challenge\n- Funding arrives too late to plan with #challenge\n${extra}`
}

/** Notes whose front matter is malformed on line 2. */
export const brokenNotes = '---\ntitle: [unclosed\n---\n\n- note\n'

/** `count` notes files spread over year folders: `notes/2019/report-01.md`, … */
export function archive(count: number, extra: Record<string, string | Uint8Array> = {}): string {
  const files: Record<string, string | Uint8Array> = {...extra}
  for (let index = 1; index <= count; index++) {
    const name = `report-${String(index).padStart(2, '0')}`
    files[`notes/${2015 + (index % 4)}/${name}.md`] = notes(`Report ${index}`)
  }
  return tempDir(files)
}

/** A brand folder to point `--brand` at. */
export function brandFiles(prefix = 'brand'): Record<string, string> {
  return {
    [`${prefix}/brand.yaml`]: 'name: Test Network\nlogo: logo.svg\ncolours:\n  primary: "#123456"\n',
    [`${prefix}/logo.svg`]: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
  }
}

/** Every file under `dir`, relative, sorted; the manifests aside unless asked for. */
export function listFiles(dir: string, options: {manifests?: boolean} = {}): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && (options.manifests || !entry.name.startsWith('.exchange-manifest')))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

export function readManifest(dir: string, name = manifestName): {reports: Record<string, {input: string; outputs: Record<string, number>; deps: Record<string, string>}>} {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))
}

/** Set a file's content and push its modification time forward (caches keyed on mtime see it too). */
export function rewrite(file: string, content: string): void {
  fs.writeFileSync(file, content)
  const later = new Date(Date.now() + 2000)
  fs.utimesSync(file, later, later)
}

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Run the CLI in-process with stderr (and stdout) as a terminal or not, and the environment given. */
export async function cli(argv: string[], cwd: string, options: {tty?: boolean; env?: NodeJS.ProcessEnv} = {}): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    stdout: {write: (text: string) => (stdout += text), isTTY: options.tty},
    stderr: {write: (text: string) => (stderr += text), isTTY: options.tty},
    cwd,
    env: options.env ?? cleanEnv(),
  }
  const code = await main(argv, io)
  return {code, stdout, stderr}
}

/** The environment without colour or exchange settings of the machine running the tests. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EXCHANGE_') && name !== 'NO_COLOR' && name !== 'FORCE_COLOR'))
  return {...env, ...extra}
}
