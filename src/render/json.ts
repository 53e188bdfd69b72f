/**
 * The report as JSON (SPEC §5): meta, sections of items with their anonymised
 * text and source line, footnotes, and warnings.
 */
import {toString} from 'mdast-util-to-string'
import type {Diagnostic, Report, ReportItem} from '../types.js'

export interface JsonItem {
  text: string
  line: number
  headline?: string
  detail?: string
  quote?: boolean
  tags: string[]
  placement: ReportItem['placement']
  children: JsonItem[]
}

export interface JsonReport {
  meta: Report['meta']
  introduction: string[]
  chathamHouse: string
  sections: Array<{id: string; title: string; style: string; items: JsonItem[]}>
  footnotes: Report['footnotes']
  warnings: Array<Pick<Diagnostic, 'line' | 'column' | 'rule' | 'message' | 'severity'>>
}

export function reportToJson(report: Report, diagnostics: Diagnostic[] = []): JsonReport {
  return {
    meta: report.meta,
    introduction: report.introduction,
    chathamHouse: report.chathamHouse,
    sections: report.sections.map((section) => ({
      id: section.id,
      title: section.title,
      style: section.style,
      items: section.items.map(jsonItem),
    })),
    footnotes: report.footnotes,
    warnings: diagnostics
      .filter((diagnostic) => diagnostic.severity !== 'info')
      .map(({line, column, rule, message, severity}) => ({line, column, rule, message, severity})),
  }
}

function jsonItem(item: ReportItem): JsonItem {
  const plain = (nodes?: ReportItem['content']): string | undefined =>
    nodes ? toString({type: 'paragraph', children: nodes}) : undefined
  return {
    text: item.text,
    line: item.line,
    headline: plain(item.headline)?.trim(),
    detail: plain(item.detail)?.trim(),
    quote: item.quote || undefined,
    tags: item.tags,
    placement: item.placement,
    children: item.children.map(jsonItem),
  }
}
