/** The tagger for people not on the roster: a model read from its weights, and one more recogniser after the rules. */
import fs from 'node:fs'
import {afterEach, describe, expect, it} from 'vitest'
import {anonymiseText} from '../../src/anonymise/index.js'
import {currentModel, emissions, formatModel, parseModel, prepare, scoreTokens, tagPeople, useTaggerModel, viterbi} from '../../src/anonymise/tagger/index.js'
import {detectPeople} from '../../src/anonymise/unrostered.js'
import {note} from './helpers.js'

const tagged = (text: string) => tagPeople(text).map((span) => text.slice(span.start, span.end))
const detected = (text: string) => detectPeople(text).map((candidate) => candidate.text)

afterEach(() => useTaggerModel(undefined))

describe('viterbi', () => {
  const flat = {transition: [0, 0, 0, 0] as [number, number, number, number], start: [0, 0] as [number, number]}

  it('labels a token a person where its score beats the cost', () => {
    expect(viterbi([-1, 3, -2], flat)).toEqual([false, true, false])
    expect(viterbi([-1, 3, -2], flat, [0, 4, 0])).toEqual([false, false, false])
  })

  it('lets a transition join a weak token to a strong neighbour', () => {
    const sticky = {transition: [0, -2, -2, 3] as [number, number, number, number], start: [0, 0] as [number, number]}
    expect(viterbi([5, -1, -6], sticky)).toEqual([true, true, false])
  })

  it('never labels an unscorable token a person', () => {
    expect(viterbi([Number.NEGATIVE_INFINITY, 2], {...flat, transition: [0, 0, 0, 10]})).toEqual([false, true])
  })
})

describe('the weights', () => {
  it('round-trip through their text, at one decimal', () => {
    const model = {emission: new Map([['w:kwame', 2.34], ['sh:Xx', -0.71]]), transition: [0.5, -1, -1.5, 2] as [number, number, number, number], start: [0, -0.5] as [number, number], threshold: 2, lowerThreshold: 13, ordinaryMargin: 12}
    const read = parseModel(formatModel(model))
    expect([...read.emission]).toEqual([['sh:Xx', -0.7], ['w:kwame', 2.3]])
    expect(read.transition).toEqual(model.transition)
    expect([read.start, read.threshold, read.lowerThreshold, read.ordinaryMargin]).toEqual([model.start, 2, 13, 12])
  })

  it('read a model written before the listed-place margin as one that never uses it', () => {
    expect(parseModel('#\t0\t0\t0\t0\t0\t0\t2\t13\nw:kwame\t23').ordinaryMargin).toBe(Number.POSITIVE_INFINITY)
    expect(parseModel(formatModel({...parseModel('#\t0\t0\t0\t0\t0\t0\t2\t13'), ordinaryMargin: Number.POSITIVE_INFINITY})).ordinaryMargin).toBe(Number.POSITIVE_INFINITY)
  })

  it('are small: under 200 KB of source', () => {
    expect(fs.statSync(new URL('../../src/anonymise/tagger/weights.ts', import.meta.url)).size).toBeLessThan(200_000)
    expect(currentModel()?.emission.size).toBeGreaterThan(1000)
  })
})

