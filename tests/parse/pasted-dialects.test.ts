/**
 * Notes pasted from tools with markup of their own: a wiki (MediaWiki, Confluence), a forum (BBCode), a subtitle
 * file (SRT), a mind map (a drawn tree, an outline indented with tabs). Each is read line for line as the markdown
 * it means: its points reach the report as notes, its questions as questions, its metadata never, and who said what
 * (a user link, a quote's author, a profile's address) is gone.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {fromPastedDialects} from '../../src/parse/pasted-dialects.js'
import {fromWikiMarkup} from '../../src/parse/wiki-markup.js'
import {processNotes} from '../../src/engine/pipeline.js'
import {reportToMarkdown} from '../../src/render/markdown.js'

const front = [
  '---',
  'title: Parks and libraries',
  'date: 2026-11-01',
  'attendees:',
  '  - { name: Oona Threlkeld, org: Copeland Borough Council, role: Officer }',
  '  - { name: Robin Asquith-Vale, org: Barnet Council, role: Parks Lead, aliases: [rasquith] }',
  '  - { name: Hope Ndiaye, org: Torfaen Council, role: Librarian }',
  '---',
  '',
]
const report = (lines: string[]) => {
  const file = new VFile({path: 'notes.md', value: [...front, ...lines].join('\n')})
  const {report} = processNotes(file)
  return reportToMarkdown(report).replaceAll('**', '').replace(/\s+/gu, ' ')
}
const rewrite = (lines: string[]) => {
  const result = fromPastedDialects([...front, ...lines].join('\n'))
  return {...result, body: result.value.split('\n').slice(front.length)}
}

const cases: Array<{dialect: string; lines: string[]; kept: string[]; gone: RegExp}> = [
  {
    dialect: 'MediaWiki',
    lines: [
      '== Parks workshop ==',
      '{{Infobox event|owner=[[User:Oona Threlkeld|Oona]]}}',
      '=== What works ===',
      "* '''Friends groups keep small parks open''' – they do the litter picks the council cut.",
      '** [[User:Robin Asquith-Vale|Robin]] said volunteers need a named officer to call.',
      '* Park rangers on foot see problems weeks before a complaint. ~~~~',
      '*: [[User:Hope Ndiaye|Hope Ndiaye]] ([[User talk:Hope Ndiaye|talk]]) 11:02, 3 March 2026 (UTC)',
      '=== Questions ===',
      '# Do you know which of your parks has no friends group?',
      '# Who in your council owns the bowling greens?',
      '# {{Quote|text=A park without a bench is a corridor.|author=Robin A.}}',
    ],
    kept: ['Friends groups keep small parks open', 'volunteers need a named officer to call', 'Park rangers on foot see problems weeks before a complaint.', 'Do you know which of your parks has no friends group?', 'Who in your council owns the bowling greens?', 'A park without a bench is a corridor.'],
    gone: /Oona|Robin|Asquith|Hope Ndiaye|User|talk|UTC|Infobox|'''|\[\[|\{\{|~~~/u,
  },
  {
    dialect: 'Confluence',
    lines: [
      '{info}Page owner: [~oona.threlkeld]. Last edited by [~rasquith].{info}',
      'h2. What needs to change',
      '* Library opening hours follow staff rotas, not when people can come.',
      '* [~rasquith] flagged that the self-service kiosks break every winter.',
      '{quote}Nobody visits a library that is shut when they finish work.{quote}',
      'h2. Questions to take back',
      '# Do you know how many visits happen after five o\'clock?',
      '# Could your library open on Sunday afternoons?',
    ],
    kept: ['Library opening hours follow staff rotas, not when people can come.', 'the self-service kiosks break every winter', 'Nobody visits a library that is shut when they finish work.', "Do you know how many visits happen after five o'clock?", 'Could your library open on Sunday afternoons?'],
    gone: /oona|threlkeld|rasquith|\{info\}|\{quote\}|h2\./iu,
  },
  {
    dialect: 'BBCode',
    lines: [
      '[b]Re: what works[/b]',
      'Posted by [b]rasquith[/b] » Tue 3 Mar 2026 10:02',
      '[list]',
      '[*]Pop-up libraries in the markets reach people who never come in.',
      '[*]Lending laptops with a data bundle closes the gap for a term.',
      '[/list]',
      '[quote="Hope Ndiaye"]Children come for the games and stay for the books.[/quote]',
      '[url=https://forum.example.org/memberlist.php?mode=viewprofile&u=rasquith]His profile[/url]',
    ],
    kept: ['Pop-up libraries in the markets reach people who never come in.', 'Lending laptops with a data bundle closes the gap for a term.', 'Children come for the games and stay for the books.'],
    gone: /rasquith|Hope Ndiaye|\[\/?(?:b|list|quote|url|\*)\]|Posted by/iu,
  },
  {
    dialect: 'a drawn tree',
    lines: [
      '```',
      'PARKS MAP',
      '├── What gets in the way',
      '│   ├── Play equipment is replaced only when it fails an inspection',
      '│   └── Robin A.',
      '│       └── Toilets closed in 2019 and never reopened',
      '└── What works',
      '    └── A café lease that pays for the toilets',
      '```',
    ],
    kept: ['Play equipment is replaced only when it fails an inspection', 'Toilets closed in 2019 and never reopened', 'A café lease that pays for the toilets'],
    gone: /Robin|├|└|│/u,
  },
  {
    dialect: 'an outline indented with tabs',
    lines: [
      'What works',
      '\tMobile libraries stop at the school gates at home time',
      '\tRobin A.',
      '\t\tA reading challenge every summer keeps children reading',
      'Questions',
      '\tDo you know which villages no library reaches?',
      '\tDoes your delivery service have a waiting list?',
    ],
    kept: ['Mobile libraries stop at the school gates at home time', 'A reading challenge every summer keeps children reading', 'Do you know which villages no library reaches?', 'Does your delivery service have a waiting list?'],
    gone: /Robin/u,
  },
]

describe.each(cases)('notes pasted as $dialect', ({dialect, lines, kept, gone}) => {
  it('are rewritten line for line, and found to be that dialect', () => {
    const {body, dialects} = rewrite(lines)
    expect(dialects).toContain(dialect)
    expect(body.length).toBe(lines.length)
  })

  it('reach the report: every point kept, no markup, no name', () => {
    const markdown = report(lines)
    for (const text of kept) expect(markdown).toContain(text)
    expect(markdown).not.toMatch(gone)
  })
})

describe('markdown notes with one mark of a dialect', () => {
  it.each([
    ['a wiki-link (Obsidian) and a title', ['# Parks', '', '- see [[Friends groups]] for the list', '- Park rangers see problems early']],
    ['one bold tag', ['- the [b] key on the kiosk is broken', '- Park rangers see problems early']],
    ['a table delimiter row', ['| a | b |', '|---|---|', '| 1 | 2 |']],
    ['a line of equals signs under a title', ['Parks', '=====', '', '- Park rangers see problems early']],
    ['a WebVTT transcript', ['WEBVTT', '', '1', '00:00:01.000 --> 00:00:04.000', '<v Oona>Good morning.']],
  ])('are left as they are: %s', (_, lines) => {
    const document = [...front, ...lines].join('\n')
    expect(fromPastedDialects(document)).toEqual({value: document, count: 0, dialects: []})
  })
})

describe('a MediaWiki page read by wiki-markup.ts first', () => {
  const page = [
    '== Parks workshop ==',
    "''Notes taken live.''",
    '',
    '=== What needs to change ===',
    "* '''Litter bins are emptied once a week''' – not enough in summer.",
    '* [[User:Robin Asquith-Vale|Robin]] said the toilets close at four.',
    '',
    '=== Examples ===',
    '# One council lets friends groups hold the keys.',
    '# Another runs the café as a social enterprise.',
  ]

  it('keeps its `== … ==` titles as headings, not numbered points', () => {
    const body = fromPastedDialects(fromWikiMarkup([...front, ...page].join('\n')).value).value.split('\n').slice(front.length)
    expect(body).toContain('## Parks workshop')
    expect(body).toContain('### What needs to change')
    expect(body).toContain('### Examples')
    expect(body.filter((line) => /^\s*1\. (?:One|Another)/u.test(line))).toHaveLength(2)
  })

  it('files its notes under those headings, and no heading reaches the report as a note', () => {
    const markdown = report(page)
    expect(markdown).toMatch(/What needs to change[^#]*Litter bins are emptied once a week[^#]*the toilets close at four/u)
    expect(markdown).not.toMatch(/Parks workshop|^\s*\d+\. What needs to change/mu)
  })
})

describe('a `#` line on a MediaWiki page that wiki-markup.ts did not read', () => {
  it('is a numbered point beside another of its depth, or beside a bullet', () => {
    const body = rewrite(["'''Parks'''", '# Do you know your parks?', '# Who owns the greens?', '{{Quote|text=A bench.}}']).body
    expect(body.slice(1, 3)).toEqual(['1. Do you know your parks?', '1. Who owns the greens?'])
  })
})
