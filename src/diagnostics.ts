/**
 * Turn vfile messages and errors into `Diagnostic`s, and diagnostics into the
 * one-line form printed on stderr: `file:line:col  severity  message  [exchange:rule]`.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {ExchangeError} from './errors.js'
import type {Diagnostic} from './types.js'

export const source = 'exchange'

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
    .map((message) => fromMessage(message, file.path))
    .sort((a, b) => a.line - b.line || a.column - b.column)
}

export function fromError(error: unknown, file?: string): Diagnostic {
  if (error instanceof ExchangeError) {
    return {
      file: error.file ?? file,
      line: error.line ?? 0,
      column: error.column ?? 0,
      severity: 'error',
      rule: error.rule,
      message: error.hint ? `${error.message} — ${error.hint}` : error.message,
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return {file, line: 0, column: 0, severity: 'error', rule: 'internal', message}
}

/**
 * `file:line:col  severity  message  [exchange:rule]`; the place is left out
 * where there is none (line 0), so an error about a whole file reads `file  error  …`.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  let place = diagnostic.file ?? '<input>'
  if (diagnostic.line > 0) place += `:${diagnostic.line}:${diagnostic.column || 1}`
  return `${place}  ${diagnostic.severity}  ${diagnostic.message}  [${source}:${diagnostic.rule}]`
}
