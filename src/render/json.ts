/**
 * The report as JSON (SPEC §5): meta, sections of items with their anonymised
 * text and source line, footnotes, and warnings — from the same report model
 * as every other format.
 */
import {toString} from 'mdast-util-to-string'
import type {Boilerplate, Diagnostic, ItemKind, ItemStyle, Placement, Report, ReportItem, SectionRole} from '../types.js'

export interface JsonItem {
  /** The anonymised text of the note, as shown in the report. */
  text: string
  /** Its line in the notes file. */
  line: number
  kind: ItemKind
  /** For `Headline – detail` notes. */
  headline?: string
  detail?: string
  /** For questions listed under a "Do you:" lead: the rest of the question. */
  prompt?: string
  quote?: boolean
  tags: string[]
  placement: Placement
  children: JsonItem[]
}

export interface JsonSection {
  id: string
  title: string
  /** Chapter number, for numbered standard sections. */
  number?: number
  intro?: string
  style: ItemStyle
  role: SectionRole
  lead?: string
  audience?: string
  items: JsonItem[]
}

export interface JsonReport {
  meta: Report['meta']
  introduction: string[]
  chathamHouse: string
  foreword?: {text: string; by?: string}
  sections: JsonSection[]
  conclusion?: {text: string}
  footnotes: Report['footnotes']
  boilerplate: Boilerplate[]
  /** How Key insights were chosen: `tagged` (#key) or `strongest` (one per section). */
  keyInsights?: Report['keyInsights']
  warnings: Array<Pick<Diagnostic, 'line' | 'column' | 'rule' | 'message' | 'severity'>>
  /** Every block of the notes the report leaves out, with why: the anonymised text, never the notes as written. */
  left_out: Array<{line: number; rule: string; reason: string; text: string}>
}

export function reportToJson(report: Report, diagnostics: Diagnostic[] = []): JsonReport {
  const prose = (block: {children: Parameters<typeof toString>[0][]}) => block.children.map((node) => toString(node)).join('\n\n')
  return {
    meta: report.meta,
    introduction: report.introduction,
    chathamHouse: report.chathamHouse,
    ...(report.foreword ? {foreword: {text: prose(report.foreword), ...(report.foreword.by ? {by: report.foreword.by} : {})}} : {}),
    sections: report.sections.map((section) => ({
      id: section.id,
      title: section.title,
      ...(section.number === undefined ? {} : {number: section.number}),
      ...(section.intro ? {intro: section.intro} : {}),
      style: section.style,
      role: section.role,
      ...(section.lead ? {lead: section.lead} : {}),
      ...(section.audience ? {audience: section.audience} : {}),
      items: section.items.map(jsonItem),
    })),
    ...(report.conclusion ? {conclusion: {text: prose(report.conclusion)}} : {}),
    footnotes: report.footnotes,
    boilerplate: report.boilerplate,
    ...(report.keyInsights ? {keyInsights: report.keyInsights} : {}),
    warnings: diagnostics
      .filter((diagnostic) => diagnostic.severity !== 'info')
      .map(({line, column, rule, message, severity}) => ({line, column, rule, message, severity})),
    left_out: (report.leftOut ?? []).map(({line, rule, reason, text}) => ({line, rule, reason, text})),
  }
}

function jsonItem(item: ReportItem): JsonItem {
  const plain = (nodes?: ReportItem['content']): string | undefined => (nodes ? toString({type: 'paragraph', children: nodes}).trim() : undefined)
  return {
    text: item.text,
    line: item.line,
    kind: item.kind,
    ...(item.headline ? {headline: plain(item.headline)} : {}),
    ...(item.detail ? {detail: plain(item.detail)} : {}),
    ...(item.prompt ? {prompt: plain(item.prompt)} : {}),
    ...(item.quote ? {quote: true} : {}),
    tags: item.tags,
    placement: item.placement,
    children: item.children.map(jsonItem),
  }
}
