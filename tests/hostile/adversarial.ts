/**
 * Adversarial strings for a regular expression, and a timer that runs it
 * over them in a worker thread (which is stopped if the pattern hangs).
 */
import {Worker} from 'node:worker_threads'

/** Characters of this length repeated: quadratic backtracking costs ~n²/2 steps, some 10⁷–10⁸ here. */
export const size = 20_000
/** A linear pattern is far under this; a quadratic one far over, even on a fast machine. */
export const thresholdMs = 100
/** Above this, the pattern is taken to hang (exponential backtracking), and its worker is stopped. */
export const hangMs = 15_000

const classes: Record<string, string[]> = {s: [' ', '\t'], d: ['1'], w: ['a', '_'], b: [], S: ['a'], D: ['a'], W: [' '], B: []}

/** Characters a pattern can match: its literals, and one or two of each class it names. */
export function characters(source: string): string[] {
  const found = new Set<string>([' ', 'a', 'A', '1', '.', '-', '#', '@', ':', ',', '(', ')', "'", '/', '\n', 'é'])
  for (let index = 0; index < source.length; index++) {
    const character = source[index]!
    if (character !== '\\') {
      if (!'[](){}|^$*+?'.includes(character)) found.add(character)
      continue
    }
    const next = source[index + 1] ?? ''
    index++
    if (next in classes) for (const value of classes[next]!) found.add(value)
    else if (next === 'p' || next === 'P') {
      for (const value of ['a', 'A', '1', 'é']) found.add(value)
      index = source.indexOf('}', index)
    } else if (next === 'u' && source[index + 1] === '{') {
      const end = source.indexOf('}', index)
      found.add(String.fromCodePoint(Number.parseInt(source.slice(index + 2, end), 16)))
      index = end
    } else if (next === 'u') {
      found.add(String.fromCharCode(Number.parseInt(source.slice(index + 1, index + 5), 16)))
      index += 4
    } else if (next === 'x') {
      found.add(String.fromCharCode(Number.parseInt(source.slice(index + 1, index + 3), 16)))
      index += 2
    } else if (!'nrtfv0123456789kcAzZ'.includes(next)) found.add(next)
  }
  return [...found]
}

/** Words a pattern names (`said`, `according`, `https`), each a likely thing to repeat. */
export function words(source: string): string[] {
  return [...new Set(source.replace(/\\[pPu]\{[^}]*\}|\\./g, ' ').match(/[A-Za-z]{2,}/g) ?? [])].slice(0, 80)
}

export interface Input {
  name: string
  prefix: string
  unit: string
  times: number
  tail: string
}

/**
 * Long runs of each character, pair of characters and word, each with a
 * failing tail (and, for single characters, with a letter before and a
 * line break after, for patterns anchored to a line).
 */
export function adversarialInputs(regex: RegExp): Input[] {
  const chars = characters(regex.source)
  const core = [' ', 'a', 'A', '1', '.', '-', '#', ':', ',', "'"]
  const units = new Set<string>()
  for (const first of core) for (const second of core) if (first !== second) units.add(first + second)
  for (const word of words(regex.source).slice(0, 24)) for (const separator of [' ', '.']) units.add(word + separator)
  const inputs: Input[] = []
  for (const unit of chars) {
    const times = size
    inputs.push({name: `${JSON.stringify(unit)} × ${times} + "!"`, prefix: '', unit, times, tail: '!'})
    inputs.push({name: `"a" + ${JSON.stringify(unit)} × ${times} + "\\n"`, prefix: 'a', unit, times, tail: '\n'})
  }
  for (const unit of units) {
    if (chars.includes(unit)) continue
    const times = Math.ceil(size / unit.length)
    inputs.push({name: `${JSON.stringify(unit)} × ${times} + "!"`, prefix: '', unit, times, tail: '!'})
  }
  return inputs
}

/** An input's text. */
export function textOf(input: Input): string {
  return input.prefix + input.unit.repeat(input.times) + input.tail
}

export interface Slowest {
  ms: number
  name: string
  /** Time on the string over time on one a quarter as long: 4 is linear, 16 quadratic. */
  ratio: number
}

export function timeInWorker(regex: RegExp, inputs: Input[]): Promise<Slowest> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./regex-worker.mjs', import.meta.url), {workerData: {source: regex.source, flags: regex.flags, inputs, thresholdMs}})
    const timer = setTimeout(() => {
      void worker.terminate()
      resolve({ms: Number.POSITIVE_INFINITY, name: `no answer in ${hangMs / 1000} s: it hangs`, ratio: Number.POSITIVE_INFINITY})
    }, hangMs)
    worker.once('message', (slowest: Slowest) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(slowest)
    })
    worker.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}

