/**
 * Sign-in sheets as people save them, and strings built to make the parse
 * stage slow: the roster is read as meant, in linear time.
 */
import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {hashtagPattern, parseAttendeesFile, splitHashtags, splitHonorific, toPerson} from '../../src/parse/index.js'

describe('sign-in sheets as people save them', () => {
  it('reads `Full Name` and `Organisation` columns, and semicolon-separated sheets', () => {
    expect(parseAttendeesFile('Full Name;Organisation;Email\nJane Smith;Wigan Council;jane@example.org\n', 'sign-in.csv')).toEqual([
      {name: 'Jane Smith', honorific: undefined, org: 'Wigan Council', role: undefined, aliases: []},
    ])
  })

  it('joins `First name` and `Surname` columns', () => {
    expect(parseAttendeesFile('First name,Surname,Council\nTom,Okafor,Camden\n,,\n', 'sign-in.csv').map((person) => [person.name, person.org])).toEqual([['Tom Okafor', 'Camden']])
  })

  it('reads aliases from an `Alias` or `Known as` column, split on `;` or `|`', () => {
    expect(parseAttendeesFile('name\tknown as\nKezia Black\tKez | KB\n', 'sign-in.tsv')[0]!.aliases).toEqual(['Kez', 'KB'])
  })

  it('names the line of a CSV it cannot read', () => {
    try {
      parseAttendeesFile('name,org\n"Jane Smith,Wigan\n', 'sign-in.csv')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      expect((error as UsageError).message).toMatch(/^Cannot read the attendees CSV: /)
      expect((error as UsageError).message).not.toContain('\n')
    }
  })

  it('names the line of a bad entry in an attendees YAML file', () => {
    try {
      parseAttendeesFile('attendees:\n  - Jane Smith\n  - {org: Wigan}\n', 'people.yaml')
      expect.unreachable()
    } catch (error) {
      expect(error).toMatchObject({file: 'people.yaml', line: 3, rule: 'attendees'})
    }
  })

  it('names the line and column of malformed attendees YAML', () => {
    try {
      parseAttendeesFile('- Jane Smith\n- [Tom\n', 'people.yml')
      expect.unreachable()
    } catch (error) {
      expect(error).toMatchObject({file: 'people.yml', line: 2, rule: 'attendees'})
      expect((error as UsageError).message).toMatch(/^Cannot read the attendees YAML: /)
    }
  })
})

describe('names as people write them', () => {
  it('takes off every leading honorific, and keeps the first as the honorific', () => {
    expect(splitHonorific('Prof. Dr Jane Smith')).toEqual({honorific: 'Prof', name: 'Jane Smith'})
    expect(splitHonorific('Cllr Cllr Tom Okafor')).toEqual({honorific: 'Cllr', name: 'Tom Okafor'})
    expect(splitHonorific('Okafor, Cllr Tom')).toEqual({honorific: 'Cllr', name: 'Tom Okafor'})
    expect(splitHonorific('Miss Lord')).toEqual({honorific: 'Miss', name: 'Lord'})
    expect(splitHonorific('Dr')).toEqual({name: 'Dr'})
  })

  it('reads `Jane Smith (Wigan Council)` as a name and an organisation', () => {
    expect(toPerson('Jane Smith (Wigan Council)', {file: 'notes.md'})).toEqual({name: 'Jane Smith', org: 'Wigan Council', honorific: undefined, aliases: []})
    expect(toPerson('Jane (Smith) Jones (Wigan)', {file: 'notes.md'}).name).toBe('Jane (Smith) Jones (Wigan)')
  })

  it('takes 20,000 honorifics before a name in linear time', () => {
    const started = performance.now()
    expect(splitHonorific(`${'Dr '.repeat(20_000)}Jane Smith`)).toEqual({honorific: 'Dr', name: 'Jane Smith'})
    expect(splitHonorific(`Smith,${' '.repeat(100_000)}Jane,`).name).toMatch(/Jane,$/)
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe('hashtags in linear time', () => {
  it('takes trailing hashtags off a line of 60,000 of them', () => {
    const line = `a note ${'#tag '.repeat(60_000)}`
    const started = performance.now()
    const {text, tags} = splitHashtags(line)
    expect(performance.now() - started).toBeLessThan(500)
    expect(text).toBe('a note')
    expect(tags).toHaveLength(60_000)
  })

  it('finds no trailing hashtags in 60,000 of them with a word at the end, quickly', () => {
    const line = `${'#tag '.repeat(60_000)}then a word`
    const started = performance.now()
    expect(splitHashtags(line)).toEqual({text: line, tags: []})
    expect(splitHashtags(`x${' '.repeat(200_000)}y`).tags).toEqual([])
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('agrees with the one-hashtag pattern word by word', () => {
    expect(splitHashtags('ends #with-dash_ok #2024 #Ünïcode')).toEqual({text: 'ends', tags: ['with-dash_ok', '2024', 'ünïcode']})
    expect(splitHashtags('#only #tags')).toEqual({text: '', tags: ['only', 'tags']})
    expect(splitHashtags('not a#tag')).toEqual({text: 'not a#tag', tags: []})
    expect(splitHashtags('two ## #x')).toEqual({text: 'two ##', tags: ['x']})
    expect(hashtagPattern.test('#-x')).toBe(false)
  })
})
