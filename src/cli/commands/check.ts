/** `exchange check <notes...>` */
import {Option, type Command} from 'commander'
import {check} from '../../check.js'
import {resolveSettings, type Settings} from '../../config.js'
import type {Io} from '../index.js'
import {printDiagnostics} from '../report.js'
import {readStdinNotes} from '../stdin.js'
import {settingFlags} from './build.js'

interface CheckFlags extends Settings {
  json?: boolean
  quiet?: boolean
  config?: string
}

export function checkCommand(program: Command, given: Io, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('Run the Chatham House audit without building: exit 3 if a participant could be identified from the report.')
    .argument('<notes...>', 'notes files (.md), folders of them, or globs; - reads the notes from standard input')
    .option('--attendees <file>', "roster to strip, as CSV (name, org, role, aliases) or YAML; added to the notes' `attendees`")
    .option('--profile <name|file>', "standard sections profile; overrides the notes' `profile:`")
    .option('--brand <dir>', "brand folder, as for build (its colours are checked for contrast); overrides the notes' `brand:`")
    .option('--theme <dir>', 'theme folder, as for build')
    .option('--strict', 'also fail (exit 3) on names the tool is unsure of')
    .addOption(new Option('--no-strict', 'turn off `strict` set in exchange.yaml or EXCHANGE_STRICT').hideHelp())
    .option('--config <file>', 'settings file (default: the nearest exchange.yaml in this folder or one above it)')
    .option('--json', 'print one machine-readable summary on stdout')
    .option('-q, --quiet', 'print errors only')
    .addHelpText(
      'after',
      `
Settings, as for build: flags > EXCHANGE_* environment variables > exchange.yaml > defaults, where exchange.yaml is
--config FILE (or EXCHANGE_CONFIG), else the nearest one in this folder or a folder above it
(check reads attendees, profile, brand, theme and strict; the same inputs give build's verdict).

Exit codes: 0 nothing leaks, 1 a file could not be read, 2 bad usage, 3 the audit failed.`,
    )
    .action(async (patterns: string[], flags: CheckFlags) => {
      const {settings} = resolveSettings(settingFlags(flags), {cwd: given.cwd, env: given.env, config: flags.config})
      const stdin = await readStdinNotes(patterns, given)
      const io = stdin ? stdin.io(given) : given
      try {
        const summary = await check(stdin ? stdin.patterns : patterns, {
          cwd: io.cwd,
          attendeesFile: settings.attendees,
          profile: settings.profile,
          brand: settings.brand,
          theme: settings.theme,
          strict: settings.strict,
        })
        for (const file of summary.files) printDiagnostics(file.diagnostics, io, {quiet: flags.quiet})
        if (flags.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
        else if (!flags.quiet) {
          for (const file of summary.files) {
            io.stdout.write(`${file.input}: ${file.ok ? 'ok' : 'FAILED'} (${file.redactions} redaction${file.redactions === 1 ? '' : 's'}${file.leaks ? `, ${file.leaks} leak${file.leaks === 1 ? '' : 's'}` : ''})\n`)
          }
        }
        setExit(summary.exitCode)
      } finally {
        stdin?.remove()
      }
    })
}
