/**
 * The bio recogniser: where a participant comes from or lives, stated about them (`Sue grew up in Kirkcaldy`, `Rich
 * Abernethy leads co-production. He lives in Fife with his partner`, `Mark is originally from the Wirral`). Where someone
 * grew up or lives, beside their name, picks them out of a room as surely as their council does, whoever's council the
 * place is in: the place goes (`grew up in one council area`), the rest of the bio stays.
 *
 * A table of shapes, one row per way a bio says it: the verb phrase between the person and the place. The person is a
 * roster person found in the same string (its subject), or a pronoun after one (`He lives in Fife`, in the sentences
 * after the name). The place is one to three capitalised words (`Kirkcaldy`, `Milton Keynes`, `the Isle of Lewis` with
 * its joiners), or, written small, a UK place the gazetteer lists (`sue grew up in kirkcaldy`).
 *
 * Independent of which council a place is in (another recogniser's table): this is the shape, not the place.
 */
import {getGazetteer} from './lexicon/index.js'
import {fold} from './forms.js'

export interface BioPlace {
  start: number
  end: number
  /** The row that found it. */
  shape: string
}

/** Ways a bio states where someone is from or lives: the words between the person and the place (adverbs allowed). */
export const bioShapes: Array<{shape: string; verb: string}> = [
  {shape: 'grew up in', verb: String.raw`grew\s+up\s+(?:in|on|near|around)`},
  {shape: 'was born in', verb: String.raw`(?:was|were)\s+(?:born|raised|brought\s+up)(?:\s+and\s+(?:raised|bred|brought\s+up))?\s+(?:in|on|near)`},
  // `Sue is from Barnardo's` is where she works: only a place the gazetteer lists (`Sue is from Kirkcaldy`), see `listedOnly`.
  {shape: 'is from', verb: String.raw`(?:is|was|are|were|['’]s)\s+(?:actually\s+|also\s+)?from`},
  {shape: 'originally from', verb: String.raw`(?:(?:is|was|are|were|['’]s)\s+)?(?:originally|hails|hailed)\s+from`},
  {shape: 'lives in', verb: String.raw`(?:lives|lived|living|(?:is|was|are|were)\s+(?:now\s+)?(?:based|living))\s+(?:in|on|near|outside|just\s+outside)`},
  {shape: 'moved to', verb: String.raw`moved\s+(?:here\s+|back\s+|up\s+|down\s+|over\s+)?(?:to|from)`},
]

/** Adverbs and a short aside a bio may put between the person and the verb: `Sue, who now lives in`, `He still lives in`. */
const between = String.raw`(?:\s*,\s*who)?(?:\s+(?:now|still|also|actually|originally|currently|herself|himself|themselves|then|later))*\s+`
const pronoun = String.raw`(?:[Hh]e|[Ss]he|[Tt]hey|HE|SHE|THEY)`
const verbs = bioShapes.map((row) => `(${row.verb})`).join('|')
const afterPerson = new RegExp(String.raw`^(?:['’]s)?${between}(?:${verbs})\s+`, 'u')
const afterPronoun = new RegExp(String.raw`(?:^|[.!?;:]\s+|\s(?:and|but|so)\s+|^[^\p{L}]*)${pronoun}${between}(?:${verbs})\s+`, 'gu')

/** A capitalised word, or a joiner inside a place's name (`Isle of Lewis`, `Stoke-on-Trent`, `Newcastle upon Tyne`). */
const capitalWord = /^\p{Lu}[\p{L}'’.-]*/u
const joiner = /^(?:of|upon|on|under|in|le|la|de|the|and)$/u

/** The place at `at` of `value`: capitalised words (joiners between), or a listed UK place written small. Its end. */
function placeAt(value: string, at: number): number | undefined {
  let end = at
  let cursor = at
  let words = 0
  while (words < 5) {
    const rest = value.slice(cursor)
    const word = capitalWord.exec(rest)
    if (!word) {
      // A joiner inside the name, only with a capitalised word after it.
      const small = /^([a-z]+)[\s-]+(?=\p{Lu})/u.exec(rest)
      if (words > 0 && small && joiner.test(small[1]!)) {
        cursor += small[0].length
        continue
      }
      break
    }
    end = cursor + word[0].replace(/['’]s$|[.'’-]+$/u, '').length
    words++
    const gap = /^[ -]/u.exec(value.slice(end))
    if (!gap) break
    cursor = end + 1
  }
  if (words > 0) return end
  // Written small: a UK place the gazetteer lists, one token or two (`kirkcaldy`, `milton keynes`).
  const small = /^([a-z][a-z'-]*)(?:\s([a-z][a-z'-]*))?/u.exec(value.slice(at))
  if (!small) return undefined
  const listed = getGazetteer()
  if (small[2] && listed.ukWhole.has(`${fold(small[1]!)} ${fold(small[2])}`)) return at + small[0].length
  return listed.uk.has(fold(small[1]!)) ? at + small[1]!.length : undefined
}

/** Shapes that as often say where someone works (`Sue is from Barnardo's`): a place only where the gazetteer lists it. */
const listedOnly = new Set(['is from'])
/** Words that make a capitalised phrase an organisation or a department: not where someone lives. */
const orgHeads = new Set(['council', 'trust', 'partnership', 'services', 'service', 'team', 'department', 'office', 'foundation', 'charity', 'association', 'network', 'group', 'board', 'authority', 'university', 'college', 'school', 'hospital', 'nhs', 'ltd', 'limited', 'agency', 'commission'])
const gazetteer = getGazetteer

function shapeOf(match: RegExpExecArray, offset: number): string {
  for (let index = 0; index < bioShapes.length; index++) if (match[index + offset] !== undefined) return bioShapes[index]!.shape
  return bioShapes[0]!.shape
}

/**
 * Places in the bios of the roster people found in `value` (`people`: where each was found), left to right. A pronoun's bio
 * counts only after a roster person in the same string: with no one named before it, `he` may be anyone.
 */
export function findBioPlaces(value: string, people: ReadonlyArray<{start: number; end: number}>, options: {pronounsOnly?: boolean} = {}): BioPlace[] {
  if (people.length === 0) return []
  const found: BioPlace[] = []
  const add = (placeStart: number, shape: string) => {
    // `the Wirral`, `the Isle of Lewis`: the article goes with the place.
    const article = /^the\s+/iu.exec(value.slice(placeStart, placeStart + 8))?.[0].length ?? 0
    const end = placeAt(value, placeStart + article)
    if (end === undefined || end <= placeStart + article || found.some((place) => place.start === placeStart)) return
    const words = value.slice(placeStart + article, end).split(/[\s-]+/u).map((word) => fold(word).toLowerCase())
    // `lives in Housing Services`, `moved to Leeds City Council`: an organisation, not a place (orgs.ts finds those).
    if (words.some((word) => orgHeads.has(word))) return
    if (listedOnly.has(shape) && !words.some((word) => gazetteer().uk.has(word) || gazetteer().ukPart.has(word) || gazetteer().world.has(word))) return
    found.push({start: placeStart, end, shape})
  }
  for (const person of options.pronounsOnly ? [] : people) {
    const match = afterPerson.exec(value.slice(person.end, person.end + 120))
    if (match) add(person.end + match[0].length, shapeOf(match, 1))
  }
  const first = Math.min(...people.map((person) => person.start))
  afterPronoun.lastIndex = first
  for (let match = afterPronoun.exec(value); match; match = afterPronoun.exec(value)) add(match.index + match[0].length, shapeOf(match, 1))
  return found.sort((a, b) => a.start - b.start)
}
