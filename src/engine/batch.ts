/**
 * Build: notes files in, reports out — one file or an archive of hundreds.
 *
 * - Inputs are files, folders and globs; outputs mirror the input tree.
 * - Skip unchanged: a report whose notes, attendees file, profile, brand,
 *   theme, images and options are unchanged, and whose outputs are all there,
 *   is not rebuilt (`manifest.ts`); when nothing needs printing the browser
 *   is never launched. `force` rebuilds.
 * - Compiling runs on worker threads (`engine.ts`); printing shares one
 *   browser and a bounded pool of pages (`printer.ts`); a crashed or hung
 *   page, or a crashed browser, costs one retry, never the batch.
 * - One bad file never stops the rest; every report is audited (HTML,
 *   markdown, JSON and the PDF's text) before anything of it is written, and
 *   all of its formats are written atomically.
 * - An abort (`signal`) stops taking work, closes the browser and the
 *   workers, and returns with what was done; the temporary files of writes
 *   in flight are removed even if the process exits first.
 *
 * This module loads no pipeline code itself (only, when there is work, the
 * loaders of a `--profile`, `--brand` or `--theme` given, to check them
 * first): a run where everything is fresh reads the manifest, hashes the
 * inputs and returns.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Browser} from 'puppeteer-core'
import {fromError} from '../diagnostics.js'
import {exitCodes, toExchangeError, UsageError, type ExitCode} from '../errors.js'
import type {Explanation} from '../group/explain.js'
import type {Diagnostic, Person} from '../types.js'
import {removeTemporaryFilesSync, sweepTemporaryFiles, writeAllAtomic, type FileToWrite, type TempFiles} from './atomic.js'
import type {CompileJob, CompileOptions, CompileOutcome} from './compile.js'
import {createEngine, threadCount, workerCrashRule, type Engine} from './engine.js'
import {expandInputs, type NotesInput} from './inputs.js'
import {Fingerprints, Manifest, optionsKey} from './manifest.js'
import {mapBounded, whenAllDone} from './pool.js'
import type {Printer, PrinterOptions} from './printer.js'
import {inShard, parseShard, type Shard} from './shard.js'

export type Format = 'html' | 'pdf' | 'md' | 'json' | 'docx'
export const allFormats: readonly Format[] = ['html', 'pdf', 'md', 'json', 'docx']
export const defaultFormats: readonly Format[] = ['html', 'pdf']

export interface BuildOptions extends CompileOptions {
  /** Output folder, `out` by default. */
  outDir?: string
  formats?: readonly Format[]
  /** An `--attendees` file (CSV or YAML), read once for the whole batch. */
  attendeesFile?: string
  /** How many reports print at once (pages), and at most how many compile at once. Defaults to the number of CPU cores. */
  concurrency?: number
  /** Milliseconds before printing (or compiling) one report is given up. 60 s by default. */
  timeout?: number
  /** A browser to print with; the build does not close it. Otherwise one is launched when needed. */
  browser?: Browser
  /** Keep where each note went and why on each result (`--explain`); rebuilds every report. */
  explain?: boolean
  /**
   * Also write the facilitator's confidential review page, `NAME.review.html`,
   * into this folder (mirroring the inputs like `outDir`). It shows the names
   * the report hides, so it goes to its own folder, never `outDir` unless given.
   */
  reviewDir?: string
  /** The name (without extension) of the one report's files, as `-o report.pdf` gives it; more than one notes file is a usage error. */
  outputName?: string
  /** Rebuild every report, fresh or not. */
  force?: boolean
  /** Build only this stable share of the inputs: `{index: 2, total: 4}` or `'2/4'`. */
  shard?: Shard | string
  /** Stop taking work when aborted; the summary says `interrupted`. */
  signal?: AbortSignal
  /** Worker threads to compile on (0: the main thread). Default, for batches of 4 or more run from compiled JavaScript: one per core (one fewer when printing PDFs). */
  threads?: number
  /** Keep the browser and worker threads between builds (`--watch`); the caller closes it. */
  session?: BuildSession
  /** Called once the inputs are known and the fresh ones skipped. */
  onStart?: (plan: BuildPlan) => void
  /** Called as each file finishes (built, skipped, failed or cancelled), for progress. */
  onFile?: (result: FileResult) => void
}

