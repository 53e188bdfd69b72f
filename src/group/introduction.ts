/**
 * The introduction and the Chatham House statement, written from the front
 * matter in the voice of the reference reports ("On 18 July 2018, NLGN
 * partnered with FutureGov to host our latest Innovation Exchange…").
 */
import type {NotesMeta, ReportSection} from '../types.js'
import type {Profile} from './profile.js'

export const chathamHouseStatement =
  'The report respects the Chatham House rule that was in place by anonymising contributions, except where an explicit piece of best practice was identified to be shared.'

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** `2018-07-18` → `18 July 2018`. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  return `${day} ${months[(month ?? 1) - 1]} ${year}`
}

/** `2018-07-18` → `July 2018`, as on a report cover. */
export function coverDate(iso: string): string {
  const [year, month] = iso.split('-').map(Number)
  return `${months[(month ?? 1) - 1]} ${year}`
}

export function introduction(meta: NotesMeta, profile: Profile, sections: ReportSection[]): string[] {
  const event = meta.series ? `an ${meta.series}` : 'a workshop'
  const when = meta.date ? `On ${longDate(meta.date)}, ` : ''
  const where = meta.venue ? ` at ${meta.venue}` : ''
  let opening: string
  if (meta.host && meta.partner) opening = `${when}${meta.host} partnered with ${meta.partner} to host ${event}${where}.`
  else if (meta.host) opening = `${when}${meta.host} hosted ${event}${where}.`
  else opening = `${when}Participants came together for ${event}${where}.`
  opening = opening.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())

  const who = meta.participants ? `${meta.participants} participants` : 'Participants'
  const theme = `${who} came together to share, learn and reflect on their experience of the theme “${meta.title}”, exploring not just their successes but also the things that had not worked so well.`

  const standard = sections.filter((section) => section.items.length > 0 && section.id !== profile.fallback.id)
  const basis = `This ${profile.reportType.toLowerCase()} is based on the ideas and learning from the discussion, drawing on real-life examples and tips shared during the exchange.`
  const outline = standard.length > 0 ? `It covers: ${standard.map((section) => section.title.toLowerCase()).join('; ')}.` : ''
  return [opening, theme, [basis, outline].filter(Boolean).join(' ')]
}
