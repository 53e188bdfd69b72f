/**
 * Name positions: places in a sentence where a word can only be a person, whatever the word and
 * however it is written (`- dawn: we ran out of staff`, `bill said`, `as faith put it`, `chase rob`,
 * `Mark here again`, `@rob`, `(rob)`, `– bill`). A roster given name that is also an English word
 * (`will`, `rose`, `bill`) is a name in any of them, in any case; outside them it is the word
 * (`we will`, `the energy bill`, `a rose garden`, `at dawn`).
 *
 * A table, one row per position: the text before the word (on its line; `^` is the start of the
 * line only when the line is the start of its block) and the text after it. Adding a position is
 * adding a row.
 */

import {timeHead} from '../util/timestamps.js'
import {isOrdinaryWord} from './forms.js'
export interface NamePosition {
  id: string
  /** Tested against the text of the line before the word. */
  before?: RegExp
  /** Tested against the rest of the text after the word. */
  after?: RegExp
  /** A word in this position is not a name when the text before matches (`a call will …`: a noun, not a verb). */
  unless?: RegExp
  /** The word itself is not a name in this position (`hope to share …` is the verb, not Hope). */
  unlessWord?: {test(word: string): boolean}
  /**
   * Initials that spell a word or an abbreviation (`GA`, `PB`, `TO`) are a person here too: a label, a subject
   * of saying. Positions without it (`(PB)`, `- IT`, `ask HR`) are where an abbreviation is at home.
   */
  initials?: boolean
}

