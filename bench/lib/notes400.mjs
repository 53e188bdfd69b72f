// The notes file the grouping benchmarks time (bench/placement.mjs, bench/group-vs.mjs): made by
// shared/tools/make-archive.mjs (5 files, seed 7, concatenated and cut to 400 lines), or from the
// vendored corpus when the shared folder is not there.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {findMakeArchive, root} from './report.mjs'

export function notesFile(lines = 400) {
  const tool = findMakeArchive()
  let sources
  let origin
  if (tool) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-'))
    execFileSync(process.execPath, [tool, '5', dir, '--seed', '7'], {stdio: 'ignore'})
    sources = fs.readdirSync(dir, {recursive: true}).filter((file) => String(file).endsWith('.md')).sort().map((file) => fs.readFileSync(path.join(dir, String(file)), 'utf8'))
    fs.rmSync(dir, {recursive: true, force: true})
    origin = 'make-archive.mjs 5 DIR --seed 7, concatenated'
  } else {
    const dir = path.join(root, 'tests/corpus')
    sources = fs.readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md').sort().map((file) => fs.readFileSync(path.join(dir, file), 'utf8'))
    origin = 'tests/corpus/*.md, concatenated'
  }
  // The first file keeps its front matter (and roster); the others add their bodies.
  const bodies = sources.map((text, index) => (index === 0 ? text : text.replace(/^---\n[\s\S]*?\n---\n/, '')))
  const text = bodies.join('\n').split('\n').slice(0, lines).join('\n') + '\n'
  return {text, origin: `${origin}, first ${lines} lines`}
}
