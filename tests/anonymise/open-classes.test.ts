/**
 * The classes the generator of names in every position left open at stop 24 (issue 15, BENCHMARKS.md "s24-15g"), each a
 * row of the recogniser for its shape, table-driven over shape × name form × case: a word-name with its capital after a
 * determiner before what is named for it (`the Faith model`, `the "Precious rule"`), a surname that is a word closing a
 * clause or a heading (`came from Hill.`). The same words in their ordinary uses are in `over-redaction.test.ts`.
 */
import {describe, expect, it} from 'vitest'
import {anonymise} from './helpers.js'
import {front} from './open-classes.js'


/** [shape, template, forms it takes]: `{n}` is the name. */
const shapes: Array<[string, string, ReadonlyArray<string>]> = [
  ['named for someone, after a determiner', '- the {n} model worked for the kiosk', ['given, a word', 'surname, a word', 'surname']],
  ['named for someone, after a determiner', '- our {n} framework is used in every ward', ['given, a word', 'surname, a word', 'surname']],
  ['named for someone, in quotes', '- we call it the "{n} rule" for the kiosk', ['given, a word', 'surname, a word', 'surname']],
  ['named for someone, in quotes', '- we call it the “{n}” test for the kiosk', ['given, a word', 'surname, a word', 'surname']],
  ['a surname closing a clause', '- the best kiosk idea came from {n}.', ['surname, a word', 'surname']],
  ['a surname closing a clause', '- We fixed the kiosk. The credit goes to {n}.', ['surname, a word', 'surname']],
  ['a surname closing a clause', '- the kiosk idea came from {n}, and it worked', ['surname, a word', 'surname']],
  ['a surname closing a clause', '### Notes on the kiosk from {n}\n\n- the kiosk is open', ['surname, a word', 'surname']],
]

const names: Array<[string, string]> = [
  ['Faith', 'given, a word'],
  ['Precious', 'given, a word'],
  ['Hill', 'surname, a word'],
  ['Shepherd', 'surname, a word'],
  ['Moyo', 'surname'],
  ['Okafor', 'surname'],
  ['Robin Shepherd', 'full'],
]

/** A word-name is planted with its capital only outside a position only a person fills; other names in every case. */
const writings: Array<[string, (name: string) => string]> = [
  ['as written', (name) => name],
  ['lower', (name) => name.toLowerCase()],
  ['UPPER', (name) => name.toUpperCase()],
]

const matrix = shapes.flatMap(([shape, template, forms]) =>
  names
    .filter(([, form]) => forms.includes(form))
    .flatMap(([name, form]) =>
      writings
        .filter(([writing]) => writing === 'as written' || (!form.endsWith('a word') && !shape.startsWith('a surname closing')) || shape.startsWith('a raw HTML'))
        .map(([writing, write]) => ({shape, name, form, writing, line: template.replace('{n}', write(name))})),
    ),
)

describe('open classes of stop 24: shape × form × case', () => {
  it(`covers ${matrix.length} cases`, () => {
    expect(matrix.length).toBeGreaterThan(60)
  })

  it.each(matrix.map((row) => [row.shape, row.form, row.writing, row.line, row.name] as const))('%s, %s, %s: %j', (_shape, _form, _writing, line, name) => {
    const {markdown} = anonymise(`## Notes\n\n${line}\n`, front)
    for (const word of name.split(' ')) expect(markdown).not.toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu'))
    // The rest of the line is still there.
    expect(markdown).toMatch(/kiosk|slides|ward/u)
  })
})
