/**
 * `-` for standard input: `cat notes.md | exchange build -`. The notes are
 * written to a private temporary folder (mode 0700) as `stdin.md`, so the
 * report is `stdin.*` (or what `-o` names), and removed when the command
 * ends: notes are confidential and are not left lying around.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {UsageError} from '../errors.js'
import type {Io} from './index.js'

export interface StdinNotes {
  /** The patterns with `-` replaced by the temporary notes file. */
  patterns: string[]
  /** The same Io, printing `<stdin>` where the temporary file's path would show. */
  io(io: Io): Io
  remove(): void
}

/** Where standard input is read from: injectable for tests (`io.stdin`). */
export type StdinSource = AsyncIterable<Buffer | string>

async function readAll(source: StdinSource): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of source) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

/** If the patterns are `-`, read the notes from standard input; else undefined. */
export async function readStdinNotes(patterns: string[], io: Io): Promise<StdinNotes | undefined> {
  if (!patterns.includes('-')) return undefined
  if (patterns.length > 1) {
    throw new UsageError('Unexpected `-` with other notes files', {rule: 'input', hint: 'give `-` alone to read one notes file from standard input'})
  }
  const source: StdinSource = io.stdin ?? process.stdin
  if (!io.stdin && process.stdin.isTTY) {
    throw new UsageError('Unexpected `-` with no notes piped in', {rule: 'input', hint: 'pipe the notes in (`cat notes.md | exchange build -`), or name the notes file'})
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-stdin-'))
  fs.chmodSync(folder, 0o700)
  const file = path.join(folder, 'stdin.md')
  const remove = () => fs.rmSync(folder, {recursive: true, force: true})
  try {
    fs.writeFileSync(file, await readAll(source), {mode: 0o600})
  } catch (error) {
    remove()
    throw error
  }
  const shown = (text: string) => text.replaceAll(file, '<stdin>')
  return {
    patterns: [file],
    io: (given) => ({
      ...given,
      stdout: {isTTY: given.stdout.isTTY, write: (text: string) => given.stdout.write(shown(text))},
      stderr: {isTTY: given.stderr.isTTY, write: (text: string) => given.stderr.write(shown(text))},
    }),
    remove,
  }
}
