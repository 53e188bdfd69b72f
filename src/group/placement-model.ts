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
import {headingSection, placeOpening, remember, urlPattern, wordCount, type PlacementInput} from './placement.js'
import type {Profile} from './profile.js'
import {boardColumn, readSignals, signalNames} from './signals.js'
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
export function placementFeatures(input: PlacementInput, profile: Profile, neighbours?: NeighbourShares, known: {scores?: KeywordScore[]; signals?: Signals; shape?: boolean} = {}, adjacent?: Adjacent): Features {
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
  if (known.shape !== false) for (const [name, value] of shapeFeatures(input.own?.text ?? text, text, own)) set(name, value)
  for (const name of headlineFeatures(input.own?.text ?? text)) set(name)
  if (adjacent?.opening) set('position:opening')
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
  if (known.shape !== false && adjacent?.previous) set(`previous:${adjacent.previous}`)
  if (known.shape !== false && adjacent?.next) set(`next:${adjacent.next}`)

  for (const value of input.stems) {
    const name = wordFeature(value)
    if (name) features.set(name, 1)
  }
  return features
}

type Signals = ReturnType<typeof readSignals>

/** Whether a model weighs the shape, column or adjacent features (cross-validation may leave them out): if not, they are not made. */
const usesShapeCache = new WeakMap<PlacementModel, boolean>()
export function usesShape(model: PlacementModel): boolean {
  let uses = usesShapeCache.get(model)
  if (uses === undefined) {
    uses = Object.keys(model.weights).some((name) => shapeFeature.test(name))
    usesShapeCache.set(model, uses)
  }
  return uses
}
const shapeFeature = /^(?:main-clause|main-clause-mood|mood|turns-to-need|turns-to-practice|past-result|named-with-result|place-with-result|spoken-question|asks-reader|asks-for-us|opens-as-question|floor-question|question-answered|web-address|mostly-link|page-link|heading-column|previous|next)(?::|$)/

/** The sections the rules alone gave the note written just before and just after this one (none: not placed alone). */
export interface Adjacent {
  previous?: string
  next?: string
  /** One of the file's first two notes: where a speaker or a writer opens with the point of the day. */
  opening?: boolean
}

/**
 * How an editor knows a headline, whatever its topic: a point that reframes (`a way of working, not a building`,
 * `shame, not money`, `matters more than opening hours`, `never really about heat`), a claim about the whole field
 * (`Most failures were visible…`, `Nationally, …`), or the point a speaker opened with (`One participant opened:`).
 */
export function headlineFeatures(first: string): string[] {
  const line = first.replace(codeLabel, '').replace(leadingLabel, '').replace(teller, '')
  const found: string[] = []
  if (reframe.test(line)) found.push('headline:reframe')
  if (wholeField.test(line)) found.push('headline:whole-field')
  if (openedWith.test(first)) found.push('headline:opened-with')
  if (headlineLabel.test(first.replace(codeLabel, '').replace(teller, ''))) found.push('headline:labelled')
  if (strongClaim.test(line)) found.push('headline:strong-claim')
  return found
}
/** A note its writer labels as the point (`Headline:`, `Key point –`, `Bottom line:`, `The big one:`). */
const headlineLabel = /^\s*(?:\*\*)?(?:the )?(?:headline|key (?:point|message|insight|finding|takeaway)|main point|big (?:point|one|picture)|bottom line|takeaway|top line|in short|in a nutshell|the point)s?(?:\*\*)?\s*[:–—-]/iu
/** A finding stated at full strength: the only, the biggest, the real, first and foremost, at the heart of. */
const strongClaim = /\b(?:the (?:only|biggest|single biggest|single most|main|most important|real|root|fastest|hardest) (?!one\b|thing I\b)\p{L}|first and (?:foremost|an? \p{L}+ (?:incident|problem|issue|question)\b)|at the (?:heart|root) of|above all\b|worse than (?:people|anyone|we) (?:think|thought|realise)|more than (?:anything|any other)\b)/iu
/**
 * A heading over the points that frame the day rather than one section's (`Why this matters`, `Context`, `The scale of
 * it`, `What we took from the calls`, `Key points`): an editor's key insights are most often drawn from under it.
 */
