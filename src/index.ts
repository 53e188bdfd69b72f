/**
 * exchange: raw workshop notes → an anonymised, branded insights report.
 *
 * The pipeline is parse → anonymise → group → render → print; each stage is
 * exported on its own, and `build` / `buildReport` run them all.
 */
export {build, buildReport, compileReport, allFormats, defaultFormats} from './engine/index.js'
export type {BuildOptions, BuildSummary, CompileOptions, Compiled, FileResult, Format} from './engine/index.js'
export {processNotes} from './engine/pipeline.js'
export type {ProcessOptions, Processed} from './engine/pipeline.js'
export {readNotes} from './engine/read.js'
export {check} from './check.js'
export type {CheckOptions, CheckResult, CheckSummary} from './check.js'

// parse
export {parseNotes, notesParser, remarkNotesFrontMatter, remarkHashtags, splitHashtags, parseAttendeesFile} from './parse/index.js'
// anonymise
export {default as remarkChathamHouse} from './anonymise/index.js'
export type {ChathamHouseOptions} from './anonymise/index.js'
export {compileRoster} from './anonymise/matcher.js'
export {nameForms} from './anonymise/forms.js'
// group
export {default as remarkGroup, groupNotes} from './group/index.js'
export {loadProfile, parseProfile, shippedProfiles} from './group/profile.js'
export type {Profile, ProfileSection} from './group/profile.js'
// render
export {renderHtml, htmlView} from './render/html.js'
export {reportToMarkdown} from './render/markdown.js'
export {reportToJson} from './render/json.js'
export type {JsonReport} from './render/json.js'
export {loadBrand} from './render/brand.js'
export type {Brand} from './render/brand.js'
export {loadTheme} from './render/theme.js'
export type {Theme} from './render/theme.js'
// print
export {printPdf} from './print/pdf.js'
export type {PrintOptions} from './print/pdf.js'
export {findChromium, launchBrowser} from './print/browser.js'
// audit
export {createAuditor, htmlText, pdfText} from './audit/index.js'
export type {Leak} from './audit/index.js'

export {ExchangeError, UsageError, AuditError, exitCodes} from './errors.js'
export {formatDiagnostic} from './diagnostics.js'
export {version} from './version.js'
export type * from './types.js'
