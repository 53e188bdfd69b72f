/**
 * Classes of ordinary use the paranoid audit accepts (a month in a date, a language tag, an abbreviation
 * the notes define or use as a common noun), each with the same token in a name position still flagged.
 */
import {describe, expect, it} from 'vitest'
import {createAuditor} from '../../src/audit/index.js'
import {createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'
import {anonymise} from '../anonymise/helpers.js'

const roster: Roster = {
  people: [
    {name: 'Jolene Swift', org: 'March Town Council', aliases: []},
    {name: 'June Prendergast', aliases: []},
    {name: 'Gurpreet Banks', aliases: []},
    {name: 'Priya Black', aliases: []},
  ],
  share: [],
}
const source = 'notes\n- GB: it worked\n- PB is cheap\n'
const flagged = (text: string, ordinary: string[] = []) => createParanoidAuditor(roster, {source, ordinary}).scan(text).map((suspect) => suspect.text)

describe('a month in a date', () => {
  it.each(['Peer Learning Exchange, 14 March 2019: Family hubs', 'Innovation Exchange · March 2019', 'On 14 March 2019, the network met', 'on March 14, 2019 we met', 'held on 1st of June 2021', 'Exchange · June 2021'])('is accepted: %j', (text) => {
    expect(flagged(text)).toEqual([])
  })

  it.each([
    ['over in March they got there a year earlier', 'March'],
    ['In March they ran a pilot that stalled', 'March'],
    ['June: help should come first', 'June'],
    ['10:30 June: help should come first', 'June'],
    ['June said help should come first', 'June'],
  ])('is still flagged outside a date or in a name position: %j', (text, token) => {
    expect(flagged(text)).toContain(token)
  })
})

describe('a language tag', () => {
  it.each(['<html lang="en-GB">', 'lang: en-GB', 'the forms are in cy-GB too'])('is accepted: %j', (text) => {
    expect(flagged(text)).toEqual([])
  })

  it.each(['GB: it worked', 'GB said it worked', 'it worked – GB', 'en - GB said it worked'])('is still flagged as initials: %j', (text) => {
    expect(flagged(text)).toContain('GB')
  })
})

describe('an abbreviation', () => {
  it('defined in brackets after the words it spells is accepted as recorded, not read as an aside', () => {
    const line = 'we tried participatory budgeting (PB) in three wards'
    const at = line.indexOf('PB')
    expect(flagged(line, [ordinaryUse(line, at, at + 2)])).toEqual([])
  })

  it.each(['the pilot worked (PB)', 'PB: it was cheap', 'PB said it was cheap', '**PB:** it was cheap', 'as PB put it, cheap'])('is still flagged in a name position, recorded or not: %j', (line) => {
    const at = line.indexOf('PB')
    expect(flagged(line, [ordinaryUse(line, at, at + 2)])).toContain('PB')
  })

  it('passes end to end where the notes define it, and a label with the same capitals spliced in is caught', () => {
    const front = '---\ntitle: T\nattendees:\n  - { name: Priya Black, org: Dudley Council }\n---\n'
    const notes = '## Notes\n\n- we tried participatory budgeting (PB) in three wards\n- PB is the cheapest trust-building exercise we have ever run\n- Is there a real budget behind our PB?\n- PB: it was cheap\n'
    const {file, markdown} = anonymise(notes, front)
    const auditor = createAuditor(file.data.roster!, String(file.value), file.data.meta, file.data.ordinary)
    expect(auditor.scan(markdown, 'md')).toEqual([])
    expect(auditor.scan(`${markdown}\n- PB said so`, 'md').map((leak) => leak.text)).toContain('PB')
  })
})

describe('a user name', () => {
  const people: Roster = {people: [{name: 'Summer Price', aliases: []}], share: []}
  it.each(['slack: summer.price on the workspace', 'ping summer_price today'])('is flagged even where the rewriter recorded the words: %j', (line) => {
    const at = line.search(/summer/)
    const auditor = createParanoidAuditor(people, {source: line, ordinary: [ordinaryUse(line, at, at + 'summer.price'.length)]})
    expect(auditor.scan(line).map((suspect) => suspect.position)).toEqual(['a user name: `first.last`', 'a user name: `first.last`'])
  })

  it('accepts the same words apart, where recorded', () => {
    const line = 'the summer price cap hit everyone'
    const at = line.indexOf('summer')
    const auditor = createParanoidAuditor(people, {source: line, ordinary: [ordinaryUse(line, at, at + 'summer price'.length)]})
    expect(auditor.scan(line)).toEqual([])
  })
})
