/**
 * Roster given names that are also English words, the positions where only a person fits, and
 * ordinary uses of the same words. Shared by the anonymiser's tests and the paranoid audit's.
 */

/** Every given name on the roster that is also an English word, each with a surname no list knows. */
export const wordNames = [
  'Will', 'Hope', 'Grace', 'Mark', 'Rich', 'Faith', 'Carol', 'Sue', 'Bill', 'Rob', 'Dawn', 'Jack', 'Rose', 'Pat', 'Ray', 'Guy',
  'Sandy', 'Summer', 'Amber', 'Ivy', 'Holly', 'Grant', 'Robin', 'Frank', 'Precious', 'Joy', 'Max', 'Victor', 'Heather', 'Penny', 'Miles', 'Art',
]

const surnames = ['Okonkwo', 'Abiodun', 'Ferreira', 'Nakamura', 'Oyelowo', 'Kowalczyk', 'Haddad', 'Szabo', 'Lindqvist', 'Adebayo', 'Mbeki', 'Castellanos', 'Horvath', 'Nwosu', 'Takahashi', 'Papadopoulos']

export const wordNamesFront = `---
title: Test workshop
attendees:
${wordNames.map((name, index) => `  - ${name} ${surnames[index % surnames.length]}${index >= surnames.length ? 'ova' : ''}`).join('\n')}
share: [Leeds City Council]
---
`

/** Name positions: `{n}` is the name. The rest of each line has no roster word in it. */
export const positions: string[] = [
  '{n}: we ran out of staff',
  '**{n}**: we ran out of staff',
  '14:02 {n}: the rota broke down',
  '[14:02] {n} - the rota broke down',
  '{n} said we ran out of staff',
  'and {n} reckons the rota broke',
  'the rota broke, as {n} put it',
  'per {n}, the rota broke',
  'according to {n} the rota broke',
  '{n} thinks the rota broke',
  '{n} here again, the rota broke',
  '{n} here — the rota broke',
  "hi, it's {n} from the housing team",
  'my name is {n} and I run the rota',
  'nobody would chase {n} about the rota',
  'ask {n} for the rota',
  'thanks {n}, the rota is fixed',
  'cc {n}',
  'check with {n} before Friday',
  'follow up with {n} on the rota',
  '@{n} can you share the rota',
  'the rota broke down ({n})',
  '"the rota broke down" – {n}',
  '{n} (chair): we start the session',
  'Kemi/{n}: handover notes',
  'q from {n}: what about the deposit',
  '{n} — can you send the deck',
  'great point from {n}',
  'over to you, {n}',
  '{n} et al. looked at the deposit',
  'spoke to {n} yesterday',
  'Kemi and {n} agreed',
  '{n} and Kemi both agreed',
  '{n} @kemi_housing_ok',
  '{n} – someone@example.org for the deposit data',
  '{n}',
  '{n} to send round the sign-up form',
  'Action: {n} to chase the contract',
  'can {n} pls share the deck',
  'could {n} please resend the figures',
  'Author: {n} k; 3 votes',
  'posted by {n} T.',
  // Export shapes (issue 15, fresh notes 3–5): a wikilink, a Q&A author, a Google Docs comment.
  'met with [[{n}]] about the rota',
  'Q ({n}): what about the deposit',
  '[a]{n}: the rota broke down',
  // Held-out set 3 and fresh notes 6–7 (issue 15, stop 22): a Welsh verb of saying, a Miro sticky's author, and what a
  // person led named after them.
  'mae angen mwy o yrwyr, meddai {n}',
  'the rota broke, yn ôl {n}',
  'Created by {n}',
  'the {n}-led pilot fixed the rota',
]

/**
 * Shapes the rewriter removes whole, by their own recogniser rather than a name position (a WebVTT voice tag, a Slack
 * export's author line, a full name in a go-round): name positions of the audit's own table.
 */
export const wholeLinePositions: string[] = [
  '<v {n}>the rota broke down</v>',
  '{n}  10:04 AM',
  '{n} Okonkwo — the rota broke down',
  // Removed whole as an attribution with a role (`Robin, planning manager`); the audit's own row: addressed, then what they said.
  '{n}, you said the rota broke',
]

export const cases: Array<[string, (name: string) => string]> = [
  ['lower', (name) => name.toLowerCase()],
  ['Title', (name) => name],
  ['UPPER', (name) => name.toUpperCase()],
]

/** [ordinary use, the word that must survive as written] */
export const ordinaryUses: Array<[string, string]> = [
  ['we will review the rota next week', 'will'],
  ['they want to rob the reserves', 'rob'],
  ['the energy bill doubled', 'bill'],
  ['a rose garden by the library', 'rose'],
  ['mark the date in your diary', 'mark'],
  ['volunteers arrived at dawn', 'dawn'],
  ['kept going by the grace of the caretaker', 'grace'],
  ['we hope so', 'hope'],
  ['it was a leap of faith', 'faith'],
  ['check with faith groups first', 'faith'],
  ['check with faith-based groups first', 'faith'],
  ['a frank conversation about money', 'frank'],
  ['precious little time to plan', 'precious'],
  ['Christmas carol concerts in the hall', 'carol'],
  ['the summer holidays were quiet', 'summer'],
  ['the grant ran out in March', 'grant'],
  ['we asked for a grant', 'grant'],
  ['the number rose sharply', 'rose'],
  ['a call will follow next week', 'will'],
  ['the text will be updated', 'will'],
  ['this morning will be busy', 'will'],
  ['amber warnings all week', 'amber'],
  ['a pat on the back for the team', 'pat'],
  ['a ray of light', 'ray'],
  ['max capacity is forty', 'max'],
  ['the bill said nothing about rent', 'bill'],
  ['we will ask residents first', 'will'],
  ['they will say no', 'will'],
  ['you will, of course, be asked', 'will'],
  ['rich data from the survey', 'rich'],
  ['a sandy path to the door', 'sandy'],
  ['holly and ivy on the door', 'holly'],
  ['the guy ropes came loose', 'guy'],
  ['summer and autumn are the busy months', 'summer'],
  ['hope springs eternal', 'hope'],
  ['a rose by any other name', 'rose'],
  ['we will rob nobody', 'rob'],
  ['faith in the council is low', 'faith'],
  ['grace period ends in June', 'grace'],
  ['mark my words', 'mark'],
  ['we hope to share the results in May', 'hope'],
  ['the grant to cover transport ran out', 'grant'],
  ['will a pilot work here', 'will'],
  ['vitamin D and the summer months', 'summer'],
]
