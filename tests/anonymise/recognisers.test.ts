/**
 * The recognisers added for issue 15, each on its own, table-driven: what they find (position × case
 * × shape), and what they must leave alone.
 */
import {describe, expect, it} from 'vitest'
import {findPublicNames} from '../../src/anonymise/public-names.js'
import {findChatHeads} from '../../src/anonymise/text.js'

const spans = (value: string, found: Array<{start: number; end: number}>) => found.map((span) => value.slice(span.start, span.end))

describe('public names', () => {
  const found: Array<[string, string[]]> = [
    ['the ferry to the Isle of Lewis was cancelled', ['Isle of Lewis']],
    ['the John Lewis Partnership ran a pilot', ['John Lewis']],
    ['the old Marks & Spencer building', ['Marks & Spencer']],
    ['MARKS & SPENCER', ['MARKS & SPENCER']],
    ["it felt like Noah's ark", ["Noah's ark"]],
    ['open to every Tom, Dick and Harry', ['Tom, Dick and Harry']],
    ['we rob Peter to pay Paul', ['rob Peter to pay Paul']],
    ['closed by Storm Dennis', ['Storm Dennis']],
    ['Hurricane Katrina Relief', ['Hurricane Katrina Relief']],
    ['Castle Hill Library opened late', ['Castle Hill Library']],
    ['a Heath Robinson contraption', ['Heath Robinson']],
  ]
  it.each(found)('finds %j', (value, expected) => {
    expect(spans(value, findPublicNames(value))).toEqual(expected)
  })

  const none = ['Grant Hall said no', 'Mark Hill ran the session', 'mark the date', 'we will hope', 'Faith Lewis agreed', 'the storm passed']
  it.each(none)('finds nothing in %j', (value) => {
    expect(findPublicNames(value)).toEqual([])
  })
})

describe('chat-export heads', () => {
  const found: Array<[string, string]> = [
    ['10:04:12 From Ana Silva to Everyone: we tried that', '10:04:12 From Ana Silva to Everyone: '],
    ['From Ana Silva to Me (Privately): we tried that', 'From Ana Silva to Me (Privately): '],
    ['[10:04] From ana silva to Everyone: we tried that', '[10:04] From ana silva to Everyone: '],
    ['Ana Silva   10:41 we tried that', 'Ana Silva   10:41 '],
    ['Ana Silva\t10:41 AM', 'Ana Silva\t10:41 AM'],
  ]
  it.each(found)('finds the head of %j', (value, head) => {
    expect(spans(value, findChatHeads(value))).toEqual([head])
  })

  const none = ['From consultation to collaboration: a new deal', 'Meeting at 10:30 with the team', 'From 10:30 to 11:00 we met', 'the 10:41 train was late']
  it.each(none)('finds nothing in %j', (value) => {
    expect(findChatHeads(value)).toEqual([])
  })
})