export interface BuildPlan {
  /** Files in this build (after `shard`). */
  total: number
  /** Files to build. */
  build: number
  /** Files skipped as unchanged. */
  skipped: number
}

export type {Explanation}

export interface FileResult {
  input: string
  /** `skipped`: unchanged since it was last built; `cancelled`: the run was interrupted first. */
  status: 'built' | 'skipped' | 'failed' | 'cancelled'
  /** Files written (for `skipped`, the files already there). */
  outputs: string[]
  diagnostics: Diagnostic[]
  warnings: number
  redactions: number
  /** Milliseconds, in all. */
  ms: number
  /** Milliseconds per stage. */
  timings: {compile?: number; print?: number; audit?: number; write?: number}
  exitCode: ExitCode
  placements?: Explanation[]
}

export interface BuildSummary {
  files: FileResult[]
  built: number
  skipped: number
  failed: number
  cancelled: number
  warnings: number
  ms: number
  exitCode: ExitCode
  /** The run was aborted before it finished. */
  interrupted: boolean
  /** A browser was launched (or used) for this build. */
  browser: boolean
  /** Prints retried on a fresh page after a page or the browser crashed or hung. */
  retries: number
  /** Worker threads that compiled. */
  threads: number
  shard?: Shard
}

/**
 * The browser and worker threads of a run. A build makes its own and closes
 * it; `--watch` keeps one across rebuilds, so each rebuild starts warm.
 */
export interface BuildSession {
  close(): Promise<void>
}

class Session implements BuildSession {
  #engine: Engine | undefined
  #printer: Printer | undefined

  engine(threads: number, options: {timeout: number; auditInMain: boolean}): Engine {
    this.#engine ??= createEngine(threads, options)
    return this.#engine
  }

  /** The run's printer, made on first need (Puppeteer and the print stage load only then). */
  async printer(options: PrinterOptions): Promise<Printer> {
    if (!this.#printer) {
      const {Printer} = await import('./printer.js')
      this.#printer ??= new Printer(options)
    }
    return this.#printer
  }

  get retries(): number {
    return this.#printer?.retries ?? 0
  }

  async close(): Promise<void> {
    const engine = this.#engine
    const printer = this.#printer
    this.#engine = undefined
    this.#printer = undefined
    await Promise.all([engine?.close(), printer?.close()])
  }
}

export function createBuildSession(): BuildSession {
  return new Session()
}

/** Build one notes file (a convenience over `build`). */
export async function buildReport(notes: string, options: BuildOptions = {}): Promise<FileResult> {
  const summary = await build([notes], options)
  return summary.files[0]!
}

interface Run {
  cwd: string
  outDir: string
  formats: readonly Format[]
  reviewDir?: string
  key: string
  attendeesPath?: string
  attendees?: Person[]
  manifest: Manifest
  fingerprints: Fingerprints
  engine: Engine
  printer?: Printer
  /** Say that a file will print no more (printed, failed or left out); the last one lets the browser close. */
  printed: (input: NotesInput) => void
  temps: TempFiles
  options: BuildOptions
}

