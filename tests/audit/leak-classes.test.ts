/**
 * What the audit alone missed with the rewriter switched off (`node bench/audit-catch.mjs`, BENCHMARKS.md, branch
 * s25-15a), a row a class, each over the positions and cases it comes in: an attendee's organisation in a web host
 * with a report's footnote number after it (`walsall.gov.uk3`); a speaker's affiliation beside their name or the
 * rewriter's word for them (`Dermot (Cumbria)`, `Jane from Wigan said`, `one participant (Stroud)`); a roster name
 * with where they are from between it and the verb of saying (`Bobby from our contact centre says`); a respondent's
 * tag inside a run-together line (`… else? R4: Jordan – one of ours – said`); and people and places on no roster
 * in positions that name a private person (`Mr Dennis Cuthbert`, `a tenant, Shirley Dunne,`, `a lad called
 * Jayden`) or where they live (`He lives in Fife`); a roster surname that is a word, credited at a clause's end (`the idea
 * came from Hill.`, the generator's sentence-final and HTML-link-label cases). The rewriter is off: nothing is recorded as an ordinary use,
 * and `check` runs the real pipeline with the anonymise plugin doing nothing; and, the worst a rewriter can do, with every
 * word recorded as an ordinary use, which each row's position overrules.
 */
import {describe, expect, it, vi} from 'vitest'
import {createParanoidAuditor, ordinaryUse} from '../../src/audit/paranoid.js'
import {check} from '../../src/check.js'
import {exitCodes} from '../../src/errors.js'
import type {Roster} from '../../src/types.js'
import {tempDir} from '../helpers.js'

vi.mock('../../src/anonymise/index.js', async (original) => {
  const actual = await original<typeof import('../../src/anonymise/index.js')>()
  // The rewriter is off: the notes reach the report as written.
  return {...actual, default: () => () => undefined}
})

vi.mock('../../src/anonymise/text.js', async (original) => {
  const actual = await original<typeof import('../../src/anonymise/text.js')>()
  // The audit's other opinion shares the anonymiser's finder: off too, so that only the paranoid check speaks.
  return {...actual, findEntities: () => []}
})

const roster: Roster = {
  people: [
    {name: 'Dermot Lyle', org: 'Cumberland Council', aliases: []},
    {name: 'Jane Smith', org: 'Wigan Council', aliases: []},
    {name: 'Robert Achebe', org: 'Walsall Council', aliases: []},
    {name: 'Wilhelmina Dryden', org: 'Stroud District Council', aliases: []},
    {name: 'Sue Field', aliases: []},
    {name: 'Mark Hill', aliases: []},
    {name: 'Carol Rich', aliases: []},
  ],
  share: ['Wigan Council'],
}
/**
 * What the audit flags in `line` when the rewriter recorded every word of it as an ordinary use (the most a rewriter can
 * wrongly say): each row's position must overrule the record, as it must where the rewriter is off and records nothing.
 */
function flagged(line: string): string[] {
  const recorded = [...line.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ordinaryUse(line, match.index, match.index + match[0].length))
  return createParanoidAuditor(roster, {ordinary: recorded}).scan(line).map((suspect) => suspect.text)
}

