/**
 * The report as a Word document, for editors who polish before publishing:
 * the same report model as the HTML, the same structure — cover data,
 * contents, introduction, the Chatham House statement, foreword, each
 * section (numbered insights with bold headlines and their sub-points,
 * bullets, a "Do you:" checklist, the resources, pull quotes), conclusion,
 * boilerplate — and the links as Word footnotes. Headings, quotes and the
 * cover take the brand's colours and fonts (by family name: Word uses the
 * fonts installed where it opens the file).
 *
 * `reportToDocx` is pure but for the dates Word's packer stamps; `docxText`
 * reads the text back out of the file's XML, for the audit.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx'
import {strFromU8, unzipSync} from 'fflate'
import type {BlockContent, DefinitionContent, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {coverDate, longDate, numberWord} from '../group/template.js'
import type {Boilerplate, ProseBlock, Report, ReportItem, ReportSection} from '../types.js'
import type {Brand} from './brand.js'
import {listedItems, subheadBefore} from './items.js'

export interface DocxOptions {
  brand?: Pick<Brand, 'name' | 'colours' | 'fonts' | 'footer'>
}

const insightList = 'insights'
const defaultFont = 'Source Sans 3'

/** The report as the bytes of a .docx file. */
export async function reportToDocx(report: Report, options: DocxOptions = {}): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(reportDocument(report, options))
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

/** The Word document model of a report. */
export function reportDocument(report: Report, options: DocxOptions = {}): Document {
  const brand = options.brand
  const colour = (value: string | undefined, fallback: string) => (value ?? fallback).replace(/^#/, '')
  const primary = colour(brand?.colours.primary, '#1f3a5f')
  const accent = colour(brand?.colours.accent, '#c8553d')
  const text = colour(brand?.colours.text, '#1d1d1b')
  const body = brand?.fonts.body ?? defaultFont
  const headings = brand?.fonts.headings ?? body
  const {meta} = report
  referenced = new Set()

  const children: Paragraph[] = []
  // Cover
  if (brand?.name) children.push(new Paragraph({children: [new TextRun({text: brand.name, bold: true, color: primary, size: 28})]}))
  if (meta.date) children.push(new Paragraph({children: [new TextRun({text: coverDate(meta.date).toUpperCase(), color: primary})], spacing: {after: 1200}}))
  if (meta.series) children.push(new Paragraph({children: [new TextRun({text: meta.series, color: accent, bold: true})]}))
  children.push(new Paragraph({heading: HeadingLevel.TITLE, children: [new TextRun(meta.title)]}))
  children.push(new Paragraph({children: [new TextRun({text: meta.reportType.toUpperCase(), color: primary, bold: true, size: 28})]}))
  if (meta.partner) children.push(new Paragraph({spacing: {before: 1200}, children: [new TextRun('In partnership with: '), new TextRun({text: meta.partner, bold: true})]}))
  children.push(new Paragraph({children: [new PageBreak()]}))

  // Contents
  children.push(new Paragraph({heading: HeadingLevel.HEADING_1, children: [new TextRun('Contents')]}))
  const contents = [
    meta.reportType,
    ...(report.foreword ? ['Foreword'] : []),
    ...report.sections.map((section) => sectionTitle(section)),
    ...(report.conclusion ? ['Conclusion'] : []),
  ]
  for (const entry of contents) children.push(new Paragraph({children: [new TextRun(entry)]}))
  children.push(new Paragraph({children: [new PageBreak()]}))

  // Introduction
  children.push(new Paragraph({heading: HeadingLevel.HEADING_1, children: [new TextRun(meta.reportType)]}))
  report.introduction.forEach((value, index) => children.push(new Paragraph({children: [new TextRun({text: value, bold: index === 0})]})))
  if (report.introductionNotes) children.push(...prose(report.introductionNotes))
  const chapters = report.sections.filter((section) => section.number !== undefined)
  if (chapters.length > 0) {
    children.push(new Paragraph(`The report is in ${numberWord(chapters.length)} ${chapters.length === 1 ? 'section' : 'sections'}, covering the following:`))
    for (const section of chapters) children.push(new Paragraph({children: [new TextRun({text: `${section.number}. ${section.title}`, bold: true})], indent: {left: 360}}))
  }
  children.push(new Paragraph({style: 'ReportQuote', children: [new TextRun(report.chathamHouse)]}))
  children.push(...boilerplate(report.boilerplate, 'after-introduction'))

  if (report.foreword) {
    children.push(new Paragraph({heading: HeadingLevel.HEADING_1, children: [new TextRun('Foreword')]}), ...prose(report.foreword))
    if (report.foreword.by) children.push(new Paragraph({children: [new TextRun({text: report.foreword.by, bold: true})]}))
  }
  report.sections.forEach((section, index) => children.push(...sectionParagraphs(section, index)))
  if (report.conclusion) children.push(new Paragraph({heading: HeadingLevel.HEADING_1, children: [new TextRun('Conclusion')]}), ...prose(report.conclusion))
  children.push(...boilerplate(report.boilerplate, 'end'))

  const footnotes: Record<string, {children: Paragraph[]}> = {}
  for (const note of report.footnotes) {
    footnotes[String(note.n)] = {children: [new Paragraph({children: note.url ? [new TextRun('See '), new ExternalHyperlink({link: note.url, children: [new TextRun({text: note.url, style: 'Hyperlink'})]})] : [new TextRun(note.text)]})]}
  }

  return new Document({
    title: meta.title,
    creator: brand?.name ?? meta.host ?? 'exchange',
    description: `${meta.reportType}${meta.date ? `, ${longDate(meta.date)}` : ''}`,
    styles: {
      default: {
        document: {run: {font: body, size: 22, color: text}, paragraph: {spacing: {after: 120, line: 276}}},
        title: {run: {font: headings, size: 56, bold: true, color: primary}},
        heading1: {run: {font: headings, size: 36, bold: true, color: primary}, paragraph: {spacing: {before: 360, after: 160}}},
        heading2: {run: {font: headings, size: 28, bold: true, color: primary}, paragraph: {spacing: {before: 240, after: 120}}},
      },
      paragraphStyles: [
        {id: 'ReportQuote', name: 'Report quote', basedOn: 'Normal', next: 'Normal', run: {italics: true, color: accent}, paragraph: {indent: {left: 720, right: 720}, spacing: {before: 160, after: 160}}},
        {id: 'SectionLead', name: 'Section opening', basedOn: 'Normal', next: 'Normal', run: {bold: true, color: primary}},
      ],
    },
    numbering: {
      config: [
        {
          reference: insightList,
          levels: [
            {level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: {paragraph: {indent: {left: 480, hanging: 360}}}},
            {level: 1, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: {paragraph: {indent: {left: 960, hanging: 360}}}},
            {level: 2, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.START, style: {paragraph: {indent: {left: 1440, hanging: 360}}}},
          ],
        },
      ],
    },
    footnotes,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({alignment: AlignmentType.RIGHT, children: [new TextRun({children: [...(brand?.footer ? [`${brand.footer}  ·  `] : []), PageNumber.CURRENT]})]})],
          }),
        },
        children,
      },
    ],
  })
}

