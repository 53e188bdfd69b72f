/**
 * Golden files: what a fixture must produce. A missing golden file fails the
 * test (it is never written silently, which would approve whatever came out);
 * `UPDATE=1` writes them all, to be read in the diff before committing.
 */
import fs from 'node:fs'
import path from 'node:path'
import {expect} from 'vitest'

export function expectGolden(file: string, actual: string, regenerate: string): void {
  if (process.env.UPDATE) fs.writeFileSync(file, actual)
  if (!fs.existsSync(file)) {
    expect.fail(`Missing golden file ${path.relative(process.cwd(), file)}: write it with \`UPDATE=1 ${regenerate}\` and read it before committing`)
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'))
}
