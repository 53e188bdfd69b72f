/**
 * remark plugin: a chat log or a sticky-note board pasted into the notes as a
 * code block is what participants wrote, so it becomes notes — one list item
 * per message or card, at the line it was on — with who wrote it and when
 * removed. The speakers are added to the roster, so that a speaker named in
 * someone else's message is anonymised like any attendee.
 *
 * Recognised shapes (a block is an export when most of its lines have one):
 * - Zoom: `10:04:12 From Ana Silva to Everyone: text`, `10:04:12 From Ana Silva : text`;
 * - Teams, Slack and the like: a header line `Ana Silva   10:41` (or `Ana Silva, 10:41 AM`)
 *   with the message on the lines under it; `[10:41] Ana Silva: text`;
 *   `Ana Silva (10:41): text`; WhatsApp `09/03/2024, 10:41 - Ana Silva: text`;
 * - a board export as CSV or TSV (Miro, Padlet, retro boards): a header row with a
 *   column of the card's text (`Content`, `Text`, `Note`, `Sticky`, `Card`, `Idea`,
 *   `Comment`, `Description`, `Message`); every other column (author, votes, colour) is dropped.
 *
 * - a transcript with no times, a turn a line (`carol mayhew: text`, `MS ACHEAMPONG: text`, `A. DR LEE: text`
 *   from a stenographer's Q and A), perhaps with the stenographer's line numbers in the margin: only when it has
 *   three turns or more, two speakers or more, one of them speaking twice, a turn in every four lines or more. Its
 *   labels may be roles or headings (`You:`, `Pros:`), so they are not added to the roster here: they are offered
 *   to the anonymiser (`file.data.labelSpeakers`), which knows which words are names.
 *
 * A live log typed as one paragraph with a time at the start of each line
 * becomes a note per line too, without the times.
 *
 * A message sent privately (`to Ana Silva (Direct Message)`, `(privately)`) is
 * kept out of the report by the group stage (a left-out block, `private-message`).
 */
import type {Code, List, ListItem, Nodes, Paragraph, Parents, PhrasingContent, Root} from 'mdast'
import {parse as parseCsv} from 'csv-parse/sync'
import type {VFile} from 'vfile'
import type {Person} from '../types.js'
import {mergePeople, splitHonorific} from './roster.js'

declare module 'mdast' {
  interface ListItemData {
    /** A chat message sent to one person, not to everyone: never in the report. */
    privateMessage?: boolean
    /** Made from a line of a pasted chat or board export. */
    exported?: 'chat' | 'board'
  }
}

interface Message {
  /** 0-based line within the code block. */
  index: number
  column: number
  text: string
  speaker?: string
  private?: boolean
  /** A board's theme column for the card (`works`, `change`), read as the card's hashtag. */
  tag?: string
  /** Its speaker is a transcript's label with no time: perhaps a person, perhaps a role. */
  label?: boolean
  /** A transcript's cue or stage direction (`BY MS ACHEAMPONG:`, `(Pause)`): not a note. */
  cue?: boolean
}

