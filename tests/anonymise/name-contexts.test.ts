/**
 * The name-context table (name-contexts.ts): why an ambiguous roster form (`Will`, `Hope`, `GA`, `dawn`)
 * is a person in a given text. One case or more per row, each checking the row that fires; and the
 * same words as ordinary words fire none.
 */
import {describe, expect, it} from 'vitest'
import {createAnonymiser} from '../../src/anonymise/index.js'
import {nameContext, nameContexts} from '../../src/anonymise/name-contexts.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {
  people: [
    {name: 'Will Barker', aliases: []},
    {name: 'Hope Lindsay', aliases: []},
    {name: 'Grant Adams', aliases: []},
    {name: 'Catherine Moran', aliases: []},
    {name: 'Robin Shepherd', aliases: []},
    {name: 'Dawn Fitzgerald', aliases: []},
    {name: 'Summer Price', aliases: []},
    {name: 'Sue Field', aliases: []},
    {name: 'Autumn Pryce', aliases: []},
  ],
  share: [],
}
const doc = createAnonymiser(roster)

/** The row that fires for `word` (its first match at or after `{`, which marks it) in `marked`. */
function rowFor(marked: string, blockStart = true): string | undefined {
  const at = marked.indexOf('{')
  const value = marked.replace('{', '').replace('}', '')
  const match = doc.matcher.find(value).find((candidate) => candidate.start === at)
  if (!match) throw new Error(`no roster form at ${at} in ${value}`)
  return nameContext(value, match, blockStart)
}

const cases: Array<[string, string]> = [
  ['name position', '{dawn}: we ran out of staff'],
  ['name position', 'as {will} put it, the rota broke'],
  ['user name', 'the file is with {summer.price} now'],
  ['attribution with a role', '“Nobody reads the policy.” — {Grant}, customer services'],
  ['initials as a subject', '{CM} ran the pilot in the spring'],
  ['two words of a name, attributed', 'the chat was lively, {robin shepherd} I think'],
  ['trailing attribution, lower case', 'the rota broke- {dawn}'],
  ['possessive, lower case', "{sue's} team kept a log"],
  ['possessive', "we borrowed {Hope's} template"],
  ['hedged', 'the chat was lively (from the Zoom chat, {Grant} I think)'],
  ['alone in a block', '**{Hope}**.'],
  // Not `we gave {Will} the keys`: the recipient of a verb of giving is a name position (issue 15, stop 24).
  ['given name mid-sentence', 'we left {Will} the keys'],
  ['opens a block as a label', '{Hope} (Nottingham) we ran it'],
  ['before an aside', 'the note by {Price} (Stockport) is long'],
  ['aside, then a label', 'it ran. {Price} (Leeds): the pilot worked'],
  // Not `we ran it [{Price}]` at a note's end: an aside attribution in square brackets (issue 15, stop 24).
  ['in brackets', 'we ran it [{Price}] twice'],
  ['with a verb of saying', 'so {Price} wants a pilot'],
  ['subject of a verb', '{Price} ran the pilot in the spring'],
  ['a month or season, no date around it', '{Autumn} again. The summer holidays are when we lose them'],
  ['trailing attribution', 'it worked, mostly — {Price}...'],
  ['initials with their stops', 'Next meeting in Truro, hosted by the county. {G.A.}'],
  ['named for someone: the X model', 'we copied the {Grant} model for the hall'],
  ['named for someone: the X model', 'we call it the "{Shepherd} rule" for the hall'],
  ['a surname closing a clause', 'the best idea came from {Shepherd}.'],
  ['a surname closing a clause', 'the credit goes to {Field}, and the hall stays open'],
]

describe('the name-context table', () => {
  it('names each row once, and has a case here for each', () => {
    const ids = nameContexts.map((row) => row.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(cases.map(([id]) => id))).toEqual(new Set(ids))
  })

  it.each(cases)('fires %s for %j', (id, marked) => {
    expect(rowFor(marked)).toBe(id)
  })

  it.each([
    ['we {will} review the rota next week'],
    ['{hope} springs eternal'],
    ['the {grant} ran out in March'],
    ['volunteers arrived at {dawn}'],
    ['WE {WILL} NEED TO BE HONEST'],
    ['Christmas and {Hope} Street'],
  ])('fires none for the ordinary word in %j', (marked) => {
    expect(rowFor(marked)).toBeUndefined()
  })
})
