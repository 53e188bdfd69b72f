/**
 * Two parts of one name side by side are a name, whatever the rewriter recorded: a given name (or one
 * letter off it, as hurried notes misspell it) beside the same person's surname or its initial
 * (`rebeca thorn`, `frank o`). The audit's own check, with the rewriter switched off.
 */
import {describe, expect, it} from 'vitest'
import {createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import type {Roster} from '../../src/types.js'

const roster: Roster = {people: [{name: 'Rebecca Thorn', aliases: []}, {name: 'Frank Osei', aliases: []}, {name: 'Siobhan Grant', aliases: []}], share: []}

/** Every word of `value` recorded as an ordinary use: the worst a rewriter can do. */
const everyWord = (value: string) => [...value.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ordinaryUse(value, match.index, match.index + match[0].length))
const scan = (text: string) => createParanoidAuditor(roster, {ordinary: everyWord(text)}).scan(text)

describe('two parts of one name, side by side', () => {
  it.each(['slides from rebeca thorn next week', 'Author: frank o; 3 votes', 'siobahn grant agreed', 'ask Rebecka Thorn', 'thanks to Frank O. for the venue'])('are a leak in %j', (text) => {
    expect(scan(text).map((suspect) => suspect.position)).toContain('two parts of one name')
  })

  it('are accepted where the notes name the person by design (the foreword’s author)', () => {
    const auditor = createParanoidAuditor(roster, {ordinary: [], meta: {title: 'T', lang: 'en-GB', forewordBy: 'Frank Osei, Director'}})
    expect(auditor.scan('Foreword by Frank Osei, Director')).toEqual([])
  })

  it.each(['a frank discussion about the grant', 'a thorn in our side', 'the grant ran out, frankly', 'rose by a third'])('are not found in ordinary text: %j', (text) => {
    expect(scan(text).filter((suspect) => suspect.position === 'two parts of one name')).toEqual([])
  })
})
