/**
 * `--shard I/N`: a stable 1/N of the inputs, so N CI jobs regenerate an
 * archive in parallel. A file's shard depends only on its path relative to
 * the folder it was found in (its output path), never on the machine, the
 * order of the inputs or how many files there are.
 */
import {createHash} from 'node:crypto'
import {UsageError} from '../errors.js'

export interface Shard {
  /** 1-based. */
  index: number
  total: number
}

/** Parse `I/N` (1 ≤ I ≤ N). */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const index = match ? Number(match[1]) : Number.NaN
  const total = match ? Number(match[2]) : Number.NaN
  if (!match || total < 1 || index < 1 || index > total) {
    throw new UsageError(`Unexpected shard \`${value}\`, expected \`I/N\` with 1 ≤ I ≤ N`, {
      rule: 'shard',
      hint: 'e.g. `--shard 2/4` builds the second quarter of the files; give each CI job its own I',
    })
  }
  return {index, total}
}

/** Which shard (1-based) of `total` a relative path falls in. */
export function shardOf(relativePath: string, total: number): number {
  const digest = createHash('sha256').update(relativePath.normalize('NFC')).digest()
  return (digest.readUInt32BE(0) % total) + 1
}

export function inShard(relativePath: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(relativePath, shard.total) === shard.index
}
