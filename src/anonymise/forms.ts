/**
 * Every way a person's name can be written: full name, first name, surname,
 * initials, honorific forms, aliases. Each form says whether it is also an
 * ordinary English word (`Will`, `Hope`, `Price`), which the matcher only
 * treats as a name when the context says so.
 */
import {honorifics} from '../parse/roster.js'
import type {Person} from '../types.js'

export type FormKind = 'full' | 'first' | 'last' | 'initials' | 'alias' | 'honorific'

export interface NameForm {
  text: string
  /** Index of the person in the roster. */
  person: number
  kind: FormKind
  /** Also an ordinary word: only a name when capitalised and in a name context. */
  ambiguous: boolean
}

/**
 * Given names and surnames that are also common English words. A form in this
 * list is matched only where the context marks it as a name.
 */
export const commonWords = new Set([
  'will', 'grace', 'hope', 'mark', 'bill', 'rose', 'dawn', 'frank', 'faith', 'joy', 'ruby', 'amber',
  'iris', 'daisy', 'lily', 'holly', 'ivy', 'heather', 'jade', 'pearl', 'summer', 'april', 'may', 'june',
  'rich', 'guy', 'pat', 'sue', 'ray', 'sandy', 'bob', 'jack', 'don', 'art', 'bud', 'cliff', 'dean',
  'drew', 'earl', 'glen', 'grant', 'hunter', 'lane', 'miles', 'penny', 'rob', 'robin', 'rod', 'sky',
  'wade', 'price', 'young', 'brown', 'green', 'white', 'black', 'bell', 'king', 'wood', 'hill', 'ford',
  'fox', 'hall', 'hunt', 'law', 'lord', 'marsh', 'mason', 'moss', 'page', 'park', 'pool', 'reading',
  'rice', 'rush', 'shaw', 'short', 'small', 'stone', 'strong', 'sweet', 'swift', 'turner', 'ward',
  'walker', 'wells', 'west', 'wise', 'baker', 'banks', 'bishop', 'booth', 'brook', 'cook', 'cross',
  'day', 'fisher', 'frost', 'gold', 'gray', 'grey', 'hale', 'hart', 'house', 'knight', 'long', 'love',
  'mann', 'mills', 'noble', 'pike', 'potter', 'power', 'read', 'reed', 'rock', 'sharp', 'steel', 'tower',
  'bath', 'sale', 'chance', 'constance', 'patience', 'honor', 'honour', 'hero', 'gay', 'sunny', 'storm',
  'river', 'rain', 'star', 'angel', 'justice', 'major', 'duke', 'prince', 'bond', 'case', 'chase',
  'cash', 'coy', 'carter', 'chambers', 'field', 'fields', 'fuller', 'glass', 'golding', 'hand', 'hay',
  'heath', 'hood', 'hook', 'horn', 'jewel', 'keen', 'kitchen', 'lamb', 'lever', 'lock', 'lowe', 'march',
  'mayor', 'meadows', 'money', 'moon', 'nightingale', 'oak', 'parsons', 'peace', 'pope', 'rudd', 'salt',
  'sergeant', 'sexton', 'sheppard', 'shepherd', 'sterling', 'street', 'tailor', 'thorn', 'trout', 'vale',
  'waters', 'wolf', 'woods', 'worth', 'lawless', 'free', 'best', 'good', 'goodman', 'kind', 'blue',
])

