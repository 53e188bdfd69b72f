/**
 * Name contexts: where a roster form that could be a word (`Will`, `Hope`, `Mark`, `GA`, `sue`) is the
 * person. A table, one row per context, each with an id that is the reason; the first row that fits
 * says why the form is a person, and a form no row fits is the word. Rows marked `written` hold only
 * for a form written in lower case (`rose thinks`) or with its capital (`we gave Mark the keys`).
 * A line set in capitals (`WE WILL NEED TO BE HONEST`) is a gate: past the rows that hold in any
 * writing, nothing in it is a name.
 *
 * Adding a context is adding a row.
 */
import {after, before, reach} from './attributions.js'
import {commonWords, isCommonAbbreviation, isDictionaryWord, isOrdinaryWord, isShortWordOrAbbreviation} from './forms.js'
import {calendarUse, calendarWords} from './lexicon/calendar.js'
import {getLexicon} from './lexicon/index.js'
import type {NameMatch} from './matcher.js'
import {namePosition} from './name-positions.js'
import {documentWord} from './public-names.js'
import {rulePatterns} from './patterns.js'

/** A mention and the text around it. */
export interface NameContext {
  value: string
  match: NameMatch
  blockStart: boolean
  /** The text after the string in its block, when the string is a formatted run that opens it (`**dawn**` of `**dawn**: …`). */
  following: string
  /** The text before the mention (within `reach`), and after it. */
  head: string
  rest: string
  /** The line before the mention, and whether that line starts a note. */
  lineStart: number
  lineHead: string
  atLineStart: boolean
}

interface Row {
  id: string
  written?: 'lower' | 'capital'
  /** Holds for a month, weekday or season even in a date's context (`in August`): an attribution, a verb of saying, a possessive. */
  overCalendar?: boolean
  fits(context: NameContext): boolean
}

export const months = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'])

export function isUpper(letter: string | undefined): boolean {
  return letter !== undefined && letter !== letter.toLowerCase() && letter === letter.toUpperCase()
}

/** Is the line around `index` written in capitals (`text-transform: uppercase`, read back from a PDF)? */
export function inCapitals(value: string, index: number): boolean {
  const start = value.lastIndexOf('\n', index) + 1
  let end = value.indexOf('\n', index)
  if (end === -1) end = value.length
  const line = value.slice(start, end)
  return rulePatterns.twoCapitals.test(line) && !rulePatterns.lowerLetter.test(line)
}

/** Does the text before a mention start a sentence? */
export function startsSentence(head: string, blockStart: boolean): boolean {
  if (head.trim() === '') return blockStart || rulePatterns.afterNewline.test(head)
  return rulePatterns.sentenceStart.test(head) || rulePatterns.lineOpening.test(head)
}

/** Is `start…end` one word of a longer capitalised name (`John Lewis Partnership`, `Isle of Lewis`), not a sentence's first word beside it? */
export function insideProperName(value: string, start: number, end: number, blockStart: boolean): boolean {
  if (rulePatterns.capitalAfter.test(after(value, end))) return true
  // The word before, maybe across one joining word (`Isle of`): capitalised, not `I`, and not a sentence's first word.
  const head = before(value, start)
  const words = head.split(rulePatterns.whitespaceSplit)
  let index = words.length - 1
  if (words[index] === '') index--
  if (index >= 0 && rulePatterns.properJoiner.test(words[index]!)) index--
  const word = words[index]
  if (index < 0 || !word || word === 'I' || !rulePatterns.capitalisedWord.test(word)) return false
  const at = head.lastIndexOf(word)
  return !startsSentence(head.slice(0, at), blockStart)
}

/** Rows that hold however the line is written, capitals too. */
const anyWriting: Row[] = [
  {
    // `- dawn: …`, `bill said`, `chase rob`, `@rob`, `thanks GA`: a position only a person fills, in any case; for initials
    // that are a common word or abbreviation (`IT`, `PB`, `TO`), only the positions where those are not at home (`PB:`, `**PB:**`).
    id: 'name position',
    fits: ({value, match, blockStart, following}) => namePosition(value + following, match.start, match.end, blockStart, match.form.kind === 'initials' && isShortWordOrAbbreviation(match.text)) !== undefined,
  },
  // `summer.price`, `mark_banks` (a Slack or email user name): a full name joined so is the person, in any case.
  {id: 'user name', fits: ({match}) => match.form.kind === 'full' && rulePatterns.joinedName.test(match.text)},
  // `… hosting. P.O.`, `T. M. thinks`: a person's initials written with their stops, wherever they stand (a sign-off too), but never a
  // post office box (`P.O. Box 12`).
  {id: 'initials with their stops', fits: ({value, match}) => match.form.kind === 'initials' && /^(?:\p{Lu}\.[^\S\n]?){2,3}$/u.test(value.slice(match.start, match.end + 1).trim()) && !/^\.?[^\S\n]*box(?![\p{L}])/iu.test(value.slice(match.end, match.end + 6))},
]

