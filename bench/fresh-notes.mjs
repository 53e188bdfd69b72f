#!/usr/bin/env node
// Fresh notes (issue 15): leaks, kept phrases and the audit's verdict on every output of a report.
//   npm run build && node bench/fresh-notes.mjs [checkout] [--notes DIR] [--check]
// For each DIR/NAME.md with NAME.key.json ({mustGo: tokens of names, mustSurvive: phrases as written}):
// the report is compiled (html, md, json and the Word copy) with the checkout's own engine, WITHOUT refusing
// on a leak, so that what the rewriter lets through is counted whatever the audit says. Then:
//   left    = tokens of mustGo found (any case, whole word) in an output, outside the mustSurvive phrases;
//   kept    = mustSurvive phrases found in the HTML's text (case and quotes folded);
//   audit   = what the audit reported for the same outputs (the leaks `build` and `check` refuse on);
//   caught  = a report with a token left was refused (audit leaks > 0);
//   missed  = tokens left that no audit leak covers (the audit's blind spots, the figure that must be 0).
// With --check, `exchange check` is run on each file too, and its exit code printed.
import fs from 'node:fs'
import path from 'node:path'
import {spawnSync} from 'node:child_process'

const args = process.argv.slice(2)
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const checkout = path.resolve(args.find((arg, index) => !arg.startsWith('--') && !['--notes'].includes(args[index - 1])) ?? '.')
const notesDir = path.resolve(opt('--notes', path.join(checkout, 'tests/anonymise/fresh')))
const dist = (file) => path.join(checkout, 'dist', file)
const {readNotes} = await import(dist('engine/read.js'))
const {compileReport} = await import(dist('engine/compile.js'))
const {htmlText, jsonStrings, createAuditor} = await import(dist('audit/index.js'))
const word = await import(dist('render/docx.js')).catch(() => undefined)

const fold = (text) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐-―]/g, '-')
    .replace(/\s+/g, ' ')
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Initials (`CM`, `IN`) count only in capitals; any other token in any case. */
const initials = (token) => token.length <= 3 && token === token.toUpperCase()
const tokenPattern = (token) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(initials(token) ? token : fold(token))}(?![\\p{L}\\p{N}])`, initials(token) ? 'gu' : 'giu')
/** Quotes, dashes and spaces as one: case kept. */
const plain = (text) => text.normalize('NFC').replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"').replace(/[‐-―]/g, '-').replace(/\s+/g, ' ')
/** The text with each phrase blanked, in any case, and what a diagnostic quotes of it cut short with `…` (`'brook restoration volunteers found …'`). */
const blanked = (text, phrases) => {
  let rest = plain(text)
  for (const phrase of phrases) {
    const whole = plain(phrase)
    const cuts = [whole]
    for (let length = whole.length - 1; length >= 12; length--) cuts.push(`${whole.slice(0, length).trimEnd()}…`)
    for (const cut of cuts) rest = rest.replace(new RegExp(escape(cut).replace(/…$/u, '\\s?…'), 'giu'), ' \u0000 ')
  }
  return rest
}

const files = fs.readdirSync(notesDir).filter((name) => name.endsWith('.md') && fs.existsSync(path.join(notesDir, name.replace(/\.md$/, '.key.json')))).sort()
const totals = {go: 0, left: 0, survive: 0, kept: 0, leaking: 0, caught: 0, missed: 0, audited: 0}
for (const name of files) {
  const notes = path.join(notesDir, name)
  const key = JSON.parse(fs.readFileSync(notes.replace(/\.md$/, '.key.json'), 'utf8'))
  const file = readNotes(notes, name)
  const compiled = compileReport(file, {cwd: notesDir, outputs: ['html', 'md', 'json']})
  const surfaces = {html: htmlText(compiled.html), md: compiled.markdown, json: jsonStrings(compiled.json)}
  if (word) {
    const docx = await word.reportToDocx(compiled.report, {brand: compiled.brand})
    surfaces.docx = word.docxText(docx)
    compiled.leaks.push(...createAuditor(file.data.roster ?? {people: [], share: []}, String(file.value), file.data.meta, file.data.ordinary ?? []).scan(surfaces.docx, 'docx'))
  }
  const left = new Map()
  for (const [where, text] of Object.entries(surfaces)) {
    const rest = blanked(text, key.mustSurvive)
    for (const token of key.mustGo) {
      for (const match of rest.matchAll(tokenPattern(token))) {
        const context = rest.slice(Math.max(0, match.index - 30), match.index + token.length + 30)
        const entry = left.get(`${fold(token)}|${context}`) ?? {token, context, where: new Set()}
        entry.where.add(where)
        left.set(`${fold(token)}|${context}`, entry)
      }
    }
  }
  const leakedTokens = new Set([...left.values()].map((entry) => entry.token))
  const audited = new Set(compiled.leaks.map((leak) => leak.text))
  // A token left is covered when the audit reported that very word (or a leak containing it).
  const missed = [...leakedTokens].filter((token) => ![...audited].some((text) => tokenPattern(token).test(text)))
  const html = fold(surfaces.html)
  const kept = key.mustSurvive.filter((phrase) => html.includes(fold(phrase)))
  let checkCode = ''
  if (args.includes('--check')) checkCode = ` check=${spawnSync(process.execPath, [path.join(checkout, 'bin/exchange.js'), 'check', notes], {encoding: 'utf8'}).status}`
  totals.go += key.mustGo.length
  totals.left += leakedTokens.size
  totals.survive += key.mustSurvive.length
  totals.kept += kept.length
  totals.leaking += leakedTokens.size > 0 ? 1 : 0
  totals.caught += leakedTokens.size > 0 && compiled.leaks.length > 0 ? 1 : 0
  totals.missed += missed.length
  totals.audited += compiled.leaks.length > 0 ? 1 : 0
  console.log(`${name}: left ${leakedTokens.size}/${key.mustGo.length} tokens, kept ${kept.length}/${key.mustSurvive.length}, audit ${compiled.leaks.length} leaks (${[...new Set(compiled.leaks.map((leak) => leak.text))].join(', ')}), tokens the audit missed ${missed.length}${checkCode}`)
  for (const entry of left.values()) console.log(`  left ${entry.token} [${[...entry.where].join(',')}]: …${entry.context.replace(/\u0000/g, '▮')}…`)
  for (const phrase of key.mustSurvive.filter((phrase) => !kept.includes(phrase))) console.log(`  lost: ${phrase}`)
}
console.log(
  `TOTAL ${files.length} files: name tokens left ${totals.left}/${totals.go}; phrases kept ${totals.kept}/${totals.survive} (${((100 * totals.kept) / totals.survive).toFixed(1)}%); reports with a leak ${totals.leaking}, refused by the audit ${totals.caught}/${totals.leaking}; tokens left the audit did not name ${totals.missed}; reports the audit refused ${totals.audited}/${files.length}`,
)
