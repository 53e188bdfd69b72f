/**
 * The organisations attendees work for, and every way the notes name them:
 * `London Borough of Camden` is also `Camden`, `Camden Council`, `LB Camden`
 * and `Camden's`; `Bath & North East Somerset Council` is also `B&NES`,
 * `BANES` and `Bath`; `Blackburn with Darwen` is `Blackburn` and `Darwen`.
 *
 * A form that is also an ordinary word (`Bath`, `Reading`, `Wells`, `Sale`) is
 * ambiguous: the rewriter only treats it as the organisation where the
 * context says so (a capital, and a place preposition, a possessive, a
 * label, a verb).
 */
import type {Roster} from '../types.js'
import {fold, isOrdinaryWord} from './forms.js'
import {rulePatterns} from './patterns.js'
import {getGazetteer, getKnowledge} from './lexicon/index.js'
import {placesInCouncilArea} from '../data/council-areas.js'
import {Memo} from '../util/memo.js'

/** `Beds`, `Bucks`: a word, or a word's plural, of either dictionary. */
function isWordOrPlural(word: string): boolean {
  return [word, word.replace(/s$/iu, '')].some((form) => isOrdinaryWord(form) || inDictionary(form))
}

/** In the larger dictionary the tagger reads (`stoke`, `trent`), though not an everyday word. */
function inDictionary(word: string): boolean {
  return largerDictionary.get(word, inLargerLists)
}

/** Looked up in place (a binary search, then a few entries decoded), for the same forms document after document: remembered. */
const largerDictionary = new Memo<boolean>({limit: 5_000, maxKeyLength: 13})

function inLargerLists(word: string): boolean {
  const key = fold(word).toLowerCase()
  const {common, rare} = getKnowledge()
  return common.has(key) || rare.has(key)
}

export interface Organisation {
  /** The name as the roster gives it: `London Borough of Camden`. */
  name: string
  /** Listed in `share`: may be named as the subject of shared best practice. */
  shared: boolean
  /** What one of them is called in the report: `council`, `combined authority`, `organisation`. */
  noun: string
  /** What its place is called: `council area`, `area`. */
  area: string
}

export interface OrgForm {
  text: string
  /** Index of the organisation in the list. */
  org: number
  /** `place`: a town or village inside the council's area (`Bootle` of Sefton Council), not its name. */
  kind: 'full' | 'short' | 'acronym' | 'part' | 'place'
  /** Also an ordinary word: only the organisation in a name context. */
  ambiguous: boolean
  /** One word that is no word of any dictionary (`Luton`, `Wirral`): the place whatever its case. */
  anyCase: boolean
}

/**
 * Places by the short names in common use: the traditional county abbreviations (Royal Mail's former postal
 * counties) and the best-known city nicknames. A row per place; the paranoid audit keeps its own copy.
 */
const placeShortNameRows: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Bedfordshire', ['Beds']], ['Berkshire', ['Berks']], ['Buckinghamshire', ['Bucks']], ['Cambridgeshire', ['Cambs']],
  ['Derbyshire', ['Derbys']], ['Gloucestershire', ['Glos']], ['Hampshire', ['Hants']], ['Hertfordshire', ['Herts']],
  ['Lancashire', ['Lancs']], ['Leicestershire', ['Leics']], ['Lincolnshire', ['Lincs']], ['Northamptonshire', ['Northants']],
  ['Nottinghamshire', ['Notts']], ['Oxfordshire', ['Oxon']], ['Staffordshire', ['Staffs']], ['Warwickshire', ['Warks']],
  ['Wiltshire', ['Wilts']], ['Worcestershire', ['Worcs']], ['Yorkshire', ['Yorks']], ['Northumberland', ['Northumb']],
  ['Birmingham', ['Brum']], ['Manchester', ['Manc']], ['Liverpool', ['Scouse']], ['Middlesbrough', ['Boro']],
]
const placeShortNames = placeShortNameRows.map(([place, shorts]) => [new RegExp(String.raw`(?<!\p{L})${place}(?!\p{L})`, 'iu'), shorts] as const)

