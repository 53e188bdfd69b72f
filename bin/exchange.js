#!/usr/bin/env node
// The `exchange` command: a shim over the compiled CLI. `npm run build` bundles
// it into dist/exchange.mjs, which starts in a third of the time of the
// module tree in dist/cli/ (used when the bundle has not been made).
import fs from 'node:fs'

// Stacks shown by --debug point at the TypeScript sources.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true)
const bundle = new URL('../dist/exchange.mjs', import.meta.url)
const {run} = await import(fs.existsSync(bundle) ? bundle.href : '../dist/cli/index.js')

await run()
