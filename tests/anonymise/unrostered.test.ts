/** People not on the roster: confident ones are replaced, every one is a warning with its place. */
import {describe, expect, it} from 'vitest'
import {diagnosticsOf} from '../../src/diagnostics.js'
import {detectPeople} from '../../src/anonymise/unrostered.js'
import {anonymise, note, notesStartLine} from './helpers.js'

const detected = (text: string) => detectPeople(text).map((candidate) => [candidate.text, candidate.confident])

describe('detectPeople', () => {
  it('is sure of a name after an honorific, a given name and a surname, a name in a name context', () => {
    expect(detected('Dr Alan Reyes (Birmingham uni) evaluated it')).toEqual([['Dr Alan Reyes', true]])
    expect(detected("Prof. Miriam Okoye's work on microenterprises")).toEqual([["Prof. Miriam Okoye's", true]])
    expect(detected('follow up with Kevin Dunne (ICB) about data')).toEqual([['Kevin Dunne', true]])
    expect(detected('Sarah from the LGA mentioned the pages')).toEqual([['Sarah', true]])
    expect(detected('Josh at the Centre for Sustainable Energy said so')).toEqual([['Josh', true]])
  })

  it('reports capitalised words it cannot place without being sure of them', () => {
    expect(detected('Vantelmo Quarribee attended.')).toEqual([['Vantelmo Quarribee', false]])
  })

  it('leaves places, organisations, titles of things and ordinary capitalised words', () => {
    for (const text of ["Oldham's co-operative council idea", 'Paris and Reykjavik – city-wide PB', 'Talking Points in community venues', 'Good Things Foundation, National Databank', 'Carbon Literacy Trust', 'Consul, the open source platform', 'Neighbourhood Networks are community-based']) {
      expect(detected(text), text).toEqual([])
    }
  })
})

describe('people not on the roster, in the notes', () => {
  it('replaces the confident ones so the sentence reads', () => {
    expect(note('Sarah from the LGA mentioned the engagement pages')).toBe('Someone from the LGA mentioned the engagement pages')
    expect(note('Dr Alan Reyes (Birmingham uni) evaluated a handful of PB schemes')).toBe('One expert (Birmingham uni) evaluated a handful of PB schemes')
    expect(note("Prof. Miriam Okoye's work on microenterprises")).toBe("One expert's work on microenterprises")
    expect(note('follow up with Kevin Dunne (ICB) about discharge data')).toBe('follow up with someone (ICB) about discharge data')
    expect(note('Josh at the Centre for Sustainable Energy said they can run a session')).toBe('Someone at the Centre for Sustainable Energy said they can run a session')
  })

  it('finds a name given in full elsewhere when it comes back alone', () => {
    const {markdown} = anonymise('- Dr Alan Reyes evaluated the schemes\n- Reyes thinks three rounds are needed')
    expect(markdown).not.toMatch(/Reyes/)
  })

  it('reports every person it finds as an `unrostered-name` warning with line and column, names masked', () => {
    const {file} = anonymise('- Sarah from the LGA mentioned it\n- Vantelmo Quarribee attended.')
    const warnings = diagnosticsOf(file).filter((diagnostic) => diagnostic.rule === 'unrostered-name')
    expect(warnings.map((warning) => [warning.line, warning.column, warning.severity])).toEqual([
      [notesStartLine, 3, 'warning'],
      [notesStartLine + 1, 3, 'warning'],
    ])
    expect(warnings[0]!.message).toMatch(/replaced/)
    expect(warnings[1]!.message).toMatch(/left as written/)
    expect(warnings.map((warning) => warning.message).join(' ')).not.toMatch(/Sarah|Vantelmo|Quarribee/)
  })

  it('does not report the foreword’s author, nor the host or partner', () => {
    const {file, markdown} = anonymise('## Foreword\n\nWe were glad to host.\n\nHelen Marsh, Director, FutureGov\n\n## Notes\n\n- Helen Marsh opened the day at FutureGov')
    expect(diagnosticsOf(file).filter((diagnostic) => diagnostic.rule === 'unrostered-name')).toEqual([])
    expect(markdown).toContain('Helen Marsh, Director, FutureGov')
  })
})
