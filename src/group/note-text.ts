/**
 * One text record per note: what the group stage's passes read of a note's
 * words, made once and kept with the note, instead of each pass tokenising,
 * folding and stemming the same string again.
 *
 * `segment` makes a record for every note it cuts (`note.record`); a report
 * item's text (the note tidied as report prose) has a record of its own,
 * made from the note's when the two fold to the same text (`recordOf`). Each
 * field is computed the first time a pass asks for it, by the same function
 * the passes called before, so a record changes what is read nowhere: only
 * how often.
 *
 * A pass (or a placement feature) that needs something new of a note's text
 * adds it here as one more lazy field, and reads it from the record.
 */
import {fold, stopWords, wordsOfFolded} from './keywords.js'
import {readSignals} from './signals.js'
import {stem} from './stemmer.js'

/**
 * Who reported a point, as minutes write it (`Members noted that…`, `The group agreed that…`, `It was
 * asked whether…`): not what the point is about, so not read for its section (`members` is a word of
 * Culture and leadership).
 */
export const reportingLead =
  /^\s*(?:(?:the\s+)?(?:members?|group|committee|panel|board|chair|meeting|participants?|one\s+participant|another\s+participant|same\s+participant|officers?|attendees|everyone)\s+(?:noted|agreed|reported|said|described|explained|felt|suggested|highlighted|confirmed|observed|added|discussed|heard|considered|raised|stressed|emphasised|emphasized|welcomed|thanked|asked)\s+(?:that\s+|whether\s+)?|it\s+was\s+(?:noted|agreed|asked|reported|suggested|felt|raised|confirmed)\s+(?:that\s+|whether\s+|if\s+)?)/iu

export class NoteText {
  readonly text: string
  /** The profile's stem cache (word → stem). */
  readonly cache: Map<string, string>
  /** The record this one was made from (a note's, for its tidied text): its words are reused when the texts fold alike. */
  readonly #from: NoteText | undefined
  #folded?: string
  #words?: string[]
  #stems?: string[]
  #contentStems?: string[]
  #said?: string
  #saidWords?: string[]
  #saidStems?: string[]
  #signals?: ReturnType<typeof readSignals>
  #capitalised?: string[]

  /** `cache`: the profile's stem cache (word → stem), shared by every record of a run and by the keyword rules. */
  constructor(text: string, cache: Map<string, string>, from?: NoteText) {
    this.text = text
    this.cache = cache
    this.#from = from
  }

