import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {mergePeople, parseAttendeesFile, splitHonorific} from '../../src/parse/roster.js'

describe('roster', () => {
  it('splits honorifics off names', () => {
    expect(splitHonorific('Cllr Ruth Ellison')).toEqual({honorific: 'Cllr', name: 'Ruth Ellison'})
    expect(splitHonorific('Dr. Femi Oyelaran')).toEqual({honorific: 'Dr', name: 'Femi Oyelaran'})
    expect(splitHonorific('Drew Barrymore')).toEqual({name: 'Drew Barrymore'})
    expect(splitHonorific('Okafor, Tom')).toEqual({name: 'Tom Okafor'})
  })

  it('reads a CSV sign-in sheet with name, org, role and aliases columns', () => {
    const csv = '\uFEFFName,Org,Role,Aliases\nJane Smith,Wigan Council,Director,JS; Janey\n"Okafor, Tom",,,\n,,,\n'
    expect(parseAttendeesFile(csv, 'sign-in.csv')).toEqual([
      {name: 'Jane Smith', honorific: undefined, org: 'Wigan Council', role: 'Director', aliases: ['JS', 'Janey']},
      {name: 'Tom Okafor', honorific: undefined, org: undefined, role: undefined, aliases: []},
    ])
  })

  it('refuses a CSV without a name column, saying what to add', () => {
    expect(() => parseAttendeesFile('who,org\nJane,Wigan\n', 'sheet.csv')).toThrow(UsageError)
    expect(() => parseAttendeesFile('who,org\nJane,Wigan\n', 'sheet.csv')).toThrow('Unexpected attendees CSV without a `name` column')
  })

  it('reads YAML as a list or under `attendees:`', () => {
    expect(parseAttendeesFile('- Jane Smith\n- {name: Tom Okafor, org: Camden}\n', 'a.yaml').map((person) => person.name)).toEqual(['Jane Smith', 'Tom Okafor'])
    expect(parseAttendeesFile('attendees:\n  - Priya Natarajan\n', 'a.yml').map((person) => person.name)).toEqual(['Priya Natarajan'])
  })

  it('merges people by name, keeping every alias', () => {
    const merged = mergePeople([{name: 'Jane Smith', aliases: ['JS']}], [{name: 'jane smith', org: 'Wigan', aliases: ['Janey']}])
    expect(merged).toEqual([{name: 'Jane Smith', org: 'Wigan', honorific: undefined, role: undefined, aliases: ['JS', 'Janey']}])
  })
})
