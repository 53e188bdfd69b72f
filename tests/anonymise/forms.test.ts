import {describe, expect, it} from 'vitest'
import {nameForms, nameParts} from '../../src/anonymise/forms.js'
import {compileRoster} from '../../src/anonymise/matcher.js'

describe('name forms', () => {
  it('splits names, keeping particles with the surname', () => {
    expect(nameParts('Seán Ó Briain')).toEqual({first: 'Seán', middle: [], last: 'Ó Briain'})
    expect(nameParts('Jan van der Berg')).toEqual({first: 'Jan', middle: [], last: 'van der Berg'})
    expect(nameParts('Priya Natarajan')).toEqual({first: 'Priya', middle: [], last: 'Natarajan'})
  })

  it('derives full, first, surname, alias, initials, first-initial, initial-surname and handle forms', () => {
    const forms = nameForms({name: 'Catherine Moran', honorific: 'Dr', aliases: ['Cath']}, 0).map((form) => `${form.kind}:${form.text}`)
    expect(forms).toEqual(
      expect.arrayContaining(['full:Catherine Moran', 'first:Catherine', 'last:Moran', 'alias:Cath', 'full:Cath Moran', 'initials:CM', 'initials:C M', 'first-initial:Cath M', 'initial-last:C Moran', 'handle:cathmoran', 'handle:catherinemoran']),
    )
    const kerry = nameForms({name: 'Kerry-Ann Walsh', aliases: []}, 0).map((form) => form.text)
    expect(kerry).toEqual(expect.arrayContaining(['Kerry-Ann', 'Kerry', 'KAW', 'KW', 'kawalsh', 'kerryannwalsh']))
    expect(nameForms({name: 'Nnamdi O’Callaghan', aliases: []}, 0).map((form) => form.text)).toContain('NC')
  })

  it('marks names that are also ordinary words as ambiguous', () => {
    const forms = nameForms({name: 'Will Barker', aliases: []}, 0)
    expect(forms.find((form) => form.text === 'Will')?.ambiguous).toBe(true)
    expect(forms.find((form) => form.text === 'Barker')?.ambiguous).toBe(false)
    expect(nameForms({name: 'Tom Okafor', aliases: []}, 0).find((form) => form.kind === 'initials')).toMatchObject({text: 'TO', ambiguous: true})
  })
})

describe('matcher', () => {
  const matcher = compileRoster({people: [{name: 'Seán Ó Briain', aliases: []}, {name: 'Kerry-Ann Walsh', aliases: []}], share: []})

  it('finds a name with or without its accents', () => {
    expect(matcher.find('Sean mentioned it').map((match) => match.text)).toEqual(['Sean'])
    expect(matcher.find('Seán Ó Briain – a co-op').map((match) => match.text)).toEqual(['Seán Ó Briain'])
  })

  it('finds hyphenated names and possessives with either apostrophe', () => {
    expect(matcher.find("Kerry-Ann’s favourite guide").map((match) => [match.text, match.possessive])).toEqual([["Kerry-Ann’s", true]])
  })

  it('uses Unicode word edges, not JavaScript \\b', () => {
    expect(matcher.find('Seánna').length).toBe(0)
    expect(matcher.find('Walshford').length).toBe(0)
    // A plural is the family, not another word: `the Walshes`.
    expect(matcher.find('the Walshes came').map((match) => match.text)).toEqual(['Walshes'])
  })

  it('takes a title before any form into the mention, and then it is a name whatever the word', () => {
    const priced = compileRoster({people: [{name: 'Owen Price', aliases: []}], share: []})
    expect(priced.find('Mr Price also said').map((match) => [match.text, match.titled])).toEqual([['Mr Price', true]])
    expect(priced.find('Dr. O. Price').map((match) => match.text)).toEqual(['Dr. O. Price'])
    expect(priced.find('we miss Price rises').map((match) => [match.text, match.titled])).toEqual([['Price', undefined]])
  })

  it('never counts a name inside a protected phrase', () => {
    const protectedMatcher = compileRoster({people: [{name: 'Callum Reid', aliases: []}], share: []}, {protect: ['Allsop & Reid LLP']})
    expect(protectedMatcher.find('In partnership with Allsop & Reid LLP').length).toBe(0)
    expect(protectedMatcher.find('Reid said so').length).toBe(1)
  })
})
