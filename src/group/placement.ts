/**
 * Where a note goes, and why: its hashtags first, then the heading it sits
 * under (nearest first, loosely matched), then keyword rules (stemmed,
 * weighted, scored), then — for a question — the questions section, else
 * the profile's fallback ("Further insights").
 */
import type {Placement} from '../types.js'
import {aliasMatch, scoreKeywords, type KeywordScore} from './keywords.js'
import type {Profile} from './profile.js'
import type {NoteHeading} from './segment.js'

export interface PlacementInput {
  tags: string[]
  headings: NoteHeading[]
  /** Stems of the note's text and its sub-bullets'. */
  stems: string[]
  /** Whether the note is a question. */
  question: boolean
}

export interface PlacementResult {
  placement: Placement
  /** Keyword scores for every section with a hit, highest first (used for strength). */
  scores: KeywordScore[]
}

export function placeNote(input: PlacementInput, profile: Profile): PlacementResult {
  const scores = scoreKeywords(input.stems, profile.keywordIndex, profile.order)
  const result = (placement: Placement): PlacementResult => ({placement, scores})

  for (const tag of input.tags) {
    const section = profile.sections.find((candidate) => candidate.tags.includes(tag))
    if (section) return result({section: section.id, rule: 'hashtag', reason: `tagged #${tag}`})
  }

  for (const heading of input.headings) {
    const best = headingSection(heading, profile)
    if (best) {
      const what = heading.caption ? 'caption' : 'heading'
      return result({section: best.section, rule: 'heading', reason: `under the ${what} “${heading.text}” (matches “${best.alias}”)`})
    }
  }

  const top = scores[0]
  const threshold = input.question ? profile.questionThreshold : profile.keywordThreshold
  if (top && top.score >= threshold) {
    const terms = top.hits.map((hit) => `${hit.term} ${formatNumber(hit.weight)}`).join(' + ')
    const runnerUp = scores[1]
    const close = runnerUp && runnerUp.score === top.score ? `, tied with ${titleOf(profile, runnerUp.section)}: first in the profile wins` : ''
    return result({section: top.section, rule: 'keyword', reason: `keywords ${terms} = ${formatNumber(top.score)}${close}`, score: top.score})
  }

  const questions = profile.sections.find((section) => section.role === 'questions')
  if (input.question && questions) {
    return result({section: questions.id, rule: 'question', reason: 'a question, and no hashtag, heading or keyword placed it'})
  }

  const best = top ? ` (best keyword score ${formatNumber(top.score)} for ${titleOf(profile, top.section)}, below ${formatNumber(threshold)})` : ''
  return result({section: profile.fallback.id, rule: 'fallback', reason: `no hashtag, heading or keyword matched a section${best}`})
}

interface HeadingMatch {
  section: string
  alias: string
  score: number
}

/** Heading objects are shared by the notes under them: match each once per profile. */
const headingCache = new WeakMap<Profile, WeakMap<NoteHeading, HeadingMatch | null>>()

/** The section whose alias matches the heading with the most words; the first in the profile on a tie. */
function headingSection(heading: NoteHeading, profile: Profile): HeadingMatch | undefined {
  let cache = headingCache.get(profile)
  if (!cache) headingCache.set(profile, (cache = new WeakMap()))
  const cached = cache.get(heading)
  if (cached !== undefined) return cached ?? undefined
  let best: HeadingMatch | undefined
  for (const section of profile.sections) {
    section.headingStems.forEach((alias, index) => {
      const score = aliasMatch(heading.stems, alias)
      if (score > 0 && (!best || score > best.score)) best = {section: section.id, alias: section.headings[index]!, score}
    })
  }
  cache.set(heading, best ?? null)
  return best
}

function titleOf(profile: Profile, id: string): string {
  const section = profile.sections.find((entry) => entry.id === id)
  return section ? `“${section.title}”` : id
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}
