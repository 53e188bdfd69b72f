/**
 * Hostile and broken notes, shared by the hostile-input tests, and the
 * assertions every failure must pass: one line per error, in the form
 * `file:line:col  error  what happened — what to do  [exchange:rule]`,
 * and no stack trace.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {expect} from 'vitest'

/** Notes that build, with a roster name that must not reach the report. */
export const good = (title: string, section = 'Barriers', tag = 'challenge') =>
  `---\ntitle: ${title}\nattendees: [Jane Smith]\n---\n\n## ${section}\n\n- Jane said consultation is broken #${tag}\n- Residents want to be asked earlier #${tag}\n`

/** One hostile file per case, with what the CLI must say about it. */
export interface HostileCase {
  name: string
  content: string | Uint8Array
  /** Does the file fail (error) or build with a warning? */
  fails: boolean
  rule: string
  /** Line of the diagnostic, where there is one. */
  line?: number
  /** Text the message must contain. */
  says: RegExp
}

export const hostileCases: HostileCase[] = [
  {
    name: 'malformed-yaml.md',
    content: '---\ntitle: Budget day\nattendees: [Jane Smith, Tom Okafor\n---\n\n## Barriers\n\n- Jane said the budget is broken #challenge\n',
    fails: true,
    rule: 'front-matter',
    line: 3,
    says: /^Cannot read the front matter: .+ — fix the YAML/,
  },
  {
    name: 'unknown-key.md',
    content: '---\ntitle: Budget day\npartcipants: 12\n---\n\n## Barriers\n\n- the budget is broken #challenge\n',
    fails: false,
    rule: 'front-matter',
    line: 3,
    says: /^Unexpected front-matter key `partcipants`, did you mean `participants`\?/,
  },
  {
    name: 'wrong-type.md',
    content: '---\ntitle: Budget day\nparticipants: lots\n---\n\n## Barriers\n\n- the budget is broken #challenge\n',
    fails: true,
    rule: 'front-matter',
    line: 3,
    says: /^Unexpected `participants: "lots"` in the front matter, expected a whole number .+ — correct `participants`/,
  },
  {
    name: 'binary.md',
    content: Uint8Array.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x10, 0x20, 0x7f, 0x00, 0x80]),
    fails: true,
    rule: 'input',
    says: /^Unexpected binary file, expected markdown notes — save or export the notes as plain text/,
  },
  {
    name: 'word-document.md',
    content: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]),
    fails: true,
    rule: 'input',
    says: /^Unexpected Word document or zip file, expected markdown notes — in Word, use File › Save As › Plain Text/,
  },
  {
    name: 'windows-1252.md',
    // `café`, `naïve`, curly quotes, as Word on Windows saves them.
    content: Buffer.from('---\ntitle: Caf\xe9 society\n---\n\n## Barriers\n\n- a na\xefve \x93consultation\x94 is broken #challenge\n', 'latin1'),
    fails: false,
    rule: 'encoding',
    line: 2,
    says: /^Unexpected text that is not UTF-8, read it as Windows-1252 — save the notes as UTF-8$/,
  },
  {
    name: 'empty.md',
    content: '',
    fails: true,
    rule: 'input',
    says: /^Unexpected empty notes file — write the workshop notes in it/,
  },
  {
    name: 'blank.md',
    content: '  \n\n\t\n',
    fails: true,
    rule: 'input',
    says: /^Unexpected empty notes file — /,
  },
  {
    name: 'no-notes.md',
    content: '---\ntitle: Only the front matter\nparticipants: 12\n---\n',
    fails: true,
    rule: 'no-notes',
    says: /^Unexpected notes file with no notes in it — write the notes as bullets or paragraphs under headings/,
  },
  {
    name: 'unclosed-front-matter.md',
    content: '---\ntitle: Budget day\nattendees: [Jane Smith]\n\n## Barriers\n\n- Jane said the budget is broken #challenge\n',
    fails: true,
    rule: 'front-matter',
    line: 1,
    says: /^Unexpected front matter without a closing `---` line — add a `---` line/,
  },
  {
    name: 'roster-under-another-name.md',
    content: '---\ntitle: Budget day\nAttendees: [Jane Smith]\n---\n\n## Barriers\n\n- Jane said the budget is broken #challenge\n',
    fails: true,
    rule: 'front-matter',
    line: 3,
    says: /^Unexpected front-matter key `Attendees`, did you mean `attendees`\?: the names in it would not be stripped from the report — call the list of who came `attendees`/,
  },
]

/** A diagnostic line, taken apart. */
export const diagnosticLine = /^(?<file>\S.*?)(?::(?<line>\d+):(?<column>\d+))?  (?<severity>error|warning|info)  (?<message>.+?)  \[exchange:(?<rule>[a-z0-9-]+)\]$/

/** No stack trace: no `    at …` frames, no `Error:` dumps. */
export function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m)
  expect(stderr).not.toMatch(/^\w*Error: /m)
  expect(stderr).not.toMatch(/node:internal|\.ts:\d+:\d+\)|\.js:\d+:\d+\)/)
}

/**
 * The one diagnostic of `severity` on stderr that is about `file`: it names
 * the file, has the line where one exists, says what to do after ` — `
 * (errors), and carries the rule.
 */
export function expectDiagnostic(stderr: string, expected: {file: string; severity?: 'error' | 'warning'; rule: string; line?: number; says: RegExp}) {
  expectNoStack(stderr)
  const severity = expected.severity ?? 'error'
  const lines = stderr
    .split('\n')
    .map((line) => diagnosticLine.exec(line)?.groups)
    .filter((groups) => groups !== undefined && groups.file === expected.file && groups.severity === severity)
  expect(lines, `one ${severity} about ${expected.file} in:\n${stderr}`).toHaveLength(1)
  const found = lines[0]!
  expect(found.rule).toBe(expected.rule)
  if (expected.line === undefined) expect(found.line).toBeUndefined()
  else expect(Number(found.line)).toBe(expected.line)
  if (severity === 'error') expect(found.message).toMatch(/\S — \S/)
  expect(found.message).toMatch(expected.says)
  return found
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

/** The reports under `dir`: every file but the tool's hidden bookkeeping (such as a batch manifest). */
export function listReports(dir: string): string[] {
  return listFiles(dir).filter((file) => !file.split('/').some((part) => part.startsWith('.')))
}

/** SHA-256 and modification time of every file under `dir`: inputs must come out of a build unchanged. */
export function fingerprint(dir: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const file of listFiles(dir)) {
    const full = path.join(dir, file)
    const stat = fs.lstatSync(full)
    const content = stat.isSymbolicLink() ? `link:${fs.readlinkSync(full)}` : createHash('sha256').update(fs.readFileSync(full)).digest('hex')
    result[file] = `${content}@${stat.mtimeMs}`
  }
  return result
}
