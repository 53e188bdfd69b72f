/**
 * Property tests over read → parse → anonymise → group → render: random
 * markdown (headings, nested lists, quotes, tables, links, code, HTML,
 * emphasis, hashtags, footnotes) with full names from a generated roster
 * planted in random positions and node kinds never crashes the pipeline
 * (an `ExchangeError` for notes with no notes is an answer, not a crash),
 * and never lets a planted full name through to the report model, the HTML
 * or the markdown. Seeded, with a bounded number of runs.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {htmlText} from '../../src/audit/index.js'
import {compileReport} from '../../src/engine/index.js'
import {processNotes} from '../../src/engine/pipeline.js'
import {notesFile} from '../../src/engine/read.js'
import {loadBrand} from '../../src/render/brand.js'
import {renderHtml} from '../../src/render/html.js'
import {reportToMarkdown} from '../../src/render/markdown.js'
import {loadTheme} from '../../src/render/theme.js'
import type {Report} from '../../src/types.js'
import {ExchangeError} from '../../src/errors.js'
import {containsEntry} from '../helpers.js'

/** Given names and surnames that are not English words, so every full name must go. */
const givenNames = ['Jane', 'Priya', 'Tomasz', 'Kezia', 'Seán', 'Anne-Marie', 'Oluwaseun', 'Zoë', 'Gareth', 'Leonie', 'Mairi', 'Sunil', 'Callum', 'Aoife', 'Dmitri', 'Ngozi']
const surnames = ['Smithson', 'Natarajan', 'Kowalski', 'Blackwood', 'Ó Briain', "O'Neill", 'Adeyemi', 'Müller', 'Pryce', 'Asante', 'Campbell', 'Kapoor', 'Thornton', 'Fitzgerald', 'Ivanova', 'Okonkwo']

interface Person {
  first: string
  last: string
  full: string
}

const rosterArbitrary = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...givenNames), fc.constantFrom(...surnames)), {minLength: 1, maxLength: 6, selector: ([first, last]) => `${first} ${last}`})
  .map((pairs) => pairs.map(([first, last]): Person => ({first, last, full: `${first} ${last}`})))

/** A full name as notes write it: any case, possessive, with an honorific, a soft hyphen from Word. */
const spelling = (person: Person) =>
  fc.constantFrom(
    person.full,
    person.full.toUpperCase(),
    person.full.toLowerCase(),
    `${person.full}'s`,
    `${person.full}’s`,
    `Cllr ${person.full}`,
    `Dr. ${person.full}`,
    `${person.first.slice(0, 2)}\u00AD${person.first.slice(2)} ${person.last}`,
    `${person.first}\u200B ${person.last}`,
  )

const words = ['budget', 'residents', 'council', 'data', 'housing', 'said', 'works', 'pilot', 'the', 'and', 'is', 'broken', 'earlier', 'money', 'we', 'asked', 'trust', 'co-production', 'in', 'practice']
const text = fc.array(fc.constantFrom(...words), {minLength: 1, maxLength: 6}).map((list) => list.join(' '))

/** Inline content with a planted name in some node kind (and in HTML attribute values, quoted every way, if `attributes`). */
function inline(people: Person[], attributes: boolean) {
  const planted = fc.constantFrom(...people).chain(spelling)
  const attribute = attributes
    ? fc.oneof(
        planted.map((name) => `<abbr title="${name.replace(/"/g, '')}">CH</abbr>`),
        planted.map((name) => `<abbr title='${name.replace(/'/g, '’')}'>CH</abbr>`),
        planted.map((name) => `<abbr title=${name.replace(/[\s'"]+/g, '&#32;')}>CH</abbr>`),
      )
    : planted.map((name) => `<abbr title="${name.replace(/["']/g, '’')}">CH</abbr>`)
  return fc.oneof(
    attribute,
    {weight: 3, arbitrary: text},
    {weight: 2, arbitrary: planted},
    planted.map((name) => `*${name}*`),
    planted.map((name) => `**${name}**`),
    planted.map((name) => `_${name} said_`),
    planted.map((name) => `[${name}](https://example.org/page)`),
    planted.map((name) => `[notes](https://example.org/notes "${name.replace(/"/g, '')}")`),
    planted.map((name) => `![${name}](photo.png)`),
    planted.map((name) => `\`${name}\``),
    planted.map((name) => `<span>${name}</span>`),
    planted.map((name) => `${name}:`),
    planted.map((name) => `(${name})`),
    planted.map((name) => `— ${name}`),
    fc.constant('[^1]'),
    fc.constant('[the report][ref]'),
  )
}

function line(people: Person[], attributes: boolean) {
  return fc.array(inline(people, attributes), {minLength: 1, maxLength: 5}).map((parts) => parts.join(' '))
}

const hashtags = fc.constantFrom('', '', ' #challenge', ' #key', ' #practice', ' #culture #key')

