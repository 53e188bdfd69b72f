/**
 * Names of more than two words, and names made of ordinary words: every
 * part a person is called by goes, in any spelling of its apostrophes and
 * hyphens; prose made of the same words stays.
 */
import {describe, expect, it} from 'vitest'
import {nameForms} from '../../src/anonymise/forms.js'
import {anonymise} from './helpers.js'

const front = `---
title: Test workshop
attendees:
  - { name: Siobhán O'Connor-Ní Bhriain, org: Kirklees Council }
  - { name: María José García, org: Bristol City Council }
  - { name: Declan Morgan-Davies, org: Gwynedd Council }
  - { name: Will Hope, org: Sheffield City Council }
  - { name: Jan van der Berg, org: Camden Council }
  - { name: Tomasz Nowak, org: Camden Council }
  - { name: Fiona McDonald, org: Fife Council }
---
`
const note = (text: string) => anonymise(`- ${text}`, front).markdown.replace(/^- /, '')
const forms = (name: string) => nameForms({name, aliases: []}, 0).map((form) => `${form.kind}:${form.text}`)

describe('forms of a name of more than two words', () => {
  it('include the middle names, each part of a hyphenated one, and the given names written together', () => {
    expect(forms('María José García')).toEqual(expect.arrayContaining(['first:María', 'middle:José', 'first:María José', 'first:María-José', 'last:García']))
    expect(forms("Siobhán O'Connor-Ní Bhriain")).toEqual(expect.arrayContaining(["last:O'Connor-Ní Bhriain", "middle:O'Connor-Ní", "middle:O'Connor", 'last:Bhriain']))
  })

  it('include both halves of a double-barrelled surname, never a particle alone', () => {
    expect(forms('Declan Morgan-Davies')).toEqual(expect.arrayContaining(['last:Morgan-Davies', 'last:Morgan', 'last:Davies']))
    const berg = forms('Jan van der Berg')
    expect(berg).toEqual(expect.arrayContaining(['last:van der Berg', 'last:Berg']))
    expect(berg.filter((form) => /:(van|der)$/i.test(form))).toEqual([])
  })
})

describe('compound names in notes', () => {
  it('removes a part of a surname, with curly apostrophes and non-breaking hyphens', () => {
    for (const text of ['O’Connor‑Ní Bhriain’s team runs the shared record', "O'Connor's team runs the shared record", 'Siobhan O’Connor asked about DPIAs']) {
      expect(note(text)).not.toMatch(/connor|bhriain|siobh/i)
    }
    // One mention, not two: the surname as written.
    expect(note('O’Connor‑Ní Bhriain’s team runs the shared record')).toBe("One participant's team runs the shared record")
  })

  it('removes a given name of two words however it is joined', () => {
    for (const text of ['María-José agreed with the plan', 'María José agreed with the plan', 'as José put it, the plan works']) {
      expect(note(text)).not.toMatch(/mar[ií]a|jos[eé]/i)
    }
    expect(note('María-José agreed with the plan')).toBe('One participant agreed with the plan')
  })

  it('removes either half of a double-barrelled surname', () => {
    expect(note('Morgan-Davies said the board signed it off')).toBe('One participant said the board signed it off')
    expect(note('as Morgan put it, the board signed it off')).not.toMatch(/morgan/i)
  })
})

describe('a name made of ordinary words (Will Hope)', () => {
  it('keeps the words where they are prose', () => {
    for (const text of ['we will hope there is hope', 'they will hope for the best', 'there is hope']) expect(note(text)).toBe(text)
  })

  it('removes the name where it is written as one, or typed in a hurry at the start of a note', () => {
    expect(note('Will Hope said the pilot worked')).toBe('One participant said the pilot worked')
    expect(note('WILL HOPE asked about money')).not.toMatch(/will|hope/i)
    expect(note('will hope said the pilot worked')).toBe('One participant said the pilot worked')
  })

  it('drops a link to the person’s own page, whatever its case', () => {
    expect(anonymise('- [the slides](https://example.org/will-hope-slides.pdf) had the numbers', front).markdown).not.toMatch(/will-hope/)
  })
})

