/**
 * Council areas and the places inside them, for the rewriter's place recogniser (`orgs.ts`) and, apart,
 * the paranoid audit: the data is shared, the matching is not. A council is found by its area's key, the
 * name without what only says which kind of council it is: `Sefton Council`, `Metropolitan Borough of
 * Sefton` and GeoNames' `Sefton` are all `sefton`; `Merthyr Tydfil County Borough Council` and GeoNames'
 * `Merthyr Tydfil County Borough` are `merthyr tydfil`; `Comhairle nan Eilean Siar` is GeoNames' `Eilean Siar`.
 *
 * The places are decoded per council on first use, so a roster with no council pays nothing, and one with
 * a council pays for its own area (tens of names), never for the table.
 */
import {fold} from '../forms.js'
import {councilPlaces} from './council-places.js'
import {unpackWords} from './pack.js'

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

/**
 * The towns and villages GeoNames places in the area of the council `name` names (`Sefton Council` → Bootle, Formby,
 * Maghull, Southport…), as written; none for a council the table does not hold (a London borough, a district of a
 * two-tier county: see council-places.ts).
 */
export function placesInCouncilArea(name: string): readonly string[] {
  const key = councilAreaKey(name)
  let places = decoded.get(key)
  if (!places) {
    const packed = Object.hasOwn(councilPlaces, key) ? councilPlaces[key]! : ''
    places = [...unpackWords(packed)]
    decoded.set(key, places)
  }
  return places
}
