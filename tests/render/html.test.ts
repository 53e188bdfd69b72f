/**
 * The HTML the default theme writes from a report model: structure a reader
 * (and a screen reader) relies on, and the presentation `htmlView` derives.
 */
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {PhrasingContent} from 'mdast'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {htmlText} from '../../src/audit/index.js'
import {defaultBrandDir, loadBrand} from '../../src/render/brand.js'
import {htmlView, renderHtml, shorten, unquoted} from '../../src/render/html.js'
import {defaultThemeDir, loadTheme} from '../../src/render/theme.js'
import type {Report, ReportItem, ReportSection} from '../../src/types.js'

const text = (value: string): PhrasingContent => ({type: 'text', value})

function item(value: string, extra: Partial<ReportItem> = {}): ReportItem {
  return {
    content: [text(value)],
    text: value,
    line: 1,
    column: 1,
    tags: [],
    kind: 'note',
    source: 'list',
    children: [],
    placement: {section: 's', rule: 'heading', reason: 'test'},
    ...extra,
  }
}

function section(id: string, title: string, items: ReportItem[], extra: Partial<ReportSection> = {}): ReportSection {
  return {id, title, style: 'numbered', role: 'insights', items, ...extra}
}

function report(): Report {
  return {
    meta: {title: 'Working with communities, not for them', series: 'Innovation Exchange', date: '2024-04-04', host: 'NLGN', partner: 'FutureGov', lang: 'en-GB', reportType: 'Insights report', profile: 'insights-report'},
    introduction: ['On 4 April 2024, NLGN partnered with FutureGov.', 'Participants came together.'],
    chathamHouse: 'The report respects the Chatham House rule.',
    foreword: {children: [{type: 'paragraph', children: [text('We were glad to host.')]}], line: 1, by: 'A Director, FutureGov'},
    conclusion: {children: [{type: 'paragraph', children: [text('Small, honest steps.')]}], line: 1},
    sections: [
      section('key-insights', 'Key insights', [item('Pay people for their time')], {role: 'key'}),
      section('what-needs-to-change', 'What needs to change', [
        item('Consultation is broken – residents are asked too late', {headline: [text('Consultation is broken')], detail: [text('residents are asked too late')]}),
        item('"we consult on the colour of the bins"', {kind: 'quote', quote: true, content: [text('“we consult on the colour of the bins”')]}),
        item('Budgets are set too early'),
      ], {number: 1, intro: 'The case for change.'}),
      section('examples', 'Examples and best practice', [item('Wigan’s Deal', {tags: ['example']}), item('Cardiff’s youth panel', {tags: ['example']})], {number: 2}),
      section('questions', 'Questions to take back', [
        item('Do you know who you never hear from?', {kind: 'question', prompt: [text('know who you never hear from?')]}),
        item('Is participation in every manager’s objectives?', {kind: 'question'}),
      ], {style: 'checklist', role: 'questions', lead: 'Do you:'}),
      section('leaders', 'Leading for innovation', [
        item('Listen to others’ ideas'),
        item('You have to take people with you', {kind: 'quote'}),
        item('Do you work across the council?', {kind: 'question', prompt: [text('work across the council?')]}),
      ], {style: 'actions', number: 3, audience: 'senior leaders'}),
      section('resources', 'Resources', [item('The Deal', {content: [text('The Deal'), {type: 'footnoteReference', identifier: '1', label: '1'}]})], {style: 'resources', role: 'resources'}),
      section('empty', 'Nothing here', [], {number: 4}),
    ],
    footnotes: [
      {n: 1, url: 'https://www.wigan.gov.uk/deal', text: 'The Deal'},
      {n: 2, url: 'javascript:alert(1)', text: 'click me'},
    ],
    boilerplate: [{id: 'series', title: 'The Innovation Series', paragraphs: ['Innovation Exchanges give participants a space.'], at: 'end'}],
    omitted: [],
  }
}

