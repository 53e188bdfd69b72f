/**
 * What a note's own wording says it is, as an editor reads it: a need or a
 * barrier, a practice that worked, a point on leadership or culture, a
 * named example, a link. Each signal is a small set of recognisers (a
 * pattern and a weight); a profile section says which signals it takes
 * (`signals: [need]`), so the wording places a note where no hashtag,
 * heading or keyword does.
 *
 * Recognisers are data: one line each, with the name `--explain` prints.
 */

export const signalNames = ['need', 'practice', 'leadership', 'example', 'link'] as const
export type SignalName = (typeof signalNames)[number]

interface Recogniser {
  name: string
  pattern: RegExp
  weight: number
}

const r = (name: string, pattern: RegExp, weight = 1): Recogniser => ({name, pattern, weight})

/** A name as a publisher's is written: capitalised words, with `of`, `and`, `for`, `the`, `in`, `on`, `&` between. */
const publisher = String.raw`[A-Z][\p{L}'’&-]*(?:\s+(?:[A-Z][\p{L}'’&-]*|of|and|for|the|in|on|&))*`
const documentWords = 'guidance code strategy report reports survey standard standards evaluation review framework act handbook guide toolkit charter plan statistics briefing paper research study index data dataset'
  .split(' ')
  .map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`)
  .join('|')
/**
 * One line naming a publication: `Publisher, Title (2022)`, `Title (DfE, 2022)`, `Home Office, Revised guidance issued
 * under…`, `Asphalt Industry Alliance, ALARM survey 2026`: no sentence's end, and none of the words a sentence
 * someone said has (a pronoun, an auxiliary, `said`).
 */
const publicationNamed = new RegExp(
  String.raw`^(?=[^.!?;]{8,160}$)(?!.*\b(?:[Ii]|[Ww]e|[Yy]ou|[Tt]hey|[Ii]t|[Oo]ur|[Uu]s|[Tt]heir|[Ii]ts|[Tt]hem|is|are|was|were|has|have|had|said|says|do|does|did|can|could|will|would|should|must|need|needs)\b)(?:(?:${publisher},\s+)?${publisher}\s*\((?:[^)]*,\s*)?(?:19|20)\d\d\)\s*$|${publisher},\s+(?:[\p{L}\d'’:-]+\s+){0,6}(?:${documentWords})\b)`,
  'u',
)

const recognisers: Record<SignalName, Recogniser[]> = {
  need: [
    r('too …', /\btoo (?:late|slow|many|few|big|small|short|much|little|complex|complicated|hard|early|far)\b/i, 2),
    r('not enough / lack of', /\b(?:not enough|lack(?:s|ing)? (?:of )?|short of|shortage|no (?:one|money|time|budget|capacity)|nobody|no-one)\b/i, 2),
    r('cannot / does not', /\b(?:can(?:'|’)?t|cannot|doesn(?:'|’)t|don(?:'|’)t|isn(?:'|’)t|aren(?:'|’)t|won(?:'|’)t|wasn(?:'|’)t|never)\b/i, 1),
    r('a pressure rising', /\b(?:tripled|doubled|risen|rising|growing|increas(?:e|ed|ing)|soar\w*|spiral\w*|keeps? (?:falling|rising|going up)|falling|declining|dwindling|retiring|overspend\w*|over budget|cut (?:twice|again|back)|been cut|cuts?\b|closed|closures?)\b/i, 1),
    r('a barrier', /\b(?:barriers?|blockers?|bottlenecks?|obstacles?|gaps?|burden|pressures?|struggl\w*|stretched|patchy|broken|fail(?:ed|ing|s|ure)?|problems?|issues?|risks?|in the way|the hardest|biggest driver|drivers?|delays?|waiting|backlogs?|too late|far beyond|out of date|fragmented|siloed|silos?|duplicat\w+|expensive|costly|leaving|legal limit)\b/i, 1),
    r('it puts people off', /\b(?:puts?|putting) (?:[\p{L}'’-]+ ){0,3}off\b(?! (?:the|a|an|until|till)\b)|\b(?:deters?|deterred|deterring|discourag(?:e|es|ed|ing))\b/iu, 1),
    r('needs its own', /\bneeds? (?:its|their|a|an) own\b|\b(?:doesn(?:'|’)t|does not) fit\b/i, 2),
    r('costs or demand up', /\b(?:costs?|spend(?:ing)?|demand|prices?|bills?|referrals|caseloads?|waiting lists?)\s+(?:(?:are|is|have|has)\s+)?(?:up|gone up|went up|rising|risen|rose)\b/i, 2),
    r('a hardship', /\b(?:nightmare|spen(?:d|ds|t) (?:half|most|all) (?:of )?(?:their|our|my|the) time|hard to|harder to|nice[- ]to[- ]have|stuck|empty|vacant|tells? (?:you|us) (?:very )?little|vague|leave before|never get|only (?:one|two|three|a few|a handful) (?:\w+ )?(?:bid|apply|applied|bidders|providers|operators|suppliers))\b/i, 1),
    r('a marker: stop, minus, thorn', /^\s*(?:(?:stop(?: doing)?|less of|minus|thorns?|pain ?points?|gripes?|frustrations?|worr(?:y|ies)|concerns?|even better if|ebi)\s*[:–—-]|[❌⛔👎➖])/iu, 3),
  ],
  practice: [
    r('something tried', /\b(?:we (?:ran|run|set up|use|used|tried|started|piloted|introduced|built|created|moved|changed)|tried|piloted|introduced|trialled|rolled out|set up)\b/i, 1),
    r('a tool or scheme', /\b(?:scheme|model|fund|pilot|tool(?:kit)?s?|caseworkers?|coordinators?|champions?|coach(?:es)?|mentors?|navigators?|key workers?|link workers?|connectors?|buddy|buddies|lending|loans?|co-locat\w*|one-stop|pathway|platform|app|dashboard|panel|network|hub|offer|service|visits?|surveys?|incentives?|pop-ups?|meanwhile uses?)\b/i, 1),
    r('a result', /\b(?:cut|reduced|halved|doubled|increased|raised|saved|found|flagged|signed up|fell|rose)\b[^.]*\d|\d[\d,.]*\s*(?:%|per ?cent|loans|households|people|residents|visits)/i, 2),
    r('a result in words', /\b(?:cut|reduced|increased|raised|lifted|fell|rose|dropped|grew)\b[^.]*\bby (?:a |one |two |about |nearly |almost )?(?:half|thirds?|quarters?|fifths?|tenths?|two-thirds|three-quarters)\b/i, 2),
    r('a recommendation', /\b(?:should (?:publish|measure|be|sit|use|start|ask|run|share)|measure|publish|co-design\w*|start (?:small|with)|make (?:it|sure)|one account|one (?:named|single)|up front|without (?:a|the) (?:manager|second|form))\b/i, 1),
    r('Label: how', /^\p{L}[^:.!?]{2,60}:\s+\S/u, 1),
    r('a result, said', /\b(?:paid for itself|saves?|saving|fell by|reached (?:people|residents|families))\b/i, 1),
    r('doing something', /^\s*(?:paying|bringing|using|giving|offering|running|sending|texting|calling|visiting|putting|letting|asking|holding|hiring|moving|sharing|building|co-designing|pairing|opening)\b/i, 1),
    r('a lesson: it worked when', /\b(?:worked|works) (?:when|because|best|well (?:when|because))\b/i, 2),
    r('how it runs', /\b(?:based in|led by|run by|rings? (?:people|them|residents) back|drop-ins?|same (?:day|week)|in[- ]house|door to door|face to face)\b/i, 1),
    r('a marker: continue, plus, rose', /^\s*(?:(?:continue|keep(?: doing)?|start(?: doing)?|more of|plus|roses?|worked|works|wins?|success(?:es)?|tips?|went well|www)\s*[:–—-]|[✅✔👍➕])/iu, 3),
  ],
  leadership: [
    r('leaders', /\b(?:leaders?|leadership|senior (?:managers?|leaders?|officers?|team)|managers?|heads? of service|chief exec\w*|directors?|councillors?|elected members?|members|cabinet|politicians?)\b/i, 2),
    r('culture', /\b(?:culture|cultural|mindset|permission|trust(?:ed)?|empower\w*|values?|behaviours?|ways? of working|morale|reward(?:s|ed|ing)? (?:\w+ ){0,3}for|time to (?:build|think|reflect|listen)|brave|bravery|curiosity|empathy|ownership)\b/i, 2),
    r('people and skills', /\b(?:staff|officers? (?:need|should)|recruit\w*|training|trained|skills?|workforce|appraisals?|job descriptions?|lived experience|qualifications?)\b/i, 1),
  ],
  example: [
    r('an anonymised place did it', /\b(?:in |at )?(?:one|a|another|the other) (?:london |rural |urban |northern |southern |coastal |metropolitan |unitary |district |county |city |borough |town )*(?:council|county|city|borough|district|combined authority|authority|area|town|region|housing association|trust|partnership)\b(?! centres?\b)/i, 2),
    r('a named subject did it', /^(?:In |At )?(?:[A-Z][\p{L}'’-]+\s){0,3}(?:(?:[A-Z][\p{L}'’-]+)(?:'s|’s)?) (?:set up|ran|runs|placed|launched|built|turned|pays|created|opened|started|introduced|piloted|moved|has|have|used|uses|won|hosts?)\b/u, 2),
    r('what happened', /\b(?:referrals|footfall|turnout|take-up|uptake|behaviour|attendance)\b[^.]*\b(?:doubled|fell|rose|halved|tripled|up|down)\b|\bin (?:its|their) first year\b/i, 1),
    r('an award', /\b(?:award|award-winning|shortlisted|recognised)\b/i, 1),
    r('another place', /\b(?:one|another) (?:place|school|charity|surgery|gp practice|hospital|library service)\b/i, 2),
    r('a story told', /\b(?:a|another|one) (?:panellist|participant|speaker|delegate) (?:described|told|explained|talked about|shared)\b/i, 2),
  ],
  link: [
    r('a link', /(?:https?:\/\/|www\.)\S+/i, 3),
    // A publication named as a reference list names one, with no link: `Publisher, Title (2022)`, `Home Office, Revised
    // guidance issued under…`, `Asphalt Industry Alliance, ALARM survey 2026`. One line, no sentence's end, and none of
    // the words a sentence someone said has (a pronoun, an auxiliary, `said`).
    r('a publication named', publicationNamed, 3),
  ],
}

export interface SignalHit {
  signal: SignalName
  name: string
  weight: number
}

/** The signals a text carries, each recogniser counted once; strongest signal first. */
export function readSignals(text: string): Map<SignalName, {score: number; hits: SignalHit[]}> {
  const found = new Map<SignalName, {score: number; hits: SignalHit[]}>()
  for (const signal of signalNames) {
    for (const recogniser of recognisers[signal]) {
      if (!recogniser.pattern.test(text)) continue
      const entry = found.get(signal) ?? {score: 0, hits: []}
      entry.score += recogniser.weight
      entry.hits.push({signal, name: recogniser.name, weight: recogniser.weight})
      found.set(signal, entry)
    }
  }
  return found
}

/**
 * A retrospective's or a board's column, as a direction: what to change
 * (`Stop`, `Start`, `Less of`, `Even better if`, `Thorns`, `Lacked`, `Sad`,
 * `Weaknesses`) or what works (`Continue`, `Keep`, `More of`, `Went well`,
 * `Roses`, `Liked`, `Glad`, `Strengths`). One table for every board style, so
 * a column name no training file has still shares its kind's weight. The
 * picture retrospectives name their columns by the picture: a sailboat's or a
 * speedboat's anchors, rocks and icebergs hold it back while its wind and sun
 * carry it; a balloon's sandbags and hot air; a consultation's `You said`
 * (what residents raised) and `We did` (what changed).
 */
const boardColumns: Array<['change' | 'works', RegExp]> = [
  ['change', /^(?:stop|start|begin|less of|recommendations?|suggestions?|areas? for (?:development|improvement)|development areas?|(?:what )?could be better|drop|fix|change|even better if|ebi|thorns?|minus(?:es)?|deltas?|lacked|longed for|wish(?:es)?|mad|sad|weakness(?:es)?|threats?|pain ?points?|gripes?|frustrations?|blockers?|to improve|improve|didn'?t (?:go well|work)|what didn'?t work|not working|needs? work|next time|add|less|anchors?|rocks?|reefs?|icebergs?|storms?|sandbags?|(?:what )?(?:you|residents|people|tenants|they) (?:said|told us)|what we heard)$/i],
  ['works', /^(?:continue|keep|keep doing|more of|went well|what went well|roses?|pluses?|plus|liked|loved|glad|strengths?|wins?|successes|working|what worked|worked|wind|winds|tailwinds?|sails?|sun|sunshine|hot air|engines?|(?:what )?we (?:did|have done|changed)|what changed)$/i],
]
export function boardColumn(text: string): 'change' | 'works' | undefined {
  const bare = text.replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '').replace(/^[\s\d.:)–—-]+|[\s:!.?…–—-]+$/g, '').replace(/\s+doing$/i, '').replace(/\s*\([^)]*\)$/, '').trim()
  if (bare.length > 24) return undefined
  for (const [kind, pattern] of boardColumns) if (pattern.test(bare)) return kind
  return undefined
}
