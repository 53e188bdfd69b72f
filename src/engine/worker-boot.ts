/**
 * The script a built compile worker thread starts with (`dist/exchange-worker.cjs`):
 * it loads the worker's CommonJS bundle (`dist/exchange-compile.cjs`, the
 * bundle of `worker.ts`) with its V8 code cache, so a fresh worker reads the
 * functions a compile runs from the cache instead of parsing and compiling
 * 2 MB of JavaScript (`scripts/bundle.mjs`, `scripts/code-cache.mjs`).
 *
 * With source maps on in the worker (`node --enable-source-maps`), the bundle
 * is required plainly, so that Node's loader maps its stacks to the
 * TypeScript sources (`--debug` turns them on for the main thread only, as
 * before this bundle had a cache).
 */
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import {loadBundle} from '../util/code-cache.js'
import {importHook} from '../util/import-esm.js'

const bundle = fileURLToPath(new URL('./exchange-compile.cjs', import.meta.url))
if (process.sourceMapsEnabled) createRequire(bundle)(bundle)
else {
  // A script from a code cache cannot call import() in Node 20: the bundle imports ES modules through importEsm, which uses this one's.
  ;(globalThis as {[importHook]?: (specifier: string) => Promise<unknown>})[importHook] ??= (specifier) => import(specifier)
  loadBundle(bundle)
}
