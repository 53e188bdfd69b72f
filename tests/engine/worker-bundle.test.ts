/**
 * The built compile worker (`npm run build`, which `npm test` runs first):
 * a CommonJS bundle that a worker thread loads with the V8 code cache the
 * build made for it, and that answers the engine's requests as the module
 * tree does.
 */
import fs from 'node:fs'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {describe, expect, it} from 'vitest'
import {workerYoungGenerationMb} from '../../src/engine/engine.js'
import {root, tempDir} from '../helpers.js'
import {notes} from './helpers.js'

const dist = (file: string) => path.join(root, 'dist', file)

/** Run `code` (CommonJS) in a worker thread with a compile worker's heap limits; the first message it posts. */
function inWorker(code: string): Promise<unknown> {
  const worker = new Worker(code, {eval: true, resourceLimits: {maxYoungGenerationSizeMb: workerYoungGenerationMb}})
  return new Promise<unknown>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  }).finally(() => worker.terminate())
}

describe('the built compile worker', () => {
  it('loads its bundle with the code cache the build made for it, in a worker thread', async () => {
    expect(fs.existsSync(dist('exchange-compile.cjs.cache')), 'run `npm run build` first').toBe(true)
    const used = await inWorker(`
      import(${JSON.stringify(dist('util/code-cache.js'))}).then(({applyV8Flags, loadBundle}) => {
        applyV8Flags() // the CLI's process runs under them (bin/exchange.js)
        require('node:worker_threads').parentPort.postMessage(loadBundle(${JSON.stringify(dist('exchange-compile.cjs'))}).cacheUsed)
      })`)
    expect(used).toBe(true)
  })

  it('starts from its script and compiles a notes file sent to it, as the engine sends it', async () => {
    const dir = tempDir({'notes.md': notes('Worker report', '\n## What works\n\n- Peer mentors in every school #insight\n')})
    const worker = new Worker(dist('exchange-worker.cjs'), {resourceLimits: {maxYoungGenerationSizeMb: workerYoungGenerationMb}})
    try {
      const reply = await new Promise<{id: number; type: string; outcome: {ok: boolean; html: string}}>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
        const file = path.join(dir, 'notes.md')
        worker.postMessage({id: 7, type: 'compile', job: {input: {path: file, display: 'notes.md', output: 'notes', root: dir}, options: {cwd: dir, outputs: ['html']}}})
      })
      expect(reply).toMatchObject({id: 7, type: 'compile', outcome: {ok: true}})
      expect(reply.outcome.html).toContain('Worker report')
      expect(reply.outcome.html).not.toMatch(/\bJane\b|\bSmith\b/)
    } finally {
      await worker.terminate()
    }
  })
})
