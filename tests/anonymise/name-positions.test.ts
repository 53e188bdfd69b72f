/**
 * A roster given name that is also an English word goes in every name position, whatever its case;
 * the same word as an ordinary word stays. Table-driven: every such name × every position × case.
 */
import {describe, expect, it} from 'vitest'
import {namePosition, namePositions} from '../../src/anonymise/name-positions.js'
import {anonymise} from './helpers.js'
import {cases, ordinaryUses, positions, wordNames, wordNamesFront} from './name-position-cases.js'

const has = (text: string, word: string) => new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu').test(text)

describe('the name-position recogniser', () => {
  it('has one row per position, each named', () => {
    expect(new Set(namePositions.map((position) => position.id)).size).toBe(namePositions.length)
  })

  it.each(positions)('finds the name in %j', (template) => {
    const value = template.replace('{n}', 'dawn')
    const start = value.indexOf('dawn')
    expect(namePosition(value, start, start + 4, true), value).toBeDefined()
  })

  it.each(ordinaryUses)('finds no name position in %j', (value, word) => {
    const start = value.indexOf(word)
    expect(namePosition(value, start, start + word.length, true)?.id).toBeUndefined()
  })
})

describe('roster given names that are English words, in name positions', () => {
  for (const [label, write] of cases) {
    it.each(wordNames)(`removes %s in every position (${label} case)`, (name) => {
      const notes = positions.map((template) => `- ${template.replace('{n}', write(name))}`).join('\n\n')
      const {markdown} = anonymise(`## Notes\n\n${notes}\n`, wordNamesFront)
      const lines = markdown.split('\n').filter((line) => line.startsWith('- '))
      expect(lines.length).toBe(positions.length)
      const left = lines.filter((line) => has(line, name))
      expect(left, markdown).toEqual([])
    })
  }
})

describe('the same words as ordinary words', () => {
  it.each(ordinaryUses)('keeps %j', (line, word) => {
    const {markdown} = anonymise(`## Notes\n\n- ${line}\n`, wordNamesFront)
    expect(markdown).toContain(line.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase()).slice(1))
    expect(has(markdown, word)).toBe(true)
  })
})
