// Load the bundled CLI (dist/exchange.cjs) with the V8 code cache that
// `npm run build` makes for it (scripts/code-cache.mjs): V8 then reads the
// functions a build runs from the cache instead of compiling them, which cuts
// a one-off report by some 60 ms. Node 20 has no compile cache of its own
// (module.enableCompileCache came in Node 22), and none for ES modules.
//
// The cache holds the SHA-256 of the bundle it was made from; it is only used
// for that exact bundle. V8 itself refuses one from another V8 version or
// with other flags, and the bundle then compiles as it would without it.
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import {Module, createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'

export const bundleFile = fileURLToPath(new URL('../dist/exchange.cjs', import.meta.url))
export const cacheFile = `${bundleFile}.cache`
const digestBytes = 32

/** Run the bundle; its exports, and what `writeCache` needs. */
export function loadBundle({file = bundleFile, cache = cacheFile} = {}) {
  const source = fs.readFileSync(file, 'utf8')
  const digest = createHash('sha256').update(source).digest()
  let cachedData
  try {
    const data = fs.readFileSync(cache)
    if (data.subarray(0, digestBytes).equals(digest)) cachedData = data.subarray(digestBytes)
  } catch {
    // no cache: compile as usual
  }
  // import() cannot run in a script from a code cache in Node 20 (and its vm option for it is
  // experimental): the bundle imports pdfjs and chokidar through this module's (src/util/import-esm.ts).
  globalThis[Symbol.for('exchange.import')] ??= (specifier) => import(specifier)
  const script = new vm.Script(Module.wrap(source), {filename: file, cachedData})
  const module = {exports: {}}
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file))
  return {exports: module.exports, script, digest, cacheUsed: cachedData !== undefined && !script.cachedDataRejected}
}

/** Save the code V8 has compiled for the bundle so far (call it after a run has used what a build uses). */
export function writeCache(loaded, cache = cacheFile) {
  fs.writeFileSync(cache, Buffer.concat([loaded.digest, loaded.script.createCachedData()]))
}
