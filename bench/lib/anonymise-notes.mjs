// The 400-line notes file the anonymise benchmarks time (bench/anonymise.mjs, bench/anonymise-vs.mjs): the bodies of
// the files make-archive.mjs generates with seed `bench` (24 files, with answer keys), joined under one front matter
// that lists every attendee and shared practice of the files used, cut to `target` lines.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parse as parseYaml, stringify as stringifyYaml} from 'yaml'
import {findMakeArchive} from './report.mjs'

/** Split a notes file into its front matter (parsed) and its body. */
function split(text) {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)
  return {front: match ? parseYaml(match[1]) : {}, body: match ? text.slice(match[0].length) : text}
}

/**
 * `{notes, front, files, archive}`: the joined notes, their front matter, the generated files (sorted, with their
 * `.key.json` beside them) and their folder (remove it when done).
 */
export function anonymiseNotes(target = 400) {
  const tool = findMakeArchive()
  if (!tool) {
    console.error('shared/tools/make-archive.mjs not found: set EXCHANGE_SHARED to the shared folder')
    process.exit(2)
  }
  const archive = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-'))
  execFileSync(process.execPath, [tool, '24', archive, '--seed', 'bench', '--keys'], {stdio: 'ignore'})
  const files = []
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.md')) files.push(full)
    }
  }
  walk(archive)
  files.sort()
  const first = split(fs.readFileSync(files[0], 'utf8'))
  const front = {...first.front, attendees: [], share: []}
  let body = ''
  for (const file of files) {
    const {front: meta, body: text} = split(fs.readFileSync(file, 'utf8'))
    front.attendees.push(...(meta.attendees ?? []))
    front.share.push(...(meta.share ?? []))
    body += `\n${text}`
    if (body.split('\n').length >= target) break
  }
  body = body.split('\n').slice(0, target - stringifyYaml(front).split('\n').length - 2).join('\n')
  return {notes: `---\n${stringifyYaml(front)}---\n${body}\n`, front, files, archive}
}
