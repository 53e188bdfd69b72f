#!/usr/bin/env node
// Grouping's floor beside grouping: on the notes file bench/placement.mjs times (parsed and
// anonymised once), three things alternating in one process after warm-up, so that all see the same load:
//   group    groupNotes, the whole stage (what bench/placement.mjs times)
//   segment  segment() alone: the notes cut from the tree, each with its text record made (empty)
//   record   segment() and every note's record read as grouping reads it for every note: words, stems,
//            content stems, what it says and its stems, its capitalised words (not its signals: grouping
//            reads those only for the notes no hashtag, heading or question placed)
// Prints each one's median wall and CPU time and its share of grouping's.
//
//   npm run build && node bench/group-floor.mjs [--runs N]
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {median, root} from './lib/report.mjs'
import {notesFile} from './lib/notes400.mjs'
import {alternate} from './lib/alternate.mjs'

const args = process.argv.slice(2)
const runs = Number(args[args.indexOf('--runs') + 1]) || 200
const load = (file) => import(pathToFileURL(path.join(root, 'dist', file)).href)
const {parseNotes} = await load('parse/index.js')
const {default: remarkChathamHouse} = await load('anonymise/index.js')
const {groupNotes} = await load('group/index.js')
const {segment} = await load('group/segment.js')
const {loadProfile} = await load('group/profile.js')

const {text} = notesFile()
const profile = loadProfile('insights-report')
const source = new VFile({path: 'bench.md', value: text})
const tree = parseNotes(source, {})
unified().use(remarkChathamHouse).runSync(tree, source)
const meta = source.data

/** Every field of every note's record, sub-bullets too. */
function readAll(notes) {
  let count = 0
  for (const note of notes) {
    const record = note.record
    count += record.words.length + record.stems.length + record.contentStems.length + record.saidStems.length + record.capitalised.length
    count += readAll(note.children)
  }
  return count
}

const cases = [
  {
    label: 'group',
    run: () => {
      const file = new VFile({path: 'bench.md', value: text})
      file.data = {...meta}
      return groupNotes(tree, file, profile)
    },
  },
  {label: 'segment', run: () => segment(tree, profile)},
  {label: 'record', run: () => readAll(segment(tree, profile).notes)},
]
alternate(cases, runs)
const [group] = cases
for (const entry of cases) {
  const share = entry === group ? '' : `, ${((100 * median(entry.cpu)) / median(group.cpu)).toFixed(1)}% of grouping's CPU, ${((100 * median(entry.wall)) / median(group.wall)).toFixed(1)}% of its wall`
  console.log(`${entry.label}: median ${median(entry.wall).toFixed(2)} ms (CPU ${median(entry.cpu).toFixed(2)} ms), min ${Math.min(...entry.wall).toFixed(2)} ms${share}`)
}
console.log(`${runs} runs each after 50 warm-up runs, alternating; load average ${os.loadavg()[0].toFixed(1)}`)
