import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import remarkStringify from 'remark-stringify'
import remarkGfm from 'remark-gfm'
import remarkChathamHouse from '../../src/anonymise/index.js'
import {parseNotes} from '../../src/parse/index.js'

const roster = `---
attendees:
  - { name: Jane Smith, org: Wigan Council }
  - { name: Tom Okafor, org: London Borough of Camden }
  - { name: Will Barker, org: Reading Borough Council }
  - Cllr Ruth Ellison
---
`

function anonymise(notes: string): {markdown: string; file: VFile} {
  const file = new VFile({path: 'notes.md', value: `${roster}\n${notes}`})
  const tree = parseNotes(file)
  unified().use(remarkChathamHouse).runSync(tree, file)
  const markdown = unified().use(remarkStringify).use(remarkGfm).stringify(tree)
  return {markdown: markdown.trim(), file}
}

describe('remarkChathamHouse (roster pass)', () => {
  it('removes a speaker label and restores the capital', () => {
    expect(anonymise('- JS: the Deal took a decade').markdown).toBe('* The Deal took a decade')
    expect(anonymise('- Tom Okafor (Camden) - team went from 9 posts to 4').markdown).toBe('* Team went from 9 posts to 4')
  })

  it('removes a label wrapped in strong', () => {
    expect(anonymise('**Jane Smith (Wigan):** The Deal is a two-way commitment.').markdown).toBe('The Deal is a two-way commitment.')
  })

  it('rewrites inline attributions so the sentence still reads', () => {
    expect(anonymise('- Tom said the panel changed a decision').markdown).toBe('* One participant said the panel changed a decision')
    expect(anonymise("- Jane's point was that it is culture first").markdown).toBe("* One participant's point was that it is culture first")
    expect(anonymise('- according to Priya and Tom it works').markdown).toBe('* according to Priya and one participant it works')
  })

  it('drops trailing and bracketed attributions', () => {
    expect(anonymise('- "Residents are not a problem to be managed" — Cllr Ruth Ellison').markdown).toBe('* "Residents are not a problem to be managed"')
    expect(anonymise('- "we consult on the colour of the bins" (Jane)').markdown).toBe('* "we consult on the colour of the bins"')
  })

  it('keeps a name that is an ordinary word when it is used as one', () => {
    expect(anonymise('- we will need to be honest').markdown).toBe('* we will need to be honest')
    expect(anonymise('- Will this work in practice?').markdown).toBe('* Will this work in practice?')
    expect(anonymise('- as Will put it, tea mattered').markdown).toBe('* as one participant put it, tea mattered')
  })

  it('drops HTML comments entirely and records every redaction with its place', () => {
    const {markdown, file} = anonymise('<!-- check with Jane Smith -->\n\n- Tom said yes')
    expect(markdown).toBe('* One participant said yes')
    expect(file.data.redactions?.map((redaction) => [redaction.rule, redaction.original])).toEqual([
      ['html-comment', '<!-- check with Jane Smith -->'],
      ['roster-name', 'Tom'],
    ])
    expect(file.data.redactions?.[1]).toMatchObject({line: 11, column: 3, replacement: 'One participant'})
  })

  it('anonymises image alt text, code spans and link text', () => {
    const {markdown} = anonymise('- ![Jane Smith presenting](img.png) ask `Okafor` and [Tom Okafor’s notes](https://example.org)')
    expect(markdown).not.toMatch(/Jane|Smith|Okafor|Tom/)
    expect(markdown).toContain('https://example.org')
  })
})
