/**
 * A learned placement: a small linear model (multinomial logistic
 * regression) over the signals the placement rules read, as features, and
 * the note's and its headings' words (stemmed). The weights are trained by
 * `scripts/train-placement.mjs` on every keyed placement in the repository
 * and committed as `placement-weights.ts`; cross-validation by file chose
 * the features and the regularisation (see BENCHMARKS.md).
 *
 * Hashtags still win outright (the Placer decides them before the model);
 * the model decides the rest, and says why with the features that weighed
 * most for the section it chose.
 */
import {scoreKeywords, stopWords, type KeywordScore} from './keywords.js'
import type {NoteHeading} from './segment.js'
import {headingSection, placeOpening, urlPattern, wordCount, type PlacementInput} from './placement.js'
import type {Profile} from './profile.js'
import {readSignals, signalNames} from './signals.js'
import {stem} from './stemmer.js'

export interface PlacementModel {
  /** Section ids, one per row of weights. */
  classes: string[]
  /** Feature name → one weight per class. */
  weights: Record<string, number[]>
  /** One bias per class. */
  bias: number[]
  /** Whether the rules' own placement is a feature (`rules:SECTION`, `rules-by:RULE:SECTION`). */
  rules?: boolean
  /** Below this probability, a note the rules placed alone (not by its neighbours or a last resort) stays where they put it. */
  defer?: number
  /** The same for a note its neighbours' majority placed. */
  deferToNeighbours?: boolean
}

/** What the neighbours said before the model: section → share of the placed notes under the same heading. */
export type NeighbourShares = Map<string, number>

export type Features = Map<string, number>

/** A signal's score counts at most this much (as in the rules). */
const signalCap = 3

/**
 * The features of one note: its wording's signals (each recogniser by
 * name, and each signal's capped score), what its nearest heading and
 * parent headings match and say, its keyword scores, whether it is a
 * question, a link or a story of a place, its neighbours' sections, and its
 * words and its headings' words.
 */
export function placementFeatures(input: PlacementInput, profile: Profile, neighbours?: NeighbourShares, known: {scores?: KeywordScore[]; signals?: Signals} = {}): Features {
  const features: Features = new Map()
  const set = (name: string, value = 1) => {
    if (value !== 0) features.set(name, (features.get(name) ?? 0) + value)
  }
  const text = input.text ?? ''
  if (input.question) set('question')
  if (input.kind) set(`kind:${input.kind}`)
  if (input.source) set(`source:${input.source}`)
  if (input.asked) set('asked-column')
  if (/\?\s*$/.test(text)) set('ends-?')

  const own = known.signals ?? readSignals(text)
  for (const signal of signalNames) {
    const found = own.get(signal)
    if (!found) continue
    set(`signal:${signal}`, Math.min(found.score, signalCap) / signalCap)
    for (const hit of found.hits) set(`signal:${signal}:${hit.name}`)
  }
  if (/(?:https?:\/\/|www\.)\S/i.test(text)) {
    set('link')
    if (wordCount(text.replace(urlPattern, ' ')) <= 8) set('link:titled')
  }
  if (placeOpening.test(input.own?.text ?? text)) set('opens-with-place')
  const length = wordCount(text)
  set(length <= 4 ? 'length:1-4' : length <= 10 ? 'length:5-10' : length <= 25 ? 'length:11-25' : 'length:26+')

  for (const score of known.scores ?? scoreKeywords(input.stems, profile.keywordIndex, profile.order)) set(`keywords:${score.section}`, Math.min(score.score, 6) / 3)

  let nearest: NoteHeading | undefined
  for (const heading of input.headings) if (!heading.title && !heading.caption) {
    nearest = heading
    break
  }
  nearest ??= input.headings.find((heading) => !heading.title)
  let depth = 0
  for (const heading of input.headings) {
    if (heading.title) continue
    const where = heading === nearest ? 'heading' : depth === 0 && heading.caption ? 'caption' : 'parent-heading'
    for (const [name, value] of headingFeatures(heading, where, profile)) set(name, value)
    depth++
  }
  if (!nearest) set('no-heading')

  for (const [section, share] of neighbours ?? []) set(`neighbours:${section}`, share)

  for (const value of input.stems) {
    const name = wordFeature(value)
    if (name) features.set(name, 1)
  }
  return features
}

type Signals = ReturnType<typeof readSignals>

const headingFeatureCache = new WeakMap<Profile, WeakMap<NoteHeading, Map<string, Array<[string, number]>>>>()
/** A heading's features as the nearest heading, a caption or a parent: the same for every note under it, so made once. */
function headingFeatures(heading: NoteHeading, where: string, profile: Profile): Array<[string, number]> {
  let byHeading = headingFeatureCache.get(profile)
  if (!byHeading) headingFeatureCache.set(profile, (byHeading = new WeakMap()))
  let byWhere = byHeading.get(heading)
  if (!byWhere) byHeading.set(heading, (byWhere = new Map()))
  let list = byWhere.get(where)
  if (list) return list
  list = []
  const match = headingSection(heading, profile)
  if (match) list.push([`${where}:${match.section}`, 1])
  for (const value of new Set(heading.stems)) if (topical(value)) list.push([`${where}-word:${value}`, 1])
  if (where === 'heading') {
    const said = readSignals(heading.text)
    for (const signal of signalNames) if (said.has(signal)) list.push([`heading-signal:${signal}`, 1])
    for (const score of scoreKeywords(heading.stems, profile.keywordIndex, profile.order)) list.push([`heading-keywords:${score.section}`, Math.min(score.score, 6) / 3])
    if (/\?\s*$/.test(heading.text) || /^(?:q ?& ?a|questions?|qs)\b/.test(heading.text)) list.push(['heading-question', 1])
  }
  byWhere.set(where, list)
  return list
}

