/**
 * Render stage: the report model → one self-contained HTML file, through the
 * theme's Handlebars templates. Pure: the same report, theme and brand give
 * byte-identical HTML. Note text reaches the templates as data (escaped, or
 * HTML that has been through the sanitiser), never as template code.
 */
import type {FootnoteReference, PhrasingContent} from 'mdast'
import {visit} from 'unist-util-visit'
import {coverDate} from '../group/introduction.js'
import type {Report, ReportItem, ReportSection} from '../types.js'
import {version} from '../version.js'
import type {Brand} from './brand.js'
import {toSafeHtml} from './inline.js'
import type {Theme} from './theme.js'

export interface RenderOptions {
  theme: Theme
  brand: Brand
}

/** Sections that read as chapters get a number, as in the reference report. */
const unnumbered = new Set(['key-insights', 'questions', 'resources', 'further-insights'])

export function renderHtml(report: Report, {theme, brand}: RenderOptions): string {
  return theme.render(htmlView(report, brand, theme.css))
}

/** The data the templates see. Exposed so themes can be tested against it. */
export function htmlView(report: Report, brand: Brand, themeCss: string) {
  const {meta} = report
  let chapter = 0
  const urlOf = new Map(report.footnotes.filter((note) => note.url).map((note) => [String(note.n), note.url!]))

  const sections = report.sections.map((section) => {
    const number = unnumbered.has(section.id) ? undefined : ++chapter
    return sectionView(section, number, urlOf)
  })

  const standard = sections.filter((section) => section.number !== undefined)
  return {
    lang: meta.lang,
    title: meta.title,
    author: brand.name,
    description: `${meta.reportType}: ${meta.title}`,
    keywords: [meta.series, meta.reportType, 'Chatham House rule'].filter(Boolean).join(', '),
    generator: `exchange ${version}`,
    css: themeCss + pageCss(report, brand),
    brand: {name: brand.name, logo: brand.logo},
    cover: {
      series: meta.series,
      date: meta.date ? coverDate(meta.date) : undefined,
      isoDate: meta.date,
      reportType: meta.reportType,
      partner: meta.partner,
      partnerLogo: meta.partner ? brand.partnerLogos[meta.partner] : undefined,
    },
    contents: [
      {id: 'introduction', title: meta.reportType},
      ...(report.foreword ? [{id: 'foreword', title: 'Foreword'}] : []),
      ...sections.map((section) => ({id: section.id, title: section.title, number: section.number})),
      ...(report.conclusion ? [{id: 'conclusion', title: 'Conclusion'}] : []),
    ],
    introduction: {
      heading: meta.reportType,
      paragraphs: report.introduction,
      outline: standard.map((section) => section.title),
      outlineCount: numberWord(standard.length),
      chathamHouse: report.chathamHouse,
    },
    foreword: report.foreword && {html: toSafeHtml(report.foreword.children), by: report.foreword.by},
    sections,
    conclusion: report.conclusion && {html: toSafeHtml(report.conclusion.children)},
    footnotes: report.footnotes,
    about: {
      heading: meta.series ? `About the ${meta.series} series` : `About ${brand.name}`,
      paragraphs: (brand.about ?? '').split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean),
      contact: brand.contact,
    },
  }
}

function sectionView(section: ReportSection, number: number | undefined, urlOf: Map<string, string>) {
  return {
    id: section.id,
    title: section.title,
    intro: section.intro,
    number,
    numbered: section.style === 'numbered',
    checklist: section.style === 'checklist',
    resources: section.style === 'resources',
    items: section.items.map((item) => itemView(item, section.style === 'resources' ? urlOf : undefined)),
  }
}

function itemView(item: ReportItem, urlOf?: Map<string, string>): Record<string, unknown> {
  const resource = Boolean(urlOf)
  const content = resource ? withoutReferences(item.content) : item.content
  return {
    html: toSafeHtml(content),
    headline: !resource && item.headline ? toSafeHtml(item.headline) : undefined,
    detail: !resource && item.detail ? toSafeHtml(item.detail) : undefined,
    quote: item.quote,
    urls: urlOf ? referencedUrls(item.content, urlOf) : [],
    children: item.children.map((child) => itemView(child)),
  }
}

/** In the resources round-up the URL is printed, so the footnote marks are not. */
function withoutReferences(content: PhrasingContent[]): PhrasingContent[] {
  return content.filter((node) => node.type !== 'footnoteReference')
}

function referencedUrls(content: PhrasingContent[], urlOf: Map<string, string>): string[] {
  const urls: string[] = []
  visit({type: 'paragraph', children: content}, 'footnoteReference', (node: FootnoteReference) => {
    const url = urlOf.get(node.identifier)
    if (url && !urls.includes(url)) urls.push(url)
  })
  return urls
}

/** Brand colours and the running header/footer text, which differ per report. */
function pageCss(report: Report, brand: Brand): string {
  const {colours} = brand
  const footer = brand.footer ?? brand.name
  return `
:root { --primary: ${colours.primary}; --accent: ${colours.accent}; --text: ${colours.text}; --background: ${colours.background}; --muted: ${colours.muted}; }
@page { @top-left { content: ${cssString(report.meta.title)}; } @bottom-left { content: ${cssString(footer)}; } }
`
}

/** A CSS string literal that cannot end the string or the `<style>` element. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]+/g, ' ').replace(/</g, '\\3C ')}"`
}

function numberWord(count: number): string {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][count] ?? String(count)
}
