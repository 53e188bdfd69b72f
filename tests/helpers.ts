/** Shared test helpers: temp folders, running the CLI in-process, the shared corpus. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {main, type Io} from '../src/cli/index.js'

export const root = fileURLToPath(new URL('../', import.meta.url))
/** The shared folder beside the repository, if this checkout has one. */
export const sharedDir = [process.env.EXCHANGE_SHARED, path.resolve(root, '../shared'), '/work/shared']
  .filter((dir): dir is string => Boolean(dir))
  .find((dir) => fs.existsSync(path.join(dir, 'corpus')))
/** The vendored copy of shared/corpus, for checkouts without the shared folder. */
export const corpusCopyDir = path.join(root, 'tests/corpus')
export const corpusDir = sharedDir ? path.join(sharedDir, 'corpus') : corpusCopyDir
export const fixturesDir = path.join(root, 'tests/fixtures')

/** A fresh temp folder, with files written from an object of `relative path → content`. */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-test-'))
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name)
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(file, content)
  }
  return dir
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Run `exchange …` in-process, in `cwd`. */
export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    stdout: {write: (text: string) => (stdout += text)},
    stderr: {write: (text: string) => (stderr += text)},
    cwd,
    env,
  }
  const code = await main(argv, io)
  return {code, stdout, stderr}
}

export interface CorpusKey {
  notes: string
  must_not_appear: string[]
  must_not_appear_unrostered: string[]
  must_appear: string[]
  sections: Array<{contains: string; section: string}>
}

export function corpusFiles(): Array<{name: string; notes: string; key: CorpusKey}> {
  return fs
    .readdirSync(corpusDir)
    .filter((name) => name.endsWith('.key.json'))
    .sort()
    .map((name) => {
      const key = JSON.parse(fs.readFileSync(path.join(corpusDir, name), 'utf8')) as CorpusKey
      return {name: key.notes.replace(/\.md$/, ''), notes: path.join(corpusDir, key.notes), key}
    })
}

/** Whole-entry match as the corpus keys define it: letter/digit lookarounds, case-insensitive. */
export function containsEntry(text: string, entry: string): boolean {
  const normalised = text.replace(/\u2019/g, "'")
  const escaped = entry.replace(/\u2019/g, "'").replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu').test(normalised)
}
