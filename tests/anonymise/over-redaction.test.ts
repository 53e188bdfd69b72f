/**
 * Over-redaction seen on fresh notes (issue 15, stop 25), and its kin, as a table of word uses that must survive as written:
 * a word-surname typed small in a compound (`a field-style survey`, with Sue Field on the roster: any noun takes `-style`, so
 * only a person fits only with the name's capital), what a name-led compound qualifies (`the Mr Hill-led laundrette`), a
 * note after a table's label with a handle (`tech and tea mornings`), government bodies' acronyms, named campaigns, weeks and
 * fortnights, agenda items. The rows for a person in the same shapes are in `open-classes.test.ts` and `generated-classes.ts`.
 */
import {describe, expect, it} from 'vitest'
import {anonymise} from './helpers.js'
import {front} from './open-classes.js'

/** [kind, line, words that must survive as written]. */
const wordUses: Array<[string, string, string[]]> = [
  // A word-surname typed small in a compound is the word; only a person fits `the Mr Hill-led` (below).
  ['a lower-case word-surname in a compound', '- a field-style survey of every ward', ['field-style survey']],
  ['a lower-case word-surname in a compound', '- a hill-top kiosk with a view', ['hill-top kiosk']],
  ['a lower-case word-surname in a compound', '- a shepherd-style rota for the volunteers', ['shepherd-style rota']],
  // The word after a name-led compound is what they led, not a person.
  ['what a named person led', '- the Mr Hill-led laundrette pilot fixed it', ['laundrette pilot']],
  ['what a named person led', '- a Moyo-style kiosk for every ward', ['kiosk for every ward']],
  ['what a named person led', '- the Okafor-led minibus scheme', ['minibus scheme']],
  // A note after a table's label with a handle: the note's words are words.
  ['a note after a label with a handle', 'table 3 (@handle): tech and tea mornings', ['tech and tea mornings']],
  ['a note after a label with a handle', 'table 2 (@kiosk_team): coffee and chat sessions', ['coffee and chat sessions']],
  // Government bodies' acronyms.
  ['a public body', '- Defra funded the kiosk', ['Defra']],
  ['a public body', '- DWP changed the rules in March', ['DWP']],
  ['a public body', '- Ofsted visited the nursery last week', ['Ofsted']],
  ['a public body', '- the grant came from DLUHC', ['DLUHC']],
  // Named campaigns, weeks and fortnights.
  ['a named campaign', '- Scams Awareness Fortnight ran in June', ['Scams Awareness Fortnight']],
  ['a named campaign', '- we joined Volunteers Week with a stall', ['Volunteers Week']],
  ['a named campaign', '- Loneliness Awareness Week drew a crowd', ['Loneliness Awareness Week']],
  ['a named campaign', '- Talk Money Week came too late for us', ['Talk Money Week']],
  // Agenda words.
  ['an agenda item', '- Intro and housekeeping', ['Intro and housekeeping']],
  ['an agenda item', '- Welcome and introductions', ['Welcome and introductions']],
  ['an agenda item', '- Recap and next steps', ['Recap and next steps']],
]

describe('word uses of the same words and their kin survive', () => {
  it.each(wordUses)('%s: %j', (_kind, line, keep) => {
    const {markdown} = anonymise(`## Notes\n\n${line}\n\n- residents want to be asked earlier\n`, front)
    for (const words of keep) expect(markdown.toLowerCase()).toContain(words.toLowerCase())
  })
})
