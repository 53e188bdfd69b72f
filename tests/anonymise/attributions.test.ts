/**
 * The attribution recognisers (attributions.ts), one row of the table per shape: each case marks the
 * names with `{…}` and says which shape covers them and what goes. Every shape has cases, and a name
 * in no attribution is left to be rewritten in place.
 */
import {describe, expect, it} from 'vitest'
import {attributionShapes, findAttribution, type Mention} from '../../src/anonymise/attributions.js'
import {anonymise} from './helpers.js'

/** `{Tom}` marks the names; `handle` when they are one handle; `unrostered` when no one among them is on the roster. */
function mention(marked: string, options: {handle?: boolean; unrostered?: boolean; blockStart?: boolean} = {}): Mention {
  const start = marked.indexOf('{')
  const namesEnd = marked.indexOf('}') - 1
  const value = marked.replace('{', '').replace('}', '')
  return {value, start, namesEnd, end: namesEnd, blockStart: options.blockStart ?? true, handle: options.handle ?? false, onRoster: !options.unrostered, found: [{start, end: namesEnd}]}
}

/** [shape, marked text, what goes, options] */
const cases: Array<[string, string, string, Parameters<typeof mention>[1]?]> = [
  ['contact detail', 'twitter {@tomokafor}', 'twitter @tomokafor', {handle: true}],
  ['contact detail', 'find her on twitter {@rosek}, she posts daily', 'on twitter @rosek', {handle: true}],
  ['speaker label', '{JS}: the Deal took a decade', 'JS: '],
  ['speaker label', '[11:42] {Ade O}: we do home visits', '[11:42] Ade O: '],
  ['speaker label', '{Tom} - the team went from 9 posts to 4', 'Tom - '],
  ['speaker label', '{Zofia Kowalczyk}: we ran out of staff', 'Zofia Kowalczyk: ', {unrostered: true}],
  ['speaker label', 'first line\n{Nicole}: second speaker', 'Nicole: ', {blockStart: false}],
  ['chat handle label', '{@joyfenwick} we keep reinventing the wheel', '@joyfenwick ', {handle: true}],
  ['chat handle label', '[11:42] {@tomokafor} nobody asked residents', '[11:42] @tomokafor ', {handle: true}],
  ['bracketed attribution', 'mix channels ({Jane})', ' (Jane)'],
  ['bracketed attribution', 'the pilot stalled ({Rakesh} mentioned, not his council)', ' (Rakesh mentioned, not his council)'],
  ['bracketed attribution', 'the pilot stalled ({Ana Reyes})', ' (Ana Reyes)', {unrostered: true}],
  ['trailing attribution', '"the biggest barrier is us" — {Femi}', ' — Femi'],
  ['trailing attribution', '"nobody reads the policy" — {Grant}, customer services', ' — Grant, customer services'],
  ['trailing attribution', 'the forms are in plain English - {GB}', ' - GB'],
  ['attribution with a role', '*{Robin}, planning manager*', '*Robin, planning manager*'],
  ['addressed by name', '{Pieter}, you said the pilot worked', 'Pieter, '],
  ['addressed by name', 'Welcome back. {Sue}, can you start with the numbers?', 'Sue, '],
]

describe('the attribution table', () => {
  it('has one row per shape, each named and each with cases here', () => {
    const ids = attributionShapes.map((shape) => shape.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(cases.map(([shape]) => shape))).toEqual(new Set(ids))
  })

  it.each(cases)('finds a %s in %j, covering %j', (shape, marked, gone, options) => {
    const found = findAttribution(mention(marked, options))
    const {value} = mention(marked, options)
    expect(found?.shape).toBe(shape)
    expect(value.slice(found!.start, found!.end)).toBe(gone)
  })

  it.each([
    ['{Tom} said consultation is broken'],
    ['we asked {Tom} about it'],
    ['the chat was lively, {Frank} I think'],
    ['{@tomokafor} said consultation is broken', {handle: true}],
    ['as {Tom} put it, residents decide'],
    ['we kept it ({Tom} said the reasons for it were many and varied and hard to list here)'],
  ] as Array<[string, Parameters<typeof mention>[1]?]>)('finds no attribution in %j', (marked, options) => {
    expect(findAttribution(mention(marked, options))).toBeUndefined()
  })
})

describe('attributions in notes, end to end', () => {
  it.each([
    ['- mix channels (Jane)', '- mix channels'],
    ['- "the biggest barrier is us" — Femi Oyelaran', '- "the biggest barrier is us"'],
    ['> "Nobody reads the policy."\n>\n> *Grace Adeyemi, planning manager*', '> "Nobody reads the policy."'],
    ['- @tomokafor we keep reinventing the wheel', '- We keep reinventing the wheel'],
  ])('removes the whole attribution in %j', (notes, expected) => {
    expect(anonymise(notes).markdown).toBe(expected)
  })
})
