/** Every attribution shape SPEC §2 and issue #3 name, rewritten so the note still reads. */
import {describe, expect, it} from 'vitest'
import {anonymise, note} from './helpers.js'

describe('speaker labels', () => {
  it('removes initials used as a label and restores the capital', () => {
    expect(note('JS: the Deal took a decade')).toBe('The Deal took a decade')
  })

  it('removes a bold label and the affiliation in it, even for a shared organisation', () => {
    expect(anonymise('**Jane Smith (Wigan):** The Deal is a two-way commitment.').markdown).toBe('The Deal is a two-way commitment.')
  })

  it('removes a name and dash label, with its affiliation', () => {
    expect(note('Tom Okafor (Camden) - team went from 9 posts to 4')).toBe('Team went from 9 posts to 4')
    expect(note('Tom - "the biggest barrier is us"')).toBe('"The biggest barrier is us"')
  })

  it('removes a bracketed name used as a label', () => {
    expect(note('[Tom]: mix channels')).toBe('Mix channels')
  })

  it('removes a handle used as a label', () => {
    expect(note('@tomokafor: mix channels, go where people are')).toBe('Mix channels, go where people are')
  })

  // As typed in a chat: the handle, then what they said, with no colon. Seen across a 50-report archive as
  // `One participant we keep reinventing the wheel`.
  it('removes a handle that opens a note without a colon, keeping what they said', () => {
    expect(note('@tomokafor we keep reinventing the wheel')).toBe('We keep reinventing the wheel')
    expect(note('@tomokafor "the biggest barrier is us"')).toBe('"The biggest barrier is us"')
    expect(note('[11:42] @tomokafor nobody asked residents until the end')).toBe('Nobody asked residents until the end')
  })

  it('puts the comma after `as … put it` when the words follow straight on', () => {
    expect(note('as Tom from Camden put it residents accept sharing only when they see the benefit')).toBe('as one participant put it, residents accept sharing only when they see the benefit')
    expect(note('as Tom put it, residents decide')).toBe('as one participant put it, residents decide')
  })

  // Found when the audit read `en-GB` (the page's language) as `en`, said by someone with the initials GB.
  it('takes a hyphen inside a word as part of it, not as the dash of a trailing attribution', () => {
    const front = '---\ntitle: T\nattendees: [Gurpreet Black]\n---\n'
    expect(anonymise('- the forms are in en-GB', front).markdown).toBe('- the forms are in en-GB')
    expect(anonymise('- "the forms are in plain English" - GB', front).markdown).toBe('- "the forms are in plain English"')
    expect(anonymise('- "the forms are in plain English" -GB', front).markdown).toBe('- "the forms are in plain English"')
  })

  it('keeps a handle followed by a verb as the subject, rewritten', () => {
    expect(note('@tomokafor said consultation is broken')).toBe('One participant said consultation is broken')
    expect(note('@tomokafor took the pilot to cabinet')).toBe('One participant took the pilot to cabinet')
    expect(note('we asked @tomokafor about it')).toBe('we asked one participant about it')
  })

  it('removes a chat-log label with its timestamp', () => {
    expect(note('[11:42] Shabana Iqbal: we do home visits now')).toBe('We do home visits now')
    expect(note('[12:05] Rose K: we use the ONS question')).toBe('We use the ONS question')
  })

  it('removes a typist’s aside with the label it sits in', () => {
    expect(note('Dr Hope Lindsay? (not sure she\'s a Dr, check) – "climate officers need relationships"')).toBe('"Climate officers need relationships"')
    expect(note('Frank O. (from a small city council) – "we have a climate plan"')).toBe('"We have a climate plan"')
  })

  it('treats every line of a pasted chat as able to open with a label', () => {
    expect(anonymise('Tom: yes\nPriya: no').markdown).toBe('Yes\nNo')
  })
})

