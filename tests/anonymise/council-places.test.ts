/**
 * Places that identify a participant (issue 15, brief 15L): a town or village inside a non-shared council's own area
 * (`Bootle` of Sefton Council, `Treharris` of Merthyr Tydfil) goes as the council's short form goes; a place outside
 * the area, a place of a shared council and a place that is also a word outside a place position stay.
 *
 * Table-driven: position × form × case × (in the area / outside it / the council shared).
 */
import {describe, expect, it} from 'vitest'
import {anonymiseText} from '../../src/anonymise/index.js'
import {councilAreaKey, placesInCouncilArea} from '../../src/data/council-areas.js'
import {rosterOrganisations, orgForms} from '../../src/anonymise/orgs.js'
import type {Roster} from '../../src/types.js'

const people = (...orgs: string[]): Roster['people'] => orgs.map((org, at) => ({name: ['Margaret Field', 'Ben Marsh', 'Ana Lee', 'Priya Raman'][at]!, org, aliases: []}))

describe('the council-area table', () => {
  it.each([
    ['Sefton Council', 'sefton'],
    ['Metropolitan Borough of Sefton', 'sefton'],
    ['Sefton MBC', 'sefton'],
    ['Merthyr Tydfil County Borough Council', 'merthyr tydfil'],
    ['Hartlepool Borough Council', 'hartlepool'],
    ['City of Edinburgh Council', 'edinburgh'],
    ['St. Helens Council', 'st helens'],
    ['The Highland Council', 'highland'],
    ['Scottish Borders Council', 'scottish borders'],
    ['Comhairle nan Eilean Siar', 'eilean siar'],
    ['Kent County Council', 'kent'],
  ])('keys %j as %j, the way GeoNames names the area', (name, key) => {
    expect(councilAreaKey(name)).toBe(key)
  })

  it('holds the towns in a council’s area and not those of the next area', () => {
    expect(placesInCouncilArea('Sefton Council')).toEqual(expect.arrayContaining(['Bootle', 'Formby', 'Southport']))
    expect(placesInCouncilArea('Merthyr Tydfil County Borough Council')).toEqual(expect.arrayContaining(['Treharris', 'Aberfan']))
    expect(placesInCouncilArea('Hartlepool Borough Council')).not.toContain('Bootle')
    expect(placesInCouncilArea('Liverpool City Council')).not.toContain('Bootle')
  })

  it('leaves out a village named as a country or another council’s whole area, and Greater London', () => {
    expect(placesInCouncilArea('Rotherham Metropolitan Borough Council')).not.toContain('Wales')
    expect(placesInCouncilArea('Isle of Wight Council')).not.toContain('Newport')
    expect(placesInCouncilArea('Greater London Authority')).toEqual([])
    expect(placesInCouncilArea('Good Things Foundation')).toEqual([])
  })

  it('gives a council’s places as forms of its organisation, the words among them ambiguous, and none to a shared council', () => {
    const forms = (roster: Roster) => rosterOrganisations(roster).flatMap((org, at) => orgForms(org, at)).filter((form) => form.kind === 'place')
    const somerset = forms({people: people('Somerset Council'), share: []})
    expect(somerset.find((form) => form.text === 'Street')?.ambiguous).toBe(true)
    expect(somerset.find((form) => form.text === 'Glastonbury')?.ambiguous).toBe(false)
    expect(forms({people: people('Somerset Council'), share: ['Somerset Council']})).toEqual([])
    expect(forms({people: people('Good Things Foundation'), share: []})).toEqual([])
  })
})

/** Where a place stands, `X` the place as written in the case under test. */
const positions: Array<[string, string]> = [
  ['after a place preposition', 'the pilot ran in X last spring'],
  ['over in', 'over in X the library became the hub'],
  ['before a noun', 'the X residents asked for a meeting'],
  ['a possessive', "X's food bank opened late"],
  ['in brackets after a speaker', 'Juror 7 (60s, retired, X): the pot was empty'],
  ['a bare table cell', '| X | 3 calls |'],
  ['after from', 'a tenant from X called twice'],
]

/** Case: how the place is written. A place that is no word is the place in any case, as the council's short form is. */
const cases: Array<[string, (place: string) => string]> = [
  ['as written', (place) => place],
  ['in lower case', (place) => place.toLowerCase()],
  ['in capitals', (place) => place.toUpperCase()],
]