const name = String.raw`[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,4}?`
const time = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?`
const date = String.raw`\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}`

/** One-line message shapes: the speaker and the text. */
const oneLine: Array<{pattern: RegExp; private?: (match: RegExpExecArray) => boolean}> = [
  // Zoom: `10:04:12 From Ana Silva to Everyone: text`; `to Ana Silva(Direct Message)` and `(privately)` are private.
  {
    pattern: new RegExp(String.raw`^(?:${time})\s+From\s+(?<speaker>.+?)\s+to\s+(?<to>.+?)\s*:\s?(?<text>.*)$`, 'u'),
    private: (match) => !/^(?:everyone|all|all panelists|all panellists|host and panelists)\b/i.test(match.groups!.to!.trim()),
  },
  {pattern: new RegExp(String.raw`^(?:${time})\s+From\s+(?<speaker>[^:]+?)\s*:\s?(?<text>.*)$`, 'u')},
  // `[10:41] Ana Silva: text`, `[09/03/2024 10:41] Ana Silva: text`
  {pattern: new RegExp(String.raw`^\[(?:${date}[ ,]*)?${time}\]\s*(?<speaker>${name})\s*:\s?(?<text>.*)$`, 'u')},
  // WhatsApp: `09/03/2024, 10:41 - Ana Silva: text`
  {pattern: new RegExp(String.raw`^${date},?\s+${time}\s+[-–]\s+(?<speaker>${name})\s*:\s?(?<text>.*)$`, 'u')},
  // `Ana Silva (10:41): text`, `10:41 Ana Silva: text`
  {pattern: new RegExp(String.raw`^(?<speaker>${name})\s*\((?:${date}[ ,]*)?${time}\)\s*:\s?(?<text>.*)$`, 'u')},
  {pattern: new RegExp(String.raw`^(?:${time})\s+(?<speaker>${name})\s*:\s?(?<text>.*)$`, 'u')},
]

/** A transcript's turn with no time: `Ana Silva: text`, `carol mayhew: text`, `A. COUNCILLOR LANE: text` (a stenographer's answer). */
const labelTurn = /^(?:[QA][.:][^\S\n]+|BY[^\S\n]+)?(?<speaker>\p{L}[\p{L}'’.-]*(?:[^\S\n]+\p{L}[\p{L}'’.-]*){0,3}?)[^\S\n]*:[^\S\n]+(?<text>\S.*)$/u
/** A stenographer's question or answer with no label (`Q. How do you find them?`): a turn of its own. */
const examination = /^[QA][.:][^\S\n]+(?=\S)/u
/** A cue line: a stenographer's label alone (`BY MS ACHEAMPONG:`, `MR DUNMORE:`), or a stage direction (`(Pause)`, `[crosstalk]`, `(The session ended at 3.42 pm)`). */
const cue = /^(?:BY[^\S\n]+\p{L}[\p{L}'’.-]*(?:[^\S\n]+\p{L}[\p{L}'’.-]*){0,3}:|\p{Lu}[\p{Lu}'’.-]*(?:[^\S\n]+\p{Lu}[\p{Lu}'’.-]*){0,3}:|\((?:[^()\s]+\s?){1,8}\)|\[(?:[^[\]\s]+\s?){1,8}\])$/u
const transcriptCue = {rule: 'transcript-cue', reason: "a transcript's cue or stage direction, not what was said"}
/** What a label is not: the start of an address (`see https: …`). */
const notLabel = /(?:^|\s)(?:https?|ftp|mailto|www)$/iu
/** A stenographer's line number in the margin: `12  MS ACHEAMPONG: …`. */
const marginNumber = /^(\d{1,4})(?:[^\S\n]{2,}|\t)(?=\S)/u

/** Teams and Slack: `Ana Silva   10:41`, `Ana Silva, 10:41 AM`, `Ana Silva  [10:41 AM]`, `Ana Silva 09/03 10:41`, with the message under it. */
const header = new RegExp(String.raw`^(?<speaker>${name})(?:\s{2,}|\s*,\s*|\s+)\[?(?:${date}[ ,]*)?${time}\]?\s*$`, 'u')

/** Column headers of a board export that sort its cards into themes. */
const themeHeader = /^(?:theme|themes|category|section|type|tag|tags|column|list|label|group|bucket|kind)$/i
/** A theme's value that reads as a hashtag: one word (`works`, `#change`, `what-works`). */
const themeValue = /^#?[\p{Ll}\p{N}][\p{Ll}\p{N}_-]{1,30}$/u

/** Column headers of a board export that hold the card's text. */
const contentHeader = /^(?:content|text|note|notes|sticky|sticky note|card|card text|idea|ideas|comment|comments|description|message|body|post|title|response|responses|answer|answers)$/i

declare module 'vfile' {
  interface DataMap {
    /** The labels of a transcript's turns with no times (`carol mayhew`, `You`, `MS ACHEAMPONG`): the anonymiser adds those that are names to the roster. */
    labelSpeakers: string[]
  }
}

