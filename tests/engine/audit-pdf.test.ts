/**
 * The PDF audit scans a report's PDF with the auditor its compile made on the
 * same thread, and that is the auditor `createAuditor` would make afresh.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeEach, describe, expect, it, vi} from 'vitest'
import * as audit from '../../src/audit/index.js'

const made = vi.hoisted(() => ({count: 0}))
vi.mock('../../src/audit/index.js', async (original) => {
  const actual = await original<typeof import('../../src/audit/index.js')>()
  return {
    ...actual,
    createAuditor: (...args: Parameters<typeof actual.createAuditor>) => {
      made.count++
      return actual.createAuditor(...args)
    },
  }
})

const {auditorOf, auditorsKept} = await import('../../src/engine/audit-pdf.js')
const {compileInput} = await import('../../src/engine/compile.js')

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const example = path.join(root, 'examples/youth-voice-2023.md')

const context = (name = 'Priya Black') => ({
  roster: {people: [{name, org: 'Harbour Trust', aliases: []}], share: []},
  source: `---\ntitle: T\nattendees:\n  - ${name} (Harbour Trust)\n---\n\n## What works\n\n- ${name} said the drop-in works\n`,
  meta: {title: 'T', lang: 'en'},
  ordinary: [] as string[],
})

beforeEach(() => {
  made.count = 0
})

describe('the PDF audit’s auditor', () => {
  it('is the one the compile made, for the audit context copied to another thread', async () => {
    const outcome = await compileInput({input: {path: example, display: 'examples/youth-voice-2023.md', output: 'youth-voice-2023'}, options: {cwd: root, outputs: ['html']}} as Parameters<typeof compileInput>[0])
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics))
    expect(made.count).toBe(1)
    const copied = structuredClone(outcome.audit)
    auditorOf(copied)
    expect(made.count).toBe(1)
  })

  it('is another for another roster, notes, front matter or record of ordinary words', () => {
    const first = auditorOf(context())
    expect(auditorOf(structuredClone(context()))).toBe(first)
    expect(auditorOf(context('Dana Okafor'))).not.toBe(first)
    expect(auditorOf({...context(), source: `${context().source}- more\n`})).not.toBe(first)
    expect(auditorOf({...context(), meta: {title: 'T', lang: 'en', venue: 'Harbour Trust'}})).not.toBe(first)
    expect(auditorOf({...context(), ordinary: ['priya']})).not.toBe(first)
    expect(auditorOf({...context(), ordinary: undefined})).not.toBe(first)
  })

  it('finds what a fresh auditor finds, whatever it scanned before', () => {
    const text = 'Thanks to Priya Black and Harbour Trust for the room.\nPB will send the notes.'
    const reused = auditorOf(context())
    reused.scan('Money is tight. Priya said so.', 'html')
    reused.scan(text, 'md')
    const fresh = audit.createAuditor(context().roster, context().source, context().meta, context().ordinary)
    expect(reused.scan(text, 'pdf')).toEqual(fresh.scan(text, 'pdf'))
    expect(fresh.scan(text, 'pdf').length).toBeGreaterThan(0)
  })

  it('keeps only the last few', () => {
    const first = auditorOf(context('Ana Silva'))
    for (let index = 0; index < auditorsKept; index++) auditorOf(context(`Person Number${index}`))
    const count = made.count
    expect(auditorOf(context('Ana Silva'))).not.toBe(first)
    expect(made.count).toBe(count + 1)
  })
})
