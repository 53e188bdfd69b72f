import {describe, expect, it, vi} from 'vitest'
import {Memo, memoize} from '../../src/util/memo.js'

describe('Memo', () => {
  it('makes an answer once and gives it back after', () => {
    const memo = new Memo<number>()
    let made = 0
    const make = (key: string) => {
      made++
      return key.length
    }
    expect(memo.get('walsh', make)).toBe(5)
    expect(memo.get('walsh', make)).toBe(5)
    expect(made).toBe(1)
  })

  it('remembers `undefined` as an answer', () => {
    const memo = new Memo<string | undefined>()
    let made = 0
    const make = () => {
      made++
      return undefined
    }
    expect(memo.get('none', make)).toBeUndefined()
    expect(memo.get('none', make)).toBeUndefined()
    expect(made).toBe(1)
  })

  it('finds a remembered `undefined` with one look-up, as any other answer (no second look to tell it from a key not held)', () => {
    const memo = new Memo<string | undefined>()
    memo.get('none', () => undefined)
    const has = vi.spyOn(Map.prototype, 'has')
    const get = vi.spyOn(Map.prototype, 'get')
    let value: string | undefined
    let counts: number[]
    try {
      value = memo.get('none', () => 'made again')
      // Counted before anything else runs: the test runner's own maps must not be counted.
      counts = [get.mock.calls.length, has.mock.calls.length]
    } finally {
      has.mockRestore()
      get.mockRestore()
    }
    expect(value).toBeUndefined()
    expect(counts).toEqual([1, 0])
  })

  it('holds at most its limit, and keeps what is asked again', () => {
    const memo = new Memo<string>({limit: 4})
    const made: string[] = []
    const make = (key: string) => {
      made.push(key)
      return key.toUpperCase()
    }
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) memo.get(key, make)
    expect(memo.size).toBeLessThanOrEqual(4)
    // `a` went with the oldest generation; `e` and `f` are the young one.
    made.length = 0
    memo.get('a', make)
    memo.get('e', make)
    memo.get('f', make)
    expect(made).toEqual(['a'])
  })

  it('moves an answer asked again back to the young generation, where it outlives the next turn', () => {
    const memo = new Memo<string>({limit: 4})
    const made: string[] = []
    const make = (key: string) => {
      made.push(key)
      return key
    }
    // Two a generation: x and y, then z turns them old; x asked again comes back young, beside z.
    for (const key of ['x', 'y', 'z', 'x', 'w']) memo.get(key, make)
    expect(made).toEqual(['x', 'y', 'z', 'w'])
    made.length = 0
    memo.get('x', make)
    memo.get('y', make)
    expect(made).toEqual(['y'])
  })

  it('never keeps a key of `maxKeyLength` characters or more', () => {
    const memo = new Memo<number>({maxKeyLength: 13})
    let made = 0
    const make = (key: string) => {
      made++
      return key.length
    }
    memo.get('interdisciplinary', make)
    memo.get('interdisciplinary', make)
    expect(made).toBe(2)
    expect(memo.size).toBe(0)
    memo.get('twelve chars', make)
    memo.get('twelve chars', make)
    expect(made).toBe(3)
  })
})

describe('memoize', () => {
  it('is the function, remembered', () => {
    let calls = 0
    const upper = memoize((key: string) => {
      calls++
      return key.toUpperCase()
    })
    expect(upper('okafor')).toBe('OKAFOR')
    expect(upper('okafor')).toBe('OKAFOR')
    expect(calls).toBe(1)
  })
})
