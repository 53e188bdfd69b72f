/**
 * The command line: a thin layer over the library. It parses flags, calls
 * `build` / `check`, prints diagnostics to stderr and a summary (or JSON) to
 * stdout, and is the only place that decides the exit code.
 *
 * Every failure is one line on stderr,
 * `file:line:col  error  what happened — what to do  [exchange:rule]`,
 * and never a stack trace: `--debug` adds the stack under it.
 */
import {Command, CommanderError, InvalidArgumentError, Option} from 'commander'
import {exitCodes, toExchangeError} from '../errors.js'
import {formatDiagnostic, fromError, stackOf} from '../diagnostics.js'
import {version} from '../version.js'
import {buildCommand} from './commands/build.js'
import {checkCommand} from './commands/check.js'
import {initCommand} from './commands/init.js'
import {completionCommand} from './commands/completion.js'

/** Where the CLI reads and writes: injectable, so tests run it in-process. */
export interface Io {
  stdout: {write(text: string): unknown; isTTY?: boolean}
  stderr: {write(text: string): unknown; isTTY?: boolean}
  cwd: string
  env: NodeJS.ProcessEnv
  /** Standard input, for `-` (the process's when not given). */
  stdin?: AsyncIterable<Buffer | string>
  /** `--debug`: print the stack of the error behind each error diagnostic. */
  debug?: boolean
}

export function processIo(): Io {
  return {stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env}
}

export function positiveInteger(name: string) {
  return (value: string): number => {
    const number = Number(value)
    if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError(`${name} must be a whole number of 1 or more.`)
    return number
  }
}

export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('exchange')
    .description('Turn raw workshop notes into an anonymised, branded insights report (HTML and PDF) that honours the Chatham House rule.')
    .version(version, '-V, --version', 'print the version (also -v)')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('--debug', 'show stack traces for unexpected errors'))
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`exchange: ${text.replace(/^error: /, '')}`),
    })
    .exitOverride()

  buildCommand(program, io, setExit)
  checkCommand(program, io, setExit)
  initCommand(program, io, setExit)
  completionCommand(program, io, setExit)

  for (const command of program.commands) {
    command
      .exitOverride()
      .showHelpAfterError(`(run \`exchange ${command.name()} --help\` for usage)`)
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        outputError: (text, write) => write(`exchange ${command.name()}: ${text.replace(/^error: /, '')}`),
      })
  }
  return program
}

/** Run the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: string[], given: Io = processIo()): Promise<number> {
  let code: number = exitCodes.ok
  // `--debug` anywhere before a lone `--` (as commander reads it), for the commands to see too.
  const separator = argv.indexOf('--')
  const debug = (separator === -1 ? argv : argv.slice(0, separator)).includes('--debug')
  const io: Io = {...given, debug: given.debug ?? debug}
  // `-v` as well as `-V` (commander takes one short flag for the version): many tools print their version for either.
  if (argv.length === 1 && argv[0] === '-v') argv = ['--version']
  const program = createProgram(io, (value) => {
    code = value
  })
  try {
    await program.parseAsync(argv, {from: 'user'})
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors with 2.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage
    }
    return reportError(error, io)
  }
}

/**
 * Print an error that ended the run, as one diagnostic line (its stack with
 * `--debug`), and return the exit code it calls for.
 */
export function reportError(error: unknown, io: Io): number {
  const known = toExchangeError(error)
  // An error about no file in particular is the command's: `exchange  error  …`.
  const diagnostic = fromError(error)
  io.stderr.write(`${formatDiagnostic({...diagnostic, file: diagnostic.file ?? 'exchange'})}\n`)
  if (io.debug) io.stderr.write(`${stackOf(error)}\n`)
  return known ? known.exitCode : exitCodes.failed
}

/** Entry point for `bin/exchange.js`. */
export async function run(): Promise<void> {
  const io = processIo()
  io.debug = process.argv.slice(2).includes('--debug')
  // Whatever escapes (a stray rejection in a dependency) is still one line, not a stack trace.
  const crash = (error: unknown) => {
    process.exitCode = reportError(error, io)
  }
  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
  // `exchange build --json | head`, `exchange build 2>&1 | head`: the reader went away; that is not an
  // error. On stderr, reporting it would write to the closed pipe again: without this, the CLI wrote,
  // failed and reported the failure for ever, at full CPU.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
      if (stream === process.stderr) process.exit(exitCodes.failed)
      crash(error)
    })
  }
  const code = await main(process.argv.slice(2), io)
  process.exitCode = code
}
