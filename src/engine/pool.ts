/** A counting semaphore: at most `size` holders at once, served in order. */
export class Semaphore {
  #free: number
  readonly #waiting: Array<() => void> = []

  constructor(size: number) {
    this.#free = Math.max(1, size)
  }

  /** Wait for a permit; call the returned function (once) to give it back. */
  async acquire(): Promise<() => void> {
    if (this.#free > 0) this.#free--
    else await new Promise<void>((resolve) => this.#waiting.push(resolve))
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.#waiting.shift()
      if (next) next()
      else this.#free++
    }
  }
}

/**
 * Run `task` over `items` with at most `size` running at once, in order of
 * the items; stops taking new items once `stop()` is true. Results land at
 * the index of their item.
 */
export async function mapBounded<T, R>(items: readonly T[], size: number, task: (item: T, index: number) => Promise<R>, stop: () => boolean = () => false): Promise<Array<R | undefined>> {
  const results: Array<R | undefined> = new Array(items.length)
  let next = 0
  const run = async () => {
    while (next < items.length && !stop()) {
      const index = next++
      results[index] = await task(items[index]!, index)
    }
  }
  await Promise.all(Array.from({length: Math.max(1, Math.min(size, items.length))}, run))
  return results
}

/**
 * A function to call as each of `items` is done; `then` runs once, when the
 * last of them is. An item may say so more than once, or an item not listed:
 * neither counts.
 */
export function whenAllDone<T>(items: Iterable<T>, then: () => void): (item: T) => void {
  const left = new Set(items)
  return (item) => {
    if (left.delete(item) && left.size === 0) then()
  }
}
