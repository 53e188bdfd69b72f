/**
 * Times typed at the start of a note: `10:42 — …`, `[14:05] …`, `10.19 – …`,
 * `(9:05am) …`. One description of them for every stage: the anonymiser reads
 * a speaker label after a time as a label (`10:19 — GA: …`), and the group
 * stage removes the time from the note (when something was said belongs to
 * the log, not to what was said).
 *
 * A time that is part of what was said stays: `10:30 is too early for carers`,
 * `10:30 to 11:00 breakouts`, `10.50 per hour`. A dotted time counts only in
 * brackets or before a separator, as a price reads the same.
 */

const clock = String.raw`(?:[01]?\d|2[0-3])(?::[0-5]\d){1,2}(?:\s?[ap]\.?m\.?)?`
const dotted = String.raw`(?:[01]?\d|2[0-3])\.[0-5]\d(?:\s?[ap]\.?m\.?)?`
const separator = String.raw`(?:->|→|=>|[-–—|])`

/** A time and its separator, as typed before a note or a label (no anchors): `[10:19] `, `10:19 — `, `10:42 `. */
export const timeHead = String.raw`(?:[[(](?:${clock}|${dotted})[\])]\s*(?:${separator}|:)?\s*|(?:${clock}|${dotted})\s*${separator}\s+|(?:${clock}|${dotted})\s+)`

/** The time at the start of a note, with what follows it that goes too; the note's own words start after it. */
export const leadingTime = new RegExp(
  String.raw`^\s*(?:` +
    // `[10:19] `, `(10.19) -`, `[10:19]: `
    String.raw`[[(](?:${clock}|${dotted})[\])]\s*(?:${separator}|:)?\s*` +
    // `10:19 — `, `10.19 – `, `10:19 | `, but not a range `10:30 - 11:00`
    String.raw`|(?:${clock}|${dotted})\s*${separator}\s+(?!\d)` +
    // `10:42 we will …`, but not `10:30 is too early`, `10:30 to 11:00`
    String.raw`|${clock}\s+(?!(?:is|was|are|were|to|till|until|and|or|on|for|start|starts|started|finish|finishes|slot|deadline|train|bus)\b|[-–—]?\s*\d)` +
    String.raw`)(?=\S)`,
  'iu',
)
