import {describe, expect, it} from 'vitest'
import {logisticsReason} from '../../src/group/logistics.js'

describe('logistics notes', () => {
  it('recognises notes about how the day ran', () => {
    const logistics = [
      'coffee at 11',
      'Lunch late',
      'lunch at 12.30, back at 1.15',
      '22 in the room',
      '19 in the room, 12 on Zoom',
      'sound awful, gave up after lunch',
      'Prompt on the slide: what is pushing us to do this differently?',
      'Whole group after lunch. Prompt: what has to change inside the council?',
      'reading list from this table is at the bottom',
      '10-year anniversary event in the autumn? J.S. to confirm date',
      'Three tables, 40 mins each then feedback. My table in full, the others from the flipcharts.',
      'Post-its grouped by me at lunch, roughly in order of how many people stuck one up',
      'intros: name, council, one engagement thing that went badly. good icebreaker, lots of laughter',
      "Rose Kaur (B&NES) joined on Zoom, camera off, said she'd come back for the digital session",
      'Dr Reyes’s evaluation – no link yet, ask around',
      'Chatham House reminder done at the start',
    ]
    for (const text of logistics) expect(logisticsReason({text}), text).toBeDefined()
  })

  it('recognises where a quote came from, right after the quote', () => {
    expect(logisticsReason({text: '(whiteboard quote, nobody claimed it)', afterQuote: true})).toBe('where the quote above came from')
    expect(logisticsReason({text: '— whiteboard, anonymous (I think it was one participant but she said leave it anonymous)', afterQuote: true})).toBeDefined()
    expect(logisticsReason({text: '(whiteboard quote, nobody claimed it)'})).toBeUndefined()
  })

  it('keeps insights that mention lunch, numbers, the room or a time', () => {
    const insights = [
      'Grace Adeyemi says the best thing they did was stop holding public meetings in the council chamber',
      'staff need time. 10% of the week for community work was suggested, nobody in the room had managed it',
      'to be frank, nobody in the room thought the national retrofit funding model works',
      'text message surveys got roughly 3x the response rate of email in one borough. cheap + quick, short answers only',
      'carers want evening sessions, not 10am',
      'it began to dawn on us in the first 10 minutes that everyone has the same three problems: money, skills and the grid',
      'Conversation cafes – an hour, a facilitator, tea and cake, no slides allowed',
      'the tea mattered more than the clipboard',
      'Go to where people already are – school gates, mosques and churches, the market, the bus station, not the town hall at 7pm on a Tuesday',
      'we ran lunch clubs for carers and attendance doubled',
      'mark the date – regional peer network on strengths-based practice, first meeting in January',
      'Reading the room is half the job. the other half is turning up when you said you would',
      '40 people said the council was the problem',
      'social media is good for reach, poor for depth',
      "Kirklees – democracy friends programme, residents trained to help others take part in council meetings. Doyle to send details",
    ]
    for (const text of insights) expect(logisticsReason({text}), text).toBeUndefined()
  })
})
