/**
 * Every line of issue 15's "What went wrong", under the issue's own roster: names that must go
 * (no token of them left: given name, surname, initials, organisation short form) and words that
 * must stay.
 */
import {describe, expect, it} from 'vitest'
import {leaks, survivors, under, words} from './issue-15-cases.js'

describe('issue 15: rostered names in name positions go, every token of them', () => {
  it.each(leaks)('%j leaves none of %j', (notes, gone) => {
    const output = words(under(notes))
    for (const token of gone) expect(output.has(token), `${token} in ${under(notes)}`).toBe(false)
  })
})

describe('issue 15: ordinary words and public names survive', () => {
  it.each(survivors)('%j keeps %j', (notes, phrase) => {
    expect(under(notes)).toContain(phrase)
  })
})

describe('issue 15: rewrites keep the text clean', () => {
  it('a quote keeps one pair of marks and loses its attribution', () => {
    const output = under('> “Nobody reads the policy.” — Grant, planning manager')
    expect(output).not.toMatch(/[“"]{2}|[”"]{2}/u)
    expect(output).toContain('Nobody reads the policy.')
    expect(output.toLowerCase()).not.toContain('grant')
    expect(output).not.toContain('participant')
  })

  it('a profile URL or handle is removed whole, never rewritten inside', () => {
    const output = under('- see linkedin.com/in/grant-okafor-12345 for the deck')
    expect(output).not.toMatch(/participant-|okafor|grant/iu)
    // A removed link keeps its sentence readable.
    expect(output).toContain('see their profile for the deck')
  })

  it('a chat timestamp and label go whole', () => {
    for (const line of ['- 10:11 Grant Okafor: we tried that', '- 10:04:12 From Sue Field to Everyone: we tried that', '- Sue Field   10:41 we tried that']) {
      const output = under(line)
      expect(output, line).not.toMatch(/\d{1,2}:\d{2}|participant a|field|sue|grant|okafor|From .* to Everyone/iu)
      expect(output, line).toMatch(/we tried that/iu)
    }
  })

  it('does not crash on a list of roles', () => {
    expect(() => under('- analysts, IG people, one councillor')).not.toThrow()
    expect(under('- analysts, IG people, one councillor')).toContain('analysts')
  })
})
