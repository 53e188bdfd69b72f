/**
 * Rewrite one string so that no roster name is left in it, and the sentence
 * still reads: speaker labels go, mentions become "one participant".
 */
import type {Redaction} from '../types.js'
import type {NameMatch, NameMatcher} from './matcher.js'

export interface TextContext {
  /** The string starts a block (a note, a heading, a cell): a label may open it. */
  blockStart: boolean
}

/** A redaction in a string, at `offset`. */
export type TextRedaction = Omit<Redaction, 'line' | 'column'> & {offset: number}

export interface TextResult {
  value: string
  redactions: TextRedaction[]
}

const speechVerbs = String.raw`(?:said|says|say|put\s+it|reckons|thinks|thought|wants|mentioned|asked|suggested|noted|argued|added|agreed|offered|explained|described|raised|felt|feels|worried|pointed|shared|told|from|was|is|also)`
const speechAfter = new RegExp(String.raw`^\s+${speechVerbs}(?![\p{L}])`, 'iu')
const speechBefore = /(?:according\s+to|as|said|says|asked|ask|thanks\s+to|with|and|\+|&)\s+$/iu

/** Is an ambiguous form (`Will`, `Hope`) used as a name here? */
function usedAsName(value: string, match: NameMatch, context: TextContext): boolean {
  const first = match.text[0]!
  if (first !== first.toUpperCase() || first === first.toLowerCase()) return false
  const rest = value.slice(match.end)
  const head = value.slice(0, match.start)
  if (match.possessive) return true
  if (/^\s*[:(]/.test(rest) || /^\s+[-–—]\s/.test(rest)) return context.blockStart && head.trim() === '' ? true : /^\s*\(/.test(rest)
  if (speechAfter.test(rest)) return true
  if (speechBefore.test(head)) return true
  if (/[([]\s*$/.test(head) && /^\s*[)\]]/.test(rest)) return true
  return false
}

function isSentenceStart(head: string): boolean {
  return /(?:^|[.!?]\s+|["“(]\s*)$/u.test(head)
}

function capitalise(value: string): string {
  return value.replace(/^\s*\p{Ll}/u, (letter) => letter.toUpperCase())
}

/** Mentions of roster people in `value`: every form, and ambiguous ones (`Will`) only where used as a name. */
export function findMentions(value: string, matcher: NameMatcher, context: TextContext = {blockStart: true}): NameMatch[] {
  if (!value.includes('\n')) return matcher.find(value).filter((match) => !match.form.ambiguous || usedAsName(value, match, context))
  // Each line is its own block: a label may open it.
  const found: NameMatch[] = []
  let offset = 0
  for (const line of value.split('\n')) {
    for (const match of findMentions(line, matcher, context)) found.push({...match, start: match.start + offset, end: match.end + offset})
    offset += line.length + 1
  }
  return found
}

export function rewriteText(value: string, matcher: NameMatcher, context: TextContext): TextResult {
  const redactions: TextResult['redactions'] = []
  const mentions = matcher.find(value).filter((match) => !match.form.ambiguous || usedAsName(value, match, context))
  if (mentions.length === 0) return {value, redactions}

  let output = ''
  let cursor = 0
  for (const match of mentions) {
    if (match.start < cursor) continue
    let head = value.slice(cursor, match.start)
    let end = match.end
    const rest = value.slice(end)
    const atStart = (output + head).trim() === '' && context.blockStart

    // A speaker label: `JS: …`, `Tom Okafor (Camden) - …`, `[Tom] said`.
    const label = /^(\s*\([^)]*\))?\s*(?::|[-–—](?=\s))\s*/u.exec(rest)
    if (atStart && label) {
      end += label[0].length
      redactions.push({original: value.slice(match.start, end), replacement: '', rule: 'attribution', offset: match.start})
      output += head + capitalise(value.slice(end, end + 1))
      cursor = Math.min(end + 1, value.length)
      continue
    }

    // A trailing attribution: `"…" — Cllr Ruth E.`, `– N.R.`, `(Jane)`.
    const trailing = /(\s*[-–—]\s*(?:Cllr\.?\s+|Councillor\s+|Dr\.?\s+)?)$/u.exec(head)
    const tail = /^\.?\s*$/u.exec(rest)
    if (trailing && tail) {
      head = head.slice(0, head.length - trailing[0].length)
      end += tail[0].length
      redactions.push({original: trailing[0] + value.slice(match.start, end), replacement: '', rule: 'attribution', offset: match.start})
      output += head
      cursor = end
      continue
    }
    const bracketed = /\s*[([]\s*$/u.exec(head)
    const closing = /^\s*[)\]]/u.exec(rest)
    if (bracketed && closing && !speechAfter.test(rest.slice(closing[0].length))) {
      head = head.slice(0, head.length - bracketed[0].length)
      end += closing[0].length
      redactions.push({original: bracketed[0] + value.slice(match.start, end), replacement: '', rule: 'attribution', offset: match.start})
      output += head
      cursor = end
      continue
    }

    let replacement = match.possessive ? "one participant's" : 'one participant'
    if (bracketed && closing) {
      // `[Tom] said` → `one participant said`
      head = head.slice(0, head.length - bracketed[0].length) + bracketed[0].replace(/[([]/, '')
      end += closing[0].length
    }
    if (isSentenceStart(output + head)) replacement = capitalise(replacement)
    redactions.push({original: value.slice(match.start, end), replacement, rule: 'roster-name', offset: match.start})
    output += head + replacement
    cursor = end
  }
  output += value.slice(cursor)
  return {value: tidy(output), redactions}
}

/** Tidy what a removal can leave behind: doubled spaces, a space before punctuation. */
function tidy(value: string): string {
  return value.replace(/ {2,}/g, ' ').replace(/\s+([,.;:!?])/g, '$1')
}