/** Whose area: the participant's own, shared, or another council's. */
const areas: Array<[string, Roster, boolean]> = [
  ['in the participant’s area', {people: people('Sefton Council', 'Merthyr Tydfil County Borough Council', 'Leeds City Council'), share: ['Leeds City Council']}, true],
  ['outside every participant’s area', {people: people('Hartlepool Borough Council', 'Leeds City Council'), share: []}, false],
  ['in a shared council’s area', {people: people('Sefton Council', 'Merthyr Tydfil County Borough Council'), share: ['Sefton Council', 'Merthyr Tydfil County Borough Council']}, false],
]

const places = ['Bootle', 'Treharris']

describe('a place in a participant’s council area', () => {
  for (const [area, roster, removed] of areas) {
    for (const [caseName, write] of cases) {
      for (const [position, line] of positions) {
        for (const place of places) {
          const text = line.replace('X', write(place))
          it(`${removed ? 'is removed' : 'stays'} ${area}, ${caseName}, ${position}: ${JSON.stringify(text)}`, () => {
            const {value} = anonymiseText(text, roster)
            if (removed) expect(value.toLowerCase()).not.toContain(place.toLowerCase())
            else expect(value).toContain(write(place))
          })
        }
      }
    }
  }

  it('is rewritten as the council’s short form is', () => {
    const roster: Roster = {people: people('Sefton Council'), share: []}
    expect(anonymiseText('over in Bootle the library became the hub', roster).value).toBe(anonymiseText('over in Sefton the library became the hub', roster).value)
    expect(anonymiseText("Bootle's food bank opened late", roster).value).toBe(anonymiseText("Sefton's food bank opened late", roster).value)
  })
})

describe('a place that is also a word', () => {
  const roster: Roster = {
    people: people('Somerset Council', 'Kent County Council', 'Trafford Council', 'Hertfordshire County Council'),
    share: [],
  }
  // Street and Wells (Somerset), Deal (Kent), Sale (Trafford), Ware (Hertfordshire).
  it.each([
    ['the pilot ran in Street last spring', 'Street'],
    ['a tenant from Wells called twice', 'Wells'],
    ['over in Deal the library became the hub', 'Deal'],
    ["Sale's food bank opened late", 'Sale'],
    ['the scheme (Ware) took referrals', 'Ware'],
  ])('goes where only a place fits: %j', (line, place) => {
    expect(anonymiseText(line, roster).value).not.toContain(place)
  })

  it.each([
    'we walked down the street to the hub',
    'Street lighting came up twice',
    'Deal with the backlog first, then the rest',
    'the deal was signed in May',
    'the wells ran dry in the drought',
    'the car boot sale raised £200',
    'Sale of the old depot paid for it',
    'software ware and hardware',
  ])('stays where it is the word: %j', (line) => {
    expect(anonymiseText(line, roster).value).toBe(line)
  })
})

describe('places no participant’s area holds', () => {
  const roster: Roster = {people: people('Sefton Council', 'Rotherham Metropolitan Borough Council', 'Comhairle nan Eilean Siar'), share: []}
  it.each(['the Isle of Lewis stays as it was', 'in Wales they tried it first', 'a visit to Liverpool and Leeds', 'Christmas carol concerts', 'we will Mark the date'])('stay: %j', (line) => {
    expect(anonymiseText(line, roster).value).toBe(line)
  })
})

describe('a place that is part of another name', () => {
  // Hartley (Kent), Chatham (Medway), Send (Surrey): the digests of sets 1–6 and the archive against main found each.
  const roster: Roster = {people: people('Kent County Council', 'Medway Council', 'Surrey County Council'), share: []}
  it.each(['Dennis Hartley wrote the report everyone quoted', 'under the Chatham House rule, nothing is attributed', 'SEND tribunals went up again'])('stays: %j', (line) => {
    expect(anonymiseText(line, roster).value).not.toMatch(/council/iu)
  })
  it.each(['we met in Hartley last spring', 'the Chatham pilot ran for a year', 'a tenant from Send called twice'])('goes where it is the place: %j', (line) => {
    expect(anonymiseText(line, roster).value).toMatch(/council/iu)
  })
})
