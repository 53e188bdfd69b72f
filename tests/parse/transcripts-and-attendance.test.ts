/**
 * Transcripts with no times (a meeting tool's auto-transcript, a stenographer's verbatim record), attendance lists
 * written in the body, and plural nouns' possessives in names. Found on held-out set 8; each case is a shape, not a file.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {processNotes} from '../../src/engine/pipeline.js'
import {reportToMarkdown} from '../../src/render/markdown.js'
import {labelPeople} from '../../src/anonymise/label-speakers.js'

const build = (body: string[], front: string[] = ['title: Transcript']) => {
  const file = new VFile({path: 'notes.md', value: ['---', ...front, '---', '', ...body, ''].join('\n')})
  const {report} = processNotes(file)
  return {markdown: reportToMarkdown(report).replaceAll('**', ''), file, report}
}
const notesOf = (report: ReturnType<typeof build>['report']) => report.sections.flatMap((section) => section.items.map((item) => item.text))

describe('a transcript with no times, a turn a line', () => {
  const meet = [
    'carol mayhew: Thanks. So the headline from us is that almost nobody uses the case review.',
    'Des Farelly: Three complaints in six months is the default threshold in most councils.',
    'You: Des, is that the report from last year?',
    'Des Farelly: Yes, the one that looked at every council website and its forms.',
    'kerri anne walsh: A case review is often the first time anyone has read the whole file.',
    'carol mayhew: Bill, the cost argument cuts both ways, the repeat calls cost more.',
  ]

  it.each([
    ['lower-case labels of an auto-transcript', meet, ['carol', 'mayhew', 'farelly', 'kerri', 'walsh']],
    [
      "a stenographer's record: margin numbers, Q. and A., cues and stage directions",
      [
        '1   MS ACHEAMPONG: Good afternoon. We are on the record, under the Chatham House rule.',
        '2   (Pause)',
        '3   BY MS ACHEAMPONG:',
        '4   Q. How do you find the hidden houses?',
        '5   A. COUNCILLOR LANE: Bins. Six bins behind a three-bed terrace tell you more',
        '6   than any database we hold.',
        '7   MS ACHEAMPONG: Dr Oyelowo-Barnes, you ran an additional licensing scheme.',
        '8   A. DR OYELOWO-BARNES: Inspections went up, but the real change was the data.',
        '9   (Laughter)',
        '10  A. COUNCILLOR LANE: I agree with Dr Oyelowo-Barnes on that.',
      ],
      ['acheampong', 'oyelowo', 'councillor lane', 'pause', 'laughter', 'by ms'],
    ],
  ])('%s: a note per turn, no label and no speaker named anywhere', (_, body, gone) => {
    const {markdown, report} = build(body)
    const notes = notesOf(report)
    expect(notes.length).toBeGreaterThanOrEqual(4)
    for (const word of gone) expect(markdown.toLowerCase()).not.toContain(word)
    expect(markdown).not.toMatch(/^\s*\d+\s{2}/mu)
  })

  it("leaves a stenographer's cues and stage directions out with their reason, never silently", () => {
    const {report} = build(['1   MS ACHEAMPONG: Good afternoon, everyone, and welcome.', '2   (Pause)', '3   BY MS ACHEAMPONG:', '4   A. MR DUNMORE: Bins tell you more than any database.', '5   (Laughter)', '6   MS ACHEAMPONG: Thank you both for coming today.', '7   MR DUNMORE:', '8   A second point: fees cannot fund enforcement.'])
    const left = report.leftOut ?? []
    expect(left.filter((entry) => entry.rule === 'transcript-cue').map((entry) => entry.line)).toEqual([6, 7, 9])
    // A speaker's label alone is emptied by the anonymiser first: left out all the same, with that reason.
    expect(left.filter((entry) => entry.line === 11).map((entry) => entry.rule)).toEqual(['anonymised-away'])
  })

  it('keeps what each turn said, and a lone question of the examiner as its own note', () => {
    const {markdown} = build(['1   MS ACHEAMPONG: Good afternoon, everyone, and welcome.', '2   Q. How do you find the hidden houses?', '3   A. MR DUNMORE: Bins tell you more than any database.', '4   MS ACHEAMPONG: Thank you both for coming today.'])
    expect(markdown).toContain('How do you find the hidden houses?')
    expect(markdown).toContain('Bins tell you more than any database.')
  })

  it('does not read a paragraph of headings with colons as a transcript, nor make its labels people', () => {
    expect(labelPeople(['You', 'Pros', 'Cons', 'Action', 'Chair', 'Interviewer', 'Table 3'])).toEqual([])
    expect(labelPeople(['carol mayhew', 'MS ACHEAMPONG', 'Des Farelly']).map((person) => person.name)).toEqual(['carol mayhew', 'ACHEAMPONG', 'Des Farelly'])
    const {markdown} = build(['Pros: cheap to run and quick to set up for any team.', 'Cons: slow to change once the contract is signed.'])
    expect(markdown).toMatch(/cheap to run/u)
    expect(markdown).toMatch(/slow to change/iu)
  })

  it('accounts once for a turn its names empty: a chat line is a list item and a paragraph at one place (the ledger balances)', () => {
    const body = ['Carol Mayhew: We changed our form so the victim says what it does to them.', 'You: Carol Mayhew', 'Carol Mayhew: Twenty working days is the target we set.', 'Des Farelly: Housing officers are scared of the review.']
    expect(() => build(body)).not.toThrow()
    const {file} = build(body)
    expect(file.messages.filter((message) => message.ruleId === 'imbalance')).toEqual([])
  })
})

describe('an attendance list in the body', () => {
  it.each([
    ['a line of names under `Attendees`', ['Attendees', '', 'Bill Okonkwo, Carol Mayhew, Des Farrelly, Kerry-Anne Walsh, Peer Exchange Notes (You)', ''], 'Carol said the form was too long; Okonkwo agreed with Des Farrelly.', ['carol', 'okonkwo', 'farrelly']],
    ['a labelled line with organisations', ["Panel (for the record only): Cllr Patricia Lane (Oxford City Council); Dr Nadia Obi (London Borough of Newham); chair Abena Acheampong (Civic Exchange Network)", ''], "Patricia's team in Oxford found the hidden houses; Dr Obi agreed.", ['patricia', 'oxford', 'obi', 'acheampong']],
    ['a list under `Present:`', ['Present:', '', '- Sue Field (Leeds City Council)', '- Mark Hill', ''], 'In Leeds, Sue ran the pilot and Mark Hill wrote it up.', ['sue', 'leeds', 'mark hill']],
  ])('%s: its people join the roster, it is left out with its reason', (_, list, note, gone) => {
    const {markdown, file} = build([...list, `- ${note}`])
    for (const word of gone) expect(markdown.toLowerCase()).not.toContain(word)
    expect(markdown).toMatch(/found|pilot|form/u)
    expect(file.messages.some((message) => message.ruleId === 'left-out' && /attendance/u.test(message.reason))).toBe(true)
  })

  it('is not read from a line whose entries are not names', () => {
    const {file} = build(['Participants: councils, housing associations, the police and two charities.', '', '- Buses every two hours are the main barrier.'])
    expect(file.messages.some((message) => /attendance/u.test(message.reason))).toBe(false)
    expect(file.data.roster?.people).toEqual([])
  })
})

describe("a plural noun's possessive in a name", () => {
  it.each(["the Victims' Commissioner report", "the Renters' Reform Coalition briefing", "the Carers' Trust", "the Ramblers' Association plan"])('%s is kept', (phrase) => {
    const {markdown} = build([`- Read ${phrase} on enforcement before the next meeting.`])
    expect(markdown).toContain(phrase.replace(/^the /u, ''))
  })
})
