#!/usr/bin/env node
// Anonymiser output digests: freeze what the anonymiser and the audit produce, so that a change
// meant only to make them faster can be shown to change no output byte.
//
// For every notes file of the shipped corpus (shared/corpus), of the held-out sets 1–6
// (bench/heldout*/notes) and of a generated archive of 60 files (shared/tools/make-archive.mjs,
// seed 5), it parses and anonymises the file as the build does (`parseNotes`, then the
// `remarkChathamHouse` plugin) and prints one line per file: the file, then a digest of
//   md       the anonymised notes as markdown (remark-stringify + gfm) and the rewritten front matter
//   red      the redaction records (`file.data.redactions`)
//   diag     the diagnostics (every message: place, rule, reason), the ordinary uses the anonymiser
//            recorded for the audit (`file.data.ordinary`) and the notes it emptied
//   audit    what the Chatham House audit (`createAuditor`, both opinions) reports on the anonymised
//            markdown and, to exercise it on many names, on the raw notes themselves
// and a last line `all` over every file. Two checkouts give the same lines when their outputs agree.
//
// Usage: node bench/anonymise-digests.mjs [CHECKOUT] [--out FILE]
//   CHECKOUT: a built checkout (default: this one); its dist/ is what runs.
//   Compare:  node bench/anonymise-digests.mjs /work/main > main.txt; node bench/anonymise-digests.mjs > mine.txt; diff main.txt mine.txt
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {digestSets, finish, notesUnder} from './lib/digest-sets.mjs'
import {root} from './lib/report.mjs'

const args = process.argv.slice(2)
const outAt = args.indexOf('--out')
const out = outAt >= 0 ? args[outAt + 1] : undefined
const checkout = path.resolve(args.find((arg, index) => !arg.startsWith('--') && index !== outAt + 1) ?? root)
const load = (file) => import(pathToFileURL(path.join(checkout, 'dist', file)).href)

const {VFile} = await import('vfile')
const {unified} = await import('unified')
const {default: remarkStringify} = await import('remark-stringify')
const {default: remarkGfm} = await import('remark-gfm')
const {parseNotes} = await load('parse/index.js')
const {default: remarkChathamHouse} = await load('anonymise/index.js')
const {createAuditor} = await load('audit/index.js')

const {sets, archive} = digestSets('exchange-digests-')

const digest = (value) => createHash('sha256').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex').slice(0, 16)
const stringify = unified().use(remarkStringify).use(remarkGfm)
const all = createHash('sha256')
const lines = []
for (const {label, dir} of sets) {
  for (const name of notesUnder(dir)) {
    const notesFile = path.join(dir, name)
    const source = fs.readFileSync(notesFile, 'utf8')
    const file = new VFile({path: notesFile, value: source})
    const tree = parseNotes(file)
    unified().use(remarkChathamHouse).runSync(tree, file)
    const markdown = stringify.stringify(tree)
    const meta = file.data.meta ?? {}
    const messages = file.messages.map((message) => [message.line, message.column, message.ruleId, message.reason, message.fatal])
    const auditor = createAuditor(file.data.roster ?? {people: [], share: []}, source, file.data.meta, file.data.ordinary ?? [])
    const leaks = [...auditor.scan(markdown, 'md'), ...auditor.scan(source, 'notes')]
    const line = [
      `${label}/${path.relative(dir, notesFile)}`,
      `md=${digest([markdown, meta])}`,
      `red=${digest(file.data.redactions ?? [])}`,
      `diag=${digest([messages, file.data.ordinary ?? [], file.data.emptied ?? []])}`,
      `audit=${digest(leaks)}`,
    ].join(' ')
    all.update(`${line}\n`)
    lines.push(line)
  }
}
finish(lines, all, archive, out)
