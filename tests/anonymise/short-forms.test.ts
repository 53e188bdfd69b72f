/**
 * Forms the roster does not spell out: what a long given name is shortened to (`Olu` of Olusegun,
 * `Kath` of Katherine) and a place's plural (`the Highlands` of Highland Council). The rewriter takes
 * them only where a person or a place fits (a possessive, a label, after `in`), and the paranoid audit,
 * with its own lists, flags them there when the rewriter is switched off.
 */
import {describe, expect, it} from 'vitest'
import {anonymiseText} from '../../src/anonymise/index.js'
import {shortGivenNames} from '../../src/anonymise/forms.js'
import {createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {
  people: [
    {name: 'Olusegun Bakare', org: 'Moray Council', aliases: []},
    {name: 'Katherine Ibsen', org: 'Highland Council', aliases: []},
    {name: 'Mateusz Nowak', org: 'Fife Council', aliases: []},
  ],
  share: [],
}

describe('short forms of a given name', () => {
  it('are the first three and four letters of a single given name of six letters or more', () => {
    expect(shortGivenNames('Olusegun')).toEqual(['Olu', 'Olus'])
    expect(shortGivenNames('Katherine')).toEqual(['Kat', 'Kath'])
    expect(shortGivenNames('Priya')).toEqual([])
    expect(shortGivenNames('Mary-Jane')).toEqual([])
  })

  const named = ["Olu's team in the north ran the pilot", "- Kath's lot tried it first", '- Olu: the pilot ran for a year', 'thanks Kath, the form is fixed']
  it.each(named)('are removed where a person fits: %j', (line) => {
    const {value} = anonymiseText(line, roster)
    expect(value).not.toMatch(/\b(?:Olu|Kath)\b/)
  })

  const ordinary = ['the Mate of the ship', 'Kathmandu and the Olympics', 'a Kat-5 cable']
  it.each(ordinary)('are left where no person fits: %j', (line) => {
    expect(anonymiseText(line, roster).value).toBe(line)
  })

  it.each(["Olu's team in the north ran the pilot", '- Kath: the pilot ran for a year'])('are flagged by the audit where a person fits, with no rewriter: %j', (line) => {
    expect(createParanoidAuditor(roster, {ordinary: []}).scan(line).map((suspect) => suspect.text)).toEqual([line.match(/Olu|Kath/)![0]])
  })

  it('are not flagged by the audit in ordinary text', () => {
    expect(createParanoidAuditor(roster, {ordinary: []}).scan('We flew to Kathmandu; the Olympics were on.')).toEqual([])
  })
})

describe("a place's plural", () => {
  it('is the organisation where a place fits, in the rewriter and in the audit', () => {
    expect(anonymiseText('- Up in the Highlands the buses stop at six', roster).value).not.toMatch(/Highland/)
    expect(createParanoidAuditor(roster, {ordinary: []}).scan('Up in the Highlands the buses stop at six').map((suspect) => suspect.kind)).toEqual(['organisation'])
  })
})

describe('a place written in lower case (notes typed or dictated small)', () => {
  const places: Roster = {
    people: [
      {name: 'Rhiannon Tait', org: 'Wirral Council', aliases: []},
      {name: 'Nick Papadopoulos', org: 'Stoke-on-Trent City Council', aliases: []},
      {name: 'Gosia Wisniewska', org: 'Luton Borough Council', aliases: []},
      {name: 'Ann Reid', org: 'Reading Borough Council', aliases: []},
    ],
    share: [],
  }
  const audit = () => createParanoidAuditor(places, {ordinary: []})

  it.each([
    ['- gosia from luton said the court costs double the debt', /luton/i],
    ['over on the wirral their calls halved', /wirral/i],
    ['- in wirral and luton the banded scheme worked', /wirral|luton/i],
  ])('is the organisation in the rewriter when the place is no ordinary word: %j', (line, place) => {
    expect(anonymiseText(line, places).value).not.toMatch(place)
  })

  it.each(['- we will stoke up demand', '- reading the letters aloud helped', '- the trent valley line'])('is left alone where it is an ordinary word and no place fits: %j', (line) => {
    expect(anonymiseText(line, places).value).toBe(line)
  })

  it.each([
    ['nick said in stoke they got rid of the minimum payment', 'stoke'],
    ['gosia from luton made the point', 'luton'],
    ['over on the wirral their calls halved', 'wirral'],
  ])('is flagged by the audit, with no rewriter, where a place fits: %j', (line, place) => {
    expect(audit().scan(line).filter((suspect) => suspect.kind === 'organisation').map((suspect) => suspect.text)).toEqual([place])
  })

  it.each(['we need to stoke up demand', 'reading the letters aloud helped', 'good at reading the room'])('is not flagged by the audit where no place fits: %j', (line) => {
    expect(audit().scan(line).filter((suspect) => suspect.kind === 'organisation')).toEqual([])
  })
})

describe('a place by the short name everyone uses', () => {
  const counties: Roster = {
    people: [
      {name: 'Tamsin Hale', org: 'Staffordshire County Council', aliases: []},
      {name: 'Dev Anand', org: 'Birmingham City Council', aliases: []},
      {name: 'Ola Berg', org: 'Bedfordshire Police', aliases: []},
    ],
    share: [],
  }

  it.each([
    ['- The Staffs-led regional hub halved the wait', /Staffs/],
    ['- the Brum lot say the money arrives in March', /Brum/],
    ['- over in Herts they pooled it', /Herts/],
  ])('is the organisation in the rewriter: %j', (line, place) => {
    const roster = {...counties, people: [...counties.people, {name: 'Kit Lowe', org: 'Hertfordshire County Council', aliases: []}]}
    expect(anonymiseText(line, roster).value).not.toMatch(place)
  })

  it('is left alone where it is an ordinary word: hospital beds', () => {
    expect(anonymiseText('- hospital beds are blocked every winter', counties).value).toBe('- hospital beds are blocked every winter')
  })

  it.each([['The Staffs-led regional hub halved the wait', 'Staffs'], ['the Brum lot say the money arrives', 'Brum']])('is flagged by the audit, with no rewriter: %j', (line, place) => {
    expect(createParanoidAuditor(counties, {ordinary: []}).scan(line).filter((suspect) => suspect.kind === 'organisation').map((suspect) => suspect.text)).toEqual([place])
  })

  it('is no place where a month is: the funding ends in march', () => {
    const march: Roster = {people: [{name: 'Hope Hall', org: 'March Town Council', aliases: []}], share: []}
    expect(createParanoidAuditor(march, {ordinary: []}).scan('the funding ends in march and then stops')).toEqual([])
  })
})

describe('a place that is also a word, typed small where only a place goes', () => {
  const stoke: Roster = {people: [{name: 'Nick Papadopoulos', org: 'Stoke-on-Trent City Council', aliases: []}, {name: 'Ann Reid', org: 'Reading Borough Council', aliases: []}, {name: 'Hope Hall', org: 'March Town Council', aliases: []}], share: []}

  it.each(['- nick said in stoke they got rid of the minimum payment', '- gosia from stoke made the point'])('is the organisation after in or from: %j', (line) => {
    expect(anonymiseText(line, stoke).value).not.toMatch(/stoke/i)
  })

  it.each(['- we will stoke up demand', '- time spent in reading the letters', '- the funding ends in march', '- keep the fire stoked'])('is the word anywhere else: %j', (line) => {
    expect(anonymiseText(line, stoke).value).toBe(line)
  })
})

describe('a possessive typed without its apostrophe', () => {
  const roster: Roster = {people: [{name: 'Gurpreet Kaur Dhillon', org: 'Coventry City Council', aliases: []}, {name: 'Siobhan Marks', org: 'Fife Council', aliases: []}], share: []}

  it.each(['- should read the letters themselves – Gurpreets point, everyone nodded', '- siobhans team ran the pilot'])('is the person: %j', (line) => {
    expect(anonymiseText(line, roster).value).not.toMatch(/gurpreet|siobhan/i)
  })

  it.each(['- she marks the letters herself', '- the highest marks went to the pilot'])('is no person where the whole is a word: %j', (line) => {
    expect(anonymiseText(line, roster).value).toBe(line)
  })
})

describe("a place that is also a word, opening a note before a verb", () => {
  const highland: Roster = {people: [{name: 'Leila Fairclough', org: 'Highland Council', aliases: []}], share: []}

  it('is the organisation in the rewriter: Highland let residents propose', () => {
    expect(anonymiseText('- Highland let residents propose, vote and monitor projects', highland).value).not.toMatch(/Highland/)
  })

  it('is flagged by the audit even where the rewriter recorded the word as ordinary', () => {
    const line = 'Highland let residents propose, vote and monitor projects'
    const ordinary = [ordinaryUse(line, 0, 'Highland'.length)]
    expect(createParanoidAuditor(highland, {ordinary}).scan(line).map((suspect) => suspect.text)).toEqual(['Highland'])
  })

  it('is the word before a noun: Highland cattle', () => {
    expect(anonymiseText('- Highland cattle graze the common', highland).value).toBe('- Highland cattle graze the common')
  })
})

describe('a place that is also a word, as the subject of an irregular verb at the start of a note', () => {
  const highland: Roster = {people: [{name: 'Elif Wisniewska', org: 'Highland Council', aliases: []}], share: []}
  it.each(['- Highland rewrote its council tax reminder', '- Highland drew up a new letter', '- Highland sought the tenants’ views first', '- Highland wrote to every tenant'])(
    'is the organisation: %j',
    (line) => {
      expect(anonymiseText(line, highland).value).not.toMatch(/Highland/u)
    },
  )
  it.each(['- Highland cattle graze the verges', '- Highland games in the summer bring the visitors'])('is the word before a noun: %j', (line) => {
    expect(anonymiseText(line, highland).value).toBe(line)
  })
})
