/**
 * How the `exchange` command's heap grows in a batch. V8 collects the old
 * generation once it has grown to three or four times what the last full
 * collection kept; in a batch, most of that is reports already written
 * (compiled, audited, printed, and promoted while they waited on the
 * browser). Collecting at twice what was kept holds a batch's memory near
 * the work in flight: 50 PDFs, node's peak PSS 180-199 MiB, not 265-270,
 * in the same time (`bench/batch.mjs`).
 *
 * Changing a V8 flag also changes the hash V8 checks code caches against,
 * so a bundle loaded after the change would start without its cache
 * (`src/util/code-cache.ts`). The flag is therefore set once a batch's first
 * report is done, when the command, Puppeteer's connection and the PDF reader
 * have all loaded, and never for a single report, which has little garbage
 * and would only lose time. Only the command sets it: the library leaves its
 * users' processes alone.
 */
import v8 from 'node:v8'

export const batchHeapFlag = '--heap-growing-percent=100'

export interface BatchHeap {
  /** The build's plan: how many reports it will build. */
  planned(reports: number): void
  /** A report finished (built, failed, skipped or cancelled). */
  finished(): void
}

export function batchHeap(setFlags: (flags: string) => void = (flags) => v8.setFlagsFromString(flags)): BatchHeap {
  let batch = false
  let set = false
  return {
    planned(reports) {
      batch = reports > 1
    },
    finished() {
      if (!batch || set) return
      set = true
      setFlags(batchHeapFlag)
    },
  }
}
