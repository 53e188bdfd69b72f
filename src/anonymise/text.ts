/**
 * Rewrite one string so that no attendee, attendee organisation, contact
 * detail or confidently detected person is left in it, and the sentence
 * still reads: speaker labels go, trailing and bracketed attributions go,
 * other mentions become `one participant`, `another participant`,
 * `participants`, `one council`, `in one council area`, `someone`.
 *
 * `findEntities` is the shared finder: the rewriter uses it, and so does
 * the audit (whatever it still finds in an output is a leak).
 */
import type {Person, Redaction, Roster} from '../types.js'
import {definedInPlace, type Abbreviations} from './acronyms.js'
import {after, before, contactLead, enclosingBracket, findAttribution} from './attributions.js'
import {findContacts, type ContactKind} from './contacts.js'
import {findBioPlaces} from './bio-places.js'
import {documentWord, eponymousDocument, findPublicNames, publicFigureByRole} from './public-names.js'
import {ordinaryUse} from '../audit/paranoid.js'
import {isOrdinaryWord, letterKey, lowercaseWords, nameParts, oneEditApart} from './forms.js'
import {getLexicon} from './lexicon/index.js'
import {inCapitals, isUpper, lowerCaseWordUse, months, nameContext, startsSentence, wordUse} from './name-contexts.js'
import {namePosition} from './name-positions.js'
import {tokenize, type EntityMatch, type NameMatch, type NameMatcher, type OrgMatch} from './matcher.js'
import {rulePatterns} from './patterns.js'
import {findNearNames} from './near-names.js'
import {findPeopleByPosition} from './position-people.js'
import {detectPeople, type PersonCandidate} from './unrostered.js'
import {matchesOf} from '../util/matches.js'

export {inCapitals, insideProperName, startsSentence} from './name-contexts.js'

/** Rule ids of redactions and diagnostics. */
export type RuleId =
  | 'attribution'
  | 'roster-name'
  | 'organisation'
  | 'email'
  | 'phone'
  | 'identifier'
  | 'handle'
  | 'profile-url'
  | 'unrostered-name'
  | 'html-comment'

export interface TextContext {
  /** The string starts a block (a note, a heading, a cell): a label may open it. */
  blockStart: boolean
  /** What the block has named so far, to vary replacements (`another participant`); shared by its strings. */
  block?: BlockState
  /** Only roster people, organisations and contacts: no search for other people (code, attributes). */
  rosterOnly?: boolean
  /** The text that follows the string in its block, when the string is the whole of a formatted run (`**dawn**` of `**dawn**: …`). */
  following?: string
}

/** What a block has already named. */
export interface BlockState {
  people: string[]
  orgs: number[]
  /** Something was removed from the block: its ends need tidying. */
  removed: boolean
}

export function newBlockState(): BlockState {
  return {people: [], orgs: [], removed: false}
}

/** Everything the anonymiser knows about one document. */
export interface Anonymiser {
  matcher: NameMatcher
  roster: Roster
  /** Name words of people not on the roster, found with confidence elsewhere in the document. */
  known: Set<string>
  /** Findings of strings already seen (a first pass learns names; the second rewrites), by string and then by context. */
  cache?: Map<string, Map<string, Finding[]>>
  /**
   * Where a roster word was left as it is, on purpose (`carol concerts`, `we will`, a public URL),
   * each recorded with its neighbours for the paranoid audit (`ordinaryUse`): what is not recorded
   * here, the audit reports.
   */
  ordinary?: Set<string>
  /**
   * Abbreviations the notes define (`participatory budgeting (PB)`): capitals that spell one are a person only in a name
   * position. And initials introduced after a person's name (`Priya Black (PB)`): those are the person wherever they are.
   */
  abbreviations?: Abbreviations
}

/** Record that the words at `start…end` of `value` were left as ordinary words, on purpose. */
function keep(doc: Anonymiser, value: string, start: number, end: number): void {
  doc.ordinary?.add(ordinaryUse(value, start, end))
}

export type Finding =
  | {kind: 'person'; start: number; end: number; match: NameMatch}
  | {kind: 'org'; start: number; end: number; match: OrgMatch}
  | {kind: 'contact'; start: number; end: number; contact: ContactKind | 'personal-url'; person?: number}
  | {kind: 'unrostered'; start: number; end: number; candidate: PersonCandidate}
  /** Chat metadata at the head of a line (`10:04:12 From Ana Silva to Everyone:`): goes whole, whoever it names. */
  | {kind: 'chat'; start: number; end: number}
  /** Where a participant grew up or lives, in their bio (`Sue grew up in Kirkcaldy`): bio-places.ts. */
  | {kind: 'place'; start: number; end: number; shape: string}

/** A redaction in a string, at `offset`. */
export type TextRedaction = Omit<Redaction, 'line' | 'column'> & {offset: number}

export interface TextResult {
  value: string
  redactions: TextRedaction[]
  /** People not on the roster found in the string, confident or not. */
  unrostered: PersonCandidate[]
}

/** Forms that are one word of a name: inside a public name (`the Isle of Lewis`), they are not the person. */
const oneWordForms = new Set(['first', 'middle', 'last', 'alias'])

/** `precious little time`, `carol concerts`: a one-word form written in lower case that is also an English word. */
function lowercaseWord(match: NameMatch): boolean {
  return !isUpper(match.text[0]) && match.form.kind !== 'initials' && !rulePatterns.whitespaceChar.test(match.text) && (isOrdinaryWord(match.text.replace(rulePatterns.possessiveEnd, '')) || lowercaseWords.has(match.text.replace(rulePatterns.possessiveEnd, '').toLowerCase()))
}

