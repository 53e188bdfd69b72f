/**
 * Word uses (issue 15, over-redaction): a roster given name that is an English word, capitalised only because it
 * opens a sentence, a note or a title, is the word when what follows makes it one — a compound (`Penny-pinching`),
 * a quantity (`Miles of paperwork`), a common noun beside it (`Holly and ivy`), an imperative's object (`Chase the
 * invoices`), the head of a noun phrase (`Hazel coppicing`, `Summer holidays are…`, `Brook restoration`). The same
 * word in a name position, or before a verb a person does, is still the person. Table-driven: word × use × opening.
 */
import {describe, expect, it} from 'vitest'
import {createAuditor} from '../../src/audit/index.js'
import {anonymise} from './helpers.js'

const front = `---
title: Word uses
attendees:
  - Hazel Mbatha
  - Holly Desai
  - Penny Ashworth
  - Summer Lindqvist
  - Brook Nakamura
  - Miles Okafor
  - Chase Whitfield
  - Grace Penhaligon
share: [Leeds City Council]
---
`

/** `{W}` is the word-name, written with its capital. */
const uses: Array<[string, string, string]> = [
  ['a compound', 'Penny', '{W}-pinching on materials means we go back twice'],
  ['a compound', 'Summer', '{W}-time staffing is thinner than it looks'],
  ['a quantity', 'Miles', '{W} of paperwork for a two-hour sitting service'],
  ['listed with a common noun', 'Holly', '{W} and ivy cuttings blocked the gutter'],
  ['an imperative', 'Chase', '{W} the invoices before year end'],
  ['a noun phrase', 'Hazel', '{W} coppicing group use the community hall'],
  ['a noun phrase', 'Hazel', '{W} trees in the garden were cut back'],
  ['a noun phrase', 'Summer', '{W} holidays are the hardest time for parent carers'],
  ['a noun phrase', 'Brook', '{W} restoration volunteers found the damp first'],
  ['a noun phrase', 'Grace', '{W} periods on rent arrears helped'],
]

/** How a note opens before the word: a list item, a Unicode bullet in a pasted paragraph, a heading, a new sentence. */
const openings: Array<[string, (line: string) => string]> = [
  ['a list item', (line) => `- ${line}`],
  ['a numbered item', (line) => `1. ${line}`],
  ['a Unicode bullet', (line) => `notes from the wall:\n• ${line}`],
  ['a heading', (line) => `### ${line}`],
  ['after a full stop', (line) => `- It was a long winter. ${line}`],
]

describe('a word-name that opens a sentence as the word survives', () => {
  it.each(uses.flatMap(([use, word, template]) => openings.map(([opening, open]) => [use, word, opening, open(template.replace('{W}', word)), template.replace('{W}', word)] as const)))(
    '%s: %s, after %s',
    (_use, word, _opening, notes, phrase) => {
      const {markdown, file} = anonymise(`## Notes\n\n${notes}\n`, front)
      expect(markdown).toContain(phrase)
      // The rewriter recorded the use, so the audit reads it as the word too.
      const auditor = createAuditor(file.data.roster!, String(file.value), file.data.meta, file.data.ordinary ?? [])
      expect(auditor.scan(markdown, 'md').filter((leak) => leak.text.toLowerCase() === word.toLowerCase())).toEqual([])
    },
  )
})

describe('the same word in a name position, or before what a person does, is the person', () => {
  it.each([
    ['- Hazel: coppicing is a good volunteering offer', 'Hazel'],
    ['- Summer — holidays are the hardest time', 'Summer'],
    ['- Penny said pinching pennies costs more', 'Penny'],
    ['- Summer ran the pilot in the spring', 'Summer'],
    ['- Hazel runs the damp hotline', 'Hazel'],
    ['- Holly and i went to see the site', 'Holly'],
    ['- Chase, the chair, closed the meeting', 'Chase'],
    ["- Brook's team restored the path", 'Brook'],
    ['- Miles thinks the data is wrong', 'Miles'],
    ['- Grace and Holly led the session', 'Grace'],
  ])('%j loses %s', (notes, word) => {
    const {markdown} = anonymise(`## Notes\n\n${notes}\n`, front)
    expect(markdown).not.toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu'))
  })
})
