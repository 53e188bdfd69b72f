/**
 * Build: notes files in, reports out. `compileReport` is one report, in
 * memory; `build` is a batch (`batch.ts`): one browser, a bounded pool of
 * pages, worker threads, skip-unchanged, failure isolation, atomic writes.
 */
export {compileReport} from './compile.js'
export type {CompileOptions, Compiled, Sources} from './compile.js'
export {allFormats, build, buildReport, createBuildSession, defaultFormats} from './batch.js'
export type {BuildOptions, BuildPlan, BuildSession, BuildSummary, Explanation, FileResult, Format} from './batch.js'
export {mergeManifests, manifestName} from './manifest.js'
export type {ManifestData, ManifestEntry, MergeResult} from './manifest.js'
export {parseShard, shardOf} from './shard.js'
export type {Shard} from './shard.js'
export {watchBuild} from './watch.js'
export type {WatchOptions, Watcher} from './watch.js'
