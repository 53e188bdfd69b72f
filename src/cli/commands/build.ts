/** `exchange build <notes|dir|glob...>` */
import {InvalidArgumentError, Option, type Command} from 'commander'
import {allFormats, build, defaultFormats, type BuildSummary, type Format} from '../../build/index.js'

import type {Io} from '../index.js'
import {positiveInteger} from '../index.js'
import {printDiagnostics, seconds} from '../report.js'
import {formatExplanation} from '../../group/explain.js'

interface BuildFlags {
  out: string
  format: Format[]
  brand?: string
  theme?: string
  profile?: string
  attendees?: string
  concurrency?: number
  timeout: number
  strict?: boolean
  explain?: boolean
  review: string | boolean
  json?: boolean
  quiet?: boolean
}

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

export function buildCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('build')
    .description('Build anonymised insights reports from notes files, folders or globs.')
    .argument('<notes...>', 'notes files (.md), folders of them, or globs')
    .option('-o, --out <dir>', 'output folder; a batch mirrors the input folders in it', 'out')
    .addOption(
      new Option('-f, --format <list>', `formats to write, comma-separated: ${allFormats.join(', ')}`)
        .argParser(parseFormats)
        .default([...defaultFormats], defaultFormats.join(',')),
    )
    .option('--brand <dir>', "brand folder (brand.yaml and its logos); overrides the notes' `brand:`")
    .option('--theme <dir>', 'theme folder (report.hbs, partials/, style.css); the default theme otherwise')
    .option('--profile <name|file>', "standard sections: a shipped profile's name or a profile YAML file; overrides the notes' `profile:`")
    .option('--attendees <file>', "roster to strip, as CSV (name, org, role, aliases) or YAML; added to the notes' `attendees`")
    .option('--concurrency <n>', 'how many reports render at once (default: the number of CPU cores)', positiveInteger('--concurrency'))
    .option('--timeout <seconds>', 'give up printing one report after this many seconds', positiveInteger('--timeout'), 60)
    .option('--strict', 'refuse (exit 3) when a name the tool is unsure of could reach the report')
    .option('--explain', 'say where each note went and why')
    .option('--review [dir]', 'also write a confidential review page per report (original → replacement) into dir, never into the public output folder unless dir is that folder', false)
    .option('--json', 'print one machine-readable summary on stdout')
    .option('-q, --quiet', 'print errors only')
    .addHelpText(
      'after',
      `
Exit codes: 0 built, 1 a file failed, 2 bad usage or config, 3 the Chatham House audit failed.

Examples:
  $ exchange build notes.md
  $ exchange build notes/ -o reports --format html,pdf,md,json
  $ exchange build "archive/**/*.md" --attendees sign-in.csv --json`,
    )
    .action(async (patterns: string[], flags: BuildFlags) => {
      const summary = await build(patterns, {
        cwd: io.cwd,
        outDir: flags.out,
        formats: flags.format,
        brand: flags.brand,
        theme: flags.theme,
        profile: flags.profile,
        attendeesFile: flags.attendees,
        concurrency: flags.concurrency,
        timeout: flags.timeout * 1000,
        strict: flags.strict,
        explain: flags.explain,
        reviewDir: flags.review === true ? 'exchange-review' : flags.review || undefined,
      })
      printBuild(summary, flags, io)
      setExit(summary.exitCode)
    })
}

function printBuild(summary: BuildSummary, flags: BuildFlags, io: Io): void {
  for (const file of summary.files) {
    printDiagnostics(file.diagnostics, io, {quiet: flags.quiet})
    if (flags.explain && !flags.json) {
      for (const entry of file.placements ?? []) io.stdout.write(`${formatExplanation(file.input, entry)}\n`)
    }
  }
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
    return
  }
  if (flags.quiet) return
  for (const file of summary.files) {
    if (file.status === 'built') io.stdout.write(`${file.input} → ${file.outputs.join(', ')}\n`)
  }
  const parts = [`${summary.built} built`, summary.failed > 0 ? `${summary.failed} failed` : '', `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`]
  io.stderr.write(`${parts.filter(Boolean).join(', ')} in ${seconds(summary.ms)}\n`)
}


