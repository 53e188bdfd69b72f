/**
 * Check: run the pipeline and the Chatham House audit without printing a
 * PDF or writing anything. Fails (exit 3) if anything from the roster could
 * still reach the report — or, with `strict`, any name the tool is unsure of.
 */
import fs from 'node:fs'
import path from 'node:path'
import {exitCodes, UsageError, type ExitCode} from './errors.js'
import {compileReport, type CompileOptions} from './engine/index.js'
import {validateConfiguration} from './engine/batch.js'
import {expandInputs} from './engine/inputs.js'
import {readNotes} from './engine/read.js'
import {leakDiagnostics} from './audit/index.js'
import {diagnosticsOf, fromError} from './diagnostics.js'
import {parseAttendeesFile} from './parse/roster.js'
import type {Diagnostic} from './types.js'

export interface CheckOptions extends CompileOptions {
  attendeesFile?: string
}

export interface CheckResult {
  input: string
  ok: boolean
  leaks: number
  redactions: number
  diagnostics: Diagnostic[]
  exitCode: ExitCode
}

export interface CheckSummary {
  files: CheckResult[]
  exitCode: ExitCode
}

export async function check(patterns: string[], options: CheckOptions = {}): Promise<CheckSummary> {
  const cwd = options.cwd ?? process.cwd()
  const inputs = await expandInputs(patterns, cwd)
  // A missing or invalid --profile (or brand, theme) is the same for every file: said once, exit 2.
  await validateConfiguration(options, cwd)
  let attendees = options.attendees
  if (options.attendeesFile) {
    const file = path.resolve(cwd, options.attendeesFile)
    if (!fs.existsSync(file)) throw new UsageError(`Cannot read attendees file \`${options.attendeesFile}\``, {file: options.attendeesFile, rule: 'attendees', hint: 'check the path'})
    attendees = parseAttendeesFile(fs.readFileSync(file, 'utf8'), options.attendeesFile)
  }

  const files = inputs.map((input): CheckResult => {
    try {
      const file = readNotes(input.path, input.display)
      const compiled = compileReport(file, {...options, cwd, attendees})
      const diagnostics = diagnosticsOf(file)
      const unresolved = options.strict ? diagnostics.filter((diagnostic) => diagnostic.rule === 'unrostered-name') : []
      const leaks = leakDiagnostics(compiled.leaks, input.display)
      const failed = leaks.length > 0 || unresolved.length > 0
      return {
        input: input.display,
        ok: !failed,
        leaks: compiled.leaks.length,
        redactions: compiled.redactions.length,
        diagnostics: [...diagnostics.map((diagnostic) => (unresolved.includes(diagnostic) ? {...diagnostic, severity: 'error' as const} : diagnostic)), ...leaks],
        exitCode: failed ? exitCodes.audit : exitCodes.ok,
      }
    } catch (error) {
      const diagnostic = fromError(error, input.display)
      return {input: input.display, ok: false, leaks: 0, redactions: 0, diagnostics: [diagnostic], exitCode: exitCodes.failed}
    }
  })
  const exitCode = files.some((file) => file.exitCode === exitCodes.audit) ? exitCodes.audit : files.some((file) => !file.ok) ? exitCodes.failed : exitCodes.ok
  return {files, exitCode}
}