  /** Lower case, accents folded, `’` as `'` (`fold`). */
  get folded(): string {
    return (this.#folded ??= fold(this.text))
  }

  /** Its words (`words`): lower case, accents folded, possessive `'s` dropped. Shared: never change the array. */
  get words(): string[] {
    if (this.#words === undefined) {
      const from = this.#from
      this.#words = from !== undefined && from.folded === this.folded ? from.words : wordsOfFolded(this.folded)
    }
    return this.#words
  }

  /** The stem of each word, in order. */
  get stems(): string[] {
    if (this.#stems === undefined) {
      const from = this.#from
      this.#stems = from !== undefined && from.words === this.words ? from.stems : this.#stemsOf(this.words)
    }
    return this.#stems
  }

  /** Stems without stop words (`contentStems`): what themes and headings compare. */
  get contentStems(): string[] {
    if (this.#contentStems === undefined) {
      const list = this.words
      const stems = this.stems
      const output: string[] = []
      for (let index = 0; index < list.length; index++) if (!stopWords.has(list[index]!)) output.push(stems[index]!)
      this.#contentStems = output
    }
    return this.#contentStems
  }

  /** What the note says, without who reported it (`Members noted that …` → `…`): what places it. */
  get said(): string {
    return (this.#said ??= this.text.replace(reportingLead, ''))
  }

  /** The words of what it says (`said`): what repeats and keywords compare. */
  get saidWords(): string[] {
    if (this.#saidWords === undefined) this.#saidWords = this.said === this.text ? this.words : wordsOfFolded(fold(this.said))
    return this.#saidWords
  }

  /** Their stems, in order: what the keyword rules score. */
  get saidStems(): string[] {
    if (this.#saidStems === undefined) this.#saidStems = this.saidWords === this.words ? this.stems : this.#stemsOf(this.saidWords)
    return this.#saidStems
  }

  /** The signals of what it says (`readSignals`): a need, a practice, a leadership point, an example, a link. */
  get signals(): ReturnType<typeof readSignals> {
    return (this.#signals ??= readSignals(this.said))
  }

  /**
   * Words written capitalised after a word in lower case or a comma (`the Deal`, `in Wigan`, `, Leeds`), lower-cased:
   * the names a theme's headline keeps out (`properNouns` keeps those never written in lower case).
   */
  get capitalised(): string[] {
    if (this.#capitalised === undefined) {
      const text = this.text
      // Letters of any alphabet where the text has them; the common case (plain ASCII) by the faster scan.
      if (/[^\x00-\x7f]/.test(text)) this.#capitalised = Array.from(text.matchAll(/[\p{Ll},]\s+(\p{Lu}\p{Ll}+)/gu), (match) => match[1]!.toLowerCase())
      else this.#capitalised = capitalisedAfterLower(text).map((word) => word.toLowerCase())
    }
    return this.#capitalised
  }

  #stemsOf(list: string[]): string[] {
    const cache = this.cache
    // The fallback cache is no profile's and lives as long as the process: kept small.
    if (cache === unprofiled && cache.size > 20_000) cache.clear()
    const output = new Array<string>(list.length)
    for (let index = 0; index < list.length; index++) {
      const word = list[index]!
      let value = cache.get(word)
      if (value === undefined) cache.set(word, (value = stem(word)))
      output[index] = value
    }
    return output
  }
}

/**
 * In ASCII text, the words `/[a-z,]\s+([A-Z][a-z]+)/g` captures (`in Wigan`, `, Leeds`; of `in Leeds Manchester`, only
 * `Leeds`, as a match takes the letter before the next): found from the capital back, as capitals are the rarer.
 */
function capitalisedAfterLower(text: string): string[] {
  const found: string[] = []
  const capital = /[A-Z][a-z]+/g
  let taken = 0
  for (let match = capital.exec(text); match; match = capital.exec(text)) {
    let before = match.index - 1
    if (before < 0 || !asciiSpace.test(text[before]!)) continue
    while (before >= 0 && asciiSpace.test(text[before]!)) before--
    const code = text.charCodeAt(before)
    if (before < taken || !((code >= 97 && code <= 122) || code === 44)) continue
    found.push(match[0])
    taken = match.index + match[0].length
  }
  return found
}

const asciiSpace = /\s/

/**
 * Where a report item keeps its text's record: a symbol, not enumerable, so that the report's JSON, a copy
 * (`{...item}`, `structuredClone`) and a comparison of items never see it. A record whose text is no longer the item's
 * (a rewrite) is made again.
 */
const recordKey = Symbol('record')
type Holder = {text: string; [recordKey]?: NoteText}

/** The stem cache of a record made where no profile's is at hand (a copy, a theme): stems are the same, only not shared. */
const unprofiled = new Map<string, string>()

/** A report item made from a note: its text's record starts from the note's (most tidying changes no word). */
export function fromNote(holder: {text: string}, note: NoteText): void {
  keep(holder, holder.text === note.text ? note : new NoteText(holder.text, note.cache, note))
}

/** The record of `holder.text` (a report item's): made once, and again only when the text has changed since. */
export function recordOf(holder: {text: string}, cache: Map<string, string> = unprofiled): NoteText {
  let record = (holder as Holder)[recordKey]
  if (record === undefined || record.text !== holder.text) keep(holder, (record = new NoteText(holder.text, cache, record)))
  return record
}

function keep(holder: {text: string}, record: NoteText): void {
  if (Object.hasOwn(holder, recordKey)) (holder as Holder)[recordKey] = record
  else Object.defineProperty(holder, recordKey, {value: record, writable: true, enumerable: false, configurable: true})
}
