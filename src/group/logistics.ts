/**
 * Notes that are not insights: how the day ran ("coffee at 11", "22 in the
 * room", "sound awful, gave up after lunch", "Prompt on the slide: …"),
 * pointers within the notes ("reading list … is at the bottom"), the
 * facilitator's to-dos ("J.S. to confirm date") and where a quote came from
 * ("(whiteboard quote, nobody claimed it)"). They are left out of the report
 * with an info message (`exchange:logistics`).
 *
 * Each rule is narrow on purpose, and most only apply to short notes: a real
 * insight that mentions lunch, a number or the room ("to be frank, nobody in
 * the room thought…", "staff need time. 10% of the week…") stays.
 */

export interface LogisticsInput {
  /** Plain text of the note (without its sub-bullets). */
  text: string
  /** A paragraph right after a blockquote. */
  afterQuote?: boolean
}

interface Rule {
  reason: string
  /** Longest note, in words, the rule applies to. */
  maxWords: number
  test: (text: string, input: LogisticsInput) => boolean
}

const refreshment = /\b(?:coffee|tea|lunch|break|refreshments|dinner|breakfast|sandwiches)\b/
const clockTime = /\b(?:at|by|until|till|from|before|after)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\b|\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b/
const timing = /\b(?:late|early|ran over|overran|delayed|served|starts?|back at|cut short)\b/
const equipment = /\b(?:sound|audio|mics?|microphones?|projector|wi-?fi|zoom|teams|dial-in|phone line|line|screen|slides|clicker|whiteboard|hdmi)\b/
const fault = /\b(?:awful|terrible|bad|poor|dropped|broke|broken|failed|gave up|not working|didn't work|froze|frozen|kept cutting out|cutting out|didn't wipe)\b/

const rules: Rule[] = [
  {
    reason: 'a head count',
    maxWords: 14,
    test: (text) =>
      /^(?:about |around |roughly |approx\.? |~)?\d+\s+(?:people\s+|participants\s+|attendees\s+)?(?:in the room|on (?:the )?(?:zoom|teams|call|phone(?: line)?|line)|online|signed in|turned up|came)\b/.test(text) ||
      /^(?:about |around |roughly |~)?\d+\s+(?:people|participants|attendees)\b(?! (?:said|say|agreed|thought|think|felt|want))/.test(text),
  },
  {
    reason: 'catering or timing',
    maxWords: 10,
    test: (text) => refreshment.test(text) && (clockTime.test(text) || timing.test(text)),
  },
  {
    reason: 'a problem with the room or the equipment',
    maxWords: 14,
    test: (text) => equipment.test(text) && fault.test(text),
  },
  {
    reason: 'a facilitation prompt',
    maxWords: 40,
    test: (text) => /(?:^|[.!?]\s+)prompt(?: on the (?:slide|screen|board|wall|flipchart))?\s*:/.test(text),
  },
  {
    reason: 'how the session was run',
    maxWords: 24,
    test: (text) =>
      /^(?:intros?|introductions|round the room)\s*:/.test(text) ||
      /\b(?:two|three|four|five|six|\d+) tables\b.*\b(?:mins?|minutes|each|feedback|then)\b/.test(text) ||
      /\b(?:big|whole|small) group\b.*\b(?:then|after|before)\b/.test(text) ||
      /\bpost-?its? (?:grouped|sorted|clustered)\b|\bgrouped by me\b|\bmy table in full\b|\bicebreaker\b/.test(text),
  },
  {
    reason: 'a pointer within the notes',
    maxWords: 16,
    test: (text) => /\b(?:is|are)\s+(?:at|down)\s+the\s+(?:bottom|end)\b|\bsee (?:below|above)\b|\b(?:below|at the bottom)\s*$/.test(text),
  },
  {
    reason: "a follow-up for the facilitator",
    maxWords: 16,
    test: (text) => /\bto (?:confirm|chase|circulate)\b|\b(?:tbc|tbd)\b|\bno link(?: yet)?\b|\bto check (?:this|that|it|the figures|with)\b|\bhas (?:his|her|their) details\b/.test(text),
  },
  {
    reason: 'who joined or left',
    maxWords: 20,
    test: (text) => /\b(?:joined|dropped off|left early|arrived|started late|camera off)\b/.test(text) && /\b(?:zoom|teams|late|camera|phone|call|at \d|trains?|session)\b/.test(text),
  },
  {
    reason: 'a housekeeping note',
    maxWords: 16,
    test: (text) => /\bchatham house\b.*\b(?:reminder|read out|agreed|re-?stated|explained)\b/.test(text),
  },
  {
    reason: 'where the quote above came from',
    maxWords: 20,
    test: (text, input) =>
      Boolean(input.afterQuote) && (/^\(.*\)$/.test(text) || /^[-–—]/.test(text) || /\b(?:whiteboard|flipchart|post-?it|chat|anonymous|nobody claimed|unattributed)\b/.test(text)),
  },
]

/** Words at least one rule needs: a note with none of them (and not after a quote) is an insight. */
const cues = new Set(
  'coffee tea lunch break refreshments dinner breakfast sandwiches sound audio mic mics microphone microphones projector wifi wi fi zoom teams dial line screen slides clicker whiteboard hdmi prompt intro intros introductions round tables group post postits postit icebreaker grouped table pairs mins minutes bottom end below above confirm chase circulate tbc tbd link check details joined dropped left arrived started camera chatham'.split(' '),
)

/** Does the note have a digit or a word some rule looks for? Most insights do not. */
function hasCue(text: string): boolean {
  if (/\d/.test(text)) return true
  for (const word of text.match(/[a-z]+/g) ?? []) if (cues.has(word)) return true
  return false
}

/** Why a note is logistics rather than an insight, or `undefined` if it is an insight. */
export function logisticsReason(input: LogisticsInput): string | undefined {
  const text = input.text.toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim()
  if (text === '' || (!input.afterQuote && !hasCue(text))) return undefined
  const count = text.split(' ').length
  for (const rule of rules) if (count <= rule.maxWords && rule.test(text, input)) return rule.reason
  return undefined
}
