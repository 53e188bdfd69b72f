#!/usr/bin/env node
// The `exchange` command: a shim over the compiled CLI in dist/.
import {run} from '../dist/cli/index.js'

await run()
