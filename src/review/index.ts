/**
 * The facilitator's review page: every redaction shown in place, original →
 * replacement with the rule that fired, and the warnings. It holds the names
 * the report hides, so it is marked confidential and never written into the
 * public output folder unless the user asks for that folder.
 */
import type {Diagnostic, Redaction} from '../types.js'

export interface ReviewInput {
  /** Path of the notes file, as shown to the user. */
  file: string
  title: string
  /** The notes as written. */
  source: string
  redactions: Redaction[]
  diagnostics: Diagnostic[]
}

const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

export function renderReview(input: ReviewInput): string {
  const rows = input.redactions
    .map((redaction) => `<tr><td>${redaction.line ?? ''}</td><td><del>${escape(redaction.original)}</del></td><td>${escape(redaction.replacement) || '<em>removed</em>'}</td><td><code>${escape(redaction.rule)}</code></td></tr>`)
    .join('\n')
  const warnings = input.diagnostics
    .filter((diagnostic) => diagnostic.severity !== 'info')
    .map((diagnostic) => `<li>line ${diagnostic.line}: ${escape(diagnostic.message)} <code>${escape(diagnostic.rule)}</code></li>`)
    .join('\n')
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>CONFIDENTIAL review: ${escape(input.title)}</title></head>
<body><p><strong>CONFIDENTIAL — for the facilitator only. This page shows the names the report hides: do not publish or share it.</strong></p>
<h1>Review: ${escape(input.title)}</h1><p>${escape(input.file)}</p>
<h2>Redactions</h2><table><thead><tr><th>Line</th><th>Original</th><th>Replacement</th><th>Rule</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Warnings</h2><ul>
${warnings}
</ul></body></html>
`
}
