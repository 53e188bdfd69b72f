/**
 * Load a CommonJS bundle with a V8 code cache: V8 then reads the functions a
 * run needs from the cache instead of compiling them. Node 20 has no compile
 * cache of its own (`module.enableCompileCache` came in Node 22), and none
 * for ES modules, so exchange's bundles are CommonJS (`scripts/bundle.mjs`)
 * and `npm run build` makes their caches (`scripts/code-cache.mjs`).
 *
 * A cache holds the SHA-256 of the bundle it was made from and is used only
 * for that exact text (V8's own check compares lengths). V8 refuses one from
 * another V8 version or other flags; the bundle then compiles as without.
 *
 * A script run this way cannot call `import()` (Node 20): bundles import
 * ES modules through `importEsm`.
 *
 * V8 takes a cache only under the flags it was made with, so the CLI sets
 * `v8Flags` (`applyV8Flags`) before it loads its bundle, and the build sets
 * them before it makes the caches; a program that loads exchange as a
 * library sets none, and its bundles compile without their caches.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import {Module, createRequire} from 'node:module'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'

const digestBytes = 32

/**
 * Where `npm run build` (`scripts/code-cache.mjs`) collects the bundles its
 * warm-up build loads, the CLI's and those loaded on the way (Puppeteer's
 * connection, when it prints), to save each one's cache once the build has
 * run what a real one runs. Unset otherwise.
 */
export const loadedBundles = Symbol.for('exchange.loaded-bundles')

export interface LoadedBundle {
  exports: Record<string, unknown>
  /** The cache was there, made for this bundle, and V8 took it. */
  cacheUsed: boolean
  /** Save what V8 has compiled of the bundle so far (after a run of what a build uses), to `file`.cache or `to`. */
  writeCache(to?: string): void
}

/**
 * The V8 flags the `exchange` process runs under, its worker threads too (V8's flags are the process's):
 * `--no-turbo-inlining`. Most of TurboFan's time on exchange's pipeline (on V8's helper threads, a fresh
 * isolate's warm-up: 3-4 s of CPU in a batch of 50 PDFs, beside 6 s compiling the reports) went to
 * inlining its large functions into each other. Without inlining the optimised code is a little slower
 * and far cheaper to make: 50 PDFs 0.89x the process's CPU, 500 reports to HTML 0.99x (the workers
 * about 8% more, V8's helpers less), one report 0.99x (BENCHMARKS.md, "s25-18").
 */
export const v8Flags: readonly string[] = ['--no-turbo-inlining']

/** Set `v8Flags` in this process, before a bundle is loaded with its cache (they must be set at that point to hold for the cache). */
export function applyV8Flags(): void {
  for (const flag of v8Flags) v8.setFlagsFromString(flag)
}

/** Run the CommonJS bundle `file`, with the code cache `cache` (default `file.cache`) when it fits. */
export function loadBundle(file: string, cache = `${file}.cache`): LoadedBundle {
  // The digest of the file's bytes, the same as of its text encoded again, without encoding 4 MB again (some 14 ms of 48).
  const bytes = fs.readFileSync(file)
  const digest = createHash('sha256').update(bytes).digest()
  const source = bytes.toString('utf8')
  let cachedData: Buffer | undefined
  try {
    const data = fs.readFileSync(cache)
    if (data.subarray(0, digestBytes).equals(digest)) cachedData = data.subarray(digestBytes)
  } catch {
    // no cache: compile as usual
  }
  const script = new vm.Script(Module.wrap(source), {filename: file, cachedData})
  const module = {exports: {} as Record<string, unknown>}
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file))
  const loaded: LoadedBundle = {
    exports: module.exports,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    writeCache: (to = `${file}.cache`) => fs.writeFileSync(to, Buffer.concat([digest, script.createCachedData()])),
  }
  ;(globalThis as {[loadedBundles]?: Map<string, LoadedBundle>})[loadedBundles]?.set(file, loaded)
  return loaded
}
