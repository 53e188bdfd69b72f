/**
 * Names planted in every attribution position and form, under a roster of names that are also English
 * words (and names with accents and compound surnames): after the anonymiser, NO word of the name is
 * left — not the surname alone, not the given name, not the initials. Every cell of the matrix is run.
 * People not on the roster, named in full, are planted in the same positions.
 */
import {describe, expect, it} from 'vitest'
import {anonymise} from './helpers.js'

const people = [
  ['Grant', 'Okafor'], ['Sue', 'Field'], ['Mark', 'Hill'], ['Robin', 'Shepherd'], ['Carol', 'Rich'], ['Precious', 'Moyo'],
  ['Faith', 'Lewis'], ['Catherine', 'Moran'], ['Frank', 'Osei'], ['Ben', 'Marsh'], ['Seán', 'Ó Briain'], ['Zoë', 'Müller-Lang'],
  ['Tomasz', 'Nowak'], ['Hope', 'Walsh'], ['Will', 'Barker'],
] as const

const front = `---
title: Plant
attendees:
${people.map(([first, last]) => `  - ${first} ${last}`).join('\n')}
---
`

/** The initials of the given name and the surname, as notes write them: `CM`, `SÓ`. */
const initialsOf = (first: string, last: string) => `${first[0]}${last[0]}`.toUpperCase()

/** Every way notes write a person: `[form, words that must not survive]`. */
function forms(first: string, last: string): Array<[string, string]> {
  const initials = initialsOf(first, last)
  return [
    [`${first} ${last}`, 'full'],
    [`${first.toUpperCase()} ${last.toUpperCase()}`, 'full in capitals'],
    [`${first.toLowerCase()} ${last.toLowerCase()}`, 'full in lower case'],
    [first, 'given name'],
    [last, 'surname'],
    [initials, 'initials'],
    [`${first} ${last[0]}.`, 'given name and initial'],
    [`Dr ${last}`, 'honorific and surname'],
  ]
}

/** Name positions: a label, attributions, the subject of a verb of saying, a possessive, an aside, a mention. */
const positions: Array<(name: string) => string> = [
  (name) => `${name}: we tried that in the spring`,
  (name) => `10:31 ${name}: we tried that in the spring`,
  (name) => `we tried that in the spring — ${name}`,
  (name) => `"we tried that in the spring" — ${name}, team leader`,
  (name) => `${name} said we tried that in the spring`,
  (name) => `we tried that in the spring, said ${name}`,
  (name) => `according to ${name} we tried that in the spring`,
  (name) => `${name}'s team tried that in the spring`,
  (name) => `we tried that in the spring (${name})`,
  (name) => `[${name}] we tried that in the spring`,
  (name) => `@${name} can you send the slides`,
  (name) => `the chat was lively (from the Zoom chat, ${name} I think)`,
]

const words = (text: string) => new Set(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])

describe('the whole matrix: position × form × case, each person', () => {
  it('leaves no word of any name', () => {
    const misses: string[] = []
    for (const [first, last] of people) {
      for (const [name] of forms(first, last)) {
        for (const position of positions) {
          const line = position(name)
          const output = anonymise(`- ${line}`, front).markdown
          const left = words(output)
          for (const token of words(`${first} ${last}`)) if (token !== 'o' && left.has(token)) misses.push(`${line} → ${output}`)
          if (new RegExp(`(?<![\\p{L}])${initialsOf(first, last)}(?![\\p{L}])`, 'u').test(output)) misses.push(`${line} → ${output}`)
        }
      }
    }
    expect(misses).toEqual([])
  })
})

/** People not on the roster: names the word lists know, and names they do not. */
const strangers = ['Amara Okonjo', 'Dmitri Ivanova', 'Leonie Blackwood', 'Sunil Kapoor', 'Aoife Ní Dhuibhir', 'Oluwaseun Adebayo']

describe('people not on the roster, named in full in the same positions', () => {
  it('leaves no word of their names', () => {
    const misses: string[] = []
    for (const name of strangers) {
      for (const position of positions) {
        const line = position(name)
        const output = anonymise(`- ${line}`, front).markdown
        const left = words(output)
        for (const token of words(name)) if (token.length > 2 && left.has(token)) misses.push(`${line} → ${output}`)
      }
    }
    expect(misses).toEqual([])
  })
})
