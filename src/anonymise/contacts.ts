/**
 * Contact details in a string: emails, phone numbers, social handles and
 * URLs. A URL is either a personal profile (LinkedIn, X/Twitter, Bluesky,
 * Mastodon…), which goes, or a public resource, which stays and whose words
 * are not names (`wigan.gov.uk/The-Deal`).
 */
import {rulePatterns} from './patterns.js'
import {matchesOf} from '../util/matches.js'

export type ContactKind = 'email' | 'phone' | 'handle' | 'profile-url' | 'url' | 'identifier'

/**
 * Identifiers of one person or their home, in the shapes the UK writes them: a National Insurance number
 * (`QQ 12 34 56 C`), a postcode (`CA3 9QT`, `SW1A 2AA`), a vehicle registration (`KX19 ABC`). Each is
 * written in capitals with digits where they belong; a word in capitals (`NHS`, `COVID 19`) never fits.
 */
const identifiers = [
  /(?<![\p{L}\p{N}])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) ?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])[A-Z]{2}\d{2} ?[A-Z]{3}(?![\p{L}\p{N}])/gu,
]
const identifierHint = /[A-Z] ?\d|\d ?[A-Z]/u

/** A street: one or two capitalised words and the kind of street (`Elm Road`, `St Mary's Close`). */
const street = String.raw`(?:\p{Lu}[\p{L}'’.-]*[^\S\n]){1,2}(?:Road|Street|Avenue|Close|Lane|Drive|Way|Crescent|Gardens|Terrace|Grove|Place|Court|Walk|Rise|Mews|Row|Square|Parade)(?![\p{L}\p{N}])`
/**
 * A home's address: a house number and its street (`4 Elm Close`, `12a Station Road`), or a street given as where someone
 * is from in an aside (`Mrs T, 84, of Elm Road`). A street named as a place (`the closure of Station Road`) stays.
 */
const addresses = [new RegExp(String.raw`(?<![\p{L}\p{N}])\d{1,4}[a-z]?,?[^\S\n]${street}`, 'gu'), new RegExp(String.raw`(?<=,[^\S\n]*)of[^\S\n]${street}`, 'gu')]
const addressHint = /(?:Road|Street|Avenue|Close|Lane|Drive|Way|Crescent|Gardens|Terrace|Grove|Place|Court|Walk|Rise|Mews|Row|Square|Parade)(?![\p{L}\p{N}])/u

export interface ContactSpan {
  start: number
  end: number
  text: string
  kind: ContactKind
}

/**
 * Is `url` a personal profile page rather than a public resource? A profile
 * path on a social network (LinkedIn `/in/…`, Bluesky `/profile/…`, `/@…` on
 * Threads and any Mastodon server), or a bare user name on X/Twitter,
 * Facebook, Instagram or GitHub (`github.com/org/repo` is a resource).
 */
export function isProfileUrl(url: string): boolean {
  const parts = rulePatterns.urlParts.exec(url.trim())
  if (!parts) return false
  const host = parts[1]!
  const path = parts[2] || '/'
  if (rulePatterns.fediversePath.test(path)) return true
  if (!rulePatterns.socialHost.test(host)) return false
  if (rulePatterns.siteSection.test(path)) return false
  return rulePatterns.profilePath.test(path) || (rulePatterns.userPath.test(path) && path !== '/')
}

/** Does a phone-shaped run hold a phone number: 9 to 15 digits, not a date or a range of years? */
function isPhone(text: string): boolean {
  const digits = text.replace(rulePatterns.nonDigit, '').length
  if (digits < 8 || digits > 15) return false
  if (rulePatterns.notPhone.test(text) || rulePatterns.startsWithDate.test(text)) return false
  // `2019-2024`, `1,000-2,000`: ranges, not numbers to call.
  if (rulePatterns.yearRange.test(text)) return false
  // A bare run of digits is only a phone number when it is long and starts like one.
  if (rulePatterns.digitsOnly.test(text)) return digits >= 10 && rulePatterns.phoneStart.test(text)
  // Eight digits only in a grouped shape: `60-56-85-91`, `(37) 788-063`, `416 60 039`.
  if (digits === 8 && !rulePatterns.phoneStartOrBracket.test(text) && !rulePatterns.groupedDigits.test(text)) return false
  return true
}

/** Every contact detail and URL in `value`, left to right, without overlaps. */
export function findContacts(value: string): ContactSpan[] {
  const at = value.includes('@')
  const web = rulePatterns.webHint.test(value)
  const digits = rulePatterns.phoneHint.test(value)
  const spelled = rulePatterns.obfuscatedEmailHint.test(value)
  const coded = identifierHint.test(value)
  if (!at && !web && !digits && !spelled && !coded && !value.includes('u/') && !addressHint.test(value)) return []
  const spans: ContactSpan[] = []
  if (web) for (const match of matchesOf(rulePatterns.url, value)) {
    const text = match[0].replace(rulePatterns.urlTrail, '')
    spans.push({start: match.index, end: match.index + text.length, text, kind: isProfileUrl(text) ? 'profile-url' : 'url'})
  }
  const taken = (start: number, end: number) => spans.some((span) => start < span.end && end > span.start)
  if (at) for (const match of matchesOf(rulePatterns.email, value)) {
    const text = match[0].replace(rulePatterns.emailTrail, '')
    if (!taken(match.index, match.index + text.length)) spans.push({start: match.index, end: match.index + text.length, text, kind: 'email'})
  }
  if (spelled) for (const match of matchesOf(rulePatterns.obfuscatedEmail, value)) {
    if (!taken(match.index, match.index + match[0].length)) spans.push({start: match.index, end: match.index + match[0].length, text: match[0], kind: 'email'})
  }
  if (at || rulePatterns.handleHint.test(value)) for (const match of matchesOf(rulePatterns.handle, value)) {
    if (!taken(match.index, match.index + match[0].length)) spans.push({start: match.index, end: match.index + match[0].length, text: match[0], kind: 'handle'})
  }
  if (digits) for (const match of matchesOf(rulePatterns.phone, value)) {
    const text = match[0].replace(rulePatterns.phoneTrail, '')
    if (isPhone(text) && !taken(match.index, match.index + text.length)) spans.push({start: match.index, end: match.index + text.length, text, kind: 'phone'})
  }
  if (addressHint.test(value)) for (const pattern of addresses) for (const match of matchesOf(pattern, value)) {
    if (!taken(match.index, match.index + match[0].length)) spans.push({start: match.index, end: match.index + match[0].length, text: match[0], kind: 'identifier'})
  }
  if (coded) for (const pattern of identifiers) for (const match of matchesOf(pattern, value)) {
    if (!taken(match.index, match.index + match[0].length)) spans.push({start: match.index, end: match.index + match[0].length, text: match[0], kind: 'identifier'})
  }
  return spans.sort((a, b) => a.start - b.start)
}
