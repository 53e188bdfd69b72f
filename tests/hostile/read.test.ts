/**
 * `readNotes`: what is not notes is refused with what to do; text that is
 * not UTF-8 is read with a warning at the first place it happened.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {decode, notesFile, readAttendeesFile, readNotes} from '../../src/engine/read.js'
import {diagnosticsOf, formatDiagnostic} from '../../src/diagnostics.js'
import {ExchangeError, UsageError} from '../../src/errors.js'
import {tempDir} from '../helpers.js'

const refusal = (run: () => unknown): ExchangeError => {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ExchangeError)
    return error as ExchangeError
  }
  throw new Error('expected readNotes to refuse')
}

const bytes = (...values: Array<number | string>) =>
  Buffer.concat(values.map((value) => (typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from([value]))))

describe('readNotes refuses what is not notes', () => {
  const cases: Array<[string, Uint8Array, RegExp, RegExp]> = [
    ['a PDF', bytes('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n'), /^Unexpected PDF file, expected markdown notes$/, /exchange makes the PDF/],
    ['a .docx', bytes(0x50, 0x4b, 0x03, 0x04, 'word/document.xml'), /^Unexpected Word document or zip file/, /Save As › Plain Text/],
    ['an old .doc', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 'x'), /^Unexpected old Word or Office document/, /Plain Text/],
    ['an RTF document', bytes('{\\rtf1\\ansi\\deff0 {\\fonttbl}\\f0 Hello}'), /^Unexpected RTF document/, /save as Plain Text/],
    ['a PNG image', bytes(0x89, 'PNG\r\n', 0x1a, '\n'), /^Unexpected PNG image/, /link them/],
    ['a JPEG image', bytes(0xff, 0xd8, 0xff, 0xe0, 'JFIF'), /^Unexpected JPEG image/, /link them/],
    ['UTF-32 text', bytes(0xff, 0xfe, 0x00, 0x00, 'a', 0, 0, 0), /^Unexpected UTF-32 text/, /save the notes as UTF-8/],
    ['bytes with a NUL', bytes('# notes\n', 0x00, 'more'), /^Unexpected binary file/, /plain text or markdown/],
    ['control characters without a NUL', bytes(...Array.from({length: 200}, (_, index) => (index % 3 === 0 ? 0x01 : 0x41))), /^Unexpected binary file/, /plain text/],
  ]
  for (const [what, content, message, hint] of cases) {
    it(`refuses ${what}`, () => {
      const error = refusal(() => notesFile(content, 'notes.md'))
      expect(error.message).toMatch(message)
      expect(error.hint).toMatch(hint)
      expect(error).toMatchObject({file: 'notes.md', rule: 'input', exitCode: 1})
    })
  }

  it('refuses an empty file, and one with only spaces, line breaks and a byte-order mark', () => {
    for (const content of [bytes(), bytes(' \n\t\r\n'), bytes(0xef, 0xbb, 0xbf, '\n\n'), bytes(0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00)]) {
      expect(refusal(() => notesFile(content, 'notes.md')).message).toBe('Unexpected empty notes file')
    }
  })

  it('refuses a folder, saying to give it to `exchange build`', () => {
    const dir = tempDir({'notes/a.md': '- a'})
    const error = refusal(() => readNotes(path.join(dir, 'notes'), 'notes'))
    expect(error).toBeInstanceOf(UsageError)
    expect(error.message).toBe('Unexpected folder `notes`, expected a notes file')
  })

  it('refuses a missing file with exit 2', () => {
    const error = refusal(() => readNotes(path.join(tempDir(), 'gone.md'), 'gone.md'))
    expect(error).toMatchObject({message: 'Cannot find notes file `gone.md`', hint: 'check the path', exitCode: 2})
  })

  it.skipIf(process.platform === 'win32')('refuses a named pipe at once, without waiting for a writer', () => {
    const dir = tempDir()
    const fifo = path.join(dir, 'notes.md')
    execFileSync('mkfifo', [fifo])
    const started = performance.now()
    const error = refusal(() => readNotes(fifo, 'notes.md'))
    expect(error.message).toBe('Unexpected named pipe `notes.md`, expected a notes file')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it.skipIf(process.platform === 'win32')('refuses a device', () => {
    expect(refusal(() => readNotes('/dev/zero', '/dev/zero')).message).toBe('Unexpected device `/dev/zero`, expected a notes file')
  })

  it('refuses a file too large to be notes, before reading it', () => {
    const dir = tempDir({'big.md': `- ${'a'.repeat(2000)}\n`})
    const error = refusal(() => readNotes(path.join(dir, 'big.md'), 'big.md', {maxBytes: 1000}))
    expect(error.message).toBe('Unexpected notes file of 0.0 MB, expected at most 0.0 MB')
    expect(error.hint).toMatch(/split a very long one/)
  })
})

describe('readNotes decodes text that is not UTF-8', () => {
  it('reads Windows-1252 with a warning at the first byte that is not UTF-8', () => {
    const file = notesFile(Buffer.from('# Notes\n\n- fine\n- caf\xe9 \x93quoted\x94 \x80100\n', 'latin1'), 'notes.md')
    expect(String(file.value)).toBe('# Notes\n\n- fine\n- café “quoted” €100\n')
    expect(diagnosticsOf(file).map(formatDiagnostic)).toEqual([
      'notes.md:4:6  warning  Unexpected text that is not UTF-8, read it as Windows-1252 — save the notes as UTF-8  [exchange:encoding]',
    ])
  })

  it('keeps the UTF-8 of a UTF-8 file with one pasted Windows-1252 character, and says where it is', () => {
    const file = notesFile(Buffer.concat([Buffer.from('- Seán said “yes”\n- it costs ', 'utf8'), Buffer.from([0x80]), Buffer.from('5\n', 'utf8')]), 'notes.md')
    expect(String(file.value)).toBe('- Seán said “yes”\n- it costs €5\n')
    expect(file.messages[0]).toMatchObject({line: 2, column: 12, ruleId: 'encoding'})
    expect(file.messages[0]!.reason).toMatch(/^Unexpected bytes that are not UTF-8 in UTF-8 text, read them as Windows-1252/)
  })

  it('reads UTF-16 with a byte-order mark, with a warning', () => {
    for (const [encoding, bom] of [['utf16le', [0xff, 0xfe]]] as const) {
      const file = notesFile(Buffer.concat([Buffer.from(bom), Buffer.from('# Notes\r\n\r\n- a note\r\n', encoding)]), 'notes.md')
      expect(String(file.value)).toBe('# Notes\n\n- a note\n')
      expect(file.messages[0]!.reason).toMatch(/^Unexpected UTF-16 \(little-endian\) text, expected UTF-8/)
    }
    const big = Buffer.from('# Notes\n- a note\n', 'utf16le').swap16()
    const file = notesFile(Buffer.concat([Buffer.from([0xfe, 0xff]), big]), 'notes.md')
    expect(String(file.value)).toBe('# Notes\n- a note\n')
  })

  it('takes off a UTF-8 byte-order mark and Windows line endings, without a warning', () => {
    const file = notesFile(Buffer.from('\ufeff# Notes\r\n\r\n- a\r- b\r\n', 'utf8'), 'notes.md')
    expect(String(file.value)).toBe('# Notes\n\n- a\n- b\n')
    expect(file.messages).toEqual([])
  })

  it('decodes every byte sequence, valid or not, in linear time', () => {
    const random = Buffer.alloc(2_000_000)
    for (let index = 0; index < random.length; index++) random[index] = (index * 7919 + (index >> 3)) & 0xff || 0x20
    const started = performance.now()
    const {text, warning} = decode(random)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(text.length).toBeGreaterThan(0)
    expect(warning).toBeDefined()
  })
})

describe('readNotes removes invisible characters that can hide a name', () => {
  it('removes soft hyphens, zero-width spaces and direction overrides, with a warning where the first was', () => {
    const file = notesFile(Buffer.from('# Notes\n\n- Ja\u00ADne Smi\u200Bth said \u202Ehello\u202C\n', 'utf8'), 'notes.md')
    expect(String(file.value)).toBe('# Notes\n\n- Jane Smith said hello\n')
    expect(diagnosticsOf(file).map(formatDiagnostic)).toEqual([
      'notes.md:3:5  warning  Unexpected invisible characters (4: direction control, soft hyphen, zero-width space), removed them: they can hide a name from the anonymiser  [exchange:invisible-character]',
    ])
  })

  it('removes joiners between Latin letters, and invisible operators', () => {
    const file = notesFile(Buffer.from('- Wals\u200Dh and No\u200Cwak and Ok\u034Fafor and Sm\u2062ith said so\n', 'utf8'), 'notes.md')
    expect(String(file.value)).toBe('- Walsh and Nowak and Okafor and Smith said so\n')
    expect(diagnosticsOf(file).map((diagnostic) => diagnostic.rule)).toEqual(['invisible-character'])
  })

  it('keeps joiners that emoji and some scripts need', () => {
    const text = '- 👩\u200D💻 and می\u200Cخواهم\n'
    expect(String(notesFile(Buffer.from(text, 'utf8'), 'notes.md').value)).toBe(text)
  })
})

describe('readNotes and symbolic links', () => {
  const setup = () => {
    const dir = tempDir({'notes/a.md': '- a note\n', 'notes/sub/b.md': '- b note\n', 'private/secret.md': '- secret\n'})
    fs.symlinkSync('../private/secret.md', path.join(dir, 'notes/out.md'))
    fs.symlinkSync('../private', path.join(dir, 'notes/private-folder'))
    fs.symlinkSync('../a.md', path.join(dir, 'notes/sub/up.md'))
    fs.symlinkSync('a.md', path.join(dir, 'notes/beside.md'))
    return dir
  }

  it('follows a link to a file beside it', () => {
    const dir = setup()
    expect(String(readNotes(path.join(dir, 'notes/beside.md'), 'beside.md').value)).toBe('- a note\n')
  })

  it('refuses a link out of its folder, without reading the file it points to', () => {
    const dir = setup()
    const error = refusal(() => readNotes(path.join(dir, 'notes/out.md'), 'notes/out.md'))
    expect(error).toMatchObject({rule: 'symlink', message: 'Refusing to follow the symbolic link `notes/out.md` out of the input folder', exitCode: 1})
    expect(error.hint).toBe('give the file it points to by its own path, or copy it into the folder')
  })

  it('with a root, follows links inside it and refuses any path that leaves it', () => {
    const dir = setup()
    const root = path.join(dir, 'notes')
    expect(String(readNotes(path.join(root, 'sub/up.md'), 'sub/up.md', {root}).value)).toBe('- a note\n')
    expect(refusal(() => readNotes(path.join(root, 'private-folder/secret.md'), 'private-folder/secret.md', {root})).rule).toBe('symlink')
    expect(refusal(() => readNotes(path.join(root, 'out.md'), 'out.md', {root})).rule).toBe('symlink')
  })

  it('says so for a broken link', () => {
    const dir = tempDir()
    fs.symlinkSync('nowhere.md', path.join(dir, 'broken.md'))
    expect(refusal(() => readNotes(path.join(dir, 'broken.md'), 'broken.md')).message).toBe('Cannot follow the symbolic link `broken.md`: the file it points to does not exist')
  })
})

describe('readAttendeesFile', () => {
  it('keeps the accents of a sign-in sheet saved as Windows-1252', () => {
    const dir = tempDir({'sign-in.csv': Buffer.from('Name,Organisation\nSe\xe1n \xd3 Briain,Cork\n', 'latin1')})
    expect(readAttendeesFile(path.join(dir, 'sign-in.csv'), 'sign-in.csv')).toEqual([{name: 'Seán Ó Briain', honorific: undefined, org: 'Cork', role: undefined, aliases: []}])
  })

  it('refuses a spreadsheet that was not saved as CSV, saying how', () => {
    const dir = tempDir({'sign-in.csv': bytes(0x50, 0x4b, 0x03, 0x04, 'xl/workbook.xml')})
    const error = refusal(() => readAttendeesFile(path.join(dir, 'sign-in.csv'), 'sign-in.csv'))
    expect(error).toBeInstanceOf(UsageError)
    expect(error.message).toBe('Unexpected Word document or zip file, expected a CSV or YAML list of attendees')
    expect(error.hint).toBe('in the spreadsheet, use Save As › CSV (UTF-8), and give that file')
  })

  it('says a missing attendees file is missing, with exit 2', () => {
    const error = refusal(() => readAttendeesFile(path.join(tempDir(), 'nope.csv'), 'nope.csv'))
    expect(error).toMatchObject({message: 'Cannot read attendees file `nope.csv`: it does not exist', exitCode: 2, rule: 'attendees'})
  })
})
