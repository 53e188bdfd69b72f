/**
 * Notes pasted in another markup: AsciiDoc (with reStructuredText's directives) and raw HTML from a CMS.
 * Each is read for what it means, so that its points reach the report as notes, its titles as headings, its
 * metadata and comments never, and nothing of the HTML as HTML.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {fromLightweightMarkup} from '../../src/parse/lightweight-markup.js'
import {processNotes} from '../../src/engine/pipeline.js'
import {reportToMarkdown} from '../../src/render/markdown.js'

const front = ['---', 'title: Pasted notes', 'date: 2026-11-01', 'attendees:', '  - { name: Oona Threlkeld, org: Copeland Borough Council, role: Officer }', '  - { name: Richard "Rich" Abernethy, org: Barnet Council, role: Lead }', '---', '']
const report = (lines: string[]) => {
  const file = new VFile({path: 'notes.md', value: [...front, ...lines].join('\n')})
  const {report} = processNotes(file)
  // Read as the reader reads it: a run-in headline's bold marks are no part of the words.
  return {markdown: reportToMarkdown(report).replaceAll('**', ''), file}
}

describe('AsciiDoc pasted into the notes', () => {
  const adoc = ['= Library services: what we learned', ':author: Oona Threlkeld', ':email: oona@example.org', '', '== What works', '', '* Mobile libraries reach the villages the buses do not.', '** Two vans cover forty villages a fortnight.', '', '[NOTE]', '====', 'Volunteers run the home delivery service in three districts.', 'It took a year to recruit them.', '====', '', 'TIP: Ask the parish councils where the vans should stop.', '', '// TODO check with Oona before publishing', '', '== Questions', '', '. Do you know which villages no library reaches?', '. Does your delivery service have a waiting list?', '']

  it('is rewritten line for line as the markdown it means, and only when it is AsciiDoc', () => {
    const {value, count} = fromLightweightMarkup([...front, ...adoc].join('\n'))
    const body = value.split('\n').slice(front.length)
    expect(body.length).toBe(adoc.length)
    expect(body[0]).toBe('# Library services: what we learned')
    expect(body[4]).toBe('## What works')
    expect(body[7]).toBe('  * Two vans cover forty villages a fortnight.')
    expect(body[9]).toBe('')
    expect(body[13]).toBe('')
    expect(body[15]).toBe('Ask the parish councils where the vans should stop.')
    expect(body[21]).toBe('1. Do you know which villages no library reaches?')
    expect(count).toBeGreaterThan(5)
    const markdown = [...front, '== Not a title in markdown notes', '', '- a point', ''].join('\n')
    expect(fromLightweightMarkup(markdown)).toEqual({value: markdown, count: 0})
  })

  it('reaches the report as notes and questions, without its metadata, comments or names', () => {
    const {markdown} = report(adoc)
    expect(markdown).toContain('Mobile libraries reach the villages the buses do not.')
    expect(markdown).toContain('Volunteers run the home delivery service in three districts.')
    expect(markdown).toMatch(/Ask the parish councils(?:\*\*)? where the vans should stop\./)
    expect(markdown).toMatch(/know which villages no library reaches\?\n/)
    expect(markdown).toMatch(/your delivery service have a waiting list\?/)
    expect(markdown).not.toMatch(/Oona|Threlkeld|oona@|:author:|TODO|==|\[NOTE\]/)
  })
})

describe('AsciiDoc numbered points nested two deep', () => {
  it('reads `.. point` under `. point` as a nested point, not a reStructuredText comment', () => {
    const lines = ['= Transport', '', '== Barriers', '', '. Buses to the clinic run every two hours.', '.. Volunteer drivers are ageing out.', '... Insurance costs put younger ones off.', '']
    const body = fromLightweightMarkup([...front, ...lines].join('\n')).value.split('\n').slice(front.length)
    expect(body.slice(4, 7)).toEqual(['1. Buses to the clinic run every two hours.', '   1. Volunteer drivers are ageing out.', '      1. Insurance costs put younger ones off.'])
    const {markdown} = report(lines)
    expect(markdown).toMatch(/Volunteer drivers are ageing out\./u)
    expect(markdown).toMatch(/Insurance costs put younger ones off\./u)
  })

  it('still reads `.. a comment` as a comment in a document with no numbered points', () => {
    const lines = ['= Transport', '', '== Barriers', '', '.. a comment for the editors', '* Buses to the clinic run every two hours.', '']
    expect(fromLightweightMarkup([...front, ...lines].join('\n')).value.split('\n')[front.length + 4]).toBe('<!-- .. a comment for the editors -->')
  })
})

describe('reStructuredText section titles, underlined and overlined', () => {
  const rst = ['=================================', ' Generative AI in council services', '=================================', '', ':author: Oona Threlkeld', '', '.. note::', '', '   Typed live and tidied the next morning.', '', 'Where councils are', '------------------', '', '* Most councils are piloting assistants in back-office teams.', '* Staff already use free tools on their phones.', '', '.. _worries:', '', 'What worries us', '~~~~~~~~~~~~~~~', '', '* Hallucinated case notes are the nightmare.', '', 'What works', '----------', '', '* Start with a boring, high-volume task.', '']

  it('are headings at the level of their adornment, not listings or fences that swallow the points under them', () => {
    const body = fromLightweightMarkup([...front, ...rst].join('\n')).value.split('\n').slice(front.length)
    expect(body.length).toBe(rst.length)
    expect(body.slice(0, 3)).toEqual(['', '# Generative AI in council services', ''])
    expect(body.slice(10, 12)).toEqual(['## Where councils are', ''])
    expect(body.slice(18, 20)).toEqual(['### What worries us', ''])
    expect(body.slice(23, 25)).toEqual(['## What works', ''])
    const {markdown} = report(rst)
    for (const point of ['Most councils are piloting assistants', 'Staff already use free tools', 'Hallucinated case notes are the nightmare', 'Start with a boring, high-volume task']) expect(markdown).toContain(point)
    expect(markdown).not.toMatch(/Oona|Threlkeld|-{4}|~{4}|={4}/)
  })

  it('leaves a listing in AsciiDoc a listing: its `----` is under a blank line, not under a title', () => {
    const lines = ['= Transport', ':author: Oona Threlkeld', '', '[source,text]', '----', 'route 12: every two hours', '----', '']
    const body = fromLightweightMarkup([...front, ...lines].join('\n')).value.split('\n').slice(front.length)
    expect(body.slice(4, 7)).toEqual(['```', 'route 12: every two hours', '```'])
  })
})

describe('HTML pasted into the notes', () => {
  const html = ['Copied from the CMS.', '', '<h2>What works</h2>', '<ul>', '<li>Mobile libraries reach the villages the <strong>buses</strong> do not.</li>', '<li>Oona\'s team runs the home delivery service.</li>', '</ul>', '', '<h2>Questions</h2>', '<ol>', '<li>Do you know which villages no library reaches?</li>', '</ol>', '', '<p>Contact: <a href="mailto:oona@copeland.gov.uk">Oona Threlkeld</a></p>', '<script>alert(1)</script>', '<!-- page owner: othrelkeld -->', '']

  it('reaches the report as notes, with no HTML, script or name in it', () => {
    const {markdown} = report(html)
    expect(markdown).toContain('Mobile libraries reach the villages the buses do not.')
    expect(markdown).toContain("team runs the home delivery service.")
    expect(markdown).toMatch(/know which villages no library reaches\?/)
    expect(markdown).not.toMatch(/<li>|<ul>|<h2>|<script|alert|Oona|Threlkeld|copeland|othrelkeld/i)
  })
})

describe('points typed one a line with no list marker', () => {
  it('reads questions one a line as a list of questions, and show notes’ chapters as a note each, without their times', () => {
    const {markdown} = report([
      '## Questions', '', 'Do you know which villages no library reaches?', 'Does your delivery service have a waiting list?', '',
      '## Chapters', '', '(00:02:10) Why the vans stopped at the schools first', '(00:07:45) Oona on volunteers: the delivery rounds need a coordinator', '(00:12:30) Mobile libraries reach the villages the buses do not', '',
    ])
    expect(markdown).toMatch(/villages no library reaches\?\n/)
    expect(markdown).toMatch(/\n- \[ \] .*waiting list\?/)
    expect(markdown).toContain('Why the vans stopped at the schools first')
    expect(markdown).toContain('the delivery rounds need a coordinator')
    expect(markdown).not.toMatch(/00:0|Oona/)
  })
})

describe('a nickname written inside an attendee’s name', () => {
  it('is an alias of theirs, and the name is written without it', async () => {
    const {toPerson} = await import('../../src/parse/roster.js')
    expect(toPerson({name: 'Richard "Rich" Abernethy', org: 'Barnet Council'}, {file: 'notes.md'})).toMatchObject({name: 'Richard Abernethy', aliases: ['Rich']})
    expect(toPerson('Bartholomew “Bart” Quayle (Isle of Man Government)', {file: 'notes.md'})).toMatchObject({name: 'Bartholomew Quayle', aliases: ['Bart'], org: 'Isle of Man Government'})
    expect(toPerson({name: "Seán O'Neill"}, {file: 'notes.md'})).toMatchObject({name: "Seán O'Neill", aliases: []})
    const {markdown} = report(['## What works', '', '- **Rich Abernethy** leads co-production and uses a direct payment himself.', ''])
    expect(markdown).not.toMatch(/Rich|Abernethy/)
  })
})

describe('a spreadsheet pasted as text, not in a fence', () => {
  it('is a note per row from its text column, the delimiter inside a note kept, the names in other columns gone', () => {
    const {markdown} = report([
      '## What works', '',
      'Ref;Table;Contributor;Note;Theme',
      'A1;A;Oona T;Mobile libraries reach the villages the buses do not; the vans stop at the schools;works',
      'A2;A;Rich A;Volunteers run the home delivery service in three districts;works', '',
      'Ref\tContributor\tNote',
      'B1\tOona Threlkeld\tAsk the parish councils where the vans should stop',
      'B2\trich abernethy\tThe delivery rounds need a paid coordinator', '',
    ])
    expect(markdown).toContain('Mobile libraries reach the villages the buses do not; the vans stop at the schools')
    expect(markdown).toMatch(/\n\d+\. Volunteers run the home delivery service in three districts/)
    expect(markdown).toMatch(/Ask the parish councils(?:\*\*)? where the vans should stop/)
    expect(markdown).toMatch(/The delivery rounds need a paid coordinator/)
    expect(markdown).not.toMatch(/Oona|Rich|A1;|Contributor|;works/i)
  })
})

describe('a board export’s theme column', () => {
  it('places each card as a hashtag would', () => {
    const {markdown} = report(['Ref;Note;Theme', 'A1;Volunteers run the home delivery service in three districts;culture', 'A2;Mobile libraries reach the villages the buses do not;examples', ''])
    const culture = markdown.indexOf('## 1. Culture')
    const examples = markdown.indexOf('## 2. Examples')
    expect(culture).toBeGreaterThan(-1)
    expect(markdown.lastIndexOf('Volunteers run the home delivery service')).toBeGreaterThan(culture)
    expect(markdown.lastIndexOf('Volunteers run the home delivery service')).toBeLessThan(examples)
    expect(markdown.lastIndexOf('Mobile libraries reach the villages')).toBeGreaterThan(examples)
  })
})
