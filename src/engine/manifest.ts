/**
 * Skip unchanged: the manifest in the output folder says, per report, what
 * it was built from and what was written.
 *
 * An entry holds the hash of the options that change a report (tool
 * version, `--strict`, the flags naming an attendees file, brand, theme or
 * profile), the hash of every file it was made from (notes, attendees file,
 * profile, every file of the brand and theme folders, local images — found
 * or not), and the size of every output. A report is fresh when all of
 * these match and every output asked for is there: otherwise it is rebuilt.
 * An entry is only recorded after its outputs were written.
 *
 * Paths are stored relative to the output folder, so a manifest moves with
 * its reports (CI caches and artifacts). A sharded run (`--shard I/N`) keeps
 * its entries in a manifest of its own, `.exchange-manifest.shard-I-of-N.json`,
 * so N jobs never write the same file; reading merges them all, and
 * `mergeManifests` folds them into the main one.
 */
import {createHash} from 'node:crypto'
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {UsageError} from '../errors.js'
import {version} from '../version.js'
import {writeAtomic} from './atomic.js'
import {inShard, type Shard} from './shard.js'
import {folderFiles} from '../util/folder-files.js'

export const manifestName = '.exchange-manifest.json'
const manifestPattern = /^\.exchange-manifest(?:\.shard-(\d+)-of-(\d+))?\.json$/

export function shardManifestName(shard: Shard): string {
  return `.exchange-manifest.shard-${shard.index}-of-${shard.total}.json`
}

export interface ManifestEntry {
  /** The notes file, as shown in messages. */
  input: string
  /** Hash of the options that change the report. */
  key: string
  /** `f:PATH` (a file) or `t:PATH` (a folder, every file in it) → content hash, or `missing`. */
  deps: Record<string, string>
  /** Output path (relative to the output folder) → size in bytes. */
  outputs: Record<string, number>
  /** When it was built (ISO 8601). */
  built: string
  /** Warnings when it was built. */
  warnings: number
  /**
   * The page of each heading the PDF's contents link to (id → page), when a
   * PDF was built: the next build of this report writes them in before its
   * first print (in place of the layout pass's guess), which is kept when they still hold.
   */
  pages?: Record<string, number>
}

export interface ManifestData {
  exchange: string
  manifest: 1
  reports: Record<string, ManifestEntry>
}

/** Content hashes of files and folders, each computed once per run. */
export class Fingerprints {
  readonly #files = new Map<string, string>()
  readonly #trees = new Map<string, string>()

  file(file: string): string {
    let hash = this.#files.get(file)
    if (hash === undefined) {
      try {
        hash = createHash('sha256').update(fsSync.readFileSync(file)).digest('hex').slice(0, 32)
      } catch {
        hash = 'missing'
      }
      this.#files.set(file, hash)
    }
    return hash
  }

  /** Every file under `dir` (dot files and `node_modules` aside), by relative path and content. */
  tree(dir: string): string {
    let hash = this.#trees.get(dir)
    if (hash === undefined) {
      let files: string[] = []
      try {
        files = folderFiles(dir)
      } catch {
        hash = 'missing'
      }
      if (hash === undefined) {
        const digest = createHash('sha256')
        for (const file of files) digest.update(`${path.relative(dir, file).split(path.sep).join('/')}\0${this.file(file)}\n`)
        hash = digest.digest('hex').slice(0, 32)
      }
      this.#trees.set(dir, hash)
    }
    return hash
  }

  /** The current hash of a dependency recorded as `f:PATH` or `t:PATH` (absolute). */
  of(kind: 'f' | 't', file: string): string {
    return kind === 't' ? this.tree(file) : this.file(file)
  }
}

/** The hash of the options that change a report's content. */
export function optionsKey(options: Record<string, string | boolean | undefined>): string {
  // By code unit, not localeCompare: its first call sets up a collator (8 ms of a one-off report), and
  // for these lower-case names the order, so the key, is the same.
  const sorted = Object.fromEntries(Object.entries({exchange: version, ...options}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32)
}

function emptyData(): ManifestData {
  return {exchange: version, manifest: 1, reports: {}}
}

function isEntry(value: unknown): value is ManifestEntry {
  if (!value || typeof value !== 'object') return false
  const entry = value as Partial<ManifestEntry>
  return typeof entry.key === 'string' && typeof entry.built === 'string' && typeof entry.deps === 'object' && entry.deps !== null && typeof entry.outputs === 'object' && entry.outputs !== null
}

/** Read one manifest file; anything unreadable is treated as empty (everything is rebuilt). */
export async function readManifestFile(file: string): Promise<ManifestData> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await fs.readFile(file, 'utf8'))
  } catch {
    return emptyData()
  }
  const reports = (parsed as Partial<ManifestData> | null)?.reports
  const data = emptyData()
  if (reports && typeof reports === 'object') {
    for (const [output, entry] of Object.entries(reports)) if (isEntry(entry)) data.reports[output] = entry
  }
  return data
}

