/**
 * remark plugin: an attendance list written in the notes' body, where the front matter gave none or not all:
 * `Present: Sue Field (Leeds City Council), Mark Hill`, `Panel (for the record only): Cllr Patricia Lane (Oxford City
 * Council); Dr Nadia Obi (Newham)`, or a line `Attendees` with the names in the paragraph or list under it, as a
 * meeting tool exports it. Its people, with their organisations, join the roster, so that every other mention of them
 * and of where they work is found as an attendee's is; the list itself is left out (`attendance`), as the front
 * matter's attendees are never printed. Only a list whose entries are nearly all names is read so.
 */
import type {List, Paragraph, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {Person} from '../types.js'
import {fromText, mergePeople} from './roster.js'

/** The words that open an attendance list, with a remark in brackets and a colon perhaps: `Panel (for the record only):`. */
const opener = /^(?:attendees|attendance|present|in attendance|panel|panellists|panelists|participants|speakers|apologies|invitees|delegates|in the room|who was there|sign-?in(?: sheet)?)(?:[^\S\n]*\([^)\n]*\))?[^\S\n]*(?::|$)[^\S\n]*/iu
/** A role written before a name in such a list: `chair Abena Acheampong`. */
const rolePrefix = /^(?:and[^\S\n]+)?(?:(?:co-)?chair|facilitator|host|moderator|note-?taker|scribe)[^\S\n]*[:,-]?[^\S\n]+/iu
/** A name: one to four words, each opening with a capital (`Kerry-Anne`, `O'Sullivan`, `van der Berg` allowed inside). */
const nameShape = /^\p{Lu}[\p{L}'’.-]*(?:[^\S\n]+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|da|di|du|le|la|bin|binti|al|el)){1,3}$/u

/** One entry of the list as a person: `Cllr Patricia Lane (Oxford City Council)`, `Sue Field – Leeds City Council`. */
function person(entry: string): Person | 'self' | undefined {
  const trimmed = entry.trim().replace(/[.;,]$/u, '')
  const text = trimmed.replace(rolePrefix, '')
  // The chair's or facilitator's organisation is the host's, printed on the cover: their name goes, not it.
  const organiser = text !== trimmed
  if (/\((?:you|me|notes?|note-?taker)\)$/iu.test(text)) return 'self'
  // `Name (Org)` as the front matter's attendees read it (honorific, nickname, organisation); `Name – Org` here.
  const dash = /^(.*?)[^\S\n]+[-–—][^\S\n]+(.+)$/u.exec(text)
  const read = !text.endsWith(')') && dash ? {...fromText(dash[1]!), org: dash[2]!.trim()} : fromText(text)
  if (!nameShape.test(read.name)) return undefined
  if (organiser) delete read.org
  return read
}

/** The people of a list's entries, when nearly all (all but one in five) are names and there are two or more. */
function people(entries: string[]): Person[] | undefined {
  const read = entries.map((entry) => entry.trim()).filter(Boolean).map(person)
  const found = read.filter((entry): entry is Person => entry !== undefined && entry !== 'self')
  const unread = read.filter((entry) => entry === undefined).length
  return found.length >= 2 && unread * 5 <= read.length ? found : undefined
}

/** A list's entries: by semicolons when it has them, else by commas and `and`. */
const entriesOf = (text: string) => (text.includes(';') ? text.split(';') : text.split(/,|[^\S\n]+and[^\S\n]+/u))

const attendance = {rule: 'attendance', reason: 'an attendance list: read as the roster, never printed'}

export default function remarkAttendance() {
  return function (tree: Root, file: VFile) {
    const found: Person[] = []
    const children = tree.children as RootContent[]
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!
      if (node.type !== 'paragraph') continue
      const text = toString(node)
      const open = opener.exec(text)
      if (!open) continue
      const rest = text.slice(open[0].length).trim()
      if (rest !== '') {
        const listed = people(entriesOf(rest.replace(/\n/gu, ' ')))
        if (!listed) continue
        found.push(...listed)
        leaveOut(node)
        continue
      }
      // The opener alone: the names are in the next block, a paragraph or a list.
      const next = children[index + 1]
      if (next?.type === 'paragraph') {
        const listed = people(entriesOf(toString(next).replace(/\n/gu, ' ')))
        if (!listed) continue
        found.push(...listed)
        leaveOut(node)
        leaveOut(next)
      } else if (next?.type === 'list') {
        // The items that are names, from the first: a list of notes may follow in the same list.
        const items = (next as List).children
        let count = 0
        while (count < items.length && person(toString(items[count]!)) !== undefined) count++
        const listed = people(items.slice(0, count).map((item) => toString(item)))
        if (!listed) continue
        found.push(...listed)
        leaveOut(node)
        for (const item of items.slice(0, count)) for (const child of item.children) if (child.type === 'paragraph') leaveOut(child)
      }
    }
    if (found.length === 0) return
    const roster = file.data.roster ?? {people: [], share: []}
    file.data.roster = {...roster, people: mergePeople(roster.people, found)}
  }
}

function leaveOut(paragraph: Paragraph): void {
  paragraph.data = {...paragraph.data, leaveOut: attendance}
}
