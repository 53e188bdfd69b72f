/**
 * The anonymiser's word lists, decoded once, on first use: given names and
 * surnames (is this capitalised word likely a person's name?), English
 * vocabulary (or an ordinary word?), places and organisation words (or
 * something else with a capital?). All keys are folded and lower case.
 */
import {packed} from './data.js'
import {unpackWords} from './pack.js'

export interface Lexicon {
  given: Set<string>
  family: Set<string>
  words: Set<string>
  places: Set<string>
  orgWords: Set<string>
}

let lexicon: Lexicon | undefined

export function getLexicon(): Lexicon {
  lexicon ??= {
    given: unpackWords(packed.given),
    family: unpackWords(packed.family),
    words: unpackWords(packed.words),
    places: unpackWords(packed.places),
    orgWords: unpackWords(packed.orgWords),
  }
  return lexicon
}
