/**
 * Every expected failure is an `ExchangeError`: it names the file (and line,
 * where there is one), says what happened and what to do, and carries the
 * exit code the CLI should use. Only the CLI turns it into an exit.
 */

/** Exit codes, as in SPEC §5. */
export const exitCodes = {
  ok: 0,
  failed: 1,
  usage: 2,
  audit: 3,
} as const

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]

export interface ExchangeErrorOptions {
  /** The file the error is about. */
  file?: string
  line?: number
  column?: number
  /** Rule id, without the `exchange:` prefix. */
  rule?: string
  /** What the user can do about it. */
  hint?: string
  /** Exit code the CLI should end with. Defaults to 1 (a file failed). */
  exitCode?: ExitCode
  cause?: unknown
}

export class ExchangeError extends Error {
  override name = 'ExchangeError'
  file?: string
  line?: number
  column?: number
  rule: string
  hint?: string
  exitCode: ExitCode

  constructor(message: string, options: ExchangeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.file = options.file
    this.line = options.line
    this.column = options.column
    this.rule = options.rule ?? 'error'
    this.hint = options.hint
    this.exitCode = options.exitCode ?? exitCodes.failed
  }
}

/** Bad usage or configuration: exit 2. */
export class UsageError extends ExchangeError {
  override name = 'UsageError'
  constructor(message: string, options: Omit<ExchangeErrorOptions, 'exitCode'> = {}) {
    super(message, {rule: 'usage', ...options, exitCode: exitCodes.usage})
  }
}

/** The Chatham House audit found something that could identify a participant: exit 3. */
export class AuditError extends ExchangeError {
  override name = 'AuditError'
  constructor(message: string, options: Omit<ExchangeErrorOptions, 'exitCode'> = {}) {
    super(message, {rule: 'audit', ...options, exitCode: exitCodes.audit})
  }
}
