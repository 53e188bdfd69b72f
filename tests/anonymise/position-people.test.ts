/**
 * A private person not on the roster whose given name is also a place or a word (held-out set 4: `R4: Jordan - one of
 * ours - said`, in a research interview): the place veto of the rules for people not on the roster must not beat a
 * position only a person fills. The rewriter removes the name there (`position-people.ts`, and the respondent's tag
 * and the aside between a subject and its verb in `name-positions.ts`); with the rewriter off, the audit flags a
 * capitalised word in a respondent's tag or as the subject of saying after a speaker's label (its own rows,
 * `unrosteredPositions`). The same words as places stay.
 */
import {describe, expect, it} from 'vitest'
import {anonymiseText} from '../../src/anonymise/index.js'
import {createParanoidAuditor} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {people: [{name: 'Shona Brodie', org: 'Dundee City Council', aliases: []}], share: []}
const audit = createParanoidAuditor(roster)

const names = ['Jordan', 'Chelsea', 'Kenya', 'Georgia', 'Devon', 'Paris']
/** `{n}` is the name; `audit`: the audit's own rows cover the position too. */
const positions: Array<{position: string; template: string; audit: boolean}> = [
  {position: 'a respondent tag', template: 'R2 ({n}): my mum got worse the year I did my exams', audit: true},
  {position: 'a respondent tag, spelled out', template: 'Respondent 4 ({n}): the school only found out in March', audit: true},
  {position: "a young person's tag", template: 'YP1 ({n}): I was doing the shopping at eleven', audit: true},
  {position: 'the subject of saying after a label, with a dash aside', template: 'R4: {n} - one of ours - said the worst thing is the bills', audit: true},
  {position: 'the subject of saying after a label, with a comma aside', template: 'R4: {n}, one of ours, said the worst thing is the bills', audit: true},
  {position: 'the subject of saying after a label', template: 'R1: {n} told us the flat had no cooker', audit: true},
  {position: 'the subject of saying', template: '- {n} said the carers card stopped the questions', audit: false},
  {position: "a relative's owner", template: "- {n}'s mum came to the group once", audit: false},
  {position: "a worker's owner", template: "- {n}'s social worker changed three times", audit: false},
]
const table = positions.flatMap(({position, template, audit: audited}) => names.map((name) => [`${position}: ${name}`, template.replace('{n}', name), name, audited] as const))

describe('a private person named by a place or a word, where only a person goes', () => {
  it.each(table)('is removed by the rewriter: %s', (_, line, name) => {
    expect(anonymiseText(line, roster).value).not.toMatch(new RegExp(`\\b${name}\\b`, 'u'))
  })
  it.each(table.filter(([, , , audited]) => audited))('is flagged by the audit alone, the rewriter off: %s', (_, line, name) => {
    const flagged = audit.scan(line).filter((suspect) => suspect.unrostered)
    expect(flagged.map((suspect) => suspect.text)).toContain(name)
  })
})

describe('the same words as places and things', () => {
  const places = [
    '- we went to a conference in Jordan about refugee carers',
    '- the Kenya exchange trip was paid for by the trust',
    '- a young carers law in Georgia, the only US state with one',
    "- Paris's carers network sent a delegation",
    '- R2 (housing options, Fife): the protocol works',
    'Interviewer: Noted, you will be R2.',
  ]
  it.each(places)('keeps %j', (line) => {
    expect(anonymiseText(line, roster).value).toBe(line)
  })
  it.each(places)('is not flagged by the audit: %j', (line) => {
    expect(audit.scan(line)).toEqual([])
  })
  it.each(['R2 (Housing Officer): the protocol works', 'R4: Someone - one of ours - said the bills', 'R3: One participant said it first', 'R2 (NHS): waiting lists'])(
    'reads a role, an abbreviation and the rewriter\'s own words as no one: %j',
    (line) => {
      expect(audit.scan(line)).toEqual([])
    },
  )
})