/** The start of a note: list markers, a number, a timestamp, an opening bracket or emphasis. */
// An outline's numbering (`1.`, `1.1`, `4.2.1`, `i.`, `iv)`, `b)`) and a field's name (`Follow-up:: `, as Obsidian and
// definition lists write it) come before a label or an owner as a list marker does.
// List markers, the Unicode bullets notes are pasted with, and Word's `o⇥` and `§⇥`.
const lineHead = String.raw`^[^\S\n]*(?:[>*+\-•◦▪‣⁃·§][^\S\n]*|o\t)*(?:(?:\d{1,3}(?:\.\d{1,3}){0,3}[.)]?|(?:[ivxlc]{1,6}|[a-z])[.)])[^\S\n]+)?(?:\p{L}[\p{L} /-]{0,30}::[^\S\n]*)?(?:${timeHead})?(?:\[|\*\*|__|\*|_)?`
/** The same, with a timestamp required: `14:02 `, `[14:02] `. */
const timedHead = String.raw`^[^\S\n]*(?:[>*+\-•][^\S\n]*)*${timeHead}`
/** A word, as a name in a list is written. */
const word = String.raw`[\p{L}][\p{L}'’-]*`
/** Where a clause starts: the start of a note, punctuation, or a conjunction. */
const clauseHead = String.raw`(?:${lineHead}|[.!?;:,(“"‘—–&+/][^\S\n]*|[^\S\n]-[^\S\n]+|(?:^|[^\p{L}])(?:and|but|so|then|because|cos|coz|when|while|as|how|also|though|if|yes|no|ok|okay|well|plus|hi|hey|hello)[,!]?[^\S\n]+)`
/** After a person as an object: the end of the clause, or a word that cannot extend a noun phrase. */
const objectEnd = String.raw`(?=[^\S\n]*(?:$|\n|[,.;:!?)\]"”'’/&+]|[-–—](?![\p{L}]))|[^\S\n]+(?:about|re|on|for|to|and|or|when|if|again|today|tomorrow|tonight|later|asap|by|with|in|at|please|pls|too|that|this|first|now|so|who|before|after|once|directly|back|afterwards|next|who's|whether|yesterday|last|earlier|recently|soon|separately|offline|privately)(?![\p{L}]))`
/** A dash or comma aside of a few words between a subject and its verb: ` - one of ours -`, `, our youngest,`. */
const asideBetween = String.raw`[^\S\n]*(?:[,]|[^\S\n][-–—])[^\S\n]+[^-–—,\n]{1,40}?[^\S\n]*(?:,|[-–—](?=[^\S\n]))`
/** A respondent's tag in an interview transcript: `R2`, `P3`, `Respondent 4`, `Interviewee B`, `YP1` (a young person). */
export const respondentTag = String.raw`(?:r|p|pp|yp|resp|respondent|participant|interviewee)[^\S\n]*(?:\d{1,3}|[a-h])`
/** Verbs of saying after a subject: `bill said`, `rose thinks`, `grace reckons`. */
const speechVerbs = String.raw`said|says|asked|asks|reckons|reckoned|thinks|thought|mentioned|mentions|suggested|suggests|told|tells|agreed|agrees|argued|argues|explained|explains|noted|notes|added|adds|replied|replies|wrote|writes|shared|raised|flagged|observed|commented|confirmed|warned|admitted|pointed\s+out|chimed\s+in|joked|insisted|recalled|described|wondered|disagreed|countered|responded|answered|summed\s+up|was\s+saying|is\s+saying|made\s+the\s+point|chaired|facilitated|presented|hosted`
/** Verbs whose object is a person: `chase bill`, `ask rose`, `thanks dawn`, `cc will`, `check with faith`. */
const personVerbs = String.raw`ask|asked|asking|chase|chased|chasing|ping|pinged|email|emailed|e-mail|ring|rang|phone|phoned|text|texted|message|messaged|dm|dm'd|tell|told|remind|reminded|invite|invited|thank|thanks|thanked|thank[^\S\n]+you|thx|tx|ty|cheers|cc|cc'd|bcc|meet|met|dear|congrats|congratulations|introduce|introduced|intro|nudge|nudged|loop\s+in|looped\s+in|call|called|(?:check|checking|checked|follow\s+up|following\s+up|followed\s+up|catch\s+up|caught\s+up|sync|synced|speak|spoke|talk|talked|chat|chatted|meet|met|liaise|liaising|liaised)\s+(?:with|to)`
/** Verbs of giving and showing, whose first object is who receives (`send KM the deck`, `hand will a copy`). */
const givingVerbs = String.raw`send|sends|sent|sending|give|gives|gave|giving|show|shows|showed|showing|hand|handed|pass|passed|lend|lent|offer|offered|owe|owed|forward|forwarded|email|emailed|e-mail|text|texted|teach|taught|tell|told|remind|bring|brought|post|posted`
/** What an action's owner is to do: `Iris to send round the form`, `rob to chase`. */
const actionVerbs = String.raw`send|share|circulate|chase|check|confirm|draft|book|arrange|contact|email|e-mail|forward|update|invite|organise|organize|follow[^\S\n]+up|set[^\S\n]+up|write[^\S\n]+up|look[^\S\n]+into|find[^\S\n]+out|pull[^\S\n]+together|speak|talk|ring|phone|call|report[^\S\n]+back|feed[^\S\n]+back|pick[^\S\n]+up|sort|review|lead|liaise|ask|provide|bring|put[^\S\n]+together|dig[^\S\n]+out|send[^\S\n]+round|share[^\S\n]+round|introduce|connect|nudge|ping|diarise|schedule`

