/**
 * The real command, `node bin/exchange.js` (the compiled CLI in dist/, built
 * by `npm test`'s pretest): no stack trace reaches stderr for any expected
 * failure, `--debug` adds one, and the exit codes are those of SPEC §5.
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {root, tempDir} from '../helpers.js'
import {expectDiagnostic, expectNoStack, good, hostileCases} from './hostile.js'

const bin = path.join(root, 'bin/exchange.js')

function exchange(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env}, timeout: 60_000})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

beforeAll(() => {
  // `npm test` builds dist/ first; run `npm run build` before running this file alone.
  expect(fs.existsSync(path.join(root, 'dist/cli/index.js')), 'dist/ is built').toBe(true)
})

describe('node bin/exchange.js', () => {
  it('prints one line and no stack trace for every hostile file, and exits 1 for a batch with failures', () => {
    const files: Record<string, string | Uint8Array> = {'notes/good.md': good('Good')}
    for (const hostile of hostileCases) files[`notes/${hostile.name}`] = hostile.content
    const dir = tempDir(files)
    const {code, stderr} = exchange(['build', 'notes', '-f', 'html'], dir)
    expect(code).toBe(1)
    expectNoStack(stderr)
    for (const hostile of hostileCases) {
      expectDiagnostic(stderr, {file: `notes/${hostile.name}`, severity: hostile.fails ? 'error' : 'warning', rule: hostile.rule, line: hostile.line, says: hostile.says})
    }
  })

  // Worker threads compile a batch of 4 or more from compiled JS; a stack does not cross a thread by itself.
  it('adds, with --debug, the stack behind a file that failed on a worker thread', () => {
    const dir = tempDir({'a.md': good('A'), 'b.md': good('B'), 'c.md': good('C'), 'bad.md': '---\ntitle: [unclosed\n---\n\n- note\n'})
    const {code, stderr} = exchange(['build', '.', '-f', 'html', '--threads', '2', '--debug'], dir)
    expect(code).toBe(1)
    expect(stderr).toMatch(/bad\.md:2:\d+ +error .*\[exchange:front-matter\]\n.*Error.*\n\s+at /)
    const plain = exchange(['build', '.', '-f', 'html', '--threads', '2', '--force'], dir)
    expectNoStack(plain.stderr)
  })

  it('exits 2 with one line for a missing input, and 2 for bad usage', () => {
    const dir = tempDir()
    const missing = exchange(['build', 'missing.md'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe('missing.md  error  Cannot find `missing.md` — check the path of the notes file or folder  [exchange:input]\n')
    const usage = exchange(['build'], dir)
    expect(usage.code).toBe(2)
    expectNoStack(usage.stderr)
  })

  it('exits 1 with what to do when the output folder is a file, and --debug adds the stack of the run-ending error only', () => {
    const dir = tempDir({'a.md': good('A'), 'out': 'a file'})
    const plain = exchange(['build', 'a.md', '-f', 'html'], dir)
    expect(plain.code).toBe(1)
    expectNoStack(plain.stderr)
    expect(plain.stderr).toMatch(/^a\.md  error  Cannot create the folder `.*out`: a file is in the way of a folder — choose another output folder with -o, or move the file out of the way  \[exchange:file-system\]$/m)

    const empty = tempDir({'notes/readme.txt': 'x'})
    const debug = exchange(['build', 'notes', '--debug'], empty)
    expect(debug.code).toBe(2)
    expect(debug.stderr).toMatch(/^notes  error  Cannot find notes in folder `notes` — .*  \[exchange:input\]\nUsageError: Cannot find notes in folder `notes`\n\s+at /)
  })

  it('says what to do when the browser is missing, without a stack trace, and still writes the HTML', () => {
    const dir = tempDir({'a.md': good('A')})
    const {code, stderr} = exchange(['build', 'a.md'], dir, {PUPPETEER_EXECUTABLE_PATH: path.join(dir, 'no-chromium')})
    expect(code).toBe(1)
    expectNoStack(stderr)
    expect(stderr).toMatch(/^a\.md  error  Cannot find the browser that PUPPETEER_EXECUTABLE_PATH points to .* — correct PUPPETEER_EXECUTABLE_PATH, .*  \[exchange:browser\]$/m)
    expect(fs.existsSync(path.join(dir, 'out/a.html'))).toBe(true)
    expect(fs.existsSync(path.join(dir, 'out/a.pdf'))).toBe(false)
  })
  it('stops at once when whoever reads its stderr goes away (`exchange build 2>&1 | head -1`)', async () => {
    const dir = tempDir({'bad.md': '---\ntitle: [unclosed\n---\n\n- note\n'})
    const child = spawn(process.execPath, [bin, 'build', 'bad.md', '-f', 'html', '--debug'], {cwd: dir, stdio: ['ignore', 'pipe', 'pipe']})
    // Close the pipe before it writes, as `head -1` does after its line.
    child.stderr.destroy()
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        resolve(null)
      }, 10_000)
      child.once('exit', (exitCode) => {
        clearTimeout(timer)
        resolve(exitCode)
      })
    })
    expect(code, 'exited (it spun at full CPU writing to the closed pipe)').not.toBeNull()
  })

  it('points --debug stacks at the TypeScript sources', () => {
    const dir = tempDir({'bad.md': '---\ntitle: [unclosed\n---\n\n- note\n'})
    const {stderr} = exchange(['build', 'bad.md', '-f', 'html', '--debug'], dir)
    expect(stderr).toMatch(/\n\s+at .*src\/parse\/front-matter\.ts:\d+:\d+/)
  })
  it('runs from an install folder whose path has a space in it', () => {
    const dir = path.join(tempDir(), 'Program Files', 'exchange')
    fs.mkdirSync(dir, {recursive: true})
    for (const part of ['bin', 'dist', 'templates', 'package.json']) fs.cpSync(path.join(root, part), path.join(dir, part), {recursive: true})
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'))
    const notes = tempDir({'a.md': good('A')})
    const result = spawnSync(process.execPath, [path.join(dir, 'bin/exchange.js'), 'build', 'a.md', '-f', 'html', '-o', 'out', '-q'], {cwd: notes, encoding: 'utf8', timeout: 60_000})
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(fs.existsSync(path.join(notes, 'out/a.html'))).toBe(true)
  })
})
