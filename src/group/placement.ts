/**
 * Where a note goes, and why, using every signal an editor uses, strongest
 * first:
 *   1. its hashtags;
 *   2. the heading it sits under, nearest first (loosely matched aliases);
 *   3. keyword rules (stemmed, weighted) reaching the threshold;
 *   4. for a question: the questions section;
 *   5. its wording (`signals.ts`: a need, a practice, a leadership point, a
 *      named example, a link), added to its keywords and to what its
 *      headings say, reaching the threshold;
 *   6. its neighbours: the notes under the same heading, when most of them
 *      went to one section;
 *   7. the best weak evidence it has, said to be weak;
 * and only a note with no evidence at all goes to the profile's fallback
 * ("Further insights"), with why.
 *
 * `placeNote` places one note alone (steps 1–5, 7); a `Placer` places a
 * file's notes together, so that step 6 can look at the neighbours.
 */
import type {Placement} from '../types.js'
import {aliasMatch, scoreKeywords, type KeywordScore} from './keywords.js'
import type {Profile, ProfileSection} from './profile.js'
import type {NoteHeading} from './segment.js'
import {describeFeature, fitsProfile, placementFeatures, predict, usesShape, type Features, type NeighbourShares, type PlacementModel} from './placement-model.js'
import {placementModel, trainedMode} from './placement-weights.js'
import {boardColumn, readSignals, type SignalHit} from './signals.js'
import {headingMeaning, type HeadingMeaning} from './heading-lexicon.js'
import {asksTheReader} from './questions.js'
import type {NoteText} from './note-text.js'

export interface PlacementInput {
  tags: string[]
  headings: NoteHeading[]
  /** Stems of the note's text and its sub-bullets'. */
  stems: string[]
  /** Whether the note is a question. */
  question: boolean
  /** The note's text (sub-bullets included), for its wording; absent, wording is not read. */
  text?: string
  /** The note's own first line as written, and its line: a note that continues the one before it goes with it. */
  own?: {text: string; line: number}
  /** What the note is (`note`, `question`, `quote`) and where it was written (`list`, `table`, …): features of the model. */
  kind?: string
  source?: string
  /** A table row whose column is a question (`Question`, `Q`): the row asks it. */
  asked?: boolean
  /** The record of `text` (`note-text.ts`), when the note has one: its words, stems and signals, read once for every pass. */
  record?: NoteText
}

export interface PlacementResult {
  placement: Placement
  /** Keyword scores for every section with a hit, highest first (used for strength). */
  scores: KeywordScore[]
}

/** Evidence for one section from the wording, keywords and headings together. */
interface Evidence {
  section: string
  score: number
  why: string[]
}

/** A heading's signals count this much of a note's own. */
const headingShare = 0.5
/** A signal counts at most this much, however many of its recognisers fire. */
const signalCap = 3

export function placeNote(input: PlacementInput, profile: Profile): PlacementResult {
  const decided = decide(input, profile)
  if (decided.placement) return {placement: decided.placement, scores: decided.scores}
  return {placement: lastResort(decided.evidence, profile, 'no neighbours were considered'), scores: decided.scores}
}

interface Decision {
  placement?: Placement
  scores: KeywordScore[]
  evidence: Evidence[]
  /** Placed by a caption (`Workforce and culture` over its points), not a heading: the model may weigh it. */
  caption?: boolean
  /** A question put to the reader: a question wherever it was written, as a hashtag would say. */
  toReader?: boolean
  /** Placed by what a heading means, not by an alias the profile names: the model may weigh it. */
  meaning?: boolean
}

