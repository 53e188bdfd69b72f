import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {processNotes} from '../../src/engine/pipeline.js'
import {normaliseHeading, headingMatches} from '../../src/group/segment.js'
import {splitHeadline} from '../../src/group/index.js'
import {withRulesOnly} from '../../src/group/placement.js'
import type {ReportItem} from '../../src/types.js'

function report(notes: string, profile?: string) {
  const file = new VFile({path: 'notes.md', value: notes})
  const {report} = processNotes(file, {profile})
  return {report, file}
}

type Result = ReturnType<typeof report>

/** The section a note was placed in (Key insights repeats the strongest notes, so it is skipped unless asked). */
const has = (item: ReportItem, text: string) => item.text.toLowerCase().includes(text.toLowerCase())

const sectionOf = (result: Result, text: string) =>
  result.report.sections.find((section) => section.role !== 'key' && section.items.some((item) => has(item, text)))?.id

const itemOf = (result: Result, text: string): ReportItem | undefined =>
  result.report.sections
    .filter((section) => section.role !== 'key')
    .flatMap((section) => section.items)
    .find((item) => has(item, text))

const messages = (result: Result, rule: string) => result.file.messages.filter((message) => message.ruleId === rule)

describe('group', () => {
  it('normalises session headings before matching them', () => {
    expect(normaliseHeading('Session 1 - Why does the relationship need to change? (10.05)')).toBe('why does the relationship need to change')
    expect(headingMatches("what's working tools + methods", ["what's working"])).toBe("what's working")
    expect(headingMatches('networking lunch', ['working'])).toBeUndefined()
  })

  it('places a note by hashtag first, then by the nearest heading that matches', () => {
    const result = report('---\ntitle: T\n---\n\n## Examples round\n\n- Newcastle keeps the rules simple #challenge\n- Oldham shares the spirit of the Deal\n')
    expect(sectionOf(result, 'keeps the rules simple')).toBe('what-needs-to-change')
    expect(sectionOf(result, 'Oldham shares')).toBe('examples')
    const item = result.report.sections.find((section) => section.id === 'examples')!.items[0]!
    expect(item.placement).toEqual({section: 'examples', rule: 'heading', reason: 'under the heading “examples round” (matches “examples round”)'})
  })

  it('places by keyword rules when no hashtag or heading matches, with the score (the rules alone)', () => {
    const result = withRulesOnly(() => report('---\ntitle: T\n---\n\n## Table 2: odds and ends\n\n- Middle managers are where the culture change stalls\n'))
    const item = itemOf(result, 'Middle managers')!
    expect(item.placement).toMatchObject({section: 'culture-and-leadership', rule: 'keyword', score: 5})
    expect(item.placement.reason).toBe('keywords middle managers 2 + culture 3 = 5')
    // The learned placement weighs the same keywords among its features, and agrees.
    const learned = itemOf(report('---\ntitle: T\n---\n\n## Table 2: odds and ends\n\n- Middle managers are where the culture change stalls\n'), 'Middle managers')!
    expect(learned.placement.section).toBe('culture-and-leadership')
  })

  it('sends what it cannot place to Further insights with a warning', () => {
    const result = report('---\ntitle: T\n---\n\n## Table 1: odds and ends\n\n- a note with nowhere to go\n')
    expect(sectionOf(result, 'nowhere to go')).toBe('further-insights')
    const [warning] = messages(result, 'unplaced-note')
    expect(warning?.fatal).toBe(false)
    expect(warning?.line).toBe(7)
  })

  it('keeps sub-bullets with their parent note, and places the parent by their words too', () => {
    const result = report('---\ntitle: T\n---\n\n## Round the table\n\n- common threads:\n  - consultation fatigue\n  - engagement teams shrinking\n')
    const section = result.report.sections.find((entry) => entry.id === 'what-needs-to-change')!
    expect(section.items).toHaveLength(1)
    expect(section.items[0]!.text).toBe('Common threads:')
    expect(section.items[0]!.children.map((child) => child.text)).toEqual(['Consultation fatigue', 'Engagement teams shrinking'])
    expect(section.items[0]!.children[0]!.placement).toEqual(section.items[0]!.placement)
  })

  it('leaves logistics out with one warning for the file and a ledger entry each, and keeps insights that look like them', () => {
    const result = report('---\ntitle: T\n---\n\n## Barriers\n\n- coffee at 11\n- 22 in the room\n- Lunch late\n- lunch clubs for carers doubled attendance, but funding is falling\n')
    expect(itemOf(result, 'coffee')).toBeUndefined()
    expect(itemOf(result, 'in the room')).toBeUndefined()
    expect(itemOf(result, 'Lunch late')).toBeUndefined()
    expect(itemOf(result, 'Lunch clubs for carers')).toBeDefined()
    expect(messages(result, 'left-out').map((message) => [message.line, message.fatal, message.reason])).toEqual([
      [7, false, 'Left out 3 blocks of the notes (3 logistics): run with --explain to see each, or read `left_out` in the JSON'],
    ])
    expect(result.report.omitted.map((note) => note.rule)).toEqual(['logistics', 'logistics', 'logistics'])
    expect(result.report.leftOut!.map((entry) => [entry.line, entry.rule])).toEqual([
      [7, 'logistics'],
      [8, 'logistics'],
      [9, 'logistics'],
    ])
  })

  it('leaves out a note typed again, keeping the first one’s place', () => {
    const result = report('---\ntitle: T\n---\n\n## Barriers\n\n- Data is scattered – each team holds a piece #challenge\n\n## Later\n\n- again – Data is scatterd – each team holds a piece\n')
    const items = result.report.sections.filter((section) => section.role !== 'key').flatMap((section) => section.items).filter((item) => has(item, 'each team holds'))
    expect(items).toHaveLength(1)
    expect(items[0]!.line).toBe(7)
    expect(result.report.omitted).toMatchObject([{line: 11, rule: 'duplicate-note', reason: 'it repeats the note on line 7'}])
  })

  it('turns table rows into notes, without the columns that say who', () => {
    const result = report('---\ntitle: T\n---\n\n## Breakout\n\nTEC pilots mentioned in the breakout:\n\n| Pilot | Lead | What they learnt |\n|---|---|---|\n| Acoustic monitoring at night | Catherine | fewer falls at night, staff sceptical at first |\n')
    const item = itemOf(result, 'Acoustic monitoring')!
    expect(item.text).toBe('Acoustic monitoring at night – What they learnt: fewer falls at night, staff sceptical at first')
    expect(item).toMatchObject({source: 'table', line: 11})
    expect(item.placement).toMatchObject({section: 'what-works'})
    // The rules alone place it by its caption; the learned placement weighs the caption with the row's words.
    const rules = withRulesOnly(() => report('---\ntitle: T\n---\n\n## Breakout\n\nTEC pilots mentioned in the breakout:\n\n| Pilot | Lead | What they learnt |\n|---|---|---|\n| Acoustic monitoring at night | Catherine | fewer falls at night, staff sceptical at first |\n'))
    expect(itemOf(rules, 'Acoustic monitoring')!.placement).toMatchObject({section: 'what-works', rule: 'heading', reason: 'under the caption “tec pilots mentioned in the breakout” (matches “pilots”)'})
    expect(JSON.stringify(result.report)).not.toContain('Catherine')
    expect(itemOf(result, 'TEC pilots')).toBeUndefined()
  })

  it('takes the foreword and conclusion as parts, and drops contact sections', () => {
    const result = report('---\ntitle: T\nforeword_by: Helen Marsh\n---\n\n## Foreword\n\nWe were glad to host.\n\n## Contacts (do not publish)\n\n- jane@example.org\n\n## Conclusion\n\nThe end.\n')
    expect(result.report.foreword).toMatchObject({by: 'Helen Marsh', line: 6})
    expect(result.report.conclusion?.children).toHaveLength(1)
    expect(JSON.stringify(result.report.sections)).not.toContain('jane@example.org')
  })

  it('turns links into numbered footnotes, one number per URL, and rounds every link up in Resources', () => {
    const result = report(
      '---\ntitle: T\n---\n\n## Barriers\n\n- the [Deal](https://www.wigan.gov.uk/deal/) changed things #challenge\n\n## Links\n\n- The Deal: https://WWW.wigan.gov.uk/deal\n- [PB Network](https://pbnetwork.org.uk) – resources\n- again https://pbnetwork.org.uk/\n',
    )
    expect(result.report.footnotes).toEqual([
      {n: 1, url: 'https://www.wigan.gov.uk/deal/', text: 'Deal'},
      {n: 2, url: 'https://pbnetwork.org.uk', text: 'PB Network'},
    ])
    const items = result.report.sections.find((section) => section.id === 'resources')!.items
    expect(items.map((item) => item.text)).toEqual(['The Deal', 'PB Network – resources'])
    expect(result.report.omitted).toMatchObject([{line: 13, rule: 'duplicate-link'}])
  })

  it('keeps a link written in another section a footnote there, not repeated in Resources', () => {
    const result = report('---\ntitle: T\n---\n\n## Barriers\n\n- see the [Rebalancing the Power](https://nlgn.org.uk/power) report #challenge\n\n## Links\n\n- the open source platform: https://consuldemocracy.org/\n')
    const items = result.report.sections.find((section) => section.id === 'resources')!.items
    expect(items.map((item) => [item.text, item.placement.rule])).toEqual([['The open source platform', 'heading']])
    expect(result.report.footnotes.map((note) => note.url)).toContain('https://nlgn.org.uk/power')
  })

  it('splits `Headline – detail` notes into a bold headline and its detail', () => {
    const {headline, detail} = splitHeadline([{type: 'text', value: 'Consultation is broken – residents are asked too late'}])
    expect(headline).toEqual([{type: 'text', value: 'Consultation is broken'}])
    expect(detail).toEqual([{type: 'text', value: 'Residents are asked too late'}])
    expect(splitHeadline([{type: 'text', value: 'a - b'}])).toEqual({})
  })

  it('takes a quote as a pull quote, without its marks and anonymised attribution', () => {
    const result = report('---\ntitle: T\n---\n\n## Barriers\n\n- "PB is the cheapest trust-building exercise we have ever run" – one participant\n\n> The shift is from doing things to people.\n')
    const item = itemOf(result, 'cheapest')!
    expect(item).toMatchObject({kind: 'quote', quote: true, text: 'PB is the cheapest trust-building exercise we have ever run.'})
    expect(itemOf(result, 'The shift')).toMatchObject({kind: 'quote', source: 'blockquote'})
  })

  it('addresses questions to take back to the reader', () => {
    const result = report('---\ntitle: T\n---\n\n## Questions to take back\n\n- Do we know who we never hear from? #question\n- do our members have a real role?\n- is there a real budget behind our PB?\n')
    const items = result.report.sections.find((section) => section.id === 'questions')!.items
    expect(items.map((item) => item.text)).toEqual(['Do you know who you never hear from?', 'Do your members have a real role?', 'Is there a real budget behind your PB?'])
    expect(items.map((item) => item.kind)).toEqual(['question', 'question', 'question'])
    // Not every question completes "Do you …": all are asked whole, never a mix.
    expect(items.map((item) => item.prompt)).toEqual([undefined, undefined, undefined])
  })

  it('lists a checklist as "Do you" completions when every question is one', () => {
    const result = report('---\ntitle: T\n---\n\n## Questions to take back\n\n- Do we know who we never hear from?\n- do we tell residents what changed?\n')
    const items = result.report.sections.find((section) => section.id === 'questions')!.items
    expect(items.map((item) => item.prompt)).toMatchObject([[{type: 'text', value: 'know who you never hear from?'}], [{type: 'text', value: 'tell residents what changed?'}]])
  })

  it('fills Key insights with the #key notes, else the strongest note of each section, and says which', () => {
    const tagged = report('---\ntitle: T\n---\n\n## Barriers\n\n- PB done well is about power #key\n- Demand is rising – the budget is not\n')
    expect(tagged.report.keyInsights).toBe('tagged')
    expect(tagged.report.sections[0]!.items.map((item) => item.text)).toEqual(['PB done well is about power'])

    const picked = report('---\ntitle: T\n---\n\n## Barriers\n\n- money is tight\n- Demand is rising – the budget is not\n\n## Culture\n\n- Middle managers hold the risk – invest there first\n')
    expect(picked.report.keyInsights).toBe('strongest')
    const key = picked.report.sections.find((section) => section.role === 'key')!
    expect(key.items.map((item) => item.text)).toEqual(['Demand is rising – the budget is not', 'Middle managers hold the risk – invest there first'])
    expect(key.items[0]!.placement).toMatchObject({rule: 'key', reason: 'the strongest note in “What needs to change” (strength 6), as no note is tagged for Key insights'})
    expect(key.intro).toBe('The strongest insight from each section of the report.')
  })

  it('numbers the standard sections that have notes as chapters', () => {
    const result = report('---\ntitle: T\n---\n\n## Barriers\n\n- a barrier that stops the work #challenge\n\n## Culture\n\n- a culture point about middle managers\n\n## Questions to take back\n\n- Do we know? #question\n')
    expect(result.report.sections.map((section) => [section.id, section.number])).toEqual([
      ['key-insights', undefined],
      ['what-needs-to-change', 1],
      ['culture-and-leadership', 2],
      ['questions', undefined],
    ])
  })

  it('writes the introduction from the front matter', () => {
    const result = report('---\ntitle: Transforming the relationship\nseries: Innovation Exchange\ndate: 2018-07-18\nhost: NLGN\npartner: FutureGov\nvenue: their offices in London\nparticipants: 25\n---\n\n## Barriers\n\n- a note\n')
    expect(result.report.introduction[0]).toBe('On 18 July 2018, NLGN partnered with FutureGov to host an Innovation Exchange at their offices in London.')
    expect(result.report.introduction[1]).toMatch(/^25 participants came together/)
  })

  it('writes a plain introduction when the front matter says little', () => {
    const result = report('---\ntitle: T\n---\n\n## Barriers\n\n- a note\n')
    expect(result.report.introduction[0]).toBe('Participants came together for a workshop.')
  })
})

