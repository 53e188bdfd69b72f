/**
 * Each class of loss from issue 14, with a line that reproduced it: the
 * note now reaches the report (HTML, markdown and JSON), or is left out with
 * a reason that is a warning and a `left_out` entry — never lost silently.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {htmlText} from '../../src/audit/index.js'
import {compileReport} from '../../src/engine/index.js'
import {diagnosticsOf} from '../../src/diagnostics.js'
import type {JsonItem, JsonReport} from '../../src/render/json.js'
import {renderReview} from '../../src/review/index.js'

function build(body: string, attendees: string[] = []) {
  const value = `---\ntitle: Ledger\n${attendees.length ? `attendees: [${attendees.join(', ')}]\n` : ''}---\n\n${body}`
  const file = new VFile({path: 'notes.md', value})
  const compiled = compileReport(file)
  const json = JSON.parse(compiled.json) as JsonReport
  return {file, compiled, json, html: htmlText(compiled.html), diagnostics: diagnosticsOf(file)}
}

const flat = (items: JsonItem[]): JsonItem[] => items.flatMap((item) => [item, ...flat(item.children)])

describe('headings drop their notes only when they are exactly a documented drop heading', () => {
  it.each([
    ['## Routes, fleets and contracts', 'depots are too far from the new estates'],
    ['## Actions agreed', 'pilot a shared fleet across two councils'],
    ['## Notes\n\n### Table 2 (Ana + Ben)', 'the grant conditions change every year'],
    ['## Follow-up actions and contacts we discussed', 'residents trust the library more than the council'],
  ])('keeps the notes under `%s`', (heading, note) => {
    const {html, json, compiled} = build(`## Opening\n\n- first note about the day's theme\n\n${heading}\n\n- ${note}\n`)
    expect(html).toContain(note.slice(1))
    expect(compiled.markdown).toContain(note.slice(1))
    expect(JSON.stringify(json.left_out)).not.toContain(note.slice(1))
  })

  it.each(['## Contacts', '## Contact details', '## Attendees', '## Actions', '## Parking lot', '## Contacts (do not publish)'])('leaves out the notes under `%s`, as a warning with the heading', (heading) => {
    const {json, diagnostics} = build(`## Opening\n\n- first note about the theme\n\n${heading}\n\n- ring the housing team next week\n`)
    expect(json.left_out).toMatchObject([{line: 11, rule: 'dropped-heading', text: 'ring the housing team next week'}])
    expect(diagnostics.filter((diagnostic) => diagnostic.rule === 'left-out')).toMatchObject([{severity: 'warning', line: 11}])
  })

  it('strips the people from a breakout heading and places its notes by the rest of it', () => {
    const {json, html} = build('## Breakouts\n\n### Table 2 (Ana + Ben) – barriers\n\n- one note on data sharing\n- the grant conditions change every year\n')
    expect(html).not.toMatch(/\bAna\b|\bBen\b/)
    expect(flat(json.sections.flatMap((section) => section.items)).map((item) => item.text)).toEqual(expect.arrayContaining(['One note on data sharing', 'The grant conditions change every year']))
  })
})

describe('nesting at every depth', () => {
  const notes = '## Workforce\n\n- Workforce\n  - vacancies\n    - one council’s vacancy rate doubled in a year #challenge\n      - and agency spend with it\n'

  it('draws a third- and fourth-level bullet in the HTML and the markdown', () => {
    const {html, compiled} = build(notes)
    expect(html).toContain('vacancy rate doubled in a year')
    expect(html).toContain('And agency spend with it')
    expect(compiled.markdown).toMatch(/\n {4,}- One council’s vacancy rate doubled/)
  })

  it('carries children at every depth in JSON items, and places the parent by its child’s own hashtag', () => {
    const {json} = build(notes)
    const change = json.sections.find((section) => section.id === 'what-needs-to-change')!
    expect(change.items[0]).toMatchObject({text: 'Workforce', children: [{text: 'Vacancies', children: [{children: [{text: 'And agency spend with it'}]}]}]})
  })

  it('moves a sub-bullet whose own hashtag names another section there', () => {
    const {json} = build('## Misc\n\n- Consultation is broken #challenge\n  - libraries as warm hubs worked well #works\n')
    const item = (id: string) => flat(json.sections.find((section) => section.id === id)?.items ?? []).map((entry) => entry.text)
    expect(item('what-works')).toContain('Libraries as warm hubs worked well')
    expect(item('what-needs-to-change')).not.toContain('Libraries as warm hubs worked well')
  })

  it('keeps what is nested under a quote and under a question', () => {
    const {html} = build('## Said\n\n- "We stopped asking and started listening" – one participant\n  - this came from the youth panel\n- Do we know who we never hear from? #question\n  - especially carers under 18\n')
    expect(html).toMatch(/this came from the youth panel/i)
    expect(html).toMatch(/especially carers under 18/i)
  })
})

describe('pasted exports become notes, without who said them or when', () => {
  it('turns a Zoom chat into notes and keeps direct messages out', () => {
    const {html, json, compiled} = build(
      '## Chat\n\n```\n10:04:12 From Ana Silva to Everyone: we never hear from young carers\n10:05:40 From Ben Okoro to Everyone: the waiting list is eight months\n10:06:01 From Ana Silva to Ben Okoro(Direct Message): can you send the slides\n10:07:15 From Chloe Grant to Everyone: Ana made a good point about transport\n```\n',
    )
    expect(html).toContain('never hear from young carers')
    expect(html).toContain('waiting list is eight months')
    expect(html).toContain('good point about transport')
    for (const output of [html, compiled.markdown, compiled.json]) expect(output).not.toMatch(/Ana|Silva|Okoro|Chloe|10:04/)
    expect(json.left_out).toMatchObject([{line: 10, rule: 'private-message'}])
  })

  it('turns a Teams chat, with the speaker and time on a line of their own, into notes', () => {
    const {html, compiled} = build('## Chat\n\n```\nDev Patel   10:41\nBudgets are tighter than ever, but prevention pays back\nMia Wong   10:43\nwe co-designed the new service with families\n```\n')
    expect(html).toContain('prevention pays back')
    expect(html).toContain('co-designed the new service with families')
    expect(compiled.json).not.toMatch(/Patel|Mia|Wong|10:4/)
  })

  it('turns a sticky-note board CSV into notes, without the author column', () => {
    const {html, compiled} = build('## Board\n\n```csv\nContent,Author,Votes,Colour\n"Libraries as warm hubs worked well",Sam Lee,4,yellow\nDigital exclusion is underestimated,Kai Moss,2,pink\n```\n')
    expect(html).toContain('Libraries as warm hubs worked well')
    expect(html).toContain('Digital exclusion is underestimated')
    expect(compiled.json).not.toMatch(/Sam Lee|Kai Moss|yellow/)
  })

  it('turns a live log, a time at the start of each line, into a note per line without the times, also where it runs on into a bullet', () => {
    const {json, compiled} = build('# live log\n\n10:05 TB: buses every 2 hrs, nobody gets to a 9am appt\n10:09 volunteer drivers are ageing out\n   - insurance costs put younger ones off\n10:15 community minibus shared with the school #works\n10:20 evenings and sundays basically nothing\n', ['Tom Birch'])
    const texts = flat(json.sections.flatMap((section) => section.items)).map((item) => item.text)
    expect(texts).toEqual(
      expect.arrayContaining(['Buses every 2 hrs, nobody gets to a 9am appt', 'Volunteer drivers are ageing out', 'Insurance costs put younger ones off', 'Evenings and sundays basically nothing']),
    )
    expect(json.sections.find((section) => section.id === 'what-works')?.items.map((item) => item.text)).toEqual(['Community minibus shared with the school'])
    expect(compiled.markdown).not.toMatch(/10:\d\d|\bTB\b/)
  })

  it('leaves an ordinary code block out, as a warning that says so', () => {
    const {json, diagnostics} = build('## Data\n\n- a note\n\n```\nSELECT * FROM cases;\n```\n')
    expect(json.left_out).toMatchObject([{rule: 'code-block', text: '(a code block of 1 line, not shown)'}])
    expect(diagnostics.some((diagnostic) => diagnostic.rule === 'left-out' && diagnostic.severity === 'warning')).toBe(true)
  })
})

describe('a note emptied by anonymising', () => {
  it('is left out with a reason, a warning, a JSON entry and a line on the review page', () => {
    const {json, diagnostics, file, compiled} = build('## Contacts shared\n\n- a real note about housing repairs\n- Frank Osei: mob 07700 900 744\n', ['Frank Osei'])
    expect(json.left_out).toEqual([{line: 9, rule: 'anonymised-away', reason: 'everything in it named or reached a participant', text: ''}])
    expect(diagnostics.filter((diagnostic) => diagnostic.rule === 'left-out')).toMatchObject([{severity: 'warning', line: 9}])
    const review = renderReview({file: 'notes.md', title: 'Ledger', source: String(file.value), redactions: compiled.redactions, diagnostics, leftOut: compiled.report.leftOut})
    expect(review).toContain('Left out of the report (1)')
    expect(review).toContain('everything in it named or reached a participant')
  })

  it('never puts a participant’s name in the JSON left_out text', () => {
    const {json} = build('## Logistics notes\n\n- housing repairs take too long to book\n- Frank Osei to confirm the date\n- coffee at 11 with Frank Osei\n', ['Frank Osei'])
    expect(json.left_out.length).toBeGreaterThan(0)
    expect(JSON.stringify(json.left_out)).not.toMatch(/Frank|Osei/)
  })
})