/** Short words that initials can spell: `TO` (Tom Okafor) is also "to". */
export const shortWords = new Set([
  'a', 'i', 'am', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'hi', 'if', 'in', 'is', 'it', 'me', 'my', 'no', 'of', 'oh', 'ok',
  'on', 'or', 'so', 'to', 'up', 'us', 'we', 'ad', 'ah', 'ax', 'eh', 'ex', 'ha', 'id', 'lo', 'ma', 'mi', 'mu', 'ow', 'ox', 'pa', 'pi',
  'all', 'and', 'any', 'are', 'art', 'ask', 'bad', 'bag', 'bat', 'bed', 'big', 'bit', 'box', 'boy', 'bus', 'but', 'buy', 'can',
  'car', 'cat', 'cup', 'cut', 'day', 'did', 'dog', 'dry', 'due', 'ear', 'eat', 'egg', 'end', 'eye', 'far', 'few', 'fit', 'fix',
  'fly', 'for', 'fun', 'gap', 'gas', 'get', 'got', 'gun', 'guy', 'had', 'has', 'hat', 'her', 'hey', 'him', 'his', 'hit', 'hot',
  'how', 'ice', 'ill', 'its', 'job', 'joy', 'key', 'kid', 'law', 'lay', 'led', 'leg', 'let', 'lie', 'lot', 'low', 'mad', 'man',
  'map', 'may', 'men', 'met', 'mix', 'mum', 'net', 'new', 'nor', 'not', 'now', 'odd', 'off', 'oil', 'old', 'one', 'our', 'out',
  'own', 'pay', 'pen', 'per', 'pet', 'pin', 'pop', 'pot', 'pub', 'put', 'ran', 'raw', 'red', 'rid', 'row', 'run', 'sad', 'sat',
  'saw', 'say', 'sea', 'see', 'set', 'she', 'shy', 'sit', 'six', 'sky', 'son', 'sun', 'tax', 'tea', 'ten', 'the', 'tie', 'tip',
  'too', 'top', 'toy', 'try', 'two', 'use', 'van', 'via', 'war', 'was', 'way', 'web', 'wet', 'who', 'why', 'win', 'won', 'yes',
  'yet', 'you', 'zoo',
])

const particles = new Set(['de', 'da', 'del', 'della', 'der', 'van', 'von', 'le', 'la', 'du', 'di', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'ó', 'o', 'mac', 'mc', 'st'])

/** Strip accents: `Seán Ó Briain` → `Sean O Briain`. */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '')
}

export function isCommonWord(word: string): boolean {
  return commonWords.has(fold(word).toLowerCase())
}

/** The parts of a name: `Seán Ó Briain` → first `Seán`, surname `Ó Briain`. */
export function nameParts(name: string): {first?: string; middle: string[]; last?: string} {
  const words = name.split(/\s+/).filter(Boolean)
  if (words.length === 0) return {middle: []}
  if (words.length === 1) return {first: words[0], middle: []}
  // A surname keeps its particles: `Ó Briain`, `van der Berg`.
  let start = words.length - 1
  while (start > 1 && particles.has(words[start - 1]!.toLowerCase())) start--
  return {first: words[0], middle: words.slice(1, start), last: words.slice(start).join(' ')}
}

/** Forms of one person, most specific first. */
export function nameForms(person: Person, index: number): NameForm[] {
  const forms: NameForm[] = []
  const add = (text: string, kind: FormKind, ambiguous = false) => {
    const clean = text.trim()
    if (clean.length < 2 && kind !== 'initials') return
    if (forms.some((form) => form.text.toLowerCase() === clean.toLowerCase())) return
    forms.push({text: clean, person: index, kind, ambiguous})
  }

  const {first, middle, last} = nameParts(person.name)
  add(person.name, 'full')
  if (first && last) add(`${first} ${last}`, 'full')
  const titles = person.honorific ? [person.honorific, ...honorifics] : honorifics
  for (const title of titles) add(`${title} ${person.name}`, 'honorific')
  if (last) for (const title of titles) add(`${title} ${last}`, 'honorific')
  if (first) for (const title of titles) add(`${title} ${first}`, 'honorific')
  if (first) add(first, 'first', isCommonWord(first))
  if (last) {
    add(last, 'last', isCommonWord(last))
    // A hyphenated or particle surname is also written by its last word alone.
    const tail = last.split(/[\s-]+/).at(-1)
    if (tail && tail !== last && tail.length > 2) add(tail, 'last', isCommonWord(tail))
  }
  for (const alias of person.aliases) add(alias, 'alias', isCommonWord(alias))
  if (first && last) {
    const initials = [first, ...middle, last].map((word) => word[0]).join('')
    if (initials.length >= 2) add(initials.toUpperCase(), 'initials', shortWords.has(fold(initials).toLowerCase()))
  }
  return forms
}
