/** How many compile worker threads a batch uses, on machines of any size. */
import {describe, expect, it} from 'vitest'
import {threadsFor} from '../../src/engine/engine.js'

describe('threadsFor', () => {
  it('compiles a handful of reports on the main thread', () => {
    expect(threadsFor(3, 8, 8, false)).toBe(0)
  })

  it('uses a worker per core for HTML, up to the concurrency and the number of reports', () => {
    expect(threadsFor(500, 2, 2, false)).toBe(2)
    expect(threadsFor(500, 4, 8, false)).toBe(4)
    expect(threadsFor(5, 16, 16, false)).toBe(5)
  })

  // Measured on 2 cores, 211 PDFs: no worker 40.5 s, one worker 46.5 s.
  it('leaves a core to Chromium and one to the main thread when printing', () => {
    expect(threadsFor(500, 2, 2, true)).toBe(0)
    expect(threadsFor(500, 4, 4, true)).toBe(2)
    expect(threadsFor(500, 8, 1, true)).toBe(0)
  })
})
