/**
 * The introduction, the Chatham House statement and the profile's
 * boilerplate, written from the front matter in the voice of the reference
 * reports ("On 18 July 2018, NLGN partnered with FutureGov to host…"), through
 * the profile's text templates.
 */
import {typesetTitle} from './tidy.js'
import type {Boilerplate, NotesMeta, ReportSection} from '../types.js'
import type {Profile} from './profile.js'
import type {TemplateData} from './template.js'

export {coverDate, longDate} from './template.js'

/** The default statement; a profile may word its own (`chatham_house`). */
export const chathamHouseStatement =
  'The report respects the Chatham House rule that was in place by anonymising contributions, except where an explicit piece of best practice was identified to be shared.'

/** What the templates see, from the front matter and the sections that have items. */
export function templateData(meta: NotesMeta, profile: Profile, sections: ReportSection[]): TemplateData {
  const series = meta.series?.trim()
  // "at Online" reads badly: an online event is held online, not at a venue.
  const online = meta.venue !== undefined && /^(?:online|virtual|remote(?:ly)?|on zoom|on teams|zoom|microsoft teams|teams)$/i.test(meta.venue.trim())
  return {
    title: typesetTitle(meta.title),
    series,
    date: meta.date,
    host: meta.host,
    partner: meta.partner,
    venue: online ? undefined : meta.venue,
    participants: meta.participants,
    forewordBy: meta.forewordBy,
    reportType: profile.reportType,
    event: `${series ? `${/^[aeiou]/i.test(series) ? 'an' : 'a'} ${series}` : 'a workshop'}${online ? ' online' : ''}`,
    chapters: sections.filter((section) => section.number !== undefined).map((section) => section.title),
    standard: sections.filter((section) => section.role === 'insights').map((section) => section.title),
    audiences: sections.flatMap((section) => (section.audience && section.items.length > 0 ? [section.audience] : [])),
  }
}

export function introduction(meta: NotesMeta, profile: Profile, sections: ReportSection[]): string[] {
  const data = templateData(meta, profile, sections)
  return profile.introduction.map((template) => sentenceCase(template(data))).filter((paragraph) => paragraph !== '')
}

export function boilerplate(meta: NotesMeta, profile: Profile, sections: ReportSection[]): Boilerplate[] {
  const data = templateData(meta, profile, sections)
  return profile.boilerplate.map((block) => ({
    id: block.id,
    title: block.title ? block.title(data) : undefined,
    paragraphs: block
      .text(data)
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
    at: block.at,
  }))
}

function sentenceCase(text: string): string {
  return text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())
}
