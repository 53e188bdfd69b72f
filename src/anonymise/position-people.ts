/**
 * A private person not on the roster whose given name is also a place or a word (`Jordan`, `Chelsea`, `Kenya`,
 * `Georgia`), where only a person goes: a research interview's respondent tag (`R2 (Jordan):`), the subject of a verb
 * of saying (`Jordan said`, `Jordan - one of ours - said`), or the owner of a relative (`Jordan's mum`). The rules for
 * people not on the roster leave such a word alone when it is a country or a town; the position outweighs that here.
 * Elsewhere the word keeps its other sense (`a conference in Jordan`, `the Kenya exchange trip`).
 *
 * A table: one row per position, the name-position rows it accepts and the text after the word. Adding a position is
 * adding a row.
 */
import {getLexicon} from './lexicon/index.js'
import {namePosition} from './name-positions.js'
import type {PersonCandidate} from './unrostered.js'
import {matchesOf} from '../util/matches.js'

interface PositionRow {
  /** Why it is a person, for the review page. */
  reason: string
  /** A name position of `name-positions.ts` the word is in. */
  positions?: ReadonlySet<string>
  /** The text after the word. */
  after?: RegExp
  /** The `'s` after the word belongs to the mention. */
  possessive?: boolean
}

const rows: PositionRow[] = [
  {reason: 'a given name in a respondent tag or a speaker bracket', positions: new Set(['question author'])},
  {reason: 'a given name as the subject of a verb of saying', positions: new Set(['subject of a verb of saying'])},
  {
    reason: "a given name before a relative's or a worker's noun",
    after: /^['’]s[^\S\n]+(?:(?:little|big|older|younger|eldest|youngest|foster|step|new|old)[^\S\n]+)?(?:mum|mam|mom|mammy|mother|dad|daddy|father|parents?|gran|granny|grandma|grandmother|nan|nana|grandad|grandpa|grandfather|brother|sister|siblings?|son|daughter|kids|children|baby|wife|husband|partner|boyfriend|girlfriend|aunt|auntie|uncle|cousin|carer|social[^\S\n]+worker|key[^\S\n]+worker|support[^\S\n]+worker|teacher|tenancy|flat|benefits|caseworker)(?![\p{L}])/iu,
    possessive: true,
  },
]

const word = /\p{Lu}\p{Ll}[\p{L}'’-]*/gu

export interface PositionContext {
  blockStart: boolean
  following?: string
}

/** People not on the roster named by a listed given name in a position only a person fills, outside `taken`. */
export function findPeopleByPosition(value: string, context: PositionContext, taken: ReadonlyArray<{start: number; end: number}>): PersonCandidate[] {
  const found: PersonCandidate[] = []
  const {given} = getLexicon()
  for (const match of matchesOf(word, value)) {
    const text = match[0].replace(/['’]s$/u, '')
    const start = match.index
    const key = text.toLowerCase()
    if (!given.has(key) || taken.some((span) => start < span.end && start + text.length > span.start)) continue
    const position = namePosition(value + (context.following ?? ''), start, start + text.length, context.blockStart)
    const rest = value.slice(start + text.length, start + text.length + 80)
    const row = rows.find((one) => (one.positions === undefined || (position !== undefined && one.positions.has(position.id))) && (one.after === undefined || one.after.test(rest)))
    if (!row) continue
    const end = start + text.length + (row.possessive ? 2 : 0)
    found.push({start, end, text: value.slice(start, end), confident: true, strong: false, expert: false, possessive: row.possessive === true, reason: row.reason, keys: [key]})
  }
  return found
}
