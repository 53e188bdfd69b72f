/**
 * Every regular expression the anonymiser's rules use, in one place, so each
 * can be tested against adversarial input for catastrophic backtracking.
 *
 * All of them are linear: no nested quantifiers, no alternations whose
 * branches can match the same text, bounded repetition where a class could
 * overlap what follows. Anchored patterns are run on bounded windows of text
 * (a few dozen characters around a mention), never on the whole document.
 * Names are not found with regular expressions at all: the matcher
 * (matcher.ts) walks tokens.
 */

/** A letter, a digit or an underscore: what a name or a handle must not run into. */
import {timeHead} from '../util/timestamps.js'
const word = String.raw`[\p{L}\p{N}_]`

/** Honorifics written before a name. */
const titles = String.raw`(?:Cllr|Councillor|Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Miss|Sir|Dame|Lord|Lady|Rev|Revd)`

export const rulePatterns = {
  // --- contact details -----------------------------------------------------
  /** `jane.smith@wigan.gov.uk`; the start of a run only, so a failed match costs the run once. */
  email: /(?<![\p{L}\p{N}._%+@-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  /** An email written to dodge scrapers: `jane[at]wigan.gov.uk`, `jane.smith (at) wigan (dot) gov (dot) uk`. (`jane at wigan dot com` is left: `look at wigan dot com` is prose.) */
  obfuscatedEmail: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+\s*[[({]at[\])}]\s*[\p{L}\p{N}-]+(?:(?:\.|\s*[[({]dot[\])}]\s*)[\p{L}\p{N}-]+)+/giu,
  obfuscatedEmailHint: /[[({]at[\])}]/i,
  /** `https://…`, `www.…`, `linkedin.com/in/…`: up to a space, a bracket or a quote. */
  url: /(?<![\p{L}\p{N}_@.\/-])(?:https?:\/\/|www\.|(?:[a-z0-9-]+\.)+(?:com|org|net|io|co|uk|app|social|me|info|dev|gov|ac|edu)(?=[\/:])(?![\p{L}\p{N}_-]))[^\s<>()[\]"'`]*/giu,
  /** A phone-shaped run: `+44 20 7946 0321`, `0161 496 0418`, `(37) 788-063`; digits are counted afterwards. */
  phone: /(?<![\p{L}\p{N}_+\/.,:-])(?:\+|\(\+?)?\d[\d ().\/-]{5,22}\d(?![\p{L}\p{N}_])/gu,
  /** A date or a time in a phone-shaped run: never a phone number. */
  notPhone: /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}[.:]\d{2}(?:[.:]\d{2})?)$/u,
  /** `@tomokafor`, `@user@mastodon.social`. */
  // `@sunny_k`, a Mastodon `@name@server`, and a forum's `u/patience_m` (Reddit's user prefix, `/u/` too).
  handle: /(?<![\p{L}\p{N}_.@\/])(?:@[\p{L}\p{N}_]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?|\/?u\/[\p{L}\p{N}_-]{3,})/gu,
  /** A table column that says where each person works. */
  orgHeader: /^(?:(?:your |their )?(?:organi[sz]ations?|orgs?\.?|council|local authority|authority|employer|affiliation|company|workplace)(?: name)?)$/iu,
  handlePrefix: /^(?:@|\/?u\/)/u,
  handleHint: /@|(?<![\p{L}\p{N}])u\//u,
  /** A URL's host and path (the scheme optional). */
  urlParts: /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]+)([^?#\s]*)/iu,
  /** Hosts of social networks whose pages can be someone's profile. */
  socialHost: /(?:^|\.)(?:linkedin\.com|twitter\.com|x\.com|bsky\.app|threads\.net|facebook\.com|instagram\.com|github\.com)$/iu,
  /** A profile's path on those hosts: `/in/…` (LinkedIn), `/profile/…` (Bluesky), `/@…` (Threads, Mastodon), `/user` (X, Facebook, Instagram, GitHub). */
  profilePath: /^\/(?:in\/|pub\/|profile\/|@)/iu,
  /** A Mastodon (or any fediverse) profile: `https://mastodon.social/@jane`. */
  fediversePath: /^\/@[\w.]/u,
  /** A path that is just a user name: `/tomokafor`, `/tomokafor/`. */
  userPath: /^\/[\w.-]+\/?$/u,
  /** Paths of those hosts that are not people: `/search`, `/groups`, `/company`… */
  siteSection: /^\/(?:i|intent|share|search|hashtag|home|explore|groups|events|pages|watch|company|school|jobs|feed|login|signup|about|help|settings|orgs|topics|sponsors|marketplace)(?:[/?#]|$)/iu,
  /** One word that introduces a contact detail and goes with it (`email`, `mob`, `twitter`, `on`); `contactLead()` in text.ts takes them one at a time. */
  contactLead: /(?<![\p{L}\p{N}])(?:e-?mail|tel|phone|mob(?:ile)?|twitter|x|bluesky|mastodon|linkedin|skype|instagram|facebook|on|at|via)\.?:?\s+$/iu,

  // --- speaker labels and attributions ---------------------------------------
  /** After a mention at the start of a block: `:`, ` - `, ` – `, `]:` close a label. */
  labelEnd: /^\s*(?:\]\s*)?(?::|[-–—](?=\s|$))\s*/u,
  /** Before a label: list punctuation, an opening bracket, a chat timestamp `[11:42]`, `10:04:12`. */
  labelStart: new RegExp(String.raw`^\s*(?:${timeHead})?(?:\[\s*)?$`, 'iu'),
  /** A timestamp, then nothing else, before a label: `10:30 mark: …` is typed in a hurry, still a label. */
  timedLabelStart: new RegExp(String.raw`^\s*${timeHead}$`, 'iu'),
  /** After a label's colon: a quotation (`mark: "the water…"`). */
  quoteAfterLabel: /^\s*:\s*["“‘']/u,
  /** A role after a name, to the end of the text: `— Grant, customer services`, `Robin, planning manager`. */
  /**
   * After a name that opens a sentence, what makes it a vocative: a comma or a dash, then the sentence spoken to them
   * (`Pieter, you said the pilot worked`, `rose, could you …`, `Sue — thanks for the deck`). The sentence is what they were told.
   */
  addressedAfter: /^[^\S\n]*(?:,|[^\S\n][—–-])[^\S\n]*(?=(?:(?:can|could|would|will|do|did|are|were|have|had)[^\S\n]+you|you(?:['’](?:ve|re|d|ll))?|your|pls|please|thanks|thank[^\S\n]+you|what[^\S\n]+(?:do|did|would)[^\S\n]+you)(?![\p{L}'’]))/iu,
  /** A sentence's end before a name (`Welcome back. Sue, you wanted…`): the name opens a sentence inside the line. */
  sentenceEndBefore: /[.!?…]["”’)]?[^\S\n]+$/u,
  roleTail: /^,[^\S\n]*\p{L}[\p{L}\p{N}'’&/ -]{0,60}?[.!?”"’)*_]*\s*$/u,
  /** A determiner before a word: `the grant's terms` is the word's possessive, not a person's. */
  determinerBefore: /(?:^|[^\p{L}])(?:the|a|an|this|that|these|those|our|their|his|her|its|my|your|every|each|any|no|some)\s+$/iu,
  /** Emphasis marks around an attribution: `*Robin, planning manager*`. */
  emphasisMarks: /[*_]/gu,
  /** A capitalised word (not `I`) right after, maybe across `of`/`the`: `Lewis Partnership`, `Isle of Lewis`. */
  capitalAfter: /^[^\S\n]+(?:(?:of|the|and|&|upon|on)[^\S\n]+)?\p{Lu}[\p{L}'’-]/u,
  /** A word that joins a longer proper name: `Isle of Lewis`, `Marks & Spencer`. */
  properJoiner: /^(?:of|the|and|&|upon|on)$/u,
  /** A word with a capital, as it stands between spaces: `Isle`, `(John`, `Lewis’`. */
  capitalisedWord: /^[("'“‘]?\p{Lu}[\p{L}'’-]*$/u,
  /** An ordered list's number before a mention: `13. **Mark the date**`. */
  numberedOpening: /^\s*\d{1,3}[.)]\s*[*_]*$/u,
  /** A word of a public name: letters, with inner apostrophes and hyphens (`Noah's`, `Catch-22`); `&` is a word too. */
  publicWord: /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|&/gu,
  /** Between two words of a public name: spaces, a comma, a dot (`Tom, Dick and Harry`, `W. H. Smith`). */
  publicGap: /^[.,]?[^\S\n]{1,3}$|^-$/u,
  /** Nothing but closing emphasis or punctuation to the end of the text. */
  blockEnd: /^[*_.!?)\]]*\s*$/u,
  /** A capitalised word (and maybe a second) right after a handle: `@Amara Okonjo`, `@Aoife Ní Dhuibhir`. */
  handleSurname: /^ (\p{Lu}[\p{L}'’-]+)(?: \p{Lu}[\p{L}'’-]+)?(?![\p{L}])/u,
  /** A question to the person a handle names: `@Ben Marsh can you share the slides`. */
  questionToYou: /^\s+(?:can|could|would|will|do|did|are|have)\s+you(?![\p{L}])/iu,
  /** The start of a clause after a semicolon or a dash: `…; Faith in the system is low`. */
  clauseStart: /[;–—]\s*$/u,
  /** A clock time, or a line that opens with `From `: the only text that can hold chat metadata. */
  chatHint: /\d:\d\d|^[^\S\n]*From[^\S\n]/mu,
  /** A Zoom chat export's line head: `10:04:12 From Ana Silva to Everyone:`, `From Ana to Me (Privately):`; without a time, only to Everyone, Me, the host or privately (`From consultation to collaboration:` is a heading). */
  chatFrom: /^[^\S\n]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[^\S\n]+From[^\S\n]+[^\n:]{1,60}?[^\S\n]+to[^\S\n]+[^\n:]{1,40}?|From[^\S\n]+[^\n:]{1,60}?[^\S\n]+to[^\S\n]+(?:Everyone|All|All panelists|Me|Host|Hosts and panelists)(?:[^\S\n]*\([^()\n]{1,30}\))?|From[^\S\n]+[^\n:]{1,60}?[^\S\n]+to[^\S\n]+[^\n:(]{1,40}?[^\S\n]*\((?:Privately|Direct Message|DM)\))[^\S\n]*:[^\S\n]*/gmu,
  /** A Teams or Slack export's line head: a name, a wide gap and the time (`Ana Silva   10:41`). */
  chatStamp: /^[^\S\n]*\p{Lu}[\p{L}'’.-]*(?:[^\S\n]\p{Lu}[\p{L}'’.-]*){0,3}(?:[^\S\n]{2,}|\t)\[?\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]?[AaPp][Mm])?\]?[^\S\n]*/gmu,
  /** A surname after a given name, as written (`'Shaugnessy` after `Hazel O`, ` bin Abdulah`, ` Van Heerden`): particles and one word. */
  misspeltSurnameAfter: /^(?:['’]|[^\S\n]+(?:(?:van|von|de|der|den|da|di|du|del|bin|ibn|al|el|ap|ni|nic|mac|ó|o)[^\S\n]+)*)[\p{L}][\p{L}'’-]*/iu,
  /** A WebVTT or SRT cue's timing line (`00:00:04.120 --> 00:00:09.800`), and the `WEBVTT` header: transcript metadata. */
  /** A tracker's or a forum's byline: `Comment (Tariq Mahmood, 19/Nov/26 10:42):`, `Reply (Sam, 10:42):` — a word, then who and when in brackets. */
  chatByline: /^[^\S\n]*\p{Lu}\p{Ll}+(?:[^\S\n]\p{Ll}+)?[^\S\n]*\([^()\n]{1,60},[^()\n]{0,40}?\d{1,2}[:.]\d{2}[^()\n]{0,12}\)[^\S\n]*:[^\S\n]*/gmu,
  cueTiming: /^[^\S\n]*(?:WEBVTT\b[^\n]*|(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}[^\S\n]+-->[^\S\n]+(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}[^\n]*)(?:\n|$)/gmu,
  /** A verb or preposition whose object is a link: `see …`, `on …`. */
  linkObjectBefore: /(?:^|[^\p{L}])(?:see|visit|check|at|on|via|from)[^\S\n]+$/iu,
  /** The sentence goes on after a link: `… for the deck`. */
  sentenceGoesOn: /^[^\S\n]+\p{Ll}/u,
  /** A hedge after a name in an aside: `Frank I think`, `Robin maybe`, `Grant?`. */
  hedgeAfter: /^(?:\s*\?|,?\s+(?:I\s+think|I\s+believe|I\s+guess|maybe|perhaps|possibly)(?![\p{L}]))/u,
  /** Before a trailing attribution: a dash, maybe an honorific (`— Cllr`). */
  /** The dash of a trailing attribution (`— Femi`, `– T.N.`, `- Shabana`): a hyphen needs a space beside it, or it joins a word (`en-GB`). */
  trailingDash: /(?<!\s)(?:\s*[–—]\s*|\s+-\s*|-\s+)$/u,
  /** After a trailing attribution: nothing but closing punctuation. */
  trailingEnd: /^[\s.!?"”’')–—-]*$/u,
  /** The affiliation or aside right after a name: `(Wigan)`, `? (not sure she's a Dr, check)`. */
  affiliation: /^\??\s*\([^()\n]{1,80}\)/u,
  /** An attributive affiliation after a name: `from Wigan`, `at the`, `of`. */
  affiliationLead: /^\s+(?:from|at|of)\s+(?:the\s+)?/u,
  /** A speech verb after a mention: `said`, `put it`, `reckons`… */
  /** `Tower Hamlets – built a single view…`: a dash, then a verb, after an organisation that opens a note. */
  orgDashVerb: /^[^\S\n]+[-–—][^\S\n]+(?=(?:\p{Ll}+ed|built|ran|runs|set|sets|made|makes|took|takes|put|puts|got|gets|won|began|brought|brings|kept|keeps|spent|spends|cut|cuts|led|leads|found|gave|gives|grew|uses|has|had|does|did|is|was|went)(?![\p{L}]))/u,
  /** `put it` right before the words it introduces (`as one participant put it residents…`): the comma goes in. */
  putItBeforeWords: /^[^\S\n]+put[^\S\n]+it[^\S\n]+(?=\p{Ll})/u,
  /** `as ` right before a mention. */
  asBefore: /(?:^|[^\p{L}])as[^\S\n]+$/iu,
  /** After a handle that opens a line: the statement it labels, starting in lower case or with a quote (`@joyfenwick we keep…`). */
  handleLabelGap: /^[^\S\n]+(?=[\p{Ll}"“‘])/u,
  /** A verb that makes a handle the subject, not a label (`@tom took it to cabinet`); speech verbs are `speechAfter`. */
  subjectVerbAfter: /^\s+(?:took|takes|needs|needed|works|worked|made|makes|built|builds|started|starts|tried|tries|got|gets|went|goes|manages|managed|found|finds|knows|knew|sees|saw|can|could|would|should|might|must|may|won['’]t|can['’]t|doesn['’]t|didn['’]t|isn['’]t|wasn['’]t)(?![\p{L}'’])/iu,
  speechAfter:
    /^\s+(?:also\s+|then\s+|later\s+)?(?:said|says|say|put\s+it|puts\s+it|reckons|reckoned|thinks|thought|wants|wanted|mentioned|asked|suggested|noted|argued|added|agreed|offered|explained|described|raised|felt|feels|worried|pointed|shared|told|tells|warned|admitted|recalled|stressed|insisted|believes|believed|walked|will|was|is|has|had|did|does|ran|runs|led|leads|presented|proposed|joined|reported|wrote|sent|showed|shows|spoke|talked|uses|used)(?![\p{L}])/iu,
  /** A speech word before a mention: `according to`, `as`, `said`, `thanks to`. */
  speechBefore: /(?:^|[^\p{L}])(?:according\s+to|as|said|says|asked|ask|thanks\s+to|with|and|by|from|told|tell|\+|&)\s+$/iu,
  /** The start of a sentence: block start, after `.`/`!`/`?`, or an opening quote or bracket. */
  sentenceStart: /(?:^|[.!?:]\s+|^\s*["“‘(`]\s*|[.!?:]\s*["“‘(`]\s*|\s["“‘`])$/u,
  /** A full name joined as a user name is (`summer.price`, `mark_banks`): a handle, in any case. */
  joinedName: /^[\p{L}\p{M}'’-]+[._][\p{L}\p{M}'’-]+$/u,
  /** Joins two names into a group: `and`, `&`, `+`, `,`. */
  coordination: /^(?:\s*,\s*(?:and\s+)?|\s+(?:and|&|\+)\s+)$/u,

  // --- organisations ---------------------------------------------------------
  /** A place preposition before an organisation used as a place: `in Camden`, `over in Reading`. */
  placeBefore: /(?:^|[^\p{L}])(?:in|across|around|throughout|within)\s+$/iu,
  /** Any preposition before an ambiguous organisation name: `from Reading`, `at Bath`. */
  prepositionBefore: /(?:^|[^\p{L}])(?:in|at|from|across|around|throughout|within|over|for|with|of|to|by|than|like|near|outside|inside|and|versus|vs\.?)\s+$/iu,
  /** `the ` right before an organisation used attributively: `the Hertfordshire approach`. */
  theBefore: /(?:^|[^\p{L}])the\s+$/iu,
  /** After an organisation at the start of a sentence: a verb or punctuation that makes it the subject. */
  // A verb after an organisation's short form that opens a sentence (`Highland rewrote its reminder`): its regular past
  // tense by its ending, the irregular ones listed.
  orgSubjectAfter:
    /^(?:\s*[-–—:,;.)]|\s*$|\s+(?:are|is|was|were|have|has|had|did|do|does|ran|run|runs|used|use|uses|started|set|built|put|also|now|then|said|says|will|would|could|should|can|may|might|went|got|took|made|tried|found|did|brought|bought|began|kept|spent|gave|grew|led|paid|won|lost|cut|chose|hired|sold|saw|met|held|left|became|let|lets|pays|puts|sets|cuts|keeps|spends|sells|shut|shuts|gives|offers|funds|makes|takes|gets|sends|council|borough|city|county|wrote|rewrote|writes|rewrites|drew|redrew|withdrew|undertook|oversaw|sought|taught|caught|fought|rethought|rebuilt|upheld|stood|drove|struck|threw|knew|thought|dealt|felt|heard|sent|lent|dug|stuck|chose|rose|fell|flew|leads|tests|trials|pilots|runs)(?![\p{L}])|\s+\p{Ll}{2,}ed(?![\p{L}]))/iu,
  /** A noun after `the ORG`: the organisation is used as an adjective. */
  attributiveNoun: /^\s+(?:approach|model|way|scheme|programme|program|plan|team|example|story|experience|pilot|project|work|version|approach's)(?![\p{L}])/iu,

  // --- abbreviations the notes define (acronyms.ts) ---------------------------
  /** Capitals in brackets, after the words they stand for: `participatory budgeting (PB)`. */
  abbreviationInBrackets: /\([^\S\n]*(\p{Lu}{2,6})[^\S\n]*\)/gu,
  // The look-behind after the first capital, not before it: the same matches, but a lower-case letter fails at once
  // instead of after the look-behind (1.8× faster over the archive's notes).
  /** Capitals before the words they stand for, in brackets: `PB (participatory budgeting)`. */
  abbreviationBeforeBrackets: /(\p{Lu}(?<![\p{L}\p{N}]\p{Lu})\p{Lu}{1,5})[^\S\n]+\(([\p{L}'’ -]{3,80})\)/gu,
  /** The words in brackets right after capitals: `PB (participatory budgeting)`. */
  bracketedWordsAfter: /^[^\S\n]+\(([\p{L}'’ -]{3,80})\)/u,
  /** What separates the words an abbreviation is made of: spaces, hyphens, and anything not a letter. */
  abbreviationWordGap: /[^\p{L}'’&]+/u,

  // --- unrostered people -------------------------------------------------------
  /** An honorific, with or without its dot. */
  title: new RegExp(String.raw`^${titles}\.?$`, 'iu'),
  /** Words that introduce a name: `my name is`, `call me`, `named`. */
  nameIntro:
    /(?:^|[^\p{L}])(?:(?:first\s+|last\s+|full\s+|maiden\s+)?(?:name|surname)\s*[?:]|my\s+name\s+is|name\s+is|name\s+was|i'?m|i\s+am|this\s+is|call\s+me|calls\s+me|called|named(?:\s+(?:him|her|them))?|hi|hello|dear|thanks|thank\s+you|maiden\s+name\s+is|last\s+name\s+is|surname\s+is|first\s+name\s+is)[,:]?\s+$/iu,
  /** A relation before a name: `my kid Lukas`, `our colleague`. */
  relationBefore:
    /(?:^|[^\p{L}])(?:kid|son|daughter|wife|husband|partner|friend|colleague|boss|manager|brother|sister|mother|father|mum|dad|uncle|aunt|cousin|grandfather|grandmother|nephew|niece|director|officer|producer|player|speaker|commenter|author|writer|singer|songwriter|professor|researcher|lecturer|chair|chief|ceo|founder|minister|mayor|councillor|cllr|guardian)\s+$/iu,
  /** After a name: `from the LGA`, `at the Centre…`, `(ICB)`. */
  affiliationAfter: /^\s+(?:from|at)\s+(?:the\s+)?\p{Lu}/u,
  /** After a name: a verb that people do. */
  personVerbAfter:
    /^\s+(?:said|says|asked|told|tells|thinks|thought|reckons|mentioned|explained|suggested|wants|wanted|offered|agreed|argued|noted|added|shouted|whispered|replied|wrote|writes|lives|lived|works|worked|spent|began|begins|started|joined|left|flew|called|emailed|sent|spoke|speaks|talked|is\s+(?:a|an|the|from|very|so|our|my|his|her|doing|going|leading|running)|was\s+(?:a|an|the|from|very|so|born|influenced)|has\s+(?:a|an|the|her|his|been|done)|had\s+(?:a|an|the|given|been)|just|will\s+be|can|could|would|did|does)(?![\p{L}])/iu,
  /** A generational or professional suffix that belongs to the name: `II`, `Jr`, `DDS`. */
  nameSuffix: /^(?:Jr|Sr|II|III|IV|PhD|DDS|MD|MBE|OBE|CBE|QC|KC|MP|Esq)\.?$/u,

  // --- rewriting: context around a mention, replacements, tidying ---
  twoCapitals: /\p{Lu}\p{Lu}/u,
  lowerLetter: /\p{Ll}/u,
  afterNewline: /\n[^\S\n]*$/,
  lineOpening: /(?:^|\n)(?:[^\S\n]|[>*+-])*$/,
  /** A verb only a person does, after a capitalised name that opens a sentence: `Summer ran the pilot`, `Penny leads…`. */
  agentVerbAfter:
    /^(?:,[^,\n]{1,40},)?(?:[^\S\n]*(?:[,&+/]|[^\S\n]and)[^\S\n]*(?:\p{Lu}[\p{L}'’-]*|i|me)){0,2}[^\S\n]+(?:also[^\S\n]+|then[^\S\n]+|just[^\S\n]+)?(?:ran|runs|led|leads|chaired|chairs|hosted|hosts|presented|presents|manages|managed|wants|wanted|thinks|believes|believed|knows|knew|feels|felt|reckons|argues|argued|suggests|suggested|told|tells|explained|explains|described|describes|wrote|writes|joined|joins|founded|launched|launches|designed|commissioned|organised|organized|introduced|championed|drafted|volunteered|spoke|speaks|talked|talks|went|closed|opened|promised|proposed|offered|emailed|phoned|visited|sent|met|took\s+us|walked\s+us|set\s+up|will\s+send|will\s+share|is\s+going\s+to|was\s+saying)(?![\p{L}])/u,
  strictSpeechAfter: /^\s+(?:also\s+)?(?:said|says|put\s+it|puts\s+it|reckons|thinks|thought|asked|mentioned|suggested|told|wants|agreed|argued|explained|noted|added|offered|walked|reckoned|was\s+honest)(?![\p{L}])/iu,
  strictSpeechBefore: /(?:^|[^\p{L}])(?:according\s+to|as|said|says|asked|thanks\s+to|told)\s+$/iu,
  onlyListMarkers: /^[\s>*+-]*$/u,
  lowercaseNameVerb: /^\s+(?:said|says|thinks|reckons|mentioned|asked|suggested|agreed|argued|explained|noted|added)(?![\p{L}])/iu,
  bracketAfter: /^\s*\(/,
  asideAfter: /^\s*\([^()\n]{1,80}\)/,
  asideThenLabel: /^\??\s*\([^()\n]{1,80}\)\s*(?::|[-–—]\s|\s+(?:was|is|said|says)(?![\p{L}]))/iu,
  openBracketBefore: /[([]\s*$/,
  closeBracketAfter: /^\s*[)\]]/,
  placeClauseAfter: /^\s+(?:they|we|the\s+council)(?![\p{L}])/iu,
  /** `March – …`, `March: …` on the same line (a dash that opens the next bullet is not it). */
  dashOrColonAfter: /^[^\S\n]*[-–—:]\s/u,
  urlSeparators: /[-_./+%~]+/gu,
  /** An org-mode link's label after its URL (`…][Sue Field]]`), as an autolink reads it into the URL. */
  orgModeLabel: /\]\[([^\[\]]{1,80})\]{0,2}$/u,
  /** A URL's query naming a user (`?u=frank_dh`, `&username=sue.field`, `?profile=…`): its value. */
  urlUserQuery: /[?&;](?:u|uid|user|username|user_?name|member|profile|author|userid|user_id|handle)=([^&#;\s]+)/iu,
  /** A URL's path, after its host. */
  urlPath: /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/\s]+\/([^?#\s]*)/iu,
  fileExtension: /\.[a-z0-9]{1,5}$/iu,
  /** A folder of people's pages: `/people/`, `/staff/`, `/team/`, `/in/`, `/profile/`. */
  peopleDirectory: /^(?:people|person|staff|team|our-team|profiles?|in|users?|u|members?|authors?|speakers?|contacts?|directory|who-we-are|about-us|~)$/iu,
  /** A title before a name, in any case: `mr`, `Cllr`, `dr`. */
  titleWord: /^(?:mr|mrs|ms|mx|dr|cllr|councillor|prof|revd)$/iu,
  urlWord: /[\p{L}\p{N}'’]+/gu,
  /** A web address's scheme and `www.`, before its host. */
  urlScheme: /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?/iu,
  /** Where a web address's host ends: its path, query or fragment. */
  urlPathStart: /[/?#]/u,
  /** The first letter of each word (`walsall gov uk` → `Walsall Gov Uk`). */
  wordStart: /(?<![\p{L}\p{N}])\p{Ll}/gu,
  firstLowerLetter: /^(\s*(?:["“‘'(]\s*)?)(\p{Ll})/u,
  councillorTitle: /^(?:cllr|councillor)$/iu,
  councillorRole: /\bcouncillor\b|\bcllr\b/iu,
  indefiniteBefore: /(?:^|[^\p{L}])(?:with|by|for|from)\s+$/iu,
  alphanumericRun: /[\p{L}\p{N}]+/gu,
  fillerWord: /^(?:s|and|I|the)$/iu,
  leadingWhitespace: /^\s/,
  blankChar: /[ \t]/,
  sentenceEndsAfter: /^(?:\s*$|\s+\p{Lu})/u,
  separatorAfter: /^\s*[,;/|)]/u,
  contactPartStart: /^$|[,;:–—\-/|(]\s*$|\n[^\S\n]*$/u,
  theAtEnd: /the\s+$/iu,
  emptyBrackets: /(?<![ \t])[ \t]*(?:\(\s*\)|\[\s*\])/gu,
  bracketOpenComma: /\(\s*[,;]\s*/gu,
  bracketCloseComma: /(?<!\s)\s*[,;]\s*\)/gu,
  spaceBeforePunctuation: /(?<=\S)[ \t]+([,.;:!?)\]])/gu,
  doubledCommas: /,(?:\s*,)+/gu,
  doubledSlashes: /(?<=\s)\/(?:\s+\/)+(?=\s)/gu,
  doubledSpaces: /[ \t]{2,}/gu,
  danglingEnd: /(?<!\s)\s+[-–—/,;:]\s*$/u,
  dashBeforeStop: /(?<!\s)\s+[-–—]\s*([.!?])$/u,
  danglingStart: /^\s*[-–—:,;/]\s+/u,

  // --- people not on the roster: words and their context ---
  nameWord: /[\p{L}\p{M}]+(?:(?:-|['’](?!s(?![\p{L}\p{M}])))[\p{L}\p{M}]+)*/gu,
  nameObjectBefore: /(?:^|[^\p{L}])(?:said|says|asked|ask|told|tell|thanks|according\s+to|with|by|from|to|and|cc|meet|met|call|email|contact|invite|introduce|intro)\s+$/iu,
  vocativeAfter: /^\s*[,!?](?:\s|$)/u,
  startsUpper: /^\p{Lu}/u,
  /** Each word written with a capital, and what follows it to the next space or mark (`Black's`, `Lowry-Baines`). */
  titledWords: /\p{Lu}[\p{L}'’-]*/gu,
  upperLetter: /\p{Lu}/u,
  curlyApostrophe: /’/g,
  contraction: /'(?:m|d|ll|ve|re|t)$/u,
  englishEnding: /(?:ment|ness|tion|sion|ity|acy|ings?|ly|able|ible|ful|less|ous|ive|ship|hood|ism|ist|ance|ence|ery|ical|ology|ware|works|wide|graphy|scape)$/u,
  nameGap: /^\.?\s$/,
  singleSpace: /^ $/,
  saint: /^st$/u,
  possessiveS: /^['’]s(?![\p{L}\p{N}])/u,
  endsInLowerS: /s$/u,
  possessiveApostrophe: /^['’](?![\p{L}\p{N}])/u,
  lineStartBefore: new RegExp(String.raw`(?:^|\n)(?:[^\S\n]|[>*+-])*(?:${timeHead})?$`, 'iu'),
  lineEndAfter: /^[ \t]*(?:\n|$)/u,
  possessiveBefore: /['’]s?\s+$/u,
  expertTitle: /^(?:dr|prof|professor)\.?$/iu,
  colonAfter: /^\s*:/u,
  acronymAfter: /^\s*\((?:\p{Lu}[\p{L}&]*)(?:\s+\p{Lu}[\p{L}&]*){0,3}\s*\)/u,
  vocativeBefore: /(?:^|[,!?]\s*|\b(?:hi|hello|dear|thanks)\s+)$/iu,
  saidAfter: /^\s+(?:said|says|asked|told|thinks|reckons)(?![\p{L}])/iu,
  commaAfter: /^\s*,/u,
  unknownNameVerb: /^\s+(?:said|says|asked|told|thinks|reckons|began|lives|works|spent|is\s+very|is\s+from|was\s+born)(?![\p{L}])/iu,
  saysBefore: /(?:^|[^\p{L}])(?:says|said)\s+$/iu,

  // --- contact details: shapes of phone numbers, trailing punctuation ---
  urlTrail: /(?<![.,;:!?)\]}'"’”])[.,;:!?)\]}'"’”]+$/u,
  nonDigit: /\D/g,
  startsWithDate: /^\d{4}-\d{2}-\d{2}(?:\s|$)/u,
  yearRange: /^\d{4}\s*[-–/]\s*\d{4}$/,
  digitsOnly: /^\d+$/,
  phoneStart: /^(?:0|\+)/,
  phoneStartOrBracket: /^(?:\+|\(|0)/,
  groupedDigits: /^\d{2,3}([ .-])\d{2,3}\1\d{2,3}(?:\1\d{2,3})?$/,
  webHint: /www\.|https?:|\.(?:com|org|net|io|co|uk|app|social|me|info|dev|gov|ac|edu)\//iu,
  phoneHint: /\d[\d ().\/-]{5}/u,
  emailTrail: /(?<![.-])[.-]+$/u,
  phoneTrail: /(?<![\s./-])[\s./-]+$/u,

  // --- the plugin: raw HTML, links, block tidying, masks ---
  wholeComment: /^\s*<!--[\s\S]*-->\s*$/,
  /** A wikilink (Obsidian, Notion, Roam): `[[Hazel Mbatha]]`, `[[Nnamdi Eze|Nam]]`. */
  wikilink: /\[\[[^[\]\n]{1,120}\]\]/gu,
  /** What is left of a wikilink without its names: brackets, the pipe, spaces, particles. */
  wikilinkRest: /^(?:[\s[\]|'’.-]|(?<![\p{L}])(?:van|von|de|der|den|da|di|du|del|bin|ibn|al|el|ap|ni|nic|mac)(?![\p{L}]))*$/iu,
  /** A WebVTT voice tag, the speaker of a cue (`<v Omar Al-Rashid>`, `<v.loud Lan>`), and its end tag: a speaker label. */
  voiceTag: /<v(?:\.[\w.-]+)?(?:[^\S\n]+[^<>\n]*)?>|<\/v>/giu,
  wholeVoiceTag: /^<v(?:\.[\w.-]+)?(?:[^\S\n]+[^<>\n]*)?>$/iu,
  /** A line break written as HTML: `<br>`, `<br/>`, `<br />`. */
  lineBreakTag: /^<br[^\S\n]*\/?>$/iu,
  htmlComment: /<!--[\s\S]*?(?:-->|$)/gu,
  htmlParts: /(<[^<>]*>)|([^<>]+)/gu,
  quoteChar: /"/g,
  htmlAttribute: /(=\s*)(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'=<>`]+))/gu,
  whitespaceKept: /(\s+)/,
  whitespaceChar: /\s/,
  mailtoUrl: /^mailto:/iu,
  telUrl: /^(?:tel|sms):/iu,
  onlySeparators: /^[\s,;:\/|–—-]*$/u,
  leadingSeparators: /^[\s,;:\/|]+(?=\S)/u,
  leadingDash: /^[–—-]\s+/u,
  firstLetterAfterQuote: /^(["“‘(]?)(\p{Ll})/u,
  trailingSeparators: /(?<=[^\s,;:/|–—-])[\s,;:/|–—-]+$/u,

  // --- organisations: prefixes, suffixes, parts of names ---
  /** An island's, a vale's or a forest's name in an organisation's (`Isle of Anglesey`, `Vale of Glamorgan`): the place's own word. */
  placeOfWhat: /(?<![\p{L}])(?:Isles?|Vale|Forest)\s+of\s+(\p{Lu}[\p{L}'’-]*)/gu,
  orgPrefix: /^(?:the\s+)?(?:london\s+borough\s+of|royal\s+borough\s+of|metropolitan\s+borough\s+of|city\s+and\s+county\s+of|city\s+of|county\s+of|borough\s+of)\s+/iu,
  orgSuffix: /(?<!\s)\s+(?:metropolitan\s+borough\s+council|metropolitan\s+district\s+council|county\s+borough\s+council|city\s+council|borough\s+council|county\s+council|district\s+council|town\s+council|parish\s+council|council|mayoral\s+combined\s+authority|combined\s+authority)$/iu,
  combinedAuthority: /combined\s+authority/iu,
  councilName: /\b(?:council|borough|county|city\s+of)\b/iu,
  whitespaceRun: /\s+/g,
  multiWordForm: /[\s&-]/u,
  leadingThe: /^the\s+/iu,
  orgJoiner: /(?<!\s)\s+(?:with|and|&)\s+/iu,
  townOnRiver: /^(\p{Lu}[\p{L}'’]+)(?:-|\s+)(?:on|upon|under|in|le|by|next|super)(?:-|\s+)\p{Lu}/u,
  whitespaceSplit: /\s+/,

  // --- name forms: folding, initials, handles ---
  combiningMarks: /\p{M}+/gu,
  undecomposedLetter: /[øØæÆœŒßđĐłŁþÞðÐı]/u,
  undecomposedLetters: /[øØæÆœŒßđĐłŁþÞðÐı]/gu,
  cyrillicOrGreek: /[\p{Script=Cyrillic}\p{Script=Greek}]/u,
  latinLetter: /\p{Script=Latin}/u,
  lookalikeLetters: /[\p{Script=Cyrillic}\p{Script=Greek}]/gu,
  nameSeparator: /[\s-]+/,
  /** A surname's particle elided before it: `D'Souza`, `d’Costa` (the rest, `Souza`, a surname of its own). */
  elidedParticle: /^[Dd]['’](?<rest>\p{Lu}[\p{L}'’]*)$/u,
  /** One letter of a name. */
  letterChar: /^\p{L}$/u,
  /** A national body's name before the place in an organisation's name: `NHS Leeds …`. */
  orgLeadingNational: /^(?:NHS|HM)$/,
  digit: /\p{N}/u,
  /** A user name made of a name and digits: `walsh123`. */
  nameThenDigits: /^(\p{L}{3,})\p{N}+$/u,
  /** Surnames whose plural takes `-es`: `Walsh` → `the Walshes`. */
  pluralEs: /(?:s|sh|ch|x|z)$/i,
  nonAlphanumeric: /[^\p{L}\p{N}]+/gu,
  spaceChar: / /g,
  /** `O'Connor`, `McDonald`, `MacLeod`: the prefix's letter (of `O'`), and the capital after the prefix. */
  surnamePrefix: /^(?:(?<letter>\p{L})['’]|Ma?c)(?<capital>\p{Lu})/u,
  spacedInitialsWord: /^(?:am|pm|ad|bc|uk|us)$/i,
  nonAsciiLetter: /[^a-z]/giu,

  // --- the token matcher: tokens and the gaps between them ---
  plainAscii: /^[a-z0-9]+$/,
  /** A family name written in capitals (`ZHANG`, `O'NEILL`, `AL-RASHID`): two letters or more, none in lower case. */
  nonLetters: /[^\p{L}]/gu,
  articleABefore: /(?:^|[^\p{L}])an?[^\S\n]+$/iu,
  lowerWordAfter: /^[^\S\n]+\p{Ll}/u,
  placeTypeEnd: /(?<!\s)\s+(?:City|Borough|County|Town|District|Metropolitan)$/u,
  familyCapitals: /^(?=(?:[^\p{L}]*\p{Lu}){2})[\p{Lu}'’-]+$/u,
  /**
   * A word as optical character recognition misreads it: letters with zeros for the letter O and no
   * other digit (`R0SA`, `STOCKT0N`, `0LDHAM`). Read as the word it shows; `10am`, `20mph`, `0F` stay.
   */
  zeroForO: /^(?=[\p{L}0]*$)(?=(?:0*\p{L}){2})\p{L}*0/u,
  zeros: /0/g,
  gapSpace: /^[ ._]+$/,
  /**
   * Between a title and a name: a space, maybe after the title's dot (`Dr Okafor`, `Prof. Okoye`), or a paragraph's hard
   * wrap (`(dr⏎berg)`: the line ended between the two).
   */
  titleGap: /^\.?(?: | ?\n[ \t]*)$/u,
  gapHyphen: /^ ?[-\u2010\u2011] ?$/,
  gapApostrophe: /^['\u2019]$/,
  endsInS: /s$/i,
  alphanumeric: /[\p{L}\p{N}]/u,

  // --- the audit: source lines and HTML text ---
  /** An inlined font or image (`data:font/woff2;base64,…`): bytes, not words, and most of a report's HTML. */
  inlineData: /data:[^,"'\s)]{0,200},[A-Za-z0-9+/=%._~-]+/g,
  /** Three or more single letters spaced out (`N E T W O R K`): how pdfjs reads tracked capitals in a logo. */
  spacedLetters: /(?<![\p{L}\p{N}])\p{L}(?: \p{L}){2,}(?![\p{L}\p{N}])/gu,
  /**
   * In every run of `spacedLetters` (` b c` of `a b c`), and opening on a space, which the engine skips to: tested
   * first, it spares most blocks the run's pattern, whose look-behind is tried at every character.
   */
  spacedLettersHint: / \p{L} \p{L}/u,
  /** What CSS can put on a page: its strings (`content: "…"`) and `url(…)` arguments; not selectors or at-rules (`@page`). */
  cssPrintable: /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|url\(\s*([^\s"')]+)/gu,
  possessiveEnd: /['’]s$/u,
  regexSpecial: /[.*+?^${}()|[\]\\]/g,
  apostrophes: /['’]/g,
  contextWord: /[\p{L}\p{N}]{3,}/gu,
} satisfies Record<string, RegExp>

export const titlePattern = titles
export const wordCharacter = word
