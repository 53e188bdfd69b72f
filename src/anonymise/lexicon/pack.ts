/**
 * A compact, dependency-free encoding for sorted word lists: front coding.
 * Each entry stores how many leading characters it shares with the entry
 * before it (one base-36 digit, at most 35) and the rest of the word.
 * `abbott,abbey` → `0abbott,4ey`. About half the size of the plain list, and
 * decoding 40 000 words takes a few milliseconds.
 */

/**
 * Encode words (any order, duplicates dropped) as one string. With `restart`, every
 * `restart`-th entry is written whole, so `PackedWords` can look a word up without
 * decoding the list.
 */
export function packWords(words: Iterable<string>, restart = 0): string {
  const sorted = [...new Set(words)].filter((word) => word !== '' && !word.includes(',')).sort()
  let previous = ''
  const parts: string[] = []
  for (const word of sorted) {
    let shared = 0
    const limit = restart > 0 && parts.length % restart === 0 ? 0 : Math.min(35, previous.length, word.length)
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

/** The knowledge lists (knowledge.ts) write every 16th entry whole: the runtime looks words up in place. */
export const knowledgeRestart = 16

/**
 * A packed list (written with `restart`) read where it lies: one scan for the
 * entries written whole, then a binary search among them and at most `restart`
 * entries decoded per look-up. Opening 60,000 words costs a scan for commas, not
 * 60,000 strings in a set.
 */
export class PackedWords {
  private readonly heads: number[] = []

  constructor(
    private readonly packed: string,
    private readonly restart: number,
  ) {
    if (packed === '') return
    let at = 0
    for (let entry = 0; at !== -1; entry++) {
      if (entry % restart === 0) this.heads.push(at)
      at = packed.indexOf(',', at)
      if (at !== -1) at++
    }
  }

  private entryEnd(at: number): number {
    const comma = this.packed.indexOf(',', at)
    return comma === -1 ? this.packed.length : comma
  }

  has(word: string): boolean {
    const heads = this.heads
    let low = 0
    let high = heads.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      const at = heads[middle]!
      const head = this.packed.slice(at + 1, this.entryEnd(at))
      if (head === word) return true
      if (head < word) {
        found = middle
        low = middle + 1
      } else high = middle - 1
    }
    if (found === -1) return false
    let at = heads[found]!
    let previous = ''
    for (let entry = 0; entry < this.restart && at < this.packed.length; entry++) {
      const end = this.entryEnd(at)
      previous = previous.slice(0, Number.parseInt(this.packed[at]!, 36)) + this.packed.slice(at + 1, end)
      if (previous === word) return true
      if (previous > word) return false
      at = end + 1
    }
    return false
  }
}
