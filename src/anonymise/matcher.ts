/**
 * Compile a roster into a matcher that finds every form of every name,
 * whatever the case, accents, apostrophes or hyphens, with Unicode word
 * edges (a JavaScript `\b` treats `á` as a word edge).
 *
 * It works on tokens, not one big regular expression: the text is cut once
 * into runs of letters and digits, each run is folded (`Seán` → `sean`), and
 * forms are looked up by their first token. That is linear in the text, and
 * cannot backtrack, however long the roster.
 */
import type {Roster} from '../types.js'
import {fold, isOrdinaryWord, nameForms, type NameForm} from './forms.js'
import {orgCore, orgForms, rosterOrganisations, type Organisation, type OrgForm} from './orgs.js'
import {months} from './name-contexts.js'
import {rulePatterns} from './patterns.js'
import {Memo} from '../util/memo.js'
import {RosterCache} from './roster-cache.js'
import {LETTER, NUMBER, scanRuns} from '../util/scan.js'

/** Letters and digits: what a name must not run into on either side. */
export const wordChar = String.raw`[\p{L}\p{N}_]`
export const before = `(?<!${wordChar})`
export const after = `(?!${wordChar})`

export interface Token {
  /** Folded, lower-case text of the run. */
  key: string
  start: number
  end: number
  /** The separator key of the gap before it, once asked for. */
  gap?: string
}

/** Folding is the costly part of tokenising, and words repeat: remember them (bounded). */
const folded = new Memo<string>({limit: 50_000})

function key(word: string): string {
  return folded.get(word, foldKey)
}

function foldKey(word: string): string {
  const value = rulePatterns.plainAscii.test(word) ? word : fold(word).toLowerCase()
  return rulePatterns.zeroForO.test(value) ? value.replace(rulePatterns.zeros, 'o') : value
}

/** Strings repeat between passes and between the anonymiser and the audit: remember their tokens (bounded). */
const tokenized = new Memo<Token[]>({limit: 5_000})

/** Cut text into runs of letters and digits. */
export function tokenize(value: string): Token[] {
  return tokenized.get(value, cut)
}

/** `rulePatterns.alphanumericRun`'s matches, read by a code-point scanner (the same runs, faster than the pattern). */
function cut(value: string): Token[] {
  const tokens: Token[] = []
  const runs = scanRuns(value, LETTER | NUMBER)
  for (let at = 0; at < runs.length; at += 2) tokens.push({key: key(value.slice(runs[at]!, runs[at + 1]!)), start: runs[at]!, end: runs[at + 1]!})
  return tokens
}

/**
 * What separates two tokens, reduced to what matters for names: spaces and
 * dots are one gap (`J.S.` = `J S`), dashes one hyphen, curly and straight
 * apostrophes one apostrophe. Anything else must be the same.
 */
export function separatorKey(separator: string): string {
  const trimmed = separator.replace(rulePatterns.whitespaceRun, ' ')
  if (rulePatterns.gapSpace.test(trimmed)) return ' '
  if (rulePatterns.gapHyphen.test(trimmed)) return '-'
  if (rulePatterns.gapApostrophe.test(trimmed)) return "'"
  return trimmed.trim() || ' '
}

interface CompiledPhrase<T> {
  keys: string[]
  separators: string[]
  value: T
}

/** Phrases indexed by their first token, longest first. */
class PhraseIndex<T> {
  private byFirst = new Map<string, Array<CompiledPhrase<T>>>()
  private signatures = new Set<string>()
  private unsorted = new Set<Array<CompiledPhrase<T>>>()

  /**
   * `variant`: phrases of the same words that are matched apart (`MO`, Mairead Okonjo's initials, only in capitals, and
   * `Mo`, Mohammed's alias, in any case): both are kept, the first added tried first.
   */
  add(text: string, value: T, variant = ''): void {
    // Forms are many and never text: cut them without filling the text's token cache.
    const tokens = cut(text)
    if (tokens.length === 0) return
    const separators = tokens.slice(1).map((token, index) => separatorKey(text.slice(tokens[index]!.end, token.start)))
    const phrase: CompiledPhrase<T> = {keys: tokens.map((token) => token.key), separators, value}
    const signature = `${phrase.keys.join('\0')}\u0001${phrase.separators.join('\0')}\u0001${variant}`
    if (this.signatures.has(signature)) return
    this.signatures.add(signature)
    const list = this.byFirst.get(phrase.keys[0]!) ?? []
    list.push(phrase)
    this.unsorted.add(list)
    this.byFirst.set(phrase.keys[0]!, list)
  }

  get size(): number {
    return this.byFirst.size
  }

  /** The one-token phrases for `key`. */
  single(key: string): T[] {
    return (this.byFirst.get(key) ?? []).filter((phrase) => phrase.keys.length === 1).map((phrase) => phrase.value)
  }

