/**
 * Typography and consistency, as the published reports keep them, checked on
 * the written report (HTML and markdown) of notes typed fast: one test per
 * point of issue 17.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'

const notes = `---
title: Warm homes - retrofit at street scale -- what works
series: Innovation Exchange
date: 2024-03-12
host: Civic Futures Network
venue: Online
participants: 18
attendees:
  - { name: Priya Natarajan, org: Wigan Council }
---

## Barriers

- Installers won't quote for one house at a time – they want a whole street #challenge
- "we lose people between the survey and the install" - Priya #challenge

## What works

- The Warm Homes guide (https://example.org/warm-homes) helped us brief members #works
- Street champions who have had the work done talk to neighbours #works

## Questions

- Do we know which streets are ready? #question
- do our members understand the grant rules #question
- Is the handover anyone's job? #question

## Resources

- Warm Homes guide: https://example.org/warm-homes #resource
- Retrofit toolkit https://example.org/toolkit #resource
`

const compiled = compileReport(new VFile({path: 'notes.md', value: notes}), {outputs: ['html', 'md']})
const {markdown} = compiled
/** What a reader sees of the page. */
const visible = compiled.html.replace(/<(style|head)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'")

/** The markdown of one section, from its heading to the next. */
function section(title: string): string {
  const start = markdown.indexOf(title)
  expect(start).toBeGreaterThan(-1)
  const rest = markdown.slice(start + title.length)
  const end = rest.search(/\n## |\n\[\^1\]:/)
  return end === -1 ? rest : rest.slice(0, end)
}

describe('typography', () => {
  it('sets title and subtitle apart with an en dash, never a hyphen, in every place the title is printed', () => {
    expect(compiled.report.meta.title).toBe('Warm homes – retrofit at street scale – what works')
    expect(markdown.split('\n')[0]).toBe('# Warm homes – retrofit at street scale – what works')
    expect(compiled.html).toContain('<title>Warm homes – retrofit at street scale – what works</title>')
    expect(visible).not.toMatch(/Warm homes -{1,2} /)
  })

  it('ends every quotation with its punctuation, inside the marks', () => {
    const quotes = markdown.split('\n').filter((line) => line.startsWith('> As one participant put it'))
    expect(quotes.length).toBeGreaterThan(0)
    for (const line of quotes) expect(line).toMatch(/[.!?…]”$/)
  })

  it('asks every question of a checklist the same way, each ending with its question mark', () => {
    const lines = section('## Questions to take back').split('\n').filter((line) => line.startsWith('- [ ]'))
    expect(lines).toHaveLength(3)
    // All full questions here (one does not complete "Do you …"), never a mix with "Do you:" fragments.
    for (const line of lines) expect(line).toMatch(/^- \[ \] \p{Lu}.*\?$/u)
    expect(lines).toContain('- [ ] Do your members understand the grant rules?')
  })

  it('turns a link in a note into a footnote mark in the body, with one entry in the Notes and no empty brackets', () => {
    const works = section('## 2. What works in practice')
    expect(works).toContain('The Warm Homes guide[^1] helped us brief members')
    expect(works).not.toMatch(/\(\s*\[\^\d+\]\s*\)|\(\s*\)/)
    expect(markdown.split('https://example.org/warm-homes').length - 1).toBe(1)
    expect(visible.split('https://example.org/warm-homes').length - 1).toBe(1)
    expect(compiled.report.footnotes.filter((footnote) => footnote.url === 'https://example.org/warm-homes')).toHaveLength(1)
  })

  it('lists what was recommended in Resources without repeating the Notes: marks, not URLs', () => {
    const resources = section('## Resources')
    expect(resources).toContain('Warm Homes guide[^1]')
    expect(resources).toContain('Retrofit toolkit[^2]')
    expect(resources).not.toMatch(/https?:/)
  })
})
