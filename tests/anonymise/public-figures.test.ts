/**
 * Public figures named beside the discussion (issue 15, over-redaction). A roster given name before a surname that
 * is not that participant's names someone else (`Michael Marmot`, where Michael Osei is in the room); a public role
 * or title before a name (`footballer …`, `Dame …`, `… MP`) and an eponymous document (`X's 2016 review`, `the X
 * review`, `X's book`) are public names the roster and the detection of other people leave whole. The participant
 * named in full, or by the given name alone, still goes; so does a private person's full name with no public shape.
 */
import {describe, expect, it} from 'vitest'
import {createAuditor} from '../../src/audit/index.js'
import {findPublicNames} from '../../src/anonymise/public-names.js'
import {anonymise} from './helpers.js'

const front = `---
title: Public figures
attendees:
  - Michael Osei
  - Carol Pinder
  - Gareth Boyle
  - Jo Bright
  - Trevor Mensah
  - Emma Radley
share: [Local Government Association]
---
`

/** The recogniser's reason, and a note whose public name must survive whole. */
const publicNames: Array<[string, string, string]> = [
  ['public figure, by role', '- footballer Trevor Sinclair visited the youth hub', 'Trevor Sinclair'],
  ['public figure, by role', '- author Emma Barnett spoke to the network', 'Emma Barnett'],
  ['public figure, by role', '- the minister Jo Stevens opened the hub', 'Jo Stevens'],
  ['public figure, by role', '- Dame Carol Black led the drugs review', 'Dame Carol Black'],
  ['public figure, by role', '- the late Jo Cox MP said we have more in common', 'Jo Cox MP'],
  ['public figure, by role', "- former England manager Gareth Southgate's line about culture", "Gareth Southgate's"],
  ['author of an eponymous document', "- Michael Marmot's 2010 review is still the best framing", "Michael Marmot's"],
  ['author of an eponymous document', "- Carol Black's review of drug misuse", "Carol Black's"],
  ['author of an eponymous document', "- Emma Barnett's book on period poverty", "Emma Barnett's"],
  ['author of an eponymous document', "- Marmot's 2010 review set the frame", "Marmot's"],
  ['author of an eponymous document', '- the Marmot review ten years on', 'Marmot'],
  ['author of an eponymous document', '- The Fuller stocktake on primary care', 'Fuller'],
  ['author of an eponymous document', "- Michael Gove's free school meals campaign", "Michael Gove's"],
]

describe('public figures named beside the discussion survive', () => {
  it.each(publicNames)('%s: %s', (reason, note, name) => {
    const {markdown, file} = anonymise(`## Notes\n\n${note}\n`, front)
    expect(markdown).toContain(name)
    expect(findPublicNames(note).map((span) => span.reason)).toContain(reason)
    const auditor = createAuditor(file.data.roster!, String(file.value), file.data.meta, file.data.ordinary ?? [])
    expect(auditor.scan(markdown, 'md')).toEqual([])
  })
})

describe('a roster given name before another surname is not the participant', () => {
  it('leaves the participant out of `Michael Marmot was right` and lets the rules for other people decide', () => {
    const {markdown, file} = anonymise('## Notes\n\n- we quoted Michael Marmot at the board and it landed\n', front)
    // Not the participant: never `one participant Marmot`.
    expect(markdown).not.toMatch(/participant/u)
    const auditor = createAuditor(file.data.roster!, String(file.value), file.data.meta, file.data.ordinary ?? [])
    expect(auditor.scan(markdown, 'md')).toEqual([])
  })

  it.each([
    ['the participant in full', '- Michael Osei ran the pilot in Smethwick', /Osei|Michael/u],
    ['the given name alone', '- Michael said the review gets quoted more than funded', /Michael/u],
    ['the given name before a word', '- thanks Michael Great work on the pilot', /Michael/u],
    ['the given name before a month', '- Michael March figures are in', /Michael/u],
    ['the given name before a place', '- Michael Sandwell team ran it', /Michael/u],
    ['the surname misspelt', '- Michael Osie ran the pilot', /Michael|Osie/u],
    ['a title and one word', '- Lord Bright spoke first', /Bright/u],
    ['a possessive with no year', "- Carol's review of the data was sharp", /Carol/u],
  ])('still removes %s: %s', (_case, note, name) => {
    const {markdown} = anonymise(`## Notes\n\n${note}\n`, front)
    expect(markdown).not.toMatch(name)
  })

  it.each(['- Our minister, Fiona Strachan MSP, visited the hub', '- my MP, Jo Cox MP, came to the hub', '- their mayor, Andy Street, opened it'])(
    'leaves a role that is someone’s own (where they are from) to the rules for people not on the roster: %s',
    (note) => {
      expect(findPublicNames(note).map((span) => span.reason)).not.toContain('public figure, by role')
    },
  )

  it('removes a private person named in full with no public shape (the rules for people not on the roster)', () => {
    const {markdown} = anonymise('## Notes\n\n- Michael Smithers ran the pilot at the depot\n', front)
    expect(markdown).not.toMatch(/Smithers/u)
  })
})
