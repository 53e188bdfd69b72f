/**
 * The compile engine of a batch: compiling notes and reading printed PDFs
 * back for the audit are CPU work, so a batch spreads them over worker
 * threads (one per core) and keeps the main thread for the browser and the
 * disk. A small build, or one run from the TypeScript sources (tests), uses
 * the main thread: a worker costs a third of a second to start.
 *
 * A worker that crashes fails its current job with a `worker` error (the
 * batch retries it once); one that runs past the timeout is terminated and
 * replaced, and its job fails with a `timeout` error. A worker is kept for
 * the whole batch, warm (a fresh isolate compiles cold and optimises the
 * pipeline again: some 3.4 s of V8's CPU), unless memory says otherwise: one
 * whose heap after a job is past `workerHeapLimitMb` is replaced, so memory
 * stays bounded whatever the batch size, and its replacement starts only
 * once it has exited: two isolates of one slot never hold memory at once.
 */
import fs from 'node:fs'
import os from 'node:os'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import {attachStack} from '../diagnostics.js'
import {ExchangeError} from '../errors.js'
import type {Diagnostic} from '../types.js'
import type {AuditContext} from './audit-pdf.js'
import type {CompileJob, CompileOutcome} from './compile.js'

export interface Engine {
  /** Worker threads in use (0: the main thread compiles). */
  readonly threads: number
  compile(job: CompileJob): Promise<CompileOutcome>
  /** Get ready to read PDFs back, while the caller waits on something else. */
  preloadAudit(): void
  auditPdf(pdf: Uint8Array, context: AuditContext, display: string): Promise<Diagnostic[]>
  close(): Promise<void>
}

export type WorkerRequest =
  | {id: number; type: 'compile'; job: CompileJob}
  | {id: number; type: 'audit'; pdf: Uint8Array; context: AuditContext; display: string}

export type WorkerReply = (
  | {id: number; type: 'compile'; outcome: CompileOutcome; /** `--debug`'s stack for each diagnostic, where an error is behind it. */ stacks?: Array<string | undefined>}
  | {id: number; type: 'audit'; diagnostics: Diagnostic[]}
  | {id: number; type: 'error'; message: string}
) & {
  /** The worker's V8 heap in use after the job, and the memory its objects hold outside it, in MiB (`workerHeapLimitMb`). */
  heapMb?: number
}

/** Rule of the error a job fails with when its worker thread dies. */
export const workerCrashRule = 'worker'

/** The worker's script: the bundled one beside the bundled CLI (`dist/exchange.cjs`), else `worker.js` beside this module. */
const workerScript = import.meta.url.endsWith('/exchange.cjs') ? new URL('./exchange-worker.cjs', import.meta.url) : new URL('./worker.js', import.meta.url)

/** Can this build run worker threads? Only from compiled JavaScript. */
export function threadsAvailable(): boolean {
  return fs.existsSync(fileURLToPath(workerScript))
}

/**
 * How many worker threads to use for `jobs` reports: none for a handful (a
 * worker costs more to start than it saves), else one per core and at most
 * `concurrency`, one core fewer when printing, as Chromium needs one. The
 * workers compile and read every PDF back for the audit, so the main thread
 * only feeds the browser and writes: on 2 cores, 50 PDFs, its CPU is about
 * 27 ms a report with one worker, against 110–127 ms compiling and auditing
 * itself, for the same CPU in all (10.1 s against 9.3–10.9 s).
 */
export function threadCount(jobs: number, concurrency: number, options: {requested?: number; printing?: boolean} = {}): number {
  if (!threadsAvailable()) return 0
  if (options.requested !== undefined) return Math.max(0, Math.min(options.requested, jobs))
  return threadsFor(jobs, concurrency, os.availableParallelism(), options.printing ?? false)
}

/** `threadCount`'s choice for a machine of `cores` cores, whatever this one has. */
export function threadsFor(jobs: number, concurrency: number, cores: number, printing: boolean): number {
  if (jobs < 4) return 0
  const spare = printing ? cores - 1 : cores
  return spare < 1 ? 0 : Math.min(concurrency, spare, jobs)
}

/**
 * `auditInMain`: PDFs will be read back (a build that prints), which the
 * main thread does itself only when there are no workers; it then loads the
 * reader while it waits on the browser.
 */
export function createEngine(threads: number, options: EngineOptions = {}): Engine {
  return threads > 0 ? new ThreadEngine(threads, options) : new MainThreadEngine(options.auditInMain)
}

export interface EngineOptions {
  /** Milliseconds a compile may take before its worker is terminated. */
  timeout?: number
  auditInMain?: boolean
  /** Compiles a worker does before it is replaced, whatever its memory (none by default: memory decides). */
  jobsPerWorker?: number
  /** A worker whose heap after a job is past this many MiB is replaced before its next compile (`workerHeapLimitMb` by default). */
  heapLimitMb?: number
  /** Start a worker thread (the compile worker by default; tests give their own). */
  spawn?: () => Worker
}