describe('tagPeople', () => {
  it('finds names typed in lower case or in capitals, from the words around them', () => {
    expect(tagged('spoke to kwame yesterday about the pilot')).toEqual(['kwame'])
    expect(tagged('kwame mensah ran the breakout')).toEqual(['kwame mensah'])
    expect(tagged('OMG JAYDEN IS BACK')).toEqual(['JAYDEN'])
    expect(tagged('per Kwame the board will not sign it off')).toEqual(['Kwame'])
  })

  it('leaves lower-case English words, acronyms and their plurals', () => {
    for (const text of ['vendors keep promising the sunny uplands', 'ICO data sharing code', 'we asked about DPIAs', 'the Zoom chat was busy']) expect(tagged(text), text).toEqual([])
  })

  it('leaves lower-case words English derivation makes, though no list has them', () => {
    for (const text of ['unmet need is invisible', 'the rota is unworkable', 'provision is precarious', 'so much fragmentation']) expect(anonymiseText(`- ${text}`).value, text).toBe(`- ${text}`)
  })

  it('never scores a lower-case dictionary word the English list lacks, nor its inflections (public word lists)', () => {
    for (const text of ['the switchover date slipped again', 'a small hydro scheme on the river', 'the payback on solar is slow', 'annual appraisals were late']) {
      const sentence = prepare(text)
      expect(sentence.features.some(Boolean), text).toBe(false)
      expect(anonymiseText(`- ${text}`).value, text).toBe(`- ${text}`)
    }
  })

  it('never scores a capitalised word English derivation makes (Walkability, Decarbonisation)', () => {
    for (const text of ['great session on Walkability', 'Decarbonisation came up twice', 'the Liveability index']) {
      const sentence = prepare(text)
      const at = sentence.tokens.findIndex((token) => /ability|isation/.test(token.text))
      expect(sentence.features[at], text).toBeUndefined()
    }
  })

  it('finds a name in no list from the words around it, typed small or capitalised', () => {
    expect(tagged('spoke to zorvadi yesterday')).toEqual(['zorvadi'])
    expect(tagged('zorvadi said the data was a mess')).toEqual(['zorvadi'])
    expect(tagged('met Brakspeare at the conference')).toEqual(['Brakspeare'])
  })

  it('finds nothing with no model', () => {
    useTaggerModel(null)
    expect(tagged('spoke to kwame yesterday about the pilot')).toEqual([])
  })
})

describe('the tagger as a recogniser after the rules', () => {
  it('adds the names the rules do not read', () => {
    useTaggerModel(null)
    expect(detected('spoke to kwame yesterday about the pilot')).toEqual([])
    useTaggerModel(undefined)
    expect(detected('spoke to kwame yesterday about the pilot')).toEqual(['kwame'])
    expect(anonymiseText('kwame mensah ran the breakout').value).toBe('Someone ran the breakout')
  })

  it('never takes a name from inside an address or a handle', () => {
    for (const text of ['see linkedin.com/in/kwame-mensah for more', 'follow @kwamemensah for updates', 'mail kwame_mensah at work', '#kwame trended']) expect(detected(text), text).toEqual([])
  })

  it('leaves places, runs of English words and what the rules kept as ordinary words', () => {
    expect(detected('Paris and Reykjavik – city-wide PB')).toEqual([])
    expect(detected('Carbon Literacy Trust')).toEqual([])
    expect(detectPeople('Christmas carol concerts', {ordinary: [{start: 10, end: 15}]}).map((candidate) => candidate.text)).toEqual([])
    expect(note('Christmas carol concerts in the hall')).toBe('Christmas carol concerts in the hall')
  })

  it("leaves an organisation's name and a name used for an idea (eponyms)", () => {
    expect(tagged('Ormsby Care Partners ran the venue')).toEqual(['Ormsby'])
    expect(detected('Ormsby Care Partners ran the venue')).toEqual([])
    expect(tagged("it's kowalczyk's law all over again")).toEqual(['kowalczyk'])
    expect(detected("it's kowalczyk's law all over again")).toEqual([])
    expect(note("- it's kowalczyk's law all over again")).toBe("- it's kowalczyk's law all over again")
  })

  it('gives its reason, and is confident but never strong (a tagged word is not a name elsewhere)', () => {
    const [candidate] = detectPeople('spoke to kwame yesterday')
    expect(candidate).toMatchObject({text: 'kwame', confident: true, strong: false, reason: 'the tagger, from the words and their context', keys: ['kwame']})
  })
})

