/**
 * A person's initials in a position only a person fills (`GA:` as a label) are a leak for the paranoid
 * audit even where the rewriter recorded the word as an ordinary use: the audit is a second opinion, and
 * the rewriter's record is what it is there to doubt.
 */
import {describe, expect, it} from 'vitest'
import {createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {people: [{name: 'Gareth Adams', aliases: []}, {name: 'Nia Price', aliases: []}], share: []}

describe('initials recorded as ordinary by the rewriter', () => {
  for (const line of ['10:19 — GA: landlords want rent', 'GA: landlords want rent', '[10:19] NP - schools never hear', 'landlords want rent (GA)', 'as GA put it, the rent is the thing']) {
    it(`are still a leak in a name position: \`${line}\``, () => {
      const initials = /\b(GA|NP)\b/.exec(line)!
      const auditor = createParanoidAuditor(roster, {source: `notes\n${line}\n`, ordinary: [ordinaryUse(line, initials.index, initials.index + 2)]})
      expect(auditor.scan(line).map((suspect) => suspect.text)).toEqual([initials[1]])
    })
  }

  it('are accepted where the rewriter recorded them and no person fills the position', () => {
    const line = 'the GA release is out'
    const at = line.indexOf('GA')
    const auditor = createParanoidAuditor(roster, {source: `notes\n${line}\n`, ordinary: [ordinaryUse(line, at, at + 2)]})
    expect(auditor.scan(line)).toEqual([])
  })
})