/** Each class: its lines, as written and in the cases a report prints them (a sentence's start, capitals are not read: a heading's). */
const classes: Array<{name: string; rows: Array<[string, string[]]>}> = [
  {
    name: "an attendee's organisation in a web host, a footnote's number or a run-on word after it",
    rows: [
      ['Robert – robert.achebe@walsall.gov.uk3, 01632 960000', ['walsall']],
      ['the form is at walsall.gov.uk.2', ['walsall']],
      ['rob.achebe@walsall.gov.uk10,11', ['walsall']],
      ['robert.achebe@walsall.gov.ukDermot: 07700 900 526', ['walsall']],
      ['see https://www.walsall.gov.uk/pa-register', ['walsall']],
    ],
  },
  {
    name: "a speaker's affiliation in brackets, beside their name or the rewriter's word for them",
    rows: [
      ['Dermot (Cumbria) – we chase debts from people who lost capacity', ['Cumbria']],
      ['Councillor Dryden (Stroud, Cainscross): members will close a pool only once', ['Stroud', 'Cainscross']],
      ['Councillor Wilhelmina Dryden (Stroud, Cainscross ward); Mr Ravi Chandrasekar', ['Stroud', 'Cainscross']],
      ['One participant (Cainscross) said members will close a pool only once', ['Cainscross']],
      ['a panellist (Allerdale) said the same', ['Allerdale']],
    ],
  },
  {
    name: "a speaker's affiliation after `from`, shared or not",
    rows: [
      ['As Jane from Wigan said, it was never a leaflet', ['Wigan']],
      ['Dermot from Allerdale said the debts are the worst of it', ['Allerdale']],
      ['one participant from Cainscross said members will close a pool', ['Cainscross']],
    ],
  },
  {
    name: 'a roster name, then where they are from, then a verb of saying',
    rows: [
      ['Bobby from our contact centre says call volumes fell', ['Bobby']],
      ['Dermot from the debt team said the letters scare people', ['Dermot']],
      ['and jane from the libraries said the same', ['jane']],
    ],
  },
  {
    name: "a respondent's tag inside a run-together line",
    rows: [
      ['Interviewer: Anything else? R4: Jordan – one of ours – said the worst thing is the bills', ['Jordan']],
      ['Anything else? P3: Kayleigh said the worst thing is the bills', ['Kayleigh']],
    ],
  },
  {
    name: 'a private person with a title',
    rows: [
      ['One of our providers, run by a Mr Dennis Cuthbert, did exit interviews by text', ['Dennis', 'Cuthbert']],
      ['One resident, Mrs Doreen Platt, had been sofa-surfing for a year', ['Doreen', 'Platt']],
      ['after Ms Okoro complained twice', ['Okoro']],
    ],
  },
  {
    name: 'a name beside a noun for a person',
    rows: [
      ['In Caerphilly, a tenant, Shirley Dunne, had her meter moved', ['Shirley', 'Dunne']],
      ['One panellist, Farida, said the hardest thing was being moved', ['Farida']],
      ['A young man I worked with, Kai Docherty, lost his tenancy', ['Kai', 'Docherty']],
      ['Our minister, Fiona Strachan MSP, visited and asked why', ['Fiona', 'Strachan']],
      ['a consultant, Gareth Pellow from Routewise, told us half of our taxis could go', ['Gareth', 'Pellow']],
      ['Her daughter, Joanne Pilling, had to chase the council six times', ['Joanne', 'Pilling']],
    ],
  },
  {
    name: 'a name given to a person',
    rows: [
      ['A lad called Jayden, 14, went through three panels', ['Jayden']],
      ['A widower called Dennis Hartley went from one club to the next', ['Dennis', 'Hartley']],
      ['a woman named Precious rang every week', ['Precious']],
    ],
  },
  {
    name: "a roster surname that is a word, credited at a clause's end",
    rows: [
      ['the best kiosk idea came from Hill.', ['Hill']],
      ['We fixed the kiosk. The credit goes to Field.', ['Field']],
      ['the kiosk slides from Field', ['Field']],
      ['the thanks go to Rich; the rest to the room', ['Rich']],
    ],
  },
  {
    name: "where someone lives, in their story",
    rows: [
      ['He is a direct payment recipient himself. He lives in Fife with his partner and their dog.', ['Fife']],
      ['she grew up in Holyhead and came back to run the club', ['Holyhead']],
      ['a carer who moved to Cainscross last year', ['Cainscross']],
      ['He is originally from Kirkcaldy', ['Kirkcaldy']],
    ],
  },
]

/** Ordinary lines of the same shapes, which must not be flagged: over-flagging refuses a whole report. */
const ordinaryLines = [
  'see https://www.gov.uk/guidance for the rules',
  'the form is on the council website.2',
  'participatory budgeting (PB) works best in small areas',
  'One participant (housing options) said the same',
  'someone (Head of Service) said the letters scare people',
  'One participant (she/her) said the same',
  'A Grant from the Heritage Fund, at last',
  'A grant from the Heritage Fund paid for it',
  'Evidence from the pilot says it works',
  'Research from Nesta says the same',
  'The council, Leeds, has done this before',
  'a tenant, as ever, had the last word',
  'a resident called the helpline twice',
  'the service lives in Adult Social Care now',
  'they live in Scotland and commute',
  'a new resident, in March, said the same',
  'Mr Speaker, the minister said nothing',
  'the best idea came from the field.',
  'we walked up the Hill.',
  'Field work came from residents',
  'Someone from Good Things Foundation mentioned new guidance',
  'Someone from Locality said the same',
  'One participant from the EA: roll-back policies in the lowlands',
]

describe('the audit alone, rewriter off, a row a class', () => {
  for (const {name, rows} of classes) {
    it.each(rows)(`${name}: flags %j`, (line, words) => {
      expect(flagged(line)).toEqual(expect.arrayContaining(words))
    })
  }

  // A word of a roster name here is the word, which the rewriter recorded as an ordinary use: no row may overrule it.
  it.each(ordinaryLines)('leaves %j', (line) => {
    expect(flagged(line)).toEqual([])
  })

  it('flags every row with nothing recorded too (the rewriter off)', () => {
    const audit = createParanoidAuditor(roster, {ordinary: []})
    for (const {rows} of classes) for (const [line, words] of rows) expect(audit.scan(line).map((suspect) => suspect.text), line).toEqual(expect.arrayContaining(words))
  })
})

const front = `---
title: Test workshop
attendees:
${roster.people.map((person) => `  - { name: ${person.name}, org: ${person.org} }`).join('\n')}
share: [Wigan Council]
---
`

describe('check, rewriter off, refuses a line of each class with exit 3', () => {
  it.each(classes.map(({name, rows}) => [name, rows[0]![0]]))('%s: %j', async (_name, line) => {
    const dir = tempDir({'notes.md': `${front}\n## Barriers\n\n- ${line} #challenge\n\n- residents want to be asked earlier #challenge\n`})
    const {exitCode, files} = await check(['notes.md'], {cwd: dir})
    expect(exitCode).toBe(exitCodes.audit)
    expect(files[0]!.diagnostics.filter((diagnostic) => diagnostic.rule === 'audit').length).toBeGreaterThan(0)
  })
})
