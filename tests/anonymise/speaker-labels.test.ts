/**
 * A speaker label opens a note with whoever spoke: every shape a facilitator types (plain, bold,
 * italic, bracketed, after a time, with a dash) × every name form (full, given, surname, initials),
 * in any case, on the roster or not. Each goes whole, and the statement after it stays.
 */
import {describe, expect, it} from 'vitest'
import {anonymise} from './helpers.js'

const front = `---
title: Labels
attendees:
  - { name: Grant Adams, org: Dudley Council }
  - { name: Gurpreet Banks, org: Wigan Council }
  - { name: June Prendergast, org: Trafford Council }
share: [Leeds City Council]
---
`

/** Label shapes: `{n}` is the name. */
const shapes: Array<[string, string]> = [
  ['plain', '{n}: '],
  ['bold, colon inside', '**{n}:** '],
  ['bold, colon outside', '**{n}**: '],
  ['italic, colon inside', '*{n}:* '],
  ['italic, colon outside', '_{n}_: '],
  ['bracketed', '[{n}]: '],
  ['bracketed, no colon', '[{n}] '],
  ['after a time', '10:30 {n}: '],
  ['after a bracketed time', '[10:30] {n}: '],
  ['after a time, bold', '10:30 **{n}:** '],
  ['with a spaced hyphen', '{n} - '],
  ['with an en dash', '{n} – '],
  ['with an em dash', '{n} — '],
  ['after a time, with a dash', '10:30 {n} – '],
]

/** Name forms of people on the roster: the text written, and the words that must not be left. */
const rostered: Array<[string, string, string[]]> = [
  ['full name', 'Grant Adams', ['Grant', 'Adams']],
  ['given name that is a word', 'Grant', ['Grant']],
  ['given name that is a month', 'June', ['June']],
  ['given name', 'Gurpreet', ['Gurpreet']],
  ['surname', 'Banks', ['Banks']],
  ['surname of a word name', 'Prendergast', ['Prendergast']],
  ['initials', 'GA', ['GA']],
  ['initials, another person', 'GB', ['GB']],
  ['initials, a third', 'JP', ['JP']],
  ['given name and initial', 'Grant A.', ['Grant']],
]

const cases: Array<[string, (name: string) => string]> = [
  ['as written', (name) => name],
  ['lower case', (name) => name.replace(/\p{Lu}\p{Ll}+/gu, (word) => word.toLowerCase())],
]

const unrostered: Array<[string, string, string[]]> = [['full name not on the roster', 'Zofia Kowalczyk', ['Zofia', 'Kowalczyk']]]

const statement = 'help should come first'
const has = (text: string, word: string) => new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u').test(text)

function label(shape: string, name: string): string {
  const {markdown} = anonymise(`## Notes\n\n- ${shape.replace('{n}', name)}${statement}\n`, front)
  return markdown.split('\n').find((line) => line.startsWith('- ')) ?? ''
}

describe('speaker labels on the roster', () => {
  for (const [shapeName, shape] of shapes) {
    for (const [caseName, write] of cases) {
      it.each(rostered)(`removes the %s as a label, ${shapeName} (${caseName}), keeping the statement`, (_form, name, words) => {
        const line = label(shape, write(name))
        for (const word of words) expect(has(line.toLowerCase(), word.toLowerCase()), line).toBe(false)
        expect(line.toLowerCase()).toContain(statement)
      })
    }
  }
})

describe('speaker labels not on the roster', () => {
  for (const [shapeName, shape] of shapes) {
    it.each(unrostered)(`removes the %s as a label, ${shapeName}, keeping the statement`, (_form, name, words) => {
      const line = label(shape, name)
      for (const word of words) expect(has(line, word), line).toBe(false)
      expect(line.toLowerCase()).toContain(statement)
    })
  }
})

describe('initials that are a rare word (GA, GB), in the other name positions', () => {
  it.each([
    ['thanks GA, that helped', 'GA'],
    ['great point from GA', 'GA'],
    ['over to you GA', 'GA'],
    ['GA/GB - we tried it', 'GA'],
    ['GA/GB - we tried it', 'GB'],
  ])('removes %j', (line, initials) => {
    const {markdown} = anonymise(`## Notes\n\n- ${line}\n`, front)
    expect(has(markdown, initials), markdown).toBe(false)
  })
})
