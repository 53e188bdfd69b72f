/**
 * A bug is still one line: what broke and how to report it, no stack trace;
 * `--debug` shows the stack. One file hitting a bug does not stop a batch.
 */
import {describe, expect, it, vi} from 'vitest'
import {runCli, tempDir} from '../helpers.js'
import {expectNoStack, good} from './hostile.js'

// A bug planted in the pipeline for notes that say CRASH, and in input expansion for a pattern that does.
vi.mock('../../src/engine/pipeline.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/engine/pipeline.js')>()
  return {
    ...actual,
    processNotes: (...args: Parameters<typeof actual.processNotes>) => {
      if (String(args[0].value).includes('CRASH')) throw new TypeError("Cannot read properties of undefined (reading 'items')")
      return actual.processNotes(...args)
    },
  }
})
vi.mock('../../src/engine/inputs.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/engine/inputs.js')>()
  return {
    ...actual,
    expandInputs: (...args: Parameters<typeof actual.expandInputs>) => {
      if (args[0].some((pattern) => pattern.includes('CRASH'))) throw new RangeError('Maximum call stack size exceeded')
      return actual.expandInputs(...args)
    },
  }
})

describe('a bug', () => {
  it('in one file of a batch: that file fails in one line saying how to report it, the others build, exit 1', async () => {
    const dir = tempDir({'a.md': good('A'), 'crash.md': `${good('Crash')}\n- CRASH #challenge\n`, 'b.md': good('B')})
    const {code, stdout, stderr} = await runCli(['build', 'a.md', 'crash.md', 'b.md', '-f', 'html'], dir)
    expect(code).toBe(1)
    expectNoStack(stderr)
    expect(stderr).toContain("crash.md  error  Unexpected internal error: Cannot read properties of undefined (reading 'items') — this is a bug in exchange: run again with --debug, and report it with the notes that triggered it  [exchange:internal]")
    expect(stdout).toContain('a.md → ')
    expect(stdout).toContain('b.md → ')
  })

  it('that ends the run: one line naming the command, exit 1; --debug adds the stack', async () => {
    const dir = tempDir()
    const plain = await runCli(['build', 'CRASH.md'], dir)
    expect(plain.code).toBe(1)
    expectNoStack(plain.stderr)
    expect(plain.stderr).toBe('exchange  error  Unexpected internal error: Maximum call stack size exceeded — this is a bug in exchange: run again with --debug, and report it with the notes that triggered it  [exchange:internal]\n')
    const debug = await runCli(['build', 'CRASH.md', '--debug'], dir)
    expect(debug.code).toBe(1)
    expect(debug.stderr.split('\n')[0]).toBe(plain.stderr.trim())
    expect(debug.stderr).toMatch(/^RangeError: Maximum call stack size exceeded\n\s+at /m)
  })
})
