/**
 * The shared corpus: real-shaped notes with answer keys. Here, the
 * foundation's bar — no attendee's full name reaches any output.
 */
import {describe, expect, it} from 'vitest'
import {compileReport} from '../src/build/index.js'
import {readNotes} from '../src/build/read.js'
import {htmlText} from '../src/audit/index.js'
import {containsEntry, corpusFiles} from './helpers.js'

describe.each(corpusFiles())('corpus: $name', ({notes}) => {
  it('has no attendee full name in the HTML, markdown or JSON', () => {
    const file = readNotes(notes)
    const compiled = compileReport(file)
    const outputs = {html: htmlText(compiled.html), md: compiled.markdown, json: compiled.json}
    for (const person of file.data.roster!.people) {
      for (const [name, text] of Object.entries(outputs)) expect(containsEntry(text, person.name), `${person.name} in ${name}`).toBe(false)
    }
    expect(compiled.leaks).toEqual([])
  })
})