/** Build every notes file the patterns name, sharing one browser. */
export async function build(patterns: string[], options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now()
  const cwd = options.cwd ?? process.cwd()
  const formats = options.formats ?? defaultFormats
  const outDir = path.resolve(cwd, options.outDir ?? 'out')
  const shard = typeof options.shard === 'string' ? parseShard(options.shard) : options.shard
  const concurrency = Math.max(1, options.concurrency ?? os.availableParallelism())
  const timeout = options.timeout ?? 60_000
  const reviewDir = options.reviewDir ? path.resolve(cwd, options.reviewDir) : undefined

  // The output and review folders inside the notes are not notes: a build never reads its own `.md` back.
  const exclude = [outDir, ...(reviewDir ? [reviewDir] : [])]
  const inputs = (await expandInputs(patterns, cwd, {exclude})).filter((input) => inShard(input.output, shard))
  if (options.outputName !== undefined) {
    if (inputs.length > 1) throw new UsageError(`Unexpected output file name \`${options.outputName}\` for ${inputs.length} notes files`, {rule: 'input', hint: 'give -o a folder for more than one notes file'})
    if (inputs[0]) inputs[0] = {...inputs[0], output: options.outputName}
  }
  refuseOverwritingInputs(inputs, outDir, formats)
  const attendeesPath = options.attendeesFile ? path.resolve(cwd, options.attendeesFile) : undefined
  if (attendeesPath && !fs.statSync(attendeesPath, {throwIfNoEntry: false})?.isFile()) {
    throw new UsageError(`Cannot read attendees file \`${options.attendeesFile}\``, {file: options.attendeesFile, rule: 'attendees', hint: 'check the path of the sign-in sheet (CSV with a `name` column, or YAML)'})
  }

  await sweepTemporaryFiles(outDir)
  const manifest = await Manifest.load(outDir)
  const fingerprints = new Fingerprints()
  const relative = (file: string | undefined) => (file ? manifest.relative(path.resolve(cwd, file)) : undefined)
  const key = optionsKey({
    strict: Boolean(options.strict),
    attendees: relative(attendeesPath),
    brand: relative(options.brand),
    theme: relative(options.theme),
    profile: options.profile && /[\\/]|\.ya?ml$/i.test(options.profile) ? relative(options.profile) : options.profile,
  })
  const targets = (input: NotesInput) => [
    ...formats.map((format) => path.join(outDir, `${input.output}.${format}`)),
    ...(reviewDir ? [path.join(reviewDir, `${input.output}.review.html`)] : []),
  ]

  const files: Array<FileResult | undefined> = new Array(inputs.length)
  const queue: number[] = []
  inputs.forEach((input, index) => {
    const fresh = !options.force && !options.explain && manifest.isFresh(input.output, key, targets(input), fingerprints)
    if (!fresh) {
      queue.push(index)
      return
    }
    const entry = manifest.entry(input.output)!
    files[index] = {
      input: input.display,
      status: 'skipped',
      outputs: Object.keys(entry.outputs).map((output) => manifest.absolute(output)),
      diagnostics: [],
      warnings: 0,
      redactions: 0,
      ms: 0,
      timings: {},
      exitCode: exitCodes.ok,
    }
  })
  // Configuration given as an option is the same for every file: when it is wrong, that is said once, before anything runs.
  if (queue.length > 0) await validateConfiguration(options, cwd)
  options.onStart?.({total: inputs.length, build: queue.length, skipped: inputs.length - queue.length})
  for (const result of files) if (result) options.onFile?.(result)

  const owned = !(options.session instanceof Session)
  const session = options.session instanceof Session ? options.session : new Session()
  const temps: TempFiles = new Set()
  const onExit = () => {
    // The process is ending mid-run (a signal, process.exit): no temporary file stays, and what was written is recorded.
    removeTemporaryFilesSync(temps)
    manifest.saveSync(shard)
  }
  const onAbort = () => {
    void session.close()
  }
  let engine: Engine | undefined
  const retriesBefore = session.retries
  let retries = 0
  let launched = false
  let printer: Printer | undefined
  try {
    if (queue.length > 0 && !options.signal?.aborted) {
      const attendees = attendeesPath ? await readAttendees(attendeesPath, options.attendeesFile!) : undefined
      engine = session.engine(threadCount(queue.length, concurrency, {requested: options.threads, printing: formats.includes('pdf')}), {timeout, auditInMain: formats.includes('pdf')})
      printer = formats.includes('pdf') ? await session.printer({pages: concurrency, timeout, browser: options.browser}) : undefined
      printer?.warm()
      process.on('exit', onExit)
      options.signal?.addEventListener('abort', onAbort, {once: true})
      // A browser this build owns closes as soon as the last report has printed, while its audit and writes go on.
      const printed = printer && owned ? whenAllDone(queue.map((index) => inputs[index]!), () => void printer!.close()) : () => {}
      const run: Run = {cwd, outDir, formats, reviewDir, key, attendeesPath, attendees, manifest, fingerprints, engine, printer, printed, temps, options}
      const inFlight = printer ? concurrency + Math.max(1, engine.threads) : Math.max(concurrency, engine.threads + 1)
      let lastSave = performance.now()
      await mapBounded(
        queue,
        inFlight,
        async (index) => {
          const result = await buildFile(inputs[index]!, run).finally(() => printed(inputs[index]!))
          files[index] = result
          options.onFile?.(result)
          if (performance.now() - lastSave > 2000) {
            lastSave = performance.now()
            await manifest.save(shard).catch(() => {})
          }
        },
        () => options.signal?.aborted ?? false,
      )
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
    retries = session.retries - retriesBefore
    launched = printer?.launched ?? false
    if (owned) await session.close()
    await manifest.save(shard).catch(() => {})
    removeTemporaryFilesSync(temps)
    process.off('exit', onExit)
  }

  const results = inputs.map((input, index) => {
    const result = files[index]
    if (result) return result
    const cancelled: FileResult = {input: input.display, status: 'cancelled', outputs: [], diagnostics: [], warnings: 0, redactions: 0, ms: 0, timings: {}, exitCode: exitCodes.ok}
    options.onFile?.(cancelled)
    return cancelled
  })
  return summarise(results, {started, interrupted: options.signal?.aborted ?? false, browser: Boolean(options.browser) || launched, retries, threads: engine?.threads ?? 0, shard})
}

function summarise(files: FileResult[], run: {started: number; interrupted: boolean; browser: boolean; retries: number; threads: number; shard?: Shard}): BuildSummary {
  const count = (status: FileResult['status']) => files.filter((file) => file.status === status).length
  const failed = files.filter((file) => file.status === 'failed')
  const exitCode = failed.some((file) => file.exitCode === exitCodes.audit) ? exitCodes.audit : failed.length > 0 ? exitCodes.failed : exitCodes.ok
  return {
    files,
    built: count('built'),
    skipped: count('skipped'),
    failed: failed.length,
    cancelled: count('cancelled'),
    warnings: files.reduce((total, file) => total + file.warnings, 0),
    ms: Math.round(performance.now() - run.started),
    exitCode,
    interrupted: run.interrupted,
    browser: run.browser,
    retries: run.retries,
    threads: run.threads,
    ...(run.shard ? {shard: run.shard} : {}),
  }
}

function warningsIn(diagnostics: Diagnostic[]): number {
  return diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length
}

async function buildFile(input: NotesInput, run: Run): Promise<FileResult> {
  const started = performance.now()
  const timings: FileResult['timings'] = {}
  const aborted = () => run.options.signal?.aborted ?? false
  const result = (status: FileResult['status'], outputs: string[], diagnostics: Diagnostic[], exitCode: ExitCode = exitCodes.ok, extra: Partial<FileResult> = {}): FileResult => ({
    input: input.display,
    status,
    outputs,
    diagnostics,
    warnings: warningsIn(diagnostics),
    redactions: 0,
    ms: Math.round(performance.now() - started),
    timings,
    exitCode,
    ...extra,
  })
  const cancelled = () => result('cancelled', [], [])
  const target = (format: Format) => path.join(run.outDir, `${input.output}.${format}`)
  const time = async <T>(stage: keyof FileResult['timings'], work: () => Promise<T>): Promise<T> => {
    const from = performance.now()
    try {
      return await work()
    } finally {
      timings[stage] = Math.round((timings[stage] ?? 0) + performance.now() - from)
    }
  }

  // Hash the notes before they are read to compile: if they change meanwhile, the next run sees it.
  run.fingerprints.file(input.path)
  const job: CompileJob = {
    input,
    options: {
      cwd: run.cwd,
      brand: run.options.brand,
      theme: run.options.theme,
      profile: run.options.profile,
      strict: run.options.strict,
      attendees: run.attendees,
      review: Boolean(run.reviewDir),
      explain: run.options.explain,
      outputs: [
        ...(run.formats.includes('html') || run.formats.includes('pdf') ? (['html'] as const) : []),
        ...(run.formats.includes('md') ? (['md'] as const) : []),
        ...(run.formats.includes('json') ? (['json'] as const) : []),
        ...(run.formats.includes('docx') ? (['docx'] as const) : []),
      ],
    },
  }
  let outcome: CompileOutcome
  try {
    outcome = await time('compile', () => run.engine.compile(job).catch((error: unknown) => (isRule(error, workerCrashRule) && !aborted() ? run.engine.compile(job) : Promise.reject(error))))
  } catch (error) {
    if (aborted()) return cancelled()
    run.manifest.forget(input.output)
    return result('failed', [], [fromError(error, input.display)], exitCodes.failed)
  }
  if (!outcome.ok) {
    run.manifest.forget(input.output)
    return result('failed', [], outcome.diagnostics, outcome.exitCode, {redactions: outcome.redactions})
  }

  const writes: FileToWrite[] = []
  if (run.formats.includes('html')) writes.push({path: target('html'), data: outcome.html})
  if (run.formats.includes('md')) writes.push({path: target('md'), data: outcome.markdown})
  if (run.formats.includes('json')) writes.push({path: target('json'), data: outcome.json})
  if (run.formats.includes('docx') && outcome.docx) writes.push({path: target('docx'), data: outcome.docx})

  let printError: unknown
  let pages: Map<string, number> | undefined
  if (run.printer) {
    try {
      const printing = {onLoading: () => run.engine.preloadAudit(), pages: run.manifest.pages(input.output), onPages: (placed: Map<string, number>) => (pages = placed)}
      const pdf = await time('print', () => run.printer!.print(outcome.html, printing)).finally(() => run.printed(input))
      const leaks = await time('audit', () => run.engine.auditPdf(pdf, outcome.audit, input.display))
      if (leaks.length > 0) {
        run.manifest.forget(input.output)
        return result('failed', [], [...outcome.diagnostics, ...leaks], exitCodes.audit, {redactions: outcome.redactions})
      }
      writes.push({path: target('pdf'), data: pdf})
    } catch (error) {
      if (aborted()) return cancelled()
      printError = error
    }
  }
  if (run.reviewDir && outcome.review !== undefined) writes.push({path: path.join(run.reviewDir, `${input.output}.review.html`), data: outcome.review})

  try {
    await time('write', () => writeAllAtomic(writes, run.temps))
  } catch (error) {
    run.manifest.forget(input.output)
    return result('failed', [], [...outcome.diagnostics, fromError(error, input.display)], exitCodes.failed, {redactions: outcome.redactions})
  }
  const written = writes.map((write) => write.path)
  const extra = {redactions: outcome.redactions, ...(outcome.placements ? {placements: outcome.placements} : {})}
  if (printError) {
    // The other formats are written; the report is not recorded as built, so the next run tries again.
    run.manifest.forget(input.output)
    return result('failed', written, [...outcome.diagnostics, fromError(printError, input.display)], exitCodes.failed, extra)
  }
  run.manifest.record(
    input.output,
    {
      input: input.display,
      key: run.key,
      deps: [
        {kind: 'f', path: input.path},
        ...(run.attendeesPath ? [{kind: 'f' as const, path: run.attendeesPath}] : []),
        {kind: 'f', path: outcome.sources.profile},
        {kind: 't', path: outcome.sources.brand},
        {kind: 't', path: outcome.sources.theme},
        ...outcome.sources.images.map((image) => ({kind: 'f' as const, path: image})),
      ],
      outputs: writes.map((write) => ({path: write.path, size: typeof write.data === 'string' ? Buffer.byteLength(write.data) : write.data.byteLength})),
      warnings: warningsIn(outcome.diagnostics),
      pages,
    },
    run.fingerprints,
  )
  return result('built', written, outcome.diagnostics, exitCodes.ok, extra)
}

function isRule(error: unknown, rule: string): boolean {
  return typeof error === 'object' && error !== null && (error as {rule?: unknown}).rule === rule
}

async function readAttendees(file: string, display: string): Promise<Person[]> {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    throw new UsageError(`Cannot read attendees file \`${display}\``, {file: display, rule: 'attendees', hint: 'check the path of the sign-in sheet (CSV with a `name` column, or YAML)'})
  }
  const {parseAttendeesFile} = await import('../parse/roster.js')
  return parseAttendeesFile(text, display)
}

