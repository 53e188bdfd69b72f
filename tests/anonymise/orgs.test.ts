/** Attendees' organisations: every short form goes, as grammar needs; shared practice and other organisations stay. */
import {describe, expect, it} from 'vitest'
import {compileRoster} from '../../src/anonymise/matcher.js'
import {orgCore, orgForms, rosterOrganisations} from '../../src/anonymise/orgs.js'
import {anonymise, note} from './helpers.js'

describe('organisation forms', () => {
  it('finds the distinctive part of a council’s name', () => {
    expect(orgCore('London Borough of Camden')).toBe('Camden')
    expect(orgCore('City of Wolverhampton Council')).toBe('Wolverhampton')
    expect(orgCore('Bath & North East Somerset Council')).toBe('Bath & North East Somerset')
    expect(orgCore('West Yorkshire Combined Authority')).toBe('West Yorkshire')
    expect(orgCore('Good Things Foundation')).toBe('Good Things Foundation')
  })

  it('derives short forms, parts and acronyms, marking those that are also words', () => {
    const [bath] = rosterOrganisations({people: [{name: 'Rose Kaur', org: 'Bath & North East Somerset Council', aliases: []}], share: []})
    const forms = orgForms(bath!, 0)
    expect(forms.map((form) => form.text)).toEqual(expect.arrayContaining(['Bath & North East Somerset', 'B&NES', 'BANES', 'Bath']))
    expect(forms.find((form) => form.text === 'Bath')?.ambiguous).toBe(true)
    expect(forms.find((form) => form.text === 'B&NES')?.ambiguous).toBe(false)
    const [camden] = rosterOrganisations({people: [{name: 'Tom Okafor', org: 'London Borough of Camden', aliases: []}], share: []})
    expect(orgForms(camden!, 0).map((form) => form.text)).toEqual(expect.arrayContaining(['Camden', 'Camden Council', 'LB Camden']))
    const [stockton] = rosterOrganisations({people: [{name: 'A B', org: 'Stockton-on-Tees Borough Council', aliases: []}], share: []})
    expect(orgForms(stockton!, 0).map((form) => form.text)).toContain('Stockton')
  })

  it('derives a council’s own initials and a body’s place with its initials, which the notes use', () => {
    const forms = (org: string) => orgForms(rosterOrganisations({people: [{name: 'A B', org, aliases: []}], share: []})[0]!, 0).map((form) => form.text)
    expect(forms('Bristol City Council')).toContain('BCC')
    expect(forms('Royal Borough of Kensington and Chelsea')).toContain('RBKC')
    expect(forms('NHS Leeds Integrated Care Board')).toEqual(expect.arrayContaining(['NLICB', 'Leeds ICB']))
    // Two letters are too many other things (`KC`).
    expect(forms('Kirklees Council')).not.toContain('KC')
    expect(note('the Leeds ICB funded it')).toBe('the Leeds ICB funded it') // nobody from it is in the room
    const front = '---\ntitle: T\nattendees:\n  - { name: Ian Yu, org: NHS Leeds Integrated Care Board }\n  - { name: Ana Cruz, org: Bristol City Council }\n---\n'
    expect(anonymise('- the Leeds ICB funded it, and BCC matched it; bcc the team', front).markdown).toBe('- One organisation funded it, and another council matched it; bcc the team')
  })

  it('marks shared organisations', () => {
    const orgs = rosterOrganisations({people: [{name: 'Jane Smith', org: 'Wigan Council', aliases: []}, {name: 'Tom Okafor', org: 'London Borough of Camden', aliases: []}], share: ['Wigan Council']})
    expect(orgs.map((org) => [org.name, org.shared])).toEqual([
      ['Wigan Council', true],
      ['London Borough of Camden', false],
    ])
  })
})