  /** The longest phrase that starts at token `index`, and the index of its last token. */
  longestAt(value: string, tokens: Token[], index: number, accept?: (value: T, last: number) => boolean): {phrase: CompiledPhrase<T>; last: number} | undefined {
    const candidates = this.byFirst.get(tokens[index]!.key)
    if (!candidates) return undefined
    if (this.unsorted.has(candidates)) {
      // Stable: among phrases of one length, the first added wins.
      candidates.sort((a, b) => b.keys.length - a.keys.length)
      this.unsorted.delete(candidates)
    }
    for (const phrase of candidates) {
      const last = index + phrase.keys.length - 1
      if (last >= tokens.length) continue
      let ok = true
      for (let offset = 1; ok && offset < phrase.keys.length; offset++) {
        const token = tokens[index + offset]!
        ok = token.key === phrase.keys[offset] && gapBefore(value, tokens, index + offset) === phrase.separators[offset - 1]
      }
      if (ok && (!accept || accept(phrase.value, last))) return {phrase, last}
    }
    return undefined
  }
}

/** The separator key of the gap before token `index`, computed once per token. */
function gapBefore(value: string, tokens: Token[], index: number): string {
  const token = tokens[index]!
  token.gap ??= separatorKey(value.slice(tokens[index - 1]!.end, token.start))
  return token.gap
}

export interface NameMatch {
  /** Where the mention starts and ends in the string (a title before it and the possessive `'s` included). */
  start: number
  end: number
  text: string
  form: NameForm
  possessive: boolean
  /** An honorific came first (`Dr Okafor`, `Mr Price`): a name, whatever the word. */
  titled?: boolean
  /**
   * A form whose every word is also prose (`Will Hope`), written here without its capitals (`we will
   * hope`): a name only where the context says so, as for an ambiguous form.
   */
  uncapitalised?: boolean
}

export interface OrgMatch {
  start: number
  end: number
  text: string
  form: OrgForm
  possessive: boolean
}

/** A mention of a roster person or of an attendee's organisation. */
export type EntityMatch = (NameMatch & {type: 'person'}) | (OrgMatch & {type: 'org'})

type Entity = {type: 'person'; form: NameForm} | {type: 'org'; form: OrgForm}

export interface NameMatcher {
  forms: NameForm[]
  /** Attendees' organisations (shared ones marked) and their forms. */
  orgs: Organisation[]
  orgForms: OrgForm[]
  /** Every mention of a roster form in `value`, left to right, the longest form at each place. */
  find(value: string): NameMatch[]
  /** Mentions of people and of attendees' organisations, left to right. */
  findAll(value: string): EntityMatch[]
  /** Where the protected phrases (host, partner, shared practice, the foreword's author) are in `value`. */
  shielded(value: string): Array<{start: number; end: number}>
}

export interface CompileOptions {
  /**
   * Phrases named by design — the host, the partner, shared phrases, the
   * foreword's signature — inside which nothing counts as a mention
   * (`Reid` in `Allsop & Reid LLP`).
   */
  protect?: Array<string | undefined>
  /** Phrases inside which organisations do not count, but people do: the venue (`Ferrous Digital, Glasgow`). */
  protectOrgs?: Array<string | undefined>
}

/** A protected phrase: nothing in it counts (`all`), or only organisations do not (`orgs`, the venue). */
interface Shield {
  scope: 'all' | 'orgs'
  /** Set when the phrase has a roster form in it: then it shields only where written so (case and all; any white space for a space, as a line may wrap). */
  exact?: string
}

