/**
 * Near-miss spellings of a roster name, as speech-to-text and hurried typing write them (held-out set 4's AI recap
 * wrote Constance Reed as `Constant Read`): a pair of capitalised words each a few edits off the same participant's
 * given name and surname, and one word a letter off a name in a name position (`Fortuen:`). Removed by the rewriter
 * (its recogniser, `near-names.ts`) and, with the rewriter off, flagged by the paranoid audit with its own fold; the
 * dictionary words they resemble, written as words, stay.
 */
import {describe, expect, it} from 'vitest'
import {anonymiseText} from '../../src/anonymise/index.js'
import {allowedEdits, editDistance} from '../../src/anonymise/near-names.js'
import {createParanoidAuditor} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {
  people: [
    {name: 'Constance Reed', org: 'Torfaen County Borough Council', aliases: []},
    {name: 'Fortune Adebayo', org: 'Sandwell Council', aliases: []},
    {name: 'Katherine Doyle', org: 'Wirral Council', aliases: []},
    {name: 'Mohammed Farouk', org: 'Oldham Council', aliases: []},
    {name: 'Geoffrey Marsh', org: 'Cumbria Council', aliases: []},
  ],
  share: [],
}
const audit = createParanoidAuditor(roster)

/** Misheard or mistyped forms, each with the words that must go. */
const forms: Array<[string, string]> = [
  ['both words misheard, dictionary words', 'Constant Read'],
  ['both words a letter off', 'Katharine Doyel'],
  ['given name two letters off, surname as written', 'Jeffrey Marsh'],
  ['given name and surname a letter off', 'Mohamed Farook'],
]
/** Where a note puts a name: `{n}` is the name. */
const positions: Array<[string, string]> = [
  ['the subject of a verb of saying', '{n} explained that link workers hold caseloads of over 250'],
  ['the subject of a verb a person does', '- {n} will send the caseload guidance to the group'],
  ['an action owner', '- {n} to share the referral data by Friday'],
  ['a label', '- {n}: the waiting list is longer than for the GP'],
  ['a trailing attribution', '- "nobody plans to be lonely" — {n}'],
  ['an aside', '- the handover works when someone goes too ({n})'],
  ['inside a sentence', '- the recap says {n} raised the gap between referrals and groups'],
  ['quoted whole', '- the transcript called her "{n}" throughout'],
  ['a possessive', "- {n}'s team built a directory"],
]
const table = forms.flatMap(([form, name]) => positions.map(([position, template]) => [`${form} as ${position}`, template.replace('{n}', name), name] as const))

describe('a roster name misheard or mistyped', () => {
  it.each(table)('is removed by the rewriter: %s', (_, line, name) => {
    const out = anonymiseText(line, roster).value
    for (const word of name.split(' ')) expect(out).not.toMatch(new RegExp(`\\b${word}\\b`, 'u'))
  })
  it.each(table)('is flagged by the audit alone, the rewriter off: %s', (_, line, name) => {
    const flagged = audit.scan(line).map((suspect) => suspect.text)
    for (const word of name.split(' ')) expect(flagged).toContain(word)
  })

  const labels: Array<[string, string]> = [
    ['a label', '- Fortuen: the waiting list for the walking group is longer'],
    ['a label, lower case', '- fortuen: the waiting list for the walking group is longer'],
    ['the subject of a verb of saying', '- Adebeyo said the groups need paying, not thanking'],
    ['an action owner', '- Farouq to send the data'],
  ]
  it.each(labels)('one word a letter off a name, in a name position, is removed and flagged: %s', (_, line) => {
    const word = /(?:fortuen|adebeyo|farouq)/iu.exec(line)![0]
    expect(anonymiseText(line, roster).value).not.toContain(word)
    expect(audit.scan(line).map((suspect) => suspect.text)).toContain(word)
  })
})

describe('the words a misheard name resembles, written as words', () => {
  const words = [
    '- a constant reading of the data beats a survey once a year',
    '- the link workers need a constant read on who is waiting',
    '- Read the room before you refer: some people want a person, not a group',
    '- Constant Reading: a column in the monthly return',
    '- the marsh walk on Thursdays has a waiting list',
    '- Katherine Docks is the old name of the quay',
  ]
  it.each(words)('keeps %j', (line) => {
    expect(anonymiseText(line, roster).value).toBe(line)
  })
  it.each(words.slice(0, 3))('is not flagged by the audit: %j', (line) => {
    expect(audit.scan(line)).toEqual([])
  })
})

describe('edits scaled to length', () => {
  it('counts a swap of two letters as one edit, and stops counting past the limit', () => {
    expect(editDistance('fortuen', 'fortune', 2)).toBe(1)
    expect(editDistance('constant', 'constance', 2)).toBe(2)
    expect(editDistance('jeffrey', 'geoffrey', 2)).toBe(2)
    expect(editDistance('reading', 'reed', 2)).toBe(3)
  })
  it('allows no edit under four letters, one to seven, two from eight', () => {
    expect([3, 4, 7, 8, 12].map(allowedEdits)).toEqual([0, 1, 1, 2, 2])
  })
})
