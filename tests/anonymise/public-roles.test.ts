/**
 * Public figures named for their public role (issue 15, over-redaction), beside participants who share their given
 * names: the chair of a national review (`the Independent Care Review (chaired by …)`, `…, chair of the … Review`), who
 * led a named review or campaign (`the Ella's Law campaign by …`, `the review led by …`), a public office before or
 * after the name (`Children's Commissioner …`, `Minister for Children …`, `the Mayor of Greater Manchester …`, `…, the
 * Children's Commissioner`), a public calling (`campaigner …`). A private person with no public role still goes, and
 * so does the participant.
 */
import {describe, expect, it} from 'vitest'
import {createAuditor} from '../../src/audit/index.js'
import {findPublicNames} from '../../src/anonymise/public-names.js'
import {anonymise} from './helpers.js'

const front = `---
title: Public roles
attendees:
  - { name: Fiona Strachan, org: Falkirk Council }
  - Josh Okereke
  - Rachel Amankwah
  - Janet Ellery
  - Andy Pryce
share: []
---
`

/** A note and the public figure in it that must survive whole. */
const publicFigures: Array<[string, string]> = [
  ['the Independent Care Review (chaired by Fiona Duncan) is still the clearest account', 'Fiona Duncan'],
  ['Fiona Duncan, chair of the Independent Care Review, said the system was built for professionals', 'Fiona Duncan'],
  ["the Ella's Law campaign by Rosamund Adoo-Kissi-Debrah changed how we talk about air", 'Rosamund Adoo-Kissi-Debrah'],
  ['campaigner Rosamund Adoo-Kissi-Debrah spoke at the launch', 'Rosamund Adoo-Kissi-Debrah'],
  ['the review led by Josh MacAlister set out the family help model', 'Josh MacAlister'],
  ["Children's Commissioner Rachel de Souza asked every council for its waiting lists", 'Rachel de Souza'],
  ["Rachel de Souza, the Children's Commissioner, asked for the lists", 'Rachel de Souza'],
  ['Minister for Children Janet Daby visited the hub', 'Janet Daby'],
  ['the Mayor of Greater Manchester Andy Burnham backed the travel pass', 'Andy Burnham'],
  ['Baroness Anne Longfield has said the same for ten years', 'Anne Longfield'],
]

/** A note naming a private person with no public role, and their surname, which must go. */
const privatePeople: Array<[string, string]> = [
  ['the case review led by Kai Docherty found the same gaps', 'Docherty'],
  ['the report by Kai Docherty was never published', 'Docherty'],
  ['Keith Arnott, chair of the Friends of Hawick Park, sent the accounts', 'Arnott'],
  ['the audit led by Dennis Hartley found nothing', 'Hartley'],
  ['our Commissioner Jo Bloggs visited the hub', 'Bloggs'],
]

describe('a public figure named for a public role survives, whoever shares the given name', () => {
  it.each(publicFigures)('%s', (text, name) => {
    const {markdown, file} = anonymise(`## Notes\n\n- ${text}\n`, front)
    expect(markdown).toContain(name)
    expect(findPublicNames(text).some((span) => text.slice(span.start, span.end).includes(name))).toBe(true)
    const auditor = createAuditor(file.data.roster!, String(file.value), file.data.meta, file.data.ordinary ?? [])
    expect(auditor.scan(markdown, 'md')).toEqual([])
  })
})

describe('a private person with no public role, and the participant, still go', () => {
  it.each(privatePeople)('%s', (text, surname) => {
    const {markdown} = anonymise(`## Notes\n\n- ${text}\n`, front)
    expect(markdown).not.toContain(surname)
  })

  it('removes the participant named in full beside a public role', () => {
    const {markdown} = anonymise('## Notes\n\n- Fiona Strachan, chair of the Independent Care Review, said it\n- Fiona said the Promise is a ten-year job\n', front)
    expect(markdown).not.toMatch(/Fiona|Strachan/u)
  })
})
