/**
 * Build: notes files in, reports out. One file or hundreds: a batch shares
 * one browser, renders with bounded concurrency and isolates failures.
 * Every report is audited on its final HTML, markdown and PDF text before
 * anything is written, and written atomically.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Browser} from 'puppeteer'
import type {VFile} from 'vfile'
import {AuditError, ExchangeError, exitCodes, UsageError, type ExitCode} from '../errors.js'
import {createAuditor, htmlText, leakDiagnostics, pdfText, preloadPdfReader, type Leak} from '../audit/index.js'
import {diagnosticsOf, fromError} from '../diagnostics.js'
import {parseAttendeesFile} from '../parse/roster.js'
import {defaultBrandDir, loadBrand} from '../render/brand.js'
import {renderHtml} from '../render/html.js'
import {reportToJson} from '../render/json.js'
import {reportToMarkdown} from '../render/markdown.js'
import {defaultThemeDir, loadTheme} from '../render/theme.js'
import {launchBrowser} from '../print/browser.js'
import {printPdf} from '../print/pdf.js'
import type {Diagnostic, Person, Redaction, Report} from '../types.js'
import {explainPlacements, type Explanation} from '../group/explain.js'
import {renderReview} from '../review/index.js'
import {writeAllAtomic} from './atomic.js'
import {inlineImages} from './images.js'
import {expandInputs, type NotesInput} from './inputs.js'
import {processNotes, type ProcessOptions} from './pipeline.js'
import {readNotes} from './read.js'

export type Format = 'html' | 'pdf' | 'md' | 'json'
export const allFormats: readonly Format[] = ['html', 'pdf', 'md', 'json']
export const defaultFormats: readonly Format[] = ['html', 'pdf']

export interface CompileOptions extends ProcessOptions {
  /** Brand folder; overrides the front matter `brand:`. */
  brand?: string
  /** Theme folder (`templates/default` by default). */
  theme?: string
  /** In strict mode, names the tool is unsure of are errors, not warnings. */
  strict?: boolean
}

export interface Compiled {
  report: Report
  html: string
  markdown: string
  json: string
  redactions: Redaction[]
  /** What the audit found in the HTML, markdown and JSON. */
  leaks: Leak[]
}

/**
 * Notes → report model → HTML, markdown and JSON, audited. Reads the
 * profile, theme and brand it needs; writes nothing.
 */
export function compileReport(file: VFile, options: CompileOptions = {}): Compiled {
  const cwd = options.cwd ?? process.cwd()
  const {report} = processNotes(file, options)
  const notesDir = path.resolve(cwd, file.dirname ?? '.')
  if (report.sections.length === 0 && !report.foreword && !report.conclusion) {
    throw new ExchangeError('Unexpected notes file with no notes in it', {
      file: file.path,
      rule: 'no-notes',
      hint: 'write the notes as bullets or paragraphs under headings (see examples/)',
    })
  }
  inlineImages(report, file, notesDir)

  const brandDir = options.brand ? path.resolve(cwd, options.brand) : report.meta.brand ? path.resolve(notesDir, report.meta.brand) : defaultBrandDir
  const brand = loadBrand(brandDir)
  const theme = loadTheme(options.theme ? path.resolve(cwd, options.theme) : defaultThemeDir)

  const html = renderHtml(report, {theme, brand})
  const markdown = reportToMarkdown(report)
  const json = `${JSON.stringify(reportToJson(report, diagnosticsOf(file)), null, 2)}\n`

  const auditor = createAuditor(file.data.roster ?? {people: [], share: []}, String(file.value), file.data.meta)
  const leaks = [...auditor.scan(htmlText(html), 'html'), ...auditor.scan(markdown, 'md'), ...auditor.scan(json, 'json')]
  return {report, html, markdown, json, redactions: file.data.redactions ?? [], leaks}
}

