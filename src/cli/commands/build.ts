/** `exchange build <notes|dir|glob...>` */
import fs from 'node:fs'
import path from 'node:path'
import {InvalidArgumentError, Option, type Command} from 'commander'
import {allFormats, build, defaultFormats, type BuildOptions, type BuildSummary, type FileResult, type Format} from '../../engine/batch.js'
import {parseShard, type Shard} from '../../engine/shard.js'
import {resolveSettings, type Settings} from '../../config.js'
import {formatDiagnostic, fromError, stackOf} from '../../diagnostics.js'
import {ExchangeError, UsageError} from '../../errors.js'
import {formatExplanation} from '../../group/explain.js'
import type {Io} from '../index.js'
import {positiveInteger} from '../index.js'
import {batchHeap} from '../heap.js'
import {colourEnabled, createProgress, diagnosticLines, outputsLine, paint, summaryLine, type Progress} from '../report.js'
import {mergeManifestsCommand} from './merge-manifests.js'
import {reviewFolder} from '../review.js'
import {readStdinNotes} from '../stdin.js'

/** The flags: every setting exchange.yaml can hold, and those only the command line has. */
interface BuildFlags extends Settings {
  explain?: boolean
  review?: string | boolean
  force?: boolean
  shard?: Shard
  watch?: boolean
  json?: boolean
  quiet?: boolean
  color: boolean
  config?: string
  threads?: number
}

/** Exit codes after a signal: 128 + the signal number, as shells report it. */
export const signalExitCodes = {SIGINT: 130, SIGTERM: 143} as const

export function parseFormats(value: string): Format[] {
  const formats = value
    .split(',')
    .map((format) => format.trim().toLowerCase())
    .filter(Boolean)
  const unknown = formats.filter((format) => !(allFormats as readonly string[]).includes(format))
  if (unknown.length > 0 || formats.length === 0) {
    throw new InvalidArgumentError(`expected a comma-separated list of ${allFormats.join(', ')}${unknown.length ? `, got \`${unknown.join(', ')}\`` : ''}.`)
  }
  return [...new Set(formats)] as Format[]
}

function wholeNumber(name: string) {
  return (value: string): number => {
    const number = Number(value)
    if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError(`${name} must be a whole number of 0 or more.`)
    return number
  }
}

function shardArgument(value: string): Shard {
  try {
    return parseShard(value)
  } catch (error) {
    throw new InvalidArgumentError(error instanceof ExchangeError ? `${error.message} (${error.hint})` : String(error))
  }
}

export function buildCommand(program: Command, given: Io, setExit: (code: number) => void): void {
  program
    .command('build')
    .description('Build anonymised insights reports from notes files, folders or globs.')
    .argument('<notes...>', 'notes files (.md), folders of them, or globs; - reads the notes from standard input')
    .option('-o, --out <dir|file>', 'output folder; a batch mirrors the input folders in it (default: out, beside exchange.yaml if there is one); for one notes file, a file name such as report.pdf')
    .addOption(new Option('-f, --format <list>', `formats to write, comma-separated: ${allFormats.join(', ')} (default: ${defaultFormats.join(',')})`).argParser(parseFormats))
    .option('--brand <dir>', "brand folder (brand.yaml and its logos); overrides the notes' `brand:`")
    .option('--theme <dir>', 'theme folder (report.hbs, partials/, style.css); the default theme otherwise')
    .option('--profile <name|file>', "standard sections: a shipped profile's name or a profile YAML file; overrides the notes' `profile:`")
    .option('--attendees <file>', "roster to strip, as CSV (name, org, role, aliases) or YAML; added to the notes' `attendees`")
    .option('--concurrency <n>', 'how many reports print at once, sharing one browser (default: the number of CPU cores)', positiveInteger('--concurrency'))
    .option('--timeout <seconds>', 'give up printing one report after this many seconds (default: 60)', positiveInteger('--timeout'))
    .option('--strict', 'refuse (exit 3) when a name the tool is unsure of could reach the report')
    .addOption(new Option('--no-strict', 'turn off `strict` set in exchange.yaml or EXCHANGE_STRICT').hideHelp())
    .option('--explain', 'say where each note went and why (rebuilds every report)')
    .option('--review [dir]', 'also write a confidential review page per report (the notes with real names beside their replacements) into dir; alone: into the user cache folder, printed (a dir inside a git work tree must be git-ignored)')
    .option('--force', 'rebuild every report, even those whose sources are unchanged')
    .option('--shard <I/N>', 'build only a stable I-th of N parts of the files (a CI matrix of N jobs)', shardArgument)
    .option('-w, --watch', 'rebuild when the notes, attendees, profile, brand or theme change (Ctrl-C to stop)')
    .option('--json', 'print one machine-readable summary on stdout')
    .option('-q, --quiet', 'print errors only')
    .option('--no-color', 'no colour (also: the NO_COLOR environment variable)')
    .option('--config <file>', 'settings file (default: the nearest exchange.yaml in this folder or one above it)')
    .addOption(new Option('--threads <n>', 'worker threads to compile on (default: one per core for 4 reports or more; 0: none)').argParser(wholeNumber('--threads')).hideHelp())
    .addHelpText(
      'after',
      `
Settings: flags > EXCHANGE_* environment variables > exchange.yaml > defaults, where exchange.yaml is
--config FILE (or EXCHANGE_CONFIG), else the nearest one in this folder or a folder above it.
Unchanged reports are skipped (a manifest in the output folder); --force rebuilds.

Exit codes: 0 built, 1 a file failed, 2 bad usage or config, 3 the Chatham House audit failed,
130 interrupted (Ctrl-C), 143 terminated (SIGTERM): what was built stays, nothing is left half-written.

Examples:
  $ exchange build notes.md
  $ exchange build notes/ -o reports --format html,pdf,md,json
  $ exchange build "archive/**/*.md" --attendees sign-in.csv --json
  $ exchange build notes.md -o report.pdf    # one file, named
  $ cat notes.md | exchange build - -f md    # notes from standard input
  $ exchange build archive/ --shard 2/4      # the second of 4 CI jobs`,
    )
    .action(async (patterns: string[], flags: BuildFlags) => {
      const {settings} = resolveSettings(settingFlags(flags), {cwd: given.cwd, env: given.env, config: flags.config})
      const stdin = await readStdinNotes(patterns, given)
      const io = stdin ? stdin.io(given) : given
      try {
        const options = buildOptions(settings, flags, io)
        if (options.reviewDir) {
          fs.mkdirSync(options.reviewDir, {recursive: true, mode: 0o700})
          if (!flags.json) io.stderr.write(`Review pages (confidential: they show real names) go to ${options.reviewDir}\n`)
        }
        const inputs = stdin ? stdin.patterns : patterns
        if (flags.watch) {
          if (stdin) throw new UsageError('Unexpected --watch with notes from standard input', {rule: 'input', hint: 'save the notes to a file and watch that'})
          setExit(await watch(inputs, options, flags, io))
          return
        }
        setExit(await buildOnce(inputs, options, flags, io))
      } finally {
        stdin?.remove()
      }
    })
  mergeManifestsCommand(program, given, setExit)
}

