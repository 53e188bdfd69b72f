/**
 * Types shared by the pipeline stages: parse → anonymise → group → render → print.
 *
 * Stages pass data along on the vfile (`file.data`), as the unified collective
 * does; the `DataMap` augmentation at the bottom types those fields.
 */
import type {PhrasingContent, RootContent} from 'mdast'
import type {ContentBlock, Ledger, LeftOut} from './group/ledger.js'

export type {ContentBlock, Ledger, LeftOut} from './group/ledger.js'

/** One person on the roster: everything needed to find them in the notes. */
export interface Person {
  /** The name as written on the roster, without honorific: `Jane Smith`. */
  name: string
  /** Honorific given on the roster (`Cllr`, `Dr`), if any. */
  honorific?: string
  /** Their organisation, if known: `Wigan Council`. */
  org?: string
  /** Their role, if known: `Director of Communities`. */
  role?: string
  /** Other names people used for them: `Kez`. */
  aliases: string[]
}

/** The people whose names and workplaces must never reach the report. */
export interface Roster {
  people: Person[]
  /** Organisations that may be named as the subject of shared best practice. */
  share: string[]
}

/** Front matter of a notes file, validated. Roster fields live in `Roster`. */
export interface NotesMeta {
  title: string
  series?: string
  /** ISO date, `YYYY-MM-DD`. */
  date?: string
  host?: string
  partner?: string
  venue?: string
  participants?: number
  forewordBy?: string
  brand?: string
  profile?: string
  /** Language of the notes (BCP 47); `en-GB` by default. */
  lang: string
}

/** One redaction made by the anonymiser, for the facilitator's review. */
export interface Redaction {
  /** The text that was removed. */
  original: string
  /** What replaced it (may be empty). */
  replacement: string
  /**
   * Rule id: `attribution`, `roster-name`, `organisation`, `email`, `phone`,
   * `handle`, `profile-url`, `unrostered-name` or `html-comment`.
   */
  rule: string
  /** 1-indexed line and column in the notes file, where known. */
  line?: number
  column?: number
}

/**
 * How a section draws its items:
 * - `numbered`: an ordered list of insights (`Headline – detail` with a bold headline);
 * - `bullets`: an unordered list;
 * - `checklist`: a checklist of questions ("Do you…?"), led by the section's `lead`;
 * - `resources`: the round-up of links, each with its URL printed;
 * - `quotes`: pull quotes only;
 * - `actions`: key-actions areas — the notes as bullets, then the section's quotes
 *   as pull quotes, then its questions as a checklist led by `lead` ("Do you:").
 *
 * In every style an item of kind `quote` is drawn as a pull quote, not as a list entry.
 */
export type ItemStyle = 'numbered' | 'bullets' | 'checklist' | 'resources' | 'quotes' | 'actions'

/**
 * What a section is for, from the profile:
 * `insights` (a standard section), `key` (the Key insights summary),
 * `questions` (questions to take back), `resources` (the link round-up),
 * `further` (the fallback for notes nothing placed).
 */
export type SectionRole = 'insights' | 'key' | 'questions' | 'resources' | 'further'

/**
 * What a note is:
 * `note` (an insight or observation), `quote` (words a participant said, drawn as a
 * pull quote: "As one participant put it, …"), `question` (a question to take back,
 * already rewritten to address the reader: "Do you know…?"), `resource` (an entry of
 * the resources round-up).
 */
export type ItemKind = 'note' | 'quote' | 'question' | 'resource'

/** Why a note was placed where it was (`--explain`). */
export interface Placement {
  /** Id of the section the note went to. */
  section: string
  /**
   * Which rule placed it: a hashtag, the heading it sits under, keyword rules,
   * `key` (picked for Key insights as the strongest note of its section),
   * `question` (an untagged question nothing else placed), `round-up` (a link
   * from another section repeated in the resources round-up), or nothing (`fallback`).
   */
  rule: 'hashtag' | 'heading' | 'keyword' | 'wording' | 'neighbours' | 'model' | 'key' | 'question' | 'round-up' | 'fallback'
  /** Human-readable why, e.g. `tagged #challenge`, `keywords: demand 2, budget 1`. */
  reason: string
  /** Keyword score (rule `keyword`), or the note's strength (rule `key`). */
  score?: number
}

