/**
 * Shapes of notes from a fourth held-out set (measured blind, then fixed as classes): a flipchart read by
 * OCR (`R0SA`, `STOCKT0N`), a sign-in sheet's family-name-first capitals (`NGUYEN Van An`), a hyphenated
 * given name's letters (`S-J`), an outline's numbering and a field's name before a label or an owner
 * (`i. May:`, `Follow-up:: May to send`), and a council by its article-led or joined name (`The Highland
 * Council`, `Derry City and Strabane`). Each is removed by the rewriter and, with the rewriter switched off,
 * flagged by the paranoid audit with its own tables; the ordinary words beside them survive.
 */
import {describe, expect, it} from 'vitest'
import {anonymiseText} from '../../src/anonymise/index.js'
import {familyNameLast} from '../../src/anonymise/forms.js'
import {createParanoidAuditor} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {
  people: [
    {name: 'Rosa Fielding', org: 'Oldham Council', aliases: []},
    {name: 'NGUYEN Van An', org: 'Peterborough City Council', aliases: []},
    {name: 'Sarah-Jane Kitching', org: 'Slough Borough Council', aliases: []},
    {name: 'May Okonkwo', org: 'North Yorkshire Council', aliases: []},
    {name: 'Morag Fraser', org: 'The Highland Council', aliases: []},
    {name: 'Kieran Dalaigh', org: 'Derry City and Strabane District Council', aliases: []},
    {name: 'Sam Hunter', org: 'Gateshead Central PCN', aliases: []},
  ],
  share: [],
}
const audit = createParanoidAuditor(roster)

describe('a roster name written the way a scan, a sign-in sheet or an outline writes it', () => {
  const leaks: Array<[string, RegExp]> = [
    ['R0SA SAID THE WAITING LIST IS 6 YEARS', /R0SA/],
    ['WAITING LISTS ARE LONGEST IN 0LDHAM', /0LDHAM/],
    ['- An said it plainly: "without English you are a guest forever"', /\bAn\b/],
    ['- S-J: "if it is only in the environment portfolio, it dies there"', /S-J/],
    ['   i. May: one block needed £40k of repairs after a single bad summer', /\bMay\b/],
    ['Follow-up:: May to send the contract template', /\bMay\b/],
    ['- A Highland community council runs its village toilets', /Highland/],
    ['- the Derry & Strabane advice line has a manager', /Derry|Strabane/],
  ]
  it.each(leaks)('is removed by the rewriter: %j', (line, name) => {
    expect(anonymiseText(line, roster).value).not.toMatch(name)
  })
  it.each(leaks)('is flagged by the audit alone, the rewriter off: %j', (line) => {
    expect(audit.scan(line).length).toBeGreaterThan(0)
  })

  const ordinary = ['- an interpreter was on the phone line for Arabic', '- An interpreter joined at eleven', '- we open the toilets in May before the season', "- the PCN's referral data will be shared", '- the OCR read 10am as 1Oam and 20mph as 2Omph']
  it.each(ordinary)('leaves the ordinary words beside them: %j', (line) => {
    expect(anonymiseText(line, roster).value).toBe(line)
  })
  it.each(ordinary.slice(0, 2).concat(ordinary.slice(3)))('is not flagged by the audit where the words are ordinary: %j', (line) => {
    expect(audit.scan(line).filter((suspect) => suspect.position !== undefined || suspect.kind === 'organisation')).toEqual([])
  })

  it('reads a name written family name first in capitals as given names first, and leaves initials and all-capital names alone', () => {
    expect(['NGUYEN Van An', 'ZHANG Wei', 'DE LA CRUZ María', 'JJ Okafor', 'Mary SMITH', 'MARY SMITH'].map(familyNameLast)).toEqual(['Van An NGUYEN', 'Wei ZHANG', 'María DE LA CRUZ', 'JJ Okafor', 'Mary SMITH', 'MARY SMITH'])
  })

  it('writes a place used as an adjective after `a` as `local`, keeping the sentence', () => {
    expect(anonymiseText('- A Highland community council runs its village toilets', roster).value).toBe('- A local community council runs its village toilets')
  })
})