function sectionTitle(section: ReportSection): string {
  return section.number === undefined ? section.title : `${section.number}. ${section.title}`
}

function sectionParagraphs(section: ReportSection, index: number): Paragraph[] {
  const output: Paragraph[] = [new Paragraph({heading: HeadingLevel.HEADING_1, children: [new TextRun(sectionTitle(section))]})]
  // "Insights for senior leaders", as the HTML prints it, unless the title says so already.
  if (section.audience && !section.title.toLowerCase().includes(section.audience.toLowerCase())) output.push(new Paragraph({children: [new TextRun({text: `Insights for ${section.audience}`, bold: true, italics: true})]}))
  if (section.intro) output.push(new Paragraph({style: 'SectionLead', children: [new TextRun(section.intro)]}))
  const items = listedItems(section)
  const quotes = items.filter((item) => item.kind === 'quote')
  const others = items.filter((item) => item.kind !== 'quote')
  const questions = others.filter((item) => item.kind === 'question')
  switch (section.style) {
    case 'checklist':
      output.push(...checklist(others, section.lead))
      break
    case 'actions':
      output.push(...list(others.filter((item) => item.kind !== 'question'), index, false), ...quotes.map(pullQuote), ...checklist(questions, section.lead))
      return output
    case 'quotes':
      output.push(...others.map(pullQuote))
      break
    default:
      // As the HTML: a pull quote breaks the list where it was said, and the numbers carry on after it.
      output.push(...list(items, index, section.style === 'numbered'))
      return output
  }
  output.push(...quotes.map(pullQuote))
  return output
}

/** Numbered insights (one list per section) or bullets; sub-points stay under their note. */
function list(items: ReportItem[], instance: number, numbered: boolean): Paragraph[] {
  const output: Paragraph[] = []
  const add = (item: ReportItem, level: number) => {
    const runs: ParagraphChild[] =
      item.headline && item.detail ? [...inline(item.headline, {bold: true}), new TextRun(' – '), ...inline(item.detail)] : item.kind === 'quote' ? [new TextRun('“'), ...inline(item.content), new TextRun('”')] : inline(item.content)
    output.push(
      new Paragraph({
        children: runs,
        ...(numbered || level > 0 ? {numbering: {reference: insightList, level: numbered ? level : Math.min(level, 2), instance}} : {bullet: {level: 0}}),
      }),
    )
    for (const child of item.children) add(child, Math.min(level + 1, 2))
  }
  for (const item of items) {
    const subhead = subheadBefore(item)
    if (subhead) output.push(new Paragraph({heading: HeadingLevel.HEADING_2, children: [new TextRun(subhead)]}))
    if (item.kind === 'quote') output.push(pullQuote(item), ...list(item.children, instance, false))
    else add(item, 0)
  }
  return output
}

