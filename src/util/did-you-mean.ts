/**
 * "Did you mean …?" for a mistyped key or column: the closest candidate
 * within a small edit distance, so `partcipants` suggests `participants`
 * and `xyz` suggests nothing.
 */
import {distance} from 'fastest-levenshtein'

/**
 * The candidate closest to `key`: within one edit for keys of up to four
 * characters, two for longer ones. Keys are compared as given: normalise
 * case and separators before calling. Very long keys (pasted text) get no
 * suggestion.
 */
export function didYouMean(key: string, candidates: readonly string[]): string | undefined {
  if (key.length > 40) return undefined
  let best: string | undefined
  let bestDistance = key.length <= 4 ? 2 : 3
  for (const candidate of candidates) {
    const between = distance(key, candidate)
    if (between < bestDistance) {
      best = candidate
      bestDistance = between
    }
  }
  return best
}