const councilTypes = ['Council', 'City Council', 'Borough Council', 'County Council', 'District Council', 'Metropolitan Borough Council', 'BC', 'MBC', 'CC']
const joiners = new Set(['and', 'with', '&', 'of', 'the'])

/** Organisations of the roster, each once, shared ones marked. */
export function rosterOrganisations(roster: Roster): Organisation[] {
  const shared = new Set(roster.share.map((name) => coreKey(name)))
  const seen = new Map<string, Organisation>()
  for (const person of roster.people) {
    if (!person.org) continue
    const key = coreKey(person.org)
    if (seen.has(key)) continue
    const combined = rulePatterns.combinedAuthority.test(person.org)
    const council = !combined && rulePatterns.councilName.test(person.org)
    seen.set(key, {
      name: person.org,
      shared: shared.has(key),
      noun: combined ? 'combined authority' : council ? 'council' : 'organisation',
      area: council ? 'council area' : 'area',
    })
  }
  return [...seen.values()]
}

/** The distinctive part of an organisation's name: `London Borough of Camden` → `Camden`. */
export function orgCore(name: string): string {
  const trimmed = name.trim().replace(rulePatterns.whitespaceRun, ' ')
  const core = trimmed.replace(rulePatterns.orgPrefix, '').replace(rulePatterns.orgSuffix, '')
  return core.trim() || trimmed
}

function coreKey(name: string): string {
  return fold(orgCore(name)).toLowerCase()
}

