/**
 * Bounds on what reaches the markdown parser: nesting beyond any notes'
 * depth is brought back, a line of thousands of emphasis markers is read as
 * text; each with a warning, lines keeping their numbers.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {diagnosticsOf, formatDiagnostic} from '../../src/diagnostics.js'
import {limitEmphasis, limitNesting, maxIndent, parseNotes} from '../../src/parse/index.js'

describe('limitNesting', () => {
  it('leaves notes of ordinary depth as they are, the same string', () => {
    const value = '- a\n  - b\n    - c\n> quote\n> > nested\n\tcode\n'
    expect(limitNesting(value)).toEqual({value, count: 0})
  })

  it('brings lines indented past 64 columns, or quoted past 32 times, back to that depth, keeping their text and line', () => {
    const deep = Array.from({length: 100}, (_, index) => `${'  '.repeat(index)}- level ${index}`).join('\n')
    const {value, line, count} = limitNesting(deep)
    const lines = value.split('\n')
    expect(lines).toHaveLength(100)
    expect(line).toBe(34)
    expect(count).toBe(100 - 33)
    expect(lines[99]).toBe(`${' '.repeat(maxIndent)}- level 99`)
    expect(limitNesting(`${'>'.repeat(40)} deep`).value).toBe(`${'>'.repeat(32)} deep`)
  })

  it('parses 500 levels in well under the time the parser takes on them raw, with a warning where it began', () => {
    const nested = Array.from({length: 500}, (_, index) => `${'  '.repeat(index)}- level ${index}`).join('\n')
    const file = new VFile({path: 'notes.md', value: `## Barriers\n\n${nested}\n`})
    const started = performance.now()
    parseNotes(file)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(diagnosticsOf(file).map(formatDiagnostic)).toEqual([
      'notes.md:36:1  warning  Unexpected nesting deeper than 64 columns of indentation or 32 `>` (467 lines from here), brought back to that depth: notes are not that deep  [exchange:nesting]',
    ])
  })
})

describe('limitEmphasis', () => {
  it('leaves ordinary emphasis alone', () => {
    const value = '- *this* and __that__ and snake_case_words\n'
    expect(limitEmphasis(value)).toEqual({value, count: 0})
  })

  it('reads a line of thousands of markers as text, with a warning, and other lines as they were', () => {
    const file = new VFile({path: 'notes.md', value: `## Barriers\n\n- *fine*\n- ${'*a'.repeat(3000)}\n`})
    const tree = parseNotes(file)
    const json = JSON.stringify(tree)
    expect(json).toContain('"type":"emphasis"')
    expect(json).toContain('*a*a*a')
    expect(diagnosticsOf(file).map(formatDiagnostic)).toEqual([
      'notes.md:4:1  warning  Unexpected line with more than 1000 `*` or `_` (1 line from here), read them as text: notes do not emphasise that much  [exchange:emphasis]',
    ])
  })
})