/** One note in the report, already anonymised. */
export interface ReportItem {
  /**
   * Anonymised inline content; links are already footnote references. Tidied as
   * report prose (first letter capitalised, spacing fixed). For a `quote` the
   * quotation marks and any trailing "— one participant" are removed: a theme
   * adds its own marks and attribution.
   */
  content: PhrasingContent[]
  /** For `Headline – detail` notes: the bold headline and the detail. */
  headline?: PhrasingContent[]
  detail?: PhrasingContent[]
  /**
   * For a `question` that starts "Do you", the rest of it
   * (`know who you never hear from, and why?`), to list under a "Do you:" lead
   * as key-actions-leaflet.txt does. Absent for other questions, which are
   * listed whole.
   */
  prompt?: PhrasingContent[]
  /** Plain text of the anonymised note, as shown (`content` as text). */
  text: string
  /** 1-indexed line of the note in the notes file. */
  line: number
  column: number
  /** Hashtags on the note, lower case, without `#`. */
  tags: string[]
  /** What the note is; see `ItemKind`. */
  kind: ItemKind
  /** A quotation: the same as `kind === 'quote'`, kept for older themes. */
  quote?: boolean
  /** Where the note came from in the notes: a list item, a paragraph, a blockquote, or a table row. */
  source: 'list' | 'paragraph' | 'blockquote' | 'table'
  /** Sub-bullets, kept with their parent. */
  children: ReportItem[]
  placement: Placement
}

export interface ReportSection {
  id: string
  title: string
  /** A short introduction under the title. */
  intro?: string
  /**
   * The note the introduction is, when a section opens with one of its own
   * notes whole (its most central point): the note stays in `items` (for the
   * ledger and the JSON) and is printed once, as the opening.
   */
  opening?: {line: number; column: number}
  style: ItemStyle
  /** What the section is for (see `SectionRole`). */
  role: SectionRole
  /**
   * Chapter number (1, 2, …) for standard sections the introduction lists,
   * as "1. The nature of change required…" in the reference report; absent
   * for Key insights, Questions, Resources and Further insights.
   */
  number?: number
  /** Printed before a checklist of questions: `Do you:`. */
  lead?: string
  /** Who the section speaks to, for audience-grouped profiles: `senior leaders`. */
  audience?: string
  items: ReportItem[]
}

export interface Footnote {
  n: number
  /** The link target; absent for footnotes written in the notes. */
  url?: string
  /** What the footnote says (link text, or the notes' footnote text). */
  text: string
}

/** A block of prose (foreword, conclusion): anonymised mdast. */
export interface ProseBlock {
  children: RootContent[]
  line: number
}

/** Fixed text from the profile, such as "The Innovation Series" block. */
export interface Boilerplate {
  id: string
  title?: string
  paragraphs: string[]
  /** Where it goes: right after the introduction, or at the end of the report. */
  at: 'after-introduction' | 'end'
}

/** A note the report leaves out, and why: for `--explain`, never rendered. */
export interface OmittedNote {
  line: number
  column: number
  /** The anonymised note. */
  text: string
  /** Rule id: `logistics`, `duplicate-note`, `item-limit`, `duplicate-link`. */
  rule: string
  reason: string
}

/** A diagnostic as it appears in reports and in JSON output. */
export interface Diagnostic {
  file?: string
  line: number
  column: number
  severity: 'error' | 'warning' | 'info'
  rule: string
  message: string
}

/** The structured, anonymised report: every output format is written from it. */
export interface Report {
  meta: NotesMeta & {
    /** `Insights report` and the like, from the profile. */
    reportType: string
    /** The profile that placed the notes. */
    profile: string
  }
  /** The introduction, written from the front matter: one string per paragraph. */
  introduction: string[]
  /**
   * The notes' own `## Introduction` section, if they have one (anonymised
   * prose): printed after the written introduction paragraphs.
   */
  introductionNotes?: ProseBlock
  /** The Chatham House statement. */
  chathamHouse: string
  foreword?: ProseBlock & {by?: string}
  conclusion?: ProseBlock
  sections: ReportSection[]
  footnotes: Footnote[]
  /** Fixed text from the profile (series boilerplate); may be empty. */
  boilerplate: Boilerplate[]
  /** How Key insights were chosen: notes tagged `#key`, or the strongest note of each section. */
  keyInsights?: 'tagged' | 'strongest'
  /** Notes left out of the report (logistics, repeats, over a section's limit). Never rendered. */
  omitted: OmittedNote[]
  /**
   * Every block of the notes left out of the report, with why (anonymised text):
   * listed in the JSON (`left_out`), by `--explain` and on the review page.
   */
  leftOut?: LeftOut[]
  /** Where every content block of the notes went: placed, merged or left out (see `group/ledger.ts`). */
  ledger?: Ledger
}

declare module 'vfile' {
  interface DataMap {
    /** Validated front matter (parse). */
    meta: NotesMeta
    /** Everything the front matter said, for printing-field checks. */
    frontMatter: Record<string, unknown>
    /** The roster (parse). */
    roster: Roster
    /** Every redaction the anonymiser made (anonymise). */
    redactions: Redaction[]
    /** The report model (group). */
    report: Report
    /** The content blocks of the notes as parsed, for the ledger (parse). */
    blocks: ContentBlock[]
    /** Where blocks emptied by the anonymiser were, before it removed them (anonymise). */
    emptied: Array<{line: number; column: number}>
  }
}
