/**
 * Render stage: the report model → one self-contained HTML file, through the
 * theme's Handlebars templates. Pure: the same report, theme and brand give
 * byte-identical HTML. Note text reaches the templates as data (escaped, or
 * HTML that has been through the sanitiser), never as template code.
 *
 * `htmlView` is the whole contract with a theme: it turns the model into
 * what a page shows — numbered insights split around pull quotes, example
 * callouts, "Do you:" checklists, the contents with its page-number slots —
 * so templates only lay it out.
 */
import type {PhrasingContent, Text} from 'mdast'
import {coverDate, longDate} from '../group/introduction.js'
import type {Boilerplate, Footnote, Report, ReportItem, ReportSection} from '../types.js'
import {version} from '../version.js'
import type {Brand} from './brand.js'
import {isSafeLink, toSafeHtml} from './inline.js'
import type {Theme} from './theme.js'
import {listedItems, subheadBefore} from './items.js'

export interface RenderOptions {
  theme: Theme
  brand: Brand
}

export function renderHtml(report: Report, {theme, brand}: RenderOptions): string {
  return theme.render(htmlView(report, brand, theme.css))
}

/** One note as the templates see it: sanitised HTML fragments. */
export interface ItemView {
  html: string
  headline?: string
  detail?: string
  children: ItemView[]
}

export interface QuoteView {
  html: string
  attribution: string
  /** What was nested under the quote in the notes. */
  children: ItemView[]
}

/** A run of content in a section, drawn by one partial. Exactly one flag is set. */
export interface BlockView {
  /** A sub-head inside a long chapter: the topic the notes under it were written under. */
  subhead?: string
  /** Numbered insights: an `<ol>` that starts at `start`. */
  insights?: boolean
  /** Examples: numbered callout boxes. */
  examples?: boolean
  bullets?: boolean
  checklist?: boolean
  resources?: boolean
  quote?: QuoteView
  start?: number
  /** Checklist lead: `Do you:`. */
  lead?: string
  items?: ItemView[]
}

export interface SectionView {
  id: string
  headingId: string
  title: string
  number?: number
  intro?: string
  /** The intro as safe HTML, escaped as the notes are. */
  introHtml?: string
  /** Who the section speaks to: `Insights for senior leaders`. */
  audience?: string
  /** The Key insights summary, drawn as a panel. */
  key: boolean
  blocks: BlockView[]
}

export interface ContentsEntry {
  id: string
  title: string
  number?: number
}

export interface HtmlView {
  lang: string
  title: string
  /** The title as the running header shows it (shortened at a word). */
  runningTitle: string
  author: string
  description: string
  keywords: string
  /** ISO date of the event, for `<meta name="dcterms.date">`. */
  isoDate?: string
  generator: string
  css: string
  brand: {name: string; logo?: string}
  cover: {series?: string; date?: string; isoDate?: string; reportType: string; host?: string; partner?: string; partnerLogo?: string}
  contents: ContentsEntry[]
  introduction: {heading: string; paragraphs: string[]; /** The notes' own `## Introduction`, after the written one. */ notesHtml?: string; outline: string[]; outlineCount: string; outlineSections: string; chathamHouse: string}
  boilerplate: {afterIntroduction: BoilerplateView[]; end: BoilerplateView[]}
  foreword?: {html: string; by?: string}
  sections: SectionView[]
  conclusion?: {html: string}
  footnotes: Array<Footnote & {label: string}>
  about: {heading: string; paragraphs: string[]; contact?: string}
}

export interface BoilerplateView {
  id: string
  title?: string
  paragraphs: string[]
}

/** Before the report model numbered its chapters, these sections had no number. */
const legacyUnnumbered = new Set(['key-insights', 'questions', 'resources', 'further-insights'])
const exampleTags = new Set(['example', 'examples', 'case-study', 'casestudy', 'bestpractice', 'best-practice'])

