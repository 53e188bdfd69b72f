/**
 * The leak classes the generator of names in every position found (issue 15, stop 24; `tests/generate/plant.ts`), each
 * a shape with `{n}` for the name: shared by the rewriter's table-driven tests and the audit's. Each class is a row of
 * its recogniser (`name-positions.ts`, the matcher's titles, the URL and org-mode link rules, the eponym shield), and
 * of the audit's own table (`paranoid.ts`).
 */
export const classFront = `---
title: Classes
attendees:
  - Kofi Mensah
  - Sue Field
  - Mark Hill
  - Hope Walsh
  - Grant Okafor
  - Precious Moyo
  - Robin Shepherd
  - Faith Lewis
share: [Leeds City Council]
---
`

/** [class, template]: `{n}` is the name; `{u}` the name as a URL slug. */
export const leakClasses: Array<[string, string]> = [
  ['recipient of a verb of giving', '- send {n} the deck before Friday'],
  ['recipient of a verb of giving', '- give {n} the keys to the hall'],
  ['recipient of a verb of giving', '- show {n} the new form'],
  ['recipient of a verb of giving', '- we owe {n} a thank-you for the minutes'],
  ['noted by', '- as noted by {n}, the rota is broken'],
  ['noted by', '- a point flagged by {n} at the start'],
  ['a cell of a pasted table', '{n}\tthe rota is broken\tchallenge'],
  ['a cell of a pasted table', 'the rota is broken\t{n}'],
  ['a cell of a pasted CSV line', '"the rota is broken",{n},challenge'],
  ['a cell of a pasted CSV line', 'the rota is broken,{n}'],
  ['a title in lower case', '- mr {n} said the rota is broken'],
  ['a title in lower case', '- thanks to ms {n} for the minutes'],
  ['a model named after someone', '- the {n} model worked for the hall'],
  ['a page in a folder of people', '- the slides are [here](https://example.org/people/{u})'],
  ['a page in a folder of people', '- the slides are at https://example.org/staff/{u}/deck'],
  ['an org-mode link label', '- the slides from [[https://example.org/slides][{n}]]'],
  ['an org-mode link URL', '- the slides are [[https://example.org/people/{u}][here]]'],
  ['a link whose text is a name', '- the slides from [{n}](https://example.org/slides)'],
  ['a link whose text is a name', '- the slides from [{n}][1]\n\n[1]: https://example.org/slides'],
  ['an aside in square brackets', '- the rota is broken [{n}]'],
  ['a compound with -style', '- a {n}-style rota for every ward'],
]

/** Names to plant: [name, form]. `mr {n}` takes a surname; the rest take every one. */
export const classNames: Array<[string, string]> = [
  ['KM', 'initials'],
  ['Field', 'surname, a word'],
  ['Okafor', 'surname'],
  ['Moyo', 'surname'],
  ['Hope', 'given name, a word'],
  ['Precious', 'given name, a word'],
  ['Shepherd', 'surname, a word'],
]

export const classCases: Array<[string, (name: string) => string]> = [
  ['as written', (name) => name],
  ['lower', (name) => name.toLowerCase()],
  ['UPPER', (name) => name.toUpperCase()],
]

/** Every class × name × case that reads as notes: initials only as written, a title only before a surname, a word-name in lower case only where only a person fits. */
export function classMatrix(): Array<{kind: string; line: string; name: string; form: string; writing: string}> {
  const rows: Array<{kind: string; line: string; name: string; form: string; writing: string}> = []
  for (const [kind, template] of leakClasses) {
    for (const [name, form] of classNames) {
      for (const [writing, write] of classCases) {
        if (form === 'initials' && (writing !== 'as written' || /\{u\}|mr \{n\}|ms \{n\}/u.test(template))) continue
        if (/mr \{n\}|ms \{n\}/u.test(template) && !form.startsWith('surname')) continue
        // `the Hope model`, `the PM model` may be the word or an abbreviation: a model named after someone by a name that is neither.
        if (kind === 'a model named after someone' && (form.endsWith('a word') || form === 'initials')) continue
        // `a field-style survey`: any noun takes `-style`, so a word-name typed small before it is the word (stop 25: the word
        // uses in tests/anonymise/open-classes.test.ts); with its capital or in capitals it is still the person.
        if (kind === 'a compound with -style' && form.endsWith('a word') && writing === 'lower') continue
        const written = write(name)
        rows.push({kind, name, form, writing, line: template.replace('{n}', written).replace('{u}', written.toLowerCase())})
      }
    }
  }
  return rows
}