/** `word:STEM` for a stem that may say something of the section (none for a filler), made once per stem. */
const wordFeatures = new Map<string, string>()
function wordFeature(value: string): string | undefined {
  let name = wordFeatures.get(value)
  if (name === undefined) {
    name = topical(value) ? `word:${value}` : ''
    if (wordFeatures.size < 50_000) wordFeatures.set(value, name)
  }
  return name || undefined
}

export interface Prediction {
  section: string
  probability: number
  /** The features that weighed most for the section chosen, strongest first. */
  because: Array<{feature: string; weight: number}>
}

/**
 * The model's section for a note among those the profile has, with its
 * probability and the features that weighed most for it.
 */
export function predict(model: PlacementModel, features: Features, allowed: (section: string) => boolean): Prediction | undefined {
  const scores = model.bias.slice()
  for (const [name, value] of features) {
    const row = model.weights[name]
    if (!row) continue
    for (let index = 0; index < scores.length; index++) scores[index]! += row[index]! * value
  }
  let best = -1
  for (let index = 0; index < scores.length; index++) {
    if (!allowed(model.classes[index]!)) continue
    if (best < 0 || scores[index]! > scores[best]!) best = index
  }
  if (best < 0) return undefined
  let total = 0
  const top = scores[best]!
  for (let index = 0; index < scores.length; index++) if (allowed(model.classes[index]!)) total += Math.exp(scores[index]! - top)
  const because: Array<{feature: string; weight: number}> = []
  for (const [name, value] of features) {
    const row = model.weights[name]
    if (!row) continue
    // What the feature adds to this section beyond its mean over the sections.
    const mean = row.reduce((sum, weight) => sum + weight, 0) / row.length
    const weight = (row[best]! - mean) * value
    // What the note is and how long it is weigh little and say nothing an editor would give as a reason.
    if (weight >= 0.05 && !/^(?:kind|source|length):/.test(name)) because.push({feature: name, weight})
  }
  because.sort((a, b) => b.weight - a.weight)
  return {section: model.classes[best]!, probability: 1 / total, because: namedOnce(because).slice(0, 4)}
}

/**
 * The note's own words are summed as one reason, its headings' as another:
 * a word out of its sentence must not reach the report's JSON or --explain
 * (a participant's name that is also a word is only safe in its context).
 */
function namedOnce(because: Array<{feature: string; weight: number}>): Array<{feature: string; weight: number}> {
  const output: Array<{feature: string; weight: number}> = []
  const sums = new Map<string, {feature: string; weight: number}>()
  for (const entry of because) {
    const group = entry.feature.startsWith('word:') ? 'words' : /^(?:heading|parent-heading|caption)-word:/.test(entry.feature) ? 'heading-words' : undefined
    if (!group) {
      output.push(entry)
      continue
    }
    const sum = sums.get(group)
    if (sum) sum.weight += entry.weight
    else {
      const created = {feature: group, weight: entry.weight}
      sums.set(group, created)
      output.push(created)
    }
  }
  return output.sort((a, b) => b.weight - a.weight)
}

/** Whether the model was trained for this profile's sections: every class is a section of it. */
export function fitsProfile(model: PlacementModel, profile: Profile): boolean {
  return model.classes.every((id) => profile.sections.some((section) => section.id === id))
}

/**
 * Words that say nothing of a note's section, as stems: function words and
 * talk (`about`, `really`, `said`). Negations, `should` and the question
 * words stay: they do say something.
 */
const fillerStems = new Set(
  'about after again all also am any been before being but did does each even every get got had has have he her here him his i into just know like lot more most mostly much my now one only other out over quite really said say says she some someone something such than that then there these thing things think those through too very was were when where which while who will well yes yet'
    .split(' ')
    .concat([...stopWords])
    .map((word) => stem(word)),
)

/** A stem that may say something of the note's section. */
function topical(value: string): boolean {
  return value.length > 2 && !stopWords.has(value) && !fillerStems.has(value) && !/^\d+$/.test(value)
}


/** Readable feature names for `--explain`: `heading:what-works` → `heading matches What works`. */
export function describeFeature(name: string, profile: Profile): string {
  const title = (id: string) => profile.sections.find((section) => section.id === id)?.title ?? id
  const [kind, ...rest] = name.split(':')
  const value = rest.join(':')
  switch (kind) {
    case 'words':
      return 'its words'
    case 'heading-words':
      return 'its headings’ words'
    case 'heading':
    case 'parent-heading':
    case 'caption':
      return `${kind.replace('-', ' ')} matches ${title(value)}`
    case 'keywords':
    case 'heading-keywords':
      return `${kind === 'keywords' ? 'keywords' : 'heading keywords'} of ${title(value)}`
    case 'neighbours':
      return `neighbours in ${title(value)}`
    case 'signal':
      return rest.length > 1 ? `${rest[0]} (${rest.slice(1).join(':')})` : `${value} wording`
    case 'opens-with-place':
      return 'opens with a place that did something'
    case 'question':
      return 'a question'
    case 'asked-column':
      return 'a row of a question column'
    case 'link':
      return 'a link'
    case 'link:titled':
      return 'a title and its link'
    case 'heading-question':
      return 'under a questions heading'
    case 'heading-signal':
      return `heading says ${value}`
    case 'rules':
      return `the rules chose ${title(value)}`
    case 'rules-by':
      return `the rules' ${rest[0]} chose ${title(rest.slice(1).join(':'))}`
    default:
      return name
  }
}
