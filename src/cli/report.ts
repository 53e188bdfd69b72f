/** Printing diagnostics, progress, summaries and timings for people. */
import path from 'node:path'
import type {BuildSummary, FileResult} from '../engine/batch.js'
import {debugDetails, formatDiagnostic} from '../diagnostics.js'
import type {Diagnostic} from '../types.js'
import type {Io} from './index.js'
import {duration} from '../util/duration.js'

export interface DiagnosticOptions {
  /** Errors only. */
  quiet?: boolean
  /** Also `info` diagnostics. */
  verbose?: boolean
  /** `--debug`: the stack of the error behind an error, under its line. */
  debug?: boolean
}

/** Print diagnostics on stderr, one line each; with `--debug` (`io.debug`), the stack behind each error under it. */
export function printDiagnostics(diagnostics: Diagnostic[], io: Io, options: DiagnosticOptions = {}): void {
  io.stderr.write(diagnosticLines(diagnostics, {debug: io.debug, ...options}))
}

/** The lines `printDiagnostics` prints, each ending in a newline. */
export function diagnosticLines(diagnostics: Diagnostic[], options: DiagnosticOptions = {}): string {
  let text = ''
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'info' && !options.verbose) continue
    if (diagnostic.severity === 'warning' && options.quiet) continue
    text += `${formatDiagnostic(diagnostic)}\n`
    const details = options.debug && diagnostic.severity === 'error' ? debugDetails(diagnostic) : undefined
    if (details) text += `${details}\n`
  }
  return text
}

/**
 * Colour on stderr only for a terminal, and never with `NO_COLOR`
 * (https://no-color.org), `--no-color` or `TERM=dumb`.
 */
export function colourEnabled(io: Io, flag = true): boolean {
  return flag && io.stderr.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== 'dumb'
}

export interface Paint {
  green(text: string): string
  red(text: string): string
  yellow(text: string): string
  dim(text: string): string
}

export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001B[${open}m${text}\u001B[${close}m` : text)
  return {green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22)}
}

/** `48 built, 2 unchanged, 1 failed, 3 warnings in 4.2 s`. */
export function summaryLine(summary: BuildSummary, colours: Paint = paint(false)): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  const parts = [
    colours.green(`${summary.built} built`),
    summary.skipped > 0 ? `${summary.skipped} unchanged` : '',
    summary.failed > 0 ? colours.red(`${summary.failed} failed`) : '',
    summary.cancelled > 0 ? colours.yellow(`${summary.cancelled} not built (interrupted)`) : '',
    summary.warnings > 0 ? colours.yellow(plural(summary.warnings, 'warning')) : plural(summary.warnings, 'warning'),
  ]
  return `${parts.filter(Boolean).join(', ')} in ${duration(summary.ms)}`
}

/** `a.md → out/a.html, out/a.pdf`, paths relative to `cwd`. */
export function outputsLine(file: FileResult, cwd: string): string {
  const shown = file.outputs.map((output) => {
    const relative = path.relative(cwd, output)
    return relative.startsWith('..') ? output : relative
  })
  return `${file.input} → ${shown.join(', ')}`
}

/** Progress of a batch: a bar on a terminal, nothing otherwise. Lines logged go above the bar. */
export interface Progress {
  start(total: number): void
  tick(file: FileResult): void
  /** Write lines (each ending in a newline) to stderr without breaking the bar. */
  log(text: string): void
  stop(): void
}

const silent: Progress = {start() {}, tick() {}, log() {}, stop() {}}

/** A progress bar on stderr when it is a terminal (cli-progress), else a no-op. */
export async function createProgress(io: Io, enabled: boolean): Promise<Progress> {
  if (!enabled) return {...silent, log: (text) => io.stderr.write(text)}
  const {default: cliProgress} = await import('cli-progress')
  const bars = new cliProgress.MultiBar(
    {
      // cli-progress writes text and cursor moves, and reads `isTTY` and `columns`: the Io streams have what it uses.
      stream: io.stderr as NodeJS.WritableStream,
      format: ' {bar} {value}/{total} reports | {duration_formatted} | {file}',
      hideCursor: true,
      clearOnComplete: true,
      stopOnComplete: false,
      barsize: 24,
      fps: 10,
      autopadding: true,
      emptyOnZero: true,
    },
    cliProgress.Presets.shades_classic,
  )
  let bar: ReturnType<typeof bars.create> | undefined
  let done = 0
  return {
    start(total) {
      bar = bars.create(total, 0, {file: ''})
    },
    tick(file) {
      done++
      bar?.update(done, {file: file.input.length > 40 ? `…${file.input.slice(-39)}` : file.input})
    },
    log(text) {
      if (text) bars.log(text)
    },
    stop() {
      bars.update()
      bars.stop()
    },
  }
}