export const headlineHeading = /^(?:why (?:\p{L}+ ){0,5}(?:matters?|still matters?)|context|background|the (?:scale|size|shape|nature) of (?:it|the \p{L}+)|(?:the )?big picture|summary|overview|headlines?|key (?:points?|messages?|themes?|findings?|takeaways?|insights?|issues?)|(?:main |top |big )?takeaways?|what we (?:learned|learnt|heard|took(?: away)?)(?: .*)?|what (?:we|the room|people) took (?:from|away) .*|the case for .*|setting the scene|state of play|where we are(?: now)?)$/iu
const reframe = /(?:,|;|\s[–—-])\s*(?:and )?not (?!enough\b|yet\b|always\b|sure\b|clear\b|all\b|every\w*\b|any\w*\b|much\b|many\b|least\b|to\b|only\b|just\b|even\b|because\b|when\b|if\b)\p{L}|\b(?:matters?|counts?) more than\b|\bnever (?:really )?(?:been )?about\b|\b(?:is|are|was|were)(?:n(?:'|’)t| not) (?:really )?(?:about|the same as)\b/iu
const wholeField = /^\s*(?:most (?!of (?:us|them|the time)\b)\p{L}|nationally\b|across the (?:country|sector|uk|board)\b|almost (?:every|all)\b|nearly (?:every|all)\b|the (?:vast )?majority of\b|a large share of\b)/iu
const openedWith = /\b(?:opened|opens)\b(?!\s+(?:up|in|at|on|for|its|their|our|new|a|an|the (?:door|building|site|doors|hub|centre|library))\b)/i
/** A speaker's code before the note (`P1:`, `R2 –`, `P3 (a charity):`). */
const codeLabel = /^\s*\p{L}{0,3}\d[\w/]*\s*(?:\([^)]{0,40}\))?\s*[:–—-]\s*/iu
const teller = /^\s*(?:(?:per|from) )?(?:one|a|another) (?:participant|panellist|speaker|delegate|attendee|member)(?:(?:'|’)s (?:point|view|data))?(?: said(?: that)?)?\s*[:,–—-]?\s*/i

/**
 * How a note is said, beyond its topic: its main clause (after `but`,
 * `however`, a semicolon: `X worked but we need Y` is a need), its mood (a
 * modal or an instruction asks for a change; a past-tense result reports
 * one), a named example's shape (a proper name and a result), a question put
 * to the reader (`do you…`, `your`) against one reported from the floor, and a
 * line that is mostly a link, a bare web address or a titled page.
 */
export function shapeFeatures(first: string, text: string, own: Signals): Array<[string, number]> {
  const found: Array<[string, number]> = []
  const line = first.replace(leadingLabel, '')
  const clauses = text.split(clauseBreak)
  if (clauses.length > 1) {
    // The clause after the last turn carries the point; `although X, Y`: Y does, and it is the last too.
    const main = clauses[clauses.length - 1]!.trim()
    if (wordCount(main) >= 3) {
      const said = readSignals(main)
      for (const signal of signalNames) if (said.has(signal)) found.push([`main-clause:${signal}`, 1])
      const mainMood = moodOf(main)
      if (mainMood) found.push([`main-clause-mood:${mainMood}`, 1])
      if (own.has('practice') && said.has('need')) found.push(['turns-to-need', 1])
      if (own.has('need') && !said.has('need') && said.has('practice')) found.push(['turns-to-practice', 1])
    }
  }
  const mood = moodOf(line)
  if (mood) found.push([`mood:${mood}`, 1])
  if (pastResult.test(text)) found.push(['past-result', 1])
  if (namedSubject.test(line) && resultShape.test(text)) found.push(['named-with-result', 1])
  if (anonymisedPlace.test(text) && resultShape.test(text)) found.push(['place-with-result', 1])
  const asks = interrogative.test(line) || /\?\s*$/.test(line) || spokenQuestion.test(text)
  if (spokenQuestion.test(text)) found.push(['spoken-question', 1])
  if (asks && toReader.test(line)) found.push(['asks-reader', 1])
  // `How are we meant to…?`, `Why does a tenant have to…?`: the room's own complaint, said as a question.
  else if (asks && (ourselves.test(line) || modal.test(line))) found.push(['asks-for-us', 1])
  if (asks && interrogative.test(line)) found.push(['opens-as-question', 1])
  if (floorQuestion.test(first)) found.push(['floor-question', 1])
  if (answered.test(text)) found.push(['question-answered', 1])
  const address = bareAddress.test(text)
  if (address || spokenAddress.test(text)) found.push(['web-address', 1])
  if ((address || hasUrl.test(text)) && text.replace(urlPattern, ' ').replace(bareAddresses, ' ').trim().length < text.length / 3) found.push(['mostly-link', 1])
  if (pageLink.test(text)) found.push(['page-link', 1])
  return found
}

type Mood = 'modal' | 'imperative' | 'past' | 'present'
function moodOf(clause: string): Mood | undefined {
  if (modal.test(clause)) return 'modal'
  if (imperative.test(clause)) return 'imperative'
  if (pastTense.test(clause)) return 'past'
  return undefined
}

/** A speaker's or a sticky's label before the note (`A:`, `[sticky · pink]`, `c7a1/15-0`, `Q (Dami):`). */
const leadingLabel = /^\s*(?:\[[^\]]{1,30}\]\s*|[\w/-]*\d[\w/-]*\s+|(?:q|a|answer|question)(?:\s*\([^)]{0,40}\))?\s*[:.]\s*|[-–—•▸*]\s*)+/iu
const clauseBreak = /;|\s[–—]\s|\b(?:but|however|although|though|except|yet|whereas|instead)\b|\bthe (?:problem|catch|snag|trouble|issue) is\b/i
const modal = /\b(?:should(?:n(?:'|’)t)?|must|ought to|needs? to|have to|has to|need (?:a|an|more|better|proper|someone|somebody)|we need|wish(?:es)? (?:we|they)|would (?:help|be better)|if only|has got to|have got to|it(?:'|’)s time)\b/i
/** An instruction: the line opens with a verb in its base form. */
const imperative = /^\s*(?:don(?:'|’)t |never |always |please )?(?:rewrite|publish|stop|start|make|give|ask|fund|build|get|put|set|use|treat|train|offer|pay|let|keep|invest|write|bring|share|measure|review|create|drop|move|hire|involve|talk|listen|agree|commission|pool|protect|require|replace|simplify|scrap|cut|join|check|track|appoint|co-design|ring-fence|align|reduce|extend|expand|fix|tell|hold|run|send|visit|reward|recognise|learn|focus|prioritise|avoid|remove|invite|buy|ban|mandate|standardise|collect)\b(?!-|\s+(?:is|was|are|were|has|had|of|and|to)\b)/i
const pastTense = /\b(?:we|they|it|that|this|which|she|he|the (?:pilot|scheme|team|council|service|change)) (?:\w+ly )?(?:\w{3,}ed|did|ran|made|cut|put|set up|took|got|built|saw|found|won|led|brought|began|grew|fell|rose|paid|kept|gave|went|became|had)\b/i
const pastResult = /\b(?:led to|resulted in|as a result|since then|since we|paid for itself|(?:reduced|cut|halved|doubled|tripled|increased|raised|dropped|fell|rose|grew) (?:\w+ ){0,4}(?:by|from|to) \S*\d|went (?:up|down) (?:by|from)|now (?:lets|gets|has|sees|takes|reaches))\b/i
/** A programme, council or charity by its name, as the subject: two capitalised words not at a sentence's opening alone. */
const namedSubject = /^(?:in |at )?(?:[A-Z][\p{L}'’&-]+|[A-Z]{2,})(?:\s+(?:of |the |and |for |on )?(?:[A-Z][\p{L}'’&-]+|[A-Z]{2,}|\d+)){1,5}\b|\b(?:[A-Z][\p{Ll}]+(?:'|’)s|[A-Z]{2,}(?:'|’)s) (?:[\p{Ll}-]+ ){0,2}(?:scheme|programme|model|pilot|project|approach|team|service|fund|network|campaign|protocol)\b/u
const resultShape = /\d|\b(?:halved|doubled|tripled|fell|rose|cut|reduced|saved|won|reached|dropped|grew|since|first year|paid for itself|within (?:a|two|three|six) (?:weeks?|months?|years?))\b/i
const anonymisedPlace = /\b(?:one|another|a|the other) (?:[\p{Ll}-]+ ){0,2}(?:council|county|borough|district|combined authority|authority|city|town|trust|charity|partnership|area)\b/iu
const interrogative = /^\s*(?:(?:and|so|but|question for everyone|quick question|question)\s*[:,]?\s*)?(?:do|does|did|is|are|was|were|can|could|would|will|should|shall|have|has|how|what|why|when|where|who|whose|which)\b/i
const toReader = /\b(?:you|your|yours|yourself|anyone|anybody|everyone|we all)\b/i
const ourselves = /\b(?:we|our|us|ourselves)\b/i
const spokenQuestion = /\bquestion mark\s*$/i
/** A question reported from the floor: `Q:`, `asked`, `someone asked whether`. */
const floorQuestion = /^\s*(?:\*\*)?q(?:uestion)?\s*(?:\([^)]{0,40}\))?\s*[:.]|\b(?:asked|wondered|wanted to know|raised the question)\b/i
/** A question and its answer in one note. */
const answered = /\?\s*(?:\*\*)?a(?:nswer)?\s*(?:\([^)]{0,40}\))?\s*:/i
/** A web address without its scheme (`carersuk.org/wales`, `gov.uk/guidance/…`). */
const bareAddress = /\b[\w-]+(?:\.[\w-]+)*\.(?:org|gov|com|co|net|nhs|ac|uk|io|digital|info)(?:\.uk)?(?:\/\S*)?/i
const bareAddresses = new RegExp(bareAddress.source, 'gi')
const hasUrl = /(?:https?:\/\/|www\.)\S/i
const spokenAddress = /\bdot (?:org|gov|com|co|net|uk)\b|\bslash\b/i
/** A page linked the way Notion, Obsidian or a wiki does: `[[Page]]`, `![[…]]`, an `@page`. */
const pageLink = /\[\[[^\]]+\]\]/