export interface BuildOptions extends CompileOptions {
  /** Output folder, `out` by default. */
  outDir?: string
  formats?: readonly Format[]
  /** An `--attendees` file (CSV or YAML), read once for the whole batch. */
  attendeesFile?: string
  /** How many reports render at once. Defaults to the number of CPU cores. */
  concurrency?: number
  /** Milliseconds before printing one report is given up. */
  timeout?: number
  /** A browser to print with; the build does not close it. Otherwise one is launched when needed. */
  browser?: Browser
  /** Keep where each note went and why on each result (`--explain`). */
  explain?: boolean
  /**
   * Also write the facilitator's confidential review page, `NAME.review.html`,
   * into this folder (mirroring the inputs like `outDir`). It shows the names
   * the report hides, so it goes to its own folder, never `outDir` unless given.
   */
  reviewDir?: string
  /** Called as each file finishes, for progress. */
  onFile?: (result: FileResult) => void
}

export type {Explanation}

export interface FileResult {
  input: string
  status: 'built' | 'failed'
  outputs: string[]
  diagnostics: Diagnostic[]
  redactions: number
  ms: number
  exitCode: ExitCode
  placements?: Explanation[]
}

export interface BuildSummary {
  files: FileResult[]
  built: number
  failed: number
  warnings: number
  ms: number
  exitCode: ExitCode
}

/** Build one notes file (a convenience over `build`). */
export async function buildReport(notes: string, options: BuildOptions = {}): Promise<FileResult> {
  const summary = await build([notes], options)
  return summary.files[0]!
}

/** Build every notes file the patterns name, sharing one browser. */
export async function build(patterns: string[], options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now()
  const cwd = options.cwd ?? process.cwd()
  const formats = options.formats ?? defaultFormats
  const outDir = path.resolve(cwd, options.outDir ?? 'out')
  const inputs = await expandInputs(patterns, cwd)
  refuseOverwritingInputs(inputs, outDir, formats)
  const attendees = options.attendeesFile ? readAttendees(options.attendeesFile, cwd) : undefined

  const browsers = browserPool(options)
  if (formats.includes('pdf')) {
    // Start the browser and the PDF reader now, while the first reports compile.
    browsers.get().catch(() => {})
    preloadPdfReader()
  }
  const files: FileResult[] = new Array(inputs.length)
  const concurrency = Math.max(1, Math.min(options.concurrency ?? os.availableParallelism(), inputs.length))
  let next = 0
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++
      files[index] = await buildFile(inputs[index]!, {...options, cwd, formats, outDir, attendees}, browsers.get)
      options.onFile?.(files[index]!)
    }
  }
  try {
    await Promise.all(Array.from({length: concurrency}, worker))
  } finally {
    await browsers.close()
  }

  const failed = files.filter((file) => file.status === 'failed')
  const exitCode = failed.some((file) => file.exitCode === exitCodes.audit) ? exitCodes.audit : failed.length > 0 ? exitCodes.failed : exitCodes.ok
  return {
    files,
    built: files.length - failed.length,
    failed: failed.length,
    warnings: files.reduce((count, file) => count + file.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length, 0),
    ms: Math.round(performance.now() - started),
    exitCode,
  }
}

interface FileOptions extends BuildOptions {
  cwd: string
  formats: readonly Format[]
  outDir: string
  attendees?: Person[]
}

