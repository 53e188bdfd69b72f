import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createProgram} from '../../src/cli/index.js'
import {completionScript, shells} from '../../src/cli/commands/completion.js'
import {cli, tempDir} from '../engine/helpers.js'

const program = createProgram({stdout: {write: () => true}, stderr: {write: () => true}, cwd: process.cwd(), env: {}}, () => {})
const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0

/** What bash offers for the words typed so far (the last one being completed). */
function bashComplete(words: string[], cwd: string): string[] {
  const script = path.join(tempDir(), 'exchange.bash')
  fs.writeFileSync(script, completionScript(program, 'bash'))
  const line = `source ${JSON.stringify(script)}; COMP_WORDS=(${words.map((word) => JSON.stringify(word)).join(' ')}); COMP_CWORD=${words.length - 1}; _exchange; printf '%s\\n' "\${COMPREPLY[@]}"`
  const run = spawnSync('bash', ['-c', line], {cwd, encoding: 'utf8'})
  expect(run.stderr).toBe('')
  return run.stdout.split('\n').filter(Boolean).sort()
}

describe('exchange completion', () => {
  it('prints a script for each shell, exit 0, and refuses another shell', async () => {
    for (const shell of shells) {
      const run = await cli(['completion', shell], tempDir())
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('exchange')
    }
    const bad = await cli(['completion', 'powershell'], tempDir())
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/expected one of bash, zsh, fish/)
  })

  it('completes every command and every visible option of each command, from the program itself', () => {
    for (const shell of shells) {
      const script = completionScript(program, shell)
      for (const command of program.commands) {
        expect(script, `${shell}: ${command.name()}`).toContain(command.name())
        for (const option of command.options.filter((candidate) => !candidate.hidden && !candidate.negate)) {
          const long = option.long!
          expect(script, `${shell}: ${command.name()} ${long}`).toContain(shell === 'fish' ? `-l ${long.slice(2)}` : long)
        }
      }
    }
  })

  it('is valid bash that completes commands, options, formats, profiles and notes files', () => {
    const dir = tempDir({'notes.md': '', 'other.txt': '', 'sub/x.md': ''})
    expect(spawnSync('bash', ['-n', '-c', completionScript(program, 'bash')]).status).toBe(0)
    expect(bashComplete(['exchange', 'b'], dir)).toEqual(['build'])
    expect(bashComplete(['exchange', 'build', '--re'], dir)).toEqual(['--review'])
    expect(bashComplete(['exchange', 'check', '--con'], dir)).toEqual(['--config'])
    expect(bashComplete(['exchange', 'build', '-f', 'p'], dir)).toEqual(['pdf'])
    expect(bashComplete(['exchange', 'build', '--profile', 'key'], dir)).toEqual(['key-actions'])
    expect(bashComplete(['exchange', 'build', ''], dir)).toEqual(['notes.md', 'sub'])
    expect(bashComplete(['exchange', 'completion', 'z'], dir)).toEqual(['zsh'])
  })

  it.runIf(has('zsh'))('is valid zsh', () => {
    const run = spawnSync('zsh', ['-n'], {input: completionScript(program, 'zsh'), encoding: 'utf8'})
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it.runIf(has('fish'))('is valid fish that completes commands, options and formats', () => {
    const script = path.join(tempDir(), 'exchange.fish')
    fs.writeFileSync(script, completionScript(program, 'fish'))
    const checked = spawnSync('fish', ['--no-execute', script], {encoding: 'utf8'})
    expect(checked.stderr).toBe('')
    expect(checked.status).toBe(0)
    const complete = (line: string) =>
      spawnSync('fish', ['-c', `source ${JSON.stringify(script)}; complete -C ${JSON.stringify(line)}`], {encoding: 'utf8'})
        .stdout.split('\n')
        .filter(Boolean)
        .map((entry) => entry.split('\t')[0])
    expect(complete('exchange ch')).toEqual(['check'])
    expect(complete('exchange build --rev')).toEqual(['--review'])
    expect(complete('exchange build --format p')).toEqual(['pdf'])
  })
})

describe('the README’s CLI reference', () => {
  it('names every command and every visible option, and no SPEC file that is not in the repository', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8')
    const reference = readme.slice(readme.indexOf('## CLI'), readme.indexOf('## Themes and brands'))
    for (const command of program.commands) {
      expect(reference, command.name()).toContain(`### \`exchange ${command.name()}`)
      for (const option of command.options.filter((candidate) => !candidate.hidden)) {
        expect(reference, `${command.name()} ${option.long}`).toMatch(new RegExp(`\`[^\`]*${option.long!}(?![\\w-])[^\`]*\``))
      }
    }
    for (const flag of ['-V, --version', '--debug']) expect(reference).toContain(flag)
    expect(readme).not.toMatch(/\bSPEC\b/)
  })
})