function decide(input: PlacementInput, profile: Profile): Decision {
  const scores = scoreKeywords(input.stems, profile.keywordIndex, profile.order)
  const done = (placement: Placement): Decision => ({placement, scores, evidence: []})

  for (const tag of input.tags) {
    const section = profile.sections.find((candidate) => candidate.tags.includes(tag))
    if (section) return done({section: section.id, rule: 'hashtag', reason: `tagged #${tag}`})
  }

  // `What would your service look like if…?`: a question put to the reader is a question, under whatever heading
  // (a board's `Longed for`, `Further reading`) it was written.
  const questions = profile.sections.find((section) => section.role === 'questions')
  if (questions && input.question && asksTheReader(input.own?.text ?? input.text ?? '')) {
    return {...done({section: questions.id, rule: 'question', reason: 'a question put to the reader (you, your), wherever it was written'}), toReader: true}
  }

  for (const heading of input.headings) {
    if (heading.title) continue
    const best = headingSection(heading, profile)
    // A statement or a link under "Questions / ideas" is not a question to the reader: its wording places it.
    if (best && !input.question && roleOf(profile, best.section) === 'questions') break
    // A board's column (`Went well`, `Sunshine`) says which way a note points, not that it is no story of one place.
    // Nor does `What works`: a story of one place under it is still an example (`One council used…` under `What worked`).
    if (best && (best.column || profile.sections.find((section) => section.id === best.section)?.signals.includes('practice')) && story(input, profile)) break
    // A question under a heading read by its meaning (`Next steps`, `Challenges`) is a question first.
    if (best && best.meaning && input.question) break
    if (best) {
      const what = heading.caption ? 'caption' : 'heading'
      return {...done({section: best.section, rule: 'heading', reason: `under the ${what} “${heading.text}” (matches “${best.alias}”)`}), ...(heading.caption ? {caption: true} : {}), ...(best.meaning ? {meaning: true} : {})}
    }
  }

  // `Learning and Work Institute survey https://…`: a title and its link is a recommendation, whatever its words.
  const resources = input.text !== undefined && !input.question ? profile.sections.find((section) => section.signals.includes('link')) : undefined
  if (resources && /(?:https?:\/\/|www\.)\S/i.test(input.text!) && wordCount(input.text!.replace(urlPattern, ' ')) <= 8) {
    return done({section: resources.id, rule: 'wording', reason: 'a title and its link, nothing more: a resource participants recommended'})
  }
  if (resources && signalsOf(input).get('link')?.hits.some((hit) => hit.name === 'a publication named')) {
    return done({section: resources.id, rule: 'wording', reason: 'a publication named on its own line (publisher, title, year): a resource participants recommended'})
  }

  // `A combined authority pooled…`, `In one unitary authority, …`: a story of a place is an example, whatever its topic;
  // `Calderdale's flood resilience scheme paid for…`, `Look at how Newport's prevention team…`: so is a named place's or
  // body's own programme.
  const told = story(input, profile)
  if (told) return done({section: told.section, rule: 'wording', reason: told.why})

  const top = scores[0]
  const threshold = input.question ? profile.questionThreshold : profile.keywordThreshold
  if (top && top.score >= threshold) {
    const terms = top.hits.map((hit) => `${hit.term} ${formatNumber(hit.weight)}`).join(' + ')
    const runnerUp = scores[1]
    const close = runnerUp && runnerUp.score === top.score ? `, tied with ${titleOf(profile, runnerUp.section)}: first in the profile wins` : ''
    return done({section: top.section, rule: 'keyword', reason: `keywords ${terms} = ${formatNumber(top.score)}${close}`, score: top.score})
  }

  if (input.question && questions) {
    return done({section: questions.id, rule: 'question', reason: 'a question, and no hashtag, heading or keyword placed it'})
  }

  const evidence = weigh(input, scores, profile)
  const best = evidence[0]
  if (best && best.score >= profile.keywordThreshold) {
    return {placement: {section: best.section, rule: 'wording', reason: `${best.why.join(' + ')} = ${formatNumber(best.score)}`, score: best.score}, scores, evidence}
  }
  return {scores, evidence}
}

