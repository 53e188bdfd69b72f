/**
 * The CommonJS bundles `npm run build` makes (the CLI, dist/exchange.cjs;
 * Puppeteer's connection, dist/puppeteer-connect.cjs; pdfjs,
 * dist/pdf-reader.cjs) and the V8 code caches
 * they start from (src/util/code-cache.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadBundle} from '../../src/util/code-cache.js'
import {root, tempDir} from '../helpers.js'

const cliBundle = path.join(root, 'dist/exchange.cjs')
const connectBundle = path.join(root, 'dist/puppeteer-connect.cjs')
const readerBundle = path.join(root, 'dist/pdf-reader.cjs')

describe('the bundles and their code caches', () => {
  it('start from the code cache made for them', () => {
    const cli = loadBundle(cliBundle)
    expect(cli.cacheUsed).toBe(true)
    expect(typeof cli.exports.run).toBe('function')
    const connect = loadBundle(connectBundle)
    expect(connect.cacheUsed).toBe(true)
    expect(typeof connect.exports.Puppeteer).toBe('function')
    expect(typeof connect.exports.PipeTransport).toBe('function')
    const reader = loadBundle(readerBundle)
    expect(reader.cacheUsed).toBe(true)
    expect(typeof (reader.exports.reader as {getDocument?: unknown}).getDocument).toBe('function')
    expect(typeof (reader.exports.worker as {WorkerMessageHandler?: unknown}).WorkerMessageHandler).toBe('function')
  })

  it('ignore a cache made for another bundle, and still load', () => {
    // A package of its own: the CLI bundle reads ../package.json as it loads.
    const dir = tempDir({'package.json': fs.readFileSync(path.join(root, 'package.json'), 'utf8')})
    fs.mkdirSync(path.join(dir, 'dist'))
    const file = path.join(dir, 'dist/exchange.cjs')
    // The same length and another text: V8's own check would take the cache (it compares lengths, not text).
    const source = fs.readFileSync(cliBundle, 'utf8')
    expect(source.endsWith('\n')).toBe(true)
    fs.writeFileSync(file, `${source.slice(0, -1)} `)
    fs.copyFileSync(`${cliBundle}.cache`, `${file}.cache`)
    const loaded = loadBundle(file)
    expect(loaded.cacheUsed).toBe(false)
    expect(typeof loaded.exports.run).toBe('function')
  })

  it('load without a cache', () => {
    const loaded = loadBundle(connectBundle, path.join(tempDir(), 'none.cache'))
    expect(loaded.cacheUsed).toBe(false)
    expect(typeof loaded.exports.Puppeteer).toBe('function')
  })
})
