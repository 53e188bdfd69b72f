import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {htmlText} from '../../src/audit/index.js'
import {cssString} from '../../src/render/html.js'

const notes = `---
title: Rethinking <engagement> & trust
series: Innovation Exchange
date: 2019-03-14
host: NLGN
partner: Northbank Partners
participants: 22
attendees: [Jane Smith]
foreword_by: Helen Marsh
---

## Foreword

We were glad to host.

## Barriers

- Consultation is broken – residents are asked too late #challenge
  - the colour of the bins
- "we consult on the colour of the bins" (Jane)

## Questions to take back

- Do we know who we never hear from? #question

## Links

- The Deal: https://www.wigan.gov.uk/deal #resource

## Conclusion

Small, honest steps.
`

function compile() {
  return compileReport(new VFile({path: 'notes.md', value: notes}))
}

describe('HTML output', () => {
  // A batch of PDFs need not make, nor read back, markdown and JSON it will not write.
  it('makes and audits only the outputs asked for', () => {
    const only = compileReport(new VFile({path: 'notes.md', value: notes}), {outputs: ['html']})
    expect(only.html).toContain('<html')
    expect([only.markdown, only.json]).toEqual(['', ''])
    expect(only.leaks.every((leak) => leak.where === 'html')).toBe(true)
    const all = compileReport(new VFile({path: 'notes.md', value: notes}))
    expect(all.markdown).not.toBe('')
    expect(all.json).not.toBe('')
  })

  it('is one self-contained file: no scripts, no external stylesheets, fonts inlined', () => {
    const {html} = compile()
    expect(html).not.toMatch(/<script|<link|<iframe|@import/i)
    expect(html).toMatch(/@font-face[^}]*url\("data:font\/woff2;base64,/)
    expect(html).not.toMatch(/(?:src|url)\(?=?["']?https?:/)
    expect(html).toContain("Content-Security-Policy")
  })

  it('is byte-identical for the same inputs', () => {
    expect(compile().html).toBe(compile().html)
  })

  it('has the parts of the reference reports', () => {
    const text = htmlText(compile().html)
    for (const part of ['Insights report', 'In partnership with:', 'Northbank Partners', 'Chatham House rule', 'Foreword', 'Helen Marsh', 'What needs to change', 'Questions to take back', 'Do you:', 'Conclusion', 'About the Innovation Exchange series']) {
      expect(text).toContain(part)
    }
    expect(compile().html).toContain('<strong class="headline">Consultation is broken</strong> – Residents are asked too late')
  })

  it('escapes front-matter text in the page and in the running header CSS', () => {
    const {html} = compile()
    expect(html).toContain('<title>Rethinking &lt;engagement&gt; &amp; trust</title>')
    expect(html).not.toContain('<engagement>')
    expect(cssString('a"b</style><script>')).toBe('"a\\"b\\3C /style>\\3C script>"')
  })

  it('numbers footnotes and prints them as “See <url>”', () => {
    const {html} = compile()
    expect(html).toContain('<li id="fn-1" value="1">See <a href="https://www.wigan.gov.uk/deal">https://www.wigan.gov.uk/deal</a></li>')
  })
})

describe('markdown and JSON outputs', () => {
  it('writes a blog-ready markdown report from the same model', () => {
    const {markdown} = compile()
    expect(markdown).toMatch(/^# Rethinking \\<engagement> & trust\n/)
    expect(markdown).toMatch(/^## (?:\d+\. )?What needs to change$/m) // chapters may carry their number
    // The markdown's own wording is pinned in markdown.test.ts; here: the same model, drawn as markdown.
    expect(markdown).toMatch(/1\. \*\*Consultation is broken\*\* – Residents are asked too late\.\n {3}- [Tt]he colour of the bins/)
    expect(markdown).toMatch(/^- \[ \] .*never hear from\?$/m)
    expect(markdown).toContain('[^1]: See <https://www.wigan.gov.uk/deal>')
    expect(markdown).not.toMatch(/Jane/)
  })

  it('writes the JSON of SPEC §5: meta, sections of items with text and line, footnotes, warnings', () => {
    const json = JSON.parse(compile().json)
    expect(json.meta).toMatchObject({title: 'Rethinking <engagement> & trust', date: '2019-03-14'})
    const change = json.sections.find((section: {id: string}) => section.id === 'what-needs-to-change')
    expect(change.items[0]).toMatchObject({text: 'Consultation is broken – residents are asked too late', line: 18, headline: 'Consultation is broken'})
    expect(json.footnotes).toEqual([{n: 1, url: 'https://www.wigan.gov.uk/deal', text: 'The Deal'}])
    expect(Array.isArray(json.warnings)).toBe(true)
  })
})
