/**
 * Notes written by hand in styles neither the suite nor the generator has
 * (a typed-up summary with bold pseudo-headings and Q/A pairs, a timestamped
 * live log, a two-day event with `#` days, a Slack thread and a Mentimeter
 * export): every line with an `fw…` marker must reach the HTML or be left out
 * with a reason; none silently. Written before any rule was tuned on them;
 * their figures are reported apart from the generator's.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {measureNotes} from './measure.js'

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'fresh')
const files = fs.readdirSync(dir).filter((name) => name.endsWith('.md')).sort()

export function freshNotes(name: string) {
  const value = fs.readFileSync(path.join(dir, name), 'utf8')
  const markers = [...new Set(value.match(/\bfw[a-z]+\b/g) ?? [])]
  return {value, key: markers.map((marker) => ({marker, expect: 'report' as const})), style: name, people: []}
}

describe.each(files)('fresh notes %s', (name) => {
  it('loses nothing silently, and has no internal error', () => {
    const measured = measureNotes(freshNotes(name), name)
    if (process.env.EXCHANGE_FRESH) console.log(name, JSON.stringify(measured))
    expect(measured.internalErrors).toEqual([])
    expect(measured.imbalances).toBe(0)
    expect(measured.silent).toEqual([])
  })
})