const headingFeatureCache = new WeakMap<Profile, Map<string, Map<string, Array<[string, number]>>>>()
/** A heading's features as the nearest heading, a caption or a parent: the same for every note under it, so made once. */
function headingFeatures(heading: NoteHeading, where: string, profile: Profile): Array<[string, number]> {
  let byHeading = headingFeatureCache.get(profile)
  if (!byHeading) headingFeatureCache.set(profile, (byHeading = new Map()))
  let byWhere = byHeading.get(heading.text)
  if (!byWhere) remember(byHeading, heading.text, (byWhere = new Map()))
  let list = byWhere.get(where)
  if (list) return list
  list = []
  const match = headingSection(heading, profile)
  if (match) list.push([`${where}:${match.section}`, 1])
  for (const value of new Set(heading.stems)) if (topical(value) && !whenStems.has(value)) list.push([`${where}-word:${value}`, 1])
  if (where === 'heading') {
    const said = readSignals(heading.text)
    for (const signal of signalNames) if (said.has(signal)) list.push([`heading-signal:${signal}`, 1])
    for (const score of scoreKeywords(heading.stems, profile.keywordIndex, profile.order)) list.push([`heading-keywords:${score.section}`, Math.min(score.score, 6) / 3])
    if (/\?\s*$/.test(heading.text) || /^(?:q ?& ?a|questions?|qs)\b/.test(heading.text)) list.push(['heading-question', 1])
    if (headlineHeading.test(heading.text)) list.push(['heading-headline', 1])
    const column = boardColumn(heading.text)
    if (column) list.push([`heading-column:${column}`, 1])
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
  const {rows, means} = indexOf(model)
  const scores = model.bias.slice()
  // The rows a note's features have, looked up once (the weights are a large object: a lookup is the cost).
  const found: Array<[string, number, Float64Array]> = []
  for (const [name, value] of features) {
    const row = rows.get(name)
    if (!row) continue
    found.push([name, value, row])
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
  for (const [name, value, row] of found) {
    // What the feature adds to this section beyond its mean over the sections.
    const weight = (row[best]! - means.get(name)!) * value
    // What the note is and how long it is weigh little and say nothing an editor would give as a reason.
    if (weight >= 0.05 && !/^(?:kind|source|length):/.test(name)) because.push({feature: name, weight})
  }
  because.sort((a, b) => b.weight - a.weight)
  return {section: model.classes[best]!, probability: 1 / total, because: namedOnce(because).slice(0, 4)}
}

/** A model's weights as a map of rows, with each row's mean over the sections: made once per model. */
const indexes = new WeakMap<PlacementModel, {rows: Map<string, Float64Array>; means: Map<string, number>}>()
function indexOf(model: PlacementModel): {rows: Map<string, Float64Array>; means: Map<string, number>} {
  let index = indexes.get(model)
  if (!index) {
    index = {rows: new Map(), means: new Map()}
    for (const [name, row] of Object.entries(model.weights)) {
      index.rows.set(name, Float64Array.from(row))
      index.means.set(name, row.reduce((sum, weight) => sum + weight, 0) / row.length)
    }
    indexes.set(model, index)
  }
  return index
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

/**
 * A heading's words that say when or in which part of the day its notes were said (`Afternoon`, `Session 2`,
 * `Tuesday plenary`), not what they are: a training file's `Afternoon` over its culture notes says nothing of another's.
 */
const whenStems = new Set(
  'morning afternoon evening session sessions day days round part breakout plenary lunch lunchtime opening closing monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'
    .split(' ')
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
    case 'previous':
    case 'next':
      return `the ${kind} note in ${title(value)}`
    case 'main-clause':
      return `its main clause says ${value}`
    case 'main-clause-mood':
    case 'mood':
      return `${kind === 'mood' ? 'said as' : 'its main clause said as'} ${value === 'modal' ? 'a need (should, must, need to)' : value === 'imperative' ? 'an instruction' : 'something done'}`
    case 'turns-to-need':
      return 'what worked, then a need'
    case 'turns-to-practice':
      return 'a problem, then what worked'
    case 'past-result':
      return 'a result reported'
    case 'named-with-result':
      return 'a named example with its result'
    case 'place-with-result':
      return 'a place with its result'
    case 'spoken-question':
    case 'opens-as-question':
      return 'said as a question'
    case 'asks-reader':
      return 'a question to the reader'
    case 'asks-for-us':
      return 'the room’s own problem, asked'
    case 'headline':
      return value === 'reframe'
        ? 'a point that reframes (X, not Y)'
        : value === 'whole-field'
          ? 'a claim about the whole field (most, nationally)'
          : value === 'labelled'
            ? 'labelled as the point (Headline:, Key point:)'
            : value === 'strong-claim'
              ? 'a finding stated at full strength (the only, the biggest, at the heart of)'
              : 'the point a speaker opened with'
    case 'heading-headline':
      return 'under a heading that frames the day (Why this matters, Context, Key points)'
    case 'position':
      return 'one of the first notes'
    case 'heading-column':
      return `under a board column of ${value === 'change' ? 'what to change' : 'what works'}`
    case 'floor-question':
      return 'a question asked in the room'
    case 'question-answered':
      return 'a question with its answer'
    case 'web-address':
      return 'a web address'
    case 'mostly-link':
      return 'mostly a link'
    case 'page-link':
      return 'a linked page'
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
