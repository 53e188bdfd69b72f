/**
 * Every file a brand or theme folder is made of: the batch manifest hashes
 * them, and the brand and theme caches key on their modification times.
 */
import fs from 'node:fs'
import path from 'node:path'

/**
 * Every file under `dir`, sorted, leaving out dot files (`.DS_Store`) and
 * `node_modules`. Throws what `readdirSync` throws for a folder that cannot
 * be read.
 */
export function folderFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort()
}

/** A cache key for a folder: each of its files with its modification time. */
export function folderKey(dir: string): string {
  return `${dir}:${folderFiles(dir).map((file) => `${file}@${fs.statSync(file).mtimeMs}`).join(',')}`
}