/** Merge entries: for a report in several, the most recently built wins. */
export function mergeEntries(target: Record<string, ManifestEntry>, source: Record<string, ManifestEntry>): void {
  for (const [output, entry] of Object.entries(source)) {
    const existing = target[output]
    if (!existing || existing.built < entry.built) target[output] = entry
  }
}

/** The manifest files in a folder: the main one and any shard ones. */
export async function manifestFiles(dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return []
  }
  return names
    .filter((name) => manifestPattern.test(name))
    .sort()
    .map((name) => path.join(dir, name))
}

export class Manifest {
  readonly dir: string
  readonly #entries: Record<string, ManifestEntry>
  readonly #read: string[]
  #dirty = false

  private constructor(dir: string, entries: Record<string, ManifestEntry>, read: string[]) {
    this.dir = dir
    this.#entries = entries
    this.#read = read
  }

  /** Read the manifests in `dir` (the main one and every shard one), merged. */
  static async load(dir: string): Promise<Manifest> {
    const files = await manifestFiles(dir)
    const entries: Record<string, ManifestEntry> = {}
    for (const file of files) mergeEntries(entries, (await readManifestFile(file)).reports)
    return new Manifest(dir, entries, files)
  }

  get size(): number {
    return Object.keys(this.#entries).length
  }

  entry(output: string): ManifestEntry | undefined {
    return this.#entries[output]
  }

  /** The contents' page numbers of the last build of `output`, those the manifest holds as whole pages. */
  pages(output: string): Record<string, number> | undefined {
    const pages: unknown = this.#entries[output]?.pages
    if (!pages || typeof pages !== 'object') return undefined
    const sound = Object.entries(pages).filter((entry): entry is [string, number] => Number.isInteger(entry[1]) && entry[1] > 0)
    return sound.length > 0 ? Object.fromEntries(sound) : undefined
  }

  /** A path as stored: relative to the output folder, with `/`. */
  relative(file: string): string {
    return path.relative(this.dir, file).split(path.sep).join('/')
  }

  absolute(stored: string): string {
    return path.resolve(this.dir, stored)
  }

  /**
   * Is the report at `output` fresh: built with the same options from the
   * same files, with every output in `wanted` (absolute paths) still there
   * as written?
   */
  isFresh(output: string, key: string, wanted: string[], fingerprints: Fingerprints): boolean {
    const entry = this.#entries[output]
    if (!entry || entry.key !== key) return false
    for (const file of wanted) {
      const size = entry.outputs[this.relative(file)]
      if (size === undefined) return false
      const stat = fsSync.statSync(file, {throwIfNoEntry: false})
      if (!stat?.isFile() || stat.size !== size) return false
    }
    for (const [dependency, hash] of Object.entries(entry.deps)) {
      const kind = dependency.startsWith('t:') ? 't' : 'f'
      if (fingerprints.of(kind, this.absolute(dependency.slice(2))) !== hash) return false
    }
    return true
  }

  /** Record a report whose outputs were just written. */
  record(
    output: string,
    entry: {input: string; key: string; deps: Array<{kind: 'f' | 't'; path: string}>; outputs: Array<{path: string; size: number}>; warnings: number; pages?: Map<string, number>},
    fingerprints: Fingerprints,
  ): void {
    const deps: Record<string, string> = {}
    for (const dependency of entry.deps) deps[`${dependency.kind}:${this.relative(dependency.path)}`] = fingerprints.of(dependency.kind, dependency.path)
    const outputs: Record<string, number> = {}
    for (const file of entry.outputs) outputs[this.relative(file.path)] = file.size
    const pages = entry.pages && entry.pages.size > 0 ? {pages: Object.fromEntries(entry.pages)} : {}
    this.#entries[output] = {input: entry.input, key: entry.key, deps, outputs, built: new Date().toISOString(), warnings: entry.warnings, ...pages}
    this.#dirty = true
  }

  /** Forget a report (its rebuild failed: the next run tries again). */
  forget(output: string): void {
    if (!(output in this.#entries)) return
    delete this.#entries[output]
    this.#dirty = true
  }

  get dirty(): boolean {
    return this.#dirty
  }

  #target(shard: Shard | undefined): {file: string; data: ManifestData} {
    const data = emptyData()
    for (const [output, entry] of Object.entries(this.#entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (inShard(output, shard)) data.reports[output] = entry
    }
    return {file: path.join(this.dir, shard ? shardManifestName(shard) : manifestName), data}
  }

  /** The shard manifests a whole (unsharded) save makes redundant. */
  #folded(shard: Shard | undefined): string[] {
    return shard ? [] : this.#read.filter((file) => path.basename(file) !== manifestName)
  }

  /**
   * Write the manifest (atomically). A sharded run writes its own shard's
   * entries to its shard manifest; a whole run writes every entry to the
   * main manifest and removes the shard manifests it has folded in.
   */
  async save(shard?: Shard): Promise<void> {
    if (!this.#dirty && (shard || this.#folded(shard).length === 0)) return
    const {file, data} = this.#target(shard)
    this.#dirty = false
    await writeAtomic(file, `${JSON.stringify(data, null, 1)}\n`)
    for (const folded of this.#folded(shard)) await fs.rm(folded, {force: true})
  }

  /** The same, synchronously (for an exit hook). */
  saveSync(shard?: Shard): void {
    if (!this.#dirty) return
    const {file, data} = this.#target(shard)
    const temporary = `${file}.${process.pid}.exit.tmp`
    try {
      fsSync.mkdirSync(this.dir, {recursive: true})
      fsSync.writeFileSync(temporary, `${JSON.stringify(data, null, 1)}\n`)
      fsSync.renameSync(temporary, file)
      this.#dirty = false
    } catch {
      fsSync.rmSync(temporary, {force: true})
    }
  }
}

export interface MergeResult {
  /** The manifest written. */
  file: string
  /** The manifests read. */
  merged: string[]
  reports: number
}

/**
 * Fold manifests into `dir`'s main manifest: every shard manifest in `dir`,
 * plus any other manifest files or folders given (their paths are rebased
 * onto `dir`). The shard manifests of `dir` are removed once folded in.
 */
export async function mergeManifests(dir: string, others: string[] = [], cwd = process.cwd()): Promise<MergeResult> {
  const target = path.resolve(cwd, dir)
  if (!fsSync.statSync(target, {throwIfNoEntry: false})?.isDirectory()) {
    throw new UsageError(`Cannot find output folder \`${dir}\``, {file: dir, rule: 'manifest', hint: 'give the folder the reports (and their shard manifests) are in'})
  }
  const entries: Record<string, ManifestEntry> = {}
  const merged: string[] = []
  const sources: Array<{file: string; base: string}> = (await manifestFiles(target)).map((file) => ({file, base: target}))
  for (const other of others) {
    const absolute = path.resolve(cwd, other)
    const stat = fsSync.statSync(absolute, {throwIfNoEntry: false})
    if (stat?.isDirectory()) sources.push(...(await manifestFiles(absolute)).map((file) => ({file, base: absolute})))
    else if (stat?.isFile()) sources.push({file: absolute, base: path.dirname(absolute)})
    else throw new UsageError(`Cannot find manifest \`${other}\``, {file: other, rule: 'manifest', hint: 'give manifest files or output folders'})
  }
  if (sources.length === 0) {
    throw new UsageError(`Cannot find manifests in \`${dir}\``, {file: dir, rule: 'manifest', hint: 'run `exchange build` (with --shard I/N) into it first'})
  }
  for (const {file, base} of sources) {
    const data = await readManifestFile(file)
    merged.push(file)
    mergeEntries(entries, base === target ? data.reports : rebase(data.reports, base, target))
  }
  const data = emptyData()
  for (const output of Object.keys(entries).sort()) data.reports[output] = entries[output]!
  const file = path.join(target, manifestName)
  await writeAtomic(file, `${JSON.stringify(data, null, 1)}\n`)
  for (const {file: folded, base} of sources) {
    if (base === target && folded !== file) await fs.rm(folded, {force: true})
  }
  return {file, merged, reports: Object.keys(entries).length}
}

function rebase(reports: Record<string, ManifestEntry>, from: string, to: string): Record<string, ManifestEntry> {
  const move = (stored: string) => path.relative(to, path.resolve(from, stored)).split(path.sep).join('/')
  const rebased: Record<string, ManifestEntry> = {}
  for (const [output, entry] of Object.entries(reports)) {
    rebased[output] = {
      ...entry,
      deps: Object.fromEntries(Object.entries(entry.deps).map(([dependency, hash]) => [`${dependency.slice(0, 2)}${move(dependency.slice(2))}`, hash])),
      outputs: Object.fromEntries(Object.entries(entry.outputs).map(([output, size]) => [move(output), size])),
    }
  }
  return rebased
}