/**
 * A determiner, then one or two lower-case words that qualify a noun (`a stone `, `the dry stone `, `a master `): a word
 * typed small after them is the head of a compound noun (`a stone mason's quote`, `the dry stone waller`), not a person.
 * The words between are no joining or function words and no verb of saying (`the team and sue`, `the facilitator mark said`).
 */
const determinerPhrase =
  /(?:^|[^\p{L}'’])(?:a|an|the|this|that|these|those|my|your|our|their|his|her|its|some|any|no|every|each)[^\S\n]+(?:(?!(?:and|or|but|nor|with|to|for|of|from|by|at|in|on|as|than|then|so|if|when|via|per|like|asked|ask|told|tell|thanks|said|says|cc|is|was|are|were|has|had|have|will|would|can|could|should)(?![\p{L}]))\p{L}[\p{L}-]*[^\S\n]+){1,2}$/iu

/** A determiner, then maybe an opening quote, before a name a thing is named for (`the `, `our “`). */
const eponymHead = /(?:^|[^\p{L}'’])(?:the|a|an|this|that|our|their|your|my)[^\S\n]+["“‘']?$/iu
/** The word after it, maybe past a closing quote (`" rule`, ` model`). */
const eponymNoun = /^["”’']?[^\S\n]+([\p{L}'’]+)(?![\p{L}])/u
/** Forms of one word of a name. */
const oneWordKinds = new Set(['first', 'middle', 'last', 'alias'])
/** A clause's or a block's end after a word: a stop, a comma, a semicolon, a bracket, the end. */
const surnameClosing = /^[*_]*(?:[^\S\n]*(?:[.!?;,)]|$))/u
/** A word in lower case (a verb or a preposition: `from `, `to `, `thanks `), then the name. */
const lowerWordBefore = /(?:^|[^\p{L}'’])\p{Ll}[\p{Ll}'’-]*[^\S\n]+$/u

/** Two words of a name in lower case (`robin shepherd`). */
const multi = (match: NameMatch) => rulePatterns.whitespaceChar.test(match.text)
const openLine = (context: NameContext) => context.atLineStart && rulePatterns.onlyListMarkers.test(context.lineHead.replace(rulePatterns.emphasisMarks, ''))

/**
 * A verb a clause has and a role does not (`ken, the bairns cannae play…`, `aye, it is…`): what follows the comma is a
 * sentence, not `planning manager`.
 */
const clauseVerb = /(?<![\p{L}'’])(?:is|are|was|were|am|been|can|could|cannot|will|would|shall|should|must|do|does|did|have|has|had|get|gets|got|\p{L}+n['’]t|\p{L}+nae)(?![\p{L}])/iu

const rows: Row[] = [
  {
    // `— Grant, customer services`, `Robin, planning manager` (a block of its own): an attribution with a role.
    id: 'attribution with a role',
    overCalendar: true,
    fits: (context) =>
      rulePatterns.roleTail.test(context.value.slice(context.match.end)) &&
      !clauseVerb.test(context.value.slice(context.match.end)) &&
      (rulePatterns.trailingDash.test(context.head) || openLine(context)),
  },
  {
    // `CM ran the pilot`: initials in capitals as the subject of a verb; not an abbreviation notes use (`PB is the cheapest…`,
    // `GP was closed`), which is a person only in a name position (above) or before a verb of saying (below).
    id: 'initials as a subject',
    fits: ({match, rest}) => match.form.kind === 'initials' && !isCommonAbbreviation(match.text) && (rulePatterns.speechAfter.test(rest) || rulePatterns.subjectVerbAfter.test(rest)),
  },
  {
    // `robin shepherd said`, `according to robin shepherd`, `(robin shepherd)`: two words of a name in a name position.
    id: 'two words of a name, attributed',
    overCalendar: true,
    written: 'lower',
    fits: ({match, head, rest}) =>
      multi(match) && (rulePatterns.strictSpeechAfter.test(rest) || rulePatterns.strictSpeechBefore.test(head) || rulePatterns.hedgeAfter.test(rest) || (rulePatterns.openBracketBefore.test(head) && rulePatterns.closeBracketAfter.test(rest))),
  },
  // `"…" - dawn`: a trailing attribution in lower case.
  {id: 'trailing attribution, lower case', overCalendar: true, written: 'lower', fits: ({value, match, head, rest}) => rulePatterns.trailingDash.test(head) && rulePatterns.trailingEnd.test(rest) && value.length - match.end < reach},
  // `sue's team`: a possessive with no determiner before it is a person's.
  // Not after a determiner (`the sue's`), nor the head of a compound noun (`a stone mason's quote`).
  {
    id: 'possessive, lower case',
    overCalendar: true,
    written: 'lower',
    fits: ({match, head}) => match.possessive && match.form.kind !== 'initials' && !rulePatterns.determinerBefore.test(head) && !determinerPhrase.test(head),
  },
  {id: 'possessive', overCalendar: true, written: 'capital', fits: ({match}) => match.possessive},
  // `(from the Zoom chat, Frank I think)`, `Grant?`: a hedged name.
  {id: 'hedged', written: 'capital', fits: ({rest}) => rulePatterns.hedgeAfter.test(rest)},
  // A block that is only the name: a table cell, a line of its own.
  {id: 'alone in a block', written: 'capital', fits: (context) => openLine(context) && rulePatterns.blockEnd.test(context.value.slice(context.match.end))},
  {
    // `we gave Mark the keys`: a given name with its capital mid-sentence, not inside a longer proper name (`Grant Thornton`,
    // `the Isle of Lewis`), not after a determiner.
    id: 'given name mid-sentence',
    written: 'capital',
    fits: ({value, match, head, blockStart}) =>
      (match.form.kind === 'first' || match.form.kind === 'alias' || match.form.kind === 'middle') &&
      !startsSentence(head.replace(rulePatterns.emphasisMarks, ''), blockStart) &&
      !rulePatterns.numberedOpening.test(head) &&
      !rulePatterns.clauseStart.test(head) &&
      !rulePatterns.determinerBefore.test(head) &&
      !insideProperName(value, match.start, match.end, blockStart),
  },
  {
    // `Hope: …`, `Hope (Nottingham) …`: a name that opens its block before a label's end or an aside.
    id: 'opens a block as a label',
    overCalendar: true,
    written: 'capital',
    fits: ({value, match, lineStart, blockStart, rest}) =>
      (lineStart > 0 || blockStart) && match.start - lineStart < reach && rulePatterns.labelStart.test(value.slice(lineStart, match.start)) && (rulePatterns.labelEnd.test(rest) || rulePatterns.bracketAfter.test(rest)),
  },
  {id: 'before an aside', written: 'capital', fits: ({rest, head, blockStart}) => rulePatterns.asideAfter.test(rest) && !startsSentence(head, blockStart)},
  {id: 'aside, then a label', written: 'capital', fits: ({rest}) => rulePatterns.asideThenLabel.test(rest)},
  {id: 'in brackets', written: 'capital', fits: ({head, rest}) => rulePatterns.openBracketBefore.test(head) && rulePatterns.closeBracketAfter.test(rest)},
  {id: 'with a verb of saying', overCalendar: true, written: 'capital', fits: ({head, rest}) => rulePatterns.strictSpeechAfter.test(rest) || rulePatterns.strictSpeechBefore.test(head)},
  // `Summer ran the pilot`, `Penny leads the team`: a capitalised name that opens a sentence, then a verb only a person does.
  {id: 'subject of a verb', written: 'capital', fits: ({head, rest, blockStart}) => startsSentence(head.replace(rulePatterns.emphasisMarks, ''), blockStart) && rulePatterns.agentVerbAfter.test(rest)},
  {
    // `Autumn again.`, `August is on leave`: a given name that is a month, weekday or season and no common word besides (not
    // `May`, `June`), with no date's words around it (the calendar rows are asked first), is the participant, as it was before
    // the calendar rows.
    id: 'a month or season, no date around it',
    written: 'capital',
    fits: ({match}) => {
      const key = match.text.toLowerCase()
      return calendarWords.has(key) && !commonWords.has(key) && (getLexicon().given.has(key) || getLexicon().family.has(key))
    },
  },
  // `… — Hope`: a trailing attribution.
  {id: 'trailing attribution', overCalendar: true, written: 'capital', fits: ({head, rest}) => rulePatterns.trailingDash.test(head) && rulePatterns.trailingEnd.test(rest)},
  {
    // `the Faith model`, `the "Precious rule"`, `our Hope framework`: a word-name with its capital after a determiner, before a
    // document's or a method's own word (public-names' list), is whom the thing is named after. A word-name is written
    // small there as the word (`a field test`, `the grant rule`): the capital mid-sentence is what makes it a name.
    // Typed small, only a name that is no common word (`the müller model`, `the "berg rule"`; not `the field test`).
    id: 'named for someone: the X model',
    fits: ({match, head, rest}) => {
      const noun = eponymHead.test(head) ? eponymNoun.exec(rest) : null
      return noun !== null && documentWord.test(noun[1]!) && (isUpper(match.text[0]) || (match.form.kind !== 'initials' && !isOrdinaryWord(match.text)))
    },
  },
  {
    // `the idea came from Hill.`, `the credit goes to Field`, `### Notes on the kiosk from Field`: a surname with its capital
    // mid-sentence that closes its clause or its block, after a word in lower case (no determiner: `the Field` is the word's
    // place name), is the person. `Primrose Hill.`, `Rich Tea` are inside a longer proper name; a sentence's first word is the word.
    // Typed small, any one-word form that is no common word (`came from cath.`, `goes to müller`) and that no word-use row
    // reads as a word (`Pan ddaw'r eira, …`: after a Welsh article, the snow).
    id: 'a surname closing a clause',
    fits: ({value, match, head, rest, blockStart}) =>
      (isUpper(match.text[0]) ? match.form.kind === 'last' : oneWordKinds.has(match.form.kind) && !multi(match) && !isOrdinaryWord(match.text) && lowerCaseWordUse(value, match) === undefined) &&
      !match.possessive &&
      surnameClosing.test(rest) &&
      lowerWordBefore.test(head) &&
      !rulePatterns.determinerBefore.test(head) &&
      !startsSentence(head.replace(rulePatterns.emphasisMarks, ''), blockStart) &&
      !insideProperName(value, match.start, match.end, blockStart),
  },
]

/**
 * Word uses: where a roster name that is also an English word, capitalised only because it opens a sentence or a
 * title, is the word (`Hazel coppicing`, `Summer holidays are…`, `Brook restoration`, `Penny-pinching`, `Miles of
 * paperwork`, `Holly and ivy`, `Chase the invoices`). The inverse of a name position: a row says what follows the
 * word makes it a common noun (or an imperative verb). None holds in a name position, for a possessive, a title
 * (`Dr`), nor for two words of a name.
 */
const wordUses: ReadonlyArray<{id: string; after: RegExp; unless?: RegExp}> = [
  // `Penny-pinching`, `Summer-time`: joined to a lower-case word.
  {id: 'a compound', after: /^-\p{Ll}/u},
  // `Miles of paperwork`, `Grace of God`.
  {id: 'a quantity: `Miles of …`', after: /^[^\S\n]+of[^\S\n]+\p{Ll}/u},
  // `Holly and ivy`, `Hazel or willow`: listed with a common noun (not a pronoun, nor a capitalised name).
  {id: 'listed with a common noun', after: /^[^\S\n]+(?:and|or|&)[^\S\n]+(?!(?:i|we|they|he|she|you|me|us|them|my|our|their|his|her)(?![\p{L}]))\p{Ll}[\p{L}-]*(?![\p{L}])(?![^\S\n]+(?:said|says|agreed|thought|think|reckon|led|ran)(?![\p{L}]))/u},
  // `Chase the invoices`, `Mark the date`: an imperative before its object.
  {id: 'an imperative', after: /^[^\S\n]+(?:the|a|an|all|every|each|our|your|their|those|these|any|up|down|it|them)[^\S\n]+\p{Ll}/u},
  // `Summer holidays are…`, `Hazel coppicing`, `Brook restoration volunteers`, `Hazel trees in…`: the head of a noun phrase,
  // the next word a lower-case word that no verb of a person's is, and not itself followed by an object (`Hazel runs the…`).
  {
    id: 'a noun phrase',
    after: /^[^\S\n]+(?!(?:to|from|here|is|was|are|were|has|had|have|will|would|can|could|should|may|might|must|did|does|do|and|or|but|also|just|then|really|who|which|that|at|in|on|with|for|by|about|again|too|not|never|always|only|et|via|said|says|thinks|thought|reckons|wants|needs|agreed|asked|told|ran|runs|led|leads|made|makes|took|takes|built|gave|went|goes|found|wrote|brought|kept|chaired|hosted|presented|explained|described|pointed|joined|left|moved|managed|manages|worked|works|believes|knows|knew|feels|felt|argues|suggests|notes|adds|mentions|shares|raises|flags|warns|admits|proposes|offers|sent|sends|met|meets|visited|launched|commissions|funds|owns|drafts|tries|spoke|speaks|talks|walks|shows|promised|volunteers|wins|won|came|comes|got|gets|here|there|himself|herself|themselves)(?![\p{L}]))\p{Ll}[\p{Ll}-]*(?![\p{L}'’])/u,
    unless: /^[^\S\n]+\p{Ll}+(?:ed|'s|’s)?(?:[^\S\n]+(?:the|a|an|our|their|his|her|its|this|that|these|those|every|some|all|no|them|it|us|me|him)(?![\p{L}])|(?<=ed)(?![\p{L}]))/u,
  },
]

/** Adjectives and quantities that go before a common noun (`a small fortune`, `by good fortune`, `the clear sky`). */
const adjectives =
  'good|bad|small|big|great|large|little|whole|new|old|high|low|real|pure|sheer|blue|clear|open|bright|dark|fresh|fine|full|mere|vast|huge|tiny|modest|hard|deep|early|late|white|black|red|green|grey|gray|public|private|common|ill|considerable|enormous|absolute|total|complete|cold|hot|warm|night|morning|evening|summer|winter|spring|autumn|starry|cloudy|grey|same|other|own|only|first|last|next|entire|single|double|lucky|pretty|tidy|further|extra'

/**
 * Word uses of a roster word typed small (`a small fortune`, `by good fortune`, `sky-high`, `yn yr haf`, `pan ddaw'r
 * eira`): where the words around it make it a common noun, whether or not the curated lists know it as a word. Each row
 * tests the text before the word (its line) or after it; `dictionary`: the word must be in the English dictionary
 * (SCOWL's, `isDictionaryWord`) too. None is asked in a name position, which the caller tries first.
 */
const lowerCaseWordUses: ReadonlyArray<{id: string; before?: RegExp; after?: RegExp; dictionary: boolean; agentNoun?: boolean}> = [
  // `a fortune`, `the sky`, `their own kit`, `that law`: after a determiner or a possessive.
  {id: 'after a determiner', before: /(?:^|[^\p{L}'’])(?:a|an|the|this|that|these|those|my|your|our|their|his|her|its|some|any|no|every|each|much|more|less|such|what|whose|another|own)[^\S\n]+$/iu, dictionary: true},
  // `a small fortune`, `by good fortune`, `blue sky`: after an adjective a common noun takes.
  {id: 'after an adjective', before: new RegExp(String.raw`(?:^|[^\p{L}'’])(?:${adjectives})[^\S\n]+$`, 'iu'), dictionary: true},
  // `a brick layer`, `the dry stone waller`, `a master thatcher`: the head of a compound noun, after a determiner and its qualifiers.
  {id: 'after a determiner and a qualifier', before: determinerPhrase, dictionary: true, agentNoun: true},
  // `sky-high`, `blue-sky thinking`: joined by a hyphen to a word in lower case.
  {id: 'a compound with a lower-case word', before: /\p{Ll}-$/u, dictionary: true},
  {id: 'a compound with a lower-case word', after: /^-\p{Ll}/u, dictionary: true},
  // `yn yr haf`, `pan ddaw'r eira`, `an t-samhradh`, `na heira`: after an article or particle of Welsh, Irish or Scottish
  // Gaelic, a name of those languages (Haf, Eira, Gwyn, Dilys) is the word it is made of.
  {id: 'after a Welsh or Gaelic article', before: /(?:(?:^|[^\p{L}'’])(?:yr|y|yn|ei|eu|ein|eich|fy|dy|an|na|sa|san|den|don)|\p{L}['’]r)[^\S\n]+$/iu, dictionary: false},
]

/** The ending of a noun for someone who does a trade or a task: `waller`, `mason`, `wheelwright`, `locksmith`. */
const agentNoun = /\p{L}{2}(?:er|ers|or|ors|ist|ists|man|men|smith|wright|maker)$/u

/** Is this one-word roster form, typed in lower case, a common noun here (`a small fortune`, `yn yr haf`)? Which use. */
export function lowerCaseWordUse(value: string, match: NameMatch): string | undefined {
  const {text, form} = match
  if (!['first', 'alias', 'middle', 'last'].includes(form.kind) || match.possessive || match.titled || multi(match) || text !== text.toLowerCase()) return undefined
  const lineStart = value.lastIndexOf('\n', match.start - 1) + 1
  const head = value.slice(Math.max(lineStart, match.start - 60), match.start)
  const rest = value.slice(match.end, match.end + 3)
  let dictionary: boolean | undefined
  for (const use of lowerCaseWordUses) {
    if ((use.before && !use.before.test(head)) || (use.after && !use.after.test(rest))) continue
    // `agentNoun`: a noun of a trade's shape (`waller`, `thatcher`, `wheelwright`) will do, in the dictionary or not.
    if (use.dictionary && !(use.agentNoun && agentNoun.test(text)) && !(dictionary ??= isDictionaryWord(text))) continue
    return use.id
  }
  return undefined
}

/** A line's opening: list marks, Unicode bullets, a number. */
const lineOpener = /(?:^|\n|[^\S\n][•◦▪‣⁃●○■□])(?:[^\S\n]|[>*+\-•◦▪‣⁃●○■□–—#]|\d{1,3}[.)])*$/u

/** Is this capitalised name-word, opening its sentence, the English word here (`Hazel coppicing`)? Which use. */
export function wordUse(value: string, match: NameMatch, blockStart: boolean, following = ''): string | undefined {
  const {text, form} = match
  if (!['first', 'alias', 'middle', 'last'].includes(form.kind) || match.possessive || match.titled || multi(match)) return undefined
  if (!isUpper(text[0]) || text === text.toUpperCase() || !isOrdinaryWord(text)) return undefined
  const head = before(value, match.start)
  const lineHead = value.slice(value.lastIndexOf('\n', match.start - 1) + 1, match.start)
  const opens = (blockStart || value.lastIndexOf('\n', match.start - 1) >= 0) && lineOpener.test(lineHead.replace(rulePatterns.emphasisMarks, ''))
  if (!opens && !startsSentence(head.replace(rulePatterns.emphasisMarks, ''), blockStart)) return undefined
  // `the "Hill rule"`: a quote after a determiner opens a noun phrase, not a sentence.
  if (eponymHead.test(head)) return undefined
  if (namePosition(value + following, match.start, match.end, blockStart) !== undefined) return undefined
  const rest = after(value, match.end) + (match.end + reach > value.length ? following : '')
  return wordUses.find((use) => use.after.test(rest) && !use.unless?.test(rest))?.id
}

/** Every row, in the order they are tried (for tests: each is named once). */
export const nameContexts: ReadonlyArray<Pick<Row, 'id' | 'written'>> = [...anyWriting, ...rows]

/** Why an ambiguous roster form (`Will`, `Hope`, `Mark`, `GA`) is a person here: the first row that fits, if any. */
export function nameContext(value: string, match: NameMatch, blockStart: boolean, following = ''): string | undefined {
  const lineStart = value.lastIndexOf('\n', match.start - 1) + 1
  const context: NameContext = {
    value,
    match,
    blockStart,
    following,
    head: before(value, match.start),
    rest: after(value, match.end),
    lineStart,
    lineHead: value.slice(lineStart, match.start),
    atLineStart: lineStart > 0 || blockStart,
  }
  for (const row of anyWriting) if (row.fits(context)) return row.id
  if (inCapitals(value, match.start)) return undefined
  const written = isUpper(match.text[0]) ? 'capital' : 'lower'
  // `referrals dipped in August`, `last April`, `May half-term`: a month, weekday or season in a date's context is the calendar's.
  const calendar = calendarUse(value, match.start, match.end) !== undefined
  return rows.find((row) => (row.written === undefined || row.written === written) && (!calendar || row.overCalendar) && row.fits(context))?.id
}