/** Every form of one organisation. */
export function orgForms(org: Organisation, index: number): OrgForm[] {
  const forms: OrgForm[] = []
  const seen = new Set<string>()
  const add = (text: string, kind: OrgForm['kind'], alsoWord = false) => {
    const clean = text.trim().replace(rulePatterns.whitespaceRun, ' ')
    if (clean.length < 2 || seen.has(clean.toLowerCase())) return
    seen.add(clean.toLowerCase())
    const single = !rulePatterns.multiWordForm.test(clean)
    const ambiguous = single && kind !== 'acronym' && (alsoWord || isOrdinaryWord(clean))
    forms.push({text: clean, org: index, kind, ambiguous, anyCase: single && kind !== 'acronym' && !ambiguous && !inDictionary(clean)})
  }

  add(org.name, 'full')
  add(org.name.replace(rulePatterns.leadingThe, ''), 'full')
  // `The Highland Council` → `Highland`: the article is no part of the place.
  const core = orgCore(org.name.replace(rulePatterns.leadingThe, ''))
  const isCouncil = org.noun === 'council'
  if (core !== org.name) add(core, 'short')
  // `up in the Highlands` of Highland Council: a place's plural is the same place.
  if (!rulePatterns.multiWordForm.test(core) && !/s$/iu.test(core)) add(`${core}s`, 'short')
  if (isCouncil) {
    for (const type of councilTypes) add(`${core} ${type}`, 'full')
    add(`London Borough of ${core}`, 'full')
    add(`LB ${core}`, 'full')
    add(`LB of ${core}`, 'full')
    add(`City of ${core}`, 'full')
  }
  if (org.noun === 'combined authority') add(`${core} CA`, 'full')

  // `Staffs` of Staffordshire, `Brum` of Birmingham: what everyone calls the place, which no rule derives.
  for (const [place, shorts] of placeShortNames) if (place.test(core)) for (const short of shorts) add(short, 'short', isWordOrPlural(short))

  // `B'ham` of Birmingham: a place of one long word with its middle elided, as shorthand writes it.
  if (!rulePatterns.multiWordForm.test(core) && core.length >= 7 && rulePatterns.startsUpper.test(core)) {
    for (const tail of [3, 4]) for (const mark of ["'", '’']) add(`${core[0]}${mark}${core.slice(-tail).toLowerCase()}`, 'short')
  }
  // `Blackburn with Darwen` → `Blackburn`, `Darwen`; `Bath & North East Somerset` → `Bath`.
  const parts = core.split(rulePatterns.orgJoiner)
  if (parts.length > 1) for (const part of parts) add(part, 'part')
  // `Derry City and Strabane` → `Derry`, `Derry & Strabane`, `Derry and Strabane`: each place without its `City` or `Borough`.
  const places = parts.map((part) => part.replace(rulePatterns.placeTypeEnd, ''))
  if (parts.length > 1 && places.some((place, at) => place !== parts[at])) {
    for (const place of places) add(place, 'part')
    add(places.join(' & '), 'short')
    add(places.join(' and '), 'short')
  }
  // `Stockton-on-Tees` → `Stockton`; `Newcastle upon Tyne` → `Newcastle`.
  const town = rulePatterns.townOnRiver.exec(core)
  if (town) add(town[1]!, 'part')
  // `Merthyr` of Merthyr Tydfil, `Rhondda` of Rhondda Cynon Taf: a place of two or more words by its first, unless that is a word (`North`, `Tower`).
  const placeWords = core.split(rulePatterns.whitespaceSplit)
  if (parts.length === 1 && placeWords.length > 1 && placeWords[0]!.length > 3 && !isOrdinaryWord(placeWords[0]!) && rulePatterns.startsUpper.test(placeWords[0]!)) add(placeWords[0]!, 'part')

  // `Dundee` of Volunteer Centre Dundee, `Leeds` of Age UK Leeds: a UK town named after the body's kind says where it works.
  if (parts.length === 1 && placeWords.length > 1) {
    for (const word of placeWords.slice(1)) if (word.length > 3 && rulePatterns.startsUpper.test(word) && !isOrdinaryWord(word) && getGazetteer().uk.has(fold(word).toLowerCase())) add(word, 'part')
  }

  // `on Anglesey` of the Isle of Anglesey County Council, `Scilly` of the Council of the Isles of Scilly, `Arran` of
  // an Isle of Arran trust: an island or a vale is named without its `Isle of`.
  for (const match of org.name.matchAll(rulePatterns.placeOfWhat)) if (!isOrdinaryWord(match[1]!)) add(match[1]!, 'part')

  // `B&NES`, `BANES`, `BNES`; `WYCA`.
  const words = core.split(rulePatterns.whitespaceSplit).filter((word) => !joiners.has(word.toLowerCase()))
  if (words.length >= 3) {
    const letters = words.map((word) => word[0]!.toUpperCase())
    add(letters.join(''), 'acronym')
    if (parts.length > 1) {
      const head = parts[0]!.split(rulePatterns.whitespaceSplit).length
      add(`${letters.slice(0, head).join('')}&${letters.slice(head).join('')}`, 'acronym')
      add(`${letters.slice(0, head).join('')}A${letters.slice(head).join('')}`, 'acronym')
    }
  }
  // `WYCA`, and a council's own initials when they are three or more: `BCC`, `RBKC`, `LBC`.
  const full = org.name.split(rulePatterns.whitespaceSplit).filter((word) => !joiners.has(word.toLowerCase()))
  if (full.length >= 3) add(full.map((word) => word[0]!.toUpperCase()).join(''), 'acronym')
  // `Leeds ICB` of NHS Leeds Integrated Care Board: the place, then the initials of the rest.
  const named = full.filter((word, at) => at > 0 || !rulePatterns.orgLeadingNational.test(word))
  if (named.length >= 3) add(`${named[0]} ${named.slice(1).map((word) => word[0]!.toUpperCase()).join('')}`, 'acronym')
  // `Bootle` of Sefton Council, `over in Treharris` of Merthyr Tydfil: a town or village in the council's own area says
  // where its participant works as plainly as the council's name, unless the council is shared. Last, so that a form
  // of the council's own name wins; a place that is also a word (`Street`, `Deal`) is ambiguous like `Bath`.
  if (isCouncil && !org.shared) for (const place of placesInCouncilArea(org.name)) add(place, 'place')
  return forms
}
