/**
 * Resources and Notes, in every format: a link in a note becomes a footnote
 * mark where it was written and one entry in the Notes; the Resources list
 * names what participants recommended, with its footnote mark, and never
 * prints a URL the Notes already give.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {reportToDocx} from '../../src/render/docx.js'
import {tempDir} from '../helpers.js'

const notes = `---
title: Links and reading
date: 2021-05-20
---

## What works

- Wigan's Deal reset the relationship with residents: https://www.wigan.gov.uk/deal #works
- A named caseworker for every household keeps people out of crisis #works

## Links

- Shelter prevention guides https://england.shelter.org.uk/guides
- The Deal again https://www.wigan.gov.uk/deal/
- Crisis, [Plan to End Homelessness](https://www.crisis.org.uk/plan)
`

const urls = ['https://www.wigan.gov.uk/deal', 'https://england.shelter.org.uk/guides', 'https://www.crisis.org.uk/plan']
const count = (text: string, url: string) => text.split(url).length - 1
/** What a reader sees of a page: its text, not its attributes or style. */
const visible = (html: string) => html.replace(/<(style|head)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')

function compile() {
  return compileReport(new VFile({path: 'notes.md', value: notes}), {outputs: ['html', 'md']})
}

function pandocPlain(bytes: Uint8Array): string {
  const file = path.join(tempDir(), 'report.docx')
  fs.writeFileSync(file, bytes)
  return execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], {encoding: 'utf8'})
}

/** The text of one section, from its heading to the next heading. */
function between(text: string, heading: string, next: RegExp): string {
  const start = text.indexOf(heading)
  expect(start).toBeGreaterThan(-1)
  const rest = text.slice(start + heading.length)
  const end = rest.search(next)
  return end === -1 ? rest : rest.slice(0, end)
}

describe('Resources and Notes', () => {
  it('gives every URL once in the HTML: a footnote mark in the body and in Resources, the URL in the Notes', () => {
    const {html, report} = compile()
    const text = visible(html)
    for (const url of urls) expect(count(text, url), url).toBe(1)
    // The three recommended links, each with its footnote mark.
    const resources = between(html, 'id="resources-heading"', /<\/section>/)
    expect(resources).not.toContain('resource-url')
    expect(resources.match(/<sup class="fn-ref">/g)?.length).toBe(3)
    expect(report.footnotes.map((note) => note.url)).toEqual(['https://www.wigan.gov.uk/deal', 'https://england.shelter.org.uk/guides', 'https://www.crisis.org.uk/plan'])
  })

  it('gives every URL once in the markdown, in the Notes, with marks in the body and in Resources', () => {
    const {markdown} = compile()
    for (const url of urls) expect(count(markdown, url), url).toBe(1)
    const resources = between(markdown, '## Resources', /\n## |\n\[\^/)
    expect(resources).toMatch(/Shelter prevention guides\[\^2\]/)
    expect(resources).toMatch(/Plan to End Homelessness\[\^3\]/)
    // A sentence ends with its stop, before the footnote mark, as the reference sets `lorries.³`.
    expect(markdown).toMatch(/reset the relationship with residents\.\[\^1\]/)
  })

  it('gives every URL once in the Word copy, as read back by pandoc', async () => {
    const {report, brand} = compile()
    const text = pandocPlain(await reportToDocx(report, {brand}))
    for (const url of urls) expect(count(text, url), url).toBe(1)
    const resources = between(text, '\nResources\n', /\nConclusion\n|\n\[1\]/)
    expect(resources).toMatch(/Shelter prevention guides\[2\]/)
    expect(resources).toMatch(/Plan to End Homelessness\[3\]/)
  })
})
