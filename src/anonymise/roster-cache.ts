/**
 * What is compiled from a roster, kept by the roster's content: each notes file of a series parses its own copy of the
 * same attendees, and what is made from them (the matcher, the near-name reader's words) is a pure function of the
 * content, read only once made. The same roster object is found at once; an equal one by its content (one
 * `JSON.stringify` per roster object). Bounded: a batch of many series keeps the rosters it met last.
 */
import type {Roster} from '../types.js'
import {Memo} from '../util/memo.js'

export class RosterCache<T> {
  private readonly objects = new WeakMap<Roster, Map<string, T>>()
  private readonly content = new Memo<T>({limit: 64})

  /** What `make` compiles from `roster` with the options keyed by `options` (a string), made once per content. */
  get(roster: Roster, options: string, make: () => T): T {
    const byOptions = this.objects.get(roster) ?? new Map<string, T>()
    const known = byOptions.get(options)
    if (known !== undefined) return known
    const value = this.content.get(JSON.stringify([roster.people, roster.share, options]), make)
    byOptions.set(options, value)
    this.objects.set(roster, byOptions)
    return value
  }
}
