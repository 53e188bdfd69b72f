/**
 * Every expected failure, through the CLI: one line on stderr naming the
 * file (and line, where there is one), what happened and what to do, the
 * rule, and never a stack trace; the exit code of SPEC §5.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {runCli, tempDir} from '../helpers.js'
import {expectDiagnostic, expectNoStack, good, hostileCases, listReports} from './hostile.js'

describe('hostile notes files, one by one', () => {
  for (const hostile of hostileCases) {
    it(`${hostile.fails ? 'refuses' : 'warns about'} ${hostile.name}: ${hostile.says.source.slice(1, 60)}…`, async () => {
      const dir = tempDir({[hostile.name]: hostile.content})
      const {code, stderr} = await runCli(['build', hostile.name, '-f', 'html,md'], dir)
      expectDiagnostic(stderr, {file: hostile.name, severity: hostile.fails ? 'error' : 'warning', rule: hostile.rule, line: hostile.line, says: hostile.says})
      expect(code).toBe(hostile.fails ? 1 : 0)
      const stem = hostile.name.replace(/\.md$/, '')
      expect(listReports(path.join(dir, 'out'))).toEqual(hostile.fails ? [] : [`${stem}.html`, `${stem}.md`])
    })
  }

  it('reads Windows-1252 notes with their accents intact', async () => {
    const hostile = hostileCases.find((entry) => entry.name === 'windows-1252.md')!
    const dir = tempDir({[hostile.name]: hostile.content})
    await runCli(['build', hostile.name, '-f', 'md'], dir)
    const markdown = fs.readFileSync(path.join(dir, 'out/windows-1252.md'), 'utf8')
    expect(markdown).toContain('Café society')
    expect(markdown).toContain('naïve')
    expect(markdown).not.toMatch(/\uFFFD|Ã|Â/)
  })

  it('checks the same way: `exchange check` names the file and line of malformed YAML, exit 1', async () => {
    const hostile = hostileCases.find((entry) => entry.name === 'malformed-yaml.md')!
    const dir = tempDir({[hostile.name]: hostile.content})
    const {code, stderr} = await runCli(['check', hostile.name], dir)
    expectDiagnostic(stderr, {file: hostile.name, rule: 'front-matter', line: 3, says: hostile.says})
    expect(code).toBe(1)
  })
})

describe('bad inputs, outputs and configuration', () => {
  const saved = {...process.env}
  afterEach(() => {
    process.env = {...saved}
  })

  it('exits 2 on a missing notes file, saying to check the path', async () => {
    const {code, stderr} = await runCli(['build', 'missing.md'], tempDir())
    expectDiagnostic(stderr, {file: 'missing.md', rule: 'input', says: /^Cannot find `missing\.md` — check the path/})
    expect(code).toBe(2)
  })

  it('exits 2 on a folder with no notes in it, and builds nothing', async () => {
    const dir = tempDir({'good.md': good('Good'), 'photos/readme.txt': 'not notes'})
    const {code, stderr} = await runCli(['build', 'good.md', 'photos', '-f', 'html'], dir)
    expectDiagnostic(stderr, {file: 'photos', rule: 'input', says: /^Cannot find notes in folder `photos` — notes files end in \.md/})
    expect(code).toBe(2)
    expect(listReports(path.join(dir, 'out'))).toEqual([])
  })

  it('exits 2 on a glob that matches no notes', async () => {
    const {code, stderr} = await runCli(['build', 'notes/**/*.md'], tempDir({'notes/a.txt': 'x'}))
    expectNoStack(stderr)
    expect(stderr).toMatch(/^exchange  error  Cannot find notes matching `notes\/\*\*\/\*\.md` — check the pattern; quote it so the shell does not expand it  \[exchange:input\]$/m)
    expect(code).toBe(2)
  })

  it('fails a file whose output folder is a file, saying to choose another -o', async () => {
    const dir = tempDir({'a.md': good('A'), 'reports': 'a file where the folder should be'})
    const {code, stderr} = await runCli(['build', 'a.md', '-f', 'html', '-o', 'reports'], dir)
    const found = expectDiagnostic(stderr, {file: 'a.md', rule: 'file-system', says: /^Cannot create the folder `.*reports`: a file is in the way of a folder — choose another output folder with -o/})
    expect(found.message).not.toMatch(/EEXIST/)
    expect(code).toBe(1)
    expect(fs.readFileSync(path.join(dir, 'reports'), 'utf8')).toBe('a file where the folder should be')
  })

  it('fails a file whose output folder is under a file, saying to choose another -o', async () => {
    const dir = tempDir({'a.md': good('A'), 'reports': 'a file'})
    const {code, stderr} = await runCli(['build', 'a.md', '-f', 'html', '-o', 'reports/2024'], dir)
    expectDiagnostic(stderr, {file: 'a.md', rule: 'file-system', says: /: part of the path is a file, not a folder — choose another output folder with -o/})
    expect(code).toBe(1)
  })

  it.skipIf(process.getuid?.() === 0)('fails a file whose output folder cannot be written, saying to check its permissions', async () => {
    const dir = tempDir({'a.md': good('A')})
    fs.mkdirSync(path.join(dir, 'locked'), {mode: 0o500})
    const {code, stderr} = await runCli(['build', 'a.md', '-f', 'html', '-o', 'locked'], dir)
    expectDiagnostic(stderr, {file: 'a.md', rule: 'file-system', says: /permission denied — check the permissions/})
    expect(code).toBe(1)
  })

  // As root (how CI runs) a mode-0500 folder is writable; an immutable one is not, on ext4 and most Linux file systems.
  const immutable = (folder: string): boolean => {
    if (process.platform !== 'linux') return false
    fs.mkdirSync(folder)
    return spawnSync('chattr', ['+i', folder]).status === 0
  }
  it('fails a file whose output folder cannot be written even as root, saying to check its permissions', async (context) => {
    const dir = tempDir({'a.md': good('A')})
    const locked = path.join(dir, 'locked')
    if (!immutable(locked)) return context.skip()
    try {
      const {code, stderr} = await runCli(['build', 'a.md', '-f', 'html', '-o', 'locked'], dir)
      expectDiagnostic(stderr, {file: 'a.md', rule: 'file-system', says: /(?:operation not permitted|permission denied) — check the permissions/})
      expect(code).toBe(1)
      expect(fs.readdirSync(locked)).toEqual([])
    } finally {
      spawnSync('chattr', ['-i', locked])
    }
  })

  it('exits 2 when an output would overwrite the notes, and leaves the notes alone', async () => {
    const dir = tempDir({'a.md': good('A')})
    const {code, stderr} = await runCli(['build', 'a.md', '-f', 'md', '-o', '.'], dir)
    expectDiagnostic(stderr, {file: 'a.md', rule: 'output', says: /^Refusing to write `md` output over the notes file `a\.md` — choose another output folder with -o/})
    expect(code).toBe(2)
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(good('A'))
  })

  it('exits 2 on two notes files that would write the same report', async () => {
    const dir = tempDir({'may/notes.md': good('May'), 'june/notes.md': good('June')})
    const {code, stderr} = await runCli(['build', 'may/notes.md', 'june/notes.md', '-f', 'html'], dir)
    expectDiagnostic(stderr, {file: 'june/notes.md', rule: 'input', says: /^Unexpected notes files `may\/notes\.md` and `june\/notes\.md` that would both write the report `notes` — rename one/})
    expect(code).toBe(2)
    expect(listReports(path.join(dir, 'out'))).toEqual([])
  })

  it('fails on a missing profile named in the front matter, pointing at the `profile:` line', async () => {
    const dir = tempDir({'a.md': '---\ntitle: A\nprofile: insights-reprot\n---\n\n## Barriers\n\n- a note #challenge\n'})
    const {code, stderr} = await runCli(['build', 'a.md', '-f', 'html'], dir)
    expectDiagnostic(stderr, {file: 'a.md', rule: 'profile', line: 3, says: /^Unknown profile `insights-reprot` — use one of .*insights-report/})
    expect(code).toBe(1)
  })

  it('names the profile file, line and column of an invalid profile', async () => {
    const dir = tempDir({'a.md': good('A'), 'mine.yaml': 'id: mine\nsections:\n  - id: a\n    title: A\n    style: sideways\n'})
    const {stderr} = await runCli(['build', 'a.md', '-f', 'html', '--profile', 'mine.yaml'], dir)
    const file = path.join(fs.realpathSync(dir), 'mine.yaml')
    expectNoStack(stderr)
    expect(stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+  error  Unexpected style \`sideways\``, 'm'))
    expect(stderr).toMatch(/ — .+  \[exchange:profile\]$/m)
  })

  it('names the brand.yaml line and column of an invalid brand', async () => {
    const dir = tempDir({'a.md': good('A'), 'brand/brand.yaml': 'name: Ours\ncolours:\n  primary: blue-ish\n'})
    const {stderr} = await runCli(['build', 'a.md', '-f', 'html', '--brand', 'brand'], dir)
    expectNoStack(stderr)
    expect(stderr).toMatch(/brand\/brand\.yaml:3:\d+  error  Unexpected colour `primary: blue-ish` in brand\.yaml, expected a hex colour like #1f3a5f.*  \[exchange:brand\]$/m)
  })

  it('says what to do about a missing brand folder', async () => {
    const dir = tempDir({'a.md': good('A')})
    const {stderr} = await runCli(['build', 'a.md', '-f', 'html', '--brand', 'no-such-brand'], dir)
    expectNoStack(stderr)
    expect(stderr).toMatch(/no-such-brand  error  Cannot find `brand\.yaml` in brand folder `.*no-such-brand` — point --brand at a folder with a brand\.yaml .*  \[exchange:brand\]$/m)
  })

  it('names the brand asset that is missing, with its line in brand.yaml', async () => {
    const dir = tempDir({'a.md': good('A'), 'brand/brand.yaml': 'name: Ours\nlogo: logo.svg\n'})
    const {stderr} = await runCli(['build', 'a.md', '-f', 'html', '--brand', 'brand'], dir)
    expectNoStack(stderr)
    expect(stderr).toMatch(/brand\/brand\.yaml:2:7  error  Missing brand asset `logo\.svg` \(`logo`\) — add the file to .* or correct the path in brand\.yaml  \[exchange:brand\]$/m)
  })

  // Configuration given as a flag is bad configuration, for every file alike: exit 2, said once.
  it('exits 2, once, on a --brand, --profile or --theme that is missing', async () => {
    const dir = tempDir({'a.md': good('A'), 'b.md': good('B')})
    for (const flags of [['--brand', 'no-such-brand'], ['--profile', 'no-such-profile'], ['--theme', 'no-such-theme']]) {
      const {code, stderr} = await runCli(['build', 'a.md', 'b.md', '-f', 'html', ...flags], dir)
      expect(code).toBe(2)
      expect(stderr.split('\n').filter((line) => line.includes('  error  '))).toHaveLength(1)
    }
  })

  it('points a missing brand named in the front matter at the `brand:` line of the notes', async () => {
    const dir = tempDir({'a.md': '---\ntitle: A\nbrand: our-brand/\n---\n\n## Barriers\n\n- a note #challenge\n'})
    const {code, stderr} = await runCli(['build', 'a.md', '-f', 'html'], dir)
    expectDiagnostic(stderr, {file: 'a.md', rule: 'brand', line: 3, says: /^Cannot find `brand\.yaml` in brand folder .*\(named by `brand:`\) — /})
    expect(code).toBe(1)
  })

  it('exits 2 on an attendees file that is missing, or has no name column, naming it', async () => {
    const dir = tempDir({'a.md': good('A'), 'sign-in.csv': 'email,org\njane@example.org,Wigan\n'})
    const missing = await runCli(['build', 'a.md', '-f', 'html', '--attendees', 'nope.csv'], dir)
    expectDiagnostic(missing.stderr, {file: 'nope.csv', rule: 'attendees', says: /^Cannot read attendees file `nope\.csv`/})
    expect(missing.code).toBe(2)
    const bad = await runCli(['build', 'a.md', '-f', 'html', '--attendees', 'sign-in.csv'], dir)
    expectDiagnostic(bad.stderr, {file: 'sign-in.csv', rule: 'attendees', line: 1, says: /^Unexpected attendees CSV without a `name` column — add a header row/})
    expect(bad.code).toBe(2)
  })

  it('writes the HTML and says how to get a browser when the browser is missing, exit 1', async () => {
    process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chromium'
    const dir = tempDir({'a.md': good('A')})
    const {code, stderr} = await runCli(['build', 'a.md', '-f', 'html,pdf'], dir)
    expectDiagnostic(stderr, {file: 'a.md', rule: 'browser', says: /^Cannot find the browser that PUPPETEER_EXECUTABLE_PATH points to \(`\/nonexistent\/chromium`\) — correct PUPPETEER_EXECUTABLE_PATH/})
    expect(code).toBe(1)
    expect(listReports(path.join(dir, 'out'))).toEqual(['a.html'])
  })

  it('says the browser would not start when it is not a browser, exit 1', async () => {
    process.env.PUPPETEER_EXECUTABLE_PATH = fs.existsSync('/bin/false') ? '/bin/false' : '/usr/bin/false'
    const dir = tempDir({'a.md': good('A')})
    const {code, stderr} = await runCli(['build', 'a.md', '-f', 'html,pdf', '--timeout', '10'], dir)
    expectDiagnostic(stderr, {file: 'a.md', rule: 'browser', says: /^Cannot start the browser at `.*false`: .* — check that it runs/})
    expect(code).toBe(1)
  })
})

describe('--debug', () => {
  it('adds the stack of an error that ended the run, and only with --debug', async () => {
    const dir = tempDir({'notes/readme.txt': 'x'})
    const plain = await runCli(['build', 'notes'], dir)
    expectNoStack(plain.stderr)
    const debug = await runCli(['build', 'notes', '--debug'], dir)
    expect(debug.stderr.split('\n')[0]).toBe(plain.stderr.split('\n')[0])
    expect(debug.stderr).toMatch(/^UsageError: Cannot find notes in folder `notes`\n\s+at /m)
    expect(debug.code).toBe(plain.code)
  })

  it('adds the stack of an error behind a failed file', async () => {
    const dir = tempDir({'a.md': good('A'), 'reports': 'a file'})
    const {stderr} = await runCli(['build', 'a.md', '-f', 'html', '-o', 'reports', '--debug'], dir)
    expect(stderr).toMatch(/\[exchange:file-system\]\n.*Error: EEXIST.*\n\s+at /)
  })
})
