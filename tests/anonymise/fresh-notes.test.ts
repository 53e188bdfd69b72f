/**
 * Fresh notes written for issue 15 in styles the rest of the suite lacks (Slack and Zoom exports,
 * sticky notes typed in lower case, quotes with a role under them), with answer keys: tokens of names
 * that must go, and phrases that must survive as written. Figures are logged for BENCHMARKS.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {anonymise} from './helpers.js'

const folder = path.join(import.meta.dirname, 'fresh')
const cases = fs.readdirSync(folder).filter((name) => name.endsWith('.md'))

interface Key {
  mustGo: string[]
  mustSurvive: string[]
}

/** Tokens of `mustGo` left in `output` outside the phrases that must survive; initials (all capitals) count only in capitals. */
export function score(output: string, key: Key): {left: string[]; kept: number} {
  // A phrase that opens a note is printed with a capital (`every penny…` → `Every penny…`): the same phrase.
  const spellings = (phrase: string) => [phrase, phrase[0]!.toUpperCase() + phrase.slice(1)]
  const kept = key.mustSurvive.filter((phrase) => spellings(phrase).some((spelling) => output.includes(spelling))).length
  let rest = output
  for (const phrase of key.mustSurvive) for (const spelling of spellings(phrase)) rest = rest.split(spelling).join(' ')
  const left = key.mustGo.filter((token) => {
    const initials = token.length <= 3 && token === token.toUpperCase()
    return new RegExp(`(?<![\\p{L}\\p{N}])${token}(?![\\p{L}\\p{N}])`, initials ? 'u' : 'iu').test(rest)
  })
  return {left, kept}
}

describe('fresh notes (issue 15)', () => {
  it.each(cases)('%s: no name left, and the phrases that must survive survive', (name) => {
    const source = fs.readFileSync(path.join(folder, name), 'utf8')
    const key = JSON.parse(fs.readFileSync(path.join(folder, name.replace(/\.md$/, '.key.json')), 'utf8')) as Key
    const [, front, notes] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(source)!
    const {markdown} = anonymise(notes!, front)
    const {left, kept} = score(markdown, key)
    console.log(`${name}: ${left.length}/${key.mustGo.length} name tokens left ${JSON.stringify(left)}; ${kept}/${key.mustSurvive.length} phrases kept`)
    if (process.env.SHOW) console.log(markdown)
    expect(left).toEqual([])
    expect(kept / key.mustSurvive.length).toBeGreaterThanOrEqual(0.97)
  })
})