/** A story of one place, whatever its topic: the section that takes examples, and why. */
function story(input: PlacementInput, profile: Profile): {section: string; why: string} | undefined {
  if (input.text === undefined || input.question) return undefined
  const examples = profile.sections.find((section) => section.signals.includes('example'))
  if (!examples) return undefined
  // `One participant: in one council…`, `One participant's example: a transit site…`: who told it does not change what it is.
  const told = (input.own?.text ?? input.text).replace(toldBy, '')
  if (told.length < (input.own?.text ?? input.text).length && /^(?:(?:'|’)s )?example\b/i.test((input.own?.text ?? input.text).replace(teller, ''))) return {section: examples.id, why: 'it is said to be an example'}
  const own = told
  if (placeOpening.test(own) || namedPlaceOpening.test(own)) return {section: examples.id, why: 'it opens with a place that did something: a story of one place is an example'}
  if ((own.includes("'s ") || own.includes('’s ')) && namedScheme.test(own.replace(exampleLead, ''))) return {section: examples.id, why: 'it opens with a named place’s or body’s own scheme, team or trial: a story of one place is an example'}
  return undefined
}

/** Keywords, the note's wording and its headings' words, per section, highest first. */
function weigh(input: PlacementInput, scores: KeywordScore[], profile: Profile): Evidence[] {
  const bySection = new Map<string, Evidence>()
  const add = (section: string, score: number, why: string) => {
    const entry = bySection.get(section) ?? {section, score: 0, why: []}
    entry.score += score
    entry.why.push(why)
    bySection.set(section, entry)
  }
  for (const score of scores) add(score.section, score.score, `keywords ${score.hits.map((hit) => hit.term).join(', ')} ${formatNumber(score.score)}`)
  if (input.text !== undefined) {
    const own = signalsOf(input)
    for (const section of profile.sections) {
      for (const signal of section.signals) {
        const found = own.get(signal)
        if (found) add(section.id, Math.min(found.score, signalCap), `${signal} (${names(found.hits)}) ${formatNumber(Math.min(found.score, signalCap))}`)
      }
    }
    const heading = input.headings.find((entry) => !entry.caption) ?? input.headings[0]
    if (heading) {
      const said = headingSignals(heading)
      for (const section of profile.sections) {
        for (const signal of section.signals) {
          const found = said.get(signal)
          if (found) add(section.id, Math.min(found.score, signalCap) * headingShare, `heading “${heading.text}” says ${signal} ${formatNumber(Math.min(found.score, signalCap) * headingShare)}`)
        }
      }
      for (const score of headingKeywords(heading, profile)) add(score.section, score.score * headingShare, `heading “${heading.text}” keywords ${formatNumber(score.score * headingShare)}`)
    }
  }
  const order = profile.order
  return [...bySection.values()].sort((a, b) => b.score - a.score || (order.get(a.section) ?? 0) - (order.get(b.section) ?? 0))
}

function names(hits: SignalHit[]): string {
  return hits.map((hit) => hit.name).join(', ')
}

/** The signals of a note's wording, read once for the rules and the model. */
const signalCache = new WeakMap<PlacementInput, ReturnType<typeof readSignals>>()
function signalsOf(input: PlacementInput): ReturnType<typeof readSignals> {
  let found = signalCache.get(input)
  if (!found) signalCache.set(input, (found = input.record !== undefined && input.record.said === input.text ? input.record.signals : readSignals(input.text ?? '')))
  return found
}

/** Headings repeat within a file (`What works` per session) and across a batch: each is read once, by its text. */
const headingSignalCache = new Map<string, ReturnType<typeof readSignals>>()
function headingSignals(heading: NoteHeading): ReturnType<typeof readSignals> {
  let found = headingSignalCache.get(heading.text)
  if (!found) remember(headingSignalCache, heading.text, (found = readSignals(heading.text)))
  return found
}

/** A cache of headings by text, bounded: a long batch of notes does not grow it without end. */
export function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= 5000) cache.clear()
  cache.set(key, value)
}

const headingKeywordCache = new WeakMap<Profile, Map<string, KeywordScore[]>>()
function headingKeywords(heading: NoteHeading, profile: Profile): KeywordScore[] {
  let cache = headingKeywordCache.get(profile)
  if (!cache) headingKeywordCache.set(profile, (cache = new Map()))
  let found = cache.get(heading.text)
  if (!found) remember(cache, heading.text, (found = scoreKeywords(heading.stems, profile.keywordIndex, profile.order)))
  return found
}

/** The best weak evidence, said to be weak; with none, the fallback and why. */
function lastResort(evidence: Evidence[], profile: Profile, neighbours: string): Placement {
  const best = evidence[0]
  if (best && best.score > 0) {
    return {section: best.section, rule: 'wording', reason: `weak evidence only: ${best.why.join(' + ')} = ${formatNumber(best.score)}, below ${formatNumber(profile.keywordThreshold)}; ${neighbours}`, score: best.score}
  }
  return {
    section: profile.fallback.id,
    rule: 'fallback',
    reason: `no hashtag, heading, keyword or wording points to a section, and ${neighbours}`,
  }
}

/**
 * Places a file's notes together: each alone first, then the ones nothing
 * placed by their neighbours under the same heading, then by weak evidence.
 */
export class Placer<T> {
  readonly #profile: Profile
  readonly #entries: Array<{value: T; input: PlacementInput; decision: Decision}> = []
  readonly #model: PlacementModel | undefined
  readonly #mode: PlacementMode

  /**
   * `model`: the learned placement (default: the committed weights, when
   * they were trained for this profile's sections); `false` for the rules
   * alone. `mode`: `model` decides every note a hashtag does not;
   * `hybrid` keeps the heading rule before it.
   */
  constructor(profile: Profile, options: {model?: PlacementModel | false; mode?: PlacementMode} = {}) {
    this.#profile = profile
    const model = options.model === undefined ? (rulesOnly ? undefined : placementModel) : options.model || undefined
    this.#model = model && model.classes.length > 0 && fitsProfile(model, profile) ? model : undefined
    this.#mode = options.mode ?? trainedMode
  }

  add(value: T, input: PlacementInput): void {
    const room = input.headings.find((candidate) => !candidate.caption) ?? input.headings[0]
    if (room && typeof value === 'object' && value !== null) rooms.set(value, room)
    this.#entries.push({value, input, decision: decide(input, this.#profile)})
  }

  /**
   * Every note added, with where it goes, in the order added; a note that
   * continues the note right before it (`the first year found 400
   * households…`, `it halved…`) goes with it, as its sub-point (`parent`).
   */
  settle(): Array<{value: T; parent?: T} & PlacementResult> {
    const groups = new Map<NoteHeading | undefined, number[]>()
    this.#entries.forEach((entry, index) => {
      const heading = entry.input.headings.find((candidate) => !candidate.caption) ?? entry.input.headings[0]
      const list = groups.get(heading) ?? []
      list.push(index)
      groups.set(heading, list)
    })
    const placements = this.#entries.map((entry) => entry.decision.placement)
    for (const [heading, members] of groups) {
      const counts = new Map<string, number>()
      let placed = 0
      for (const index of members) {
        const placement = placements[index]
        if (!placement || !this.#countsAsNeighbour(placement)) continue
        placed++
        counts.set(placement.section, (counts.get(placement.section) ?? 0) + 1)
      }
      const [leader, votes] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? []
      for (const index of members) {
        if (placements[index]) continue
        const entry = this.#entries[index]!
        const where = heading?.text ? `under “${heading.text}”` : heading ? "under the same heading" : "before the first heading"
        if (leader !== undefined && votes! * 2 > placed && votes! >= 2 && !entry.input.question) {
          placements[index] = {section: leader, rule: 'neighbours', reason: `its neighbours ${where} went to ${titleOf(this.#profile, leader)} (${votes} of ${placed} placed)`}
        } else if (entry.decision.evidence.every((evidence) => evidence.score <= 0) && plurality(counts) !== undefined && !entry.input.question) {
          // Nothing of its own, and no majority: the section most of its neighbours went to, before the catch-all.
          const most = plurality(counts)!
          placements[index] = {section: most, rule: 'neighbours', reason: `nothing in it points to a section; most of its neighbours ${where} went to ${titleOf(this.#profile, most)} (${counts.get(most)} of ${placed} placed, the most of any section)`}
        } else {
          const why = placed === 0 ? `none of its neighbours ${where} was placed` : `its neighbours ${where} were split (${[...counts.entries()].map(([id, count]) => `${count} in ${titleOf(this.#profile, id)}`).join(', ')})`
          placements[index] = lastResort(entry.decision.evidence, this.#profile, why)
        }
      }
    }
    if (this.#model || tracer) this.#learned(groups, placements)
    const parents: Array<T | undefined> = []
    /** The note a sub-point hangs from: a sub-point of a sub-point goes under the same subject. */
    const rootOf = (index: number): number => {
      let at = index
      while (parents[at] !== undefined) at = this.#entries.findIndex((entry) => entry.value === parents[at])
      return at
    }
    this.#entries.forEach((entry, index) => {
      const own = entry.input.own
      if (!own) return
      const said = own.text.replace(reportedSpeech, '')
      const pronoun = continuation.test(said)
      const definite = !pronoun ? definiteNoun.exec(said)?.[1]?.toLowerCase() : undefined
      if (!pronoun && !definite) return
      // Its subject: of the two notes before it under the same heading, the one it shares most words with (the nearer on a tie);
      // `the veto …` goes with the note that brought in `a veto`.
      const words = new Set(entry.input.stems.filter((value) => value.length > 3))
      let subject: number | undefined
      let introduced: number | undefined
      let shared = -1
      for (let back = index - 1; back >= Math.max(0, index - 2); back--) {
        const before = this.#entries[back]!
        if (!before.input.own || before.input.headings[0] !== entry.input.headings[0] || own.line - before.input.own.line > 3) break
        if (definite) {
          const broughtIn = introduces(definite).test(before.input.own.text)
          // `- … #example` then `- the outreach letter is … #example`: typed in lower case under the note before, with its tag.
          const typedOn = back === index - 1 && /^\s*the\b/.test(said) && entry.input.tags.length > 0 && entry.input.tags.some((tag) => before.input.tags.includes(tag))
          if (!broughtIn && !typedOn) continue
          subject = rootOf(back)
          introduced = back
          break
        }
        // A note already under another goes there too: the subject is the note at the top.
        const candidate = rootOf(back)
        const count = this.#entries[candidate]!.input.stems.filter((value) => words.has(value)).length
        if (count > shared) [subject, shared] = [candidate, count]
      }
      if (subject === undefined) return
      // A hashtag decides where a note goes: it joins its subject only where the tag sends it anyway.
      const tagged = entry.input.tags.length > 0 || placements[index]!.rule === 'hashtag'
      if (tagged && (!definite || placements[index]!.section !== placements[subject]!.section)) return
      const why = definite ? `its “the ${definite}” is the one the note on line ${this.#entries[introduced ?? subject]!.input.own!.line} is about` : `continues the note on line ${this.#entries[subject]!.input.own!.line}`
      placements[index] = {section: placements[subject]!.section, rule: tagged ? placements[index]!.rule : 'neighbours', reason: tagged ? `${placements[index]!.reason}; ${why}, and goes with it as its sub-point` : `${why}, and goes with it as its sub-point`}
      parents[index] = this.#entries[subject]!.value
    })
    return this.#entries.map((entry, index) => ({value: entry.value, ...(parents[index] === undefined ? {} : {parent: parents[index]}), placement: placements[index]!, scores: entry.decision.scores}))
  }

  /**
   * The learned placement of every note no hashtag placed (in `hybrid`
   * mode, no heading either), over the rules' signals as features, its
   * words and its neighbours' sections as the rules placed them alone. A
   * note with no evidence at all keeps the rules' last resort.
   */
  #learned(groups: Map<NoteHeading | undefined, number[]>, placements: Array<Placement | undefined>): void {
    const profile = this.#profile
    const shares = new Map<number, NeighbourShares>()
    for (const members of groups.values()) {
      const counted = members.map((index) => {
        const placement = this.#entries[index]!.decision.placement
        return placement && this.#countsAsNeighbour(placement) ? placement.section : undefined
      })
      members.forEach((index, at) => {
        const counts: NeighbourShares = new Map()
        let placed = 0
        counted.forEach((section, other) => {
          if (other === at || section === undefined) return
          placed++
          counts.set(section, (counts.get(section) ?? 0) + 1)
        })
        for (const [section, count] of counts) counts.set(section, count / placed)
        shares.set(index, counts)
      })
    }
    const allowed = (id: string) => profile.sections.some((section) => section.id === id)
    this.#entries.forEach((entry, index) => {
      const rules = placements[index]!
      const decidedBy = entry.decision.placement?.rule
      const model = this.#model
      // A story of a place, or one a panellist told, is an example whatever its topic: the topic's words must not move it.
      // So is a title and its link, or a publication named on its own line: a resource, whatever its topic.
      const story = decidedBy === 'wording' && profile.sections.find((section) => section.id === entry.decision.placement!.section)?.signals.some((signal) => signal === 'example' || signal === 'link') === true
      const stands = decidedBy === 'hashtag' || story || entry.decision.toReader === true || (this.#mode !== 'model' && decidedBy === 'heading' && entry.decision.meaning !== true && !(this.#mode === 'headings' && entry.decision.caption))
      const asked = model !== undefined && !stands
      // A note a hashtag or a named heading placed never needs its features (read only for training).
      if (!asked && !tracer) return
      const adjacent = {previous: this.#entries[index - 1]?.decision.placement?.section, next: this.#entries[index + 1]?.decision.placement?.section, opening: index < 2}
      const features = placementFeatures(entry.input, profile, shares.get(index), {scores: entry.decision.scores, signals: entry.input.text === undefined ? undefined : signalsOf(entry.input), shape: tracer !== undefined || (model !== undefined && usesShape(model))}, adjacent)
      let chosen = rules
      if (model && asked && hasEvidence(features)) {
        const prediction = predict(model, model.rules ? withRules(features, rules) : features, allowed)
        const alone = entry.decision.placement
        if (prediction && (alone || (model.deferToNeighbours && rules.rule === 'neighbours')) && model.defer !== undefined && prediction.probability < model.defer) {
          // Unsure, and the rules placed it on its own evidence: theirs stands, saying what the model thought.
          chosen = {...rules, reason: `${rules.reason}; the learned placement was only ${Math.round(prediction.probability * 100)}% sure (of ${titleOf(profile, prediction.section)})`}
        } else if (prediction && rules.rule === 'fallback' && (prediction.probability < unsure || prediction.because.every((entry) => entry.feature === 'words' || entry.feature.startsWith('position:')))) {
          // Nothing the rules read, and a guess: the catch-all, with the rules' reason (the model's was no better than a
          // guess, or rested on words alone, the note's and its headings', or on its place in the file, with no heading that
          // matched, no neighbour and no wording behind them).
          chosen = rules
        } else if (prediction) {
          const because = prediction.because.map((entry) => `${describeFeature(entry.feature, profile)} ${formatNumber(entry.weight)}`).join(', ')
          const rulesSaid = rules.section === prediction.section ? 'the rules agree' : `the rules alone said ${titleOf(profile, rules.section)} (${rules.rule})`
          chosen = {section: prediction.section, rule: 'model', reason: `learned placement, ${Math.round(prediction.probability * 100)}% sure: ${because || 'the sections’ base rates'}; ${rulesSaid}`, score: prediction.probability}
        }
      }
      tracer?.({profile: profile.id, value: entry.value, input: entry.input, features, alone: entry.decision.placement, caption: entry.decision.caption, meaning: entry.decision.meaning, toReader: entry.decision.toReader, rules, placement: chosen})
      placements[index] = chosen
    })
  }

  /** Neighbours vote with what placed them on their own: questions and links say nothing of the topic. */
  #countsAsNeighbour(placement: Placement): boolean {
    const section = this.#profile.sections.find((entry) => entry.id === placement.section)
    return section !== undefined && section.role !== 'questions' && section.role !== 'resources' && section.role !== 'key' && placement.rule !== 'question'
  }
}

