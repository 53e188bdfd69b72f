/**
 * A compact, dependency-free encoding for sorted word lists: front coding.
 * Each entry stores how many leading characters it shares with the entry
 * before it (one base-36 digit, at most 35) and the rest of the word.
 * `abbott,abbey` → `0abbott,4ey`. About half the size of the plain list, and
 * decoding 40 000 words takes a few milliseconds.
 */

/** Encode words (any order, duplicates dropped) as one string. */
export function packWords(words: Iterable<string>): string {
  const sorted = [...new Set(words)].filter((word) => word !== '' && !word.includes(',')).sort()
  let previous = ''
  const parts: string[] = []
  for (const word of sorted) {
    let shared = 0
    const limit = Math.min(35, previous.length, word.length)
    while (shared < limit && previous[shared] === word[shared]) shared++
    parts.push(shared.toString(36) + word.slice(shared))
    previous = word
  }
  return parts.join(',')
}

/** Decode a packed string into a set of words. */
export function unpackWords(packed: string): Set<string> {
  const words = new Set<string>()
  if (packed === '') return words
  let previous = ''
  for (const part of packed.split(',')) {
    const shared = Number.parseInt(part[0]!, 36)
    previous = previous.slice(0, shared) + part.slice(1)
    words.add(previous)
  }
  return words
}
