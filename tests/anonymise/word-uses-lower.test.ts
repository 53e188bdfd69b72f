/**
 * Roster words typed small and used as words, beyond the curated word lists (issue 15, over-redaction): a
 * determiner or an adjective before the word (`a small fortune`, `by good fortune`, `their own destiny`), a hyphen
 * compound (`sky-high`, `ocean-deep`, `blue-sky`), and a Welsh or Gaelic article or particle before a name of those
 * languages (`yn yr haf`, `pan ddaw'r eira`, `an aisling`). The words the rows ask the dictionary about are not in
 * the curated lists (`fortune`, `destiny`, `ocean`, `marigold`). The same words in a name position are the person.
 * Table-driven: word × use, each written in a note, each also checked by the audit.
 */
import {describe, expect, it} from 'vitest'
import {createAuditor} from '../../src/audit/index.js'
import {lowerCaseWordUse} from '../../src/anonymise/name-contexts.js'
import {anonymise} from './helpers.js'

const front = `---
title: Word uses in lower case
attendees:
  - Fortune Achebe
  - Destiny Okoro
  - Ocean Mbeki
  - Marigold Featherstone
  - Haf Gruffydd
  - Eira Lloyd-Jones
  - Aisling Ní Bhriain
  - Sky Andersen
share: [Leeds City Council]
---
`

/** The use's id, the word, and the note (`{w}`: the word as written). */
const uses: Array<[string, string, string]> = [
  ['after a determiner', 'fortune', 'it cost the council a fortune in taxis'],
  ['after a determiner', 'destiny', 'nobody controls their destiny on an annual grant'],
  ['after a determiner', 'marigold', 'the marigold beds by the hub were planted by volunteers'],
  ['after a determiner', 'ocean', 'an ocean of forms before anyone gets a lift'],
  ['after an adjective', 'fortune', 'it saves people a small fortune in fares'],
  ['after an adjective', 'fortune', 'by good fortune the parish had a spare minibus'],
  ['after an adjective', 'fortune', 'by sheer good fortune the depot stayed open'],
  ['after an adjective', 'destiny', 'a small destiny of its own for the minibus trust'],
  ['after an adjective', 'ocean', 'beyond the open ocean of paperwork lies a bus pass'],
  ['a compound with a lower-case word', 'sky', 'fares are sky-high on the commercial route'],
  ['a compound with a lower-case word', 'sky', 'blue-sky thinking is fine but start with the data'],
  ['a compound with a lower-case word', 'ocean', 'debts went ocean-deep once fuel went up'],
  ['after a Welsh or Gaelic article', 'haf', 'mae’r bws yn rhedeg yn yr haf yn unig'],
  ['after a Welsh or Gaelic article', 'eira', "pan ddaw'r eira mae'r pentrefi ar eu pennau eu hunain"],
  ['after a Welsh or Gaelic article', 'eira', 'pan ddaeth yr eira roedd pawb yn sownd'],
  // `an` is an English article too, and `aisling` is in SCOWL's rarer words: the first row takes it.
  ['after a determiner', 'aisling', 'tá an aisling fós beo sa phobal'],
]

/** The same words where only a person fits: they go. */
const names: Array<[string, string]> = [
  ['fortune', '- fortune: the dial-a-ride costs too much'],
  ['fortune', '- as fortune put it, nobody books after six'],
  ['destiny', '- destiny said the pool is ageing out'],
  ['ocean', '- thanks ocean for the mileage figures'],
  ['marigold', '- marigold to send the Sunday pilot figures'],
  ['haf', '- meddai haf: mae angen mwy o yrwyr'],
  ['haf', "- haf's team mapped every stop"],
  ['eira', '- eira: we lose the school run every winter'],
  ['aisling', '- the dream is there (aisling)'],
]

describe('a roster word typed small, used as a word, survives beyond the curated lists', () => {
  it.each(uses)('%s: %s in “%s”', (use, word, sentence) => {
    const at = sentence.indexOf(word)
    const {markdown, file} = anonymise(`## Notes\n\n- ${sentence}\n`, front)
    expect(markdown).toContain(sentence.slice(1))
    expect(lowerCaseWordUse(sentence, {start: at, end: at + word.length, text: word, form: {text: word, person: 0, kind: 'first', ambiguous: false}, possessive: false})).toBe(use)
    const auditor = createAuditor(file.data.roster!, String(file.value), file.data.meta, file.data.ordinary ?? [])
    expect(auditor.scan(markdown, 'md').filter((leak) => leak.text.toLowerCase() === word)).toEqual([])
  })

  it.each(names)('%s in a name position goes: “%s”', (word, note) => {
    const {markdown} = anonymise(`## Notes\n\n${note}\n`, front)
    expect(markdown.toLowerCase()).not.toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u'))
  })

  it('asks the dictionary only for the English rows: a word no dictionary has, after a determiner, is still the person', () => {
    const roster = `---\ntitle: t\nattendees:\n  - Gosia Wiśniewska\n---\n`
    const {markdown} = anonymise('## Notes\n\n- we sent the gosia report round\n', roster)
    expect(markdown.toLowerCase()).not.toContain('gosia')
  })
})
