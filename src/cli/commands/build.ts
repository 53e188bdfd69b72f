/** `exchange build <notes|dir|glob...>` */
import {InvalidArgumentError, Option, type Command} from 'commander'
import {allFormats, build, defaultFormats, type BuildOptions, type BuildSummary, type FileResult, type Format} from '../../engine/batch.js'
import {parseShard, type Shard} from '../../engine/shard.js'
import {loadConfig, mergeSettings, type Settings} from '../../config.js'
import {formatDiagnostic, fromError, stackOf} from '../../diagnostics.js'
import {ExchangeError} from '../../errors.js'
import {formatExplanation} from '../../group/explain.js'
import type {Io} from '../index.js'
import {positiveInteger} from '../index.js'
import {batchHeap} from '../heap.js'
import {colourEnabled, createProgress, diagnosticLines, outputsLine, paint, summaryLine, type Progress} from '../report.js'
import {mergeManifestsCommand} from './merge-manifests.js'

/** The flags: every setting exchange.yaml can hold, and those only the command line has. */
interface BuildFlags extends Settings {
  explain?: boolean
  review: string | boolean
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

export function buildCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('build')
    .description('Build anonymised insights reports from notes files, folders or globs.')
    .argument('<notes...>', 'notes files (.md), folders of them, or globs')
    .option('-o, --out <dir>', 'output folder; a batch mirrors the input folders in it (default: out)')
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
    .option('--review [dir]', 'also write a confidential review page per report (original → replacement) into dir, never into the public output folder unless dir is that folder', false)
    .option('--force', 'rebuild every report, even those whose sources are unchanged')
    .option('--shard <I/N>', 'build only a stable I-th of N parts of the files (a CI matrix of N jobs)', shardArgument)
    .option('-w, --watch', 'rebuild when the notes, attendees, profile, brand or theme change (Ctrl-C to stop)')
    .option('--json', 'print one machine-readable summary on stdout')
    .option('-q, --quiet', 'print errors only')
    .option('--no-color', 'no colour (also: the NO_COLOR environment variable)')
    .option('--config <file>', 'settings file (default: exchange.yaml in the current folder, if any)')
    .addOption(new Option('--threads <n>', 'worker threads to compile on (default: one per core for 4 reports or more; 0: none)').argParser(wholeNumber('--threads')).hideHelp())
    .addHelpText(
      'after',
      `
Settings: flags > EXCHANGE_* environment variables > exchange.yaml > defaults.
Unchanged reports are skipped (a manifest in the output folder); --force rebuilds.

Exit codes: 0 built, 1 a file failed, 2 bad usage or config, 3 the Chatham House audit failed,
130 interrupted (Ctrl-C), 143 terminated (SIGTERM): what was built stays, nothing is left half-written.

Examples:
  $ exchange build notes.md
  $ exchange build notes/ -o reports --format html,pdf,md,json
  $ exchange build "archive/**/*.md" --attendees sign-in.csv --json
  $ exchange build archive/ --shard 2/4      # the second of 4 CI jobs`,
    )
    .action(async (patterns: string[], flags: BuildFlags) => {
      const config = loadConfig({cwd: io.cwd, env: io.env, file: flags.config})
      const settings = mergeSettings(
        {out: flags.out, format: flags.format, brand: flags.brand, theme: flags.theme, profile: flags.profile, attendees: flags.attendees, concurrency: flags.concurrency, timeout: flags.timeout, strict: flags.strict},
        config.fromEnv,
        config.fromFile,
      )
      const options = buildOptions(settings, flags, io)
      if (flags.watch) {
        setExit(await watch(patterns, options, flags, io))
        return
      }
      setExit(await buildOnce(patterns, options, flags, io))
    })
  mergeManifestsCommand(program, io, setExit)
}

function buildOptions(settings: Settings, flags: BuildFlags, io: Io): BuildOptions {
  return {
    cwd: io.cwd,
    outDir: settings.out ?? 'out',
    formats: settings.format ?? defaultFormats,
    brand: settings.brand,
    theme: settings.theme,
    profile: settings.profile,
    attendeesFile: settings.attendees,
    concurrency: settings.concurrency,
    timeout: (settings.timeout ?? 60) * 1000,
    strict: settings.strict,
    explain: flags.explain,
    reviewDir: flags.review === true ? 'exchange-review' : flags.review || undefined,
    force: flags.force,
    shard: flags.shard,
    threads: flags.threads,
  }
}

/** Per-file output as each file finishes: diagnostics (stderr), then what was written (stdout), unless a bar shows progress. */
function reporter(flags: BuildFlags, io: Io, progress: Progress, bar: boolean) {
  return (file: FileResult) => {
    progress.tick(file)
    progress.log(diagnosticLines(file.diagnostics, {quiet: flags.quiet, debug: io.debug}))
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
        report(result)
      },
    })
  } finally {
    progress.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  printSummary(summary, flags, io, {colour})
  return interruptedBy ? signalExitCodes[interruptedBy] : summary.exitCode
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