describe('the gazetteer and word compounds, as features and a veto', () => {
  const unchanged = (text: string) => expect(anonymiseText(`- ${text}`).value, text).toBe(`- ${text}`)

  it('keeps UK towns, local authorities and counties in workshop prose, in any position', () => {
    for (const text of [
      'we visited Wigan and Stockport last spring',
      'Kirklees and Calderdale share a team',
      'the Kirklees pilot ran for a year',
      'residents in Wolverhampton\'s east end wanted more',
      'over in Merthyr Tydfil the library became the hub',
      'a pilot in Darwen, then one on the Wirral',
      'we met the team from Stoke-on-Trent',
      'Stockport: the waiting list doubled',
    ])
      unchanged(text)
  })

  it('keeps capitalised and hyphenated compounds of English words', () => {
    for (const text of ['Flipchart notes from the breakout', 'Rebalancing the budget took a year', 'the sign-off came late', 'Microenterprises need help with the paperwork', 'Co-design was the word of the day'])
      unchanged(text)
  })

  it('still takes a person whose name is no place, beside places', () => {
    expect(anonymiseText('- spoke to kwame in Wigan yesterday').value).not.toContain('kwame')
    expect(anonymiseText('- Kwabena from Kirklees ran the session').value).not.toContain('Kwabena')
  })

  it('takes a listed name that is only a place where the tagger is sure, never one that is an English word outside a name position', () => {
    expect(anonymiseText('- Davis ran the breakout and it went well').value).not.toContain('Davis')
    for (const text of ['Grant funding closes in May', 'Rose garden volunteers came back', 'Frank conversations help', 'Bill payments are late', 'Hope is not a strategy']) unchanged(text)
  })

  it('keeps a name that ends in the word of a public thing: an inquiry, a building, a street, an award', () => {
    for (const text of ['Okonkwo Tower Inquiry reports are online', 'the Mensah Review said the same', 'Adeyemi House residents were not asked', 'Kowalski Street Award went to the allotment group'])
      expect(detected(text), text).toEqual([])
  })

  it('leaves lower-case tokens no English word or name could be: commands, files, abbreviations', () => {
    for (const text of ['From stdin', 'ran it from npm', 'saved as pdf', 'with ctrl and the mouse']) expect(tagged(text), text).toEqual([])
    expect(tagged('spoke to kwame yesterday about the pilot')).toEqual(['kwame'])
  })

  it('leaves a word wholly in another script to the rules', () => {
    for (const text of ['Нова школа opened', 'we met at Новая библиотека', 'Νέα σχολή opened']) expect(tagged(text), text).toEqual([])
  })

  it('leaves a lower-case English word missing one letter: a typo, not a person', () => {
    for (const text of ['again – Data is scatterd – each team holds a piece', 'the goverment never asked']) expect(tagged(text), text).toEqual([])
  })
})

describe('the scores the tagger decodes', () => {
  // Every line of the held-out notes, as written, typed small and in capitals: the scores read from each word's kept
  // weights are the scores of the feature strings (`emissions(prepare(…))`), bit for bit, in any order of reading.
  const lines = fs
    .readdirSync(new URL('../../bench/', import.meta.url))
    .filter((name) => name.startsWith('heldout'))
    .flatMap((name) => {
      const dir = new URL(`../../bench/${name}/notes/`, import.meta.url)
      return fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md').map((file) => new URL(file, dir)) : []
    })
    .flatMap((file) => fs.readFileSync(file, 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')

  it('are the feature strings’ scores, to the last bit', () => {
    const model = currentModel()!
    expect(lines.length).toBeGreaterThan(1000)
    let compared = 0
    for (const line of lines) {
      for (const text of [line, line.toLowerCase(), line.toUpperCase()]) {
        const expected = emissions(prepare(text), model.emission)
        const scores = scoreTokens(text, model.emission)
        expect(scores.length, text).toBe(expected.length)
        for (let at = 0; at < scores.length; at++) if (!Object.is(scores[at], expected[at])) expect([text, at, scores[at]]).toEqual([text, at, expected[at]])
        compared += scores.filter(Number.isFinite).length
      }
    }
    expect(compared).toBeGreaterThan(1000)
  })

  it('follow the model in use: another emission table, another score', () => {
    const model = currentModel()!
    const text = 'spoke to kwame yesterday about the pilot'
    const before = scoreTokens(text, model.emission)
    const doubled = new Map([...model.emission].map(([feature, weight]) => [feature, weight * 2]))
    expect(scoreTokens(text, doubled)).toEqual(emissions(prepare(text), doubled))
    expect(scoreTokens(text, doubled)).not.toEqual(before)
    expect(scoreTokens(text, model.emission)).toEqual(before)
  })
})