/**
 * `model`: the learned placement decides every note no hashtag placed; `hybrid`: a heading or caption the
 * profile names places its notes first; `headings`: a heading does, a caption (a title line over points) is
 * one more feature.
 */
export type PlacementMode = 'model' | 'hybrid' | 'headings'

/** What the Placer saw and decided for one note: for training the model (`scripts/train-placement.mjs`). */
export interface PlacementTrace {
  profile: string
  value: unknown
  input: PlacementInput
  features: Features
  /** The rules' decision for the note alone (none: it needed its neighbours or the last resort). */
  alone?: Placement
  /** That decision was a caption's. */
  caption?: boolean
  /** That decision was a heading's read by its meaning (the model weighs it). */
  meaning?: boolean
  /** That decision was a question put to the reader's (it stands, as a hashtag does). */
  toReader?: boolean
  /** The rules' placement, neighbours included. */
  rules: Placement
  /** The placement the Placer chose. */
  placement: Placement
}

let tracer: ((trace: PlacementTrace) => void) | undefined
let rulesOnly = false

/** Runs `fn` with every Placer made in it placing by the rules alone: to test the rules, and to measure them beside the model. */
export function withRulesOnly<T>(fn: () => T): T {
  const before = rulesOnly
  rulesOnly = true
  try {
    return fn()
  } finally {
    rulesOnly = before
  }
}

