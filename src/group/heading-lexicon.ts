/**
 * What a heading says its notes are, by meaning rather than by the words a
 * profile lists: `Round 2: what gets in the way`, `Thorn`, `Lacked`,
 * `Pain points` and `Barriers` all head needs; `Wins`, `Enablers`,
 * `Doing it differently` head practice; `Refs`, `Resources mentioned` and
 * `Reading` head resources. One table of heading words by meaning, for every
 * style of notes (retrospective boards: Start/Stop/Continue, the 4Ls,
 * Rose/Thorn/Bud, SWOT; Open Space harvests; world café tables; Q&A and
 * panels), so that a heading no training file has still says which way its
 * notes point.
 *
 * Only a short heading is read this way (a label, not a sentence about a
 * topic: `Links between housing and health` is a topic). A heading that
 * says two of need, practice, culture or example (`Barriers and enablers`)
 * says neither; a questions or resources heading wins over the topic it is
 * about (`Questions on leadership`). A `What we learned` heading says nothing
 * of its notes' sections (they are of every topic), nor does a board's `Bud`
 * or `Ideas` (questions, needs and stories alike).
 */

export type HeadingMeaning = 'question' | 'resource' | 'need' | 'practice' | 'leadership' | 'example'

/** Meanings that name what kind of list a heading is; they win over the topic words after them. */
const kinds: Array<[HeadingMeaning, RegExp]> = [
  ['question', /^(?:q ?& ?a|qs?|questions?(?: (?:to|for|we|from|on|about|people|to leave|left|back)\b.*)?|(?:things|what) to ask(?: yourself| your\b.*)?|ask yourself|(?:self[- ])?(?:assessment|checklist)|provocations?|prompts?|food for thought|do you|to take back|take[- ]?home questions?|open questions?|questions? (?:and|&) answers?)$|\bquestions?\b|\bqs\b|\bto take back\b/],
  ['resource', /^(?:refs?|references?|reading|sources?|bibliography|appendix|signposting|links?|documents?|papers?)$|\b(?:resources?|reading list|further reading|recommended reading|background reading|useful links|links (?:mentioned|shared|people shared|and resources)|references?|further information|find out more|where to find|documents? (?:mentioned|shared)|reports? (?:mentioned|shared)|tools and links|signposts?)\b/],
]

/** Meanings of a topic; a heading with two of them is mixed and says neither. */
const topics: Array<[HeadingMeaning, RegExp]> = [
  ['need', /\b(?:barriers?|blockers?|challenges?|obstacles?|pain ?points?|problems?|issues?|pressures?|shortages?|gaps?|risks?|concerns?|worr(?:y|ies)|frustrations?|gripes?|thorns?|lack(?:ed|ing|s)?|longed for|wish(?:es| list)?|(?:what )?gets? in the way|in the way|what(?:'s| is) (?:hard|broken|not working|missing)|hard (?:bits|parts)|not working|(?:what )?(?:didn't|did not|doesn't|does not) (?:work|go well)|what went wrong|went wrong|struggles?|weakness(?:es)?|threats?|next steps?|proposals?|recommendations?|suggestions?|asks?|what (?:we|you|they|people) need|needs|improvements?|to improve|what would help|sticking points?|constraints?|limitations?|difficult(?:y|ies)|tensions?|headaches?|(?:what )?needs? (?:fixing|to change)|must change|calls? to action|case for change|drivers? for change|stop doing|start doing|less of|even better if|ebi|minus(?:es)?|deltas?|worse|harder|crisis|demand)\b/],
  ['practice', /\b(?:what (?:has )?work(?:s|ed)|what(?:'s| is) working|working well|works well|enablers?|success(?:es| factors| stories)?|wins?|quick wins|strengths?|bright spots|good practice|solutions?|what help(?:s|ed)|doing (?:it|things) differently|tips?|top tips|how (?:we|they|you) did it|approaches|tools|methods|fixes|positives?|went well|roses?|liked|loved|glad|keep doing|more of|ingredients|what made (?:the|a) difference|made a difference|(?:what )?we did|what changed|pluses?|sunshine|tailwinds?)\b/],
  ['leadership', /\b(?:leadership|leaders?|culture|cultural|people and skills|workforce|staff(?:ing)?|ways? of working|mindset|governance|behaviours?|skills|the people side|permission|management|managers?|members|politics|political)\b/],
  ['example', /\b(?:examples?|case stud(?:y|ies)|stories|story|spotlights?|showcase|in practice|from the field|show and tell|who(?:'s| is) doing it|elsewhere|around the (?:country|room)|pilots? elsewhere)\b/],
]

/** A heading of more words than this is a topic or a sentence, not a label. */
const longest = 7

/** What the heading (normalised: lower case, no punctuation but `'`, `&`, `/`) says its notes are, if anything. */
export function headingMeaning(text: string): HeadingMeaning | undefined {
  const bare = text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, ' ')
    .replace(/[^\p{L}\p{N}'&/\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // A number or a round's label before the label itself: `3. Refs`, `Round 2: what gets in the way`.
    .replace(/^(?:(?:session|table|part|round|breakout|step|stage) [\p{L}\d.]+ |[\d.]+ |[a-z] )+/u, '')
  if (!bare || bare.split(' ').length > longest) return undefined
  for (const [meaning, pattern] of kinds) if (pattern.test(bare)) return meaning
  let found: HeadingMeaning | undefined
  for (const [meaning, pattern] of topics) {
    if (!pattern.test(bare)) continue
    // `What didn't work` is a need, not practice; `Barriers and enablers` is mixed.
    if (meaning === 'practice' && found === 'need' && /\b(?:didn't|did not|doesn't|does not|not)\b/.test(bare)) continue
    if (found) return undefined
    found = meaning
  }
  return found
}
