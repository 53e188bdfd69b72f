/**
 * The near-name reader's words are compiled once per roster content, not once per roster object: each notes file of a
 * series parses its own copy of the same attendees. Counted through `nameParts`, which compiling the words asks once per
 * person (and reading a string never does).
 */
import {describe, expect, it, vi} from 'vitest'
import type {Roster} from '../../src/types.js'

const parts = vi.hoisted(() => ({calls: 0}))
vi.mock('../../src/anonymise/forms.js', async (original) => {
  const forms = await original<typeof import('../../src/anonymise/forms.js')>()
  return {
    ...forms,
    nameParts: (name: string) => {
      parts.calls++
      return forms.nameParts(name)
    },
  }
})

const {findNearNames} = await import('../../src/anonymise/near-names.js')

const roster = (): Roster => ({people: [{name: 'Constance Reed', aliases: []}, {name: 'Fortune Adeyemi', aliases: []}], share: []})

describe('findNearNames', () => {
  it('compiles a roster of the same content once, whichever copy of it a file brings, and finds the same slips with each', () => {
    const context = {blockStart: true}
    const first = findNearNames('Constant Read said the rota slipped', roster(), context, [])
    const asked = parts.calls
    expect(asked).toBeGreaterThan(0)
    const again = findNearNames('Constant Read said the rota slipped', roster(), context, [])
    const copy = findNearNames('Fortuen: we ran out of staff', structuredClone(roster()), context, [])
    expect(parts.calls).toBe(asked)
    expect(first.map((match) => [match.text, match.form.person])).toEqual([['Constant Read', 0]])
    expect(again).toEqual(first)
    expect(copy.map((match) => [match.text, match.form.person])).toEqual([['Fortuen', 1]])
  })

  it('compiles a roster that differs by one alias afresh, and finds slips of that alias', () => {
    const context = {blockStart: true}
    findNearNames('nothing here', roster(), context, [])
    const asked = parts.calls
    const aliased = roster()
    aliased.people[1]!.aliases.push('Fortunata')
    expect(findNearNames('Fortunato: we ran out of staff', aliased, context, []).map((match) => [match.text, match.form.person])).toEqual([['Fortunato', 1]])
    expect(parts.calls).toBeGreaterThan(asked)
    expect(findNearNames('Fortunato: we ran out of staff', roster(), context, [])).toEqual([])
  })
})
