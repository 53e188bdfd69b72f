/**
 * Found in 500 generated archive notes (make-archive seed 1): a full name written as a user name
 * (`summer.price` on Slack) reached the report when both words are also English words, and an
 * organisation's short form that is a word opened a sentence with a verb the rules did not know
 * (`Highland brought…`).
 */
import {describe, expect, it} from 'vitest'
import {anonymise} from './helpers.js'

const front = `---
title: T
attendees:
  - { name: Summer Price, org: Bury Council }
  - { name: Mark Banks, org: Dudley Council }
  - { name: Hamish Zielinski, org: Highland Council }
share: [Leeds City Council]
---
`
const note = (line: string) => anonymise(`## Notes\n\n- ${line}\n`, front).markdown.split('\n').at(-1)!

describe('a full name joined as a user name', () => {
  it.each([
    ['slack: `summer.price` on the network workspace', /summer|price/i],
    ['ping summer.price on the workspace', /summer|price/i],
    ['mark_banks has the template', /mark|banks/i],
    ['Mark.Banks has the template', /mark|banks/i],
  ])('goes, in any case: %j', (line, words) => {
    expect(note(line)).not.toMatch(words)
  })

  it.each(['the summer price cap hit everyone', 'mark the banks of the river'])('is not read into ordinary words beside each other: %j', (line) => {
    expect(note(line)).toBe(`- ${line}`)
  })
})

describe('an organisation that is a word, opening a sentence', () => {
  it.each(['Highland brought several services back in-house', 'Highland kept the helpline open', 'Highland spent the reserve on it'])('is the organisation before a verb: %j', (line) => {
    expect(note(line)).not.toMatch(/Highland/)
  })

  it.each(['Highland cattle graze the hills', 'Highland games in the summer'])('is the word before a noun: %j', (line) => {
    expect(note(line)).toBe(`- ${line}`)
  })
})
