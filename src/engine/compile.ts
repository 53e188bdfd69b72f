/**
 * Compile: one notes file → report model → HTML, markdown and JSON, audited.
 *
 * `compileInput` is the batch's unit of work. It runs in a worker thread
 * (`worker.ts`) or, for small builds, in the main thread; it takes and
 * returns plain data only, so it crosses threads as is. It never throws:
 * a failure is an outcome with diagnostics.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {htmlText, leakDiagnostics, type Leak} from '../audit/index.js'
import {diagnosticsOf, fromError} from '../diagnostics.js'
import {AuditError, ExchangeError, exitCodes, UsageError, type ExitCode} from '../errors.js'
import {explainPlacements, type Explanation} from '../group/explain.js'
import {assertBalanced} from '../group/ledger.js'
import {atFrontMatterKey} from '../parse/index.js'
import {brandDiagnostics, defaultBrandDir, loadBrand, type Brand} from '../render/brand.js'
import {renderHtml} from '../render/html.js'
import {reportToJson} from '../render/json.js'
import {reportToMarkdown} from '../render/markdown.js'
import {defaultThemeDir, loadTheme} from '../render/theme.js'
import {renderReview} from '../review/index.js'
import type {Diagnostic, Person, Redaction, Report} from '../types.js'
import {auditorOf, type AuditContext} from './audit-pdf.js'
export {auditPdf, type AuditContext} from './audit-pdf.js'
import {inlineImages} from './images.js'
import type {NotesInput} from './inputs.js'
import {processNotes, type ProcessOptions} from './pipeline.js'
import {readNotes} from './read.js'

export interface CompileOptions extends ProcessOptions {
  /** Brand folder; overrides the front matter `brand:`. */
  brand?: string
  /** Theme folder (`templates/default` by default). */
  theme?: string
  /** In strict mode, names the tool is unsure of are errors, not warnings. */
  strict?: boolean
  /**
   * The outputs to make and audit: `html` (what a PDF is printed from too),
   * `md`, `json`; all three unless said. One not made is an empty string.
   */
  outputs?: ReadonlyArray<'html' | 'md' | 'json' | 'docx'>
}

/** The files a report was made from, besides the notes (for the batch manifest). */
export interface Sources {
  /** The profile YAML. */
  profile: string
  /** The brand folder. */
  brand: string
  /** The theme folder. */
  theme: string
  /** Local images the notes point to, found or not. */
  images: string[]
}

export interface Compiled {
  report: Report
  html: string
  markdown: string
  json: string
  redactions: Redaction[]
  /** What the audit found in the HTML, markdown and JSON. */
  leaks: Leak[]
  /** The HTML's text as the audit read it (`htmlText`), its blocks one a line: the PDF audit joins its wrapped lines into them. */
  readerText: string
  sources: Sources
  /** The brand the report was rendered with (the Word copy takes its colours and fonts). */
  brand: Brand
}

/**
 * Notes → report model → HTML, markdown and JSON, audited. Reads the
 * profile, theme and brand it needs; writes nothing.
 */
export function compileReport(file: VFile, options: CompileOptions = {}): Compiled {
  const cwd = options.cwd ?? process.cwd()
  const {report, profile} = processNotes(file, options)
  const notesDir = path.resolve(cwd, file.dirname ?? '.')
  if (report.sections.length === 0 && !report.foreword && !report.conclusion) {
    throw new ExchangeError('Unexpected notes file with no notes in it', {
      file: file.path,
      rule: 'no-notes',
      hint: 'write the notes as bullets or paragraphs under headings (see examples/)',
    })
  }
  // Every block of the notes placed, merged or left out with a reason, before anything is written.
  assertBalanced(report.ledger, file.path)
  const images = inlineImages(report, file, notesDir)

  const brandDir = options.brand ? path.resolve(cwd, options.brand) : report.meta.brand ? path.resolve(notesDir, report.meta.brand) : defaultBrandDir
  const themeDir = options.theme ? path.resolve(cwd, options.theme) : defaultThemeDir
  const brand = options.brand || !report.meta.brand ? loadBrand(brandDir) : frontMatterBrand(file, brandDir)
  const theme = loadTheme(themeDir)
  // The brand's colour pairs below WCAG AA: warnings at the colour's line in brand.yaml.
  for (const problem of brandDiagnostics(brand)) {
    const message = file.message(problem.message, {place: {line: problem.line, column: problem.column}, ruleId: problem.rule, source: 'exchange'})
    message.file = problem.file ?? message.file
  }

  // Only what is written is made and audited: a batch of PDFs need not write, nor read back, markdown.
  const outputs = new Set(options.outputs ?? ['html', 'md', 'json'])
  const html = outputs.has('html') ? renderHtml(report, {theme, brand}) : ''
  const markdown = outputs.has('md') ? reportToMarkdown(report) : ''
  const json = outputs.has('json') ? `${JSON.stringify(reportToJson(report, diagnosticsOf(file)), null, 2)}\n` : ''

  // Made once a thread: the PDF printed from this HTML, read back on this thread, is scanned by the same auditor.
  const auditor = auditorOf(auditContext(file))
  // The report's HTML is audited even when only markdown or JSON is written: it holds every word a reader could get.
  const audited = html || renderHtml(report, {theme, brand})
  const readerText = htmlText(audited)
  const leaks = [...auditor.scan(readerText, 'html'), ...(markdown ? auditor.scan(markdown, 'md') : []), ...(json ? auditor.scan(json, 'json') : [])]
  return {
    report,
    html,
    markdown,
    json,
    redactions: file.data.redactions ?? [],
    leaks,
    readerText,
    sources: {profile: profile.path, brand: brandDir, theme: themeDir, images},
    brand,
  }
}

