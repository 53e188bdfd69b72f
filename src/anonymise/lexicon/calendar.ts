/**
 * The calendar: months, weekdays and seasons, which are also given names (`August`, `May`, `June`, `Summer`,
 * `Autumn`, `Winter`). A participant called August is in the room, and referrals still dip in August: where
 * the words around it are a date's (a preposition of time, a day's number, a year, `last`, `half-term`), the
 * word is the calendar's, unless a name position (a label, an attribution, a verb of saying, a possessive)
 * says otherwise — the rewriter asks name positions first.
 *
 * A table, one row per calendar context; adding a context is adding a row.
 */

export const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
const seasons = ['spring', 'summer', 'autumn', 'winter']

/** Months, weekdays and seasons, lower case. */
export const calendarWords: ReadonlySet<string> = new Set<string>([...monthNames, ...weekdays, ...seasons])

const calendarAlternation = [...calendarWords].join('|')

/** Nouns a month or season qualifies: `May half-term`, `the August figures`, `a Winter pressures bid`. */
const calendarNouns =
  'half-term|half\\s+term|term|bank\\s+holiday|holidays?|recess|break|figures|numbers|data|return|returns|deadline|budget|round|cohort|intake|census|count|report|newsletter|meeting|board|session|snapshot|peak|dip|spike|surge|pressures?|plan|programme|period|quarter|months?|weeks?|weekend|rush|lull|sales|payday|payment|payments|clubs?|camp|scheme|opening|closing|closure|launch|update|edition|issue|statistics|stats|tables|results|exams?|sitting'

interface CalendarRow {
  id: string
  /** What the text before the word must end with (its line, 40 characters). */
  before?: RegExp
  /** What the text after it must start with (40 characters). */
  after?: RegExp
}

const rows: readonly CalendarRow[] = [
  // `12 August`, `1st of May`, `the 4th of June` (not a time's minutes: `10:30 June`).
  {id: 'after a day of the month', before: /(?<![\p{L}\p{N}:.])\d{1,2}(?:st|nd|rd|th)?[^\S\n]+(?:of[^\S\n]+)?$/u},
  // `August 2025`, `June 14`, `May 1st`, `March '24` (not a time: `June 10:30`).
  {id: 'before a year or a day', after: /^,?[^\S\n]+(?:\d{4}|\d{1,2}(?:st|nd|rd|th)?|['’]\d{2})(?![\p{L}\p{N}:.])/u},
  // `May half-term`, `August bank holiday`, `the August figures`, `Winter pressures`.
  {id: 'before a calendar noun', after: new RegExp(String.raw`^[^\S\n]+(?:${calendarNouns})(?![\p{L}])`, 'iu')},
  // `from May to June`, `between June and August`: the second of a range (not `May and June`, which names two people as often).
  {
    id: 'the end of a range',
    before: new RegExp(String.raw`(?:^|[^\p{L}])(?:between[^\S\n]+(?:${calendarAlternation})[^\S\n]+and|(?:${calendarAlternation})[^\S\n]*(?:to|till|until|through|-|–|—))[^\S\n]*$`, 'iu'),
  },
  // `June to August`, `May-June`: the first of a range (not `May or June`).
  {id: 'the start of a range', after: new RegExp(String.raw`^[^\S\n]*(?:to|-|–|—|till|until|through)[^\S\n]*(?:${calendarAlternation})(?![\p{L}])`, 'iu')},
  // `in August`, `since March`, `until May`, `end of June`, `mid-August`; not `from`, `with`, `for`, `into`, which a person
  // follows as often (`an email from June`, `ran into May`).
  {id: 'after a preposition of time', before: /(?:^|[^\p{L}])(?:in|since|until|till|til|during|throughout|before|after|over|around|between|of|late|early|mid|circa)[^\S\n]+(?:the[^\S\n]+)?$|(?:^|[^\p{L}])mid-$/iu},
  // `by June`, but not an agent's `by` (`chaired by June`, `run by May`, `written by August`).
  {id: 'by a time', before: /(?:^|[^\p{L}])(?<!(?:ed|written|given|taken|chosen|driven|spoken|overseen|undertaken|run|led|made|set|put|kept|held|told|taught|built|sent|shown|met|seen|done|read|won|paid|heard|said|hit|let|cut|brought|bought|caught|thought|sought|fought)[^\S\n]+)by[^\S\n]+$/iu},
  // `last April`, `next June`, `this May`, `every August`, `each Winter`, `that summer`.
  {id: 'after last, next, this or every', before: /(?:^|[^\p{L}])(?:last|next|this|every|each|that|coming|previous|following|same)[^\S\n]+$/iu},
]

/** The calendar contexts, by id (for tests: each is named once). */
export const calendarContexts: readonly string[] = rows.map((row) => row.id)

/**
 * Is the month, weekday or season at `start…end` of `value` used as the calendar's here? Which context.
 * Undefined for a word that is none of them, or where nothing around it is a date's.
 */
export function calendarUse(value: string, start: number, end: number): string | undefined {
  const word = value.slice(start, end).replace(/['’]s$/u, '').toLowerCase()
  if (!calendarWords.has(word)) return undefined
  // A possessive is a person's (`August's team`), never the month's.
  if (/^['’]s(?![\p{L}])/u.test(value.slice(end, end + 3)) || /['’]s$/u.test(value.slice(start, end))) return undefined
  const lineStart = value.lastIndexOf('\n', start - 1) + 1
  const head = value.slice(Math.max(lineStart, start - 40), start)
  const rest = value.slice(end, end + 40)
  return rows.find((row) => (!row.before || row.before.test(head)) && (!row.after || row.after.test(rest)))?.id
}