/** Calls `callback` for every note a Placer settles (none: stop). For training and measuring only. */
export function tracePlacements(callback: ((trace: PlacementTrace) => void) | undefined): void {
  tracer = callback
}

/** Unless the model thinks it more likely right than wrong, a note the rules found nothing in stays in the catch-all. */
const unsure = 0.5

/** The features and the rules' placement as two more: the model learns when to trust them. */
function withRules(features: Features, rules: Placement): Features {
  return new Map([...features, [`rules:${rules.section}`, 1], [`rules-by:${rules.rule}:${rules.section}`, 1]])
}

/** Any feature that says something of the note's section, beyond its length and kind. */
function hasEvidence(features: Features): boolean {
  // Where a note stands in the file (`position:opening`) is no evidence of what it says.
  for (const name of features.keys()) if (!/^(?:length:|kind:|source:|position:|no-heading$|ends-\?$)/.test(name)) return true
  return false
}

/**
 * A note that cannot stand alone: it starts by pointing back at the note
 * before it (`the first year found…`, `it halved…`, `this meant…`).
 */
const continuation = /^\s*(?:the (?:first|second|third|next|last|following) (?:year|month|week|time|phase|round|pilot)\b|(?:it|this|that|these|those|which)\s+(?!is\b|are\b|was\b|were\b)|they (?:also|then|found|saw|got)\b|(?:and|but|so|then|since then|as a result|results?)\b[\s,:])/i

