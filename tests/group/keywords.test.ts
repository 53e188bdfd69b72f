import {describe, expect, it} from 'vitest'
import {aliasMatch, compileKeywords, contentStems, scoreKeywords, stems, withinOneEdit, words} from '../../src/group/keywords.js'

const rule = (term: string, weight: number) => ({term, stems: stems(term), weight})

describe('keywords', () => {
  it('splits text into lower-case words, accents folded, possessive and contracted ’s dropped', () => {
    expect(words('Seán’s council’s “What’s working” – co-production')).toEqual(['sean', 'council', 'what', 'working', 'co', 'production'])
    // Typographic punctuation alone takes the ASCII path and finds the same words; letters beyond ASCII still fold.
    expect(words('The council’s “front door” – one ‘named’ officer • 2 days')).toEqual(['the', 'council', 'front', 'door', 'one', 'named', 'officer', '2', 'days'])
    expect(words('Café – naïve ² ½')).toEqual(['cafe', 'naive', '2', '1', '2'])
  })

  it('scores each rule once per note, phrases as consecutive stems', () => {
    const index = compileKeywords([
      {id: 'change', keywords: [rule('demand', 2), rule('budget', 1)]},
      {id: 'culture', keywords: [rule('middle managers', 3), rule('culture', 2)]},
    ])
    const order = new Map([['change', 0], ['culture', 1]])
    const scores = scoreKeywords(stems('Demand outstrips the budget; demand keeps rising'), index, order)
    expect(scores).toEqual([{section: 'change', score: 3, hits: [{term: 'demand', weight: 2}, {term: 'budget', weight: 1}]}])
    expect(scoreKeywords(stems('the middle manager holds the risk'), index, order)[0]).toMatchObject({section: 'culture', score: 3})
    expect(scoreKeywords(stems('managers in the middle'), index, order)).toEqual([])
  })

  it('breaks a tie by the profile’s section order', () => {
    const index = compileKeywords([
      {id: 'b', keywords: [rule('staff', 1)]},
      {id: 'a', keywords: [rule('time', 1)]},
    ])
    const scores = scoreKeywords(stems('staff need time'), index, new Map([['a', 0], ['b', 1]]))
    expect(scores.map((score) => score.section)).toEqual(['a', 'b'])
  })

  it('matches a heading to an alias loosely, and only on whole words', () => {
    const heading = (text: string) => contentStems(text)
    expect(aliasMatch(heading("what's working tools + methods"), heading('what works'))).toBe(2)
    expect(aliasMatch(heading('Questons to take back'), heading('questions to take back'))).toBeGreaterThan(0)
    expect(aliasMatch(heading('challenges'), heading('challenge'))).toBe(1)
    expect(aliasMatch(heading('networking lunch'), heading('working'))).toBe(0)
    expect(aliasMatch(heading('working with members'), heading('what works'))).toBe(0)
    expect(aliasMatch(heading('links'), heading('links and resources'))).toBe(1)
  })

  it('forgives no typo in a short word: a five-letter stem one letter away is another word', () => {
    const heading = (text: string) => contentStems(text)
    // `minutes` and `minuses` (a retrospective's column) are different words, not a typo.
    expect(aliasMatch(heading('Minutes of the peer review group'), heading('minuses'))).toBe(0)
    expect(aliasMatch(heading('Notes from the panel'), heading('nodes'))).toBe(0)
    expect(aliasMatch(heading('Barriors and blockers'), heading('barriers'))).toBe(1)
  })

  it('allows one edit between words', () => {
    expect(withinOneEdit('questions', 'questons')).toBe(true)
    expect(withinOneEdit('people', 'peopel')).toBe(true)
    expect(withinOneEdit('people', 'purple')).toBe(false)
  })
})

describe('compileKeywords', () => {
  it('counts terms that stem alike once, with the larger weight', () => {
    const index = compileKeywords([{id: 'lead', keywords: [rule('leader', 1), rule('leaders', 2)]}])
    expect(scoreKeywords(stems('our leaders and every leader'), index, new Map([['lead', 0]]))).toEqual([{section: 'lead', score: 2, hits: [{term: 'leaders', weight: 2}]}])
  })
})
