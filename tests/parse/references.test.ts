import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {readNotes} from '../../src/engine/read.js'
import {tempDir} from '../helpers.js'

const notes = `---
title: References
attendees:
  - { name: Siobhán Walsh, org: Kirklees Council }
  - { name: Tomasz Nowak, org: Camden Council }
---

## What works

- see the [guide][nowak-guide] for details #works
- her [profile][li] has more #works
- ![the board][board] from the day #works

[nowak-guide]: https://example.org/guide.pdf
[li]: https://www.linkedin.com/in/siobhan-walsh
[board]: https://example.org/board.png
`

describe('reference-style links and images', () => {
  const compiled = compileReport(readNotes(path.join(tempDir({'notes.md': notes}), 'notes.md'), 'notes.md'), {outputs: ['html', 'md', 'json']})

  it('print as the links they point to, and never with their labels', () => {
    expect(compiled.leaks).toEqual([])
    expect(compiled.markdown).toMatch(/See the guide\[\^1\] for details/)
    expect(compiled.markdown).toContain('https://example.org/guide.pdf')
    for (const output of [compiled.html, compiled.markdown, compiled.json]) expect(output).not.toMatch(/nowak|\]\[/i)
  })

  it('drop a reference to someone’s profile, text and all, as an inline link', () => {
    expect(compiled.markdown).toContain('Her has more')
    expect(compiled.markdown).not.toContain('linkedin')
  })

  it('leave out a remote image without leaving its space behind', () => {
    expect(compiled.markdown).toMatch(/^\s*\d+\. From the day$/m)
  })
})
