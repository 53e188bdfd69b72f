// Make the V8 code caches of the bundles (see src/util/code-cache.ts), run by
// `npm run build`:
// - the CLI: load it, build an example report in-process, then save what V8
//   compiled. With a browser on the machine the report is printed too, so the
//   cache holds the print path (the printer, finishing the PDF, reading it
//   back for the audit), which a one-off report otherwise compiles from
//   source on the way to its PDF; without one, HTML only.
// - the compile worker: load it, compile the examples and the test fixtures'
//   notes to HTML, markdown and JSON as a worker thread does, and read the
//   example's PDF back for the audit as a printing batch's worker does (when
//   the CLI printed it), then save what V8 compiled (a worker thread loads it
//   with src/engine/worker-boot.ts);
// - Puppeteer's connection: the code that warm-up print ran, or else its
//   modules' code; pdfjs (only for a PDF exchange's own reader does not know):
//   its modules' code.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {applyV8Flags, loadBundle, loadedBundles} from '../dist/util/code-cache.js'

const root = path.resolve(import.meta.dirname, '..')
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-code-cache-'))
const quiet = {write: () => true}
const loaded = new Map()
const example = path.join(root, 'examples/youth-voice-2023.md')
globalThis[loadedBundles] = loaded
// Under the flags the CLI runs with (bin/exchange.js): V8 takes a cache only under the flags it was made with.
applyV8Flags()
try {
  const cli = loadBundle(path.join(root, 'dist/exchange.cjs'), '/dev/null')
  const io = {stdout: quiet, stderr: quiet, cwd: root, env: {}}
  const build = (formats) => cli.exports.main(['build', example, '-o', out, '-f', formats, '-q', '--force'], io)
  let code = await build('html,pdf')
  if (code !== 0) code = await build('html') // no browser here: the print path compiles at run time
  if (code !== 0) throw new Error(`the warm-up build exited ${code}`)

  const worker = loadBundle(path.join(root, 'dist/exchange-compile.cjs'), '/dev/null')
  const fixtures = path.join(root, 'tests/fixtures') // not in a packed copy: the examples alone warm it then
  const notes = [path.join(root, 'examples'), ...(fs.existsSync(fixtures) ? fs.readdirSync(fixtures).map((name) => path.join(fixtures, name)) : [])]
    .flatMap((dir) => fs.readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => path.join(dir, name)))
  let compiled = 0
  // The example's PDF, printed by the CLI's warm-up above (none without a browser).
  const printed = fs.readdirSync(out, {recursive: true}).map(String).find((name) => name.endsWith('.pdf'))
  for (const [id, file] of notes.entries()) {
    const job = {input: {path: file, display: path.relative(root, file), output: `warm-up-${id}`, root: path.dirname(file)}, options: {cwd: root, outputs: ['html', 'md', 'json']}}
    const reply = await worker.exports.answer({id, type: 'compile', job})
    if (reply.type === 'compile' && reply.outcome.ok) compiled++
    // A printing batch's worker also reads each PDF back for the audit: that path goes into its cache too.
    if (printed && reply.type === 'compile' && reply.outcome.ok && file === example) {
      const audit = await worker.exports.answer({id: -id - 1, type: 'audit', pdf: new Uint8Array(fs.readFileSync(path.join(out, printed))), context: reply.outcome.audit, display: printed})
      if (audit.type !== 'audit' || audit.diagnostics.length > 0) throw new Error(`the compile worker's warm-up could not audit the example's PDF: ${JSON.stringify(audit)}`)
    }
  }
  if (compiled < 2) throw new Error(`the compile worker's warm-up compiled ${compiled} of ${notes.length} notes files`)

  for (const bundle of ['puppeteer-connect', 'pdf-reader']) {
    const file = path.join(root, `dist/${bundle}.cjs`)
    if (!loaded.has(file)) loadBundle(file, '/dev/null')
  }
  for (const bundle of loaded.values()) bundle.writeCache()
} finally {
  delete globalThis[loadedBundles]
  fs.rmSync(out, {recursive: true, force: true})
}