export default function remarkExports() {
  return function (tree: Root, file: VFile) {
    const speakers = new Set<string>()
    const labels = new Set<string>()
    const lines = String(file.value).split('\n')
    const visit = (parent: Parents) => {
      const children = parent.children as Nodes[]
      for (let index = 0; index < children.length; index++) {
        const child = children[index]!
        if (child.type === 'code') {
          const list = exportList(child, lines, speakers, labels)
          if (list) children.splice(index, 1, list)
          continue
        }
        if (child.type === 'paragraph') {
          // Its lines, split once for the live log and the minutes' points.
          const split = splitLines(child)
          if (split.length < 2) continue
          const list = liveLog(child, split) ?? (parent.type === 'root' ? chatParagraph(child, lines, speakers, labels) : undefined)
          if (!list) {
            const points = outlinePoints(child, split)
            if (points) children.splice(index + 1, 0, {type: 'list', ordered: false, spread: false, children: points, position: {start: points[0]!.position!.start, end: points.at(-1)!.position!.end}})
            continue
          }
          if (parent.type !== 'listItem') children.splice(index, 1, list)
          else {
            // Lines run on into a bullet (a lazy continuation): the bullet keeps its first line, the rest nest under it.
            const [first, ...rest] = list.children
            children.splice(index, 1, ...(first!.children as Nodes[]), ...(rest.length > 0 ? [{...list, children: rest} as Nodes] : []))
            index += rest.length > 0 ? 1 : 0
          }
          continue
        }
        if ('children' in child && child.type !== 'heading' && child.type !== 'tableCell') visit(child as Parents)
      }
    }
    // Log lines run on into a bullet (a lazy continuation) are the log's, not the bullet's: they follow the list.
    for (let index = 0; index < tree.children.length; index++) {
      const node = tree.children[index]!
      if (node.type !== 'list') continue
      const hoisted = hoistLiveLog(node)
      if (hoisted.length > 0) tree.children.splice(index + 1, 0, {type: 'list', ordered: false, spread: false, children: hoisted, position: {start: hoisted[0]!.position!.start, end: hoisted.at(-1)!.position!.end}})
    }
    visit(tree)
    if (labels.size > 0) file.data.labelSpeakers = [...(file.data.labelSpeakers ?? []), ...labels]
    if (speakers.size > 0 && file.data.roster) {
      const people: Person[] = [...speakers].map((speaker) => ({...splitHonorific(speaker), aliases: []}))
      file.data.roster = {...file.data.roster, people: mergePeople(file.data.roster.people, people)}
    }
  }
}

/** `10:05`, `10.05 -`, `[10:05]`, `10:05:12 –`, `(00:23:40)` at the start of a line of a live log or of show notes' chapters. */
const logTime = /^\s*(?:\[\d{1,2}[:.]\d{2}(?::\d{2})?\]|\(\d{1,2}[:.]\d{2}(?::\d{2})?\)|\d{1,2}[:.]\d{2}(?::\d{2})?)(?:\s*(?:->|→|=>|[-–—:])\s*|\s+)/
/** A line that asks a question: it ends with its question mark (and any closing quote or bracket). */
const questionLine = /\?["'”’)\]]*\s*$/u

/**
 * A live log typed as one paragraph, a line per moment (`10:05 buses every
 * two hours…` / `10:07 -> tried in three villages`): each line a note of its
 * own, at its line, without the time. Only when most of its lines start with a time.
 */
function liveLog(paragraph: Paragraph, lines = splitLines(paragraph)): List | undefined {
  const start = paragraph.position?.start
  if (!start) return undefined
  if (lines.length < 2) return undefined
  const timed = lines.filter((line) => line[0]?.type === 'text' && logTime.test(line[0].value)).length
  // Questions typed one a line with no list marker (`Do you know…?` / `Does every…?`) are a list of questions too.
  const asked = lines.every((line) => {
    const last = line.at(-1)
    return last?.type === 'text' && questionLine.test(last.value)
  })
  if (timed * 2 <= lines.length && !asked) return undefined
  const items: ListItem[] = []
  lines.forEach((line, index) => {
    const first = line[0]
    if (first?.type === 'text' && timed * 2 > lines.length) first.value = first.value.replace(logTime, '')
    const content = line.filter((node) => !(node.type === 'text' && node.value.trim() === ''))
    if (content.length === 0) return
    const position = {start: {line: start.line + index, column: index === 0 ? start.column : 1, offset: undefined}, end: {line: start.line + index, column: 1, offset: undefined}}
    items.push({type: 'listItem', spread: false, children: [{type: 'paragraph', children: content, position}], position})
  })
  return items.length > 0 ? {type: 'list', ordered: false, spread: false, children: items, position: paragraph.position} : undefined
}

/** A paragraph's phrasing content, line by line. */
function splitLines(paragraph: Paragraph): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]]
  for (const node of paragraph.children) {
    if (node.type !== 'text' || !node.value.includes('\n')) {
      lines.at(-1)!.push(node)
      continue
    }
    node.value.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([])
      if (part !== '') lines.at(-1)!.push({type: 'text', value: part})
    })
  }
  return lines
}

