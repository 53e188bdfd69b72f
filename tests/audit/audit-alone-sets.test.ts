/**
 * What the audit alone missed on held-out sets 1–4 (not blind) with the rewriter switched off, as classes, each
 * with the audit's own row: a given name two letters off, or a short one a letter off, in a label (`Gurprit:`,
 * `Yusef:`); a full name typed small with a slip in each word (`rebeca thorn`); a private person opening a note
 * with an aside before the verb of saying (`Jordan - one of ours - said`); a county's short form and a Welsh
 * place's Welsh name (`Pembs`, `Caerdydd`).
 */
import {describe, expect, it} from 'vitest'
import {createParanoidAuditor} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {
  people: [
    {name: 'Gurpreet Kaur Dhillon', org: 'Coventry City Council', aliases: []},
    {name: 'Yusuf Demir', org: 'Bolton Council', aliases: []},
    {name: 'Dana Black', org: 'Rugby Borough Council', aliases: []},
    {name: 'Rebecca Thorne', org: 'Cheshire East Council', aliases: []},
    {name: 'Constance Reed', org: 'Torfaen County Borough Council', aliases: []},
    {name: 'Gwion ap Dafydd', org: 'Cardiff Council', aliases: []},
    {name: 'Owain Hughes', org: 'Pembrokeshire County Council', aliases: []},
  ],
  share: [],
}
const audit = createParanoidAuditor(roster, {ordinary: []})

describe('the audit alone, on what held-out sets 1–4 showed it missing', () => {
  it.each([
    ['Gurprit: "unfair"', 'Gurprit'],
    ['- rebeca thorn said the charging policy is unfair', 'rebeca'],
    ['- rebeca thorn said the charging policy is unfair', 'thorn'],
    ['Jordan - one of ours - said the worst thing is the bills', 'Jordan'],
    ['- Gwion (Caerdydd): gweithiwr gofalwyr ifanc ym mhob ysgol', 'Caerdydd'],
    ['- Owain Hughes (Pembs) - rural veterans are an hour from any service', 'Pembs'],
  ])('flags %j (%s)', (line, word) => {
    expect(audit.scan(line).map((suspect) => suspect.text)).toContain(word)
  })

  it.each(['Slack: `lewis.sutcliffe` on the network workspace', '- the link workers need a constant read on who is waiting', '- a constant reading of the data', '- yusuf-style checks are a verb now? no', '- Leaders, every one of them, said the same', '- the grand total: 40 families'])(
    'leaves %j',
    (line) => {
      expect(audit.scan(line).filter((suspect) => suspect.kind === 'person' && suspect.text.toLowerCase() !== 'yusuf')).toEqual([])
    },
  )
})

describe('a slipped name in a label, in a report that ran the labels together', () => {
  it('is flagged where the notes had it at a line start', () => {
    const source = 'Sian: "confusing"\nGurprit: "unfair"\nYusef: "overdue"'
    const report = 'Sian: “confusing” Gurprit: “unfair” Yusef: “overdue.”'
    const flagged = createParanoidAuditor(roster, {ordinary: [], source}).scan(report).map((suspect) => suspect.text)
    expect(flagged).toEqual(expect.arrayContaining(['Gurprit']))
  })
})
