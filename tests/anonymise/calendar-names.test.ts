/**
 * A participant whose given name is a month, weekday or season (issue 15, over-redaction): August, May, June, Summer,
 * Autumn, Winter. In a date's context (a preposition of time, a day's number, a year, `last`/`next`, `half-term`, `bank
 * holiday`) the word is the calendar's and survives; in a name position (a label, an owner, a verb of saying, a
 * possessive, the full name) the participant goes. Each row is a sentence written for the class.
 */
import {describe, expect, it} from 'vitest'
import {createAuditor} from '../../src/audit/index.js'
import {calendarContexts, calendarUse} from '../../src/anonymise/lexicon/calendar.js'
import {anonymise} from './helpers.js'

const front = `---
title: Calendar names
attendees:
  - { name: August Mensah, org: Torbay Council }
  - May Okonkwo
  - June Abernethy
  - Summer Oyelaran
  - Autumn Tshabalala
  - Winter Castellanos
share: []
---
`

/** The calendar context, and a note whose month, weekday or season (the last one in it) must survive as written. */
const calendar: Array<[string, string]> = [
  ['after a preposition of time', 'referrals dipped in August'],
  ['after a preposition of time', 'the pilot has run since May with two link workers'],
  ['after a preposition of time', 'we lost two staff over the Summer'],
  ['after a preposition of time', 'nothing changes until June at the earliest'],
  ['after a preposition of time', 'the grant ends in mid-August'],
  ['by a time', 'we report the numbers to the board by June'],
  ['after last, next, this or every', 'last Autumn the warm spaces opened'],
  ['after last, next, this or every', 'next Winter we open the hubs at weekends'],
  ['after last, next, this or every', 'every August the referrals fall off a cliff'],
  ['after a day of the month', 'the board met on 12 August'],
  ['after a day of the month', 'the deadline is the 4th of June'],
  ['before a year or a day', 'Summer 2025 was the first year of the holiday programme'],
  ['before a year or a day', 'the figures for August 2025 were poor'],
  ['before a year or a day', 'the review closes June 14 and nobody has read it'],
  ['before a calendar noun', 'May half-term is when the calls double'],
  ['before a calendar noun', 'the August bank holiday weekend is the gap in cover'],
  ['before a calendar noun', 'Winter pressures money arrives too late'],
  ['the end of a range', 'the busy months are May to August'],
  ['the start of a range', 'June to August is when the holiday clubs book up, and the money runs out by May'],
]

/** A note where the month, weekday or season is the participant, and the word that must go. */
const names: Array<[string, string, string]> = [
  ['a verb of saying', 'August said the drop is the same every year', 'August'],
  ['a label', 'June: the dashboard is only as good as the data', 'June'],
  ['an owner', 'Autumn to send the costs of the warm spaces', 'Autumn'],
  ['a possessive', "August's team built the timetable", 'August'],
  ['mid-sentence, no date around it', 'we asked August about the waiting list', 'August'],
  ['thanks to a person', 'thanks to June for hosting', 'June'],
  ['listed with another participant', 'Summer and June ran the holiday clubs', 'June'],
  ['an agent', 'the session was chaired by May', 'May'],
  ['a person after the day', 'on Monday Summer explained the holiday clubs', 'Summer'],
  ['a sentence of its own, no date around it', 'Autumn again. The summer holidays are when we lose them', 'Autumn'],
]

function audit(markdown: string, file: ReturnType<typeof anonymise>['file']) {
  return createAuditor(file.data.roster!, String(file.value), file.data.meta, file.data.ordinary ?? []).scan(markdown, 'md')
}

describe('a month, weekday or season in a date survives, whoever is called it', () => {
  it.each(calendar)('%s: %s', (context, text) => {
    const {markdown, file} = anonymise(`## Notes\n\n- ${text}\n`, front)
    expect(markdown).toContain(text.slice(1))
    const word = context === 'the start of a range' ? /June/u.exec(text)! : [...text.matchAll(/August|May|June|Summer|Autumn|Winter/gu)].at(-1)!
    expect(calendarUse(text, word.index, word.index + word[0].length)).toBe(context)
    expect(audit(markdown, file)).toEqual([])
  })

  it('names each context once, and each has a row above', () => {
    expect(new Set(calendarContexts).size).toBe(calendarContexts.length)
    for (const context of calendarContexts) expect(calendar.some(([id]) => id === context)).toBe(true)
  })
})

describe('a participant called by a month, weekday or season still goes in a name position', () => {
  it.each(names)('%s: %s', (_position, text, word) => {
    const {markdown} = anonymise(`## Notes\n\n- ${text}\n`, front)
    expect(markdown).not.toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u'))
  })

  it('removes the full name whatever is around it', () => {
    const {markdown} = anonymise('## Notes\n\n- in August Mensah ran the evaluation\n', front)
    expect(markdown).not.toMatch(/Mensah|August/u)
  })
})