/**
 * The profile, brand and theme given as options (`--profile`, `--brand`,
 * `--theme`), loaded and checked once: a missing or invalid one is bad
 * configuration for every file alike, so it ends the run with exit 2 and one
 * error, instead of failing each file with the same. Only the loaders asked
 * for are imported.
 */
export async function validateConfiguration(options: Pick<CompileOptions, 'profile' | 'brand' | 'theme'>, cwd: string): Promise<void> {
  try {
    if (options.profile) {
      const {loadProfile} = await import('../group/profile.js')
      loadProfile(options.profile, cwd)
    }
    if (options.brand) {
      const {loadBrand} = await import('../render/brand.js')
      loadBrand(path.resolve(cwd, options.brand))
    }
    if (options.theme) {
      const {loadTheme} = await import('../render/theme.js')
      loadTheme(path.resolve(cwd, options.theme))
    }
  } catch (error) {
    // A file of the configuration that cannot be read (`EACCES`) is bad configuration too: exit 2.
    const known = toExchangeError(error)
    if (!known || known instanceof UsageError) throw error
    throw new UsageError(known.message, {file: known.file, line: known.line, column: known.column, rule: known.rule, hint: known.hint, cause: error})
  }
}

/**
 * An output that would land on an input would destroy the notes: refuse
 * before anything runs. Paths are compared as the system resolves them, so
 * an output folder that is a link to the notes folder (or has one on its
 * way) is seen for what it is.
 */