/** `One participant said the veto…` → `the veto…`: who said it does not change what it is about. */
const reportedSpeech = /^\s*(?:(?:one|a|another) participant|participants|one councillor)(?:(?:'|’)s)? (?:said|noted|added|explained|reckons|thinks|felt|pointed out)(?: that)?\s+/i

/**
 * A note about something the note before it brought in: `the veto has been
 * used twice` after `the panel has a veto on any tender`. Only nouns that
 * name one thing of that story; the words every note uses are not enough.
 */
const definiteNoun = /^\s*the (?!(?:council|councils|area|team|government|report|day|room|session|group|people|public|sector|rest|same|other|first|second|last|next|main|big|key|real|whole|best|worst|problem|issue|point|answer|question|money|budget|idea|way|need)\b)(?:[\p{L}][\p{L}-]+ ){0,2}?([\p{L}][\p{L}-]{2,})\b(?= (?:has|have|had|is|was|were|are|been|now|then|also|still|only|meant|worked|cut|saved|used|got|became|takes|took|runs|ran|gives|gave)\b)/iu

/** `a … veto`: the note that brings in the thing a later `the veto` is about (one pattern per noun, made once). */
const introducing = new Map<string, RegExp>()
function introduces(noun: string): RegExp {
  let pattern = introducing.get(noun)
  if (!pattern) {
    pattern = new RegExp(`\\b(?:a|an)\\s+(?:[\\p{L}-]+\\s+){0,3}${noun}\\b`, 'iu')
    if (introducing.size < 1000) introducing.set(noun, pattern)
  }
  return pattern
}

/** The heading (session, table, room) each placed note was written under. */
const rooms = new WeakMap<object, NoteHeading>()

/** The heading a note placed by a `Placer` was written under: its session or room. */
export function roomOf(value: object): NoteHeading | undefined {
  return rooms.get(value)
}

interface HeadingMatch {
  section: string
  alias: string
  score: number
  /** Matched as a board's column (`Stop`, `Went well`), not by an alias the profile names. */
  column?: boolean
  /** Matched by what the heading means (`heading-lexicon.ts`): the learned placement weighs it, as a feature. */
  meaning?: boolean
}

/** Headings repeat (the notes under one, a session's `What works` in every file): match each text once per profile. */
const headingCache = new WeakMap<Profile, Map<string, HeadingMatch | null>>()

/** The section whose alias matches the heading with the most words; the first in the profile on a tie. */
export function headingSection(heading: NoteHeading, profile: Profile): HeadingMatch | undefined {
  let cache = headingCache.get(profile)
  if (!cache) headingCache.set(profile, (cache = new Map()))
  const cached = cache.get(heading.text)
  if (cached !== undefined) return cached ?? undefined
  let best: HeadingMatch | undefined
  for (const section of profile.sections) {
    section.headingStems.forEach((alias, index) => {
      const score = aliasMatch(heading.stems, alias)
      if (score > 0 && (!best || score > best.score)) best = {section: section.id, alias: section.headings[index]!, score}
    })
  }
  // A retrospective's or a board's column (`Stop`, `Start`, `Continue`, `Areas for development`): the facilitator's
  // own filing, into the section that takes needs or the one that takes practice.
  const column = best ? undefined : boardColumn(heading.text)
  if (column) {
    const section = profile.sections.find((entry) => entry.signals.includes(column === 'change' ? 'need' : 'practice'))
    if (section) best = {section: section.id, alias: column === 'change' ? 'a column of what to change' : 'a column of what works', score: 1, column: true}
  }
  // A short heading no alias names, read by what it means (`Round 2: what gets in the way`, `Refs`, `Enablers`).
  const meaning = best ? undefined : headingMeaning(heading.text)
  const meant = meaning ? sectionFor(meaning, profile) : undefined
  if (meant) best = {section: meant.id, alias: `a heading of ${meaningNames[meaning!]}`, score: 1, ...(meaning !== 'question' && meaning !== 'resource' ? {column: true, meaning: true} : {})}
  remember(cache, heading.text, best ?? null)
  return best
}

/**
 * The profile's section for what a heading means: by its role (questions, resources) or the signal it takes. Only a
 * section the profile files notes into by their headings (it names some): a leaflet's checklist that gathers its
 * questions from the action areas (no headings of its own) takes none by a heading's meaning.
 */
function sectionFor(meaning: HeadingMeaning, profile: Profile): ProfileSection | undefined {
  const filed = profile.sections.filter((section) => section.headings.length > 0)
  if (meaning === 'question') return filed.find((section) => section.role === 'questions')
  if (meaning === 'resource') return filed.find((section) => section.role === 'resources') ?? filed.find((section) => section.signals.includes('link'))
  return filed.find((section) => section.signals.includes(meaning))
}

const meaningNames: Record<HeadingMeaning, string> = {question: 'questions', resource: 'resources', need: 'what to change', practice: 'what works', leadership: 'culture and leadership', example: 'examples'}

/**
 * A note that opens with the place that did something, as the anonymiser
 * leaves it or as a shared name: `A combined authority pooled…`, `In one
 * unitary authority, a hub…`, `A coastal town's library teaches…`,
 * `A regional partnership of six councils commissions…`.
 */
export const placeOpening = /^\s*(?:in |at )?(?:one|a|an|another) (?:[\p{Ll}-]+ ){0,2}(?:council|county|borough|district|combined authority|unitary(?: authority)?|authority|city|town|partnership)(?:(?:'|’)s)?(?: (?:of|in) [\p{L}\d -]{1,30}?)?,? (?!centres?\b|is\b|are\b|was\b|were\b|should\b|could\b|would\b|might\b|needs?\b|has to\b|have to\b|can(?:not|'t|’t)?\b)\p{L}/iu

/** An anonymised teller before a note (`One participant:`, `Per one participant –`, `One participant said`, `One participant's example:`). */
const teller = /^\s*(?:[-–—•▸*o]\s+)?(?:per |from )?(?:one|a|another) (?:participant|panellist|speaker|delegate|attendee|member)/i
const toldBy = new RegExp(`${teller.source}(?:(?:'|’)s (?:example|point|view|story|data))?\\s*(?:said(?: that)?|told us|described|explained)?\\s*[:,–—-]?\\s*`, 'i')

/**
 * A story of a named place, opening the note: `In Scotland youth work sits…`, `In Leeds we added it…`. Not a month, a
 * day or a phrase (`In practice`, `In September`).
 */
const namedPlaceOpening = /^\s*(?:[Ii]n|[Aa]t) (?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Practice|Theory|Future|Short|Total|General|Particular|Fact|Addition|Summary|Part|Year|The|Our|My|Your|Their|This|That|Each|Every|Some|Most|Many|All|Any|Other|Terms|Order|Principle|Reality|Fairness|Response)\b)[A-Z][\p{Ll}'’-]+(?: [A-Z][\p{Ll}'’-]+)?,? (?:we|they|the|a|an|it|[\p{Ll}-]+ (?:work|services?|teams?|councils?|is|are|was|were|has|have|sits?|runs?))\b/u

