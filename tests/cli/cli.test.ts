import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDir} from '../helpers.js'

const notes = '---\ntitle: T\nattendees: [Jane Smith]\n---\n\n## Barriers\n\n- Jane said consultation is broken #challenge\n'

describe('exchange CLI', () => {
  it('describes every build option in --help', async () => {
    const {code, stdout} = await runCli(['build', '--help'], tempDir())
    expect(code).toBe(0)
    for (const flag of ['--out', '--format', '--brand', '--theme', '--profile', '--attendees', '--concurrency', '--timeout', '--strict', '--explain', '--json', '--quiet']) {
      expect(stdout).toContain(flag)
    }
    expect(stdout).toMatch(/Exit codes: 0 built, 1 a file failed, 2 bad usage or config, 3 the Chatham House audit failed/)
  })

  it('lists the commands in --help and prints the version', async () => {
    expect((await runCli(['--help'], tempDir())).stdout).toMatch(/build \[options\] <notes\.\.\.>[\s\S]*check \[options\] <notes\.\.\.>/)
    expect((await runCli(['--version'], tempDir())).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('exits 2 with one line on an unknown option', async () => {
    const {code, stderr} = await runCli(['build', 'notes.md', '--colour'], tempDir())
    expect(code).toBe(2)
    expect(stderr.split('\n')[0]).toBe("exchange build: unknown option '--colour'")
  })

  it('exits 2 with one line when a notes file is missing', async () => {
    const {code, stderr} = await runCli(['build', 'missing.md'], tempDir())
    expect(code).toBe(2)
    expect(stderr).toBe('missing.md  error  Cannot find `missing.md` — check the path of the notes file or folder  [exchange:input]\n')
  })

  it('exits 2 on a format it does not know', async () => {
    const {code, stderr} = await runCli(['build', 'a.md', '--format', 'html,epub'], tempDir({'a.md': notes}))
    expect(code).toBe(2)
    expect(stderr).toMatch(/expected a comma-separated list of html, pdf, md, json, docx, got `epub`/)
  })

  it('builds, printing what it wrote and a summary', async () => {
    const dir = tempDir({'a.md': notes})
    const {code, stdout, stderr} = await runCli(['build', 'a.md', '-f', 'html,md', '-o', 'reports'], dir)
    expect(code).toBe(0)
    expect(stdout).toContain('a.md → ')
    expect(stderr).toMatch(/^1 built, 0 warnings in \d+/m)
    expect(fs.existsSync(path.join(dir, 'reports/a.html'))).toBe(true)
  })

  it('prints diagnostics as file:line:col  severity  message  [exchange:rule]', async () => {
    const dir = tempDir({'a.md': '---\ntitle: T\n---\n\n## Odds and ends\n\n- nowhere to go\n'})
    const {stderr} = await runCli(['build', 'a.md', '-f', 'html'], dir)
    // The wording is the group stage's; the form is the CLI's.
    expect(stderr).toMatch(/^a\.md:7:1 {2}warning {2}Unplaced note `[Nn]owhere to go`: .+ {2}\[exchange:unplaced-note\]$/m)
  })

  it('prints one JSON summary on stdout with --json', async () => {
    const dir = tempDir({'a.md': notes})
    const {code, stdout} = await runCli(['build', 'a.md', '-f', 'html', '--json'], dir)
    expect(code).toBe(0)
    const summary = JSON.parse(stdout)
    expect(summary).toMatchObject({built: 1, failed: 0, exitCode: 0})
    expect(summary.files[0]).toMatchObject({input: 'a.md', status: 'built'})
  })

  it('explains where each note went with --explain', async () => {
    const {stdout} = await runCli(['build', 'a.md', '-f', 'html', '--explain'], tempDir({'a.md': notes}))
    expect(stdout).toContain('a.md:8:1  → What needs to change  (hashtag: tagged #challenge)  One participant said consultation is broken')
  })

  // Brand text never passes through the anonymiser: a footer naming a participant is a leak only the audit catches.
  it('check exits 3 when a participant could still be identified, and 0 when not', async () => {
    const leaky = '---\ntitle: T\nattendees: [Jane Smith]\nbrand: brand/\n---\n\n## Barriers\n\n- Money is tight everywhere\n'
    const dir = tempDir({'leak.md': leaky, 'brand/brand.yaml': 'name: Civic Futures\nfooter: Written up by Jane Smith\n', 'ok.md': notes})
    const leak = await runCli(['check', 'leak.md'], dir)
    expect(leak.code).toBe(3)
    expect(leak.stderr.split('\n').filter(Boolean)).toEqual([
      "leak.md  error  Chatham House audit: `J••• S••••` would identify a participant (1× in the html output), and is not in the notes' text — remove it from the brand, theme or profile that prints it  [exchange:audit]",
    ])
    expect(leak.stderr).not.toMatch(/jane/i)
    const ok = await runCli(['check', 'ok.md'], dir)
    expect(ok.code).toBe(0)
    expect(ok.stdout).toBe('ok.md: ok (1 redaction)\n')
  })
})
