/**
 * Atomic writes: write beside the target, then rename over it. A crash or a
 * failure never leaves a half-written report, and a failed rebuild leaves
 * the previous good report in place.
 *
 * Temporary files are named `.NAME.PID.RANDOM.tmp`, in the target's folder
 * (a rename is only atomic within one file system). A run can pass a
 * `TempFiles` set to know which are in flight, so that an exit hook can
 * remove them even when the process is ended mid-write; `sweepTemporaryFiles`
 * removes what a run killed outright (SIGKILL, power cut) left behind.
 */
import {randomBytes} from 'node:crypto'
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

/** Temporary files being written right now. */
export type TempFiles = Set<string>

export interface FileToWrite {
  path: string
  data: string | Uint8Array
}

const temporaryPattern = /^\..+\.(\d+)\.[\da-f]{8}\.tmp$/

function temporaryName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

export async function writeAtomic(target: string, data: string | Uint8Array, temps?: TempFiles): Promise<void> {
  await writeAllAtomic([{path: target, data}], temps)
}

/**
 * Write several files so that either all of them land or none is touched:
 * every file is written to its temporary first; only when all are complete
 * are they renamed into place.
 */
export async function writeAllAtomic(files: FileToWrite[], temps?: TempFiles): Promise<void> {
  const staged: Array<{temporary: string; target: string}> = []
  try {
    for (const file of files) {
      await fs.mkdir(path.dirname(file.path), {recursive: true})
      const temporary = temporaryName(file.path)
      staged.push({temporary, target: file.path})
      temps?.add(temporary)
      await fs.writeFile(temporary, file.data)
    }
    for (const {temporary, target} of staged) {
      await fs.rename(temporary, target)
      temps?.delete(temporary)
    }
  } catch (error) {
    await Promise.all(staged.map(({temporary}) => fs.rm(temporary, {force: true})))
    for (const {temporary} of staged) temps?.delete(temporary)
    throw error
  }
}

/** Remove temporary files now, synchronously (for an exit hook). */
export function removeTemporaryFilesSync(temps: TempFiles): void {
  for (const temporary of temps) {
    try {
      fsSync.rmSync(temporary, {force: true})
    } catch {
      // nothing more can be done while exiting
    }
  }
  temps.clear()
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Remove the temporary files of runs that no longer exist from `dir` and
 * its subfolders. Returns how many were removed.
 */
export async function sweepTemporaryFiles(dir: string): Promise<number> {
  let entries: fsSync.Dirent[]
  try {
    entries = await fs.readdir(dir, {recursive: true, withFileTypes: true})
  } catch {
    return 0
  }
  let removed = 0
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const match = temporaryPattern.exec(entry.name)
    if (!match || processAlive(Number(match[1]))) continue
    await fs.rm(path.join(entry.parentPath, entry.name), {force: true})
    removed++
  }
  return removed
}