/**
 * A named place's or body's own programme, opening the note: a capitalised name in the possessive and, within a
 * few words, what it runs (`Calderdale's property flood resilience scheme`, `South Cambridgeshire's trial`).
 * Not `The DWP's offer` (an institution's, usually a complaint), nor a possessive that names no one
 * (`Children's services team`, `People's`).
 */
const namedScheme = /^(?!(?:The|Children|People|Women|Men|Young|Today|Everyone|Nobody|Someone|Council|Government|Members?|Residents?|Tenants?|Carers?|Parents?|Famil(?:y|ies)|Staff|Officers?|Our|Their|My|Your|His|Her|Its)\b)(?:[A-Z][\p{L}'’-]+\s){0,3}[A-Z][\p{L}-]+(?:'s|’s)\s+(?:[\p{L}-]+\s){0,3}(?:scheme|programme|trial|pilot|hub|team|service|fund|network|project|model|approach|partnership|panel|initiative|strategy|offer|campaign)\b/u
/** What may come before the name: a paragraph number, a sticky's tag, `Example:`, `Look at how`. */
const exampleLead = /^\s*(?:\[[^\]]{1,30}\]\s*|\d+(?:\.\d+)*[.)/]?\s+|[-–—•▸*]\s*|(?:e\.g\.|example|for example|look at how|see how|like)[:,]?\s+)*/i

export const urlPattern = /(?:https?:\/\/|www\.)\S+/gi
export const wordCount = (text: string) => text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length

/** The section with strictly the most votes, at least two; none on a tie. */
function plurality(counts: Map<string, number>): string | undefined {
  const [first, second] = [...counts.entries()].sort((a, b) => b[1] - a[1])
  return first && first[1] >= 2 && (!second || second[1] < first[1]) ? first[0] : undefined
}

function roleOf(profile: Profile, id: string): string | undefined {
  return profile.sections.find((entry) => entry.id === id)?.role
}

function titleOf(profile: Profile, id: string): string {
  const section = profile.sections.find((entry) => entry.id === id) ?? (profile.fallback.id === id ? profile.fallback : undefined)
  return section ? `“${section.title}”` : id
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}

export type {ProfileSection}
