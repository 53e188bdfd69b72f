/**
 * No over-redaction: names and places that are also ordinary words are only
 * touched when used as a name — each trap tested both ways.
 */
import {describe, expect, it} from 'vitest'
import {note} from './helpers.js'

describe.each([
  {
    word: 'will (Will Barker)',
    kept: ['we will need to be honest', 'it never will be done', 'Will this work in practice?', 'Tom will share how it goes'.replace('Tom', 'the council')],
    named: [
      ['as Will put it, the tea mattered', 'as one participant put it, the tea mattered'],
      ['Will: 07700 900418', ''],
      ['Will B. wants to restart it', 'One participant wants to restart it'],
    ],
  },
  {
    word: 'hope (Hope Lindsay)',
    kept: ['there is hope though', 'we hope the ideas travel', 'Hope is not a plan'],
    named: [
      ["Hope's point was that it is the same houses", "One participant's point was that it is the same houses"],
      ['Hope – +44 115 496 0619', ''],
      ['Hope L. said the show home works', 'One participant said the show home works'],
    ],
  },
  {
    word: 'grace (Grace Adeyemi)',
    kept: ['a six-week grace period before results', 'Grace periods help'],
    named: [
      ['Grace said it took two years', 'One participant said it took two years'],
      ['Grace A. tried it', 'One participant tried it'],
    ],
  },
  {
    word: 'mark (Mark Ellery)',
    kept: ['mark the date – first meeting in January', 'The high-water mark for referrals', 'Mark the date in your diary'],
    named: [
      ['Mark said his director did this', 'One participant said his director did this'],
      ["Mark's point was that nobody owns this", "One participant's point was that nobody owns this"],
    ],
  },
  {
    word: 'bill (Bill Hartley)',
    kept: ['the energy bill is arriving before the care bill', 'Bill payments rose'],
    named: [
      ['said Bill from Leeds: "the networks know"', 'said one participant: "the networks know"'],
      ['Bill H. – "we say conversation"', '"We say conversation"'],
    ],
  },
  {
    word: 'rose (Rose Kaur)',
    kept: ['demand rose by about 12% in a year', 'Demand rose again'],
    named: [
      ['Rose: digital inclusion has three parts', 'Digital inclusion has three parts'],
      ['rose thinks the buddies matter more', 'One participant thinks the buddies matter more'],
    ],
  },
  {
    word: 'dawn (Dawn Fitzgerald)',
    kept: ['it began to dawn on us', 'Dawn raids are not the model'],
    named: [
      ['Dawn (Bristol) was honest about it', 'One participant was honest about it'],
      ['as Dawn F put it, governance is hard', 'as one participant put it, governance is hard'],
    ],
  },
  {
    word: 'frank (Frank Osei)',
    kept: ['to be frank, nobody thought it works', 'need a frank conversation with members', 'Frank conversations help'],
    named: [
      ['Frank: the parish councils know every street', 'The parish councils know every street'],
      ['Frank O. said it is geology dependent', 'One participant said it is geology dependent'],
    ],
  },
  {
    word: 'price (Owen Price)',
    kept: ['the energy price cap', 'Price rises hit hardest'],
    named: [
      ['Mr Price also said not to mix up the energy price cap', 'One participant also said not to mix up the energy price cap'],
      ['Owen Price: rural connectivity', 'Rural connectivity'],
    ],
  },
  {
    word: 'reading (Reading Borough Council)',
    kept: ['Reading the room is half the job', 'reading list from this table', 'worth reading before the next round'],
    named: [
      ['over in Reading they ran street conversations', 'over in one council area they ran street conversations'],
      ['Reading Borough Council are looking at cafes', 'One council are looking at cafes'],
      ["Reading's cafes moved into libraries", "One council's cafes moved into libraries"],
    ],
  },
  {
    word: 'bath (Bath & North East Somerset Council)',
    kept: ['a grab rail or a bath lift', "don't throw the baby out with the bath water", 'Bath lifts take weeks'],
    named: [
      ["over in Bath they've put digital champions in", "over in one council area they've put digital champions in"],
      ['B&NES also did a tech and tea morning', 'One council also did a tech and tea morning'],
      ['Bath & North East Somerset – tablets on loan', 'One council – tablets on loan'],
    ],
  },
  {
    word: 'wells (Wells City Council)',
    kept: ['old mine workings and flooded wells', 'Wells and boreholes need surveys'],
    named: [
      ['over in Wells they lend out the camera', 'over in one council area they lend out the camera'],
      ['Wells City Council – a climate plan', 'One council – a climate plan'],
    ],
  },
  {
    word: 'sale (Lee Sale)',
    kept: ['a car boot sale raised £400', 'Sale of council land is a last resort'],
    named: [
      ['Lee Sale said the land was sold', 'One participant said the land was sold'],
      ['as Sale put it, land is finite', 'as one participant put it, land is finite'],
    ],
  },
])('$word', ({kept, named}) => {
  it('is kept where it is an ordinary word', () => {
    for (const text of kept) expect(note(text)).toBe(text)
  })

  it('goes where it is a name', () => {
    for (const [text, expected] of named) expect(note(text!)).toBe(expected)
  })
})

describe('initials that spell a word', () => {
  it('keeps `TO` as a word, removes it as a label', () => {
    expect(note('TO DO: book the room')).toBe('TO DO: book the room')
    expect(note('go TO the meeting')).toBe('go TO the meeting')
    expect(note('TO: mix channels')).toBe('Mix channels')
  })
})

describe('names in text set in capitals', () => {
  it('finds no initials or common-word names in capitals, but still finds full names', () => {
    expect(note('WE WILL NEED TO BE HONEST')).toBe('WE WILL NEED TO BE HONEST')
    expect(note('JANE SMITH SAID SO')).not.toMatch(/JANE|SMITH/)
  })
})
