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

  // The workers compile and audit the PDFs: the main thread only feeds the browser, so it needs no core of its own.
  it('leaves a core to Chromium when printing, and compiles and audits off the main thread from 2 cores', () => {
    expect(threadsFor(500, 2, 2, true)).toBe(1)
    expect(threadsFor(500, 4, 4, true)).toBe(3)
    expect(threadsFor(500, 8, 1, true)).toBe(0)
    expect(threadsFor(3, 8, 8, true)).toBe(0)
  })
})