describe('organisations in the notes', () => {
  it('rewrites an organisation used as a place', () => {
    expect(note('In Camden they also trained 12 residents')).toBe('In one council area they also trained 12 residents')
    expect(note('carers’ assessments in Darwen had a backlog')).toBe('carers’ assessments in one council area had a backlog')
  })

  it('rewrites a possessive and an attributive use', () => {
    expect(note("Camden's approach for the local plan")).toBe("One council's approach for the local plan")
    expect(note('Tomasz said the Hertfordshire approach is a dynamic purchasing system')).toBe("One participant said one council's approach is a dynamic purchasing system")
  })

  it('rewrites every spelling of a council', () => {
    for (const name of ['Camden', 'Camden Council', 'LB Camden', 'London Borough of Camden']) expect(note(`${name} are planning an assembly`)).toBe('One council are planning an assembly')
  })

  it('rewrites an organisation as the subject of an example', () => {
    expect(note('Blackburn with Darwen – enablement-first for all new referrals')).toBe('One council – enablement-first for all new referrals')
    expect(note("Blackburn's leader meets carers every quarter")).toBe("One council's leader meets carers every quarter")
    expect(note('West Yorkshire are mapping heat network zones')).toBe('One combined authority are mapping heat network zones')
  })

  it('says `another council` for a second one in the same note', () => {
    expect(note('Camden and Stockport both ran a pilot')).toBe('One council and another council both ran a pilot')
  })

  it('keeps a shared organisation as the subject of shared practice', () => {
    expect(note('Wigan Council used The Deal to reset its relationship')).toBe('Wigan Council used The Deal to reset its relationship')
    expect(note('JS: Wigan has been at this for a decade')).toBe('Wigan has been at this for a decade')
    expect(note('Bristol City Council set up City Leap')).toBe('Bristol City Council set up City Leap')
  })

  // Deal Town Council is in the room, and The Deal is Wigan's shared practice: only `The Deal` as listed is the practice.
  it('shields a shared phrase that holds an attendee’s organisation only where it is written as listed', () => {
    const front = '---\ntitle: T\nattendees:\n  - { name: Gurpreet Achterberg, org: Deal Town Council }\n  - { name: Summer Nwosu, org: Wigan Council }\nshare: [Wigan Council, The Deal]\n---\n'
    const {markdown} = anonymise('- Wigan Council used The Deal to reset its relationship\n- the Deal team published every funded project\n', front)
    expect(markdown).toContain('Wigan Council used The Deal to reset its relationship')
    expect(markdown).not.toMatch(/the Deal team/i)
    // Written otherwise, it is the council: redacted, and still a sentence.
    expect(anonymise('- Wigan Council used the Deal to reset its relationship\n', front).markdown).toBe('- Wigan Council used one council to reset its relationship')
  })

  // Found in a 500-report batch: the PDF wrapped the venue `Keystone Housing Partnership, Birmingham` after the comma.
  it('still shields such a phrase across a line break, as a wrapped line or a soft break writes it', () => {
    const matcher = compileRoster({people: [{name: 'Zoë Venables', org: 'Birmingham City Council', aliases: []}], share: []}, {protectOrgs: ['Keystone Housing Partnership, Birmingham']})
    for (const text of ['at Keystone Housing Partnership, Birmingham.', 'at Keystone Housing Partnership,\nBirmingham.', 'at Keystone Housing\n  Partnership,  Birmingham.']) expect(matcher.findAll(text), text).toEqual([])
    expect(matcher.findAll('at keystone housing partnership, Birmingham.').map((match) => match.text)).toEqual(['Birmingham'])
  })

  it('makes an organisation that opens a note the subject of the verb after its dash', () => {
    expect(note('Camden – built a single view of debt across services')).toBe('One council built a single view of debt across services')
    expect(note('Camden – published a register of the algorithms it uses')).toBe('One council published a register of the algorithms it uses')
    expect(note('Camden – a borough that trained residents')).toBe('One council – a borough that trained residents')
  })

  it('keeps organisations nobody in the room works for', () => {
    for (const text of ["Oldham's co-operative council idea", 'Paris and Reykjavik – city-wide PB', 'Good Things Foundation, National Databank', 'the LGA engagement pages']) {
      expect(note(text)).toBe(text)
    }
  })

  // A month that is also a council: the dash that opens the next bullet is not `March – …`.
  it('keeps a month that ends a line, when the next line starts with a dash', () => {
    const front = '---\ntitle: T\nattendees:\n  - { name: Hope Hall, org: March Town Council }\n---\n'
    const notes = 'Some notes:\nthe funding ends in March\n- Throw the baby out with the bathwater\n\nMarch – they pooled budgets\n'
    const {markdown} = anonymise(notes, front)
    expect(markdown).toContain('the funding ends in March')
    expect(markdown).not.toMatch(/March – they/)
  })

  it('finds a one-word place that is also a word only with its capital', () => {
    expect(note('reading the room, wells of goodwill and a sale')).toBe('reading the room, wells of goodwill and a sale')
  })

  // Notes typed or dictated in lower case name places as they name people: `camden` is no word of any dictionary.
  it('finds a one-word place that is no word in any case', () => {
    expect(note('camden-style rugby club volunteers')).toBe('One council-style rugby club volunteers')
    expect(note('over in stockport they')).toBe('over in one council area they')
  })
})
