import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {contentStems, stems, words} from '../../src/group/keywords.js'
import {fromNote, NoteText, recordOf, reportingLead} from '../../src/group/note-text.js'
import {loadProfile} from '../../src/group/profile.js'
import {segment, type Note} from '../../src/group/segment.js'
import {readSignals} from '../../src/group/signals.js'
import {parseNotes} from '../../src/parse/index.js'

/** Texts of every shape a note's words take: accents, possessives, curly quotes, a reporting lead, figures, capitals, `ß`. */
const shapes = [
  'Members noted that the Healthy Homes scheme’s uptake doubled in 2024',
  'It was asked whether café owners’ “warm spaces” could open on Sundays',
  'WE NEED MORE STAFF – NOT LESS',
  'Straße closures cut footfall by a third; Seán’s team tracked it',
  '[11:42] one participant: the veto has been used twice',
  'Leaders should give officers permission to try things',
  'https://example.org/report – worth a read',
  '',
]

/** A generator of note texts: words of each shape joined in a seeded order, so the invariants meet texts no test wrote. */
function* generated(count: number): Generator<string> {
  const pieces = shapes.join(' ').split(/\s+/).filter(Boolean)
  let seed = 7
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
  for (let index = 0; index < count; index++) {
    const length = 1 + (next() % 14)
    yield Array.from({length}, () => pieces[next() % pieces.length]).join(next() % 5 === 0 ? '  ' : ' ')
  }
}

describe('a note’s text record', () => {
  it('gives the words, stems, content stems and signals the string functions give, for every shape and generated text', () => {
    const cache = new Map<string, string>()
    for (const text of [...shapes, ...generated(300)]) {
      const record = new NoteText(text, cache)
      expect(record.words).toEqual(words(text))
      expect(record.stems).toEqual(stems(text))
      expect(record.contentStems).toEqual(contentStems(text))
      const said = text.replace(reportingLead, '')
      expect(record.said).toBe(said)
      expect(record.saidWords).toEqual(words(said))
      expect(record.saidStems).toEqual(stems(said))
      expect(record.signals).toEqual(readSignals(said))
    }
  })

  it('reads a text once: asked twice, a field is the same array', () => {
    const record = new NoteText('Members noted that waiting lists keep growing', new Map())
    expect(record.saidWords).toBe(record.saidWords)
    expect(record.contentStems).toBe(record.contentStems)
    expect(record.signals).toBe(record.signals)
    // Without a reporting lead, what it says is the text: one tokenising serves both.
    const plain = new NoteText('Waiting lists keep growing', new Map())
    expect(plain.saidWords).toBe(plain.words)
  })

  it('shares the note’s words with its tidied text when tidying changed only case, and reads its own when anything else changed', () => {
    const note = new NoteText('waiting lists keep growing, a nightmare', new Map())
    const tidied = {text: 'Waiting lists keep growing, a nightmare'}
    fromNote(tidied, note)
    expect(recordOf(tidied, note.cache).words).toBe(note.words)
    expect(recordOf(tidied, note.cache).contentStems).toEqual(contentStems(tidied.text))

    const dashed = new NoteText('waiting lists keep growing - "a nightmare"', new Map())
    const typeset = {text: 'Waiting lists keep growing – “a nightmare”'}
    fromNote(typeset, dashed)
    expect(recordOf(typeset, dashed.cache).words).toEqual(words(typeset.text))

    const timed = new NoteText('10:19 waiting lists keep growing', new Map())
    const withoutTime = {text: 'Waiting lists keep growing'}
    fromNote(withoutTime, timed)
    expect(recordOf(withoutTime, timed.cache).words).toEqual(['waiting', 'lists', 'keep', 'growing'])
    // `ß` capitalised is `SS`: folded again it is another word, so the record does not borrow the note's.
    const sharp = new NoteText('straße closures', new Map())
    const capitalised = {text: 'STRASSE closures'}
    fromNote(capitalised, sharp)
    expect(recordOf(capitalised, sharp.cache).words).toEqual(['strasse', 'closures'])
  })

  it('is made again when an item’s text is rewritten (a merge adds “raised in 3 sessions”)', () => {
    const cache = new Map<string, string>()
    const item = {text: 'Waiting lists keep growing'}
    const before = recordOf(item, cache)
    expect(recordOf(item, cache)).toBe(before)
    item.text = 'Waiting lists keep growing (raised in 3 sessions)'
    expect(recordOf(item, cache).contentStems).toEqual(contentStems(item.text))
  })

  it('is made by segment for every note, sub-bullet and table row, of the note’s own text', () => {
    const notes = [
      '## What works',
      '',
      '- again – Members noted that the hub halved waiting times',
      '  - it paid for itself in a year',
      '',
      '> “We ask too late”',
      '',
      '| Idea | Why |',
      '| --- | --- |',
      '| Named caseworkers | One contact, start to end |',
      '',
    ].join('\n')
    const file = new VFile({path: 'notes.md', value: notes})
    const {notes: cut} = segment(parseNotes(file, {}), loadProfile('insights-report'))
    const all: Note[] = []
    const visit = (note: Note) => {
      all.push(note)
      note.children.forEach(visit)
    }
    cut.forEach(visit)
    expect(all.map((note) => note.text)).toEqual(['Members noted that the hub halved waiting times', 'it paid for itself in a year', '“We ask too late”', 'Named caseworkers – Why: One contact, start to end'])
    for (const note of all) {
      expect(note.record).toBeInstanceOf(NoteText)
      expect(note.record.text).toBe(note.text)
    }
    expect(all[0]!.repeat).toBe(true)
    expect(all[0]!.record.saidWords).toEqual(['the', 'hub', 'halved', 'waiting', 'times'])
  })
})
