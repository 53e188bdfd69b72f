import {describe, expect, it, vi} from 'vitest'
import {whenAllDone} from '../../src/engine/pool.js'

describe('whenAllDone', () => {
  it('runs once, when the last item is done, whatever the order', () => {
    const then = vi.fn()
    const done = whenAllDone(['a', 'b', 'c'], then)
    done('b')
    done('a')
    expect(then).not.toHaveBeenCalled()
    done('c')
    expect(then).toHaveBeenCalledTimes(1)
  })

  it('counts an item said twice, or one not listed, once or not at all', () => {
    const then = vi.fn()
    const done = whenAllDone(['a', 'b'], then)
    done('a')
    done('a')
    done('x')
    expect(then).not.toHaveBeenCalled()
    done('b')
    done('b')
    expect(then).toHaveBeenCalledTimes(1)
  })

  it('never runs for no items', () => {
    const then = vi.fn()
    whenAllDone<string>([], then)('a')
    expect(then).not.toHaveBeenCalled()
  })
})
