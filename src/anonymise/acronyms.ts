/**
 * Abbreviations the notes define: `participatory budgeting (PB)`, `PB (participatory budgeting)`.
 * Where the notes spell out what capitals stand for, those capitals are that abbreviation in the
 * whole document, and a participant with the same initials (Priya Black) is named by them only in
 * a name position (`PB:`, `PB said`): elsewhere (`PB is the cheapest trust-building exercise`,
 * `our PB`) the rewriter keeps them and records the use as ordinary for the audit.
 */

import {rulePatterns} from './patterns.js'

/** Small words an abbreviation may skip: `Department for Education (DfE)`, `Bath and North East Somerset`. */
const minor = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', '&'])

/** Do the first letters of `words` (all of them, or without the small ones), at their end, spell `capitals`? */
function spells(words: string[], capitals: string): boolean {
  const wanted = capitals.toLowerCase()
  for (const list of [words, words.filter((word) => !minor.has(word.toLowerCase()))]) {
    const tail = list.slice(-wanted.length)
    if (tail.length === wanted.length && tail.map((word) => word[0]!.toLowerCase()).join('') === wanted) return true
  }
  return false
}

/** What capitals in brackets stand for in one document. */
export interface Abbreviations {
  /** Abbreviations defined by the words they stand for: `participatory budgeting (PB)`. */
  defined: Set<string>
  /** A person's initials, introduced after their name: `Priya Black (PB)`. Those capitals are her, wherever they are. */
  initials: Set<string>
}

/** The abbreviations `text` defines, as written (`PB`); `isPerson` says whether the words spelled out are someone's name. */
export function definedAbbreviations(text: string, isPerson: (words: string) => boolean): Abbreviations {
  const found: Abbreviations = {defined: new Set(), initials: new Set()}
  if (!text.includes('(')) return found
  const add = (capitals: string, words: string[]) => {
    if (!spells(words, capitals)) return
    if (isPerson(words.slice(-2 * capitals.length).join(' '))) found.initials.add(capitals)
    else found.defined.add(capitals)
  }
  for (const match of text.matchAll(rulePatterns.abbreviationInBrackets)) {
    // The words just before the bracket, on its line.
    const head = text.slice(Math.max(0, match.index - 120), match.index)
    add(match[1]!, head.slice(head.lastIndexOf('\n') + 1).split(rulePatterns.abbreviationWordGap).filter(Boolean))
  }
  for (const match of text.matchAll(rulePatterns.abbreviationBeforeBrackets)) add(match[1]!, match[2]!.split(rulePatterns.abbreviationWordGap).filter(Boolean))
  // Capitals that are both are a person's: an abbreviation cannot hide her initials.
  for (const capitals of found.initials) found.defined.delete(capitals)
  return found
}

/** Are the capitals at `start…end` of `value` defined right there: in brackets after the words they spell, or before them in brackets? */
export function definedInPlace(value: string, start: number, end: number): boolean {
  const capitals = value.slice(start, end)
  const expansion = rulePatterns.bracketedWordsAfter.exec(value.slice(end, end + 90))
  if (expansion && spells(expansion[1]!.split(rulePatterns.abbreviationWordGap).filter(Boolean), capitals)) return true
  const head = value.slice(Math.max(0, start - 120), start)
  const open = rulePatterns.openBracketBefore.exec(head)
  if (!open || value[open.index] !== '(' || !rulePatterns.closeBracketAfter.test(value.slice(end, end + 4))) return false
  const line = head.slice(0, open.index)
  return spells(line.slice(line.lastIndexOf('\n') + 1).split(rulePatterns.abbreviationWordGap).filter(Boolean), capitals)
}
