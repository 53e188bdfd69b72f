/**
 * The leak classes the generator found (tests/anonymise/generated-classes.ts), table-driven over class × name form ×
 * case: the rewriter leaves no letter of the name in the markdown, and keeps the line's other words.
 */
import {describe, expect, it} from 'vitest'
import {anonymise} from './helpers.js'
import {classFront, classMatrix} from './generated-classes.js'

const matrix = classMatrix()

describe('leak classes from the generator, every class × form × case', () => {
  it(`covers ${matrix.length} cases`, () => {
    expect(matrix.length).toBeGreaterThan(150)
  })

  it.each(matrix.map((row) => [row.kind, row.form, row.writing, row.line] as const))('%s, %s, %s: %j', (_kind, _form, _writing, line) => {
    const {markdown} = anonymise(`## Notes\n\n${line}\n`, classFront)
    const name = matrix.find((row) => row.line === line)!.name
    const pattern = name === 'KM' ? /(?<![\p{L}])KM(?![\p{L}])/u : new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'iu')
    expect(markdown).not.toMatch(pattern)
  })
})
