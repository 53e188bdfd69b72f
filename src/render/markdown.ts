/**
 * The report as markdown: a blog-ready, anonymised write-up from the same
 * report model as the HTML and PDF.
 */
import type {BlockContent, FootnoteDefinition, ListItem, PhrasingContent, Root, RootContent} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {longDate} from '../group/introduction.js'
import type {Report, ReportItem, ReportSection} from '../types.js'

const text = (value: string): PhrasingContent => ({type: 'text', value})
const paragraph = (children: PhrasingContent[]): BlockContent => ({type: 'paragraph', children})
const heading = (depth: 1 | 2, value: string): BlockContent => ({type: 'heading', depth, children: [text(value)]})

export function reportToMarkdown(report: Report): string {
  const {meta} = report
  const children: RootContent[] = [heading(1, meta.title)]
  const byline = [meta.reportType, meta.series, meta.date && longDate(meta.date), meta.partner && `in partnership with ${meta.partner}`]
  children.push(paragraph([{type: 'emphasis', children: [text(byline.filter(Boolean).join(' · '))]}]))
  for (const value of report.introduction) children.push(paragraph([text(value)]))
  children.push({type: 'blockquote', children: [paragraph([text(report.chathamHouse)])]})

  if (report.foreword) {
    children.push(heading(2, 'Foreword'), ...report.foreword.children)
    if (report.foreword.by) children.push(paragraph([{type: 'strong', children: [text(report.foreword.by)]}]))
  }
  for (const section of report.sections) children.push(...sectionBlocks(section))
  if (report.conclusion) children.push(heading(2, 'Conclusion'), ...report.conclusion.children)

  const definitions: FootnoteDefinition[] = report.footnotes.map((note) => ({
    type: 'footnoteDefinition',
    identifier: String(note.n),
    label: String(note.n),
    children: [paragraph(note.url ? [text('See '), {type: 'link', url: note.url, children: [text(note.url)]}] : [text(note.text)])],
  }))
  const tree: Root = {type: 'root', children: [...children, ...definitions]}
  return unified().use(remarkStringify, {bullet: '-', emphasis: '*', strong: '*', rule: '-'}).use(remarkGfm).stringify(tree)
}

function sectionBlocks(section: ReportSection): RootContent[] {
  const blocks: RootContent[] = [heading(2, section.title)]
  if (section.intro) blocks.push(paragraph([text(section.intro)]))
  const ordered = section.style === 'numbered'
  blocks.push({
    type: 'list',
    ordered,
    spread: false,
    children: section.items.map((item) => listItem(item, section.style === 'checklist')),
  })
  return blocks
}

function listItem(item: ReportItem, checklist: boolean): ListItem {
  const content: PhrasingContent[] =
    item.headline && item.detail ? [{type: 'strong', children: item.headline}, text(' – '), ...item.detail] : item.content
  const children: ListItem['children'] = [paragraph(content)]
  if (item.children.length > 0) {
    children.push({type: 'list', ordered: false, spread: false, children: item.children.map((child) => listItem(child, false))})
  }
  return {type: 'listItem', spread: false, checked: checklist ? false : null, children}
}