/** `2.1 `, `3.2.1 `, `a) `, `(b) ` at the start of a line: a numbered point of minutes or a lettered sub-point. */
const outlineMarker = /^\s*(?:\d{1,2}(?:\.\d{1,2})+\.?|\(?[a-h]\))\s+(?=\S)/u

/**
 * Minutes typed on under an item (`1. Food waste` / `1.1 Members noted…` / `1.2 …`): each numbered or
 * lettered line is a point of its own, under the item's first line as its subject. The points, with their
 * lines; the paragraph keeps the lines before the first of them. Nothing when no line after the first is one.
 */
function outlinePoints(paragraph: Paragraph, lines = splitLines(paragraph)): ListItem[] | undefined {
  const start = paragraph.position?.start
  if (!start) return undefined
  const marked = (line: PhrasingContent[]) => line[0]?.type === 'text' && outlineMarker.test(line[0].value)
  const first = lines.findIndex((line, index) => index > 0 && marked(line))
  if (first === -1) return undefined
  const points: Array<{index: number; content: PhrasingContent[]}> = []
  lines.forEach((line, index) => {
    if (index < first) return
    if (marked(line)) {
      const head = line[0] as {type: 'text'; value: string}
      head.value = head.value.replace(outlineMarker, '')
      points.push({index, content: [...line]})
    } else points.at(-1)!.content.push({type: 'text', value: ' '}, ...line)
  })
  const kept = lines.slice(0, first)
  paragraph.children = kept.flatMap((line, index) => (index === 0 ? line : [{type: 'text', value: '\n'} as PhrasingContent, ...line]))
  paragraph.position = {start, end: {line: start.line + first - 1, column: 1 + kept.at(-1)!.reduce((width, node) => width + (node.type === 'text' ? node.value.length : 0), 0)}}
  return points
    .map(({index, content}) => ({index, content: content.filter((node) => !(node.type === 'text' && node.value.trim() === ''))}))
    .filter(({content}) => content.length > 0)
    .map(({index, content}) => {
      const position = {start: {line: start.line + index, column: 1, offset: undefined}, end: {line: start.line + index, column: 1, offset: undefined}}
      return {type: 'listItem', spread: false, children: [{type: 'paragraph', children: content, position}], position} satisfies ListItem
    })
}

/** Split live-log paragraphs inside a list's items: each item keeps its first line; the log lines after it are returned. */
function hoistLiveLog(list: List): ListItem[] {
  const hoisted: ListItem[] = []
  for (const item of list.children) {
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        const log = liveLog(child)
        if (!log || log.children.length < 2) continue
        child.children = (log.children[0]!.children[0] as Paragraph).children
        hoisted.push(...log.children.slice(1))
      } else if (child.type === 'list') hoisted.push(...hoistLiveLog(child))
    }
  }
  return hoisted
}

/**
 * A transcript pasted as text, not in a code block: a paragraph whose lines are chat lines
 * (`Priya Shah (00:01:12): …`, `[10:41] Ana Silva: …`), at least two of them, a note per message.
 */
function chatParagraph(paragraph: Paragraph, lines: string[], speakers: Set<string>, labels: Set<string>): List | undefined {
  const start = paragraph.position?.start
  const end = paragraph.position?.end
  if (!start || !end || end.line === start.line || start.column !== 1) return undefined
  const body = lines.slice(start.line - 1, end.line)
  const messages = chatMessages(body) ?? labelledTurns(body)
  if (messages && messages.filter((message) => message.speaker !== undefined).length >= 2) return messageList(messages, start.line, speakers, labels, paragraph.position!)
  // A spreadsheet pasted as text, not in a fence (`Ref;Contributor;Note;Theme`, tab-separated from Excel): a card per row,
  // only when its first line is a header with a column of the notes' text.
  if (!delimitedHeader.test(body[0] ?? '')) return undefined
  const cards = boardCards(body.map((line) => line.replace(/\r$/u, '')))
  return cards && cards.length > 0 ? messageList(cards, start.line, speakers, labels, paragraph.position!) : undefined
}

