/** `exchange check <notes...>` */
import type {Command} from 'commander'
import {check} from '../../check.js'
import type {Io} from '../index.js'
import {printDiagnostics} from '../report.js'

interface CheckFlags {
  attendees?: string
  profile?: string
  strict?: boolean
  json?: boolean
  quiet?: boolean
}

export function checkCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('Run the Chatham House audit without building: exit 3 if a participant could be identified from the report.')
    .argument('<notes...>', 'notes files (.md), folders of them, or globs')
    .option('--attendees <file>', "roster to strip, as CSV (name, org, role, aliases) or YAML; added to the notes' `attendees`")
    .option('--profile <name|file>', "standard sections profile; overrides the notes' `profile:`")
    .option('--strict', 'also fail (exit 3) on names the tool is unsure of')
    .option('--json', 'print one machine-readable summary on stdout')
    .option('-q, --quiet', 'print errors only')
    .addHelpText('after', '\nExit codes: 0 nothing leaks, 1 a file could not be read, 2 bad usage, 3 the audit failed.')
    .action(async (patterns: string[], flags: CheckFlags) => {
      const summary = await check(patterns, {cwd: io.cwd, attendeesFile: flags.attendees, profile: flags.profile, strict: flags.strict})
      for (const file of summary.files) printDiagnostics(file.diagnostics, io, {quiet: flags.quiet})
      if (flags.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
      else if (!flags.quiet) {
        for (const file of summary.files) {
          io.stdout.write(`${file.input}: ${file.ok ? 'ok' : 'FAILED'} (${file.redactions} redaction${file.redactions === 1 ? '' : 's'}${file.leaks ? `, ${file.leaks} leak${file.leaks === 1 ? '' : 's'}` : ''})\n`)
        }
      }
      setExit(summary.exitCode)
    })
}