/** The data the templates see. Exposed so themes can be tested against it. */
export function htmlView(report: Report, brand: Brand, themeCss: string): HtmlView {
  const {meta} = report
  // Footnote URLs come from the notes: only web and mail links become links.
  const footnotes = report.footnotes.map((note) => (note.url && !isSafeLink(note.url) ? {n: note.n, text: note.text, url: undefined, label: note.text} : {...note, label: note.url ?? note.text}))
  const numbers = chapterNumbers(report.sections)
  const sections = report.sections.map((section) => sectionView(section, numbers.get(section))).filter((section) => section.blocks.length > 0)
  const chapters = sections.filter((section) => section.number !== undefined)

  const author = meta.host ?? brand.name
  const event = [meta.series, meta.date && longDate(meta.date)].filter(Boolean).join(', ')
  const boilerplate = (at: Boilerplate['at']) =>
    (report.boilerplate ?? []).filter((block) => block.at === at).map((block) => ({id: block.id, title: block.title, paragraphs: block.paragraphs}))

  return {
    lang: meta.lang,
    title: meta.title,
    runningTitle: shorten(meta.title, 90),
    author,
    description: `${meta.reportType}${event ? ` from the ${event}` : ''}: ${meta.title}`,
    keywords: [...new Set([meta.series, meta.reportType, meta.partner, ...chapters.map((section) => section.title), 'Chatham House rule'].filter((value): value is string => Boolean(value)))].join(', '),
    isoDate: meta.date,
    generator: `exchange ${version}`,
    css: themeCss + pageCss(report, brand),
    brand: {name: brand.name, logo: brand.logo},
    cover: {
      series: meta.series,
      date: meta.date ? coverDate(meta.date) : undefined,
      isoDate: meta.date,
      reportType: meta.reportType,
      host: meta.host,
      partner: meta.partner,
      partnerLogo: meta.partner ? brand.partnerLogos[meta.partner] : undefined,
    },
    contents: [
      {id: 'introduction', title: meta.reportType},
      ...(report.foreword ? [{id: 'foreword', title: 'Foreword'}] : []),
      ...sections.map((section) => ({id: section.id, title: section.title, number: section.number})),
      ...(report.conclusion ? [{id: 'conclusion', title: 'Conclusion'}] : []),
      ...(footnotes.length > 0 ? [{id: 'notes', title: 'Notes'}] : []),
    ],
    introduction: {
      heading: meta.reportType,
      paragraphs: report.introduction,
      ...(report.introductionNotes ? {notesHtml: toSafeHtml(report.introductionNotes.children)} : {}),
      outline: chapters.map((section) => section.title),
      outlineCount: numberWord(chapters.length),
      outlineSections: `${numberWord(chapters.length)} section${chapters.length === 1 ? '' : 's'}`,
      chathamHouse: report.chathamHouse,
    },
    boilerplate: {afterIntroduction: boilerplate('after-introduction'), end: boilerplate('end')},
    foreword: report.foreword && {html: toSafeHtml(report.foreword.children), by: report.foreword.by},
    sections,
    conclusion: report.conclusion && {html: toSafeHtml(report.conclusion.children)},
    footnotes,
    about: {
      heading: meta.series ? `About the ${meta.series} series` : `About ${brand.name}`,
      paragraphs: (brand.about ?? '').split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean),
      contact: brand.contact,
    },
  }
}

/** Chapter numbers: the model's, or (older models) every section but the standard unnumbered ones. */
function chapterNumbers(sections: ReportSection[]): Map<ReportSection, number | undefined> {
  const modelled = sections.some((section) => section.role !== undefined)
  let chapter = 0
  return new Map(
    sections.map((section) => [
      section,
      modelled ? section.number : section.items.length > 0 && !legacyUnnumbered.has(section.id) ? ++chapter : undefined,
    ]),
  )
}

const isQuote = (item: ReportItem) => item.kind === 'quote' || Boolean(item.quote)
const isQuestion = (item: ReportItem) => item.kind === 'question'

/** A note with nothing left to show (say, only an image that was missing and left out). */
const isEmpty = (item: ReportItem) => item.children.length === 0 && item.content.every((node) => (node.type === 'text' && node.value.trim() === '') || node.type === 'break')

function sectionView(fullSection: ReportSection, number: number | undefined): SectionView {
  const section = {...fullSection, items: listedItems(fullSection).filter((item) => !isEmpty(item))}
  const blocks: BlockView[] = []
  const {style} = section
  const key = section.role === 'key' || section.id === 'key-insights'
  const examples = section.id === 'examples' || (section.items.length > 0 && section.items.every((item) => item.tags.some((tag) => exampleTags.has(tag))))

  if (style === 'resources') {
    // What was recommended, with its footnote mark: the URL is in the Notes, once.
    blocks.push({resources: true, items: section.items.map((item) => itemView(item, {resource: true}))})
  } else if (style === 'checklist') {
    blocks.push(...checklists(section.items, section.lead))
  } else if (style === 'actions') {
    // Key actions, as the leaflet: the notes, then what was said, then "Do you:".
    const notes = section.items.filter((item) => !isQuote(item) && !isQuestion(item))
    if (notes.length > 0) blocks.push({bullets: true, items: notes.map((item) => itemView(item))})
    for (const item of section.items.filter(isQuote)) blocks.push({quote: quoteView(item)})
    blocks.push(...checklists(section.items.filter(isQuestion), section.lead))
  } else {
    // Numbered insights and bullets: pull quotes break the list without taking a number.
    let run: ReportItem[] = []
    let start = 1
    const flush = () => {
      if (run.length === 0) return
      const items = run.map((item) => itemView(item))
      if (style === 'numbered') blocks.push(examples ? {examples: true, start, items} : {insights: true, start, items})
      else if (style === 'quotes') for (const item of run) blocks.push({quote: quoteView(item)})
      else blocks.push({bullets: true, items})
      start += run.length
      run = []
    }
    for (const item of section.items) {
      const subhead = subheadBefore(item)
      if (subhead) {
        flush()
        blocks.push({subhead})
      }
      if (isQuote(item)) {
        flush()
        blocks.push({quote: quoteView(item)})
      } else run.push(item)
    }
    flush()
  }

  return {
    id: section.id,
    headingId: `${section.id}-heading`,
    title: section.title,
    number,
    intro: section.intro,
    // Written as the notes are (an opening can be a note: the same escaping as the list's).
    introHtml: section.intro ? toSafeHtml([{type: 'text', value: section.intro}]) : undefined,
    // "Insights for senior leaders", unless the title says so already.
    audience: section.audience && !section.title.toLowerCase().includes(section.audience.toLowerCase()) ? `Insights for ${section.audience}` : undefined,
    key,
    blocks,
  }
}

