// Preloaded into a build (`node --import`) by `bench/memory.mjs --heaps`: every thread (the main one and each
// compile worker) samples its V8 heap every 100 ms and keeps its largest, space by space, in
// EXCHANGE_HEAP_DIR/heap-THREAD.json, written as it grows (a worker that is terminated runs no exit hook).
import fs from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import {isMainThread, threadId} from 'node:worker_threads'

const dir = process.env.EXCHANGE_HEAP_DIR
if (dir) {
  const mib = (bytes) => Math.round(bytes / 2 ** 20)
  const file = path.join(dir, `heap-${isMainThread ? 'main' : `worker-${threadId}`}.json`)
  let largest = 0
  const sample = () => {
    const total = v8.getHeapStatistics().total_heap_size
    if (total <= largest) return
    largest = total
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().filter((space) => space.space_size > 0).map((space) => [space.space_name.replace(/_space$/, ''), mib(space.space_size)]))
    fs.writeFileSync(file, JSON.stringify({thread: isMainThread ? 'main' : `worker ${threadId}`, heap: mib(total), spaces}))
  }
  setInterval(sample, 100).unref()
}
