/**
 * An attribution with a role on the quote's next line, in the same paragraph (`> "…"` then `> *Miles, commissioner*`):
 * the whole line goes, as when it is a block of its own — not `*one participant, commissioner*` left inside the quote
 * (fresh notes 5: the report printed `““Nobody plans a breakdown.” *one participant, commissioner*”`).
 */
import {describe, expect, it} from 'vitest'
import {anonymise} from './helpers.js'

const front = `---\ntitle: Quotes\nattendees:\n  - Miles Van Heerden\n  - Precious Okafor\n  - Omar Haddad\n---\n`

describe('an attribution on the next line of a quote', () => {
  it.each([
    ['> "Nobody plans a breakdown."\n> *Miles, commissioner*', 'Miles'],
    ['> "Nobody plans a breakdown."\n> *Omar Haddad, commissioner*', 'Omar'],
    ['> "Nobody plans a breakdown."\n> **Precious, carers lead**', 'Precious'],
  ])('%j: the line goes whole, the quote stays', (notes, name) => {
    const {markdown} = anonymise(`## Notes\n\n${notes}\n`, front)
    expect(markdown).toBe('## Notes\n\n> "Nobody plans a breakdown."')
    expect(markdown).not.toContain(name)
  })
})
