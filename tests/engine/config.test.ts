import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig, mergeSettings, readConfigFile, settingsFromEnv} from '../../src/config.js'
import {cleanEnv, cli, listFiles, notes, tempDir} from './helpers.js'

describe('exchange.yaml and EXCHANGE_* settings', () => {
  it('reads every key, making paths relative to the settings file', () => {
    const dir = tempDir({
      'project/exchange.yaml': 'out: reports\nformat: [md, json]\nbrand: brand/\ntheme: theme\nprofile: insights-report\nattendees: sign-in.csv\nconcurrency: 3\ntimeout: 90\nstrict: true\n',
    })
    expect(readConfigFile(path.join(dir, 'project/exchange.yaml'))).toEqual({
      out: path.join(dir, 'project/reports'),
      format: ['md', 'json'],
      brand: path.join(dir, 'project/brand'),
      theme: path.join(dir, 'project/theme'),
      profile: 'insights-report',
      attendees: path.join(dir, 'project/sign-in.csv'),
      concurrency: 3,
      timeout: 90,
      strict: true,
    })
  })

  it('takes the formats as a list or as a comma-separated string, and a profile file as a path', () => {
    const dir = tempDir({'exchange.yaml': 'format: html, PDF\nprofile: profiles/mine.yaml\n'})
    expect(readConfigFile(path.join(dir, 'exchange.yaml'))).toEqual({format: ['html', 'pdf'], profile: path.join(dir, 'profiles/mine.yaml')})
  })

  it('accepts an empty settings file', () => {
    const dir = tempDir({'exchange.yaml': '# nothing set yet\n'})
    expect(readConfigFile(path.join(dir, 'exchange.yaml'))).toEqual({})
  })

  it('names the file, line and key of an unknown key, suggesting the known one', () => {
    const dir = tempDir({'exchange.yaml': 'out: reports\nformats: [html]\n'})
    expect(() => readConfigFile(path.join(dir, 'exchange.yaml'), 'exchange.yaml')).toThrow(
      expect.objectContaining({message: 'Unexpected key `formats` in exchange.yaml', file: 'exchange.yaml', line: 2, column: 1, rule: 'config', exitCode: 2, hint: expect.stringContaining('did you mean `format`?')}),
    )
  })

  it('names the file, line and key of a value of the wrong kind', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['out: reports\nconcurrency: lots\n', 2, /`concurrency` in exchange.yaml, expected a whole number of 1 or more/],
      ['timeout: -5\n', 1, /`timeout` in exchange.yaml, expected a number of seconds above 0/],
      ['strict: maybe\n', 1, /`strict` in exchange.yaml, expected `true` or `false`/],
      ['\n\nformat: [html, epub]\n', 3, /`format` in exchange.yaml, expected a list of html, pdf, md, json, docx/],
      ['brand: [a, b]\n', 1, /`brand` in exchange.yaml, expected a path or name/],
    ]
    for (const [yaml, line, message] of cases) {
      const dir = tempDir({'exchange.yaml': yaml})
      expect(() => readConfigFile(path.join(dir, 'exchange.yaml'), 'exchange.yaml')).toThrow(expect.objectContaining({message: expect.stringMatching(message), line, exitCode: 2}))
    }
  })

  it('names the line of a YAML syntax error', () => {
    const dir = tempDir({'exchange.yaml': 'out: reports\nformat: [html\n'})
    expect(() => readConfigFile(path.join(dir, 'exchange.yaml'), 'exchange.yaml')).toThrow(expect.objectContaining({file: 'exchange.yaml', rule: 'config', exitCode: 2}))
  })

  it('reads EXCHANGE_* variables and names a bad one', () => {
    expect(settingsFromEnv({EXCHANGE_OUT: 'o', EXCHANGE_FORMAT: 'md,json', EXCHANGE_CONCURRENCY: '2', EXCHANGE_TIMEOUT: '1.5', EXCHANGE_STRICT: 'yes', EXCHANGE_PROFILE: ''})).toEqual({
      out: 'o',
      format: ['md', 'json'],
      concurrency: 2,
      timeout: 1.5,
      strict: true,
    })
    expect(settingsFromEnv({EXCHANGE_STRICT: '0'})).toEqual({strict: false})
    expect(() => settingsFromEnv({EXCHANGE_CONCURRENCY: 'two'})).toThrow('Unexpected EXCHANGE_CONCURRENCY="two", expected a whole number of 1 or more')
  })

  it('merges with flags over the environment over the file over defaults', () => {
    expect(mergeSettings({out: 'flag'}, {out: 'env', strict: true}, {out: 'file', strict: false, concurrency: 2})).toEqual({out: 'flag', strict: true, concurrency: 2})
  })

  it('finds exchange.yaml in the current folder, or the file EXCHANGE_CONFIG names', () => {
    const dir = tempDir({'exchange.yaml': 'out: a\n', 'other.yaml': 'out: b\n'})
    expect(loadConfig({cwd: dir, env: {}}).fromFile).toEqual({out: path.join(dir, 'a')})
    expect(loadConfig({cwd: dir, env: {EXCHANGE_CONFIG: 'other.yaml'}}).fromFile).toEqual({out: path.join(dir, 'b')})
    expect(() => loadConfig({cwd: dir, env: {EXCHANGE_CONFIG: 'missing.yaml'}})).toThrow('Cannot find settings file `missing.yaml`')
    expect(loadConfig({cwd: tempDir(), env: {}})).toEqual({fromFile: {}, fromEnv: {}})
  })
})

