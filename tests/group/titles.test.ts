/**
 * What a heading or a title says about the notes under it: the notes' own `#` title is their topic, not
 * a section (`# Care workforce – online session` does not make every note about culture); a list item
 * that is only a title over points in whole sentences (minutes' agenda items) is their heading, and each
 * point is placed by what it says; who reported a point in minutes (`Members noted that…`) is not what
 * it is about.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {processNotes} from '../../src/engine/pipeline.js'

function sectionOf(notes: string, text: string): string | undefined {
  const {report} = processNotes(new VFile({path: 'notes.md', value: `---\ntitle: T\n---\n\n${notes}`}))
  return report.sections.find((section) => section.role !== 'key' && section.items.some((item) => `${item.text} ${item.headline ?? ''} ${item.detail ?? ''}`.includes(text)))?.id
}

describe('the notes’ own title', () => {
  it('does not place the notes under it, where they have sections', () => {
    const notes = '# Care workforce – online session\n\n## Transcript\n\n- We pay the real living wage through the framework contract now, and turnover fell in the first year.\n- People left because of the rotas, and nobody pays for the miles properly.\n'
    expect(sectionOf(notes, 'pay the real living wage')).not.toBe('culture-and-leadership')
    expect(sectionOf(notes, 'nobody pays for the miles')).toBe('what-needs-to-change')
  })

  it('is still a section heading where the notes have no other', () => {
    expect(sectionOf('# Barriers\n\n- The depot floods every winter.\n', 'depot floods')).toBe('what-needs-to-change')
  })
})

describe('a title over points in whole sentences', () => {
  const minutes = '## Minutes\n\n1. Contamination and enforcement\n   - Members noted that a neighbouring council cut contamination by a third with bin tags and doorstep visits.\n   - Members agreed that the agency staff budget cannot cover another round of vacancies.\n2. Tea\n   - biscuits\n   - more biscuits\n'
  it('is their heading: each point is placed by what it says', () => {
    expect(sectionOf(minutes, 'cut contamination by a third')).not.toBe(sectionOf(minutes, 'agency staff budget cannot cover'))
  })

  it('leaves points that need their subject under it', () => {
    const {report} = processNotes(new VFile({path: 'notes.md', value: `---\ntitle: T\n---\n\n${minutes}`}))
    const tea = report.sections.flatMap((section) => section.items).find((item) => item.text.startsWith('Tea'))
    expect(tea?.children?.map((child) => child.text)).toEqual(['Biscuits', 'More biscuits'])
  })
})

describe('who reported a point', () => {
  it('is not read for its section', () => {
    // `members` is a word of Culture and leadership; the point is a barrier.
    expect(sectionOf('## Minutes\n\n- Members noted that the grant does not cover vehicle replacement and the fleet is failing.\n', 'grant does not cover')).toBe('what-needs-to-change')
  })
})
