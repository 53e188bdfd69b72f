/**
 * A long chapter is set under sub-heads, as the reference sets its chapters:
 * its notes gathered by the session heading they were written under where
 * that heading names a topic (`Table 1: participatory budgeting`), never one
 * that names the day's structure (`Feedback round`) or the chapter itself.
 * Every format prints them (HTML, markdown, Word), the numbers carry on
 * across them, and every note is still printed once.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'

const notes = `---
title: Parks and green spaces
attendees:
  - { name: Ffion Rees, org: Aberdale Borough Council }
---

## Table 1: friends groups (Ffion facilitating)

- Friends groups keep the small parks going when budgets fall #works
- A named ranger for each group makes the difference in year one #works
- Insurance is the first question every new group asks #works

## Table 2: food growing

- Community orchards on closed bowling greens bring in families #works
- Raised beds by the play area get used by parents while children play #works
- Water on site decides whether a growing project lasts #works

## Feedback round

- Volunteers want training in first aid before anything else #works
- Tool stores shared between two parks halve the cost #works
`

describe('sub-heads in a long chapter', () => {
  const compiled = compileReport(new VFile({path: 'notes.md', value: notes}), {outputs: ['html', 'md']})

  it('prints each topic heading once, over its notes, and no structural heading', () => {
    expect(compiled.leaks).toEqual([])
    const heads = [...compiled.html.matchAll(/<h3 class="subhead">([^<]*)<\/h3>/g)].map((match) => match[1])
    expect(heads).toEqual(['Friends groups', 'Food growing'])
    expect(compiled.markdown).toMatch(/^### Friends groups$/m)
    expect(compiled.markdown).toMatch(/^### Food growing$/m)
    expect(compiled.markdown).not.toMatch(/^### .*(?:Feedback|Table)/im)
    expect(compiled.markdown).not.toMatch(/Ffion|Aberdale/)
  })

  it('keeps every note, numbered on across the sub-heads', () => {
    const chapter = compiled.markdown.slice(compiled.markdown.indexOf('## 1. What works in practice'), compiled.markdown.indexOf('\n## ', compiled.markdown.indexOf('## 1. What works in practice') + 5))
    const numbers = [...chapter.matchAll(/^(\d+)\. /gm)].map((match) => Number(match[1]))
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    for (const words of ['keep the small parks going', 'named ranger', 'Insurance', 'orchards', 'Raised beds', 'Water on site', 'first aid', 'Tool stores']) expect(chapter).toContain(words)
    // The notes of no topic come first, under no sub-head.
    expect(chapter.indexOf('first aid')).toBeLessThan(chapter.indexOf('### Friends groups'))
  })
})