const theme = loadTheme(defaultThemeDir)
const brand = loadBrand(defaultBrandDir)
const html = renderHtml(report(), {theme, brand})
const tree = fromHtml(html) as Root
const all: Element[] = []
visit(tree, 'element', (node: Element) => {
  all.push(node)
})
const byTag = (tag: string) => all.filter((node) => node.tagName === tag)
const classes = (node: Element) => (Array.isArray(node.properties?.className) ? node.properties.className.map(String) : [])
const byClass = (name: string) => all.filter((node) => classes(node).includes(name))

describe('HTML report structure', () => {
  it('declares its language and title', () => {
    expect(byTag('html')[0]?.properties?.lang).toBe('en-GB')
    expect(byTag('title')).toHaveLength(1)
  })

  it('has one h1 and headings that never skip a level', () => {
    const levels = all.filter((node) => /^h[1-6]$/.test(node.tagName)).map((node) => Number(node.tagName[1]))
    expect(levels.filter((level) => level === 1)).toHaveLength(1)
    expect(levels[0]).toBe(1)
    levels.slice(1).forEach((level, index) => expect(level - levels[index]!, `h${levels[index]} → h${level}`).toBeLessThanOrEqual(1))
  })

  it('puts everything in landmarks: banner (cover), navigation (contents), main, contentinfo (about)', () => {
    const body = byTag('body')[0]!
    const top = body.children.filter((node): node is Element => node.type === 'element').map((node) => node.tagName)
    expect(top).toEqual(['header', 'nav', 'main', 'footer'])
  })

  it('gives every image alt text', () => {
    const withLogos = renderHtml(report(), {theme, brand: {...brand, logo: 'data:image/svg+xml;base64,PHN2Zy8+', partnerLogos: {FutureGov: 'data:image/svg+xml;base64,PHN2Zy8+'}}})
    const images: Element[] = []
    visit(fromHtml(withLogos) as Root, 'element', (node: Element) => {
      if (node.tagName === 'img') images.push(node)
    })
    expect(images.map((image) => image.properties?.alt)).toEqual([brand.name, 'FutureGov'])
  })

  it('carries the metadata the PDF is given: author, description, keywords, date', () => {
    const meta = Object.fromEntries(byTag('meta').filter((node) => node.properties?.name).map((node) => [String(node.properties.name), String(node.properties.content)]))
    expect(meta).toMatchObject({
      author: 'NLGN',
      description: 'Insights report from the Innovation Exchange, 4 April 2024: Working with communities, not for them',
      'dcterms.date': '2024-04-04',
    })
    expect(meta.keywords).toBe('Innovation Exchange, Insights report, FutureGov, What needs to change, Examples and best practice, Leading for innovation, Chatham House rule')
  })

  it('lists the parts in the contents, each with a page-number slot for the printer', () => {
    const view = htmlView(report(), brand, '')
    expect(view.contents.map((entry) => entry.id)).toEqual(['introduction', 'foreword', 'key-insights', 'what-needs-to-change', 'examples', 'questions', 'leaders', 'resources', 'conclusion', 'notes'])
    const slots = all.filter((node) => node.properties?.dataPageOf).map((node) => String(node.properties.dataPageOf))
    expect(slots).toEqual(view.contents.map((entry) => entry.id))
    for (const id of slots) expect(all.some((node) => node.properties?.id === id), id).toBe(true)
  })

  it('leaves out sections with no notes, and notes with nothing left to show (an image that was missing)', () => {
    expect(html).not.toContain('Nothing here')
    const withEmpty = report()
    withEmpty.sections[2]!.items.push(item('', {content: [], tags: ['example']}))
    expect(htmlView(withEmpty, brand, '').sections.find((entry) => entry.id === 'examples')!.blocks[0]!.items).toHaveLength(2)
  })
})