/**
 * Load the PDF audit's module where PDFs are read back on the main thread
 * (it reads the pages itself, and loads pdf.js only for a PDF it does not
 * know). Idempotent: every print may ask, at a moment the main thread would
 * only wait on the browser.
 */
function preloadReader(auditInMain: boolean | undefined): void {
  if (auditInMain) void import('./audit-pdf.js').catch(() => undefined)
}

class MainThreadEngine implements Engine {
  readonly threads = 0
  readonly #compile = import('./compile.js')
  readonly #auditInMain: boolean | undefined

  constructor(auditInMain?: boolean) {
    this.#auditInMain = auditInMain
  }

  async compile(job: CompileJob): Promise<CompileOutcome> {
    return (await this.#compile).compileInput(job)
  }

  preloadAudit(): void {
    preloadReader(this.#auditInMain)
  }

  async auditPdf(pdf: Uint8Array, context: AuditContext, display: string): Promise<Diagnostic[]> {
    return (await this.#compile).auditPdf(pdf, context, display)
  }

  async close(): Promise<void> {}
}

type RequestBody = {type: 'compile'; job: CompileJob} | {type: 'audit'; pdf: Uint8Array; context: AuditContext; display: string}

interface Task {
  id: number
  body: RequestBody
  resolve: (reply: WorkerReply) => void
  reject: (error: Error) => void
  timer?: NodeJS.Timeout
}

interface Slot {
  worker: Worker
  task?: Task
  gone: boolean
  /** Compiles done (see `EngineOptions.jobsPerWorker`). */
  done: number
  /** Its heap after its last job, in MiB, as it said. */
  heapMb: number
}

/**
 * The heap, in MiB, past which a compile worker is replaced by a fresh one:
 * memory, not a count of reports, bounds what its heap and the pipeline's
 * caches can keep whatever the batch size. A worker that stays under it is
 * kept for the whole batch: a fresh isolate compiles cold, at twice the time
 * a report, and V8 optimises the pipeline again (TurboFan, on its helper
 * threads: about 3.4 s of CPU an isolate, as much as 40 reports' compiles).
 * Before this, a worker was replaced after 500 compiles whatever its heap.
 * A printing batch's worker holds about 170 MiB at its largest over 500 PDFs
 * (its young generation 64 of it, garbage included), so this is a bound on
 * what goes wrong, not a figure a batch reaches.
 */
export const workerHeapLimitMb = 384

/** At most this long a retired worker's slot waits for it to exit before its replacement starts anyway. */
const exitWaitMs = 1000

/** The young generation of a compile worker's heap, in MB (see `spawnWorker`). */
export const workerYoungGenerationMb = 96

/** Start a compile worker. */
function spawnWorker(): Worker {
  // No bound on the old generation: any (256 MB, even 1 GB) made V8 collect far more often, 500 reports
  // to HTML taking 21.8 s (16.1 s) instead of 12.9 s; workerHeapLimitMb bounds growth instead. A larger young
  // generation than a worker's default: a compile allocates much that dies young, and scavenges took a
  // sixth of a worker's time (500 reports to HTML: 12.8 s by default, 12.1 s at 48 MB, 10.9 s at 96 MB).
  return new Worker(workerScript, {resourceLimits: {maxYoungGenerationSizeMb: workerYoungGenerationMb}})
}

class ThreadEngine implements Engine {
  readonly threads: number
  readonly #timeout: number | undefined
  readonly #jobsPerWorker: number
  readonly #heapLimitMb: number
  readonly #start: () => Worker
  readonly #slots: Slot[] = []
  readonly #queue: Task[] = []
  /** Workers retired and not yet exited: each holds a slot's place until it has, so its replacement never overlaps it. */
  readonly #exiting = new Set<Worker>()
  #nextId = 1
  #closed = false

  constructor(threads: number, options: EngineOptions = {}) {
    this.threads = threads
    this.#timeout = options.timeout
    this.#jobsPerWorker = options.jobsPerWorker ?? Number.POSITIVE_INFINITY
    this.#heapLimitMb = options.heapLimitMb ?? workerHeapLimitMb
    this.#start = options.spawn ?? spawnWorker
  }

  async compile(job: CompileJob): Promise<CompileOutcome> {
    const reply = await this.#run({type: 'compile', job})
    if (reply.type !== 'compile') throw new ExchangeError(`Unexpected reply \`${reply.type}\` from a compile worker`, {rule: 'internal'})
    reply.stacks?.forEach((stack, index) => {
      const diagnostic = reply.outcome.diagnostics[index]
      if (stack && diagnostic) attachStack(diagnostic, stack)
    })
    return reply.outcome
  }

  /** The workers read PDFs back: nothing to load on the main thread. */
  preloadAudit(): void {}

  async auditPdf(pdf: Uint8Array, context: AuditContext, display: string): Promise<Diagnostic[]> {
    const reply = await this.#run({type: 'audit', pdf, context, display})
    if (reply.type !== 'audit') throw new ExchangeError(`Unexpected reply \`${reply.type}\` from a compile worker`, {rule: 'internal'})
    return reply.diagnostics
  }

  async close(): Promise<void> {
    this.#closed = true
    const stopped = new ExchangeError('Stopped before this file was compiled', {rule: 'interrupted'})
    for (const task of this.#queue.splice(0)) task.reject(stopped)
    await Promise.all([
      ...this.#slots.splice(0).map(async (slot) => {
        slot.gone = true
        if (slot.task) this.#settle(slot, stopped)
        await slot.worker.terminate()
      }),
      ...[...this.#exiting].map((worker) => worker.terminate()),
    ])
  }

  #run(body: RequestBody): Promise<WorkerReply> {
    if (this.#closed) return Promise.reject(new ExchangeError('Stopped before this file was compiled', {rule: 'interrupted'}))
    return new Promise<WorkerReply>((resolve, reject) => {
      this.#queue.push({id: this.#nextId++, body, resolve, reject})
      this.#pump()
    })
  }

  #pump(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      const compile = this.#queue[0]!.body.type === 'compile'
      const idle = this.#slots.filter((candidate) => !candidate.task && !candidate.gone)
      // A worker past its heap still reads PDFs back; it is replaced when a compile would go to it,
      // so a batch's last PDFs are not read by a fresh worker started for them alone.
      let slot = idle.find((candidate) => !compile || !this.#spent(candidate))
      if (!slot) {
        if (idle[0]) this.#retire(idle[0])
        if (this.#slots.length + this.#exiting.size >= this.threads) return
        slot = this.#spawn()
      }
      const task = this.#queue.shift()!
      slot.task = task
      if (this.#timeout && task.body.type === 'compile') {
        const busy = slot
        task.timer = setTimeout(() => {
          this.#settle(busy, new ExchangeError(`Unexpected notes that took longer than ${Math.round(this.#timeout! / 1000)} s to compile`, {rule: 'timeout', hint: 'report the notes file that triggers it; raise --timeout to wait longer'}))
          this.#retire(busy)
        }, this.#timeout)
      }
      slot.worker.postMessage({id: task.id, ...task.body} satisfies WorkerRequest)
    }
  }

  /** Is the worker to be replaced before its next compile: past its heap, or its compiles? */
  #spent(slot: Slot): boolean {
    return slot.heapMb > this.#heapLimitMb || slot.done >= this.#jobsPerWorker
  }

  #spawn(): Slot {
    const slot: Slot = {worker: this.#start(), gone: false, done: 0, heapMb: 0}
    slot.worker.on('message', (reply: WorkerReply) => {
      if (slot.task?.id !== reply.id) return
      if (slot.task.body.type === 'compile') slot.done++
      if (reply.heapMb !== undefined) slot.heapMb = reply.heapMb
      if (reply.type === 'error') this.#settle(slot, new ExchangeError(`Cannot compile: ${reply.message}`, {rule: 'internal'}))
      else this.#settle(slot, undefined, reply)
      this.#pump()
    })
    const died = (reason: string) => {
      if (slot.gone) return
      this.#settle(slot, new ExchangeError(`The worker thread stopped (${reason})`, {rule: workerCrashRule, hint: 'try again; if it keeps failing, report the notes file'}))
      this.#retire(slot)
    }
    slot.worker.on('error', (error) => died(error.message))
    slot.worker.on('exit', (code) => died(`exit code ${code}`))
    this.#slots.push(slot)
    return slot
  }

  /** Finish the slot's current task with an error or a reply. */
  #settle(slot: Slot, error: Error | undefined, reply?: WorkerReply): void {
    const task = slot.task
    if (!task) return
    slot.task = undefined
    clearTimeout(task.timer)
    if (error) task.reject(error)
    else task.resolve(reply!)
  }

  /**
   * Drop a worker past its heap, dead or hung; a new one is
   * started when there is work and the old one has exited (a 500-PDF batch's
   * peak had both isolates at once, some 170 MB the old one still held).
   */
  #retire(slot: Slot): void {
    slot.gone = true
    const index = this.#slots.indexOf(slot)
    if (index !== -1) this.#slots.splice(index, 1)
    const worker = slot.worker
    this.#exiting.add(worker)
    let timer: NodeJS.Timeout | undefined
    const exited = () => {
      clearTimeout(timer)
      if (!this.#exiting.delete(worker)) return
      this.#pump()
    }
    worker.once('exit', exited)
    worker.terminate().then(exited, exited)
    // A worker that does not stop (stuck in native code) must not stall the batch: its slot frees after a second.
    timer = setTimeout(exited, exitWaitMs)
    timer.unref()
  }
}
