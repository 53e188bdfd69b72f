/**
 * The facilitator's review page: the notes as written, with every redaction
 * shown in place (the original struck through, then what replaced it, the
 * rule on hover), and the warnings to check first — people not on the
 * roster at the top. One look tells whether the report can go out.
 *
 * It holds the names the report hides, so it is marked confidential, asks
 * not to be indexed, and is self-contained: inline CSS, no scripts, a
 * Content-Security-Policy that allows nothing else. It is never written
 * into the public output folder unless the user asks for that folder.
 */
import type {Diagnostic, LeftOut, Redaction} from '../types.js'

export interface ReviewInput {
  /** Path of the notes file, as shown to the user. */
  file: string
  title: string
  /** The notes as written. */
  source: string
  redactions: Redaction[]
  diagnostics: Diagnostic[]
  /** Blocks of the notes the report leaves out, with why (`report.leftOut`). */
  leftOut?: LeftOut[]
}

/** What each rule does, for the hover text and the legend. */
export const ruleDescriptions: Record<string, string> = {
  attribution: 'a speaker label or attribution, removed',
  'roster-name': 'an attendee named, replaced',
  organisation: "an attendee's organisation named, replaced",
  email: 'an email address, removed',
  phone: 'a phone number, removed',
  handle: 'a social handle, removed',
  'profile-url': 'a link to a personal profile, removed',
  'unrostered-name': 'someone not on the roster, replaced',
  'html-comment': 'an HTML comment, dropped',
}

const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

interface Mark {
  column: number
  length: number
  redaction: Redaction
}

function describeRule(rule: string): string {
  return `${rule}: ${ruleDescriptions[rule] ?? 'redacted'}`
}

function markHtml(redaction: Redaction, original: string): string {
  const replacement = redaction.replacement === '' ? '<span class="gone">removed</span>' : `<ins>${escape(redaction.replacement)}</ins>`
  return `<span class="redaction ${escape(redaction.rule)}" title="${escape(describeRule(redaction.rule))}"><del>${escape(original)}</del>${replacement}</span>`
}

/** Place each redaction on its line: at its column when the text is there, else where the line has it. */
function marksByLine(lines: string[], redactions: Redaction[]): {marks: Map<number, Mark[]>; unplaced: Redaction[]} {
  const marks = new Map<number, Mark[]>()
  const unplaced: Redaction[] = []
  for (const redaction of redactions) {
    const text = redaction.line ? lines[redaction.line - 1] : undefined
    const original = redaction.original.split('\n')[0]!
    if (text === undefined || original === '') {
      unplaced.push(redaction)
      continue
    }
    let column = (redaction.column ?? 1) - 1
    if (text.slice(column, column + original.length) !== original) column = text.indexOf(original)
    if (column < 0) {
      unplaced.push(redaction)
      continue
    }
    const list = marks.get(redaction.line!) ?? []
    // Two redactions over the same text (a label and the name in it): keep the wider one.
    if (list.some((mark) => column < mark.column + mark.length && mark.column < column + original.length)) continue
    list.push({column, length: original.length, redaction})
    marks.set(redaction.line!, list)
  }
  return {marks, unplaced}
}

function renderLine(text: string, marks: Mark[] | undefined): string {
  if (!marks || marks.length === 0) return escape(text)
  let html = ''
  let cursor = 0
  for (const mark of [...marks].sort((a, b) => a.column - b.column)) {
    html += escape(text.slice(cursor, mark.column)) + markHtml(mark.redaction, text.slice(mark.column, mark.column + mark.length))
    cursor = mark.column + mark.length
  }
  return html + escape(text.slice(cursor))
}

/** Lines a multi-line redaction (an HTML comment) covers after its first. */
function continuationLines(redactions: Redaction[]): Map<number, Redaction> {
  const covered = new Map<number, Redaction>()
  for (const redaction of redactions) {
    if (!redaction.line || !redaction.original.includes('\n')) continue
    const count = redaction.original.split('\n').length
    for (let offset = 1; offset < count; offset++) covered.set(redaction.line + offset, redaction)
  }
  return covered
}

