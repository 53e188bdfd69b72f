/** `--explain`: where each note went, and why — and which notes were left out. */
import type {Placement, Report} from '../types.js'

export interface Explanation {
  line: number
  column: number
  /** Id of the section the note went to; absent for a note left out. */
  section?: string
  /** Title of the section it went to, or `left out`. */
  title: string
  /** The placement rule (`hashtag`, `heading`, `keyword`, `key`, …) or why it was left out (`logistics`, …). */
  rule: Placement['rule'] | string
  reason: string
  score?: number
  /** The anonymised note, shortened. */
  text: string
}

/** Every note of the report and every note left out, in source order. */
export function explainPlacements(report: Report): Explanation[] {
  const entries: Explanation[] = []
  for (const section of report.sections) {
    for (const item of section.items) {
      const {section: id, rule, reason, score} = item.placement
      entries.push({line: item.line, column: item.column, section: id, title: section.title, rule, reason, ...(score === undefined ? {} : {score}), text: shorten(item.text)})
    }
  }
  // Blocks merged into another note or left out, from the ledger (every one of them, nested ones too).
  for (const entry of report.ledger?.entries ?? []) {
    const {outcome} = entry
    if (outcome.state === 'placed') continue
    entries.push({line: entry.line, column: entry.column, title: outcome.state === 'merged' ? (outcome.into === undefined ? 'merged' : `merged into line ${outcome.into}`) : 'left out', rule: outcome.rule, reason: outcome.reason, text: shorten(outcome.text)})
  }
  if (!report.ledger) {
    for (const note of report.omitted) entries.push({line: note.line, column: note.column, title: 'left out', rule: note.rule, reason: note.reason, text: shorten(note.text)})
  }
  // Stable: a note repeated in Key insights follows its own entry.
  return entries.sort((a, b) => a.line - b.line || a.column - b.column)
}

/** One line per note: `file:line:col  → Section  (rule: reason)  text`. */
export function formatExplanation(file: string, entry: Explanation): string {
  return `${file}:${entry.line}:${entry.column}  → ${entry.title}  (${entry.rule}: ${entry.reason})  ${entry.text}`
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}
