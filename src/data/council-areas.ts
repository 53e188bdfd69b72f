/**
 * Council areas and the places inside them, for the rewriter's place recogniser (`anonymise/orgs.ts`) and, apart,
 * the paranoid audit: the data is shared, the matching is not (this module imports neither). A council is found by its area's key, the
 * name without what only says which kind of council it is: `Sefton Council`, `Metropolitan Borough of
 * Sefton` and GeoNames' `Sefton` are all `sefton`; `Merthyr Tydfil County Borough Council` and GeoNames'
 * `Merthyr Tydfil County Borough` are `merthyr tydfil`; `Comhairle nan Eilean Siar` is GeoNames' `Eilean Siar`.
 *
 * The places are decoded per council on first use, so a roster with no council pays nothing, and one with
 * a council pays for its own area (tens of names), never for the table.
 */
import {councilPlaces, councilPlaceWords} from './council-places.js'

/** The packed lists (council-places.ts): a sorted list per area, each entry the count of letters it shares with the one before, in base 36, then the rest. */
export type PackedCouncilPlaces = Record<string, string>

function unpack(packed: string): string[] {
  const words: string[] = []
  let previous = ''
  if (packed === '') return words
  for (const part of packed.split(',')) {
    previous = previous.slice(0, Number.parseInt(part[0]!, 36)) + part.slice(1)
    words.push(previous)
  }
  return words
}

/** `Ynys Môn` → `ynys mon`: accents off, lower case. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '')
}

const kindPrefix = /^(?:the\s+)?(?:(?:city\s+and\s+(?:borough|county)|metropolitan\s+borough|royal\s+borough|london\s+borough|borough|city|district|county|county\s+borough)\s+of\s+|sir\s+|comhairle\s+nan\s+)/iu
const kindSuffix =
  /\s+(?:(?:city|county|borough|district|metropolitan\s+borough|county\s+borough|metropolitan\s+district|unitary|town)\s+)?(?:council|authority)$|\s+(?:county\s+borough|city|county|borough|district|mbc|bc|cc|dc)$/iu

/** `Metropolitan Borough of Sefton`, `Sefton Council`, `Sefton MBC` → `sefton`; `St. Helens` → `st helens`. */
export function councilAreaKey(name: string): string {
  let key = name.trim().replace(/\s+/gu, ' ')
  for (let pass = 0; pass < 2; pass++) key = key.replace(kindSuffix, '').replace(kindPrefix, '').replace(/^the\s+/iu, '')
  return fold(key).toLowerCase().replace(/[.’']/gu, '').replace(/\s*&\s*/gu, ' and ').replace(/,/gu, '').replace(/\s+/gu, ' ').trim()
}

const decoded = new Map<string, readonly string[]>()
const decodedWords = new Map<string, ReadonlySet<string>>()

/**
 * The towns and villages GeoNames places in the area of the council `name` names (`Sefton Council` → Bootle, Formby,
 * Maghull, Southport…), as written; none for a council the table does not hold (a London borough, a district of a
 * two-tier county: see derive-council-places.ts).
 */
export function placesInCouncilArea(name: string): readonly string[] {
  const key = councilAreaKey(name)
  let places = decoded.get(key)
  if (!places) {
    places = unpack(Object.hasOwn(councilPlaces, key) ? councilPlaces[key]! : '')
    decoded.set(key, places)
  }
  return places
}

/** Those of them that are also English words (`Street`, `Deal`), lower case: the derive script asked the word list. */
export function placeWordsInCouncilArea(name: string): ReadonlySet<string> {
  const key = councilAreaKey(name)
  let words = decodedWords.get(key)
  if (!words) {
    words = new Set(unpack(Object.hasOwn(councilPlaceWords, key) ? councilPlaceWords[key]! : ''))
    decodedWords.set(key, words)
  }
  return words
}
