/**
 * A compile worker thread: compiles notes and audits printed PDFs for the
 * batch, so a multi-core machine compiles several reports at once and the
 * main thread stays free to drive the browser. See `engine.ts`.
 *
 * Built, the worker runs `dist/exchange-worker.cjs`, which loads this
 * module's CommonJS bundle (`dist/exchange-compile.cjs`) with a V8 code
 * cache made by compiling reports (`scripts/bundle.mjs`,
 * `scripts/code-cache.mjs`). Loaded outside a worker thread (to make that
 * cache), the module only exports `answer`.
 */
import v8 from 'node:v8'
import {parentPort, type MessagePort} from 'node:worker_threads'
import {auditPdf} from './audit-pdf.js'
import {compileInput} from './compile.js'
import {debugDetails} from '../diagnostics.js'
import type {WorkerReply, WorkerRequest} from './engine.js'

if (parentPort) serve(parentPort)

function serve(port: MessagePort): void {
  port.on('message', (request: WorkerRequest) => {
    void answer(request).then((reply) => port.postMessage({...reply, heapMb: heapMb()} satisfies WorkerReply))
  })
}

/** This thread's V8 heap in use and the memory its objects hold outside it (buffers), in MiB: the engine replaces a worker past its limit. */
function heapMb(): number {
  const heap = v8.getHeapStatistics()
  return (heap.used_heap_size + heap.external_memory) / 2 ** 20
}

/** The reply to one request of the engine. Never throws. */
export async function answer(request: WorkerRequest): Promise<WorkerReply> {
  try {
    if (request.type === 'compile') {
      const outcome = await compileInput(request.job)
      // The stacks behind its diagnostics, for --debug: they stay out of the diagnostics' data (and --json).
      const stacks = outcome.diagnostics.map((diagnostic) => debugDetails(diagnostic))
      return {id: request.id, type: 'compile', outcome, ...(stacks.some(Boolean) ? {stacks} : {})}
    }
    return {id: request.id, type: 'audit', diagnostics: await auditPdf(request.pdf, request.context, request.display)}
  } catch (error) {
    return {id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error)}
  }
}