describe('what htmlView derives for the theme', () => {
  const view = htmlView(report(), brand, '')
  const change = view.sections.find((entry) => entry.id === 'what-needs-to-change')!

  it('numbers insights across a pull quote, which takes no number', () => {
    expect(change.blocks.map((block) => (block.insights ? `insights@${block.start}:${block.items!.length}` : block.quote ? 'quote' : '?'))).toEqual(['insights@1:1', 'quote', 'insights@2:1'])
    expect(html).toContain('<ol class="insights" start="2">')
    expect(change.blocks[1]!.quote!.html).toBe('we consult on the colour of the bins')
  })

  it('draws a `Headline – detail` note with a bold headline', () => {
    expect(html).toContain('<strong class="headline">Consultation is broken</strong> – residents are asked too late')
  })

  it('draws examples as callout boxes', () => {
    expect(byClass('callout')).toHaveLength(2)
    expect(byClass('examples')).toHaveLength(1)
    expect(html).toContain('<li class="callout"><p>Wigan’s Deal</p>')
  })

  it('lists “Do you” questions under the lead, and other questions whole', () => {
    const questions = view.sections.find((entry) => entry.id === 'questions')!
    expect(questions.blocks.map((block) => [block.lead, block.items!.map((entry) => entry.html)])).toEqual([
      ['Do you:', ['know who you never hear from?']],
      [undefined, ['Is participation in every manager’s objectives?']],
    ])
  })

  it('draws a key-actions section as the leaflet does: notes, then quotes, then “Do you:”', () => {
    const leaders = view.sections.find((entry) => entry.id === 'leaders')!
    expect(leaders.blocks.map((block) => (block.bullets ? 'bullets' : block.quote ? 'quote' : block.checklist ? `checklist:${block.lead}` : '?'))).toEqual(['bullets', 'quote', 'checklist:Do you:'])
    expect(leaders.audience).toBe('Insights for senior leaders')
  })

  it('marks the Key insights panel and numbers only chapters', () => {
    expect(view.sections.map((entry) => [entry.id, entry.number ?? null, entry.key])).toEqual([
      ['key-insights', null, true],
      ['what-needs-to-change', 1, false],
      ['examples', 2, false],
      ['questions', null, false],
      ['leaders', 3, false],
      ['resources', null, false],
    ])
    expect(view.introduction.outline).toEqual(['What needs to change', 'Examples and best practice', 'Leading for innovation'])
    expect(view.introduction.outlineCount).toBe('three')
  })

  it('links only web and mail footnotes: a javascript: URL is printed as its text, not linked', () => {
    expect(view.footnotes).toEqual([
      {n: 1, url: 'https://www.wigan.gov.uk/deal', text: 'The Deal', label: 'https://www.wigan.gov.uk/deal'},
      {n: 2, url: undefined, text: 'click me', label: 'click me'},
    ])
    expect(html).not.toContain('javascript:')
    expect(html).toContain('<li id="fn-2" value="2">click me</li>')
  })

  it('marks each resource with its footnote, whose URL the Notes print once', () => {
    const resources = view.sections.find((entry) => entry.id === 'resources')!
    expect(resources.blocks[0]!.items).toEqual([{html: 'The Deal<sup class="fn-ref"><a href="#fn-1">1</a></sup>', headline: undefined, detail: undefined, children: []}])
  })

  it('places the profile’s boilerplate and the brand’s about block', () => {
    expect(view.boilerplate.end).toEqual([{id: 'series', title: 'The Innovation Series', paragraphs: ['Innovation Exchanges give participants a space.']}])
    expect(view.about.heading).toBe('About the Innovation Exchange series')
    expect(htmlText(html)).toContain('The Innovation Series')
  })

  it('writes the running header and footer as CSS strings, shortened at a word', () => {
    expect(shorten('Nothing about us without us - designing youth services with young people', 40)).toBe('Nothing about us without us - designing…')
    expect(view.css).toContain('@top-left { content: "Working with communities, not for them"; }')
  })

  it('takes a quotation’s own marks off: the theme sets them', () => {
    expect(unquoted([text('“we said so”')])).toEqual([text('we said so')])
    expect(unquoted([text('not a “quote” at all')])).toEqual([text('not a “quote” at all')])
  })

  it('is byte-identical for the same report, theme and brand', () => {
    expect(renderHtml(report(), {theme, brand})).toBe(html)
  })
})
