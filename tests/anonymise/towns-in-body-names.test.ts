/**
 * A town named inside an organisation's name after the body's kind (`Volunteer Centre Dundee`, `Age UK Leeds`) says where
 * its participant works: the rewriter removes it written alone; the audit does not take the body's kind (`Volunteer`) for
 * the organisation. Held-out set 8 was refused whole for both.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {compileReport} from '../../src/engine/compile.js'

const build = (org: string, note: string) => {
  const value = ['---', 'title: Towns in names', 'attendees:', `  - { name: Louise Brannigan, org: ${org} }`, '---', '', `- ${note}`, '- Volunteer expenses paid within a week, in cash if needed.', ''].join('\n')
  return compileReport(new VFile({path: 'notes.md', value}), {outputs: ['md', 'html']})
}

describe('a town inside a body’s name', () => {
  it.each([
    ['Volunteer Centre Dundee', "Dundee's volunteer centre runs taster sessions in the jobcentre.", 'Dundee'],
    ['Age UK Sheffield', 'In Sheffield the befriending calls doubled over the winter.', 'Sheffield'],
    ['Citizens Advice Plymouth', 'The Plymouth advisers now sit in the food bank on Fridays.', 'Plymouth'],
  ])('%s: %s — the town goes, the report is written', (org, note, town) => {
    const compiled = build(org, note)
    const markdown = compiled.markdown
    expect(compiled.leaks).toEqual([])
    expect(markdown).not.toContain(town)
    expect(markdown).toContain('Volunteer expenses paid within a week')
  })
})