/** A header row of a spreadsheet pasted as text: two or more columns by tabs, semicolons or commas, one of them the text. */
const delimitedHeader = /^[^\t;,\n]{1,40}(?:[\t;,][^\t;,\n]{1,40}){1,12}\r?$/u

/** The code block as a list of notes, if it is a chat or board export. */
function exportList(code: Code, lines: string[], speakers: Set<string>, labels: Set<string>): List | undefined {
  const start = code.position?.start
  if (!start) return undefined
  // A fenced block's content starts on the line after the fence.
  const fenced = /^\s*(?:`{3,}|~{3,})/.test(lines[start.line - 1] ?? '')
  const first = start.line + (fenced ? 1 : 0)
  const body = code.value.split('\n')
  const kind = code.lang && /^(?:csv|tsv)$/i.test(code.lang) ? 'board' : undefined
  const messages = kind === 'board' ? boardCards(body) : chatMessages(body) ?? boardCards(body)
  if (!messages || messages.length === 0) return undefined
  return messageList(messages, first, speakers, labels, code.position!)
}

/** Messages or cards as a list of notes, each at its line; their speakers join the roster. */
function messageList(messages: Message[], first: number, speakers: Set<string>, labels: Set<string>, position: NonNullable<Code['position']>): List {
  const exported: 'chat' | 'board' = messages.some((message) => message.speaker !== undefined) ? 'chat' : 'board'
  for (const message of messages) if (message.speaker && message.label) labels.add(message.speaker)
  for (const message of messages) if (message.speaker && !message.label && !message.private) speakers.add(message.speaker)
  for (const message of messages) if (message.speaker && !message.label && message.private) speakers.add(message.speaker)
  const items: ListItem[] = messages.map((message) => {
    const line = first + message.index
    const column = message.column
    const position = {start: {line, column, offset: undefined}, end: {line, column: column + message.text.length, offset: undefined}}
    return {
      type: 'listItem',
      spread: false,
      data: {exported, ...(message.private ? {privateMessage: true} : {})},
      children: [{type: 'paragraph', children: [{type: 'text', value: message.text, position}], position, ...(message.tag ? {data: {hashtags: [message.tag]}} : message.cue ? {data: {leaveOut: transcriptCue}} : {})}],
      position,
    }
  })
  return {type: 'list', ordered: false, spread: false, children: items, position}
}

/**
 * A transcript with no times, typed or pasted as a paragraph (never a code block: a fence of `key: value` lines is
 * data or code): a turn a line, continuation lines joined to the turn above, the stenographer's margin numbers taken off.
 */
function labelledTurns(body: string[]): Message[] | undefined {
  const content = body.filter((line) => line.trim() !== '')
  // The stenographer's line numbers, when most lines have one: blanked, so that each turn's column is its own.
  const numbered = content.filter((line) => marginNumber.test(line)).length
  const lines = numbered >= 2 && numbered * 3 >= content.length * 2 ? body.map((line) => line.replace(marginNumber, (number) => ' '.repeat(number.length))) : body
  const messages: Message[] = []
  const turns = new Map<string, number>()
  let current: Message | undefined
  lines.forEach((raw, index) => {
    const line = raw.trim()
    if (line === '') {
      current = undefined
      return
    }
    const column = raw.length - raw.trimStart().length + 1
    // A cue is not what anyone said: left out with its reason (the facilitator sees it), and what follows is a new turn.
    if (cue.test(line)) {
      messages.push({index, column, text: line, cue: true})
      current = undefined
      return
    }
    const match = labelTurn.exec(line)
    const speaker = match?.groups!.speaker!.trim()
    if (!match && examination.test(line)) {
      const text = line.replace(examination, '')
      messages.push((current = {index, column: column + line.length - text.length, text}))
    } else if (match && speaker && !notLabel.test(speaker)) {
      const key = speaker.toLowerCase()
      turns.set(key, (turns.get(key) ?? 0) + 1)
      current = {index, column: column + line.indexOf(match.groups!.text!), text: match.groups!.text!.trim(), speaker, label: true}
      messages.push(current)
    } else if (current) current.text = `${current.text} ${line}`
    else messages.push((current = {index, column, text: line}))
  })
  // Turns run on over several lines (a stenographer wraps at sixty characters): a quarter of the lines, and at most
  // two lines before the first turn.
  const turned = [...turns.values()].reduce((sum, count) => sum + count, 0)
  const before = messages.findIndex((message) => message.label)
  if (turned < 3 || turns.size < 2 || ![...turns.values()].some((count) => count >= 2) || turned * 4 < content.length || before > 2) return undefined
  return messages.filter((message) => message.text !== '')
}

/** Chat messages, if most of the block's lines are chat: each message with its continuation lines. */
function chatMessages(body: string[]): Message[] | undefined {
  const messages: Message[] = []
  let matched = 0
  let content = 0
  let current: Message | undefined
  for (let index = 0; index < body.length; index++) {
    const raw = body[index]!
    const line = raw.trim()
    if (line === '') {
      current = undefined
      continue
    }
    content++
    const column = raw.length - raw.trimStart().length + 1
    const one = matchOneLine(line)
    if (one) {
      matched++
      current = {index, column, text: one.text.trim(), speaker: one.speaker, private: one.private}
      messages.push(current)
      continue
    }
    const head = header.exec(line)
    if (head && (index + 1 < body.length && body[index + 1]!.trim() !== '')) {
      matched++
      // The message starts on the next line.
      current = {index: index + 1, column: 1, text: '', speaker: head.groups!.speaker!.trim()}
      messages.push(current)
      const next = body[index + 1]!
      current.column = next.length - next.trimStart().length + 1
      current.text = next.trim()
      index++
      content++
      continue
    }
    if (current) current.text = `${current.text} ${line}`.trim()
    else messages.push({index, column, text: line})
  }
  // Most lines must be chat: a block of code with one `10:41 Note:` line is not a chat log.
  if (matched === 0 || matched * 2 < content - matched) return undefined
  return messages.filter((message) => message.text !== '')
}

function matchOneLine(line: string): {speaker: string; text: string; private: boolean} | undefined {
  for (const shape of oneLine) {
    const match = shape.pattern.exec(line)
    if (!match) continue
    const speaker = match.groups!.speaker!.trim()
    if (speaker === '' || /^\d/.test(speaker)) continue
    return {speaker, text: match.groups!.text ?? '', private: shape.private?.(match) ?? false}
  }
  return undefined
}

/** Cards of a board export: the text column of each row after the header. */
function boardCards(body: string[]): Message[] | undefined {
  const headerIndex = body.findIndex((line) => line.trim() !== '')
  if (headerIndex === -1) return undefined
  const headerLine = body[headerIndex]!
  const delimiter = ['\t', ',', ';'].find((candidate) => headerLine.includes(candidate))
  if (!delimiter) return undefined
  let rows: string[][]
  try {
    rows = parseCsv(body.slice(headerIndex).join('\n'), {delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true}) as string[][]
  } catch {
    return undefined
  }
  const labels = rows[0]!.map((label) => label.trim())
  const column = labels.findIndex((label) => contentHeader.test(label))
  if (column === -1 || labels.length < 2) return undefined
  // A row with more fields than the header has the delimiter inside its text (`…alone; many never report…`, unquoted, as
  // Excel writes a semicolon export): the fields over are the text's.
  rows = rows.map((row, index) => (index === 0 || row.length <= labels.length ? row : [...row.slice(0, column), row.slice(column, column + row.length - labels.length + 1).join(delimiter), ...row.slice(column + row.length - labels.length + 1)]))
  // A column that sorts the cards (`Theme: works`, `Category: barrier`) says what a hashtag would: its one-word values are the cards' tags.
  const sorter = labels.findIndex((label, index) => index !== column && themeHeader.test(label))
  // Rows keep their lines only when no field spans lines; otherwise each card is placed at its first line.
  const cards: Message[] = []
  let line = headerIndex + 1
  for (const row of rows.slice(1)) {
    const text = (row[column] ?? '').replace(/\s+/g, ' ').trim()
    const span = row.reduce((sum, field) => sum + (field.match(/\n/g)?.length ?? 0), 0)
    if (row.length > 1 || text !== '') {
      const tag = sorter === -1 ? undefined : (row[sorter] ?? '').trim().toLowerCase()
      if (text !== '') cards.push({index: line, column: 1, text, ...(tag && themeValue.test(tag) ? {tag: tag.replace(/^#/u, '')} : {})})
    }
    line += 1 + span
    while (line < body.length && body[line]!.trim() === '') line++
  }
  return cards
}
