/**
 * The CommonJS bundles `npm run build` makes (the CLI, dist/exchange.cjs;
 * Puppeteer's connection, dist/puppeteer-connect.cjs; pdfjs,
 * dist/pdf-reader.cjs) and the V8 code caches
 * they start from (src/util/code-cache.ts).
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {applyV8Flags, loadBundle, v8Flags} from '../../src/util/code-cache.js'
import {notes} from '../engine/helpers.js'
import {root, tempDir} from '../helpers.js'

const cliBundle = path.join(root, 'dist/exchange.cjs')
const connectBundle = path.join(root, 'dist/puppeteer-connect.cjs')
const readerBundle = path.join(root, 'dist/pdf-reader.cjs')

describe('the bundles and their code caches', () => {
  it('start from the code cache made for them', () => {
    applyV8Flags() // as the CLI does before it loads its bundle (bin/exchange.js)
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

  it('were made under the V8 flags the CLI runs with, which V8 checks: a process under them takes each cache', () => {
    expect(v8Flags.length).toBeGreaterThan(0)
    // V8's own check, without loadBundle: compile each bundle with its cache (past the digest) in a fresh process.
    const taken = (flags: readonly string[]) => {
      const check = `
        const fs = require('node:fs'), vm = require('node:vm'), {Module} = require('node:module')
        const taken = ${JSON.stringify([cliBundle, connectBundle, readerBundle, path.join(root, 'dist/exchange-compile.cjs')])}.map((file) => {
          const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), {filename: file, cachedData: fs.readFileSync(file + '.cache').subarray(32)})
          return !script.cachedDataRejected
        })
        process.stdout.write(JSON.stringify(taken))`
      const result = spawnSync(process.execPath, [...flags, '-e', check], {encoding: 'utf8'})
      expect(result.status, result.stderr).toBe(0)
      return JSON.parse(result.stdout) as boolean[]
    }
    expect(taken(v8Flags)).toEqual([true, true, true, true])
    expect(taken([])).toEqual([false, false, false, false])
  })

  it('are taken by the CLI and its compile workers (a batch of four notes)', () => {
    // Every compiled script of the run, and whether V8 took its cache, from a preloaded hook (as bench/lib/timeline.mjs).
    const dir = tempDir({
      'hook.mjs': `
        import vm from 'node:vm'
        import {threadId} from 'node:worker_threads'
        const Script = vm.Script
        vm.Script = class extends Script {
          constructor(source, options) {
            super(source, options)
            if (options?.cachedData) process.stderr.write('cache ' + threadId + ' ' + options.filename.split('/').pop() + ' ' + (this.cachedDataRejected ? 'rejected' : 'taken') + '\\n')
          }
        }`,
      ...Object.fromEntries([1, 2, 3, 4].map((n) => [`notes/session-${n}.md`, notes(`Session ${n}`)])),
    })
    const result = spawnSync(process.execPath, ['--import', path.join(dir, 'hook.mjs'), path.join(root, 'bin/exchange.js'), 'build', path.join(dir, 'notes'), '-o', path.join(dir, 'out'), '-f', 'html', '-q'], {encoding: 'utf8', cwd: dir})
    expect(result.status, result.stderr).toBe(0)
    const caches = result.stderr.split('\n').filter((line) => line.startsWith('cache '))
    expect(caches).toContain('cache 0 exchange.cjs taken')
    expect(caches.some((line) => /^cache [1-9]\d* exchange-compile\.cjs taken$/.test(line)), caches.join('\n')).toBe(true)
    expect(caches.filter((line) => line.endsWith('rejected'))).toEqual([])
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
