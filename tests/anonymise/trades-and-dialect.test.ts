/**
 * Roster surnames that are trades, and dialect words (issue 15, over-redaction). Typed small at the head of a compound
 * noun after a determiner and its qualifiers (`A stone mason's quote`, `a brick layer`, `the dry stone waller`, `a master
 * baker`, `the green keeper`), a surname is the trade; with a capital in a name position it is still the participant.
 * Words of Scots, Northern, Welsh and Irish English quoted as said (`naebody`, `aye`, `wee`, `ken`, `bairn`, `nowt`,
 * `owt`) are words, for the rules and the tagger: `ken, the bairns cannae play` is no one, `Ken said` is someone.
 */
import {describe, expect, it} from 'vitest'
import {createAuditor} from '../../src/audit/index.js'
import {dialectWords} from '../../src/anonymise/lexicon/dialect.js'
import {getLexicon} from '../../src/anonymise/lexicon/index.js'
import {tagPeople} from '../../src/anonymise/tagger/index.js'
import {anonymise} from './helpers.js'

const front = `---
title: Trades and dialect
attendees:
  - { name: Dafydd Mason, org: Calderdale Council }
  - Gemma Layer
  - Ruth Waller
  - Tomas Baker
  - Priti Keeper
  - Callum Thatcher
  - Ken Fairbairn
share: []
---
`

function audit(markdown: string, file: ReturnType<typeof anonymise>['file']) {
  return createAuditor(file.data.roster!, String(file.value), file.data.meta, file.data.ordinary ?? []).scan(markdown, 'md')
}

const trades = [
  "A stone mason's quote for the chapel roof was more than the plan",
  'we could not find a brick layer within forty miles',
  'the dry stone waller came over from Skipton',
  'she trained as a master baker before she ran the kitchen',
  'the green keeper at the bowls club holds the keys',
  'get a master thatcher to look at the barn',
]

const dialect = [
  'naebody sees them till the Monday, that is the problem',
  'aye, the wee ones get nowt from the trust',
  'ken, the bairns cannae play on the green wi the fencing up',
  'owt we get from the council comes wi strings',
  'Ken what I mean, it is pure mince',
]

describe('a surname that is a trade, typed small in a compound noun, survives', () => {
  it.each(trades)('%s', (text) => {
    const {markdown, file} = anonymise(`## Notes\n\n- ${text}\n`, front)
    expect(markdown.replace(/^- /mu, '- ').toLowerCase()).toContain(text.toLowerCase())
    expect(audit(markdown, file)).toEqual([])
  })

  it.each([
    ['Mason said the diocese would match the roof money', 'Mason'],
    ["Baker's team priced the slate", 'Baker'],
    ['the team and waller said the rota works', 'waller'],
  ])('the participant still goes: %s', (text, word) => {
    const {markdown} = anonymise(`## Notes\n\n- ${text}\n`, front)
    expect(markdown).not.toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu'))
  })
})

describe('dialect words quoted as said are words, not names', () => {
  it.each(dialect)('%s', (text) => {
    const {markdown, file} = anonymise(`## Notes\n\n- ${text}\n`, front)
    expect(markdown.toLowerCase()).toContain(text.toLowerCase())
    expect(audit(markdown, file)).toEqual([])
  })

  it('the tagger takes none of them, in a sentence with no one in it', () => {
    for (const text of dialect) expect(tagPeople(text)).toEqual([])
  })

  it('every dialect word is an English word to the rules, and none is listed twice', () => {
    const words = getLexicon().words
    for (const [word] of dialectWords) expect(words.has(word)).toBe(true)
    expect(new Set(dialectWords.map(([word]) => word)).size).toBe(dialectWords.length)
  })

  it('a dialect word that is a given name is still the participant in a name position', () => {
    const {markdown} = anonymise('## Notes\n\n- Ken said the hall committee has met every month since 1987\n', front)
    expect(markdown).not.toMatch(/Ken/u)
  })
})