describe('group: what the anonymiser leaves behind', () => {
  it('does not make a headline or a table cell of a placeholder like “One council”', () => {
    expect(splitHeadline([{type: 'text', value: 'One council – home care providers paid for travel time'}])).toEqual({})
    const result = report('---\ntitle: T\n---\n\n## Pilots\n\n| Pilot | Council | What they learnt |\n|---|---|---|\n| Smart plugs | One council | families liked it |\n')
    expect(itemOf(result, 'Smart plugs')?.text).toBe('Smart plugs – What they learnt: families liked it')
  })
})

describe('group: parts of the report', () => {
  it('keeps the notes’ own Introduction, after the introduction written from the front matter', () => {
    const result = report('---\ntitle: T\nhost: NLGN\n---\n\n## Introduction\n\nThis was the third exchange on the theme.\n\n## Barriers\n\n- a barrier that stops the work #challenge\n')
    expect(result.report.introduction[0]).toBe('NLGN hosted a workshop.')
    expect(result.report.introductionNotes).toMatchObject({line: 6, children: [{type: 'paragraph'}]})
  })

  it('writes the profile’s boilerplate from the front matter', () => {
    const result = report('---\ntitle: T\nseries: Innovation Exchange\ndate: 2024-04-04\n---\n\n## Leadership\n\n- Develop a clear set of values – and give teams time #leaders\n', 'innovation-explored')
    expect(result.report.boilerplate).toHaveLength(1)
    expect(result.report.boilerplate[0]).toMatchObject({id: 'the-series', title: 'The Innovation Exchange series', at: 'end'})
    expect(result.report.boilerplate[0]!.paragraphs[0]).toMatch(/^Innovation Exchanges give participants/)
    expect(result.report.introduction[1]).toBe('Participants shared a wide range of practical ideas and experiences. These insights are grouped for senior leaders.')
  })
})

describe('group: footnotes written to the facilitator', () => {
  it('prints neither a footnote addressed to the facilitator nor its mark, and lists it as left out with why', () => {
    const result = report(
      `# Notes\n\n## What works\n\n- Turnout rose by a third in the second year[^1] #works\n- Voting events with a live count[^2] #works\n\n[^1]: Figures from a participant's own evaluation, not published yet – check with him before we use them.\n[^2]: Last year's event had 400 voters.\n`,
    )
    expect(result.report.footnotes.map((note) => note.text)).toEqual(["Last year's event had 400 voters."])
    const turnout = itemOf(result, 'Turnout rose')!
    expect(turnout.content.some((node) => node.type === 'footnoteReference')).toBe(false)
    expect(result.report.omitted).toContainEqual(expect.objectContaining({rule: 'facilitator-note', line: 8}))
  })
})
