/**
 * Every expected failure is an `ExchangeError`: it names the file (and line,
 * where there is one), says what happened and what to do, and carries the
 * exit code the CLI should use. Only the CLI turns it into an exit.
 *
 * Failures the operating system reports (a missing file, a folder that
 * cannot be written, a full disk) are turned into `ExchangeError`s by
 * `toExchangeError`, so they read the same way; anything else is a bug.
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

/** An error from Node's `fs` (or another system call): it has a `code` like `EACCES`. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & {code: string} {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!)
}

/** What a system call was doing, in words: `mkdir` → `create the folder`. */
function verbOf(syscall: string | undefined): string {
  switch (syscall) {
    case 'mkdir':
      return 'create the folder'
    case 'rename':
    case 'write':
    case 'writeFile':
    case 'copyfile':
    case 'symlink':
    case 'unlink':
    case 'rm':
    case 'rmdir':
      return 'write'
    case 'read':
      return 'read'
    case 'scandir':
    case 'opendir':
      return 'read the folder'
    case 'stat':
    case 'lstat':
    case 'access':
    case 'realpath':
      return 'look at'
    default:
      return 'open'
  }
}

const systemProblems: Record<string, {what: string; hint: string}> = {
  ENOENT: {what: 'it does not exist', hint: 'check the path'},
  EACCES: {what: 'permission denied', hint: 'check the permissions of the file and its folder, or choose another output folder with -o'},
  EPERM: {what: 'operation not permitted', hint: 'check the permissions of the file and its folder, or choose another output folder with -o'},
  ENOTDIR: {what: 'part of the path is a file, not a folder', hint: 'choose another output folder with -o, or move the file out of the way'},
  EEXIST: {what: 'a file is in the way of a folder', hint: 'choose another output folder with -o, or move the file out of the way'},
  EISDIR: {what: 'it is a folder, not a file', hint: 'give a file, or move the folder out of the way'},
  ENOSPC: {what: 'the disk is full', hint: 'free some disk space, or choose another output folder with -o'},
  EDQUOT: {what: 'the disk quota is used up', hint: 'free some disk space, or choose another output folder with -o'},
  EROFS: {what: 'the disk is read-only', hint: 'choose another output folder with -o'},
  EMFILE: {what: 'too many files are open', hint: 'lower --concurrency, or raise the open-file limit (`ulimit -n`)'},
  ENFILE: {what: 'too many files are open', hint: 'lower --concurrency, or raise the open-file limit (`ulimit -n`)'},
  ENAMETOOLONG: {what: 'the name is too long', hint: 'use shorter folder or file names'},
  ELOOP: {what: 'symbolic links point at each other in a loop', hint: 'fix or remove the symbolic link'},
  EBUSY: {what: 'it is in use', hint: 'close the program that uses it, and try again'},
  ETXTBSY: {what: 'it is in use', hint: 'close the program that uses it, and try again'},
  EIO: {what: 'the disk reported an input/output error', hint: 'check the disk, and try again'},
}

/**
 * Turn what went wrong into an `ExchangeError` a person can act on, if it is
 * an expected kind of failure: an `ExchangeError` as it is, a system error
 * (`EACCES`, `ENOSPC`, …) rewritten with what to do. `undefined` means a bug.
 */
export function toExchangeError(error: unknown): ExchangeError | undefined {
  if (error instanceof ExchangeError) return error
  if (!isSystemError(error)) return undefined
  const {what, hint} = describeSystemError(error)
  const target = error.path ? ` \`${error.path}\`` : ''
  return new ExchangeError(`Cannot ${verbOf(error.syscall)}${target}: ${what}`, {rule: 'file-system', hint, cause: error})
}

/** What a system error means and what to do about it, in words: `EACCES` → permission denied. */
export function describeSystemError(error: {code?: string}): {what: string; hint: string} {
  const problem = error.code ? systemProblems[error.code] : undefined
  return problem ?? {what: `the system said ${error.code ?? 'no'}`, hint: 'check the path, its permissions and the free disk space'}
}
