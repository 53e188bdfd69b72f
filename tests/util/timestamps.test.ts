/**
 * A time at the start of a note is the log's, not the note's: it goes, with
 * its separator, so that a speaker label after it is at the start of the note
 * (where the anonymiser reads labels). A time that is part of what was said stays.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {compileReport} from '../../src/engine/index.js'
import {leadingTime} from '../../src/util/timestamps.js'

const times = ['10:19', '9:05', '10:19:42', '10:19am', '10:19 pm', '[10:19]', '(10:19)', '[10.19]']
const separators = [' — ', ' – ', ' - ', ' | ', ' -> ', ' ']

describe('a time at the start of a note', () => {
  for (const time of times) {
    for (const separator of separators) {
      // A bare dotted time with only a space is a number, not a time (`10.50 per hour`).
      if (separator === ' ' && /^\d+\.\d+$/.test(time)) continue
      it(`goes with its separator: \`${time}${separator}…\``, () => {
        const match = leadingTime.exec(`${time}${separator}the budget is gone`)
        expect(match?.[0]).toBe(`${time}${separator}`)
      })
    }
  }

  for (const kept of ['10:30 is too early for carers', '10:30 to 11:00 breakouts', '10.50 per hour is the going rate', '10:30 - 11:00 breakouts', '2024 was the year it changed', '10:30', '3.5 million households']) {
    it(`stays when it is what was said: \`${kept}\``, () => {
      expect(leadingTime.exec(kept)).toBeNull()
    })
  }
})

describe('a speaker label after a time', () => {
  const roster = '---\ntitle: T\nattendees: [Gareth Adams, Nia Price]\n---\n\n## Barriers\n\n'
  const labels = ['GA:', 'Gareth:', 'gareth:', 'Gareth Adams:', 'G.A.:', 'NP -', 'Nia:']
  for (const time of ['10:19 — ', '10:19 - ', '10.19 – ', '[10:19] ', '(10:19) ', '10:19 ']) {
    for (const label of labels) {
      it(`is removed with the time: \`- ${time}${label} landlords want a guaranteed rent\``, () => {
        const value = `${roster}- ${time}${label} landlords want a guaranteed rent\n- the budget is gone\n`
        const compiled = compileReport(new VFile({path: 'notes.md', value}), {outputs: ['md']})
        expect(compiled.leaks).toEqual([])
        const line = compiled.markdown.split('\n').find((text) => text.includes('guaranteed rent'))!
        expect(line).not.toMatch(/\b(?:GA|NP|G\.A\.|Gareth|Adams|Nia)\b|\d:\d/i)
      })
    }
  }
})

describe('a person not on the roster after a time', () => {
  for (const time of ['10:19 — ', '[10:19] ', '(10:19) ', '10.19 – ']) {
    it(`is read at the start of its line, alone: \`${time}Sarah Okonkwo\``, async () => {
      const {anonymiseText} = await import('../../src/anonymise/index.js')
      expect(anonymiseText(`${time}Sarah Okonkwo\nrent guarantees beat grants`).value).not.toMatch(/Sarah|Okonkwo/)
    })
  }
})
