/**
 * Initials in lower case (`cm: ran the pilot`, `cm to send the slides`) are someone's only as a label or an action's
 * owner, and never where they spell a short word (`we said so` with Will Ekwueme, WE, on the roster: archive seed 43).
 */
import {describe, expect, it} from 'vitest'
import {createParanoidAuditor} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {people: [{name: 'Catherine Moran', aliases: []}, {name: 'Will Ekwueme', aliases: []}, {name: 'Ian Tanaka', aliases: []}], share: []}
const flagged = (line: string, word: string) => createParanoidAuditor(roster, {ordinary: [], source: line}).scan(line).some((suspect) => suspect.text === word)

describe('lower-case initials', () => {
  it.each([
    ['- cm: ran the pilot in the spring', 'cm'],
    ['- cm to send the slides', 'cm'],
    ['Q (cm): what about the deposit?', 'cm'],
    ['- [a]cm: the rota broke down', 'cm'],
  ])('are a person as a label or an owner: %j', (line, word) => expect(flagged(line, word)).toBe(true))

  it.each([
    ['- We did not get it right first time, and we said so.', 'we'],
    ['- we: the rota broke down', 'we'],
    ['- it: the rota broke down', 'it'],
    ['- the cm figures were wrong', 'cm'],
  ])('are a word elsewhere, and where they spell one: %j', (line, word) => expect(flagged(line, word)).toBe(false))
})

describe('initials of a double-barrelled surname', () => {
  const turnerBlake: Roster = {people: [{name: 'Pat Turner-Blake', aliases: []}], share: []}
  const suspects = (line: string) => createParanoidAuditor(turnerBlake, {ordinary: [], source: line}).scan(line).map((suspect) => suspect.text)

  it('are the first name and the surname’s first part (PT), or every part (PTB)', () => {
    expect(suspects('- PT said the rota broke; PTB agreed')).toEqual(['PT', 'PTB'])
  })

  it('are not the first name and the surname’s last part: PB is participatory budgeting (archive seed 43)', () => {
    expect(suspects('- Members feel threatened – PB can look like it replaces them')).toEqual([])
  })
})
