/** How many compile worker threads a batch uses, on machines of any size. */
import {EventEmitter} from 'node:events'
import {Worker} from 'node:worker_threads'
import {describe, expect, it} from 'vitest'
import type {AuditContext} from '../../src/engine/audit-pdf.js'
import type {CompileJob} from '../../src/engine/compile.js'
import {createEngine, threadsFor} from '../../src/engine/engine.js'

describe('threadsFor', () => {
  it('compiles a handful of reports on the main thread', () => {
    expect(threadsFor(3, 8, 8, false)).toBe(0)
  })

  it('uses a worker per core for HTML, up to the concurrency and the number of reports', () => {
    expect(threadsFor(500, 2, 2, false)).toBe(2)
    expect(threadsFor(500, 4, 8, false)).toBe(4)
    expect(threadsFor(5, 16, 16, false)).toBe(5)
  })

  // The workers compile and audit the PDFs: the main thread only feeds the browser, so it needs no core of its own.
  it('leaves a core to Chromium when printing, and compiles and audits off the main thread from 2 cores', () => {
    expect(threadsFor(500, 2, 2, true)).toBe(1)
    expect(threadsFor(500, 4, 4, true)).toBe(3)
    expect(threadsFor(500, 8, 1, true)).toBe(0)
    expect(threadsFor(3, 8, 8, true)).toBe(0)
  })
})

/** A stand-in compile worker: answers every request at once, compiling nothing. */
const echoWorker = `
const {parentPort} = require('node:worker_threads')
parentPort.on('message', (request) => parentPort.postMessage(request.type === 'compile'
  ? {id: request.id, type: 'compile', outcome: {ok: true, diagnostics: []}}
  : {id: request.id, type: 'audit', diagnostics: []}))
`

/** Workers started through it, and the most alive at once (started and not yet exited). */
function countingSpawn() {
  const counts = {started: 0, alive: 0, mostAlive: 0}
  const spawn = () => {
    const worker = new Worker(echoWorker, {eval: true})
    counts.started++
    counts.mostAlive = Math.max(counts.mostAlive, ++counts.alive)
    worker.once('exit', () => counts.alive--)
    return worker
  }
  return {counts, spawn}
}

const job = {input: {path: 'notes.md', display: 'notes.md', output: 'notes'}, options: {}} as unknown as CompileJob
const pdf = new Uint8Array([37, 80, 68, 70])

describe('the compile engine on worker threads', () => {
  it('starts a worker’s replacement only once the worker it replaces has exited, so two of its isolates never hold memory at once', async () => {
    const {counts, spawn} = countingSpawn()
    const engine = createEngine(1, {jobsPerWorker: 2, spawn})
    try {
      for (let round = 0; round < 3; round++) await Promise.all(Array.from({length: 4}, () => engine.compile(job)))
      expect(counts.started).toBe(6)
      expect(counts.mostAlive).toBe(1)
    } finally {
      await engine.close()
    }
  })

  it('counts compiles, not PDFs read back, toward a worker’s replacement, and replaces it when the next compile comes', async () => {
    const {counts, spawn} = countingSpawn()
    const engine = createEngine(1, {jobsPerWorker: 2, spawn})
    try {
      await engine.compile(job)
      for (let index = 0; index < 5; index++) await engine.auditPdf(pdf, {} as AuditContext, 'notes.md')
      expect(counts.started).toBe(1)
      // Its compiles done, it still reads the last PDFs back: no fresh worker is started for them alone.
      await engine.compile(job)
      await engine.auditPdf(pdf, {} as AuditContext, 'notes.md')
      expect(counts.started).toBe(1)
      await engine.compile(job)
      expect(counts.started).toBe(2)
      expect(counts.mostAlive).toBe(1)
    } finally {
      await engine.close()
    }
  })

  it('starts the replacement of a worker that does not stop after a second, so the batch never stalls on it', async () => {
    let started = 0
    // A worker stuck where termination cannot reach it: it answers, but never exits.
    const stuck = () => {
      started++
      const worker = new EventEmitter() as EventEmitter & {postMessage(request: {id: number}): void; terminate(): Promise<number>}
      worker.postMessage = (request) => setImmediate(() => worker.emit('message', {id: request.id, type: 'compile', outcome: {ok: true, diagnostics: []}}))
      worker.terminate = () => new Promise<number>(() => {})
      return worker as unknown as Worker
    }
    const engine = createEngine(1, {jobsPerWorker: 1, spawn: stuck})
    const from = performance.now()
    await engine.compile(job)
    await engine.compile(job)
    expect(started).toBe(2)
    expect(performance.now() - from).toBeGreaterThanOrEqual(900)
    void engine.close()
  })

  /** A stand-in worker that says its heap is `heapMb` after every job. */
  function heapSpawn(heapMb: number) {
    const counts = {started: 0}
    const spawn = () => {
      counts.started++
      const worker = new EventEmitter() as EventEmitter & {postMessage(request: {id: number; type: string}): void; terminate(): Promise<number>}
      worker.postMessage = (request) =>
        setImmediate(() => worker.emit('message', request.type === 'compile' ? {id: request.id, type: 'compile', outcome: {ok: true, diagnostics: []}, heapMb} : {id: request.id, type: 'audit', diagnostics: [], heapMb}))
      worker.terminate = async () => {
        setImmediate(() => worker.emit('exit', 1))
        return 1
      }
      return worker as unknown as Worker
    }
    return {counts, spawn}
  }

  it('keeps a worker warm for the whole batch while its heap stays under the limit, past 500 compiles', async () => {
    const {counts, spawn} = heapSpawn(120)
    const engine = createEngine(1, {heapLimitMb: 384, spawn})
    try {
      for (let index = 0; index < 600; index++) {
        await engine.compile(job)
        await engine.auditPdf(pdf, {} as AuditContext, 'notes.md')
      }
      expect(counts.started).toBe(1)
    } finally {
      await engine.close()
    }
  })

  it('replaces a worker whose heap is past the limit, when the next compile comes, and not for a PDF read back', async () => {
    const {counts, spawn} = heapSpawn(500)
    const engine = createEngine(1, {heapLimitMb: 384, spawn})
    try {
      await engine.compile(job)
      await engine.auditPdf(pdf, {} as AuditContext, 'notes.md')
      expect(counts.started).toBe(1)
      await engine.compile(job)
      expect(counts.started).toBe(2)
      await engine.compile(job)
      expect(counts.started).toBe(3)
    } finally {
      await engine.close()
    }
  })

  it('keeps two workers apart: each slot waits only for its own worker to exit', async () => {
    const {counts, spawn} = countingSpawn()
    const engine = createEngine(2, {jobsPerWorker: 1, spawn})
    try {
      await Promise.all(Array.from({length: 8}, () => engine.compile(job)))
      expect(counts.started).toBe(8)
      expect(counts.mostAlive).toBeLessThanOrEqual(2)
    } finally {
      await engine.close()
    }
  })
})
