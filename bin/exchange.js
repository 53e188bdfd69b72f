#!/usr/bin/env node
// The `exchange` command: a shim over the compiled CLI. `npm run build` bundles
// it into dist/exchange.cjs, which starts in a third of the time of the
// module tree in dist/cli/ (used when the bundle has not been made), and
// makes a V8 code cache for it (src/util/code-cache.ts).
import fs from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

// A path, not URL.pathname: that keeps %20 for a space in the install folder.
const bundle = fileURLToPath(new URL('../dist/exchange.cjs', import.meta.url))
let cli
if (!fs.existsSync(bundle)) cli = await import('../dist/cli/index.js')
else {
  const {applyV8Flags, loadBundle} = await import('../dist/util/code-cache.js')
  // The V8 flags the bundles' code caches were made under, before any of them loads: V8 takes a cache only
  // under them, the worker threads' too (src/util/code-cache.ts).
  applyV8Flags()
  if (process.argv.includes('--debug')) {
    // Stacks shown by --debug point at the TypeScript sources: Node's own loader reads the bundle's source map.
    process.setSourceMapsEnabled(true)
    cli = createRequire(import.meta.url)(bundle)
  } else {
    // A script from a code cache cannot call import() in Node 20: the bundle imports ES modules (pdfjs,
    // chokidar) through importEsm (src/util/import-esm.ts), which uses this module's.
    globalThis[Symbol.for('exchange.import')] ??= (specifier) => import(specifier)
    cli = loadBundle(bundle).exports
  }
}

await cli.run()
