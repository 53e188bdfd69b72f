/**
 * A line that heads the notes after it without being markdown's heading (`segment.ts`, `labelOf`): a bold line over a
 * list, a short plain line over a list that names a section or says what its notes are, a Six Thinking Hats hat, a
 * `<summary>` over a collapsed block, and a mind map's branch over branches. Each is its notes' heading, not a note;
 * a line that only looks like one stays a note, and ends the label before it.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {processNotes} from '../../src/engine/pipeline.js'
import {loadProfile} from '../../src/group/profile.js'
import {labelOf} from '../../src/group/segment.js'
import type {Paragraph, RootContent} from 'mdast'

const run = (notes: string) => processNotes(new VFile({path: 'notes.md', value: `---\ntitle: T\n---\n\n${notes}`}))
const sectionOf = (notes: string, text: string) =>
  run(notes).report.sections.find((section) => section.role !== 'key' && section.items.some((item) => `${item.text} ${item.headline ?? ''} ${item.detail ?? ''}`.includes(text)))?.id
const allText = (notes: string) => run(notes).report.sections.flatMap((section) => section.items.map((item) => item.text)).join('\n')

// Plain notes whose words alone say little of their section: the label decides.
const points = ['- Footfall on Fridays is about the same as in 2019.', '- The hall opens at seven for traders.']

describe('a label line over a list', () => {
  it.each([
    ['a bold line', '**What needs to change**', 'what-needs-to-change'],
    ['a plain line naming a section', 'What needs to change', 'what-needs-to-change'],
    ['a plain line saying what its notes are', 'Pain points', 'what-needs-to-change'],
    ['a board column', 'Went well', 'what-works'],
    ['a Six Thinking Hats hat', '⚫ BLACK HAT – risks and problems', 'what-needs-to-change'],
    ['a plain line naming examples', 'Examples', 'examples'],
  ])('%s is the heading of the notes under it, not a note', (_, line, section) => {
    const notes = `Intro paragraph about the day, written in full.\n\n${line}\n${points.join('\n')}\n`
    expect(sectionOf(notes, 'Footfall on Fridays')).toBe(section)
    expect(sectionOf(notes, 'hall opens at seven')).toBe(section)
    expect(allText(notes)).not.toContain(line.replace(/\*\*/gu, ''))
  })

  it('heads every list until the next label or heading', () => {
    const notes = `**Examples**\n\n${points[0]}\n\nResources\n- Market manager training guide\n\n## What works\n\n${points[1]}\n`
    expect(sectionOf(notes, 'Footfall on Fridays')).toBe('examples')
    expect(sectionOf(notes, 'Market manager training guide')).toBe('resources')
    expect(sectionOf(notes, 'hall opens at seven')).toBe('what-works')
  })

  it('ends where a title-shaped line that is no label starts', () => {
    const notes = `Resources\n- Market manager training guide\n\n**Parting thoughts**\n\nFootfall on Fridays is about the same as in 2019.\n`
    expect(sectionOf(notes, 'Footfall on Fridays')).not.toBe('resources')
  })
})

describe('a line that only looks like a label', () => {
  const profile = loadProfile('insights-report')
  const paragraph = (text: string): Paragraph => ({type: 'paragraph', children: [{type: 'text', value: text}]})
  const strong = (text: string): Paragraph => ({type: 'paragraph', children: [{type: 'strong', children: [{type: 'text', value: text}]}]})
  const list: RootContent = {type: 'list', children: [{type: 'listItem', children: [paragraph('A point made in the room.')]}]}
  it.each([
    ['a sentence', paragraph('What needs to change is the rota.'), list],
    ['a plain line naming nothing', paragraph('Faster payments for carers'), list],
    ['a plain line over a paragraph', paragraph('What needs to change'), paragraph('A point.')],
    ['a bold headline over its own detail', strong('Faster payments'), paragraph('Carers wait six weeks.')],
    ['a long bold line', strong('Carers told us that the payments come too late for the rent every single month'), list],
    ['a label with nothing after it', paragraph('Resources'), undefined],
  ])('stays a note: %s', (_, node, next) => {
    expect(labelOf(node, next, profile)).toBeUndefined()
  })

  it('keeps every word of a note that is no label in the report', () => {
    expect(allText('Faster payments for carers\n- Carers wait six weeks for the first payment.\n')).toContain('Faster payments for carers')
  })
})

describe('a collapsed block', () => {
  const notes = `## What works\n\n- Pay providers in advance so small clubs can plan.\n\n<details>\n<summary>Culture and leadership (expanded)</summary>\n\n- Directors should see the programme as early help.\n- Chief executives need to be in the room for the exercise.\n\n</details>\n\n- Cook together so children eat what they make.\n`
  it('has its summary as the heading of the notes inside it', () => {
    expect(sectionOf(notes, 'Chief executives need to be in the room')).toBe('culture-and-leadership')
    expect(sectionOf(notes, 'Directors should see the programme')).toBe('culture-and-leadership')
  })

  it('gives the heading back after it closes', () => {
    expect(sectionOf(notes, 'Cook together')).toBe('what-works')
  })
})

describe('a mind map’s branches', () => {
  const tree = [
    '- STREET TREES WORKSHOP',
    '  - What gets in the way',
    '    - Insurance claims for subsidence make councils fell first, ask later',
    '    - Utilities dig through root zones and the standard is old',
    '  - What works',
    '    - Tree pits designed with the drainage team: one hole, two jobs',
    '    - Community tree wardens adopt a street and report early',
  ].join('\n')
  it('are the headings of the points on them, each point a note of its own', () => {
    expect(sectionOf(tree, 'Insurance claims for subsidence')).toBe('what-needs-to-change')
    expect(sectionOf(tree, 'Tree pits designed with the drainage team')).toBe('what-works')
    expect(sectionOf(tree, 'Community tree wardens')).toBe('what-works')
  })
})
