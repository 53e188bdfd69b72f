/**
 * How a note is said, as features of the learned placement: its main clause,
 * its mood, a named example's shape, a question to the reader against the
 * room's own complaint asked as a question, a line that is mostly a link, and
 * a board's column as a direction. Notes written for each class.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {processNotes} from '../../src/engine/pipeline.js'
import {isQuestion} from '../../src/group/questions.js'
import {shapeFeatures} from '../../src/group/placement-model.js'
import {boardColumn, readSignals} from '../../src/group/signals.js'

const shape = (text: string) => new Set(shapeFeatures(text, text, readSignals(text)).map(([name]) => name))

describe('placement shape features', () => {
  it('weighs the clause after but or a semicolon: what worked, then a need', () => {
    const said = shape('The pilot worked, but it stopped the day the grant ended and nobody owned the kit')
    expect(said).toContain('main-clause:need')
    expect(said).toContain('turns-to-need')
    expect(shape('Waiting lists were too long; a same-day triage scheme cut them by half')).toContain('main-clause:practice')
  })

  it('reads the mood: a modal or an instruction asks for a change, a past-tense result reports one', () => {
    expect(shape('Partnerships should publish a single annual plan with the commissioner')).toContain('mood:modal')
    expect(shape('Stop sending three different contractors for one leak')).toContain('mood:imperative')
    expect(shape('Rewrite the eligibility letter in plain English')).toContain('mood:imperative')
    expect(shape('Trust is the first thing to go')).not.toContain('mood:imperative')
    expect(shape('The hub reduced repeat calls by 35% in its first year')).toContain('past-result')
  })

  it('knows a named example by a proper name with its result, and an anonymised place with its result', () => {
    expect(shape('Suffolk Libraries, run as a staff-owned mutual since 2012, added 20,000 members')).toContain('named-with-result')
    expect(shape('One district council shared a CCTV control room that paid for itself in three years')).toContain('place-with-result')
    expect(shape('Staff confidence was the real barrier')).not.toContain('named-with-result')
  })

  it('tells a question put to the reader from the room’s own problem asked as a question', () => {
    expect(shape('Do you know how many of your alarm users are still on analogue lines?')).toContain('asks-reader')
    const complaint = shape('How are we meant to mainstream anything when the money is a one-off grant?')
    expect(complaint).toContain('asks-for-us')
    expect(complaint).not.toContain('asks-reader')
    expect(shape('why does a tenant have to ring four times before anyone looks')).not.toContain('asks-for-us')
    expect(shape('could your staff write off a small debt on the phone question mark')).toContain('spoken-question')
  })

  it('sees a line that is mostly a link, a bare web address, a spoken one, or a linked page', () => {
    expect(shape('carersuk.org/wales')).toEqual(new Set(['web-address', 'mostly-link']))
    expect(shape('Transport for All report: transportforall.org.uk/campaigns/are-we-there-yet')).toContain('web-address')
    expect(shape('the protocol is at citizens advice dot org dot uk slash about us')).toContain('web-address')
    expect(shape('See [[Herbert Protocol]] for the form')).toContain('page-link')
  })

  it('reads a board’s column heading as a direction, whatever the board calls it', () => {
    expect(boardColumn('Stop')).toBe('change')
    expect(boardColumn('Start doing')).toBe('change')
    expect(boardColumn('Even better if…')).toBe('change')
    expect(boardColumn('Continue')).toBe('works')
    expect(boardColumn('👍 Went well')).toBe('works')
    expect(boardColumn('Liked')).toBe('works')
    expect(boardColumn('Stopping the rise in temporary accommodation')).toBeUndefined()
    expect(boardColumn('Areas for development')).toBe('change')
  })
})

function sectionOf(notes: string, text: string): {section: string; rule: string} | undefined {
  const {report} = processNotes(new VFile({path: 'notes.md', value: notes}))
  for (const section of report.sections) for (const item of section.items) if (item.placement.rule !== 'key' && item.text.includes(text)) return {section: section.id, rule: item.placement.rule}
  return undefined
}

describe('a board’s columns and the room’s complaints, placed', () => {
  it('files a retrospective’s Stop and Start under what to change and its Continue under what works', () => {
    const notes = [
      '# Library volunteers retro',
      '',
      '## Stop',
      '',
      '- Emailing the rota as a spreadsheet nobody can open on a phone',
      '',
      '## Start',
      '',
      '- Pairing new volunteers with an old hand for their first three shifts',
      '',
      '## Continue',
      '',
      '- The Friday coffee for volunteers after closing',
      '',
    ].join('\n')
    expect(sectionOf(notes, 'Emailing the rota')).toEqual({section: 'what-needs-to-change', rule: 'heading'})
    expect(sectionOf(notes, 'Pairing new volunteers')).toEqual({section: 'what-needs-to-change', rule: 'heading'})
    expect(sectionOf(notes, 'The Friday coffee')).toEqual({section: 'what-works', rule: 'heading'})
  })

  it('reads the room’s problem asked as a question as a statement, never a question to the reader', () => {
    expect(isQuestion('How are councils supposed to plan when the settlement arrives in February?')).toBe(false)
    expect(isQuestion('Why do carers have to tell their story five times?')).toBe(false)
    expect(isQuestion('Why can’t we share one record with the NHS?')).toBe(false)
    expect(isQuestion('How do you plan when the settlement arrives in February?')).toBe(true)
    expect(isQuestion('Why do residents trust the library more than the council?')).toBe(true)
    const notes = '# Carers\n\n## Round the room\n\n- Why do carers have to tell their story five times before anyone helps?\n- Do you know how many carers in your area are under 18?\n'
    expect(sectionOf(notes, 'tell their story five times')?.section).not.toBe('questions')
    expect(sectionOf(notes, 'carers in your area')?.section).toBe('questions')
  })
})

describe('picture retrospectives, named schemes and questions to the reader, placed', () => {
  it('reads a picture retrospective’s columns and a consultation’s you said / we did as directions', () => {
    expect(boardColumn('Anchors')).toBe('change')
    expect(boardColumn('Rocks')).toBe('change')
    expect(boardColumn('Sandbags')).toBe('change')
    expect(boardColumn('Wind')).toBe('works')
    expect(boardColumn('Sunshine (what kept us going)')).toBe('works')
    expect(boardColumn('Hot air')).toBe('works')
    expect(boardColumn('You said')).toBe('change')
    expect(boardColumn('What residents told us')).toBe('change')
    expect(boardColumn('We did')).toBe('works')
    expect(boardColumn('Rocks and soil on the new estate')).toBeUndefined()
    const notes = [
      '# Speedboat retro: the blue badge service',
      '',
      '## Anchors',
      '',
      '- Every renewal is treated as a new application with the same evidence again',
      '',
      '## Wind',
      '',
      '- Automatic renewals for people on the higher rate of PIP',
      '',
      '## You said',
      '',
      '- The online form timed out before you could upload a photo',
      '',
      '## We did',
      '',
      '- The form now saves as you go and the photo can follow by post',
      '',
    ].join('\n')
    expect(sectionOf(notes, 'Every renewal is treated')).toEqual({section: 'what-needs-to-change', rule: 'heading'})
    expect(sectionOf(notes, 'Automatic renewals')).toEqual({section: 'what-works', rule: 'heading'})
    expect(sectionOf(notes, 'The online form timed out')).toEqual({section: 'what-needs-to-change', rule: 'heading'})
    expect(sectionOf(notes, 'saves as you go')).toEqual({section: 'what-works', rule: 'heading'})
  })

  it('files a named place’s or body’s own scheme, team or trial as an example, whatever its topic or column', () => {
    const notes = [
      '# Recovery debrief',
      '',
      '## Wind',
      '',
      '- Kirklees’s hoarding support team cleared 40 homes without a single eviction',
      '',
      '## Notes',
      '',
      '- 3.2 Look at how Torbay’s integrated care trial pooled one budget for reablement',
      '- Children’s services team said referrals doubled after the floods',
      '- The DWP’s youth offer and the careers service do not share a record',
      '',
    ].join('\n')
    expect(sectionOf(notes, 'hoarding support team')).toEqual({section: 'examples', rule: 'wording'})
    expect(sectionOf(notes, 'integrated care trial')?.section).toBe('examples')
    // A possessive that names no one, or an institution’s offer, is no story of a place.
    expect(sectionOf(notes, 'referrals doubled after the floods')?.section).not.toBe('examples')
    expect(sectionOf(notes, 'do not share a record')?.section).not.toBe('examples')
  })

  it('files a question put to the reader as a question under any heading, but not one answered in the note', () => {
    const notes = [
      '# 4Ls',
      '',
      '## Longed for',
      '',
      '- What would your service look like if every form had a phone option?',
      '',
      '## Further reading',
      '',
      '- Is your consultation reaching the people who never use the park?',
      '',
      '## Q&A',
      '',
      '- Q: How do you keep volunteers past the first year? A: A named person they can ring, every time.',
      '',
    ].join('\n')
    expect(sectionOf(notes, 'every form had a phone option')).toEqual({section: 'questions', rule: 'question'})
    expect(sectionOf(notes, 'consultation reaching')).toEqual({section: 'questions', rule: 'question'})
    expect(sectionOf(notes, 'keep volunteers past the first year')?.rule).not.toBe('question')
  })
})
