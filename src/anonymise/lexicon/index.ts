/**
 * The anonymiser's word lists, decoded once, on first use: given names and
 * surnames (is this capitalised word likely a person's name?), English
 * vocabulary (or an ordinary word?), places and organisation words (or
 * something else with a capital?). All keys are folded and lower case.
 */
import {packed} from './data.js'
import {knowledge as packedKnowledge} from './knowledge.js'
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

/**
 * What the tagger alone reads (knowledge.ts, derive-knowledge.ts): the dictionary words the English list
 * lacks, in two frequency bands, and more given names and surnames. Decoded on first use, apart from the lexicon, so
 * the rules never pay for it.
 */
export interface Knowledge {
  common: Set<string>
  rare: Set<string>
  names: Set<string>
}

let knowledge: Knowledge | undefined

export function getKnowledge(): Knowledge {
  knowledge ??= {common: unpackWords(packedKnowledge.common), rare: unpackWords(packedKnowledge.rare), names: unpackWords(packedKnowledge.names)}
  return knowledge
}
