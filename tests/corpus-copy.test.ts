import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {corpusCopyDir, sharedDir} from './helpers.js'

describe('vendored corpus', () => {
  it.runIf(sharedDir)('is byte-identical to shared/corpus', () => {
    const shared = path.join(sharedDir!, 'corpus')
    const names = fs.readdirSync(shared).sort()
    expect(fs.readdirSync(corpusCopyDir).filter((name) => name !== 'README.md').sort()).toEqual(names)
    for (const name of names) expect(fs.readFileSync(path.join(corpusCopyDir, name)).equals(fs.readFileSync(path.join(shared, name))), name).toBe(true)
  })
})
