/**
 * scripts/ascii-bundle.mjs: the bundles' text made ASCII (V8 keeps a script with
 * one character outside ASCII as a two-byte string, decoded on UTF-8's slow path,
 * in every isolate), without changing what the code does.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
// @ts-expect-error: a build script, plain JavaScript without types
import {asciiOnly} from '../../scripts/ascii-bundle.mjs'
import {root} from '../helpers.js'

const ascii = (text: string): {text: string; regexes: number; templates: number; comments: number} => asciiOnly(text, 'test.js')
const isAscii = (text: string) => /^[\0-\x7f]*$/.test(text)
/** The value of a JavaScript expression. */
const value = (expression: string): unknown => new Function(`return (${expression})`)()

describe('asciiOnly', () => {
  it('escapes a regular expression so that it matches what it matched, with and without the u flag', () => {
    const sources = [String.raw`/[-–—]\s*$/u`, String.raw`/(?:->|→|=>)/`, String.raw`/["“‘']/u`, String.raw`/\é+/`, String.raw`/[😀-😂]/u`, String.raw`/😀/`, String.raw`/\\é/`]
    const probes = ['a – b', 'x —', '→', '=>', '“quoted', 'éé', '\\é', 'é', '😁', '😀', '\ud83d', 'plain']
    for (const source of sources) {
      const {text, regexes} = ascii(`x = ${source}`)
      expect(isAscii(text), text).toBe(true)
      expect(regexes).toBe(1)
      const before = value(source) as RegExp
      const after = value(text.slice('x = '.length)) as RegExp
      expect(after.flags).toBe(before.flags)
      expect(probes.map((probe) => after.exec(probe)?.[0]), `${source} → ${text}`).toEqual(probes.map((probe) => before.exec(probe)?.[0]))
    }
  })

  it('escapes a template as substitutions that give the same string, plain and under String.raw', () => {
    const sources = ['String.raw`(?:->|→|[-–—|])\\s`', 'String.raw`a${1 + 1}é${"x"}→`', '`plain → ${2} é`', 'String.raw`😀\\d`']
    for (const source of sources) {
      const {text, templates} = ascii(`x = ${source}`)
      expect(isAscii(text), text).toBe(true)
      expect(templates).toBeGreaterThan(0)
      expect(value(text.slice('x = '.length)), text).toBe(value(source))
    }
  })

  it('writes a comment with one ? for each UTF-16 unit, so that the columns after it stay', () => {
    const source = '/** `— Femi` 😀 */\nconst a = 1 // café\nconst b = /é/ // —\n'
    const {text, comments} = ascii(source)
    expect(text).toBe('/** `? Femi` ?? */\nconst a = 1 // caf?\nconst b = /\\u00E9/ // ?\n')
    expect(comments).toBe(3)
  })

  it('reads a slash as division where the parser does, and a template after its substitution', () => {
    const source = 'const r = a / b / c, s = `x${ {k: 1}.k }→${ /é/.test("\\u00e9") }é`'
    const {text} = ascii(source)
    expect(isAscii(text)).toBe(true)
    expect(text).toContain('a / b / c')
    const run = (code: string) => new Function('a', 'b', 'c', `${code}; return [r, s]`)(12, 3, 2)
    expect(run(text)).toEqual(run(source))
  })

  it('refuses a template read by another tag, whose strings would change, and any other character outside ASCII', () => {
    expect(() => ascii('x = tag`→`')).toThrow(/tagged tag: escaping it would change/)
    expect(() => ascii('const café = 1')).toThrow(/outside ASCII in Identifier/)
  })

  it('leaves an ASCII text as it is', () => {
    const source = 'const a = /x/u // a\n'
    expect(ascii(source)).toEqual({text: source, regexes: 0, templates: 0, comments: 0})
  })
})

describe('the built bundles', () => {
  it('are ASCII, so that each isolate keeps them as one-byte strings', () => {
    for (const name of ['exchange.cjs', 'exchange-compile.cjs', 'exchange-worker.cjs', 'puppeteer-connect.cjs', 'pdf-reader.cjs']) {
      const text = fs.readFileSync(path.join(root, 'dist', name), 'latin1')
      const outside = text.split('\n').findIndex((line) => !isAscii(line))
      expect(outside, `${name}: line ${outside + 1} is not ASCII`).toBe(-1)
    }
  })
})
