import {describe, expect, it} from 'vitest'
import {batchHeap, batchHeapFlag} from '../../src/cli/heap.js'

describe('batchHeap', () => {
  it('sets the heap flag once, when the first report of a batch is done', () => {
    const set: string[] = []
    const heap = batchHeap((flags) => set.push(flags))
    heap.planned(3)
    expect(set).toEqual([]) // not before: bundles still loading would lose their code caches
    heap.finished()
    heap.finished()
    heap.finished()
    expect(set).toEqual([batchHeapFlag])
  })

  it('leaves the heap alone for a single report, or a run with nothing to build', () => {
    for (const reports of [0, 1]) {
      const set: string[] = []
      const heap = batchHeap((flags) => set.push(flags))
      heap.planned(reports)
      heap.finished()
      expect(set).toEqual([])
    }
  })

  it('names a flag this V8 accepts', async () => {
    // An unknown flag is ignored with a warning on stderr; a known one is not.
    const {spawnSync} = await import('node:child_process')
    const result = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(batchHeapFlag)})`], {encoding: 'utf8'})
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    const unknown = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString('--no-such-exchange-flag=1')`], {encoding: 'utf8'})
    expect(unknown.stderr).not.toBe('')
  })
})