/**
 * Are these initials an abbreviation here: one the notes define (`participatory budgeting (PB)`), or
 * capitals after a determiner (`our PB`, `the PB process`), as a common noun is written?
 */
function abbreviationHere(value: string, match: NameMatch, doc: Anonymiser): boolean {
  if (match.possessive) return false
  if (doc.abbreviations?.initials.has(match.text)) return false
  return doc.abbreviations?.defined.has(match.text) === true || definedInPlace(value, match.start, match.end) || (match.form.ambiguous && rulePatterns.determinerBefore.test(before(value, match.start)))
}

/** `-led`, `-chaired`: a compound of what a person led, after their name. */
const ledSuffix = /-(?:led|chaired|run|hosted|facilitated|designed|founded|fronted)$/iu

/** A capitalised surname straight after a given name: `Rashford` of `Marcus Rashford's`. */
const surnameAfter = /^[^\S\n]((?:\p{Lu}\p{Ll}+['’-]?)+)(?:['’]s)?(?![\p{L}\p{N}])/u

/**
 * Is this given name (or alias), capitalised, followed by a surname that is not that participant's — a capitalised word
 * that is no English word, no month, no place, and no form of anyone on the roster nor of an attendee's organisation
 * (`Marcus Rashford`, where Marcus Obi is in the room)? Where that surname ends.
 */
function otherPersonsSurname(value: string, match: NameMatch, doc: Anonymiser): number | undefined {
  if ((match.form.kind !== 'first' && match.form.kind !== 'alias') || match.possessive || match.titled || !isUpper(match.text[0]) || match.text === match.text.toUpperCase()) return undefined
  const next = surnameAfter.exec(value.slice(match.end, match.end + 40))
  if (!next) return undefined
  const surname = next[1]!.replace(rulePatterns.possessiveEnd, '')
  const key = surname.toLowerCase()
  if (isOrdinaryWord(surname) || months.has(key) || getLexicon().places.has(key) || doc.matcher.findAll(surname).length > 0) return undefined
  // The participant's own surname, misspelt, is theirs (`withMisspeltSurname`).
  const own = nameParts(doc.roster.people[match.form.person]?.name ?? '').last
  if (own && oneEditApart(letterKey(surname), letterKey(own))) return undefined
  return match.end + next[0].length
}

/**
 * A town in a council's area (`Hartley` of Kent, `Chatham` of Medway, `Send` of Surrey) that is part of another name
 * here, not the place: inside a public name (`Chatham House`), after a capitalised word that is no word or opens no
 * sentence (`Dennis Hartley`), or, a place that is also a word, written in capitals (`SEND`, the acronym).
 */
function placeInAnotherName(value: string, match: OrgMatch, blockStart: boolean, publicSpans: ReadonlyArray<{start: number; end: number}>): boolean {
  if (publicSpans.some((span) => span.start <= match.start && span.end >= match.end)) return true
  if (match.form.ambiguous && match.text.length > 1 && match.text === match.text.toUpperCase()) return true
  const head = before(value, match.start)
  const previous = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*[ \t]+$/u.exec(head)
  // A sentence's first word before it is a name too when it is no word (`Dennis Hartley wrote…`, not `In Hartley…`).
  return previous !== null && previous[0].trim() !== 'I' && (!startsSentence(head.slice(0, previous.index), blockStart) || !isOrdinaryWord(previous[0].trim()))
}

/** Is an ambiguous organisation form (`Bath`, `Reading`, `Wells`) used as the organisation here? */
function orgInContext(value: string, match: OrgMatch, blockStart: boolean): boolean {
  if (!isUpper(match.text[0]) || inCapitals(value, match.start)) return false
  if (match.possessive) return true
  const head = before(value, match.start)
  const rest = after(value, match.end)
  // `March`, `May`: a month unless the place is plainly meant (`In March they…`, `March – …`, `(March)`).
  if (months.has(match.text.toLowerCase())) {
    return (
      rulePatterns.placeClauseAfter.test(rest) ||
      rulePatterns.dashOrColonAfter.test(rest) ||
      (rulePatterns.openBracketBefore.test(head) && rulePatterns.closeBracketAfter.test(rest)) ||
      (rulePatterns.theBefore.test(head) && rulePatterns.attributiveNoun.test(rest))
    )
  }
  if (rulePatterns.prepositionBefore.test(head)) return true
  if (rulePatterns.openBracketBefore.test(head) && rulePatterns.closeBracketAfter.test(rest)) return true
  if (!startsSentence(head, blockStart)) return true
  return rulePatterns.orgSubjectAfter.test(rest)
}


/**
 * `Hazel O'Shaugnessy`, `Faisal bin Abdulah`, `summer okono`: a given name (or a given name and an initial) followed by
 * the person's own surname one letter off (a surname of six letters or more, misspelt into no English word). The
 * misspelt surname goes with the name, and the two are the person in any case.
 */
function withMisspeltSurname(value: string, match: NameMatch, roster: Roster): NameMatch | undefined {
  if (match.form.kind !== 'first' && match.form.kind !== 'first-initial' && match.form.kind !== 'alias') return undefined
  const last = nameParts(roster.people[match.form.person]?.name ?? '').last
  // Four letters or more: `Michael Osie` of Michael Osei, right after the given name, is no one else.
  if (!last || letterKey(last).length < 4) return undefined
  const found = rulePatterns.misspeltSurnameAfter.exec(value.slice(match.end, match.end + 60))
  if (!found) return undefined
  // `summer okono-led pilot`: what they led is no letter of the surname.
  const next = [found[0].replace(ledSuffix, '')] as const
  // `Hazel O` + `'Shaugnessy`: the initial the matcher took is the surname's first letter.
  const written = match.form.kind === 'first-initial' ? value.slice(match.start, match.end).split(rulePatterns.whitespaceSplit).at(-1)! + next[0] : next[0]
  const word = next[0].split(rulePatterns.whitespaceSplit).at(-1)!
  // `Siobhan Kearny's team`: the possessive is no letter of the surname; it stays with the mention.
  const owner = rulePatterns.possessiveEnd.test(word) ? 2 : 0
  if (!oneEditApart(letterKey(written.slice(0, written.length - owner)), letterKey(last)) || isOrdinaryWord(word.slice(0, word.length - owner))) return undefined
  const end = match.end + next[0].length
  return {...match, end, text: value.slice(match.start, end), possessive: match.possessive || owner > 0}
}

/**
 * `[[Hazel Mbatha]]`, `[[Nnamdi Eze|Nam]]`: a wikilink to a person's page is the person, named in the sentence
 * (`Met with [[Hazel Mbatha]]` → `Met with one participant`): one finding for the whole link, brackets and all, when
 * nothing but names is in it. A link to anything else (`[[Damp and mould policy]]`) keeps its words.
 */
function wikilinkPeople(value: string, confirmed: Finding[]): Finding[] {
  if (!value.includes('[[')) return confirmed
  let result = confirmed
  for (const link of matchesOf(rulePatterns.wikilink, value)) {
    const start = link.index
    const end = start + link[0].length
    const inside = result.filter((finding) => finding.kind === 'person' && finding.start >= start && finding.end <= end)
    if (inside.length === 0) continue
    let rest = ''
    let cursor = start
    for (const finding of inside) {
      rest += value.slice(cursor, finding.start)
      cursor = finding.end
    }
    rest += value.slice(cursor, end)
    if (!rulePatterns.wikilinkRest.test(rest)) continue
    const first = inside[0] as Extract<Finding, {kind: 'person'}>
    const whole: Finding = {kind: 'person', start, end, match: {...first.match, start, end, text: link[0], possessive: false}}
    result = [...result.filter((finding) => !inside.includes(finding)), whole]
  }
  return result
}

function overlaps(start: number, end: number, ranges: ReadonlyArray<{start: number; end: number}>): boolean {
  return ranges.some((range) => start < range.end && end > range.start)
}

/**
 * Is the author of an eponymous document's name (`the Okafor model`, `Lowry-Baines's 2024 review`) the roster match and
 * nothing else? Then the roster says whose it is. A name with a word the match does not cover (`Carol Black's review`,
 * with Carol Pinder on the roster) is someone else's.
 */
function authorIsMatch(value: string, span: {start: number; end: number}, match: {start: number; end: number}): boolean {
  for (const word of value.slice(span.start, span.end).matchAll(rulePatterns.titledWords)) {
    const start = span.start + word.index
    const key = word[0].toLowerCase()
    if ((start === span.start && key === 'the') || documentWord.test(key)) continue
    if (start < match.start || start + word[0].length > match.end) return false
  }
  return true
}

/** Does a URL name a participant in full (`/jane-smith`, `/tomokafor`)? Then it is their own page. */
export function namesSomeone(url: string, matcher: NameMatcher): boolean {
  // `[[https://…][Sue Field]]`: an org-mode link, its label read into the URL by the autolink; a label that is only a name.
  const orgMode = rulePatterns.orgModeLabel.exec(url)
  if (orgMode && onlyNames(orgMode[1]!, matcher)) return true
  if (orgMode) url = url.slice(0, orgMode.index)
  // A full name or a handle; or a given name or surname alone that is no ordinary word (`img/haddad-slide-3.png`): a
  // file or page named after someone names them, as a resource's own words (`/winter-warmth`) do not.
  const path = /[/.]/u.test(url)
  if (
    matcher
      .find(url.replace(rulePatterns.urlSeparators, ' '))
      .some((match) => match.form.kind === 'full' || match.form.kind === 'handle' || (path && (match.form.kind === 'last' || match.form.kind === 'first') && !match.form.ambiguous && match.form.text.length >= 4 && !isOrdinaryWord(match.form.text)))
  )
    return true
  // `memberlist.php?mode=viewprofile&u=frank_dh`, `?user=sue.field`: a query naming a user is a page about that person, whatever
  // word of their name it holds.
  const user = rulePatterns.urlUserQuery.exec(url)
  if (user && matcher.find(user[1]!.replace(rulePatterns.urlSeparators, ' ')).some((match) => match.form.kind !== 'initials')) return true
  if (onOrganisationSite(url, matcher)) return true
  // `/people/field`, `/staff/cath`, `/team/mr-hill`: a page in a directory of people, or a segment of a title and a name, that
  // is only a name, whatever the word (`/grant-funding` is not).
  const segments = (rulePatterns.urlPath.exec(url)?.[1] ?? '').split('/')
  return segments.some((segment, index) => {
    const words = segment.replace(rulePatterns.fileExtension, '').split(rulePatterns.urlSeparators).filter(Boolean)
    if (words.length === 0 || (!rulePatterns.peopleDirectory.test(segments[index - 1] ?? '') && !(words.length >= 2 && rulePatterns.titleWord.test(words[0]!)))) return false
    return onlyNames(words.join(' '), matcher)
  })
}

/** Is every word of `text` a word of a roster name (or a title before one)? */
export function onlyNames(text: string, matcher: NameMatcher): boolean {
  const matches = matcher.find(text)
  const words = [...text.matchAll(rulePatterns.urlWord)]
  return words.length > 0 && matches.length > 0 && words.every((word) => rulePatterns.titleWord.test(word[0]) || matches.some((match) => match.start <= word.index && match.end >= word.index + word[0].length))
}

/**
 * Is a web address an unshared attendee organisation's own (`walsall.gov.uk/pa-register`, `/moray-register`)? It says
 * where a speaker works as plainly as the name. Its words are read as a name is written (`walsall` → `Walsall`): the
 * host by any short form of the organisation, the path only by a form that is no ordinary word (`/reading-list` is not
 * Reading Borough Council's).
 */
function onOrganisationSite(url: string, matcher: NameMatcher): boolean {
  if (!matcher.orgs.some((org) => !org.shared)) return false
  const bare = url.replace(rulePatterns.urlScheme, '')
  const cut = bare.search(rulePatterns.urlPathStart)
  const host = cut < 0 ? bare : bare.slice(0, cut)
  const titled = (part: string) => part.replace(rulePatterns.urlSeparators, ' ').replace(rulePatterns.wordStart, (letter) => letter.toUpperCase())
  const unshared = (match: EntityMatch, anyWord: boolean) =>
    match.type === 'org' && !matcher.orgs[match.form.org]!.shared && (match.form.kind === 'short' || match.form.kind === 'full') && (anyWord || !match.form.ambiguous)
  return matcher.findAll(titled(host)).some((match) => unshared(match, true)) || (cut >= 0 && matcher.findAll(titled(bare.slice(cut))).some((match) => unshared(match, false)))
}

/** The chat-export recogniser: the heads of pasted chat lines, with their timestamps and names. */
export function findChatHeads(value: string): Finding[] {
  if (!rulePatterns.chatHint.test(value)) return []
  const found: Finding[] = []
  for (const pattern of [rulePatterns.chatFrom, rulePatterns.chatStamp, rulePatterns.chatByline, rulePatterns.cueTiming]) {
    for (const match of matchesOf(pattern, value)) {
      const start = match.index
      if (match[0].trim() === '' || overlaps(start, start + match[0].length, found)) continue
      found.push({kind: 'chat', start, end: start + match[0].length})
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** Roster people, organisations, contact details and people not on the roster in `value`, left to right. */
export function findEntities(value: string, doc: Anonymiser, context: TextContext): Finding[] {
  if (value.trim() === '') return []
  if (!doc.cache) return find(value, doc, context)
  // Keyed by the string itself, then by its context: the string is the node's own, whose hash V8 keeps (a key made by
  // joining the context to it would be a new string, copied and hashed whole at every look-up).
  let byContext = doc.cache.get(value)
  if (!byContext) doc.cache.set(value, (byContext = new Map()))
  const key = `${context.blockStart ? 1 : 0}${context.rosterOnly ? 1 : 0}${context.following ?? ''}`
  const cached = byContext.get(key)
  // Names learned since are the only thing that can change the findings: are any of them here?
  if (cached && (doc.known.size === 0 || !tokenize(value).some((token) => doc.known.has(token.key)))) return cached
  const findings = find(value, doc, context)
  byContext.set(key, findings)
  return findings
}

function find(value: string, doc: Anonymiser, context: TextContext): Finding[] {
  // Words left as ordinary words on purpose: recorded for the audit, and the tagger does not take them.
  const ordinary: Array<{start: number; end: number}> = []
  const kept = (start: number, end: number) => {
    keep(doc, value, start, end)
    ordinary.push({start, end})
  }
  const findings: Finding[] = findChatHeads(value)
  const urls: Array<{start: number; end: number}> = []
  for (const contact of findContacts(value)) {
    if (overlaps(contact.start, contact.end, findings)) continue
    if (contact.kind === 'url') {
      // A public resource stays, and its words are not names — unless it is someone's own page.
      const personal = namesSomeone(contact.text, doc.matcher)
      if (personal) findings.push({kind: 'contact', start: contact.start, end: contact.end, contact: 'personal-url'})
      else {
        urls.push(contact)
        kept(contact.start, contact.end)
      }
      continue
    }
    let person: number | undefined
    let end = contact.end
    if (contact.kind === 'handle') {
      const handle = contact.text.replace(rulePatterns.handlePrefix, '').split('@')[0]!
      person = doc.matcher.find(handle).find((match) => match.end - match.start === handle.length)?.form.person
      // `@Ben Marsh`: a mention typed as in a chat, the whole name after the `@`.
      const whole = contact.text.startsWith('@') ? doc.matcher.find(after(value, contact.start + 1)).find((match) => match.start === 0 && match.end > handle.length) : undefined
      if (whole) {
        person = whole.form.person
        end = contact.start + 1 + whole.end
      } else if (contact.text.startsWith('@')) {
        // `@Amara Okonjo`: a surname no list needs to know, after a handle that is a given name.
        const rest = rulePatterns.handleSurname.exec(after(value, end))
        if (rest && rest[0].trim().split(' ').some((word) => !isOrdinaryWord(word))) end += rest[0].length
      }
    }
    findings.push({kind: 'contact', start: contact.start, end, contact: contact.kind, person})
  }

  // A run of spaced letters is one word: `S i o b h á n` is the name (the whole run goes), and the
  // `R L` of `P E E R L E A R N I N G` (a logo's wide tracking, as pdfjs reads it) is no one's initials.
  const spelled: Array<{start: number; end: number}> = []
  for (const run of rulePatterns.spacedLettersHint.test(value) ? matchesOf(rulePatterns.spacedLetters, value) : []) {
    const start = run.index
    const end = start + run[0].length
    if (overlaps(start, end, [...findings, ...urls])) continue
    const match = doc.matcher.find(run[0].replaceAll(' ', '')).find((found) => !found.form.ambiguous)
    if (match) findings.push({kind: 'person', start, end, match: {...match, start, end, text: run[0], possessive: false}})
    else spelled.push({start, end})
  }

  const taken = [...findings, ...urls, ...spelled]
  // `the Isle of Lewis`, `Heath Robinson`, `Storm Dennis`: one word of a name inside a public name is not the person.
  const publicSpans = findPublicNames(value)
  const confirmed: Finding[] = []
  const doubtful: NameMatch[] = []
  for (const match of doc.matcher.findAll(value)) {
    if (overlaps(match.start, match.end, taken)) continue
    if (match.type === 'person' && publicSpans.length > 0 && oneWordForms.has(match.form.kind)) {
      // A title before a name makes it a person's (`Dr Okafor`), unless the title is what makes it a public figure's (`Dame Wendy Mitchell`).
      // A document or model named after a word of a roster name is the participant's own (`the Okafor model`,
      // `Okafor-Hale's 2024 review`): the shape says someone is its author, and the roster says who.
      const span = publicSpans.find((candidate) => candidate.start <= match.start && candidate.end >= match.end && !(candidate.reason === eponymousDocument && authorIsMatch(value, candidate, match)) && (!match.titled || candidate.reason === publicFigureByRole))
      if (span) {
        kept(span.start, span.end)
        continue
      }
    }
    if (match.type === 'person' && match.form.kind === 'initials' && abbreviationHere(value, match, doc)) {
      // `participatory budgeting (PB)`, `PB is the cheapest…`, `our PB`: the abbreviation, unless a person's position says otherwise.
      if (namePosition(value + (context.following ?? ''), match.start, match.end, context.blockStart, true)) confirmed.push({kind: 'person', start: match.start, end: match.end, match})
      else keep(doc, value, match.start, match.end)
      continue
    }
    const misspelt = match.type === 'person' ? withMisspeltSurname(value, match, doc.roster) : undefined
    if (misspelt) {
      confirmed.push({kind: 'person', start: misspelt.start, end: misspelt.end, match: misspelt})
      continue
    }
    // `Marcus Rashford`, `Wendy Mitchell was right`: a roster given name before a surname that is not that participant's
    // names someone else. Not the participant: recorded for the audit, and left to the rules for people not on the roster.
    const other = match.type === 'person' ? otherPersonsSurname(value, match, doc) : undefined
    if (other !== undefined) {
      keep(doc, value, match.start, other)
      continue
    }
    // `Hazel coppicing`, `Summer holidays are…`, `Penny-pinching`: a name that is an English word, opening a sentence as the word.
    if (match.type === 'person' && wordUse(value, match, context.blockStart, context.following) !== undefined) {
      kept(match.start, match.end)
      continue
    }
    if (match.type === 'person') {
      const introduced = match.form.kind === 'initials' && doc.abbreviations?.initials.has(match.text) === true
      if (!(match.form.ambiguous || match.uncapitalised || lowercaseWord(match) || lowerCaseWordUse(value, match) !== undefined) || match.titled || introduced || nameContext(value, match, context.blockStart, context.following) !== undefined) confirmed.push({kind: 'person', start: match.start, end: match.end, match})
      else doubtful.push(match)
    } else if (match.form.kind === 'place' && placeInAnotherName(value, match, context.blockStart, publicSpans)) {
      kept(match.start, match.end)
    } else if (!match.form.ambiguous || orgInContext(value, match, context.blockStart)) {
      confirmed.push({kind: 'org', start: match.start, end: match.end, match})
    } else kept(match.start, match.end)
  }
  // `Rose + Owen`, `Kerry-Ann and Hope`: an ambiguous form listed with a name is a name.
  for (const match of doubtful) {
    if (!isUpper(match.text[0])) {
      kept(match.start, match.end)
      continue
    }
    const listed = confirmed.some(
      (finding) =>
        finding.kind === 'person' &&
        (finding.end <= match.start ? rulePatterns.coordination.test(value.slice(finding.end, match.start)) : rulePatterns.coordination.test(value.slice(match.end, finding.start))),
    )
    if (listed) confirmed.push({kind: 'person', start: match.start, end: match.end, match})
    else kept(match.start, match.end)
  }
  // `Constant Read`, `Jeffrey Marsh`, `Fortuen:`: a roster name misheard or mistyped, where the matcher has no form for
  // it (or a form for one word of it only: the pair replaces what it took of it).
  // The phrases named by design, found once for both recognisers that leave them alone.
  const shielded = doc.matcher.shielded(value)
  for (const match of findNearNames(value, doc.roster, context, [...taken, ...publicSpans, ...shielded], [...confirmed, ...ordinary])) {
    const inside = (finding: {start: number; end: number}) => finding.start < match.end && finding.end > match.start
    if (confirmed.some((finding) => inside(finding) && (finding.start < match.start || finding.end > match.end))) continue
    for (let index = confirmed.length - 1; index >= 0; index--) if (inside(confirmed[index]!)) confirmed.splice(index, 1)
    confirmed.push({kind: 'person', start: match.start, end: match.end, match})
  }
  confirmed.sort((a, b) => a.start - b.start)
  findings.push(...wikilinkPeople(value, confirmed))
  // `Sue grew up in Kirkcaldy`, `He lives in Fife`: where a participant is from, in their bio, goes with them.
  for (const place of findBioPlaces(value, confirmed.filter((finding) => finding.kind === 'person'))) {
    if (!overlaps(place.start, place.end, findings)) findings.push({kind: 'place', ...place})
  }

  if (!context.rosterOnly) {
    const skip = [...findings, ...urls, ...spelled, ...shielded, ...publicSpans]
    const detected = detectPeople(value, {skip, ordinary, known: doc.known, blockStart: context.blockStart})
    for (const candidate of detected) findings.push({kind: 'unrostered', start: candidate.start, end: candidate.end, candidate})
    // `R2 (Jordan):`, `Jordan's mum`: a given name that is also a place, where only a person goes.
    const confident = detected.filter((candidate) => candidate.confident)
    for (const candidate of findPeopleByPosition(value, context, [...skip, ...ordinary, ...confident])) {
      const doubt = findings.findIndex((finding) => finding.kind === 'unrostered' && !finding.candidate.confident && finding.start < candidate.end && finding.end > candidate.start)
      if (doubt >= 0) findings.splice(doubt, 1)
      findings.push({kind: 'unrostered', start: candidate.start, end: candidate.end, candidate})
    }
  }
  return findings.sort((a, b) => a.start - b.start || b.end - a.end)
}

// --- rewriting ----------------------------------------------------------------

interface Edit {
  start: number
  end: number
  replacement: string
  rule: RuleId
  /** Capitalise the first letter of what follows (a label was removed at the start of a block). */
  capitaliseNext?: boolean
}

/** A run of people named together: `Jane and Tom`, `Rose + Owen`, `Arjun, Seán`. */
interface Group {
  members: Finding[]
  start: number
  end: number
}

function personOf(finding: Finding, roster: Roster): Person | undefined {
  if (finding.kind === 'person') return roster.people[finding.match.form.person]
  if (finding.kind === 'contact' && finding.person !== undefined) return roster.people[finding.person]
  return undefined
}

function isPersonLike(finding: Finding): boolean {
  return finding.kind === 'person' || (finding.kind === 'contact' && finding.person !== undefined) || (finding.kind === 'unrostered' && finding.candidate.confident)
}

function possessiveOf(finding: Finding): boolean {
  if (finding.kind === 'person' || finding.kind === 'org') return finding.match.possessive
  if (finding.kind === 'unrostered') return finding.candidate.possessive
  return false
}

function identity(finding: Finding, value: string): string {
  if (finding.kind === 'person') return `p${finding.match.form.person}`
  if (finding.kind === 'contact' && finding.person !== undefined) return `p${finding.person}`
  if (finding.kind === 'unrostered') return `u${finding.candidate.keys.join(' ')}`
  return value.slice(finding.start, finding.end)
}

function capitalise(value: string): string {
  return value.replace(rulePatterns.firstLowerLetter, (_, lead: string, letter: string) => lead + letter.toUpperCase())
}

function isCouncillor(person: Person | undefined): boolean {
  return Boolean(person && (rulePatterns.councillorTitle.test(person.honorific ?? '') || rulePatterns.councillorRole.test(person.role ?? '')))
}

/** The words that stand for a group of people. */
function peopleNoun(group: Group, doc: Anonymiser, value: string, head: string, block: BlockState): string {
  const possessive = possessiveOf(group.members.at(-1)!)
  if (group.members.length > 1) {
    const roster = group.members.some((member) => member.kind !== 'unrostered')
    return roster ? (possessive ? "participants'" : 'participants') : possessive ? "people's" : 'people'
  }
  const member = group.members[0]!
  const id = identity(member, value)
  const seen = block.people
  let noun: string
  if (member.kind === 'unrostered') {
    const kind = member.candidate.expert ? 'expert' : undefined
    const other = seen.some((entry) => entry.startsWith('u') && entry !== id)
    noun = kind ? `${other && !seen.includes(id) ? 'another' : 'one'} ${kind}` : other && !seen.includes(id) ? 'someone else' : 'someone'
  } else {
    const kind = isCouncillor(personOf(member, doc.roster)) ? 'councillor' : 'participant'
    const article = rulePatterns.indefiniteBefore.test(head) ? 'a' : 'one'
    if (seen.includes(id)) noun = `the same ${kind}`
    else if (seen.some((entry) => entry.startsWith('p'))) noun = `another ${kind}`
    else noun = `${article} ${kind}`
  }
  if (!seen.includes(id)) seen.push(id)
  return possessive ? `${noun}'s` : noun
}

/** The words that stand for an organisation, as grammar needs. */
function orgNoun(finding: Extract<Finding, {kind: 'org'}>, doc: Anonymiser, head: string, rest: string, block: BlockState): {replacement: string; startsAtThe: boolean} {
  const org = doc.matcher.orgs[finding.match.form.org]!
  const orgs = block.orgs
  const other = orgs.length > 0 && !orgs.includes(finding.match.form.org)
  if (!orgs.includes(finding.match.form.org)) orgs.push(finding.match.form.org)
  const determiner = other ? 'another' : 'one'
  const possessive = finding.match.possessive ? "'s" : ''
  if (rulePatterns.placeBefore.test(head) && !finding.match.possessive) return {replacement: `${determiner} ${org.area}`, startsAtThe: false}
  // `A Highland community council runs…` → `A local community council runs…`: the place as an adjective.
  if (!finding.match.possessive && rulePatterns.articleABefore.test(head) && rulePatterns.lowerWordAfter.test(rest)) return {replacement: 'local', startsAtThe: false}
  if (!finding.match.possessive && rulePatterns.theBefore.test(head) && rulePatterns.attributiveNoun.test(rest)) {
    return {replacement: `${determiner} ${org.noun}'s`, startsAtThe: true}
  }
  // `used the Deal to reset` → `used one council to reset`, not `the one council`.
  if (rulePatterns.theBefore.test(head)) return {replacement: `${determiner} ${org.noun}${possessive}`, startsAtThe: true}
  return {replacement: `${determiner} ${org.noun}${possessive}`, startsAtThe: false}
}

/** Group person-like findings named together. */
function groups(value: string, findings: Finding[]): Array<Group | Finding> {
  const result: Array<Group | Finding> = []
  for (const finding of findings) {
    const previous = result.at(-1)
    if (isPersonLike(finding) && previous && 'members' in previous && !possessiveOf(previous.members.at(-1)!)) {
      const between = value.slice(previous.end, finding.start)
      if (rulePatterns.coordination.test(between)) {
        previous.members.push(finding)
        previous.end = finding.end
        continue
      }
    }
    result.push(isPersonLike(finding) ? {members: [finding], start: finding.start, end: finding.end} : finding)
  }
  return result
}

export function rewriteText(value: string, doc: Anonymiser, context: TextContext): TextResult {
  // A chat line's head (`Comment (Tariq Mahmood, 19/Nov/26 12:07):`, `Ana Silva   10:41`) goes whole, and what follows it opens
  // a message: a label there (`T.M.: …`, `Gwen: …`) is a label, as at the start of a note.
  const heads = rulePatterns.chatHint.test(value) ? findChatHeads(value) : []
  if (heads.length > 0) return rewriteMessages(value, heads, doc, context)
  return rewritePlain(value, doc, context)
}

function rewriteMessages(value: string, heads: Finding[], doc: Anonymiser, context: TextContext): TextResult {
  const block = context.block ?? newBlockState()
  const result: TextResult = {value: '', redactions: [], unrostered: []}
  const add = (from: number, to: number, opens: boolean) => {
    if (to <= from) return
    const part = rewritePlain(value.slice(from, to), doc, {...context, block, blockStart: opens})
    result.value += opens ? capitalise(part.value) : part.value
    result.redactions.push(...part.redactions.map((redaction) => ({...redaction, offset: redaction.offset + from})))
    result.unrostered.push(...part.unrostered.map((candidate) => ({...candidate, start: candidate.start + from, end: candidate.end + from})))
  }
  add(0, heads[0]!.start, context.blockStart)
  heads.forEach((head, index) => {
    result.redactions.push({original: value.slice(head.start, head.end), replacement: '', rule: 'attribution', offset: head.start})
    block.removed = true
    add(head.end, heads[index + 1]?.start ?? value.length, true)
  })
  return result
}

function rewritePlain(value: string, doc: Anonymiser, context: TextContext): TextResult {
  const findings = findEntities(value, doc, context)
  const unrostered = findings.flatMap((finding) => (finding.kind === 'unrostered' ? [finding.candidate] : []))
  const active = findings.filter((finding) => (finding.kind === 'org' ? !doc.matcher.orgs[finding.match.form.org]!.shared : finding.kind !== 'unrostered' || finding.candidate.confident))
  // `**Rich Abernethy** leads co-production. He lives in Fife`: a pronoun's bio after a participant named earlier in the block
  // (in another string of it: a bold run, the sentence before). Not cached with the findings: it depends on the block.
  if (context.block?.people.some((entry) => entry.startsWith('p')) && !findings.some((finding) => finding.kind === 'person')) {
    for (const place of findBioPlaces(value, [{start: 0, end: 0}], {pronounsOnly: true})) {
      if (!overlaps(place.start, place.end, findings)) active.push({kind: 'place', ...place})
    }
    active.sort((a, b) => a.start - b.start || b.end - a.end)
  }
  // Shared organisations are kept, but still go as a speaker's affiliation.
  const sharedOrgs = findings.filter((finding): finding is Extract<Finding, {kind: 'org'}> => finding.kind === 'org' && doc.matcher.orgs[finding.match.form.org]!.shared)
  if (active.length === 0) return {value, redactions: [], unrostered}

  const block = context.block ?? newBlockState()
  const edits: Edit[] = []
  let cursor = 0
  for (const item of groups(value, active)) {
    if (item.start < cursor) continue
    const edit = 'members' in item ? personEdit(value, item, [...active, ...sharedOrgs], doc, context, block) : otherEdit(value, item, doc, context, block)
    if (!edit) continue
    edits.push(edit)
    cursor = edit.end
  }
  const applied = applyEdits(value, edits, context)
  if (applied.redactions.some((redaction) => redaction.replacement === '')) block.removed = true
  return {...applied, unrostered}
}

function personEdit(value: string, group: Group, findings: Finding[], doc: Anonymiser, context: TextContext, block: BlockState): Edit {
  const onRoster = group.members.some((member) => member.kind !== 'unrostered')
  const rule: RuleId = onRoster ? (group.members.some((member) => member.kind === 'contact') ? 'handle' : 'roster-name') : 'unrostered-name'
  let end = group.end
  // The speaker's affiliation or an aside goes with them: `(Wigan)`, `? (not sure she's a Dr, check)`, `from Camden`.
  if (onRoster) {
    const aside = rulePatterns.affiliation.exec(after(value, end))
    if (aside) end += aside[0].length
    const lead = rulePatterns.affiliationLead.exec(after(value, end))
    if (lead) {
      const org = findings.find((finding) => finding.kind === 'org' && finding.start === end + lead[0].length)
      if (org) end = org.end
    }
  }
  // An attribution goes whole: a label, a bracket, a trailing dash, a role (attributions.ts).
  const only = group.members.length === 1 ? group.members[0]! : undefined
  const attribution = findAttribution({value, start: group.start, namesEnd: group.end, end, blockStart: context.blockStart, handle: only?.kind === 'contact', onRoster, found: findings})
  if (attribution) return {start: attribution.start, end: attribution.end, replacement: '', rule: attribution.rule, ...(attribution.capitaliseNext ? {capitaliseNext: true} : {})}

  // Anything else is rewritten in place: `Tom said` → `One participant said`.
  let from = group.start
  let to = end
  let headText = before(value, from)
  // `[Tom] said` → `One participant said`.
  const bracket = enclosingBracket(value, group.start, end)
  if (bracket && value[bracket.open] === '[' && bracket.open >= from - 2) {
    from = bracket.open
    to = Math.max(to, bracket.close + 1)
    headText = before(value, from)
  }
  let noun = peopleNoun(group, doc, value, headText, block)
  const last = group.members.at(-1)!
  // `Will B. wants` keeps no dot; `… said Tom O.` keeps the full stop.
  if (value[end - 1] === '.' && last.end === end && headText.trim() !== '' && rulePatterns.sentenceEndsAfter.test(after(value, end))) noun += '.'
  if (startsSentence(headText, context.blockStart)) noun = capitalise(noun)
  // `as Tom put it residents…` → `as one participant put it, residents…`.
  const putIt = rulePatterns.putItBeforeWords.exec(after(value, to))
  if (putIt && rulePatterns.asBefore.test(headText)) {
    to += putIt[0].length
    noun += ' put it, '
  }
  return {start: from, end: to, replacement: noun, rule}
}

function otherEdit(value: string, finding: Finding, doc: Anonymiser, context: TextContext, block: BlockState): Edit | undefined {
  if (finding.kind === 'chat') return {start: finding.start, end: finding.end, replacement: '', rule: 'attribution', capitaliseNext: true}
  if (finding.kind === 'contact') {
    // `twitter @RoseKaurDigital`, `mob 07700 900 744`, `email: x@y.org`: the lead word goes too.
    const head = before(value, finding.start)
    const lead = contactLead(head)
    const trailing = rulePatterns.trailingEnd.test(after(value, finding.end)) || rulePatterns.separatorAfter.test(after(value, finding.end))
    // Only a lead that opens its own part of a list of contacts: `…, mob 07700 900 744`, not `on my e-mail x@y.org`.
    const opensPart = lead > 0 && rulePatterns.contactPartStart.test(head.slice(0, head.length - lead))
    const start = trailing && opensPart ? finding.start - lead : finding.start
    const rule: RuleId = finding.contact === 'personal-url' || finding.contact === 'url' ? 'profile-url' : finding.contact
    // `see linkedin.com/in/… for the deck` → `see their profile for the deck`: the sentence still reads.
    if (rule === 'profile-url' && rulePatterns.linkObjectBefore.test(head) && rulePatterns.sentenceGoesOn.test(after(value, finding.end))) return {start: finding.start, end: finding.end, replacement: 'their profile', rule}
    return {start, end: finding.end, replacement: '', rule}
  }
  if (finding.kind === 'place') return {start: finding.start, end: finding.end, replacement: 'one council area', rule: 'organisation'}
  if (finding.kind !== 'org') return undefined
  const head = before(value, finding.start)
  const rest = after(value, finding.end)
  const {replacement, startsAtThe} = orgNoun(finding, doc, head, rest, block)
  const start = startsAtThe ? finding.start - (rulePatterns.theAtEnd.exec(head)?.[0].length ?? 0) : finding.start
  const opens = startsSentence(before(value, start), context.blockStart)
  const text = opens ? capitalise(replacement) : replacement
  // `Tower Hamlets – built a single view of debt` → `One council built a single view of debt`.
  const dashVerb = opens && !finding.match.possessive && head.trim() === '' ? rulePatterns.orgDashVerb.exec(rest) : null
  if (dashVerb) return {start, end: finding.end + dashVerb[0].length, replacement: `${text} `, rule: 'organisation'}
  return {start, end: finding.end, replacement: text, rule: 'organisation'}
}

/** Apply edits left to right, tidy what a removal leaves behind, and record each redaction. */
function applyEdits(value: string, edits: Edit[], context: TextContext): {value: string; redactions: TextRedaction[]} {
  let output = ''
  let cursor = 0
  let capitaliseNext = false
  let removed = false
  const redactions: TextRedaction[] = []
  for (const edit of edits) {
    let chunk = value.slice(cursor, edit.start)
    if (capitaliseNext && chunk.trim() !== '') {
      chunk = capitalise(chunk)
      capitaliseNext = false
    }
    output += chunk
    let replacement = edit.replacement
    if (capitaliseNext && replacement !== '') {
      replacement = capitalise(replacement)
      capitaliseNext = false
    }
    // A replacement at the start of what is left of a block after a removed label starts a sentence.
    if (context.blockStart && output.trim() === '' && replacement !== '') replacement = capitalise(replacement)
    output += replacement
    if (edit.capitaliseNext) capitaliseNext = true
    if (replacement === '') removed = true
    redactions.push({original: value.slice(edit.start, edit.end), replacement, rule: edit.rule, offset: edit.start})
    cursor = edit.end
  }
  let rest = value.slice(cursor)
  if (capitaliseNext) rest = capitalise(rest)
  output += rest
  return {value: removed ? tidy(output, context.blockStart) : output, redactions}
}

/** Tidy what a removal can leave behind: empty brackets, doubled spaces and separators, a space before punctuation, a dangling dash. */
export function tidy(value: string, blockStart: boolean): string {
  let text = value
    .replace(rulePatterns.emptyBrackets, '')
    .replace(rulePatterns.bracketOpenComma, '(')
    .replace(rulePatterns.bracketCloseComma, ')')
    .replace(rulePatterns.spaceBeforePunctuation, '$1')
    .replace(rulePatterns.doubledCommas, ',')
    .replace(rulePatterns.doubledSlashes, '/')
    .replace(rulePatterns.doubledSpaces, ' ')
    .replace(rulePatterns.danglingEnd, '')
    .replace(rulePatterns.dashBeforeStop, '$1')
  if (blockStart) text = text.replace(rulePatterns.danglingStart, '')
  return text
}
