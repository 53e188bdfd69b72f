/**
 * A generator of realistic workshop notes, each file with its own ledger key:
 * for every content line, a marker word that is in it and whether it must
 * reach the report (`report`) or be left out with a reason (`left-out`).
 *
 * Styles vary per file, as facilitators do: heading shapes (`## Session 2 –
 * Barriers (10.05)`, `### Table 3 (Ana + Ben)`, `## DAY 2`, headings that look
 * like drop headings but are not), speaker label shapes (`Ana:`, `AS –`,
 * `[Ana]`), bullets `-`/`*`/`+`/`1.` nested up to four deep, hashtags on
 * parents and children, tables with a who column, quotes with attributions,
 * pasted Zoom/Teams chats and board CSVs, logistics lines, facilitator-private
 * remarks (HTML comments, a `## Contacts` section) and contact lines that the
 * anonymiser empties.
 *
 * Markers are lower-case nonsense words (`mkq3a`), one per line, so that a
 * line can be found in the HTML whatever the report did to its wording.
 */

export interface KeyLine {
  /** The marker word in the line (absent for a line anonymising empties). */
  marker?: string
  /** Must it reach the report, or be left out with a reason? */
  expect: 'report' | 'left-out'
  /** For a left-out line: the ledger rule expected. */
  rule?: string
}

export interface GeneratedNotes {
  /** The notes file. */
  value: string
  /** One entry per content line, in order. */
  key: KeyLine[]
  /** The style this file was written in, for a failing test's message. */
  style: string
  people: string[]
}