describe('exchange build with settings', () => {
  it('uses flags over EXCHANGE_* over exchange.yaml over defaults', async () => {
    const dir = tempDir({'a.md': notes('A'), 'exchange.yaml': 'out: from-file\nformat: md\n'})
    expect((await cli(['build', 'a.md'], dir)).code).toBe(0)
    expect(listFiles(path.join(dir, 'from-file'))).toEqual(['a.md'])

    expect((await cli(['build', 'a.md'], dir, {env: cleanEnv({EXCHANGE_OUT: 'from-env'})})).code).toBe(0)
    expect(listFiles(path.join(dir, 'from-env'))).toEqual(['a.md'])

    expect((await cli(['build', 'a.md', '-o', 'from-flag', '-f', 'json'], dir, {env: cleanEnv({EXCHANGE_OUT: 'from-env', EXCHANGE_FORMAT: 'html'})})).code).toBe(0)
    expect(listFiles(path.join(dir, 'from-flag'))).toEqual(['a.json'])

    fs.rmSync(path.join(dir, 'exchange.yaml'))
    expect((await cli(['build', 'a.md', '-f', 'md'], dir)).code).toBe(0)
    expect(listFiles(path.join(dir, 'out'))).toEqual(['a.md'])
  })

  it('applies strict from the settings, and --no-strict turns it off', async () => {
    const unsure = '---\ntitle: T\nattendees: [Jane Smith]\n---\n\n## Barriers\n\n- Jane said that Dr Laura Simmons at the ICB agreed #challenge\n'
    const dir = tempDir({'a.md': unsure, 'exchange.yaml': 'strict: true\nformat: md\n'})
    const strict = await cli(['build', 'a.md'], dir)
    expect(strict.code).toBe(3)
    expect(strict.stderr).toMatch(/^a\.md:8:\d+ {2}error {2}Unexpected person not on the roster/m)
    expect(strict.stderr).not.toMatch(/warning {2}Unexpected person not on the roster/)
    const loose = await cli(['build', 'a.md', '--no-strict'], dir)
    expect(loose.code).toBe(0)
    expect(loose.stderr).toMatch(/^a\.md:8:\d+ {2}warning {2}Unexpected person not on the roster/m)
  })

  it('exits 2 on a bad exchange.yaml, naming the file, line and key', async () => {
    const dir = tempDir({'a.md': notes('A'), 'exchange.yaml': 'out: reports\nconcurency: 2\n'})
    const run = await cli(['build', 'a.md'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('exchange.yaml:2:1  error  Unexpected key `concurency` in exchange.yaml — did you mean `concurrency`? (known keys: out, format, brand, theme, profile, attendees, concurrency, timeout, strict)  [exchange:config]\n')
    expect(fs.existsSync(path.join(dir, 'reports'))).toBe(false)
  })

  it('exits 2 on a bad EXCHANGE_* variable', async () => {
    const run = await cli(['build', 'a.md'], tempDir({'a.md': notes('A')}), {env: cleanEnv({EXCHANGE_FORMAT: 'epub'})})
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Unexpected EXCHANGE_FORMAT="epub", expected a list of html, pdf, md, json, docx/)
  })
})
