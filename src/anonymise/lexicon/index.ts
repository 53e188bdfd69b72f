/**
 * The anonymiser's word lists, decoded once, on first use: given names and
 * surnames (is this capitalised word likely a person's name?), English
 * vocabulary (or an ordinary word?), places and organisation words (or
 * something else with a capital?). All keys are folded and lower case.
 */
import {packed} from './data.js'
import {dialect} from './dialect.js'
import {loanwords} from './loanwords.js'
import {gazetteer as packedGazetteer} from './gazetteer.js'
import {knowledge as packedKnowledge} from './knowledge.js'
import {knowledgeRestart, PackedWords, unpackWords} from './pack.js'

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
    // The English list, the dialect words notes quote as said (`naebody`, `nowt`, `ken`): dialect.ts, and the words of
    // phrases English borrows whole (`ad hoc`, `status quo`): loanwords.ts.
    words: new Set([...unpackWords(packed.words), ...dialect, ...loanwords]),
    places: unpackWords(packed.places),
    orgWords: unpackWords(packed.orgWords),
  }
  return lexicon
}

/**
 * What the tagger alone reads (knowledge.ts, derive-knowledge.ts): the dictionary words the English list
 * lacks, in two frequency bands, and more given names and surnames. Opened on first use, apart from the lexicon, so
 * the rules never pay for it.
 */
export interface Knowledge {
  common: WordSet
  rare: WordSet
  names: WordSet
}

export interface WordSet {
  has(word: string): boolean
}

let knowledge: Knowledge | undefined

export function getKnowledge(): Knowledge {
  // Looked up in place (PackedWords): 60,000 words are not decoded into sets at a worker's start.
  knowledge ??= {common: new PackedWords(packedKnowledge.common, knowledgeRestart), rare: new PackedWords(packedKnowledge.rare, knowledgeRestart), names: new PackedWords(packedKnowledge.names, knowledgeRestart)}
  return knowledge
}

/**
 * The gazetteer (gazetteer.ts, derive-gazetteer.ts): UK and Irish towns, local authorities and counties
 * (`Wigan`, `Kirklees`), the words of their longer names (`Keynes`, `Tydfil`), and the world's larger
 * cities. For the tagger alone, opened on first use and looked up in place like the knowledge lists.
 */
export interface Gazetteer {
  uk: WordSet
  ukPart: WordSet
  world: WordSet
  /** Names of two words or more, whole (`milton keynes`), for the rules. */
  ukWhole: WordSet
}

let gazetteer: Gazetteer | undefined

export function getGazetteer(): Gazetteer {
  gazetteer ??= {
    uk: new PackedWords(packedGazetteer.uk, knowledgeRestart),
    ukPart: new PackedWords(packedGazetteer.ukPart, knowledgeRestart),
    world: new PackedWords(packedGazetteer.world, knowledgeRestart),
    ukWhole: new PackedWords(packedGazetteer.ukWhole, knowledgeRestart),
  }
  return gazetteer
}