async function buildFile(input: NotesInput, options: FileOptions, getBrowser: () => Promise<Browser>): Promise<FileResult> {
  const started = performance.now()
  let file: VFile | undefined
  const result = (status: FileResult['status'], outputs: string[], extra: Diagnostic[] = [], exitCode: ExitCode = exitCodes.ok): FileResult => ({
    input: input.display,
    status,
    outputs,
    diagnostics: [...(file ? diagnosticsOf(file) : []), ...extra],
    redactions: file?.data.redactions?.length ?? 0,
    ms: Math.round(performance.now() - started),
    exitCode,
  })
  const target = (format: Format) => path.join(options.outDir, `${input.output}.${format}`)
  const written: string[] = []

  try {
    file = readNotes(input.path, input.display)
    const compiled = compileReport(file, {...options, attendees: options.attendees})
    const leaks = [...compiled.leaks]
    const unresolved = options.strict ? diagnosticsOf(file).filter((diagnostic) => diagnostic.rule === 'unrostered-name') : []

    const outputs: Array<{path: string; data: string | Uint8Array}> = []
    if (options.formats.includes('html')) outputs.push({path: target('html'), data: compiled.html})
    if (options.formats.includes('md')) outputs.push({path: target('md'), data: compiled.markdown})
    if (options.formats.includes('json')) outputs.push({path: target('json'), data: compiled.json})

    let pdfError: unknown
    if (options.formats.includes('pdf') && leaks.length === 0 && unresolved.length === 0) {
      try {
        const pdf = await printPdf(compiled.html, await getBrowser(), {timeout: options.timeout})
        const auditor = createAuditor(file.data.roster ?? {people: [], share: []}, String(file.value), file.data.meta)
        leaks.push(...auditor.scan(await pdfText(pdf), 'pdf'))
        outputs.push({path: target('pdf'), data: pdf})
      } catch (error) {
        pdfError = error
      }
    }

    if (leaks.length > 0 || unresolved.length > 0) {
      const extra = [...leakDiagnostics(leaks, input.display), ...unresolved.map((diagnostic) => ({...diagnostic, severity: 'error' as const}))]
      return result('failed', [], extra, exitCodes.audit)
    }

    if (options.reviewDir) {
      const review = renderReview({
        file: input.display,
        title: compiled.report.meta.title,
        source: String(file.value),
        redactions: compiled.redactions,
        diagnostics: diagnosticsOf(file),
      })
      outputs.push({path: path.join(path.resolve(options.cwd, options.reviewDir), `${input.output}.review.html`), data: review})
    }
    await writeAllAtomic(outputs)
    written.push(...outputs.map((output) => output.path))
    const done = pdfError ? result('failed', written, [fromError(pdfError, input.display)], exitCodes.failed) : result('built', written)
    if (options.explain) done.placements = explainPlacements(compiled.report)
    return done
  } catch (error) {
    const exitCode = error instanceof AuditError ? exitCodes.audit : exitCodes.failed
    return result('failed', written, [fromError(error, input.display)], exitCode)
  }
}

function readAttendees(file: string, cwd: string): Person[] {
  const absolute = path.resolve(cwd, file)
  let text: string
  try {
    text = fs.readFileSync(absolute, 'utf8')
  } catch {
    throw new UsageError(`Cannot read attendees file \`${file}\``, {file, rule: 'attendees', hint: 'check the path of the sign-in sheet (CSV with a `name` column, or YAML)'})
  }
  return parseAttendeesFile(text, file)
}

/** An output that would land on an input would destroy the notes: refuse before anything runs. */
function refuseOverwritingInputs(inputs: NotesInput[], outDir: string, formats: readonly Format[]): void {
  const sources = new Set(inputs.map((input) => input.path))
  for (const input of inputs) {
    for (const format of formats) {
      const target = path.join(outDir, `${input.output}.${format}`)
      if (sources.has(target)) {
        throw new UsageError(`Refusing to write \`${format}\` output over the notes file \`${input.display}\``, {
          file: input.display,
          rule: 'output',
          hint: 'choose another output folder with -o',
        })
      }
    }
  }
}

/** One browser per run, launched on first use; a launch failure is remembered, not retried per file. */
function browserPool(options: BuildOptions) {
  let launched: Promise<Browser> | undefined
  return {
    get(): Promise<Browser> {
      if (options.browser) return Promise.resolve(options.browser)
      launched ??= launchBrowser({timeout: options.timeout})
      return launched
    },
    async close(): Promise<void> {
      if (!launched) return
      const browser = await launched.catch(() => undefined)
      await browser?.close().catch(() => {})
    },
  }
}
