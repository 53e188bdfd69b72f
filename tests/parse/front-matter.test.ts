import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {parseNotes} from '../../src/parse/index.js'

function parse(value: string) {
  const file = new VFile({path: 'notes.md', value})
  const tree = parseNotes(file)
  return {file, tree}
}

describe('front matter', () => {
  it('reads the printed fields and the roster, and drops the yaml node', () => {
    const {file, tree} = parse(`---
title: Transforming the relationship
series: Innovation Exchange
date: 2018-07-18
host: NLGN
partner: FutureGov
participants: 25
attendees:
  - { name: Jane Smith, org: Wigan Council, role: Director }
  - Cllr Ruth Ellison
  - { name: Kezia Black, aliases: [Kez] }
share: [Wigan Council]
---

- a note
`)
    expect(file.data.meta).toMatchObject({title: 'Transforming the relationship', series: 'Innovation Exchange', date: '2018-07-18', host: 'NLGN', partner: 'FutureGov', participants: 25, lang: 'en-GB'})
    expect(file.data.roster?.people).toEqual([
      {name: 'Jane Smith', honorific: undefined, org: 'Wigan Council', role: 'Director', aliases: []},
      {name: 'Ruth Ellison', honorific: 'Cllr', aliases: []},
      {name: 'Kezia Black', honorific: undefined, org: undefined, role: undefined, aliases: ['Kez']},
    ])
    expect(file.data.roster?.share).toEqual(['Wigan Council'])
    expect(tree.children.some((node) => node.type === 'yaml')).toBe(false)
  })

  it('adds people from an attendees file to those in the notes, merging details', () => {
    const file = new VFile({path: 'notes.md', value: '---\nattendees: [Jane Smith]\n---\n\n- note\n'})
    parseNotes(file, {attendees: [{name: 'Jane Smith', org: 'Wigan Council', aliases: ['JS']}, {name: 'Tom Okafor', aliases: []}]})
    expect(file.data.roster?.people.map((person) => [person.name, person.org, person.aliases])).toEqual([
      ['Jane Smith', 'Wigan Council', ['JS']],
      ['Tom Okafor', undefined, []],
    ])
  })

  it('falls back to the first heading for a title', () => {
    const {file} = parse('# Notes from the day\n\n- a note\n')
    expect(file.data.meta?.title).toBe('Notes from the day')
  })

  it('names the file, line and column of malformed YAML', () => {
    const run = () => parse('---\ntitle: ok\nattendees: [Jane, Tom\n---\n\n- note\n')
    expect(run).toThrow(UsageError)
    try {
      run()
    } catch (error) {
      const usage = error as UsageError
      expect(usage.file).toBe('notes.md')
      expect(usage.line).toBeGreaterThanOrEqual(3)
      expect(usage.message).toMatch(/^Cannot read the front matter/)
      expect(usage.hint).toMatch(/fix the YAML/)
    }
  })

  it('refuses a participant count that is not a number, naming the line', () => {
    try {
      parse('---\ntitle: x\nparticipants: lots\n---\n\n- note\n')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      expect((error as UsageError).line).toBe(3)
      expect((error as UsageError).message).toBe('Unexpected `participants: "lots"` in the front matter, expected a whole number (a count, never a list of who came)')
    }
  })

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => parse('---\ndate: 18/07/2018\n---\n\n- note\n')).toThrow(/expected a date written YYYY-MM-DD/)
  })

  it('warns about unknown keys with a did-you-mean', () => {
    const {file} = parse('---\ntitle: x\npartcipants: 3\n---\n\n- note\n')
    const message = file.messages.find((entry) => entry.ruleId === 'front-matter')
    expect(message?.reason).toBe('Unexpected front-matter key `partcipants`, did you mean `participants`?')
    expect(message?.fatal).toBe(false)
    expect(message?.line).toBe(3)
  })
})
