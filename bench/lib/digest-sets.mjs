// The notes the digest scripts read (bench/anonymise-digests.mjs, bench/group-digests.mjs): the shipped corpus, held-out
// sets 1–6 and a 60-file archive (make-archive, seed 5), and how a run's digests are written. A change that must not move
// one output byte is checked against these.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {findMakeArchive, root} from './report.mjs'

/** The notes files under a folder, relative to it and sorted (READMEs are not notes). */
export const notesUnder = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, {recursive: true})
        .map(String)
        .filter((name) => name.endsWith('.md') && path.basename(name) !== 'README.md')
        .sort()
    : []

/** The sets, with the archive made in a temporary folder (`archive`, to remove with `finish`). */
export function digestSets(prefix, {firstLabel = 'heldout'} = {}) {
  const tool = findMakeArchive()
  if (!tool) {
    console.error('shared/tools/make-archive.mjs not found: set EXCHANGE_SHARED to the shared folder')
    process.exit(2)
  }
  const archive = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  execFileSync(process.execPath, [tool, '60', archive, '--seed', '5'], {stdio: 'ignore'})
  const sets = [
    {label: 'corpus', dir: path.resolve(tool, '../../corpus')},
    ...[1, 2, 3, 4, 5, 6].map((number) => ({label: number === 1 ? firstLabel : `heldout${number}`, dir: path.join(root, 'bench', number === 1 ? 'heldout' : `heldout${number}`, 'notes')})),
    {label: 'archive', dir: archive},
  ]
  return {sets, archive}
}

/** The run's lines and their whole digest, printed and written to `out` if given; the archive removed. */
export function finish(lines, all, archive, out) {
  fs.rmSync(archive, {recursive: true, force: true})
  lines.push(`all ${all.digest('hex').slice(0, 16)} (${lines.length} files)`)
  const text = `${lines.join('\n')}\n`
  if (out) fs.writeFileSync(out, text)
  process.stdout.write(text)
}