/** The flags that are settings (what exchange.yaml and EXCHANGE_* can also set). */
export function settingFlags(flags: Settings): Settings {
  return {out: flags.out, format: flags.format, brand: flags.brand, theme: flags.theme, profile: flags.profile, attendees: flags.attendees, concurrency: flags.concurrency, timeout: flags.timeout, strict: flags.strict}
}

/** `-o report.pdf`: an output named as a file of one of the formats, rather than a folder. */
export function outputFile(out: string): {dir: string; name: string; format: Format} | undefined {
  const match = /^(.+)\.(html|pdf|md|json)$/i.exec(path.basename(out))
  if (!match?.[1] || !match[2]) return undefined
  if (fs.statSync(out, {throwIfNoEntry: false})?.isDirectory()) return undefined
  return {dir: path.dirname(out), name: match[1], format: match[2].toLowerCase() as Format}
}

function buildOptions(settings: Settings, flags: BuildFlags, io: Io): BuildOptions {
  const out = settings.out ?? 'out'
  // `-o report.pdf` (the flag only: exchange.yaml's `out` is a folder) names the one report's file; its format unless -f says others.
  const file = flags.out ? outputFile(path.resolve(io.cwd, out)) : undefined
  return {
    cwd: io.cwd,
    outDir: file ? file.dir : out,
    ...(file ? {outputName: file.name} : {}),
    formats: flags.format ?? (file ? [file.format] : (settings.format ?? defaultFormats)),
    brand: settings.brand,
    theme: settings.theme,
    profile: settings.profile,
    attendeesFile: settings.attendees,
    concurrency: settings.concurrency,
    timeout: (settings.timeout ?? 60) * 1000,
    strict: settings.strict,
    explain: flags.explain,
    reviewDir: flags.review === undefined || flags.review === false ? undefined : reviewFolder(flags.review, io),
    force: flags.force,
    shard: flags.shard,
    threads: flags.threads,
  }
}

