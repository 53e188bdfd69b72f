/**
 * The command line: a thin layer over the library. It parses flags, calls
 * `build` / `check`, prints diagnostics to stderr and a summary (or JSON) to
 * stdout, and is the only place that decides the exit code.
 */
import {Command, CommanderError, InvalidArgumentError, Option} from 'commander'
import {ExchangeError, exitCodes} from '../errors.js'
import {formatDiagnostic, fromError} from '../diagnostics.js'
import {version} from '../version.js'
import {buildCommand} from './commands/build.js'
import {checkCommand} from './commands/check.js'
import {initCommand} from './commands/init.js'

/** Where the CLI reads and writes: injectable, so tests run it in-process. */
export interface Io {
  stdout: {write(text: string): unknown; isTTY?: boolean}
  stderr: {write(text: string): unknown; isTTY?: boolean}
  cwd: string
  env: NodeJS.ProcessEnv
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
    .version(version, '-v, --version', 'print the version')
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
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = exitCodes.ok
  const program = createProgram(io, (value) => {
    code = value
  })
  const debug = argv.includes('--debug')
  try {
    await program.parseAsync(argv, {from: 'user'})
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors with 2.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage
    }
    if (error instanceof ExchangeError) {
      io.stderr.write(`${formatDiagnostic(fromError(error))}\n`)
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`)
      return error.exitCode
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr.write(`exchange: internal error: ${message}\n`)
    io.stderr.write(debug && error instanceof Error && error.stack ? `${error.stack}\n` : 'Run again with --debug for details, and report it with the notes file that triggered it.\n')
    return exitCodes.failed
  }
}

/** Entry point for `bin/exchange.js`. */
export async function run(): Promise<void> {
  const code = await main(process.argv.slice(2))
  process.exitCode = code
}
