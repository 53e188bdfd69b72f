/**
 * Two audit rows the last review found missing (issue 15, brief 15r): a speaker's label with a word of time between the
 * name and its colon (`Grant again:`, `Grant later:`, `Sue (again):`, `Mark again, later, on leadership:`), and a user
 * named in a web address's query (`?u=frank_dh`, `profile.php?user=sue.field`). Each over the line's start and a label
 * after a sentence, the roster's word names and plain ones, in every case; with nothing recorded (the rewriter off) and
 * with every word recorded as an ordinary use (the most a rewriter can wrongly say), which the position overrules. The
 * same shapes with ordinary words are not flagged.
 */
import {describe, expect, it} from 'vitest'
import {createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {
  people: [
    {name: 'Grant Okafor', org: 'Leeds City Council', aliases: []},
    {name: 'Sue Field', aliases: []},
    {name: 'Mark Hill', aliases: []},
    {name: 'Frank Osei', aliases: []},
    {name: 'Tamsin Ferreira', aliases: []},
  ],
  share: ['Leeds City Council'],
}

function flagged(line: string, recordAll: boolean): string[] {
  const recorded = recordAll ? [...line.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ordinaryUse(line, match.index, match.index + match[0].length)) : []
  return createParanoidAuditor(roster, {ordinary: recorded, source: line}).scan(line).map((suspect) => suspect.text.toLowerCase())
}

const cases: Array<[string, (text: string) => string]> = [
  ['as written', (text) => text],
  ['lower', (text) => text.toLowerCase()],
  ['upper', (text) => text.toUpperCase()],
]

const labels = [
  '{n} again: the pilot ran out of money.',
  '{n} later: the pilot ran out of money.',
  '- {n} (again): the pilot ran out of money.',
  '- {n} again, later, on leadership: a coordinator with no seat is a gesture.',
  '{n} too: we never saw the budget.',
  "{n} (cont'd): the pilot ran out of money.",
  'That is the budget. {n} again: the pilot ran out of money.',
]

describe.each(['Grant', 'Sue', 'Mark', 'Tamsin', 'Okafor'])('a label with a word of time, the name %s', (name) => {
  describe.each(cases)('%s', (_case, apply) => {
    it.each(labels)('flags the name in %j', (template) => {
      const line = apply(template.replace('{n}', name))
      for (const recordAll of [false, true]) expect(flagged(line, recordAll)).toContain(name.toLowerCase())
    })
  })
})

describe('a user named in a web address query', () => {
  it.each([
    ['https://forum.example.org/memberlist.php?mode=viewprofile&u=frank_dh', ['frank']],
    ['https://example.org/profile.php?user=sue.field', ['sue', 'field']],
    ['https://example.org/people?username=grant-okafor&tab=posts', ['grant', 'okafor']],
    ['https://example.org/p?author=tamsin', ['tamsin']],
    ['https://example.org/showuser.php?uid=12&name=mark.hill', ['mark', 'hill']],
  ])('flags the user in %s', (url, names) => {
    for (const [, apply] of cases) {
      const line = `See [the thread](${apply(url)}) for more.`
      for (const recordAll of [false, true]) expect(flagged(line, recordAll)).toEqual(expect.arrayContaining(names))
    }
  })
})

describe('the same shapes with ordinary words', () => {
  it.each([
    'Grant funding again: the pilot ran out of money.',
    'We will mark it again later: the plan.',
    'See https://example.org/search?q=grant+funding&page=2 for the list.',
    'See https://example.org/guide?topic=mark-the-date for the list.',
  ])('does not flag %j where the rewriter recorded its words', (line) => {
    expect(flagged(line, true)).toEqual([])
  })
})
