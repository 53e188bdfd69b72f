/**
 * The rewriter switched off (the anonymise plugin replaced by one that changes nothing and records no
 * ordinary use): `check` runs the real pipeline and audit over the issue's lines and real notes, and
 * refuses each leak class with exit 3 — the audit does not depend on the finder having found them.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {check} from '../../src/check.js'
import {exitCodes} from '../../src/errors.js'
import {tempDir} from '../helpers.js'
import {issueFront, leaks} from '../anonymise/issue-15-cases.js'

vi.mock('../../src/anonymise/index.js', async (original) => {
  const actual = await original<typeof import('../../src/anonymise/index.js')>()
  // The rewriter is off: the notes reach the report as written.
  return {...actual, default: () => () => undefined}
})

const corpus = fs.existsSync(path.resolve(import.meta.dirname, '../../../shared/corpus')) ? path.resolve(import.meta.dirname, '../../../shared/corpus') : '/work/shared/corpus'

describe('check with the rewriter switched off', () => {
  it.each(leaks)('refuses %j with exit 3', async (line) => {
    const dir = tempDir({'notes.md': `${issueFront}\n## Barriers\n\n${line} #challenge\n\n- residents want to be asked earlier #challenge\n`})
    const {exitCode, files} = await check(['notes.md'], {cwd: dir})
    expect(exitCode).toBe(exitCodes.audit)
    const audit = files[0]!.diagnostics.filter((diagnostic) => diagnostic.rule === 'audit')
    expect(audit.length).toBeGreaterThan(0)
  })

  it('refuses every corpus notes file with exit 3', async () => {
    for (const name of fs.readdirSync(corpus).filter((file) => file.endsWith('.md'))) {
      const dir = tempDir({[name]: fs.readFileSync(path.join(corpus, name), 'utf8')})
      const {exitCode} = await check([name], {cwd: dir})
      expect(exitCode, name).toBe(exitCodes.audit)
    }
  })
})
