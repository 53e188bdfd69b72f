import {describe, expect, it} from 'vitest'
import {duration} from '../../src/util/duration.js'

describe('duration', () => {
  it('says milliseconds under a second, whole seconds as such, else tenths', () => {
    expect(duration(300)).toBe('300 ms')
    expect(duration(12.6)).toBe('13 ms')
    expect(duration(60_000)).toBe('60 s')
    expect(duration(4230)).toBe('4.2 s')
  })
})