/**
 * Questions that start "Do you" go under the lead (`Do you:`, as in the
 * key-actions leaflet); any others are listed whole.
 */
function checklists(items: ReportItem[], lead: string | undefined): BlockView[] {
  const prompted = items.filter((item) => item.prompt && item.prompt.length > 0)
  const whole = items.filter((item) => !(item.prompt && item.prompt.length > 0))
  const blocks: BlockView[] = []
  if (prompted.length > 0) blocks.push({checklist: true, lead: lead ?? 'Do you:', items: prompted.map((item) => ({html: toSafeHtml(item.prompt!), children: item.children.map((child) => itemView(child))}))})
  // "Do you: Is there…?" would not read: whole questions go under no lead.
  if (whole.length > 0) blocks.push({checklist: true, items: whole.map((item) => itemView(item))})
  return blocks
}

function itemView(item: ReportItem, {resource = false} = {}): ItemView {
  return {
    html: toSafeHtml(item.content),
    headline: !resource && item.headline && item.detail ? toSafeHtml(item.headline) : undefined,
    detail: !resource && item.headline && item.detail ? toSafeHtml(item.detail) : undefined,
    children: item.children.map((child) => itemView(child)),
  }
}

function quoteView(item: ReportItem): QuoteView {
  return {html: toSafeHtml(unquoted(item.content)), attribution: 'One participant', children: item.children.map((child) => itemView(child))}
}

const openingMarks = /^\s*["“‘']+/
const closingMarks = /["”’']+\s*$/

/** The quotation without its own quotation marks: the theme sets them. */
export function unquoted(content: PhrasingContent[]): PhrasingContent[] {
  const first = content[0]
  const last = content[content.length - 1]
  if (first?.type !== 'text' || last?.type !== 'text' || !openingMarks.test(first.value) || !closingMarks.test(last.value)) return content
  const copy = content.map((node) => ({...node})) as PhrasingContent[]
  const head = copy[0] as Text
  head.value = head.value.replace(openingMarks, '')
  const tail = copy[copy.length - 1] as Text
  tail.value = tail.value.replace(closingMarks, '')
  return copy
}

/**
 * What differs per report: brand colours and fonts, and the running header
 * and footer text (CSS strings: Chromium has no `string-set`).
 */
function pageCss(report: Report, brand: Brand): string {
  const {colours, fonts} = brand
  const footer = brand.footer ?? brand.name
  const faces = fonts.faces.map(
    (face) => `@font-face { font-family: ${cssString(face.family)}; font-style: ${face.style}; font-weight: ${face.weight}; src: url("${face.src}") format("${face.format}"); }`,
  )
  const families = [
    fonts.body ? `--font-body: ${cssString(fonts.body)};` : '',
    fonts.headings ? `--font-headings: ${cssString(fonts.headings)};` : '',
  ].join(' ')
  return `
${faces.join('\n')}
:root { --primary: ${colours.primary}; --accent: ${colours.accent}; --text: ${colours.text}; --background: ${colours.background}; --muted: ${colours.muted}; ${families} }
@page { @top-left { content: ${cssString(shorten(report.meta.title, 90))}; } @bottom-left { content: ${cssString(footer)}; } }
`
}

/** A CSS string literal that cannot end the string or the `<style>` element. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]+/g, ' ').replace(/</g, '\\3C ')}"`
}

/** At most `length` characters, cut at a word, with an ellipsis. */
export function shorten(text: string, length: number): string {
  if (text.length <= length) return text
  const cut = text.slice(0, length - 1)
  // Back off to the last whole word, unless the cut already ends one.
  const space = /\s/.test(text[length - 1] ?? '') ? cut.length : cut.lastIndexOf(' ')
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`
}

function numberWord(count: number): string {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][count] ?? String(count)
}
