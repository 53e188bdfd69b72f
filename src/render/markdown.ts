/**
 * The report as markdown: a blog-ready, anonymised write-up from the same
 * report model as the HTML and PDF. Pure: the same report gives the same text.
 *
 * Layout: title, a byline, the introduction (lead paragraph in bold, the
 * chapter outline), the Chatham House statement, the foreword, each section
 * drawn in its style — numbered insights with bold headlines, bullets,
 * a "Do you:" checklist, the resources round-up, pull quotes
 * ("As one participant put it, “…”") — the conclusion, the profile's
 * boilerplate, and the footnotes ("See <url>").
 */
import type {BlockContent, Blockquote, FootnoteDefinition, List, ListItem, PhrasingContent, Root, RootContent} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {longDate, numberWord} from '../group/template.js'
import type {Boilerplate, Report, ReportItem, ReportSection} from '../types.js'
import {listedItems, subheadBefore} from './items.js'

const text = (value: string): PhrasingContent => ({type: 'text', value})
const paragraph = (children: PhrasingContent[]): BlockContent => ({type: 'paragraph', children})
const heading = (depth: 1 | 2 | 3, value: string): BlockContent => ({type: 'heading', depth, children: [text(value)]})

export function reportToMarkdown(report: Report): string {
  const {meta} = report
  const children: RootContent[] = [heading(1, meta.title)]
  const byline = [meta.reportType, meta.series, meta.date && longDate(meta.date), meta.partner && `in partnership with ${meta.partner}`]
  children.push(paragraph([{type: 'emphasis', children: [text(byline.filter(Boolean).join(' · '))]}]))

  report.introduction.forEach((value, index) => children.push(paragraph(index === 0 ? [{type: 'strong', children: [text(value)]}] : [text(value)])))
  if (report.introductionNotes) children.push(...report.introductionNotes.children)
  const chapters = report.sections.filter((section) => section.number !== undefined)
  if (chapters.length > 0) {
    children.push(paragraph([text(`The report is in ${numberWord(chapters.length)} ${chapters.length === 1 ? 'section' : 'sections'}, covering the following:`)]))
    children.push({type: 'list', ordered: true, spread: false, children: chapters.map((section) => ({type: 'listItem', spread: false, children: [paragraph([text(section.title)])]}))})
  }
  children.push({type: 'blockquote', children: [paragraph([text(report.chathamHouse)])]})
  children.push(...boilerplateBlocks(report.boilerplate, 'after-introduction'))

  if (report.foreword) {
    children.push(heading(2, 'Foreword'), ...report.foreword.children)
    if (report.foreword.by) children.push(paragraph([{type: 'strong', children: [text(report.foreword.by)]}]))
  }
  for (const section of report.sections) children.push(...sectionBlocks(section))
  if (report.conclusion) children.push(heading(2, 'Conclusion'), ...report.conclusion.children)
  children.push(...boilerplateBlocks(report.boilerplate, 'end'))

  const definitions: FootnoteDefinition[] = report.footnotes.map((note) => ({
    type: 'footnoteDefinition',
    identifier: String(note.n),
    label: String(note.n),
    children: [paragraph(note.url ? [text('See '), {type: 'link', url: note.url, children: [text(note.url)]}] : [text(note.text)])],
  }))
  const tree: Root = {type: 'root', children: [...children, ...definitions]}
  return unified().use(remarkStringify, {bullet: '-', emphasis: '*', strong: '*', rule: '-'}).use(remarkGfm).stringify(tree)
}

function boilerplateBlocks(blocks: Boilerplate[], at: Boilerplate['at']): RootContent[] {
  return blocks
    .filter((block) => block.at === at)
    .flatMap((block) => [...(block.title ? [heading(2, block.title)] : []), ...block.paragraphs.map((value) => paragraph([text(value)]))])
}

function sectionBlocks(section: ReportSection): RootContent[] {
  const title = section.number === undefined ? section.title : `${section.number}. ${section.title}`
  const blocks: RootContent[] = [heading(2, title)]
  if (section.intro) blocks.push(paragraph([text(section.intro)]))
  const items = listedItems(section)
  const quotes = items.filter((item) => item.kind === 'quote')
  const others = items.filter((item) => item.kind !== 'quote')

  switch (section.style) {
    case 'checklist':
      blocks.push(...checklist(others, section.lead))
      break
    case 'actions': {
      const questions = others.filter((item) => item.kind === 'question')
      const notes = others.filter((item) => item.kind !== 'question')
      if (notes.length > 0) blocks.push(list(notes, false))
      blocks.push(...quotes.map(pullQuote))
      blocks.push(...checklist(questions, section.lead))
      return blocks
    }
    case 'quotes':
      blocks.push(...others.map(pullQuote))
      break
    default: {
      // A long chapter's sub-heads break the list; the numbers carry on under each.
      let run: ReportItem[] = []
      let start = 1
      const flush = () => {
        if (run.length > 0) blocks.push({...list(run, section.style === 'numbered'), ...(section.style === 'numbered' && start > 1 ? {start} : {})})
        start += run.length
        run = []
      }
      for (const item of others) {
        const subhead = subheadBefore(item)
        if (subhead) {
          flush()
          blocks.push(heading(3, subhead))
        }
        run.push(item)
      }
      flush()
    }
  }
  blocks.push(...quotes.map(pullQuote))
  return blocks
}

/**
 * Questions as a checklist: those that start "Do you" listed as their rest
 * under the lead (`Do you:`), as in key-actions-leaflet.txt, then the
 * others whole.
 */
function checklist(items: ReportItem[], lead: string | undefined): RootContent[] {
  if (items.length === 0) return []
  const prompted = lead ? items.filter((item) => item.prompt && item.prompt.length > 0) : []
  const whole = items.filter((item) => !prompted.includes(item))
  const blocks: RootContent[] = []
  if (prompted.length > 0) blocks.push(paragraph([text(lead!)]), checkList(prompted.map((item) => ({content: item.prompt!, children: item.children}))))
  if (whole.length > 0) blocks.push(checkList(whole))
  return blocks
}

function checkList(entries: Array<{content: PhrasingContent[]; children: ReportItem[]}>): List {
  return {type: 'list', ordered: false, spread: false, children: entries.map((entry) => ({type: 'listItem', spread: false, checked: false, children: [paragraph(entry.content), ...subList(entry.children)]}))}
}

/** What was nested under a note, at every depth. */
function subList(children: ReportItem[]): List[] {
  return children.length > 0 ? [{type: 'list', ordered: false, spread: false, children: children.map(listItem)}] : []
}

function list(items: ReportItem[], ordered: boolean): List {
  return {type: 'list', ordered, spread: false, children: items.map(listItem)}
}

function listItem(item: ReportItem): ListItem {
  const content: PhrasingContent[] =
    item.headline && item.detail ? [{type: 'strong', children: item.headline}, text(' – '), ...item.detail] : item.kind === 'quote' ? quoted(item.content) : item.content
  return {type: 'listItem', spread: false, children: [paragraph(content), ...subList(item.children)]}
}

/** `> As one participant put it, “…”` */
function pullQuote(item: ReportItem): Blockquote {
  return {type: 'blockquote', children: [paragraph([text('As one participant put it, '), ...quoted(item.content)]), ...subList(item.children)]}
}

function quoted(content: PhrasingContent[]): PhrasingContent[] {
  return [text('“'), ...content, text('”')]
}
