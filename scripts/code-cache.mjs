// Make the V8 code cache for the bundled CLI (see bin/bundle.js): load the
// bundle, build an example report to HTML in-process (the code a build runs,
// without a browser), then save what V8 compiled. Run by `npm run build`.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {loadBundle, writeCache} from '../bin/bundle.js'

const root = path.resolve(import.meta.dirname, '..')
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-code-cache-'))
const quiet = {write: () => true}
try {
  const loaded = loadBundle({cache: '/dev/null'})
  const io = {stdout: quiet, stderr: quiet, cwd: root, env: {}}
  const code = await loaded.exports.main(['build', path.join(root, 'examples/youth-voice-2023.md'), '-o', out, '-f', 'html', '-q'], io)
  if (code !== 0) throw new Error(`the warm-up build exited ${code}`)
  writeCache(loaded)
} finally {
  fs.rmSync(out, {recursive: true, force: true})
}
