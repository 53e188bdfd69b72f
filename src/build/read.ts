/**
 * Read a notes file into a vfile, refusing what is not notes: a folder, a
 * binary file, an empty file. Text that is not UTF-8 is read as Windows-1252
 * (what Word exports on Windows) with a warning.
 */
import fs from 'node:fs'
import {VFile} from 'vfile'
import {ExchangeError, UsageError} from '../errors.js'

export function readNotes(file: string, displayPath = file): VFile {
  let buffer: Buffer
  try {
    buffer = fs.readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UsageError(`Cannot find notes file \`${displayPath}\``, {file: displayPath, rule: 'input', hint: 'check the path'})
    if (code === 'EISDIR') throw new UsageError(`Unexpected folder \`${displayPath}\`, expected a notes file`, {file: displayPath, rule: 'input', hint: 'give the folder to `exchange build` to build every notes file in it'})
    throw new ExchangeError(`Cannot read \`${displayPath}\`: ${(error as Error).message}`, {file: displayPath, rule: 'input', hint: 'check the file permissions', cause: error})
  }
  if (buffer.length === 0 || buffer.toString('utf8').trim() === '') {
    throw new ExchangeError('Unexpected empty notes file', {file: displayPath, rule: 'input', hint: 'write the workshop notes in it, or leave it out of the build'})
  }
  if (buffer.subarray(0, 8000).includes(0)) {
    throw new ExchangeError('Unexpected binary file, expected markdown notes', {file: displayPath, rule: 'input', hint: 'give a .md text file (export Word documents as plain text or markdown)'})
  }
  let text: string
  let decoded = 'utf8'
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(buffer)
  } catch {
    text = new TextDecoder('windows-1252').decode(buffer)
    decoded = 'windows-1252'
  }
  const vfile = new VFile({path: displayPath, value: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')})
  if (decoded !== 'utf8') {
    const message = vfile.message('Unexpected text that is not UTF-8, read it as Windows-1252', {
      place: {line: 1, column: 1},
      ruleId: 'encoding',
      source: 'exchange',
    })
    message.fatal = false
  }
  return vfile
}
