/**
 * Turn vfile messages and errors into `Diagnostic`s, and diagnostics into the
 * one-line form printed on stderr: `file:line:col  severity  message  [exchange:rule]`.
 *
 * A diagnostic is always one line and never a stack trace: the error behind
 * one is kept aside (`errorOf`) for `--debug`.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {toExchangeError} from './errors.js'
import type {Diagnostic} from './types.js'

export const source = 'exchange'

/** What to do about a bug: said once, the same everywhere. */
export const bugHint = 'this is a bug in exchange: run again with --debug, and report it with the notes that triggered it'

/** The errors behind diagnostics made by `fromError`, for `--debug`; not part of the diagnostic's data. */
const origins = new WeakMap<Diagnostic, unknown>()

/** The severity of a vfile message: `fatal` true is an error, false a warning, else info. */
export function severityOf(message: VFileMessage): Diagnostic['severity'] {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

export function fromMessage(message: VFileMessage, file?: string): Diagnostic {
  return {
    file: file ?? message.file ?? undefined,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: severityOf(message),
    rule: message.ruleId ?? 'unknown',
    message: message.reason,
  }
}

/** Every message on a file, in source order. */
export function diagnosticsOf(file: VFile): Diagnostic[] {
  return file.messages
    // A message about another file (the brand's contrast, at its line in brand.yaml) keeps that file.
    .map((message) => fromMessage(message, message.file || file.path))
    .sort((a, b) => a.line - b.line || a.column - b.column)
}

/**
 * An error as a diagnostic: an `ExchangeError` (or a system error such as
 * `EACCES`, rewritten by `toExchangeError`) says what happened and what to
 * do; anything else is a bug, said in one line with how to report it.
 */
export function fromError(error: unknown, file?: string): Diagnostic {
  const known = toExchangeError(error)
  let diagnostic: Diagnostic
  if (known) {
    diagnostic = {
      file: known.file ?? file,
      line: known.line ?? 0,
      column: known.column ?? 0,
      severity: 'error',
      rule: known.rule,
      message: known.hint ? `${known.message} — ${known.hint}` : known.message,
    }
  } else {
    const reason = firstLine(error instanceof Error ? error.message : String(error)) || 'unknown error'
    diagnostic = {file, line: 0, column: 0, severity: 'error', rule: 'internal', message: `Unexpected internal error: ${reason} — ${bugHint}`}
  }
  origins.set(diagnostic, error)
  return diagnostic
}

/**
 * Attach what `--debug` shows to a diagnostic that crossed a thread: the
 * stack text a worker sent beside it (a WeakMap entry does not travel).
 */
export function attachStack(diagnostic: Diagnostic, stack: string): void {
  origins.set(diagnostic, stack)
}

/** The error a diagnostic was made from by `fromError`, if any. */
export function errorOf(diagnostic: Diagnostic): unknown {
  return origins.get(diagnostic)
}

/**
 * What `--debug` adds under a diagnostic: the stack of the error behind it
 * and of each of its causes. `undefined` when there is no error behind it.
 */
export function debugDetails(diagnostic: Diagnostic): string | undefined {
  const error = origins.get(diagnostic)
  if (error === undefined) return undefined
  return stackOf(error)
}

/** The stack of an error and its causes, for `--debug`. */
export function stackOf(error: unknown): string {
  const parts: string[] = []
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current !== undefined && current !== null && !seen.has(current) && parts.length < 10) {
    seen.add(current)
    parts.push(current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current))
    current = current instanceof Error ? current.cause : undefined
  }
  return parts.join('\nCaused by: ')
}

/**
 * `file:line:col  severity  message  [exchange:rule]`; the place is left out
 * where there is none (line 0), so an error about a whole file reads `file  error  …`.
 * Always one line: line breaks in a message are folded into spaces.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  let place = diagnostic.file ?? '<input>'
  if (diagnostic.line > 0) place += `:${diagnostic.line}:${diagnostic.column || 1}`
  const message = diagnostic.message.includes('\n') ? oneLine(diagnostic.message) : diagnostic.message
  return `${place}  ${diagnostic.severity}  ${message}  [${source}:${diagnostic.rule}]`
}

/** Lines folded into one, without a regular expression that could backtrack on long runs of spaces. */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
}

function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0]!.trim()
}