/** Per-file output as each file finishes: diagnostics (stderr), then what was written (stdout), unless a bar shows progress. */
function reporter(flags: BuildFlags, io: Io, progress: Progress, bar: boolean) {
  // A diagnostic about a file shared by the batch (the brand's contrast, at its line in brand.yaml) is said once, not once a report.
  const said = new Set<string>()
  const once = (diagnostic: FileResult['diagnostics'][number], input: string) => {
    if (!diagnostic.file || diagnostic.file === input) return true
    const key = formatDiagnostic(diagnostic)
    if (said.has(key)) return false
    said.add(key)
    return true
  }
  return (file: FileResult) => {
    progress.tick(file)
    progress.log(diagnosticLines(file.diagnostics.filter((diagnostic) => once(diagnostic, file.input)), {quiet: flags.quiet, debug: io.debug}))
    if (flags.explain && !flags.json) {
      for (const entry of file.placements ?? []) io.stdout.write(`${formatExplanation(file.input, entry)}\n`)
    }
    if (!bar && !flags.json && !flags.quiet && file.status === 'built') io.stdout.write(`${outputsLine(file, io.cwd)}\n`)
  }
}

function printSummary(summary: BuildSummary, flags: BuildFlags, io: Io, options: {colour: boolean; compact?: boolean}): void {
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(summary, null, options.compact ? undefined : 2)}\n`)
    return
  }
  if (flags.quiet) return
  io.stderr.write(`${summaryLine(summary, paint(options.colour))}\n`)
}

async function buildOnce(patterns: string[], options: BuildOptions, flags: BuildFlags, io: Io): Promise<number> {
  const colour = colourEnabled(io, flags.color)
  const bar = io.stderr.isTTY === true && !flags.quiet && !flags.json
  const progress = await createProgress(io, bar)
  const controller = new AbortController()
  let interruptedBy: keyof typeof signalExitCodes | undefined
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruptedBy) return
    interruptedBy = signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM'
    progress.log(`exchange: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}: finishing the reports being written, then stopping\n`)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const heap = batchHeap()
  const report = reporter(flags, io, progress, bar)
  // The bar stands where each report's line would go: once it is gone, say where the files are.
  const written: FileResult[] = []
  let summary: BuildSummary
  try {
    summary = await build(patterns, {
      ...options,
      signal: controller.signal,
      onStart: (plan) => {
        heap.planned(plan.build)
        progress.start(plan.total)
      },
      onFile: (result) => {
        if (result.status !== 'skipped') heap.finished()
        if (result.status === 'built') written.push(result)
        report(result)
      },
    })
  } finally {
    progress.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  if (bar) io.stdout.write(writtenLines(written, options, io.cwd))
  printSummary(summary, flags, io, {colour})
  return interruptedBy ? signalExitCodes[interruptedBy] : summary.exitCode
}

/** After a progress bar: each report's files, or for a large batch the folder they are in. */
export function writtenLines(written: FileResult[], options: BuildOptions, cwd: string, most = 10): string {
  if (written.length === 0) return ''
  if (written.length <= most) return written.map((file) => `${outputsLine(file, cwd)}\n`).join('')
  const folder = path.relative(cwd, path.resolve(cwd, options.outDir ?? 'out')) || '.'
  return `${written.length} reports written to ${folder.startsWith('..') ? path.resolve(cwd, options.outDir ?? 'out') : folder}${options.reviewDir ? `, review pages to ${options.reviewDir}` : ''}\n`
}

async function watch(patterns: string[], options: BuildOptions, flags: BuildFlags, io: Io): Promise<number> {
  const {watchBuild} = await import('../../engine/watch.js')
  const colour = colourEnabled(io, flags.color)
  const progress = await createProgress(io, false)
  const onFile = reporter(flags, io, progress, false)
  let stop: (code: number) => void = () => {}
  const stopped = new Promise<number>((resolve) => {
    stop = resolve
  })
  const watcher = await watchBuild(patterns, {
    ...options,
    onFile,
    onBuild(summary, changed) {
      if (!flags.json && !flags.quiet && changed.length > 0) {
        io.stderr.write(`Rebuilt after a change to ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}\n`)
      }
      printSummary(summary, flags, io, {colour, compact: true})
    },
    onError(error) {
      io.stderr.write(`${formatDiagnostic(fromError(error))}\n`)
      if (io.debug) io.stderr.write(`${stackOf(error)}\n`)
    },
  })
  if (!flags.json && !flags.quiet) io.stderr.write(`Watching ${watcher.watched().length} path${watcher.watched().length === 1 ? '' : 's'} for changes (Ctrl-C to stop)\n`)
  // Ctrl-C is how a watch ends: it closes the browser and the watcher and exits 130 (143 on SIGTERM), as after any signal.
  const onSignal = (signal: NodeJS.Signals) => stop(signal === 'SIGINT' ? signalExitCodes.SIGINT : signalExitCodes.SIGTERM)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const code = await stopped
  process.off('SIGINT', onSignal)
  process.off('SIGTERM', onSignal)
  await watcher.close()
  return code
}
