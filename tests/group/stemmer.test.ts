import {describe, expect, it} from 'vitest'
import {stem} from '../../src/group/stemmer.js'

describe('stem (Porter)', () => {
  it('stems the examples of Porter’s paper', () => {
    const pairs: Array<[string, string]> = [
      ['caresses', 'caress'],
      ['ponies', 'poni'],
      ['ties', 'ti'],
      ['caress', 'caress'],
      ['cats', 'cat'],
      ['feed', 'feed'],
      ['agreed', 'agre'],
      ['plastered', 'plaster'],
      ['bled', 'bled'],
      ['motoring', 'motor'],
      ['sing', 'sing'],
      ['conflated', 'conflat'],
      ['troubled', 'troubl'],
      ['sized', 'size'],
      ['hopping', 'hop'],
      ['tanned', 'tan'],
      ['falling', 'fall'],
      ['hissing', 'hiss'],
      ['fizzed', 'fizz'],
      ['failing', 'fail'],
      ['filing', 'file'],
      ['happy', 'happi'],
      ['sky', 'sky'],
      ['relational', 'relat'],
      ['conditional', 'condit'],
      ['rational', 'ration'],
      ['digitizer', 'digit'],
      ['generalization', 'gener'],
      ['hopefulness', 'hope'],
      ['formative', 'form'],
      ['electrical', 'electr'],
      ['revival', 'reviv'],
      ['adjustment', 'adjust'],
      ['adoption', 'adopt'],
      ['controll', 'control'],
      ['roll', 'roll'],
      ['probate', 'probat'],
      ['rate', 'rate'],
      ['cease', 'ceas'],
    ]
    for (const [word, expected] of pairs) expect(stem(word), word).toBe(expected)
  })

  it('brings the forms of a word placement cares about together', () => {
    expect(new Set(['challenge', 'challenges', 'challenging'].map(stem))).toEqual(new Set(['challeng']))
    expect(new Set(['works', 'working', 'worked'].map(stem))).toEqual(new Set(['work']))
    expect(stem('councillors')).toBe(stem('councillor'))
    expect(stem('communities')).toBe(stem('community'))
  })

  it('leaves words of one or two letters alone', () => {
    expect(stem('is')).toBe('is')
    expect(stem('a')).toBe('a')
  })
})
