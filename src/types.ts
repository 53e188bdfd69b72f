/**
 * Types shared by the pipeline stages: parse → anonymise → group → render → print.
 *
 * Stages pass data along on the vfile (`file.data`), as the unified collective
 * does; the `DataMap` augmentation at the bottom types those fields.
 */
import type {PhrasingContent, RootContent} from 'mdast'

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
  /** Rule id, e.g. `attribution`, `roster-name`. */
  rule: string
  /** 1-indexed line and column in the notes file, where known. */
  line?: number
  column?: number
}

/** How an item is drawn in its section. */
export type ItemStyle = 'numbered' | 'bullets' | 'checklist' | 'resources' | 'quotes'

/** Why a note was placed where it was (`--explain`). */
export interface Placement {
  section: string
  /** Which rule placed it: a hashtag, the heading it sits under, keywords, or nothing. */
  rule: 'hashtag' | 'heading' | 'keyword' | 'key' | 'fallback'
  reason: string
  score?: number
}

/** One note in the report, already anonymised. */
export interface ReportItem {
  /** Anonymised inline content; links are already footnote references. */
  content: PhrasingContent[]
  /** For `Headline – detail` notes: the bold headline and the detail. */
  headline?: PhrasingContent[]
  detail?: PhrasingContent[]
  /** Plain text of the anonymised note. */
  text: string
  /** 1-indexed line of the note in the notes file. */
  line: number
  column: number
  /** Hashtags on the note, lower case, without `#`. */
  tags: string[]
  /** A quotation (blockquote or a note that is only a quote). */
  quote?: boolean
  /** Sub-bullets, kept with their parent. */
  children: ReportItem[]
  placement: Placement
}

export interface ReportSection {
  id: string
  title: string
  intro?: string
  style: ItemStyle
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
  /** The introduction, written from the front matter. */
  introduction: string[]
  /** The Chatham House statement. */
  chathamHouse: string
  foreword?: ProseBlock & {by?: string}
  conclusion?: ProseBlock
  sections: ReportSection[]
  footnotes: Footnote[]
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
  }
}