export function renderReview(input: ReviewInput): string {
  const lines = input.source.split('\n')
  const {marks, unplaced} = marksByLine(lines, input.redactions)
  const covered = continuationLines(input.redactions)
  const warnings = input.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
  const people = warnings.filter((diagnostic) => diagnostic.rule === 'unrostered-name')
  const others = warnings.filter((diagnostic) => diagnostic.rule !== 'unrostered-name')
  const counts = new Map<string, number>()
  for (const redaction of input.redactions) counts.set(redaction.rule, (counts.get(redaction.rule) ?? 0) + 1)

  const warningItem = (diagnostic: Diagnostic) => {
    const line = lines[diagnostic.line - 1]
    const excerpt = line === undefined ? '' : `<br><code>${escape(line.trim())}</code>`
    return `<li class="${diagnostic.severity}"><a href="#L${diagnostic.line}">line ${diagnostic.line}</a> ${escape(diagnostic.message)} <code class="rule">${escape(diagnostic.rule)}</code>${excerpt}</li>`
  }
  const leftLines = new Set((input.leftOut ?? []).map((entry) => entry.line))
  const body = lines
    .map((text, index) => {
      const number = index + 1
      const inComment = covered.get(number)
      const content = inComment ? `<span class="redaction ${escape(inComment.rule)}" title="${escape(describeRule(inComment.rule))}"><del>${escape(text)}</del></span>` : renderLine(text, marks.get(number))
      const flagged = people.some((diagnostic) => diagnostic.line === number) ? ' flagged' : ''
      const left = leftLines.has(number) ? ' left' : ''
      return `<tr id="L${number}" class="line${marks.has(number) || inComment ? ' changed' : ''}${flagged}${left}"><th>${number}</th><td>${content || ' '}</td></tr>`
    })
    .join('\n')
  const summary = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([rule, count]) => `<li><span class="redaction ${escape(rule)}" title="${escape(describeRule(rule))}"><code>${escape(rule)}</code></span> ${count} — ${escape(ruleDescriptions[rule] ?? 'redacted')}</li>`)
    .join('\n')
  const leftOut = input.leftOut ?? []
  const leftOutList = leftOut.length
    ? `<h2>Left out of the report (${leftOut.length})</h2><p>Each block of the notes the report does not carry, and why: check none of them should be in it.</p><ol class="left-out">${leftOut
        .map((entry) => `<li><a href="#L${entry.line}">line ${entry.line}</a> ${escape(entry.reason)} <code class="rule">${escape(entry.rule)}</code><br><code>${escape((lines[entry.line - 1] ?? '').trim())}</code></li>`)
        .join('\n')}</ol>`
    : '<h2>Left out of the report</h2><p>Nothing: every block of the notes is in the report.</p>'
  const elsewhere = unplaced.length
    ? `<h2>Also redacted (front matter and text not found on its line)</h2><ul>${unplaced.map((redaction) => `<li>${redaction.line ? `<a href="#L${redaction.line}">line ${redaction.line}</a> ` : ''}${markHtml(redaction, redaction.original)}</li>`).join('\n')}</ul>`
    : ''

  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CONFIDENTIAL review: ${escape(input.title)}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 0 1.5rem 4rem; color: #1a1a1a; }
.confidential { background: #8b0000; color: #fff; padding: .8rem 1rem; margin: 0 -1.5rem 1.5rem; font-weight: 700; letter-spacing: .03em; }
h1 { font-size: 1.5rem; margin: .5rem 0 0; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.file { color: #555; margin-top: .2rem; }
.warnings li { margin: .4rem 0; } .warnings li.error { color: #8b0000; } code.rule { color: #555; font-size: .85em; }
.legend { columns: 2; padding-left: 1.2rem; }
table.notes { border-collapse: collapse; width: 100%; font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
table.notes th { color: #999; font-weight: 400; text-align: right; padding: 0 .8rem 0 0; vertical-align: top; user-select: none; width: 3rem; }
table.notes td { white-space: pre-wrap; word-break: break-word; padding: 0; }
tr.changed td { background: #fffbe6; } tr.left td { color: #666; text-decoration: line-through dotted; } tr.flagged td { background: #ffe9e6; } tr:target td { outline: 2px solid #1f4e9c; }
.redaction del { color: #8b0000; background: #fde2e2; text-decoration: line-through; }
.redaction ins { color: #0b5d1e; background: #dff5e3; text-decoration: none; margin-left: .15em; }
.redaction .gone { color: #666; font-style: italic; font-size: .85em; margin-left: .15em; }
.redaction[title] { cursor: help; border-bottom: 1px dotted #999; }
</style></head>
<body>
<p class="confidential">CONFIDENTIAL — for the facilitator only. This page shows the names the report hides: do not publish, share or commit it.</p>
<h1>Review: ${escape(input.title)}</h1>
<p class="file">${escape(input.file)} · ${input.redactions.length} redactions · ${people.length} ${people.length === 1 ? 'person' : 'people'} not on the roster · ${others.length} other warnings</p>
<h2>Check first</h2>
${
  warnings.length
    ? `<ol class="warnings">${[...people, ...others].map(warningItem).join('\n')}</ol>`
    : '<p>No warnings: every name found was on the roster.</p>'
}
${leftOutList}
<h2>Redactions by rule</h2>
<ul class="legend">
${summary}
</ul>
${elsewhere}
<h2>The notes, with each redaction in place</h2>
<p>Struck through: what the report leaves out; green: what it says instead. Hover a redaction for the rule that made it.</p>
<table class="notes"><tbody>
${body}
</tbody></table>
</body></html>
`
}
