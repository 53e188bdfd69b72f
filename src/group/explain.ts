/** `--explain`: where each note went, and why. */
import type {Placement, Report} from '../types.js'

export interface Explanation extends Placement {
  line: number
  column: number
  /** Title of the section it went to. */
  title: string
  /** The anonymised note, shortened. */
  text: string
}

export function explainPlacements(report: Report): Explanation[] {
  const entries: Explanation[] = []
  for (const section of report.sections) {
    for (const item of section.items) {
      const text = item.text.length > 60 ? `${item.text.slice(0, 59)}…` : item.text
      entries.push({...item.placement, line: item.line, column: item.column, title: section.title, text})
    }
  }
  return entries.sort((a, b) => a.line - b.line)
}

/** One line per note: `file:line:col  → Section  (rule: reason)  text`. */
export function formatExplanation(file: string, entry: Explanation): string {
  return `${file}:${entry.line}:${entry.column}  → ${entry.title}  (${entry.rule}: ${entry.reason})  ${entry.text}`
}