function refuseOverwritingInputs(inputs: NotesInput[], outDir: string, formats: readonly Format[]): void {
  const sources = new Set(inputs.flatMap((input) => [input.path, realFile(input.path)]))
  const folders = new Map<string, string>()
  for (const input of inputs) {
    for (const format of formats) {
      const target = path.join(outDir, `${input.output}.${format}`)
      // The write renames into the target's folder: where that folder really is decides what would be replaced.
      const real = path.join(realFolder(path.dirname(target), folders), path.basename(target))
      if (sources.has(target) || sources.has(real)) {
        throw new UsageError(`Refusing to write \`${format}\` output over the notes file \`${input.display}\``, {
          file: input.display,
          rule: 'output',
          hint: 'choose another output folder with -o',
        })
      }
    }
  }
}

/** The real path of a file, or the path itself when it cannot be resolved. */
function realFile(file: string): string {
  try {
    return fs.realpathSync(file)
  } catch {
    return file
  }
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor, resolved, with the rest added. */
function realFolder(folder: string, cache: Map<string, string>): string {
  const cached = cache.get(folder)
  if (cached !== undefined) return cached
  let real: string
  try {
    real = fs.realpathSync(folder)
  } catch {
    const parent = path.dirname(folder)
    real = parent === folder ? folder : path.join(realFolder(parent, cache), path.basename(folder))
  }
  cache.set(folder, real)
  return real
}
