/**
 * The classes the generator of names in every position left open at stop 24 (issue 15, BENCHMARKS.md "s24-15g"), each a
 * row of the recogniser for its shape, table-driven over shape × name form × case: a word-name with its capital after a
 * determiner before what is named for it (`the Faith model`, `the "Precious rule"`), a surname that is a word closing a
 * clause or a heading (`came from Hill.`), a raw HTML link whose text is a name (`<a …>Shepherd</a>`). The same words in
 * their ordinary uses are in `over-redaction.test.ts`.
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
  ['a raw HTML link whose text is a name', '- the slides from <a href="https://example.org/slides">{n}</a>', ['given, a word', 'surname, a word', 'surname', 'full']],
  ['a raw HTML link whose text is a name', '- see <a href="https://example.org/deck" title="deck">{n}</a> for the kiosk', ['given, a word', 'surname, a word', 'surname', 'full']],
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

/** [syntax, template]: a link whose whole text is a name, to a page that is not the person's own. */
const links: Array<[string, string]> = [
  ['markdown', '- the kiosk slides from [{n}](https://example.org/slides)'],
  ['reference', '- the kiosk slides from [{n}][1]\n\n[1]: https://example.org/slides'],
  ['raw HTML', '- the kiosk slides from <a href="https://example.org/slides">{n}</a>'],
]

describe('a link whose text is a name keeps its sentence: the person goes, a participant stays in their place', () => {
  it.each(links.flatMap(([syntax, template]) => names.map(([name, form]) => [syntax, form, template.replace('{n}', name)] as const)))('%s, %s: %j', (_syntax, _form, line) => {
    const {markdown} = anonymise(`## Notes\n\n${line}\n`, front)
    expect(markdown).toContain('the kiosk slides from one participant')
    expect(markdown.split('\n').find((text) => text.includes('kiosk slides'))).not.toContain('example.org')
  })
})