describe('a name spelled out letter by letter', () => {
  it('goes whole, and letters that spell no one stay', () => {
    expect(note('S i o b h á n spelled it out')).not.toMatch(/s i o|siobh/i)
    expect(note('G A R C I A was on the list')).not.toMatch(/G A R/)
    expect(note('P E E R learning works')).toBe('P E E R learning works')
  })
})

describe('a name split by formatting', () => {
  it('goes whole, and the formatting of the rest of the note stays', () => {
    expect(note('**Sio**bhán ran the *session*')).toBe('One participant ran the *session*')
    expect(note('*María* José agreed')).toBe('One participant agreed')
    // A name wholly inside its formatting keeps it.
    expect(note('**Siobhán** ran the session')).toBe('**One participant** ran the session')
  })
})

describe('initials and plurals', () => {
  it('removes initials that include the middle names, and a family named by its surname', () => {
    expect(note('M. J. García agreed to pilot it')).toBe('One participant agreed to pilot it')
    expect(note('the Morgan-Davieses and the Garcías hosted dinner')).not.toMatch(/morgan|davies|garc/i)
    expect(forms('Tomasz Nowak')).toContain('last:Nowaks')
  })
})

describe('a compound name in an address', () => {
  it('drops a link to the person’s page, and an address, made of any of their names', () => {
    for (const url of ['https://example.org/team/siobhan-oconnor', 'https://example.org/people/mariajose.garcia', 'https://example.org/people/maria-garcia']) {
      expect(anonymise(`- [their page](${url}) has it`, front).markdown).toBe('- Has it')
    }
    expect(note('Siobhan O’Connor asked about DPIAs')).toBe('One participant asked about DPIAs')
  })
})

describe('a name in lookalike letters', () => {
  it('goes in full-width letters, or with Cyrillic or Greek letters mixed in', () => {
    expect(note('ＮＯＷＡＫ asked about money')).toBe('One participant asked about money')
    expect(note('the plan came from N\u043Ewak and T\u03BFmasz')).not.toMatch(/wak|masz/)
    // A word wholly in another script is its own: Cyrillic `Нова` is not read as Latin.
    expect(note('Нова школа opened')).toBe('Нова школа opened')
  })
})

describe('a user name made of a name and digits', () => {
  it('goes, and a word with digits that is no one’s name stays', () => {
    expect(note('nowak123 on the chat agreed')).not.toMatch(/nowak/i)
    expect(note('siobhan84 posted the link')).not.toMatch(/siobhan/i)
    expect(note('covid19 and the M62 slowed it')).toBe('covid19 and the M62 slowed it')
  })
})

describe('a surname written first', () => {
  it('goes with the initial after it', () => {
    expect(note('Nowak, T. agreed')).toBe('One participant agreed')
    expect(note('Nowak T agreed')).toBe('One participant agreed')
    expect(note('Nowak to send it')).toBe('One participant to send it')
  })
})

describe('surnames cut short', () => {
  it('are forms: the initials of a hyphenated surname, a prefixed one to its capital, after the first initial too', () => {
    expect(forms('Declan Morgan-Davies')).toEqual(expect.arrayContaining(['initials:M-D', 'initial-last:D M-D']))
    expect(forms("Siobhán O'Connor")).toEqual(expect.arrayContaining(["initials:O'C", "initial-last:S O'C", 'initials:SOC']))
    // The part of the surname between the names is cut short too: O'Connor of O'Connor-Ní Bhriain.
    expect(forms("Siobhán O'Connor-Ní Bhriain")).toEqual(expect.arrayContaining(["initials:O'C", "initial-last:S O'C", 'initials:SOC']))
    expect(forms('Fiona McDonald')).toEqual(expect.arrayContaining(['last:McD', 'initial-last:F McD']))
  })

  it('are removed from notes, with dots, spaces or neither', () => {
    for (const text of ['D. M-D said it', 'D M-D asked', 'M-D agreed', "S. O'C. ran it", 'S O’C ran it', "O'C ran it", 'SOC ran it', 'F McD chaired', 'McD chaired']) {
      expect(note(text), text).not.toMatch(/M-D|O['’]C|SOC|McD/)
    }
  })

  it('leave longer names that begin the same way, and other initials, alone', () => {
    for (const text of ["We walked down O'Connell Street", 'McDougall wrote the report', 'We ran an A-B test']) expect(note(text)).toBe(text)
  })
})
