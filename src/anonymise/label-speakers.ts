/**
 * A transcript's speakers named by their labels alone (`carol mayhew: …`, `MS ACHEAMPONG: …`), with no roster or
 * not on it. The parse stage offers a transcript's labels (`file.data.labelSpeakers`, see parse/exports.ts); those
 * that are names join the roster here, so that every other mention of the speaker (`Carol, how long…`,
 * `Dr Oyelowo-Barnes`, `I agree with Des`) is found as an attendee's would be, and the audit looks for them too.
 *
 * A label is a person's when it carries an honorific (`MS`, `Cllr`), or one of its words is a given name or a
 * surname, or none of its words is an English word (`Farelly`), or it ends in a word that is not (`Des Farelly`); never when a word of it is a role or a heading
 * (`You`, `Chair`, `Interviewer`, `Pros`, `Action`).
 */
import {mergePeople, splitHonorific} from '../parse/roster.js'
import type {Person, Roster} from '../types.js'
import {fold} from './forms.js'
import {getLexicon} from './lexicon/index.js'

/** Words that make a label a role, a turn's kind or a heading, not a person. */
const roles = new Set(
  ('you me us chair co-chair host co-host cohost facilitator moderator interviewer interviewee speaker unknown participant participants ' +
    'panellist panelist panel audience everyone all group table team officer member members question answer q a note notes ' +
    'action actions agreed decision decisions outcome summary update comment comments response pros cons transcript recording ' +
    'bot assistant narrator voice caller staff guest guests attendee attendees presenter observer scribe notetaker note-taker ' +
    'minute-taker clerk stenographer witness witnesses resident residents tenant tenants officers councillors council mentor mentee ' +
    'coach trainer trainee learner student students parent parents carer carers juror jurors expert experts lead leader ' +
    'idea ideas theme themes risk risks issue issues next steps step todo done doing goal goals aim aims').split(' '),
)

/** The labels that name people, as roster entries (honorific apart). */
export function labelPeople(labels: readonly string[]): Person[] {
  const {given, family, words} = getLexicon()
  const people: Person[] = []
  for (const label of new Set(labels)) {
    const {honorific, name} = splitHonorific(label.trim())
    const keys = fold(name).toLowerCase().split(/\s+/u).filter(Boolean)
    if (keys.length === 0 || keys.some((key) => roles.has(key) || /\d/u.test(key))) continue
    // `Des Farelly`: a surname no dictionary has after another word is a name too.
    const named = honorific !== undefined || keys.some((key) => given.has(key) || family.has(key)) || keys.every((key) => !words.has(key)) || (keys.length > 1 && !words.has(keys.at(-1)!))
    if (named) people.push({...(honorific ? {honorific} : {}), name, aliases: []})
  }
  return people
}

/** The roster with the transcript's speakers added (the same roster when there are none). */
export function withLabelSpeakers(roster: Roster, labels: readonly string[] | undefined): Roster {
  const people = labels && labels.length > 0 ? labelPeople(labels) : []
  return people.length > 0 ? {...roster, people: mergePeople(roster.people, people)} : roster
}
