export {currentModel, emissions, formatModel, parseModel, prepare, scorable, scoreTokens, tagPeople, useTaggerModel, viterbi} from './model.js'
export type {Sentence, TaggedSpan, TaggerModel} from './model.js'
export {caseOf, describe, describeToken, featuresAt, inflectionOfWord, keyOf, sentenceCase, stopWords, tokenize} from './features.js'
export type {Token, TokenInfo} from './features.js'
