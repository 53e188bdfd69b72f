/**
 * Hostile and broken front matter: each way the roster could be lost (and
 * names reach the report) is an error at its line and column; everything
 * else that is odd is a warning that says what was meant.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {diagnosticsOf, formatDiagnostic} from '../../src/diagnostics.js'
import {UsageError} from '../../src/errors.js'
import {atFrontMatterKey, parseNotes} from '../../src/parse/index.js'

function parse(value: string) {
  const file = new VFile({path: 'notes.md', value})
  const tree = parseNotes(file)
  return {file, tree, lines: diagnosticsOf(file).map(formatDiagnostic)}
}

function refusal(value: string): UsageError {
  try {
    parse(value)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return error as UsageError
  }
  throw new Error('expected the front matter to be refused')
}

const notes = '\n## Barriers\n\n- Jane said the budget is broken #challenge\n'

describe('front matter that would be read as notes, losing the roster', () => {
  it('refuses front matter without a closing `---`', () => {
    const error = refusal(`---\ntitle: T\nattendees: [Jane Smith]\n${notes}`)
    expect(error).toMatchObject({line: 1, column: 1, rule: 'front-matter', message: 'Unexpected front matter without a closing `---` line'})
  })

  it('refuses front matter closed with `...`, at that line', () => {
    const error = refusal(`---\ntitle: T\nattendees: [Jane Smith]\n...\n${notes}`)
    expect(error).toMatchObject({line: 4, message: 'Unexpected `...` closing the front matter, expected `---`', hint: 'close the front matter with a `---` line'})
  })

  it('refuses front matter that does not start on the first line', () => {
    expect(refusal(`\n---\ntitle: T\nattendees: [Jane Smith]\n---\n${notes}`)).toMatchObject({line: 2, message: 'Unexpected front matter that does not start on the first line'})
    expect(refusal(`  ---\ntitle: T\n---\n${notes}`)).toMatchObject({line: 1, message: 'Unexpected front matter that does not start on the first line'})
  })

  it('refuses TOML front matter', () => {
    expect(refusal(`+++\ntitle = "T"\n+++\n${notes}`).message).toBe('Unexpected TOML front matter (`+++`), expected YAML between `---` lines')
  })

  it('leaves alone notes that open with a rule, not front matter', () => {
    const {file} = parse(`---\n\n## Barriers\n\n- a note\n`)
    expect(file.data.roster?.people).toEqual([])
  })

  it('refuses a roster under another name: a misspelling, a capital, a synonym', () => {
    for (const [key, line] of [['attendess', 3], ['Attendees', 3], ['attendee', 3], ['people', 3], ['Delegates', 3], ['sign-in', 3]] as const) {
      const error = refusal(`---\ntitle: T\n${key}: [Jane Smith]\n---\n${notes}`)
      expect(error.line).toBe(line)
      expect(error.message).toMatch(new RegExp(`^Unexpected front-matter key \`${key}\`.*: the names in it would not be stripped from the report$`))
      expect(error.hint).toBe('call the list of who came `attendees`')
    }
  })

  it('refuses a list of who came under `participants`, saying to move it to `attendees`', () => {
    const error = refusal(`---\nparticipants:\n  - Jane Smith\n  - Tom Okafor\n---\n${notes}`)
    expect(error).toMatchObject({line: 2, column: 1})
    expect(error.message).toBe('Unexpected `participants: ["Jane Smith","Tom Okafor"]` in the front matter, expected a whole number (a count, never a list of who came)')
    expect(error.hint).toBe('write how many came (`participants: 25`), and put who came under `attendees`')
  })

  it('refuses `attendees` that is not a list, saying how to write one', () => {
    const error = refusal(`---\nattendees: Jane Smith, Tom Okafor\n---\n${notes}`)
    expect(error).toMatchObject({line: 2, hint: 'write one attendee per line, each starting with `- `'})
  })
})

describe('malformed YAML, at its line and column', () => {
  const cases: Array<[string, string, number, number, RegExp, RegExp]> = [
    ['an unclosed bracket', '---\ntitle: T\nattendees: [Jane Smith, Tom\n---\n', 3, 12, /^Cannot read the front matter: /, /close brackets and quotes/],
    ['an unclosed quote', '---\ntitle: "Budget day\nhost: NLGN\n---\n', 2, 8, /^Cannot read the front matter: Missing closing "quote/, /./],
    ['a duplicate key', '---\ntitle: A\nhost: X\ntitle: B\n---\n', 4, 1, /^Cannot read the front matter: Map keys must be unique/, /^give each key once$/],
    ['a tab for indentation', '---\nattendees:\n\t- Jane Smith\n---\n', 3, 1, /^Cannot read the front matter: /, /./],
    ['a colon in an unquoted value', '---\ntitle: Housing: what next: and why\n---\n', 2, 8, /^Cannot read the front matter: Nested mappings are not allowed in compact mappings/, /quote values that contain `:`/],
  ]
  for (const [what, source, line, column, message, hint] of cases) {
    it(`names the line and column of ${what}`, () => {
      const error = refusal(`${source}${notes}`)
      expect(error.file).toBe('notes.md')
      expect([error.line, error.column]).toEqual([line, column])
      expect(error.message).toMatch(message)
      expect(error.message).not.toMatch(/\n| at line \d+/)
      expect(error.hint).toMatch(hint)
    })
  }

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({length: 8}, (_, index) => `${String.fromCharCode(98 + index)}: &${String.fromCharCode(98 + index)} [${Array.from({length: 10}, () => `*${String.fromCharCode(97 + index)}`).join(', ')}]`)].join('\n')
    const started = performance.now()
    const error = refusal(`---\n${bomb}\n---\n${notes}`)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(error.message).toMatch(/^Cannot read the front matter: Excessive alias count/)
    expect(error.hint).toMatch(/without `&anchors` and `\*aliases`/)
  })

  it('keeps `__proto__` a plain key: a warning, not a way into the fields', () => {
    const {file, lines} = parse(`---\n__proto__: {title: Hijacked}\n---\n${notes}`)
    expect(file.data.meta?.title).not.toBe('Hijacked')
    expect(lines[0]).toMatch(/^notes\.md:2:1  warning  Unexpected front-matter key `__proto__`/)
    expect(({} as Record<string, unknown>).title).toBeUndefined()
  })

  it('warns about YAML it reads with doubts, at its place', () => {
    const {lines} = parse(`---\ntitle: !custom T\n---\n${notes}`)
    expect(lines[0]).toMatch(/^notes\.md:2:8  warning  Unexpected YAML in the front matter: Unresolved tag: !custom  \[exchange:front-matter\]$/)
  })
})

describe('wrong values', () => {
  it('refuses a date that does not exist', () => {
    expect(refusal(`---\ndate: 2018-02-30\n---\n${notes}`).message).toBe('Unexpected `date: "2018-02-30"` in the front matter, expected a real calendar date written YYYY-MM-DD')
  })

  it('refuses counts that are not whole numbers', () => {
    for (const value of ['-3', '2.5', '1e400', '"twelve"', '[1, 2]', '{n: 3}']) {
      expect(refusal(`---\nparticipants: ${value}\n---\n${notes}`).line).toBe(2)
    }
    expect(parse(`---\nparticipants: "25"\n---\n${notes}`).file.data.meta?.participants).toBe(25)
  })

  it('refuses printed fields that are not text, and shortens what it quotes', () => {
    const error = refusal(`---\ntitle:\n  nested: ${'x'.repeat(500)}\n---\n${notes}`)
    expect(error.message.length).toBeLessThan(160)
    expect(error.message).toMatch(/^Unexpected `title: \{"nested":"x+…` in the front matter, expected text$/)
  })

  it('refuses a share list of things that are not organisation names', () => {
    expect(refusal(`---\nshare: [{name: Wigan}]\n---\n${notes}`).message).toMatch(/^Unexpected `share: .*expected a list of organisations$/)
  })
})

describe('unknown keys', () => {
  it('warns with a did-you-mean, at the key', () => {
    const {lines} = parse(`---\ntitle: T\npartcipants: 12\nforeword-by: Jane\nslug: ../../etc\n---\n${notes}`)
    expect(lines).toEqual([
      'notes.md:3:1  warning  Unexpected front-matter key `partcipants`, did you mean `participants`?  [exchange:front-matter]',
      'notes.md:4:1  warning  Unexpected front-matter key `foreword-by`, did you mean `foreword_by`?  [exchange:front-matter]',
      'notes.md:5:1  warning  Unexpected front-matter key `slug`, it is ignored (expected one of title, series, date, host, partner, venue, participants, attendees, share, brand, profile, foreword_by, lang)  [exchange:front-matter]',
    ])
  })

  it('warns about unknown keys of an attendee entry, and reads the common other names for them', () => {
    const {file, lines} = parse(`---\nattendees:\n  - {name: Kezia Black, alias: Kez, organisation: Wigan Council, twiter: "@kez"}\n  - Jane Smith (Camden)\n---\n${notes}`)
    expect(file.data.roster?.people).toEqual([
      {name: 'Kezia Black', honorific: undefined, org: 'Wigan Council', role: undefined, aliases: ['Kez']},
      {name: 'Jane Smith', honorific: undefined, org: 'Camden', aliases: []},
    ])
    expect(lines).toEqual(['notes.md:3:1  warning  Unexpected key `twiter` in an attendee entry, it is ignored (expected `name`, `org`, `role`, `aliases`)  [exchange:attendees]'])
  })

  it('names the line of an attendee entry without a name', () => {
    const error = refusal(`---\nattendees:\n  - Jane Smith\n  - {org: Wigan}\n---\n${notes}`)
    expect(error).toMatchObject({line: 4, rule: 'attendees', message: 'Unexpected an entry without a `name` in the attendees list, expected a name or `{ name, org, role, aliases }`'})
  })
})

describe('atFrontMatterKey', () => {
  it('points an error about a file the front matter names at the key’s line', () => {
    const {file} = parse(`---\ntitle: T\nbrand: ours/\n---\n${notes}`)
    const error = atFrontMatterKey(file, 'brand', new UsageError('Cannot find `brand.yaml` in brand folder `ours/`', {file: '/abs/ours', rule: 'brand', hint: 'point it at a brand folder'})) as UsageError
    expect(error).toMatchObject({file: 'notes.md', line: 3, column: 1, rule: 'brand', hint: 'point it at a brand folder'})
    expect(error.message).toBe('Cannot find `brand.yaml` in brand folder `ours/` (in `/abs/ours`, named by `brand:`)')
    expect(error.cause).toBeInstanceOf(UsageError)
  })

  it('leaves an error alone when the front matter did not name it', () => {
    const {file} = parse(`---\ntitle: T\n---\n${notes}`)
    const original = new UsageError('x', {rule: 'brand'})
    expect(atFrontMatterKey(file, 'brand', original)).toBe(original)
  })
})

describe('YAML that once crashed the parser', () => {
  it('is a YAML error at the unclosed bracket, with an empty value and a `- ` as a mapping value after it', () => {
    const error = refusal(`---\ntitle: [draft\ndate: 2024-01-01\norg: - x\n---\n${notes}`)
    expect(error).toMatchObject({line: 2, rule: 'front-matter'})
    expect(error.message).toMatch(/^Cannot read the front matter: /)
  })

  it.each([
    'title: T\norg:\n  - x\n  -\nvenue: [a, ',
    'title: [draft\nvenue:\norg: - x',
    'title: {a: \nhost: - - x',
    'title: "T\nseries:\n- : x',
  ])('refuses %j with a line, never an internal error', (yaml) => {
    const error = refusal(`---\n${yaml}\n---\n${notes}`)
    expect(error.line).toBeGreaterThanOrEqual(1)
  })
})
