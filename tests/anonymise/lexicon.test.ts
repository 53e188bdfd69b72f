import fs from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {deriveLexicon, lexiconModule, packLexicon} from '../../src/anonymise/lexicon/derive.js'
import {getLexicon} from '../../src/anonymise/lexicon/index.js'
import {packWords, unpackWords} from '../../src/anonymise/lexicon/pack.js'

const dataFile = fileURLToPath(new URL('../../src/anonymise/lexicon/data.ts', import.meta.url))

describe('lexicon', () => {
  it('front-codes word lists without losing or inventing words', () => {
    const words = ['abbott', 'abbey', 'a', 'zeta', 'abbotsford', 'ó', 'abbott']
    expect(packWords(words)).toBe('0a,1bbey,3otsford,5t,0zeta,0ó')
    expect([...unpackWords(packWords(words))].sort()).toEqual([...new Set(words)].sort())
    expect(unpackWords('').size).toBe(0)
  })

  it('ships the lists derived from the installed faker and compromise (UPDATE=1 regenerates)', () => {
    const source = lexiconModule(packLexicon(deriveLexicon()))
    if (process.env.UPDATE) fs.writeFileSync(dataFile, source)
    // Compared as a flag: a 200 KB diff helps nobody; regenerate and read `git diff --stat`.
    expect(fs.readFileSync(dataFile, 'utf8') === source, 'src/anonymise/lexicon/data.ts is stale: run UPDATE=1 npx vitest run tests/anonymise/lexicon.test.ts').toBe(true)
  }, 30_000)

  it('knows given names, surnames, English words and places', () => {
    const {given, family, words, places, orgWords} = getLexicon()
    expect(given.has('sarah') && given.has('kevin') && given.has('helena')).toBe(true)
    expect(family.has('anderson')).toBe(true)
    expect(words.has('reading') && words.has('entertainment')).toBe(true)
    expect(places.has('manchester')).toBe(true)
    expect(orgWords.has('foundation')).toBe(true)
  })
})
