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
