#!/usr/bin/env node
// The `exchange` command: a shim over the compiled CLI. `npm run build` bundles
// it into dist/exchange.cjs, which starts in a third of the time of the
// module tree in dist/cli/ (used when the bundle has not been made), and
// makes a V8 code cache for it (see bundle.js).
import fs from 'node:fs'
import {createRequire} from 'node:module'
import {bundleFile, loadBundle} from './bundle.js'

let cli
if (!fs.existsSync(bundleFile)) cli = await import('../dist/cli/index.js')
else if (process.argv.includes('--debug')) {
  // Stacks shown by --debug point at the TypeScript sources: Node's own loader reads the bundle's source map.
  process.setSourceMapsEnabled(true)
  cli = createRequire(import.meta.url)(bundleFile)
} else cli = loadBundle().exports

await cli.run()