describe('inline attributions', () => {
  it('rewrites a speaker before a speech verb', () => {
    expect(note('Tom said the panel changed a decision')).toBe('One participant said the panel changed a decision')
  })

  it('rewrites a speaker after a speech verb', () => {
    expect(note('members on the panel get fewer complaints, said Priya')).toBe('members on the panel get fewer complaints, said one participant')
  })

  it('rewrites `according to`', () => {
    expect(note('according to Priya the wards with the lowest turnout matter most')).toBe('according to one participant the wards with the lowest turnout matter most')
  })

  it('rewrites a possessive', () => {
    expect(note("Jane's point was that it is culture first")).toBe("One participant's point was that it is culture first")
  })

  it('drops an attributive affiliation with the name', () => {
    expect(note('as Tom from Camden put it, digital is a channel')).toBe('as one participant put it, digital is a channel')
    expect(note('as Jane from Wigan said, "it was never a leaflet"')).toBe('as one participant said, "it was never a leaflet"')
    expect(note('said Bill from Leeds: "the networks know"')).toBe('said one participant: "the networks know"')
  })

  it('drops an affiliation in brackets with the name', () => {
    expect(note('Dawn (Bristol) was honest that the procurement took years')).toBe('One participant was honest that the procurement took years')
  })

  it('rewrites a bracketed name before a speech verb', () => {
    expect(note('[Tom] said the citizens’ panel worked')).toBe('One participant said the citizens’ panel worked')
  })

  it('rewrites initials, first names with an initial, and an initial with a surname', () => {
    expect(note('J.S. to confirm date')).toBe('One participant to confirm date')
    expect(note('Will B. wants to restart it')).toBe('One participant wants to restart it')
    expect(note('Cath M said the role should be a champion')).toBe('One participant said the role should be a champion')
    expect(note("Dr F. Oyelaran's rule of thumb")).toBe("One participant's rule of thumb")
    expect(note('T. Nowak said frameworks are better')).toBe('One participant said frameworks are better')
  })

  it('rewrites unaccented and hyphenated spellings', () => {
    expect(note('Sean said residents hear it first')).toBe('One participant said residents hear it first')
    expect(note('Ó Briain said the council should lend')).toBe('One participant said the council should lend')
    expect(note('Walsh said the bidding cost is a post')).toBe('One participant said the bidding cost is a post')
    expect(note("Kerry-Ann's guide on one-stop shops")).toBe("One participant's guide on one-stop shops")
  })

  it('calls a councillor a councillor', () => {
    expect(note('Cllr Ellison said members need the bad news')).toBe('One councillor said members need the bad news')
  })

  it('varies the replacement for a second person in the same note', () => {
    expect(note('Tom said yes and Priya said no')).toBe('One participant said yes and another participant said no')
    expect(note('Tom said yes and then Tom said no')).toBe('One participant said yes and then the same participant said no')
  })

  it('makes people named together plural', () => {
    expect(note('Jane and Tom agreed that it works')).toBe('Participants agreed that it works')
    expect(note('Priya, Tom and Jane disagreed')).toBe('Participants disagreed')
  })

  it('keeps a full stop after an initial that ends a sentence', () => {
    expect(note('the idea came from Tom O. Everyone liked it')).toBe('the idea came from a participant. Everyone liked it')
  })
})

describe('trailing and bracketed attributions', () => {
  it('drops a dash and a name after a quote', () => {
    expect(note('"we are very good at counting what people can\'t do" — Femi')).toBe('"we are very good at counting what people can\'t do"')
    expect(note('"Residents are not a problem to be managed" — Cllr Ruth E.')).toBe('"Residents are not a problem to be managed"')
    expect(note('"the trades don\'t trust public sector work" – T.N.')).toBe('"the trades don\'t trust public sector work"')
    expect(note('"the culture eats the model for breakfast" — F. Oyelaran')).toBe('"the culture eats the model for breakfast"')
  })

  it('drops a name in brackets, leaving no empty brackets or stray spaces', () => {
    expect(note('"we consult on the colour of the bins" (Jane)')).toBe('"we consult on the colour of the bins"')
    expect(note('a climate assembly led to a 20mph default (Tomasz mentioned, not his council)')).toBe('a climate assembly led to a 20mph default')
  })

  it('drops names in a heading’s brackets', () => {
    expect(anonymise('### Table 1: budgeting (Tom facilitating)').markdown).toBe('### Table 1: budgeting')
    expect(anonymise('### Wigan – The Deal (Jane Smith)').markdown).toBe('### Wigan – The Deal')
    expect(anonymise('## Session 3 – digital inclusion (Rose + Owen)').markdown).toBe('## Session 3 – digital inclusion')
    expect(anonymise("### Table 3: working with members (Priya's table)").markdown).toBe('### Table 3: working with members')
  })

  it('removes a paragraph that was only an attribution', () => {
    const {markdown} = anonymise('> If the only door is a form, you have decided who gets help.\n\n(from the Zoom chat, Owen I think)')
    expect(markdown).toBe('> If the only door is a form, you have decided who gets help.')
  })

  it('never leaves dangling punctuation', () => {
    for (const text of ['"it works" — Tom.', '"it works" (Jane), and more', 'ask Tom, Priya, or Jane', '"quote" – Rakesh Bhatt – ']) {
      expect(note(text)).not.toMatch(/\(\s*\)|—\s*\.|,\s*,|\s[,.;:]|[-–—]\s*$/)
    }
  })
})
