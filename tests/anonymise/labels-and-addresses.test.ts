/**
 * Name positions found on held-out set 7: a label with a word of time between the name and its colon (`Grant again,
 * later, on leadership:`), a name addressed after a sentence inside a line (`Welcome back. Sue, you wanted…`), and a
 * web address whose query names a user (`memberlist.php?mode=viewprofile&u=frank_dh`). Each in any case, with a word
 * name and a plain one; the ordinary words in the same shapes survive.
 */
import {describe, expect, it} from 'vitest'
import {anonymiseText} from '../../src/anonymise/index.js'

const roster = {people: [{name: 'Robin Asquith', org: 'Barnet Council', aliases: []}, {name: 'Tamsin Ferreira', org: 'Copeland Borough Council', aliases: []}], share: []}
const run = (line: string) => anonymiseText(line, roster as never).value

describe.each(['Robin', 'Tamsin', 'robin', 'TAMSIN'])('the name %s', (name) => {
  it.each([
    `${name} again, later, on leadership: a coordinator with no seat is a gesture.`,
    `${name} again: the pilot ran out of money.`,
    `- ${name} (cont'd): the pilot ran out of money.`,
    `Welcome back. ${name}, you wanted to start with the numbers.`,
    `That is the budget. ${name}, can you say more about the pilot?`,
  ])('is gone from %j', (line) => {
    expect(run(line)).not.toMatch(new RegExp(`\\b${name}\\b`, 'iu'))
  })
})

describe('a web address whose query names a user', () => {
  it.each(['https://forum.example.org/memberlist.php?mode=viewprofile&u=robin_a', 'https://example.org/profile?user=tamsin.ferreira'])('is removed whole: %s', (url) => {
    expect(run(`See [the profile](${url}) for more.`)).not.toMatch(/robin|tamsin|ferreira/iu)
  })
  it('keeps an address whose query names no one', () => {
    expect(run('See [the guide](https://example.org/guide?u=planning) for more.')).toContain('https://example.org/guide?u=planning')
  })
})

describe('the same shapes with ordinary words', () => {
  it.each([
    ['We will do it again later: the plan.', 'We will do it again later: the plan.'],
    ['Budgets again: the pilot ran out of money.', 'Budgets again: the pilot ran out of money.'],
    ['That is the budget. Now, you wanted to start with the numbers.', 'Now, you wanted to start'],
  ])('keeps %j', (line, kept) => {
    expect(run(line)).toContain(kept)
  })
})
