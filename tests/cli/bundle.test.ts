/**
 * The bundled CLI (dist/exchange.cjs, made by `npm run build`) and the V8
 * code cache it starts from (bin/bundle.js).
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
// @ts-expect-error: plain JavaScript, shipped as is in bin/
import {bundleFile, cacheFile, loadBundle} from '../../bin/bundle.js'
import {root, tempDir} from '../helpers.js'

describe('the bundled CLI', () => {
  it('starts from the code cache made for it', () => {
    const loaded = loadBundle()
    expect(loaded.cacheUsed).toBe(true)
    expect(typeof loaded.exports.run).toBe('function')
  })

  it('ignores a cache made for another bundle, and still loads', () => {
    // A package of its own: the bundle reads ../package.json as it loads.
    const dir = tempDir({'package.json': fs.readFileSync(path.join(root, 'package.json'), 'utf8')})
    fs.mkdirSync(path.join(dir, 'dist'))
    const file = path.join(dir, 'dist/exchange.cjs')
    const cache = path.join(dir, 'dist/exchange.cjs.cache')
    // The same length and another text: V8's own check would take the cache (it compares lengths, not text).
    const source = fs.readFileSync(bundleFile as string, 'utf8')
    expect(source.endsWith('\n')).toBe(true)
    fs.writeFileSync(file, `${source.slice(0, -1)} `)
    fs.copyFileSync(cacheFile as string, cache)
    const loaded = loadBundle({file, cache})
    expect(loaded.cacheUsed).toBe(false)
    expect(typeof loaded.exports.run).toBe('function')
  })
})
