import type {PhrasingContent} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {compileReport} from '../../src/engine/index.js'
import {reportToMarkdown} from '../../src/render/markdown.js'
import type {Report, ReportItem, ReportSection} from '../../src/types.js'

const t = (value: string): PhrasingContent => ({type: 'text', value})

function item(text: string, extra: Partial<ReportItem> = {}): ReportItem {
  return {content: [t(text)], text, line: 1, column: 1, tags: [], kind: 'note', source: 'list', children: [], placement: {section: 's', rule: 'heading', reason: ''}, ...extra}
}

function section(extra: Partial<ReportSection> & Pick<ReportSection, 'items'>): ReportSection {
  return {id: 's', title: 'Section', style: 'numbered', role: 'insights', ...extra}
}

function report(sections: ReportSection[], extra: Partial<Report> = {}): Report {
  return {
    meta: {title: 'Title', lang: 'en-GB', reportType: 'Insights report', profile: 'insights-report'},
    introduction: ['On 1 May 2024, A hosted a workshop.', 'Second paragraph.'],
    chathamHouse: 'Chatham House statement.',
    sections,
    footnotes: [],
    boilerplate: [],
    omitted: [],
    ...extra,
  }
}

describe('reportToMarkdown', () => {
  it('writes the title, byline, a bold lead paragraph, the chapter outline and the Chatham House statement', () => {
    const markdown = reportToMarkdown(
      report([section({title: 'What needs to change', number: 1, items: [item('A')]}), section({id: 'q', title: 'Questions', role: 'questions', style: 'checklist', items: [item('Is it?', {kind: 'question'})]})], {
        meta: {title: 'Title', lang: 'en-GB', reportType: 'Insights report', profile: 'insights-report', series: 'Innovation Exchange', date: '2019-03-14', partner: 'P'},
      }),
    )
    expect(markdown).toBe(
      [
        '# Title',
        '',
        '*Insights report · Innovation Exchange · 14 March 2019 · in partnership with P*',
        '',
        '**On 1 May 2024, A hosted a workshop.**',
        '',
        'Second paragraph.',
        '',
        'The report is in one section, covering the following:',
        '',
        '1. What needs to change',
        '',
        '> Chatham House statement.',
        '',
        '## 1. What needs to change',
        '',
        '1. A',
        '',
        '## Questions',
        '',
        '- [ ] Is it?',
        '',
      ].join('\n'),
    )
  })

  it('sets `Headline – detail` insights with a bold headline, sub-bullets under their parent', () => {
    const markdown = reportToMarkdown(
      report([section({items: [item('Consultation is broken – residents are asked too late', {headline: [t('Consultation is broken')], detail: [t('Residents are asked too late')], children: [item('The colour of the bins')]})]})]),
    )
    expect(markdown).toContain('1. **Consultation is broken** – Residents are asked too late.\n   - The colour of the bins\n')
  })

  it('draws quotes as pull quotes after the list, never numbered', () => {
    const markdown = reportToMarkdown(report([section({items: [item('An insight'), item('PB is cheap', {kind: 'quote', quote: true, source: 'blockquote'})]})]))
    expect(markdown).toContain('1. An insight\n\n> As one participant put it, “PB is cheap”\n')
  })

  it('lists “Do you” questions as their rest under the lead, then the others whole', () => {
    const doYou = (text: string, rest: string) => item(text, {kind: 'question', prompt: [t(rest)]})
    const led = reportToMarkdown(report([section({style: 'checklist', role: 'questions', lead: 'Do you:', items: [doYou('Do you know?', 'know?'), doYou('Do you ask?', 'ask?')]})]))
    expect(led).toContain('Do you:\n\n- [ ] know?\n- [ ] ask?\n')
    const mixed = reportToMarkdown(report([section({style: 'checklist', role: 'questions', lead: 'Do you:', items: [item('Is there a budget?', {kind: 'question'}), doYou('Do you know?', 'know?')]})]))
    expect(mixed).toContain('Do you:\n\n- [ ] know?\n\n* [ ] Is there a budget?\n')
    const unled = reportToMarkdown(report([section({style: 'checklist', role: 'questions', items: [doYou('Do you know?', 'know?')]})]))
    expect(unled).toContain('- [ ] Do you know?\n')
    expect(unled).not.toContain('Do you:')
  })

  it('draws a key-actions area: actions, then pull quotes, then the checklist', () => {
    const markdown = reportToMarkdown(
      report([
        section({
          style: 'actions',
          lead: 'Do you:',
          items: [item('Do you celebrate failure?', {kind: 'question', prompt: [t('celebrate failure?')]}), item('Celebrate what did not work'), item('Take risks', {kind: 'quote', quote: true})],
        }),
      ]),
    )
    expect(markdown).toContain('## Section\n\n- Celebrate what did not work\n\n> As one participant put it, “Take risks”\n\nDo you:\n\n- [ ] celebrate failure?\n')
  })

  it('writes boilerplate where the profile puts it, and footnotes as “See <url>”', () => {
    const markdown = reportToMarkdown(
      report([section({items: [item('The Deal', {content: [t('The Deal'), {type: 'footnoteReference', identifier: '1', label: '1'}]})]})], {
        footnotes: [{n: 1, url: 'https://example.org/deal', text: 'The Deal'}, {n: 2, text: 'From the flipchart.'}],
        boilerplate: [
          {id: 'a', paragraphs: ['Before the sections.'], at: 'after-introduction'},
          {id: 'b', title: 'The series', paragraphs: ['One.', 'Two.'], at: 'end'},
        ],
      }),
    )
    expect(markdown).toContain('> Chatham House statement.\n\nBefore the sections.\n\n## Section')
    expect(markdown).toContain('1. The Deal[^1]\n\n## The series\n\nOne.\n\nTwo.\n\n[^1]: See <https://example.org/deal>\n\n[^2]: From the flipchart.\n')
  })

  it('is written from the compiled report and leaves out logistics', () => {
    const file = new VFile({path: 'notes.md', value: '---\ntitle: T\n---\n\n## Barriers\n\n- coffee at 11\n- Demand is rising – the budget is not #challenge\n'})
    const {markdown} = compileReport(file)
    expect(markdown).toContain('**Demand is rising** – The budget is not')
    expect(markdown).not.toContain('coffee')
  })
})

describe('reportToMarkdown: the notes’ own introduction', () => {
  it('prints it after the written introduction, before the outline', () => {
    const markdown = reportToMarkdown(
      report([section({title: 'What needs to change', number: 1, items: [item('A')]})], {introductionNotes: {line: 5, children: [{type: 'paragraph', children: [t('From the notes.')]}]}}),
    )
    expect(markdown).toContain('Second paragraph.\n\nFrom the notes.\n\nThe report is in one section')
  })
})