/** What the audit of a compiled file's outputs is made from: its roster, notes, front matter and the ordinary uses of roster words the anonymiser recorded. */
function auditContext(file: VFile): AuditContext {
  return {roster: file.data.roster ?? {people: [], share: []}, source: String(file.value), ...(file.data.meta ? {meta: file.data.meta} : {}), ordinary: file.data.ordinary ?? []}
}

/**
 * The brand the front matter names (`brand: ours/`, from the notes' folder).
 * When it is missing or invalid, the error points at the `brand:` line of
 * the notes, where the fix goes; an error inside its brand.yaml still names
 * that file and line.
 */
function frontMatterBrand(file: VFile, brandDir: string) {
  try {
    return loadBrand(brandDir)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    // About the folder itself (no brand.yaml in it): the message names it already, and --brand is not what was used.
    const aboutFolder = error.file === brandDir && error.line === undefined
    const named = aboutFolder
      ? new UsageError(error.message, {rule: error.rule, hint: 'correct the `brand:` path in the front matter (it is read from the notes’ folder) to a folder with a brand.yaml, or give --brand', cause: error})
      : error
    throw atFrontMatterKey(file, 'brand', named)
  }
}

export interface CompileJob {
  input: NotesInput
  options: CompileOptions & {
    cwd: string
    /** People from the `--attendees` file, parsed once per batch. */
    attendees?: Person[]
    /** Also render the confidential review page. */
    review?: boolean
    /** Keep where each note went (`--explain`). */
    explain?: boolean
  }
}

export type CompileOutcome =
  | {
      ok: true
      html: string
      markdown: string
      json: string
      /** The Word copy, when asked for (`outputs` has `docx`), audited like the others. */
      docx?: Uint8Array
      review?: string
      diagnostics: Diagnostic[]
      redactions: number
      placements?: Explanation[]
      sources: Sources
      audit: AuditContext
    }
  | {
      ok: false
      diagnostics: Diagnostic[]
      redactions: number
      exitCode: ExitCode
    }

/** Read, compile and audit one notes file. Never throws. */
export async function compileInput(job: CompileJob): Promise<CompileOutcome> {
  const {input, options} = job
  let file: VFile | undefined
  const failed = (extra: Diagnostic[], exitCode: ExitCode): CompileOutcome => ({
    ok: false,
    diagnostics: [...(file ? diagnosticsOf(file) : []), ...extra],
    redactions: file?.data.redactions?.length ?? 0,
    exitCode,
  })
  try {
    file = readNotes(input.path, input.display)
    const compiled = compileReport(file, options)
    // The Word copy from the same report, its text read back from the file and audited before anything is written.
    // The docx library is loaded only for a build that writes one.
    const word = options.outputs?.includes('docx') ? await import('../render/docx.js') : undefined
    const docx = word ? await word.reportToDocx(compiled.report, {brand: compiled.brand}) : undefined
    if (word && docx) compiled.leaks.push(...auditorOf(auditContext(file)).scan(word.docxText(docx), 'docx'))
    const diagnostics = diagnosticsOf(file)
    const unresolved = options.strict ? diagnostics.filter((diagnostic) => diagnostic.rule === 'unrostered-name') : []
    if (compiled.leaks.length > 0 || unresolved.length > 0) {
      // In strict mode a name the tool is unsure of is an error: the warning becomes one, in place.
      return {
        ok: false,
        diagnostics: [...diagnostics.map((diagnostic) => (unresolved.includes(diagnostic) ? {...diagnostic, severity: 'error' as const} : diagnostic)), ...leakDiagnostics(compiled.leaks, input.display)],
        redactions: compiled.redactions.length,
        exitCode: exitCodes.audit,
      }
    }
    const review = options.review
      ? renderReview({file: input.display, title: compiled.report.meta.title, source: String(file.value), redactions: compiled.redactions, diagnostics, leftOut: compiled.report.leftOut})
      : undefined
    return {
      ok: true,
      html: compiled.html,
      markdown: compiled.markdown,
      json: compiled.json,
      ...(docx ? {docx} : {}),
      ...(review === undefined ? {} : {review}),
      diagnostics,
      redactions: compiled.redactions.length,
      ...(options.explain ? {placements: explainPlacements(compiled.report)} : {}),
      sources: compiled.sources,
      audit: {...auditContext(file), blocks: compiled.readerText},
    }
  } catch (error) {
    return failed([fromError(error, input.display)], error instanceof AuditError ? exitCodes.audit : exitCodes.failed)
  }
}