/** A determiner before the verb makes it a noun: `a call will …`, `the text will …`. */
const nounVerb = /(?:^|[^\p{L}])(?:a|an|the|this|that|these|those|each|every|any|our|my|your|their|his|her|its|one|next|last|first|same)\s+[\p{L}'-]+(?:\s+(?:with|to|up|in))?[,:]?\s+$/iu

const row = (id: string, before: string | undefined, after: string | undefined, unless?: RegExp, unlessWord?: NamePosition['unlessWord']): NamePosition => ({
  id,
  ...(unlessWord ? {unlessWord} : {}),
  ...(before === undefined ? {} : {before: new RegExp(`${before}$`, 'iu')}),
  ...(after === undefined ? {} : {after: new RegExp(`^${after}`, 'iu')}),
  ...(unless ? {unless} : {}),
})

/** A row where initials are a person too. */
const initialsRow = (...args: Parameters<typeof row>): NamePosition => ({...row(...args), initials: true})

export const namePositions: NamePosition[] = [
  // `- dawn: we ran out`, `14:02 will: …`, `**rob**: …`, `[mark]: …`
  // `- dawn: we ran out`, `14:02 will: …`, `**rob**: …`, `[mark]: …`, `rob/dawn: …`, `dawn (chair): …`
  initialsRow('speaker label', String.raw`${lineHead}(?:${word}[^\S\n]*(?:[/&+,]|[^\S\n](?:and|w\/))[^\S\n]*)*`, String.raw`(?:[^\S\n]*(?:[/&+,]|[^\S\n](?:and|w\/))[^\S\n]*${word})*(?:[^\S\n]*\([^()\n]{1,40}\))?(?:\*\*|__|\*|_|\])?[^\S\n]*:`),
  // `q from bill: …`, `reply from will: …`, `via rob: …`
  initialsRow('label: from …', String.raw`(?:^|[^\p{L}])(?:from|via)[^\S\n]+`, String.raw`[^\S\n]*:`),
  // `- sandy @sandy_ok`, `Dawn – dawn@example.org`, `rob www.…`: a name before its contact details (a contacts list).
  row('before contact details', lineHead, String.raw`[^\S\n]*[:–—-]?[^\S\n]*(?:@[\p{L}\p{N}_]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.|https?:\/\/|www\.|\+?\d[\d ()-]{6,}\d)`),
  // `- Sandy`, `Dawn –`: a name alone in a note (what is left of a contacts line once its details went, a list of who came).
  row('alone in a note', lineHead, String.raw`[^\S\n]*[-–—:,;.!]*[^\S\n]*(?:\*\*|__|\*|_|\])?[^\S\n]*$`),
  // `ray — can you send the deck`, `rose, could you …`: a note addressed to someone.
  // `Robin, you were right that …`, `dawn – you said …`: a note that speaks to someone by name.
  row('addressed at the start', lineHead, String.raw`[^\S\n]*[,—–-][^\S\n]*(?:(?:can|could|would|will|do|did|are|have)[^\S\n]+you|you[^\S\n]+(?:were|are|said|say|mentioned|asked|made|raised|had|have|wanted|put|told|suggested|argued|pointed)|you['’](?:re|ve)|pls|please|thanks|thank[^\S\n]+you)(?![\p{L}])`),
  // `Welcome back. Sue, you wanted to start`: the same after a sentence, inside a line (a caption, a transcript's turn).
  row('addressed after a sentence', String.raw`[.!?…][^\S\n]+`, String.raw`[^\S\n]*,[^\S\n]*(?:(?:can|could|would|will|do|did|are|have)[^\S\n]+you|you[^\S\n]+(?:were|are|said|say|mentioned|asked|made|raised|had|have|wanted|put|told|suggested|argued|pointed)|you['’](?:re|ve)|pls|please|thanks|thank[^\S\n]+you)(?![\p{L}])`),
  // `Grant again, later, on leadership: …`, `Robin again: …`, `dawn (cont'd): …`: a label with a word of time between the name and its colon.
  initialsRow('speaker label with a word of time', lineHead, String.raw`(?:[^\S\n]*,?[^\S\n]+(?:again|later|too|also|earlier|afterwards|then|once[^\S\n]+more|cont(?:'d|inued|\.)?|\(cont(?:'d|inued|\.)?\)))+[^\S\n]*,?(?:[^\S\n]+on[^\S\n]+[^:\n]{1,60})?[^\S\n]*:`),
  // `Sue grew up in Kirkcaldy`, `mark is originally from the Wirral`, `Grant lives in Leith now`: the subject of a bio.
  row('the subject of a bio: `name grew up in`', String.raw`(?:${lineHead}|[.!?…;][^\S\n]+|(?:^|[^\p{L}])(?:and|but|so)[^\S\n]+)`, String.raw`(?:[^\S\n]*,[^\S\n]*who)?(?:[^\S\n]+(?:now|still|also|actually|originally|currently))*[^\S\n]+(?:grew[^\S\n]+up[^\S\n]+(?:in|on|near|around)|was[^\S\n]+(?:born|raised|brought[^\S\n]+up)|(?:is|was)[^\S\n]+(?:originally[^\S\n]+)?from|(?:originally|hails)[^\S\n]+from|lives[^\S\n]+(?:in|on|near)|(?:is|was)[^\S\n]+(?:now[^\S\n]+)?(?:based|living)[^\S\n]+in|moved[^\S\n]+(?:here[^\S\n]+|back[^\S\n]+)?(?:to|from))(?![\p{L}])`),
  // `Interviewer: Frank, Interviewee: Hope`, `Chair: rob`, `(scribe: Dawn)`: a role's label, then who had the role.
  initialsRow('after a role label', String.raw`(?:^|[^\p{L}])(?:interviewer|interviewee|chair|co-chair|chairs?|facilitator|facilitated[^\S\n]+by|host|moderator|scribe|note-?taker|minute-?taker|presenter|rapporteur|timekeeper|reporter)[^\S\n]*[:=–—-][^\S\n]*`, String.raw`[^\S\n]*(?:[,;)\]*_.|]|$|[^\S\n]+(?:and|&)[^\S\n])`),
  // `14:02 will - …`: after a timestamp, a dash ends a label too.
  initialsRow('timed label', timedHead, String.raw`[^\S\n]+[-–—][^\S\n]`),
  // `june - help should come first`, `GA – we tried`, `GA/GB - …`: names that open a note, then a spaced dash and what they said.
  initialsRow('label with a dash', String.raw`${lineHead}(?:${word}[^\S\n]*[/&+][^\S\n]*)*`, String.raw`(?:[^\S\n]*[/&+][^\S\n]*${word})*[^\S\n]+(?:[-–—→⇒]|[-=]>)[^\S\n]+(?=[^\s\-–—])`),
  // `[grant] help should come first`: a bracketed name that opens a note, with no colon.
  initialsRow('bracketed label', String.raw`${lineHead}(?<=\[)`, String.raw`\][^\S\n]+(?=\S)`),
  // `bill said`, `rose thinks`, `and grace reckons`.
  // `Jordan - one of ours - said`, `Jordan, one of ours, said`: an aside between the subject and the verb.
  initialsRow('subject of a verb of saying', clauseHead, String.raw`(?:[^\S\n]*(?:[,&+/]|[^\S\n]and)[^\S\n]*${word}){0,3}(?:${asideBetween})?[^\S\n]+(?:both[^\S\n]+|all[^\S\n]+)?(?:also[^\S\n]+|just[^\S\n]+|then[^\S\n]+|later[^\S\n]+)?(?:${speechVerbs})(?![\p{L}])`),
  // `Bill was upfront: …`, `and rose was adamant that …`: someone described by how they spoke.
  row('described as speaking', clauseHead, String.raw`[^\S\n]+(?:was|is|were)[^\S\n]+(?:very[^\S\n]+|quite[^\S\n]+|really[^\S\n]+|pretty[^\S\n]+)?(?:upfront|blunt|candid|frank|adamant|emphatic|scathing|insistent|sceptical|skeptical|(?:clear|firm|honest|sure)[^\S\n]+that)(?![\p{L}])`),
  // `(00:23:40) Dawn on PA registers: …`, `12:30 Summer and Dawn on training`: a chapter of show notes, who spoke on what.
  initialsRow('a chapter: who on what', `(?:${timedHead}|${lineHead})(?:${word}[^\S\n]*(?:[/&+,]|[^\S\n]and)[^\S\n]*)*`, String.raw`(?:[^\S\n]*(?:[/&+,]|[^\S\n]and)[^\S\n]*${word})*[^\S\n]+on[^\S\n]+[^:\n]{1,60}:`),
  // `as faith put it`
  initialsRow('as … put it', String.raw`(?:^|[^\p{L}])as[^\S\n]+`, String.raw`[^\S\n]+puts?[^\S\n]+it(?![\p{L}])`),
  // `according to jack the rota broke`: a clause follows.
  row('according to', String.raw`(?:^|[^\p{L}])according[^\S\n]+to[^\S\n]+`, String.raw`(?:${objectEnd}|[^\S\n]+(?:the|we|they|it|there|i|you|he|she|our|their|this|most|some|all|nobody|everyone|people|staff|residents)(?![\p{L}]))`),
  // `according to jack`, `per rob`, `said will`, `h/t rose`.
  // `meddai haf`, `yn ôl eira` (Welsh: said, according to), `arsa`, `dúirt` (Irish: said): whoever it names, initials too.
  initialsRow('after a Welsh or Irish verb of saying', String.raw`(?:^|[^\p{L}])(?:meddai|medd|dywedodd|yn[^\S\n]+ôl|arsa|dúirt)[,:]?[^\S\n]+`, objectEnd),
  row('after a verb of saying', String.raw`(?:^|[^\p{L}])(?:according[^\S\n]+to|per|said|says|asked|quoth|h\/t|ht|hat[^\S\n]+tip[^\S\n]+to|thanks[^\S\n]+to|credit[^\S\n]+to|courtesy[^\S\n]+of)[,:]?[^\S\n]+`, objectEnd),
  // `chase bill`, `thanks dawn`, `cc will`, `follow up with rob`, `hi rose,`.
  row('object of a person verb', String.raw`(?:^|[^\p{L}])(?:${personVerbs}|hi|hey|hello|morning)[,:]?[^\S\n]+`, objectEnd, nounVerb),
  // `Will⇥the hall is broken⇥challenge`, `"the hall is broken",rich,challenge`: a cell of a table pasted as tab- or
  // comma-separated text (no space after a comma, as prose has).
  initialsRow('a cell of a pasted table, before a tab', String.raw`(?:${lineHead}|\t[^\S\n]*)`, String.raw`[^\S\n]*\t`),
  initialsRow('a cell of a pasted table, after a tab', String.raw`\t[^\S\n]*`, String.raw`[^\S\n]*(?:\t|\n|$)`),
  initialsRow('a cell of a pasted CSV line', String.raw`(?:^[^\S\n]*|[^\s,],)`, String.raw`,(?=[^\s,])`),
  initialsRow('the last cell of a pasted CSV line', String.raw`[^\s,],`, String.raw`[^\S\n]*(?:\n|$)`),
  // `send KM the deck`, `give rob a lift`, `show hope our plan`: the first of two objects of a verb of giving or showing is
  // who receives it, a person (held-out set 5: `send KM the deck` reached a dropped action's `left_out` text).
  row('recipient of a verb of giving', String.raw`(?:^|[^\p{L}])(?:${givingVerbs})[^\S\n]+`, String.raw`[^\S\n]+(?:the|a|an|our|their|his|her|my|your|this|these|those|copies|a[^\S\n]+copy)(?![\p{L}])`, nounVerb),
  // `posted by: frank`, `submitted by rose`: an export's author line.
  // `Created by SO`: a board's or an export's author line, initials too.
  initialsRow('created by', String.raw`(?:^|\n)[^\S\n]*(?:created|edited|last[^\S\n]+edited)[^\S\n]+by[^\S\n]*:?[^\S\n]+`, String.raw`(?:${objectEnd}|[^\S\n]+\p{L}\.?(?=[^\S\n]*(?:$|\n|[,;:)\]|])))`),
  // `as noted by sue`, `flagged by KM`, `a point made by will`: the agent of a verb of saying in the passive.
  row('noted by', String.raw`(?:^|[^\p{L}])(?:noted|flagged|mentioned|made|proposed|observed|reported|pointed[^\S\n]+out|put|stated|explained|described|highlighted|recommended)[^\S\n]+by[^\S\n]*:?[^\S\n]+`, objectEnd),
  row('posted by', String.raw`(?:^|[^\p{L}])(?:posted|submitted|written|added|suggested|raised|asked|shared|sent|created|edited|author(?:ed)?)(?:[^\S\n]+by)?[^\S\n]*:?[^\S\n]+`, String.raw`(?:${objectEnd}|[^\S\n]+\p{L}\.?(?=[^\S\n]*(?:$|\n|[,;:)\]|])))`),
  // `great point from bill`, `shout out to grace`, `quote from dawn`
  row('credited by a noun', String.raw`(?:^|[^\p{L}])(?:point|question|comment|idea|suggestion|quote|q|reply|response|message|note|email|update|shout[- ]?out|kudos|credit|props|nod|thanks)[^\S\n]+(?:from|to|by)[^\S\n]+`, objectEnd),
  // `over to you, dawn`, `nice one grace`, `well done, rob`
  row('addressed', String.raw`(?:^|[^\p{L}])(?:over[^\S\n]+to[^\S\n]+you|nice[^\S\n]+one|well[^\S\n]+done|good[^\S\n]+point|great[^\S\n]+point|sorry|bye)[,!]?[^\S\n]+`, objectEnd),
  // `- iris to send round the form`, `Grant to chase the contract`: the owner of an action at the start of a note.
  // With Hope on the roster, `hope to share …` at the start of a note goes too: the safe side.
  // Initials too, whatever they spell (`PB to send the rota`): an action's owner is a person or a team, and a team's capitals
  // that are someone's initials read as that someone.
  initialsRow('action owner', String.raw`${lineHead}(?:actions?|todo|to[- ]do|next[^\S\n]+steps?|follow[- ]?ups?|owner|assigned(?:[^\S\n]+to)?)?[^\S\n]*[:–—-]?[^\S\n]*`, String.raw`[^\S\n]+to[^\S\n]+(?:${actionVerbs})(?![\p{L}])`),
  // `can frank pls share the slides`, `could will please resend`: asked to do something.
  row('asked to act', String.raw`(?:^|[^\p{L}])(?:can|could|would|will)[^\S\n]+`, String.raw`[^\S\n]+(?:pls|please|plz)(?![\p{L}])`),
  // `Author: frank o`, `Frank O.`: a given name and the initial of a surname, then the end of the phrase.
  row('name and initial', undefined, String.raw`[^\S\n]+\p{L}\.?(?=[^\S\n]*(?:$|\n|[,;:)\]|]))`, nounVerb),
  // `ray et al.`
  initialsRow('et al.', undefined, String.raw`[^\S\n]+et[^\S\n]+al(?![\p{L}])`),
  // `Mark here again`, `dawn here —`, `hi, rob here`.
  initialsRow('introducing themself', clauseHead, String.raw`[^\S\n]+here(?:(?:[^\S\n]+again)?(?=[^\S\n]*(?:$|\n|[-–—,:.!;…])|[^\S\n]+again)|[^\S\n]+(?:from|with|at)(?![\p{L}]))`),
  // `it's rob from the council`, `this is grace here`.
  initialsRow('it is … from', String.raw`(?:^|[^\p{L}])(?:it['’]?s|it[^\S\n]+is|this[^\S\n]+is|i['’]?m|i[^\S\n]+am)[^\S\n]+`, String.raw`[^\S\n]+(?:from|here)(?![\p{L}])`),
  // `my name is will`, `call me rob`.
  initialsRow('my name is', String.raw`(?:^|[^\p{L}])(?:my[^\S\n]+name[^\S\n]+is|name['’]s|call[^\S\n]+me|i['’]m[^\S\n]+called)[^\S\n]+`, objectEnd),
  // `@rob`
  initialsRow('mention', '@', undefined),
  // `the dawn-led pilot`, `a Hazel-chaired panel`: what a person led or ran, named after them.
  initialsRow('led by, as a compound', undefined, String.raw`-(?:led|chaired|run|hosted|facilitated|designed|founded|fronted)(?![\p{L}])`),
  // `a Mensah-style drop-in`, `a Field-style rota`, `a cath-style rota`: what is done in someone's style. Any noun takes
  // `-style` (`a cafe-style room`, `a field-style survey`), so a common word typed small before it is the word.
  {...row('in the style of, as a compound', undefined, String.raw`-style(?![\p{L}])`, undefined, {test: (word) => /^\p{Ll}/u.test(word) && isOrdinaryWord(word)}), initials: true},
  // `[[hazel]]`, `[[Nnamdi Eze|Nam]]`: a wikilink (Obsidian, Notion, Roam) to a person's page.
  initialsRow('wikilink', String.raw`\[\[[^[\]\n]{0,60}`, String.raw`[^[\]\n]{0,60}\]\]`),
  // `Q (hazel): …`, `A (Bart): …`: an interview's or a Q&A's speaker in brackets.
  // `R2 (Jordan):`, `P3 (Chelsea):`, `Interviewee 4 (Aga):`: a research interview's respondent tag, pseudonymised in part.
  initialsRow('question author', String.raw`${lineHead}(?:q|a|question|answer|q\d+|a\d+|${respondentTag})[^\S\n]*\([^\S\n]*(?:${word}[^\S\n]+){0,3}`, String.raw`(?:[^\S\n]+${word}){0,3}[^\S\n]*\)[^\S\n]*:`),
  // `[a]summer lindqvist: …`: a comment exported from Google Docs, its author after the comment's letter.
  initialsRow('comment export', String.raw`${lineHead}\[[a-z0-9]{1,3}\][^\S\n]*(?:${word}[^\S\n]+){0,3}`, String.raw`(?:[^\S\n]+${word}){0,3}[^\S\n]*:`),
  // `holly desai  10:04 AM`: a Slack or Teams export's author line, a time after the name.
  row('chat export line', String.raw`${lineHead}(?:${word}[^\S\n]+){0,3}`, String.raw`(?:[^\S\n]+${word}){0,3}[^\S\n]+\[?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[^\S\n]*(?:[ap]\.?m\.?)?\]?[^\S\n]*(?:\n|$)`),
  // `… (rob)` at the end of a note or a sentence; `(via rob)`.
  row('aside attribution', String.raw`[([][^\S\n]*(?:via[^\S\n]+|h\/t[^\S\n]+|per[^\S\n]+|ht[^\S\n]+)?`, String.raw`[^\S\n]*[)\]][*_"”’]*(?:[^\S\n]*[.!?;,]?[^\S\n]*(?:$|\n)|[.!?][^\S\n])`),
  // `(KM, Birmingham)`, `(dawn, Leeds)`: a bracket that says who and where from.
  initialsRow('aside with where from', String.raw`\([^\S\n]*`, String.raw`[^\S\n]*,[^\S\n]*\p{Lu}[^()\n]{0,40}\)`),
  // `"…" – bill`, `… — dawn` at the end of a note.
  row('trailing attribution', String.raw`(?:\S[^\S\n]+[-–—]+|(?:^|\n)[^\S\n]*[>]?[^\S\n]*[–—]+|\S[–—]+|["”’)][^\S\n]*[-–—]+)[^\S\n]*`, String.raw`[*_)"”’]*[.!]?[*_)"”’]*[^\S\n]*(?:\n|$)`),
]

/**
 * The name position `start…end` of `value` is in, if any. `atBlockStart`: the value opens its block
 * (so its first line starts a note; a text after a link or emphasis does not).
 */
export function namePosition(value: string, start: number, end: number, atBlockStart: boolean, initials = false): NamePosition | undefined {
  const lineStart = value.lastIndexOf('\n', start - 1) + 1
  // A value that does not open its block: its first line is not the start of a note.
  const head = (lineStart === 0 && !atBlockStart ? '\u0000' : '') + value.slice(Math.max(lineStart, start - 120), start)
  const rest = value.slice(end, end + 120)
  // The text after is asked first: its patterns are anchored at its start and fail at once on most words, where a pattern of
  // the text before is tried from every character of it.
  return namePositions.find((position) => (!initials || position.initials) && (!position.after || position.after.test(rest)) && (!position.before || position.before.test(head)) && !position.unless?.test(head) && !position.unlessWord?.test(value.slice(start, end)))
}
