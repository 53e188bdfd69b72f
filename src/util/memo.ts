/**
 * A small bounded memo for a pure function of a string: what a word folds to, what a written word is a slip of.
 * Notes repeat their words, so the answer for a word is worth keeping; but a batch reads hundreds of files, so
 * what is kept is bounded.
 *
 * Two generations: answers go into the young one; when it is full it becomes the old one (the previous old one is
 * dropped), and an answer found in the old one moves back into the young one. What is asked again and again stays;
 * at most `limit` answers are held; and no call ever pays for more than one new map.
 *
 * Keys of `maxKeyLength` characters or more are never kept (the answer is made each time): V8 keeps a substring of
 * 13 characters or more as a slice of the string it was cut from, so such a key would hold that whole string (a
 * notes file, a PDF's text) for as long as it is remembered. `undefined` is an answer like any other.
 */
export interface MemoOptions {
  /** How many answers at most (default 20,000). */
  limit?: number
  /** Keys this long or longer are not kept (default: every key is). */
  maxKeyLength?: number
}

/** What an answer of `undefined` is held as, so that one look-up tells a remembered `undefined` from a key not held. */
const NOTHING: unique symbol = Symbol('undefined')
type Held<V> = V | typeof NOTHING

export class Memo<V> {
  private young = new Map<string, Held<V>>()
  private old = new Map<string, Held<V>>()
  private readonly half: number
  private readonly maxKeyLength: number

  constructor(options: MemoOptions = {}) {
    this.half = Math.max(1, Math.floor((options.limit ?? 20_000) / 2))
    this.maxKeyLength = options.maxKeyLength ?? Number.POSITIVE_INFINITY
  }

  /** The answer for `key`: remembered, or made by `make` (and remembered). One look-up a generation, whatever the answer. */
  get(key: string, make: (key: string) => V): V {
    if (key.length >= this.maxKeyLength) return make(key)
    const young = this.young.get(key)
    if (young !== undefined) return young === NOTHING ? (undefined as V) : young
    let held = this.old.get(key)
    if (held === undefined) {
      const value = make(key)
      held = value === undefined ? NOTHING : value
    }
    if (this.young.size >= this.half) {
      this.old = this.young
      this.young = new Map()
    }
    this.young.set(key, held)
    return held === NOTHING ? (undefined as V) : held
  }

  /** How many answers are held. */
  get size(): number {
    return this.young.size + this.old.size
  }

  clear(): void {
    this.young.clear()
    this.old.clear()
  }
}

/** `fn`, remembered: a pure function of one string, with a bounded memo of its own. */
export function memoize<V>(fn: (key: string) => V, options?: MemoOptions): (key: string) => V {
  const memo = new Memo<V>(options)
  return (key) => memo.get(key, fn)
}