/** "Do you:" and its completions, then the questions asked whole, each with a box to tick. */
function checklist(items: ReportItem[], lead: string | undefined): Paragraph[] {
  if (items.length === 0) return []
  const prompted = lead ? items.filter((item) => item.prompt && item.prompt.length > 0) : []
  const whole = items.filter((item) => !prompted.includes(item))
  const box = (content: PhrasingContent[]) => new Paragraph({indent: {left: 480, hanging: 360}, children: [new TextRun('☐ '), ...inline(content)]})
  return [...(prompted.length > 0 ? [new Paragraph({children: [new TextRun({text: lead!, bold: true})]}), ...prompted.map((item) => box(item.prompt!))] : []), ...whole.map((item) => box(item.content))]
}

function pullQuote(item: ReportItem): Paragraph {
  return new Paragraph({style: 'ReportQuote', children: [new TextRun('As one participant put it, “'), ...inline(item.content), new TextRun('”')]})
}

function boilerplate(blocks: Boilerplate[], at: Boilerplate['at']): Paragraph[] {
  return blocks
    .filter((block) => block.at === at)
    .flatMap((block) => [...(block.title ? [new Paragraph({heading: HeadingLevel.HEADING_2, children: [new TextRun(block.title)]})] : []), ...block.paragraphs.map((value) => new Paragraph(value))])
}

/** Prose (foreword, conclusion): its paragraphs, headings, lists and quotes, as Word paragraphs. */
function prose(block: ProseBlock): Paragraph[] {
  const output: Paragraph[] = []
  const walk = (node: RootContent | BlockContent | DefinitionContent, level: number) => {
    switch (node.type) {
      case 'paragraph':
        output.push(new Paragraph({children: inline(node.children), ...(level >= 0 ? {bullet: {level}} : {})}))
        break
      case 'heading':
        output.push(new Paragraph({heading: HeadingLevel.HEADING_2, children: inline(node.children)}))
        break
      case 'blockquote':
        for (const child of node.children) output.push(new Paragraph({style: 'ReportQuote', children: inline(child.type === 'paragraph' ? child.children : [{type: 'text', value: toString(child)}])}))
        break
      case 'list':
        for (const item of node.children) for (const child of item.children) walk(child, Math.min(level + 1, 2))
        break
      default: {
        const value = toString(node).trim()
        if (value) output.push(new Paragraph(value))
      }
    }
  }
  for (const node of block.children) walk(node, -1)
  return output
}

/**
 * Footnotes already referenced in the document being written. Word makes a
 * footnote of every reference mark, so a link cited again (a resource also
 * written in a chapter, say) is marked with its number, superscript, and
 * the Notes hold it once: one footnote per URL, as in the HTML.
 */
let referenced = new Set<number>()

function footnoteMark(n: number): FootnoteReferenceRun | TextRun {
  if (referenced.has(n)) return new TextRun({text: String(n), superScript: true})
  referenced.add(n)
  return new FootnoteReferenceRun(n)
}

interface RunStyle {
  bold?: boolean
  italics?: boolean
}

/** Inline content as runs: emphasis, strong, code, links (to their URL), footnote marks. */
function inline(content: PhrasingContent[], style: RunStyle = {}): ParagraphChild[] {
  const output: ParagraphChild[] = []
  for (const node of content) {
    switch (node.type) {
      case 'text':
        output.push(new TextRun({text: node.value, ...style}))
        break
      case 'strong':
        output.push(...inline(node.children, {...style, bold: true}))
        break
      case 'emphasis':
        output.push(...inline(node.children, {...style, italics: true}))
        break
      case 'delete':
        output.push(...inline(node.children, style))
        break
      case 'inlineCode':
        output.push(new TextRun({text: node.value, font: 'Consolas', ...style}))
        break
      case 'break':
        output.push(new TextRun({text: '', break: 1}))
        break
      case 'link':
        output.push(new ExternalHyperlink({link: node.url, children: inline(node.children, style).filter((child): child is TextRun => child instanceof TextRun)}))
        break
      case 'footnoteReference':
        if (/^\d+$/.test(node.identifier)) output.push(footnoteMark(Number(node.identifier)))
        break
      case 'image':
        if (node.alt) output.push(new TextRun({text: `[${node.alt}]`, italics: true}))
        break
      default: {
        const value = toString(node)
        if (value) output.push(new TextRun({text: value, ...style}))
      }
    }
  }
  return output
}

/**
 * The text of a .docx file — its body, footnotes, headers and footers — one
 * line per paragraph, read from the XML in the file (not from the model it
 * was made from), for the audit.
 */
export function docxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes, {filter: (file) => /^word\/(?:document|footnotes|endnotes|header\d*|footer\d*|comments)\.xml$/.test(file.name)})
  const parts: string[] = []
  for (const name of Object.keys(files).sort()) {
    const xml = strFromU8(files[name]!)
    parts.push(
      xml
        .replace(/<\/w:p>/g, '\n')
        .replace(/<w:tab\/>/g, '\t')
        .replace(/<w:br\/>/g, '\n')
        .replace(/<(?:w:instrText)[^>]*>[\s\S]*?<\/w:instrText>/g, '')
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
  }
  return parts.join('\n')
}
