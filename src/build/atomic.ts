/**
 * Atomic writes: write beside the target, then rename over it. A crash or a
 * failure never leaves a half-written report, and a failed rebuild leaves
 * the previous good report in place.
 */
import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

export async function writeAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(target), {recursive: true})
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await fs.writeFile(temporary, data)
    await fs.rename(temporary, target)
  } catch (error) {
    await fs.rm(temporary, {force: true})
    throw error
  }
}

/** Write several files so that either all of them land or none is touched. */
export async function writeAllAtomic(files: Array<{path: string; data: string | Uint8Array}>): Promise<void> {
  const staged: Array<{temporary: string; target: string}> = []
  try {
    for (const file of files) {
      await fs.mkdir(path.dirname(file.path), {recursive: true})
      const temporary = path.join(path.dirname(file.path), `.${path.basename(file.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
      staged.push({temporary, target: file.path})
      await fs.writeFile(temporary, file.data)
    }
    for (const {temporary, target} of staged) await fs.rename(temporary, target)
  } catch (error) {
    await Promise.all(staged.map(({temporary}) => fs.rm(temporary, {force: true})))
    throw error
  }
}
