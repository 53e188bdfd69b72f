import type {PhrasingContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import {tidyContent, endQuote, typesetTitle} from '../../src/group/tidy.js'
import {addressReader, doYouPrompt, isQuestion, swapPronouns} from '../../src/group/questions.js'

const t = (value: string): PhrasingContent => ({type: 'text', value})
const tidy = (value: string) => (tidyContent([t(value)])[0] as {value: string}).value

describe('tidy', () => {
  it('capitalises the first letter of a note and of each sentence', () => {
    expect(tidy('money, obviously. but not only money')).toBe('Money, obviously. But not only money')
    expect(tidy('"we consult on the bins"')).toBe('“We consult on the bins”')
  })

  it('does not capitalise after abbreviations, initials or inside numbers', () => {
    expect(tidy('e.g. the vote event')).toBe('e.g. the vote event')
    expect(tidy('give them a part, e.g. chairing the vote')).toBe('Give them a part, e.g. chairing the vote')
    expect(tidy('one participant K. worried about equity')).toBe('One participant K. worried about equity')
    expect(tidy('up 3.5 times')).toBe('Up 3.5 times')
    expect(tidy('iPhone users were fine')).toBe('iPhone users were fine')
  })

  it('tidies spacing and sets a spaced hyphen as a dash, keeping every word', () => {
    expect(tidy('  too   many  spaces , here ;  ok  ')).toBe('Too many spaces, here; ok')
    expect(tidy('team went from 9 posts - now 4')).toBe('Team went from 9 posts – now 4')
    expect(tidy('co-production and well-being')).toBe('Co-production and well-being')
  })

  it('removes a chat timestamp at the start', () => {
    expect(tidy('[11:42] we do home visits now')).toBe('We do home visits now')
  })

  it('leaves code alone', () => {
    const content = tidyContent([t('ask '), {type: 'inlineCode', value: 'grace.adeyemi'}, t(' for an invite')])
    expect(content).toEqual([t('Ask '), {type: 'inlineCode', value: 'grace.adeyemi'}, t(' for an invite')])
  })
})

describe('questions', () => {
  it('tells a question from a statement', () => {
    expect(isQuestion('Do we know who we never hear from, and why?')).toBe(true)
    expect(isQuestion('when did we last tell residents what changed?')).toBe(true)
    expect(isQuestion('10-year anniversary event in the autumn?')).toBe(false)
    expect(isQuestion('Do we know who we never hear from')).toBe(false)
  })

  it('reads a question with emoji after it, or after a lead-in, as a question', () => {
    expect(isQuestion('Who holds the keys to the depot out of hours? 🔑')).toBe(true)
    expect(isQuestion('Can we pool the budgets?? 🙏🏽')).toBe(true)
    expect(isQuestion('Morning all 👋 first question: what did the floods teach you about sandbags?')).toBe(true)
    expect(isQuestion('Quick one. Has anyone costed the night service?')).toBe(true)
    expect(isQuestion('We cut the waiting list. Great result, right?')).toBe(false)
    expect(isQuestion('Great session 🙌')).toBe(false)
  })

  it('addresses the reader, as the key actions leaflet does', () => {
    expect(swapPronouns('Do we know who we never hear from, and why?')).toBe('Do you know who you never hear from, and why?')
    expect(swapPronouns('do our members have a real role?')).toBe('do your members have a real role?')
    expect(swapPronouns('Have we asked? We’re not sure, are we?')).toBe('Have you asked? You’re not sure, are you?')
    expect(swapPronouns('Is the US model useful to us?')).toBe('Is the US model useful to you?')
    expect(swapPronouns('trust and usage, ours or theirs')).toBe('trust and usage, yours or theirs')
  })

  it('keeps link URLs as they are', () => {
    const content = addressReader([t('Do we read '), {type: 'link', url: 'https://example.org/we', children: [t('our guide')]}, t('?')])
    expect(content[1]).toEqual({type: 'link', url: 'https://example.org/we', children: [t('our guide')]})
    expect(content[0]).toEqual(t('Do you read '))
  })

  it('gives the rest of a “Do you” question, for a “Do you:” checklist', () => {
    expect(doYouPrompt([t('Do you know who you never hear from?')])).toEqual([t('know who you never hear from?')])
    expect(doYouPrompt([t('Do your members have a role?')])).toBeUndefined()
  })
})

describe('typography', () => {
  it.each([
    ['Getting to net zero at street level - retrofit, heat and local energy', 'Getting to net zero at street level – retrofit, heat and local energy'],
    ['Libraries — hubs', 'Libraries – hubs'],
    ['Long-term plans -- and the short term', 'Long-term plans – and the short term'],
    ['Co-design without a subtitle', 'Co-design without a subtitle'],
  ])('sets the title “%s” with an en dash between title and subtitle', (title, expected) => {
    expect(typesetTitle(title)).toBe(expected)
  })

  it.each([
    ['we ask too late', 'we ask too late.'],
    ['is it working?', 'is it working?'],
    ['stop!', 'stop!'],
    ['and then –', 'and then.'],
    ['already done.', 'already done.'],
  ])('ends the quotation “%s” with its punctuation', (quote, expected) => {
    expect(endQuote([{type: 'text', value: quote}])).toEqual([{type: 'text', value: expected}])
  })
})

describe('a note that ends on a quotation', () => {
  it('ends the quotation with its full stop, inside the marks, and leaves one that has its punctuation alone', () => {
    const tidy = (value: string) => (tidyContent([{type: 'text', value}])[0] as {value: string}).value
    expect(tidy('As one participant put it, "nobody ever asks a 15-year-old to test the form, and it shows"')).toBe('As one participant put it, “nobody ever asks a 15-year-old to test the form, and it shows.”')
    expect(tidy('One participant asked "who decides?"')).toBe('One participant asked “who decides?”')
    expect(tidy('The “you said, we did” boards work')).toBe('The “you said, we did” boards work')
  })
})
