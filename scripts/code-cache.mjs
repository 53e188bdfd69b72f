// Make the V8 code caches of the bundles (see src/util/code-cache.ts), run by
// `npm run build`:
// - the CLI: load it, build an example report to HTML in-process (the code a
//   build runs, without a browser), then save what V8 compiled;
// - the compile worker: load it, compile the examples and the test fixtures'
//   notes to HTML, markdown and JSON as a worker thread does, then save what
//   V8 compiled (a worker thread loads it with src/engine/worker-boot.ts);
// - Puppeteer's connection and pdfjs: load them (their modules' code; running
//   them needs a browser and a printed PDF).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {loadBundle} from '../dist/util/code-cache.js'

const root = path.resolve(import.meta.dirname, '..')
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-code-cache-'))
const quiet = {write: () => true}
try {
  const cli = loadBundle(path.join(root, 'dist/exchange.cjs'), '/dev/null')
  const io = {stdout: quiet, stderr: quiet, cwd: root, env: {}}
  const code = await cli.exports.main(['build', path.join(root, 'examples/youth-voice-2023.md'), '-o', out, '-f', 'html', '-q'], io)
  if (code !== 0) throw new Error(`the warm-up build exited ${code}`)
  cli.writeCache()

  const worker = loadBundle(path.join(root, 'dist/exchange-compile.cjs'), '/dev/null')
  const notes = [path.join(root, 'examples'), ...fs.readdirSync(path.join(root, 'tests/fixtures')).map((name) => path.join(root, 'tests/fixtures', name))]
    .flatMap((dir) => fs.readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => path.join(dir, name)))
  let compiled = 0
  for (const [id, file] of notes.entries()) {
    const job = {input: {path: file, display: path.relative(root, file), output: `warm-up-${id}`, root: path.dirname(file)}, options: {cwd: root, outputs: ['html', 'md', 'json']}}
    const reply = await worker.exports.answer({id, type: 'compile', job})
    if (reply.type === 'compile' && reply.outcome.ok) compiled++
  }
  if (compiled < 2) throw new Error(`the compile worker's warm-up compiled ${compiled} of ${notes.length} notes files`)
  worker.writeCache()

  for (const bundle of ['puppeteer-connect', 'pdf-reader']) loadBundle(path.join(root, `dist/${bundle}.cjs`), '/dev/null').writeCache()
} finally {
  fs.rmSync(out, {recursive: true, force: true})
}
