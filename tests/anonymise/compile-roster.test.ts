import {describe, expect, it} from 'vitest'
import {compileRoster} from '../../src/anonymise/matcher.js'
import type {Roster} from '../../src/types.js'

const roster = (): Roster => ({
  people: [
    {name: 'Catherine Moran', honorific: 'Dr', org: 'Merthyr Tydfil County Borough Council', aliases: ['Cath']},
    {name: 'Grant Okafor', aliases: []},
  ],
  share: ['Leeds City Council'],
})

describe('compileRoster', () => {
  it('gives the matcher already compiled to a roster of the same content, parsed again as a new object', () => {
    const first = compileRoster(roster())
    const again = compileRoster(roster())
    expect(again).toBe(first)
    expect(compileRoster(structuredClone(roster()), {})).toBe(first)
  })

  it('compiles afresh a roster that differs by one alias, one shared organisation or one protected phrase', () => {
    const base = compileRoster(roster())
    const aliased = roster()
    aliased.people[1]!.aliases.push('Granty')
    const withAlias = compileRoster(aliased)
    expect(withAlias).not.toBe(base)
    expect(withAlias.find('Granty said so').map((match) => match.text)).toEqual(['Granty'])
    expect(base.find('Granty said so')).toEqual([])

    const shared = roster()
    shared.share.push('Merthyr Tydfil County Borough Council')
    expect(compileRoster(shared).orgs.find((org) => org.name.startsWith('Merthyr'))?.shared).toBe(true)
    expect(base.orgs.find((org) => org.name.startsWith('Merthyr'))?.shared).toBe(false)

    const shielded = compileRoster(roster(), {protect: ['Moran Associates']})
    expect(shielded).not.toBe(base)
    expect(shielded.find('Moran Associates ran it')).toEqual([])
    expect(base.find('Moran Associates ran it').map((match) => match.text)).toEqual(['Moran'])
  })
})
