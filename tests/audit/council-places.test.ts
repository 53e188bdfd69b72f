/**
 * The paranoid audit's second opinion on places that identify a participant (issue 15, brief 15L): a town or village
 * in a non-shared participant's council area is a leak where it names the place, found by the audit's own word
 * matching over the same data table the rewriter reads (src/data/council-areas.ts), never by the rewriter's finder.
 *
 * Table-driven: position × form × case × (in the area / outside it / the council shared).
 */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {createAuditor, leakDiagnostics} from '../../src/audit/index.js'
import {createParanoidAuditor, placeInArea} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'

const people = (...orgs: string[]): Roster['people'] => orgs.map((org, at) => ({name: ['Margaret Field', 'Ben Marsh', 'Ana Lee'][at]!, org, aliases: []}))

/** `place`: the line names the place there; lower case is a place only where only a place goes. */
const positions: Array<[string, string, boolean]> = [
  ['after a place preposition', 'the pilot ran in X last spring', true],
  ['over in', 'over in X the library became the hub', true],
  ['after from', 'a tenant from X called twice', true],
  ['before a noun', 'calling on behalf of the X scheme', false],
  ['in brackets after a speaker', 'Juror 7 (60s, retired, X): the pot was empty', false],
  ['alone in a cell', 'X', false],
]

const cases: Array<[string, (place: string) => string, boolean]> = [
  ['as written', (place) => place, true],
  ['in capitals', (place) => place.toUpperCase(), true],
  ['in lower case', (place) => place.toLowerCase(), false],
]

const areas: Array<[string, Roster, boolean]> = [
  ['in a participant’s area', {people: people('Sefton Council', 'Merthyr Tydfil County Borough Council', 'Leeds City Council'), share: ['Leeds City Council']}, true],
  ['outside every participant’s area', {people: people('Hartlepool Borough Council', 'Leeds City Council'), share: []}, false],
  ['in a shared council’s area', {people: people('Sefton Council', 'Merthyr Tydfil County Borough Council'), share: ['Sefton Council', 'Merthyr Tydfil County Borough Council']}, false],
]

const flagged = (roster: Roster, text: string) =>
  createParanoidAuditor(roster, {ordinary: []})
    .scan(text)
    .filter((suspect) => suspect.kind === 'organisation')
    .map((suspect) => suspect.text.toLowerCase())

describe('the audit and a place in a participant’s council area', () => {
  for (const [area, roster, inArea] of areas) {
    for (const [caseName, write, capital] of cases) {
      for (const [position, line, placeOnly] of positions) {
        for (const place of ['Bootle', 'Treharris']) {
          const text = line.replace('X', write(place))
          const leak = inArea && (capital || placeOnly)
          it(`${leak ? 'flags' : 'passes'} it ${area}, ${caseName}, ${position}: ${JSON.stringify(text)}`, () => {
            if (leak) expect(flagged(roster, text)).toContain(place.toLowerCase())
            else expect(flagged(roster, text)).not.toContain(place.toLowerCase())
          })
        }
      }
    }
  }

  const somerset: Roster = {people: people('Somerset Council'), share: []}
  it.each(['the pilot ran in Street last spring', 'a tenant from Wells called twice'])('flags a place that is also a word where only a place goes: %j', (line) => {
    expect(flagged(somerset, line)).toHaveLength(1)
  })
  it.each(['we walked down the street to the hub', 'Street lighting came up twice', 'the wells ran dry', 'over in the street market', 'Wells-next-the-Sea was next to nothing'])(
    'passes a place’s word used as the word: %j',
    (line) => {
      expect(flagged({people: people('Somerset Council', 'Norfolk County Council'), share: []}, line).filter((text) => text !== 'wells')).toEqual([])
    },
  )
  it.each(['the Isle of Lewis', 'in Wales they tried it first', 'Christmas carol concerts'])('passes what no participant’s area holds: %j', (line) => {
    expect(flagged({people: people('Sefton Council', 'Rotherham Metropolitan Borough Council', 'Comhairle nan Eilean Siar'), share: []}, line)).toEqual([])
  })

  it.each(['Dennis Hartley wrote the report everyone quoted', 'under the Chatham House rule, nothing is attributed', 'SEND tribunals went up again'])('passes a place that is part of another name: %j', (line) => {
    expect(flagged({people: people('Kent County Council', 'Medway Council', 'Surrey County Council'), share: []}, line)).toEqual([])
  })

  it('passes a place the notes mark as not meant, by the phrase around it in `share`', () => {
    const roster: Roster = {people: people('Sefton Council'), share: ['Waterloo station']}
    expect(flagged({people: people('Sefton Council'), share: []}, 'we met at Waterloo station')).toEqual(['waterloo'])
    expect(flagged(roster, 'we met at Waterloo station')).toEqual([])
  })

  it('says what the place is and how to mark an ordinary use', () => {
    const roster: Roster = {people: people('Sefton Council'), share: []}
    const source = '---\ntitle: T\n---\n\n- calling on behalf of the Bootle scheme\n'
    // The finder sees it too (the rewriter's forms); the audit's own word reports its place where the finder is silent.
    expect(createAuditor(roster, source, undefined, []).scan('calling on behalf of the Bootle scheme', 'html').map((leak) => leak.text)).toEqual(['Bootle'])
    const [diagnostic] = leakDiagnostics([{text: 'Bootle', person: 'Sefton Council', kind: 'organisation', where: 'html', context: 'the Bootle scheme', line: 5, column: 1, paranoid: true, position: placeInArea}], 'notes.md')
    expect(diagnostic?.message).toContain("is a place in an attendee's council area")
    expect(diagnostic?.message).toContain('to `share` in the front matter')
  })

  it('matches with its own code: the audit imports the table, not the rewriter’s finder', () => {
    const source = fs.readFileSync(new URL('../../src/audit/paranoid.ts', import.meta.url), 'utf8')
    const imports = [...source.matchAll(/^import .* from '([^']+)'/gmu)].map((match) => match[1])
    expect(imports).toContain('../data/council-areas.js')
    expect(imports.filter((path) => /anonymise\/(?:orgs|matcher|text|index)\.js$/u.test(path!))).toEqual([])
  })
})
