import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Nodes, Root} from 'mdast'
import {definitions} from 'mdast-util-definitions'
import {SKIP, visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {readNotes} from '../../src/engine/read.js'
import {notesParser} from '../../src/parse/index.js'
import remarkResolveReferences from '../../src/parse/references.js'
import {generateNotes} from '../generate/notes.js'
import {corpusDir, tempDir} from '../helpers.js'

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

describe('references resolved in two plain walks', () => {
  /** The resolver as it was, on mdast-util-definitions and unist-util-visit: the walks must give its tree. */
  function resolvedBefore(tree: Root): Root {
    const definition = definitions(tree)
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined
      let replacement: Nodes[] | undefined
      if (node.type === 'linkReference') {
        const found = definition(node.identifier)
        replacement = found ? [{type: 'link', url: found.url, title: found.title ?? null, children: node.children, position: node.position}] : node.children
      } else if (node.type === 'imageReference') {
        const found = definition(node.identifier)
        replacement = found ? [{type: 'image', url: found.url, title: found.title ?? null, alt: node.alt ?? null, position: node.position}] : node.alt ? [{type: 'text', value: node.alt, position: node.position}] : []
      } else if (node.type === 'definition') replacement = []
      if (!replacement) return undefined
      ;(parent.children as Nodes[]).splice(index, 1, ...replacement)
      return [SKIP, index]
    })
    return tree
  }
  const parser = notesParser().freeze()
  const expectSame = (markdown: string) => {
    const walked = parser().use(remarkResolveReferences).runSync(parser.parse(markdown))
    expect(walked).toEqual(resolvedBefore(parser.parse(markdown)))
  }

  it('gives the same tree for the corpus and the generated notes', () => {
    const sources = fs.readdirSync(corpusDir).filter((name) => name.endsWith('.md')).map((name) => fs.readFileSync(path.join(corpusDir, name), 'utf8'))
    for (let seed = 1; seed <= 30; seed++) sources.push(generateNotes(seed).value)
    for (const source of sources) expectSame(source)
  })

  it('gives the same tree for fuzzed references, definitions and labels', () => {
    const piece = fc.constantFrom('[a]', '[A]', '[b]', '[a][b]', '[x][a]', '[][a]', '![i][a]', '![][b]', '![i][zz]', '[![i][a]][b]', '[t [a] u][b]', '[zz]', '\n\n[a]: http://a.org', '\n\n[A]: http://other.org "T"', '\n\n[b]: <b.png>', '\n\n[^1]: note', '[^1]', ' text ', '*', '\n- ', '\n> ', '\n', '`[a]`')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 20}), (pieces) => {
        expectSame(pieces.join(''))
      }),
      {numRuns: 500},
    )
  })
})
