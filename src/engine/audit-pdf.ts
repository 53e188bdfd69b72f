/**
 * The PDF half of the audit: read a printed PDF back and look for anyone on
 * the roster in its text. Kept apart from `compile.ts` so that a thread that
 * only audits PDFs does not load the whole pipeline.
 */
import {createAuditor, leakDiagnostics, pdfText, readerParagraphs, type Auditor} from '../audit/index.js'
import type {Diagnostic, NotesMeta, Roster} from '../types.js'

/** What the PDF audit needs: the roster and the notes, as plain data. */
export interface AuditContext {
  roster: Roster
  source: string
  meta?: NotesMeta
  /** Ordinary uses of roster words the anonymiser recorded (`file.data.ordinary`), for the paranoid check. */
  ordinary?: string[]
  /**
   * The report's HTML as the audit read it (`htmlText`: its blocks, one a line), from which the PDF was printed:
   * the PDF's wrapped lines are joined back into those blocks before any position rule reads them.
   */
  blocks?: string
}

/**
 * The auditors this thread made last, by everything they are made from. A
 * report's PDF is read back after its compile audited the HTML, usually in
 * the same thread: the PDF is scanned by that same auditor (its `scan` keeps
 * nothing between calls) instead of compiling the roster, the notes'
 * abbreviations and the paranoid check's tables a second time. A few only
 * (about 50 KiB each): a compile whose PDF is never printed, or printed on
 * another thread, leaves its auditor to be pushed out. In a 50-PDF batch
 * with one worker, each PDF found its auditor 0–2 places from the newest.
 */
const recent: Array<{key: string; auditor: Auditor}> = []
export const auditorsKept = 8

/** The auditor of this roster and these notes: made once a thread while recent, as `createAuditor` makes it. */
export function auditorOf(context: Omit<AuditContext, 'blocks'>): Auditor {
  // Plain data (JSON), so a context copied between threads has the key of the one it was copied from.
  const key = `${JSON.stringify([context.roster, context.meta ?? null, context.ordinary ?? null])}\u0000${context.source}`
  const at = recent.findIndex((entry) => entry.key === key)
  if (at !== -1) return recent[at]!.auditor
  const auditor = createAuditor(context.roster, context.source, context.meta, context.ordinary)
  recent.push({key, auditor})
  if (recent.length > auditorsKept) recent.shift()
  return auditor
}

/** Read a printed PDF back and audit its text; the leaks as diagnostics. */
export async function auditPdf(pdf: Uint8Array, context: AuditContext, display: string): Promise<Diagnostic[]> {
  const auditor = auditorOf(context)
  const text = await pdfText(pdf)
  return leakDiagnostics(auditor.scan(context.blocks === undefined ? text : readerParagraphs(text, context.blocks), 'pdf'), display)
}
