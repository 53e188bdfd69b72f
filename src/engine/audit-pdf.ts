/**
 * The PDF half of the audit: read a printed PDF back and look for anyone on
 * the roster in its text. Kept apart from `compile.ts` so that a thread that
 * only audits PDFs does not load the whole pipeline.
 */
import {createAuditor, leakDiagnostics, pdfText, readerParagraphs} from '../audit/index.js'
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

/** Read a printed PDF back and audit its text; the leaks as diagnostics. */
export async function auditPdf(pdf: Uint8Array, context: AuditContext, display: string): Promise<Diagnostic[]> {
  const auditor = createAuditor(context.roster, context.source, context.meta, context.ordinary)
  const text = await pdfText(pdf)
  return leakDiagnostics(auditor.scan(context.blocks === undefined ? text : readerParagraphs(text, context.blocks), 'pdf'), display)
}
