/**
 * `--watch`: build, then rebuild whenever the notes, the attendees file, a
 * profile, brand, theme or image a report was made from changes. Changes
 * are debounced; a change during a rebuild queues one more. Each rebuild is
 * an ordinary build with the manifest, so only the reports whose sources
 * changed are rebuilt, and the browser and worker threads stay warm between
 * rebuilds.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {FSWatcher} from 'chokidar'
import {isEditorTempFile} from '../util/editor-temp.js'
import {isDynamicPattern} from 'tinyglobby'
import {build, createBuildSession, type BuildOptions, type BuildSummary} from './batch.js'
import {staticBase} from './inputs.js'
import {manifestFiles, readManifestFile} from './manifest.js'
import {importEsm} from '../util/import-esm.js'

export interface WatchOptions extends Omit<BuildOptions, 'session' | 'signal'> {
  /** Milliseconds to wait for changes to settle before rebuilding (150 by default). */
  debounce?: number
  /** After each build, the first one included. */
  onBuild?: (summary: BuildSummary, changed: string[]) => void
  /** A build that could not run at all (a usage error, e.g. the notes folder was emptied). */
  onError?: (error: unknown) => void
}

export interface Watcher {
  /** Stop watching; interrupts a rebuild in progress and closes the browser. */
  close(): Promise<void>
  /** The paths being watched. */
  watched(): string[]
  /** Resolves when no build is running or queued. */
  idle(): Promise<void>
}

/** Build, then keep rebuilding on changes until `close()`. */
export async function watchBuild(patterns: string[], options: WatchOptions = {}): Promise<Watcher> {
  const cwd = options.cwd ?? process.cwd()
  const outDir = path.resolve(cwd, options.outDir ?? 'out')
  const reviewDir = options.reviewDir ? path.resolve(cwd, options.reviewDir) : undefined
  const session = createBuildSession()
  const controller = new AbortController()
  const watched = new Set<string>()
  let watcher: FSWatcher | undefined
  let running: Promise<void> | undefined
  let pending: string[] | undefined
  let timer: NodeJS.Timeout | undefined
  let scheduled = false
  let closed = false

  const inside = (file: string, dir: string | undefined) => {
    if (!dir) return false
    const relative = path.relative(dir, file)
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
  }
  const ignored = (file: string) => inside(path.resolve(cwd, file), outDir) || inside(path.resolve(cwd, file), reviewDir) || isEditorTempFile(file)

  const sources = async (): Promise<string[]> => {
    const found = new Set<string>()
    for (const pattern of patterns) found.add(path.resolve(cwd, isDynamicPattern(pattern) ? staticBase(pattern) : pattern))
    for (const file of [options.attendeesFile, options.brand, options.theme]) if (file) found.add(path.resolve(cwd, file))
    if (options.profile && /[\\/]|\.ya?ml$/i.test(options.profile)) found.add(path.resolve(cwd, options.profile))
    for (const file of await manifestFiles(outDir)) {
      for (const entry of Object.values((await readManifestFile(file)).reports)) {
        for (const dependency of Object.keys(entry.deps)) found.add(path.resolve(outDir, dependency.slice(2)))
      }
    }
    // A missing image or file is watched through its folder, so that creating it triggers a rebuild.
    return [...found].map((file) => (fs.existsSync(file) ? file : path.dirname(file))).filter((file) => !ignored(file))
  }

  const once = async (changed: string[]) => {
    try {
      const summary = await build(patterns, {...options, session, signal: controller.signal})
      if (!closed) options.onBuild?.(summary, changed)
    } catch (error) {
      if (!closed) options.onError?.(error)
    }
    if (closed) return
    const add = (await sources()).filter((file) => !watched.has(file))
    for (const file of add) watched.add(file)
    if (add.length > 0) watcher?.add(add)
  }

  const run = (changed: string[]) => {
    if (running) {
      pending = [...(pending ?? []), ...changed]
      return
    }
    running = once(changed).finally(() => {
      running = undefined
      const next = pending
      pending = undefined
      if (next && !closed) run(next)
    })
  }

  const changes: string[] = []
  const onChange = (file: string) => {
    if (closed || ignored(file)) return
    changes.push(path.relative(cwd, path.resolve(cwd, file)) || file)
    clearTimeout(timer)
    scheduled = true
    timer = setTimeout(() => {
      scheduled = false
      run(changes.splice(0))
    }, options.debounce ?? 150)
  }

  run([])
  await running
  if (!closed) {
    for (const file of await sources()) watched.add(file)
    const {watch} = await importEsm<typeof import('chokidar')>('chokidar')
    watcher = watch([...watched], {ignoreInitial: true, ignored, followSymlinks: false})
    watcher.on('all', (_event, file) => onChange(file))
    await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()))
  }

  return {
    watched: () => [...watched],
    async idle() {
      while (running || scheduled) {
        if (running) await running
        else await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    async close() {
      closed = true
      clearTimeout(timer)
      controller.abort()
      await watcher?.close()
      await running
      await session.close()
    },
  }
}
