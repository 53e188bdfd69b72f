/**
 * Questions to take back, addressed to the reader as in
 * key-actions-leaflet.txt: "Do we know…" → "Do you know…", "do our members"
 * → "do your members". And the "Do you:" form: a question that starts
 * "Do you" can be listed as its rest (`know who you never hear from?`)
 * under a "Do you:" lead.
 */
import type {PhrasingContent} from 'mdast'

const interrogative = /^[\s"“(]*(?:do|does|did|are|is|was|were|have|has|had|can|could|should|would|will|shall|may|might|must|how|what|who|whom|whose|why|where|when|which)\b/i

/** `?`, then perhaps a closing quote or bracket and emoji (`out of hours? 🔑`), at the end. */
const questionEnd = /\?["”)]?[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]*$/u
/** Where the last sentence or clause of a note starts: after `.`, `!`, `:` or an emoji. */
const lastClause = /(?:[.!:;]\s+|\p{Extended_Pictographic}\ufe0f?\s*)(?=[^.!:;\p{Extended_Pictographic}]*$)/u

/**
 * The room's own problem said as a question, not one to put to a reader: `How are we meant to mainstream
 * anything…?`, `Why does a tenant have to ring four times…?`, `Why can't we…?`. Its wording places it, and it
 * is never rewritten to `you`.
 */
const complaint = /^[\s"“(]*(?:(?:how|why|where|when) (?:are|is|do|does|can|should|were|was) (?:[\p{L}'’-]+ ){1,3}(?:meant|supposed|expected) to\b|why (?:do|does|did|should|must|is|are|has|have) (?:[\p{L}'’-]+ ){1,4}(?:have|has|need|needs) to\b|why (?:can(?:'|’)?t|can ?not|won(?:'|’)?t|don(?:'|’)?t) (?:we|they|councils?|services?|the \p{L}+)\b|why is it (?:always|so hard|still)\b)/iu

/**
 * Is this text a question? It ends with `?` (emoji after it allowed) and starts like one, or its last
 * sentence does after a lead-in (`Morning all 👋 first question: what did the storm teach you?`).
 */
export function isQuestion(text: string): boolean {
  const trimmed = text.trim()
  if (!questionEnd.test(trimmed)) return false
  if (complaint.test(trimmed)) return false
  if (interrogative.test(trimmed)) return true
  const clause = lastClause.exec(trimmed)
  return clause !== null && interrogative.test(trimmed.slice(clause.index + clause[0].length))
}

const pronouns: Record<string, string> = {
  we: 'you',
  our: 'your',
  ours: 'yours',
  us: 'you',
  ourselves: 'yourselves',
  "we're": "you're",
  "we've": "you've",
  "we'll": "you'll",
  "we'd": "you'd",
  'we’re': 'you’re',
  'we’ve': 'you’ve',
  'we’ll': 'you’ll',
  'we’d': 'you’d',
}

/** `Do we know our residents?` → `Do you know your residents?` (text nodes only, case kept). */
export function addressReader(content: PhrasingContent[]): PhrasingContent[] {
  return content.map((node) => {
    if (node.type === 'text') return {...node, value: swapPronouns(node.value)}
    if ('children' in node && Array.isArray(node.children) && node.type !== 'link') {
      return {...node, children: addressReader(node.children as PhrasingContent[])} as PhrasingContent
    }
    return node
  })
}

export function swapPronouns(value: string): string {
  return value.replace(/\b(?:we(?:['’](?:re|ve|ll|d))?|our|ours|us|ourselves)\b/gi, (word) => {
    // `US` in capitals is the country, not the pronoun.
    if (word === 'US') return word
    const replacement = pronouns[word.toLowerCase()]
    if (!replacement) return word
    if (word === word.toUpperCase() && word.length > 1) return replacement.toUpperCase()
    return /^\p{Lu}/u.test(word) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement
  })
}

/**
 * `Do you know who you never hear from, and why?` → `know who you never
 * hear from, and why?`, for listing under a "Do you:" lead. Undefined for a
 * question that does not start "Do you".
 */
export function doYouPrompt(content: PhrasingContent[]): PhrasingContent[] | undefined {
  const first = content[0]
  if (!first || first.type !== 'text') return undefined
  const match = /^\s*do you\s+(?=\S)/i.exec(first.value)
  if (!match) return undefined
  const rest = first.value.slice(match[0].length)
  return [{...first, value: rest}, ...content.slice(1)]
}

/**
 * One form per checklist: when every question completes "Do you …", they are
 * listed as completions under the lead; otherwise every one is asked whole,
 * so a "Do you:" list never mixes fragments and full questions.
 */
export function oneChecklistForm(items: Array<{kind: string; prompt?: PhrasingContent[]}>): void {
  const questions = items.filter((item) => item.kind === 'question')
  if (questions.every((item) => item.prompt && item.prompt.length > 0)) return
  for (const item of questions) delete item.prompt
}

/** `you`, `your`: the reader is asked. */
const toReader = /\b(?:you|your|yours|yourself|yourselves)\b/i
/** The question is answered in the note (`? A: …`, `? – Answer: …`): what the answer says places it. */
const answered = /\?\s*(?:\*\*)?(?:[-–—]\s*)?(?:a|answer)\s*(?:\([^)]{0,40}\))?\s*[:.]/i

/**
 * A question put to the reader to take back (`Does your council count a phone review…?`, `What would your
 * service look like if…?`): one that asks `you` and is neither answered in the note nor the room's own
 * complaint (`Why does a tenant have to…?`).
 */
export function asksTheReader(text: string): boolean {
  const trimmed = text.trim()
  if (!isQuestion(trimmed) || answered.test(trimmed)) return false
  const clause = lastClause.exec(trimmed)
  const asked = clause && !interrogative.test(trimmed) ? trimmed.slice(clause.index + clause[0].length) : trimmed
  return toReader.test(asked)
}