/** Honorifics written before a name, folded. */
const titles = new Set(['cllr', 'councillor', 'dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'mx', 'miss', 'sir', 'dame', 'lord', 'lady', 'rev', 'revd'])

/** Titles that are no other word, so a name after them in lower case is still titled (`mr hill`, `cllr rich`); not `miss`, `lady`, `lord`, `sir`. */
const lowerTitles = new Set(['cllr', 'councillor', 'dr', 'prof', 'mr', 'mrs', 'ms', 'mx', 'revd'])

/** Where a title right before token `at` starts (`Dr `, `Prof. `), if there is one, written with its capital (or one of `lowerTitles`). */
function titleBefore(value: string, tokens: Token[], at: number): number | undefined {
  const previous = tokens[at - 1]!
  if (!titles.has(previous.key) || (!isUpper(value[previous.start]) && !lowerTitles.has(previous.key))) return undefined
  return rulePatterns.titleGap.test(value.slice(previous.end, tokens[at]!.start)) ? previous.start : undefined
}

function isUpper(letter: string | undefined): boolean {
  return letter !== undefined && letter !== letter.toLowerCase() && letter === letter.toUpperCase()
}

/** Is the letter run at `start…end` of `value` written in capitals? */
function upper(value: string, start: number, end: number): boolean {
  const text = value.slice(start, end)
  return text === text.toUpperCase() && text !== text.toLowerCase()
}

/** Forms written with initials only count with capital initials: `JS`, `Tom O.`, `F. Oyelaran`, never `js`. */
/**
 * A place's one-word name that is also a word, typed small where only a place goes (`nick said in stoke they…`,
 * `gosia from bath`): after `from` or `in`, and neither a month (`in march`) nor an -ing word (`in reading`).
 */
function lowerCasePlace(value: string, token: Token): boolean {
  const word = value.slice(token.start, token.end)
  if (/ing$/iu.test(word) || months.has(word.toLowerCase())) return false
  return /(?:^|[^\p{L}])(?:from|(?:(?:over|up|down|out)\s+)?in)\s+$/iu.test(value.slice(Math.max(0, token.start - 12), token.start))
}

function casingFits(form: NameForm, value: string, first: Token, end: Token): boolean {
  switch (form.kind) {
    case 'initials':
      return upper(value, first.start, end.end)
    case 'first-initial':
      return upper(value, end.start, end.end)
    case 'initial-last':
      return upper(value, first.start, first.end)
    default:
      return true
  }
}

/** Matchers already compiled, by roster content and options (the anonymiser and the audit share one). */
const compiled = new RosterCache<NameMatcher>()

/** Compile a roster into a matcher; a roster of the same content and the same options give the same matcher. */
export function compileRoster(roster: Roster, options: CompileOptions = {}): NameMatcher {
  return compiled.get(roster, JSON.stringify([options.protect ?? [], options.protectOrgs ?? []]), () => compile(roster, options))
}

function compile(roster: Roster, options: CompileOptions): NameMatcher {
  const forms = roster.people.flatMap((person, index) => nameForms(person, index))
  const orgs = rosterOrganisations(roster)
  const orgFormList = orgs.flatMap((org, index) => orgForms(org, index))
  const index = new PhraseIndex<Entity>()
  for (const form of forms) index.add(form.text, {type: 'person', form}, form.kind === 'initials' || form.kind === 'first-initial' || form.kind === 'initial-last' ? form.kind : '')
  for (const form of orgFormList) index.add(form.text, {type: 'org', form})
  const shields = new PhraseIndex<Shield>()
  const sharedOrgs = new Set(orgs.filter((org) => org.shared).map((org) => orgCore(org.name).toLowerCase()))
  // A shield with a roster form in it (`The Deal`, where Deal Town Council is in the room) shields only
  // as written: `the Deal team` is the council's team, and a leak is worse than a redaction too many.
  const exactIfNamed = (phrase: string): string | undefined => {
    const tokens = cut(phrase)
    return tokens.some((_, at) => index.longestAt(phrase, tokens, at)) ? phrase.replace(rulePatterns.whitespaceRun, ' ') : undefined
  }
  for (const phrase of [...(options.protect ?? []), ...roster.share]) {
    // A shared organisation is an entity of its own (its speakers' affiliation still goes), not a shield.
    if (phrase && phrase.trim() && !sharedOrgs.has(orgCore(phrase).toLowerCase())) shields.add(phrase, {scope: 'all', exact: exactIfNamed(phrase)})
  }
  for (const phrase of options.protectOrgs ?? []) if (phrase && phrase.trim()) shields.add(phrase, {scope: 'orgs', exact: exactIfNamed(phrase)})

  const findAll = (value: string): EntityMatch[] => {
    if (index.size === 0 || value === '') return []
    const tokens = tokenize(value)
    const matches: EntityMatch[] = []
    let at = 0
    /** Inside the venue: people still count, organisations do not. */
    let orgsShieldedUntil = -1
    while (at < tokens.length) {
      const shield =
        shields.size > 0
          ? shields.longestAt(value, tokens, at, (phrase, last) => phrase.exact === undefined || value.slice(tokens[at]!.start, tokens[last]!.end).replace(rulePatterns.whitespaceRun, ' ') === phrase.exact)
          : undefined
      if (shield?.phrase.value.scope === 'all') {
        at = shield.last + 1
        continue
      }
      if (shield) orgsShieldedUntil = Math.max(orgsShieldedUntil, shield.last)
      const found = index.longestAt(value, tokens, at, (entity, last) =>
        entity.type === 'org'
          ? // A one-word place that is also a word is written with a capital: `rugby club` is not Rugby; one that is
            // no word is the place in any case (`gosia from luton`, notes typed or dictated in lower case).
            at > orgsShieldedUntil && (last > at || isUpper(value[tokens[at]!.start]) || entity.form.anyCase || lowerCasePlace(value, tokens[at]!))
          : casingFits(entity.form, value, tokens[at]!, tokens[last]!),
      )
      if (!found) {
        const numbered = numberedName(value, tokens[at]!)
        if (numbered) matches.push({type: 'person', ...numbered, possessive: false})
        else {
          const owner = possessiveWithoutApostrophe(value, tokens[at]!)
          if (owner) matches.push({type: 'person', ...owner, possessive: true})
        }
        at++
        continue
      }
      const first = tokens[at]!
      const lastToken = tokens[found.last]!
      let end = lastToken.end
      // `Tom O.`, `J.S.`: the dot after a final initial belongs to the name.
      if (lastToken.end - lastToken.start === 1 && value[end] === '.') end++
      let possessive = false
      const next = tokens[found.last + 1]
      if (next && next.key === 's' && next.end - next.start === 1 && next.start === lastToken.end + 1 && rulePatterns.gapApostrophe.test(value[lastToken.end]!)) {
        possessive = true
        end = next.end
      } else if (rulePatterns.gapApostrophe.test(value[lastToken.end] ?? '') && rulePatterns.endsInS.test(value.slice(lastToken.start, lastToken.end)) && !rulePatterns.alphanumeric.test(value[lastToken.end + 1] ?? '')) {
        // `Jones'` — the possessive of a name ending in s.
        possessive = true
        end = lastToken.end + 1
      }
      const entity = found.phrase.value
      // `Dr Okafor`, `Cllr Ruth E.`, `Ms. Moran`: the title goes with the name.
      const title = entity.type === 'person' && at > 0 ? titleBefore(value, tokens, at) : undefined
      const start = title ?? first.start
      const text = value.slice(start, end)
      // `will hope` of Will Hope: each word also prose, and not written as a name here.
      const uncapitalised = entity.type === 'person' && entity.form.capitalised === true && tokens.slice(at, found.last + 1).some((token) => !isUpper(value[token.start]))
      matches.push(
        entity.type === 'person'
          ? {type: 'person', start, end, text, form: entity.form, possessive, ...(title === undefined ? {} : {titled: true}), ...(uncapitalised ? {uncapitalised} : {})}
          : {type: 'org', start, end, text, form: entity.form, possessive},
      )
      at = found.last + (possessive && next?.key === 's' && next.end === end ? 2 : 1)
    }
    return matches
  }

  /**
   * `Gurpreets point`, `siobhans team`: a possessive typed without its apostrophe, of a name of five letters or
   * more that is no word, and the whole is no word either (`Marks`, `Nicks`, `Hopes` are words).
   */
  const possessiveWithoutApostrophe = (value: string, token: Token): Omit<NameMatch, 'possessive'> | undefined => {
    if (token.end - token.start < 6 || value[token.end - 1] !== 's') return undefined
    const text = value.slice(token.start, token.end)
    if (isOrdinaryWord(text)) return undefined
    const entity = index.single(key(text.slice(0, -1))).find((candidate) => candidate.type === 'person' && !candidate.form.ambiguous && candidate.form.kind !== 'initials')
    return entity?.type === 'person' ? {start: token.start, end: token.end, text, form: entity.form} : undefined
  }

  /** `walsh123`, `siobhan84`: a user name made of an unambiguous one-word form and digits. */
  const numberedName = (value: string, token: Token): Omit<NameMatch, 'possessive'> | undefined => {
    // Most tokens end in a letter: ask the regular expression only of those that end in a digit.
    if (!rulePatterns.digit.test(value[token.end - 1]!)) return undefined
    const text = value.slice(token.start, token.end)
    const letters = rulePatterns.nameThenDigits.exec(text)?.[1]
    if (!letters) return undefined
    const entity = index.single(key(letters)).find((candidate) => candidate.type === 'person' && !candidate.form.ambiguous && candidate.form.kind !== 'initials')
    return entity?.type === 'person' ? {start: token.start, end: token.end, text, form: entity.form} : undefined
  }

  const shielded = (value: string): Array<{start: number; end: number}> => {
    if (shields.size === 0 || value === '') return []
    const tokens = tokenize(value)
    const ranges: Array<{start: number; end: number}> = []
    for (let at = 0; at < tokens.length; at++) {
      const shield = shields.longestAt(value, tokens, at)
      if (!shield) continue
      ranges.push({start: tokens[at]!.start, end: tokens[shield.last]!.end})
      at = shield.last
    }
    return ranges
  }

  return {
    forms,
    orgs,
    orgForms: orgFormList,
    findAll,
    shielded,
    find(value) {
      return findAll(value).filter((match): match is NameMatch & {type: 'person'} => match.type === 'person')
    },
  }
}
