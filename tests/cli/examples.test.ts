import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli} from '../engine/helpers.js'

const examples = path.resolve(import.meta.dirname, '../../examples')

describe('the example notes', () => {
  it('pass the audit with no warnings: what a new user tries first is clean', async () => {
    const names = fs.readdirSync(examples).filter((name) => name.endsWith('.md'))
    expect(names.length).toBeGreaterThan(0)
    const run = await cli(['check', ...names, '--json'], examples)
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout) as {files: Array<{input: string; diagnostics: Array<{severity: string; message: string}>}>}
    const warnings = summary.files.flatMap((file) => file.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${file.input}: ${d.message}`))
    expect(warnings).toEqual([])
  })
})
