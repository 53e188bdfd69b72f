/**
 * Issue 15's roster and lines (each written for the issue): names that must go, every token of them,
 * and words that must stay. Shared by the anonymiser's tests and the audit's.
 */
import {anonymise} from './helpers.js'

export const issueFront = `---
title: Test workshop
attendees:
  - Grant Okafor
  - Sue Field
  - Mark Hill
  - Robin Shepherd
  - { name: Ben Marsh, org: Merthyr Tydfil County Borough Council }
  - Carol Rich
  - Precious Moyo
  - Faith Lewis
  - Catherine Moran
  - Frank Osei
share: [Leeds City Council]
---
`

/** The anonymised markdown of a snippet of notes under the issue's roster. */
export const under = (notes: string) => anonymise(notes, issueFront).markdown

/** Whole words of `text`, folded and lower-cased. */
export const words = (text: string) => new Set(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])

/** [notes, tokens that must not survive (any case)] */
export const leaks: Array<[string, string[]]> = [
  ['> Nobody reads the policy.\n>\n> — Grant, customer services', ['grant']],
  ['> The water finds the weak point.\n>\n> *Robin, planning manager*', ['robin']],
  ['- 10:30 mark: "the water finds the weak point"', ['mark']],
  ["- sue's team kept a log", ['sue']],
  ['- @Ben Marsh can you share the slides', ['ben', 'marsh']],
  ['- CM ran the pilot in the spring', ['cm']],
  ['- the chat was lively (from the Zoom chat, Frank I think)', ['frank']],
  ['- over in Merthyr the library became the hub', ['merthyr']],
]

/** [notes, phrases that must survive as written] */
export const survivors: Array<[string, string]> = [
  ['- the choir ran Christmas carol concerts in the library', 'Christmas carol concerts'],
  ['- we had precious little time to plan it', 'precious little time'],
  ['- the John Lewis Partnership ran a pilot with staff', 'the John Lewis Partnership'],
  ['- the ferry to the Isle of Lewis was cancelled', 'the Isle of Lewis'],
  ['- the old Marks & Spencer building became a hub', 'the old Marks & Spencer building'],
  ["- it felt like Noah's ark in the flood", "Noah's ark"],
  ['- a real Heath Robinson contraption of spreadsheets', 'Heath Robinson'],
  ['- open to every Tom, Dick and Harry', 'every Tom, Dick and Harry'],
  ['- we rob Peter to pay Paul every year', 'rob Peter to pay Paul'],
  ['- the flooding (Storm Dennis) closed the centre', 'Storm Dennis'],
]