function block(people: Person[], attributes: boolean) {
  const content = line(people, attributes)
  const planted = fc.constantFrom(...people)
  return fc.oneof(
    fc.tuple(fc.integer({min: 2, max: 4}), content).map(([depth, value]) => `${'#'.repeat(depth)} ${value}`),
    fc.tuple(content, hashtags).map(([value, tags]) => `${value}${tags}`),
    fc
      .array(fc.tuple(fc.integer({min: 0, max: 3}), content, hashtags), {minLength: 1, maxLength: 6})
      .map((items) => {
        let depth = 0
        return items
          .map(([wanted, value, tags]) => {
            depth = Math.min(wanted, depth + 1)
            return `${'  '.repeat(depth)}- ${value}${tags}`
          })
          .join('\n')
      }),
    fc.tuple(content, content).map(([first, second]) => `> ${first}\n>\n> > ${second}`),
    fc.tuple(content, content).map(([first, second]) => `| who | what |\n| --- | --- |\n| ${first.replace(/\|/g, '')} | ${second.replace(/\|/g, '')} |`),
    content.map((value) => `\`\`\`\n${value}\n\`\`\``),
    content.map((value) => `<div class="note">\n${value}\n</div>`),
    content.map((value) => `<!-- ${value} -->`),
    content.map((value) => `[^1]: ${value}`),
    planted.map((person) => `[ref]: https://example.org/report "${person.full}"`),
    planted.map((person) => `${person.first}\n${person.last} said the budget is broken #challenge`),
    planted.map((person) => `${person.first}\\\n${person.last} said so`),
    fc.constant('---'),
  )
}

function notes(people: Person[], attributes: boolean) {
  const title = fc.oneof(text, fc.constantFrom(...people).map((person) => `Notes from ${person.full}'s session`))
  return fc.tuple(title, fc.array(block(people, attributes), {minLength: 1, maxLength: 12})).map(([heading, blocks]) => {
    const frontMatter = `---\ntitle: ${JSON.stringify(heading)}\nattendees:\n${people.map((person) => `  - ${JSON.stringify(person.full)}`).join('\n')}\n---\n\n`
    return `${frontMatter}## Barriers\n\n${blocks.join('\n\n')}\n`
  })
}

const scenario = (attributes: boolean) => rosterArbitrary.chain((people) => notes(people, attributes).map((value) => ({people, value})))

/** Output text as a reader meets it: whitespace folded, one form of each character. */
const readable = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ')

interface Rendered {
  report: Report
  html: string
  markdown: string
}

/** The default theme without its inlined fonts (the text is the same, the HTML a fiftieth of the size). */
const theme = {...loadTheme(), css: ''}
const brand = loadBrand()

/** Read → parse → anonymise → group, then the HTML and the markdown written from the report. */
function compile(value: string): Rendered | undefined {
  try {
    const {report} = processNotes(notesFile(Buffer.from(value, 'utf8'), 'notes.md'))
    return {report, html: renderHtml(report, {theme, brand}), markdown: reportToMarkdown(report)}
  } catch (error) {
    // Refusing a file, clearly, is an answer; anything else is a crash.
    if (error instanceof ExchangeError) return undefined
    throw error
  }
}

function leakedNames(compiled: Rendered, people: Person[]): string[] {
  const outputs = {
    report: readable(JSON.stringify(compiled.report, (key, value: unknown) => (key === 'position' ? undefined : value))),
    html: readable(htmlText(compiled.html)),
    markdown: readable(compiled.markdown.replace(/\\(.)/g, '$1')),
  }
  return people.flatMap((person) => Object.entries(outputs).filter(([, output]) => containsEntry(output, person.full)).map(([where]) => `${person.full} in the ${where}`))
}

describe('random notes with planted roster names', () => {
  it('never crash the pipeline and never let a planted full name through', () => {
    fc.assert(
      fc.property(scenario(false), ({people, value}) => {
        const compiled = compile(value)
        if (!compiled) return
        expect(leakedNames(compiled, people), value).toEqual([])
      }),
      {seed: 20_240_517, numRuns: 120},
    )
  }, 120_000)

  it('never let a planted full name through an HTML attribute value, however it is quoted', () => {
    fc.assert(
      fc.property(scenario(true), ({people, value}) => {
        const compiled = compile(value)
        if (!compiled) return
        expect(leakedNames(compiled, people), value).toEqual([])
      }),
      {seed: 20_240_517, numRuns: 150},
    )
  }, 120_000)

  it('never crash on random bytes, random text or random markdown punctuation', () => {
    const punctuation = fc.array(fc.constantFrom('#', '-', '*', '_', '>', '[', ']', '(', ')', '!', '`', '|', '<', '/', '\n', ' ', ':', '---', '\t', '1.', 'x', '&', ';', '\\', '"'), {maxLength: 200}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({maxLength: 300}), fc.string({unit: 'grapheme', maxLength: 300}).map((value) => Buffer.from(value, 'utf8')), punctuation.map((value) => Buffer.from(value, 'utf8'))), (bytes) => {
        try {
          compileReport(notesFile(bytes, 'notes.md'), {})
        } catch (error) {
          expect(error).toBeInstanceOf(ExchangeError)
        }
      }),
      {seed: 7, numRuns: 150},
    )
  }, 120_000)
})
