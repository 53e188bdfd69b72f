/**
 * Placement on notes with no standard headings or hashtags (issue 17, held-out
 * set 5): a heading read by what it means, a publication named on its own
 * line, and a story told by an anonymised participant. Each rule is a table
 * over position × form × case, not one fixture's lines.
 */
import {describe, expect, it} from 'vitest'
import {headingMeaning} from '../../src/group/heading-lexicon.js'
import {contentStems} from '../../src/group/keywords.js'
import {placeNote} from '../../src/group/placement.js'
import {loadProfile} from '../../src/group/profile.js'
import {readSignals} from '../../src/group/signals.js'

const profile = loadProfile('insights-report')

/** How headings are written: as typed, in capitals, numbered, a round's label, with a colon or an emoji. */
const forms: Array<(heading: string) => string> = [
  (heading) => heading,
  (heading) => heading.toUpperCase(),
  (heading) => `3. ${heading}`,
  (heading) => `Round 2: ${heading}`,
  (heading) => `${heading}:`,
  (heading) => `🌵 ${heading}`,
]

describe('heading lexicon: a heading by what it means', () => {
  const table: Array<[string, ReturnType<typeof headingMeaning>]> = [
    // Needs: barriers, retrospective and SWOT columns, next steps.
    ['what gets in the way', 'need'],
    ['Thorn', 'need'],
    ['Lacked', 'need'],
    ['Challenges', 'need'],
    ['Barriers', 'need'],
    ['Pain points', 'need'],
    ['Next steps', 'need'],
    ['Weaknesses', 'need'],
    ['Threats', 'need'],
    ['What didn’t work', 'need'],
    ['The shortage', 'need'],
    ['Sticking points', 'need'],
    // Practice: wins, enablers, strengths, what helped.
    ['Wins', 'practice'],
    ['Enablers', 'practice'],
    ['Strengths', 'practice'],
    ['What has worked', 'practice'],
    ['Doing it differently', 'practice'],
    ['Liked', 'practice'],
    ['Bright spots', 'practice'],
    // Culture and leadership; examples.
    ['Leadership / culture', 'leadership'],
    ['Workforce', 'leadership'],
    ['Case study', 'example'],
    ['Stories from the field', 'example'],
    // Kinds of list win over the topic they are about.
    ['Qs to take back', 'question'],
    ['Questions on leadership', 'question'],
    ['Q&A', 'question'],
    ['Refs', 'resource'],
    ['Resources mentioned', 'resource'],
    ['Reading', 'resource'],
    ['Further reading', 'resource'],
    // Says nothing of a section: a topic, a mixed heading, a title, a round.
    ['Barriers and enablers', undefined],
    ['Workshop B – Standards', undefined],
    ['Opening round', undefined],
    ['Round the table', undefined],
    ['Reading Borough Council', undefined],
    ['Links between housing, health and care services in rural districts', undefined],
    ['What the winter taught us', undefined],
    ['Bud', undefined],
  ]
  for (const [heading, meaning] of table) {
    it(`reads “${heading}” as ${meaning ?? 'nothing'}, in every form`, () => {
      for (const form of forms) expect(headingMeaning(form(heading)), form(heading)).toBe(meaning)
    })
  }

  it('places a statement under a heading no alias names, and a question under it as a question', () => {
    const under = (text: string, heading: string, question = false) =>
      placeNote({tags: [], headings: [{text: heading.toLowerCase(), stems: contentStems(heading.toLowerCase())}], stems: contentStems(text), question, text, own: {text, line: 1}}, profile).placement
    expect(under('Volunteers leave after one winter', 'Round 2: what gets in the way').section).toBe('what-needs-to-change')
    expect(under('Volunteers stay for years', 'Enablers').section).toBe('what-works')
    expect(under('Could the council commission it jointly?', 'Next steps', true).section).toBe('questions')
    expect(under('Volunteers stay for years', 'Enablers').reason).toContain('a heading of what works')
  })
})

describe('a publication named on its own line', () => {
  const named = (text: string) => readSignals(text).get('link')?.hits.some((hit) => hit.name === 'a publication named') === true
  const table: Array<[string, boolean]> = [
    ['School Admission Appeals Code (DfE, 2022)', true],
    ['Welsh Government, School Admission Appeals Code (2013)', true],
    ['Local Government and Social Care Ombudsman, focus report on school admissions appeals', true],
    ['Home Office, Revised guidance issued under section 182 of the Licensing Act 2003', true],
    ['Asphalt Industry Alliance, ALARM survey 2026', true],
    ['Youth Work in Scotland, national youth work strategy', true],
    // Sentences someone said, or a place's story, are not references.
    ['Staff said the survey was too long', false],
    ['Commission for three years minimum, with a proper evaluation built in', false],
    ['Leeds, Bradford and Kirklees pooled their data', false],
    ['One council, a new strategy', false],
    ['Cut waiting times by half (2022)', false],
    ['We published the review (2023)', false],
  ]
  for (const [text, expected] of table) {
    it(`${expected ? 'reads' : 'does not read'} “${text}” as a publication`, () => {
      expect(named(text)).toBe(expected)
      // Wherever it sits in a list, in any case of its first letter: the rule is the line's shape.
      if (expected) expect(placeNote({tags: [], headings: [], stems: contentStems(text), question: false, text, own: {text, line: 9}}, profile).placement.section).toBe('resources')
    })
  }
})

describe('a story told by an anonymised participant', () => {
  const place = (text: string, heading?: string) =>
    placeNote({tags: [], headings: heading ? [{text: heading, stems: contentStems(heading)}] : [], stems: contentStems(text), question: false, text, own: {text, line: 4}}, profile).placement.section
  const tellers = ['', 'One participant: ', 'One participant said ', 'Per one participant – ', 'One participant ']
  const stories = [
    'one council used the warm spaces as a front door for benefits advice',
    'in one council area the street pastors cut incidents by a third',
    'in Scotland youth work sits inside community learning and development',
    'in Leeds we added it to the council tax move-in journey',
  ]
  for (const teller of tellers) {
    for (const story of stories) {
      const text = teller ? `${teller}${story}` : story.charAt(0).toUpperCase() + story.slice(1)
      it(`puts “${text}” in the examples, under no heading and under What works`, () => {
        expect(place(text)).toBe('examples')
        expect(place(text, 'what works')).toBe('examples')
      })
    }
  }
  it('reads a note said to be an example as one', () => {
    expect(place('One participant’s example: a transit site shared by two councils under a joint agreement', 'what works')).toBe('examples')
  })
  it('leaves a practice with no place in it under What works, and a month is no place', () => {
    expect(place('Use the library network as the front door, not the surgery', 'what works')).toBe('what-works')
    expect(place('In September we ran the pilot with the library service', 'what works')).toBe('what-works')
  })
})
