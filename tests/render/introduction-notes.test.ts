/**
 * The notes' own `## Introduction` is what the facilitator wrote for the report: it reaches the HTML
 * (and so the PDF) after the introduction written from the front matter, as it reaches the markdown.
 */
import {expect, it} from 'vitest'
import {VFile} from 'vfile'
import {htmlText} from '../../src/audit/index.js'
import {compileReport} from '../../src/engine/index.js'

it('puts the notes’ own introduction in the HTML, as in the markdown', () => {
  const value = '---\ntitle: Floods\n---\n\n## Introduction\n\nThe exchange brought together emergency planners and housing leads from flooded councils.\n\n## Barriers\n\n- the budget is gone\n'
  const compiled = compileReport(new VFile({path: 'notes.md', value}), {outputs: ['html', 'md']})
  expect(compiled.markdown).toContain('emergency planners and housing leads')
  expect(htmlText(compiled.html)).toContain('emergency planners and housing leads')
})
