/**
 * English inflection, read backwards: the stems a word may be an inflection of
 * (`batteries` → `battery`, `imaging` → `image`, `uplands` → `upland`). Shared by
 * the tagger (is this an ordinary word?) and the derivation of the knowledge lists,
 * which leave out an inflection whose stem they hold.
 */
const inflections: Array<[string, string[]]> = [
  ['ies', ['y']],
  ['es', ['', 'e']],
  ['s', ['']],
  ['ing', ['', 'e']],
  ['ed', ['', 'e']],
  ['ly', ['', 'le']],
]

/** Is `key` an inflection of a word `has` holds? */
export function inflectedFrom(key: string, has: (word: string) => boolean): boolean {
  for (const [ending, stems] of inflections) {
    if (!key.endsWith(ending) || key.length - ending.length < 3) continue
    const root = key.slice(0, key.length - ending.length)
    if (stems.some((stem) => has(root + stem))) return true
  }
  return false
}