/** A small seeded PRNG (mulberry32): the same seed, the same notes. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const givenNames = ['Ana', 'Ben', 'Priya', 'Tomasz', 'Kezia', 'Gareth', 'Leonie', 'Sunil', 'Aoife', 'Ngozi', 'Callum', 'Mairi']
const surnames = ['Silva', 'Okoro', 'Natarajan', 'Kowalski', 'Blackwood', 'Adeyemi', 'Pryce', 'Asante', 'Kapoor', 'Thornton', 'Ivanova', 'Okonkwo']

const topics = [
  'the waiting list for assessments is far too long',
  'residents trust the library more than the town hall',
  'funding cycles are too short to build anything lasting',
  'data sharing agreements take months to sign',
  'young carers are invisible to most services',
  'co-design with families changed the service for the better',
  'staff turnover means relationships keep restarting',
  'digital exclusion is bigger than the surveys suggest',
  'a single front door cut repeat referrals',
  'procurement rules push us towards the cheapest bid',
  'peer mentors reached people officers never could',
  'evaluation is an afterthought in most pilots',
  'transport is the hidden barrier to every rural service',
  'the voluntary sector carries risk without the budget',
  'small grants with light reporting built real trust',
]

const tags = ['challenge', 'works', 'culture', 'question', 'key', 'example', 'resource']
const sectionHeadings = [
  'Barriers',
  'What works',
  'Culture and leadership',
  'Routes, fleets and contracts',
  'Actions agreed',
  'Follow-up ideas from the floor',
  'Morning discussion',
  'Questions to take back',
  'Examples from the room',
  'Open space',
]

const logistics = ['coffee at 11', '22 in the room', 'lunch ran late', 'projector not working, gave up', 'sound awful on the zoom line']

interface Style {
  name: string
  heading: (text: string, index: number, pick: Picker) => string
  bullet: (depth: number, pick: Picker) => string
  label: (person: string, pick: Picker) => string
}

type Picker = <T>(list: readonly T[]) => T

const styles: Style[] = [
  {
    name: 'sessions',
    heading: (text, index, pick) => `## Session ${index + 1} ${pick(['–', '-', ':'])} ${text}${pick(['', ' (10.05)', ' (after lunch)'])}`,
    bullet: (depth) => `${'  '.repeat(depth)}- `,
    label: (person) => `${person.split(' ')[0]}: `,
  },
  {
    name: 'breakout tables',
    heading: (text, index, pick) => `## ${text}\n\n### Table ${index + 1} (${pick(givenNames)} + ${pick(givenNames)})`,
    bullet: (depth, pick) => `${'    '.repeat(depth)}${pick(['*', '-'])} `,
    label: (person) => `${person.split(' ').map((part) => part[0]).join('')} – `,
  },
  {
    name: 'two-day event',
    heading: (text, index) => `## Day ${index < 3 ? 1 : 2} – ${text.toUpperCase()}`,
    bullet: (depth) => `${'   '.repeat(depth)}1. `,
    label: (person) => `[${person.split(' ')[0]}] `,
  },
  {
    name: 'hurried live log',
    heading: (text) => `### ${text.toLowerCase()}`,
    bullet: (depth) => `${'  '.repeat(depth)}+ `,
    label: (person) => `${person}: `,
  },
]

let counter = 0
function marker(next: () => number): string {
  const letters = 'bcdfghjkmnpqrstvwxz'
  let word = 'mk'
  for (let index = 0; index < 5; index++) word += letters[Math.floor(next() * letters.length)]
  return `${word}${counter++ % 10}`
}

/** One notes file from a seed. */
export function generateNotes(seed: number): GeneratedNotes {
  const next = random(seed)
  const pick: Picker = (list) => list[Math.floor(next() * list.length)]!
  const chance = (p: number) => next() < p
  const style = pick(styles)
  const people = Array.from(new Set(Array.from({length: 4 + Math.floor(next() * 4)}, () => `${pick(givenNames)} ${pick(surnames)}`)))
  const key: KeyLine[] = []
  const lines: string[] = ['---', `title: Generated workshop ${seed}`, `date: 2024-0${1 + (seed % 9)}-1${seed % 10}`, `attendees: [${people.join(', ')}]`, '---', '', `# Workshop notes ${seed}`, '']
  const note = (text: string) => {
    const word = marker(next)
    key.push({marker: word, expect: 'report'})
    return `${text} ${word}`
  }
  const sections = 2 + Math.floor(next() * 4)
  for (let section = 0; section < sections; section++) {
    lines.push(style.heading(pick(sectionHeadings), section, pick), '')
    const blocks = 1 + Math.floor(next() * 4)
    for (let block = 0; block < blocks; block++) {
      const kind = next()
      if (kind < 0.4) {
        // A list, nested up to four deep, with labels and hashtags.
        const items = 1 + Math.floor(next() * 5)
        let depth = 0
        for (let item = 0; item < items; item++) {
          const label = chance(0.3) ? style.label(pick(people), pick) : ''
          const tag = chance(0.3) ? ` #${pick(tags)}` : ''
          lines.push(`${style.bullet(depth, pick)}${label}${note(pick(topics))}${tag}`)
          depth = Math.max(0, Math.min(3, depth + (chance(0.5) ? 1 : chance(0.5) ? -1 : 0)))
        }
        lines.push('')
      } else if (kind < 0.5) {
        // A quote with an attribution.
        const quoted = note(pick(topics))
        lines.push(pick([`> "${quoted}" – ${pick(people)}`, `> ${quoted}`, `- "${quoted}" (one participant)`]), '')
      } else if (kind < 0.6) {
        // A table with a who column.
        lines.push('| Idea | Who | Notes |', '|---|---|---|')
        for (let row = 0; row < 1 + Math.floor(next() * 3); row++) lines.push(`| ${note(pick(topics))} | ${pick(people)} | ${pick(topics)} |`)
        lines.push('')
      } else if (kind < 0.7) {
        // A paragraph of prose.
        lines.push(note(`${pick(topics)}, and ${pick(topics)}.`), '')
      } else if (kind < 0.8) {
        // A pasted chat export.
        lines.push('```')
        if (chance(0.5)) {
          for (let message = 0; message < 1 + Math.floor(next() * 3); message++) {
            lines.push(`10:${10 + message}:0${message} From ${pick(people)} to Everyone: ${note(pick(topics))}`)
          }
        } else {
          for (let message = 0; message < 1 + Math.floor(next() * 3); message++) lines.push(`${pick(people)}   11:${10 + message}`, note(pick(topics)))
        }
        lines.push('```', '')
      } else if (kind < 0.85) {
        // A board export.
        lines.push('```csv', 'Content,Author,Votes')
        for (let card = 0; card < 1 + Math.floor(next() * 3); card++) lines.push(`"${note(pick(topics))}",${pick(people)},${Math.floor(next() * 9)}`)
        lines.push('```', '')
      } else if (kind < 0.93) {
        // Logistics: left out with a reason.
        lines.push(`- ${pick(logistics)}`, '')
        key.push({expect: 'left-out', rule: 'logistics'})
      } else {
        // A facilitator's private remark, and a contact line the anonymiser empties.
        lines.push(`<!-- remember to thank ${pick(people)} -->`, '')
        const person = pick(people)
        lines.push(`- ${person}: ${person.split(' ')[0]!.toLowerCase()}@example.org`, '')
        key.push({expect: 'left-out', rule: 'anonymised-away'})
      }
    }
  }
  if (chance(0.3)) {
    lines.push('## Contacts', '', `- ${pick(people)} will send the toolkit`, '')
    key.push({expect: 'left-out', rule: 'dropped-heading'})
  }
  return {value: `${lines.join('\n')}\n`, key, style: style.name, people}
}
