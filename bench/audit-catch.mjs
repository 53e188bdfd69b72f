#!/usr/bin/env node
// The Chatham House audit measured on its own (issue 15: `check` exits 3 on every leak that reaches a report).
//
//   node bench/audit-catch.mjs [CHECKOUT] [--archive DIR] [--generator N|all|0] [--only corpus,heldout1,…,archive,generator]
//                              [--misses N] [--json FILE] [--pass on|off|both]
//
// CHECKOUT (default: this repository) must be built (`npm run build`); its `dist/` is measured. Two passes, each in a
// child process of its own:
// - **rewriter off**: the anonymise plugin is replaced by one that changes nothing and records no ordinary use (as
//   `tests/audit/` mocks it), so every must-not-appear string of the keys that the notes hold reaches the outputs. Of
//   those present in the HTML's text, the markdown and the JSON's strings (PDF text is not read: no browser here), how
//   many does the audit flag? `paranoid`: the independent check alone (`src/audit/paranoid.ts`, which shares no code
//   with the finder); `audit`: what `check` runs (the finder's opinion and the paranoid check). An occurrence is
//   caught when a flagged span overlaps it in the same block of the same output.
// - **rewriter on** (the real build): reports that leak (a must-not-appear string in an output) and whether the audit
//   refused them; reports refused that leak nothing (false refusals: a refused report loses all its content).
//
// Sources: the corpus (`/work/shared/corpus`, `*.key.json`), held-out sets 1–7 (`bench/heldout*/notes`, keys made
// from `spec/*.txt`), an archive made by `node /work/shared/tools/make-archive.mjs 60 DIR --seed 11 --keys` (given
// with --archive), and the name-position generator (`tests/generate/plant.ts`, 10,448 cases; --generator N for a
// seeded sample). Key strings are the roster's (`must_not_appear`); the corpus' and the archive's
// `must_not_appear_unrostered` are people on no roster, outside what the audit is for (SPEC: `check` is for the
// roster), and counted apart.
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {register} from 'node:module'
import {fileURLToPath, pathToFileURL} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '..')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : fallback
}
const valued = new Set(['--archive', '--generator', '--only', '--misses', '--json', '--child', '--pass'])
const checkout = path.resolve(args.find((arg, index) => !arg.startsWith('--') && !valued.has(args[index - 1])) ?? repo)
const child = option('--child')

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A key string as the held-out scorer matches it: any case, whole words, any run of white space. */
const keyPattern = (text) =>
  new RegExp((/^[\p{L}\p{N}_]/u.test(text) ? '(?<![\\p{L}\\p{N}_])' : '') + escape(text).replace(/\s+/g, '\\s+') + (/[\p{L}\p{N}_]$/u.test(text) ? '(?![\\p{L}\\p{N}_])' : ''), 'giu')
const fold = (word) => word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()

function notesWithKeys(dir) {
  const found = []
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.key.json')) {
        const key = JSON.parse(fs.readFileSync(full, 'utf8'))
        const notes = path.join(folder, key.notes ?? entry.name.replace(/\.key\.json$/u, '.md'))
        if (fs.existsSync(notes)) found.push({path: notes, name: path.relative(dir, notes), roster: key.must_not_appear ?? [], unrostered: key.must_not_appear_unrostered ?? []})
      }
    }
  }
  walk(dir)
  return found
}

function sources() {
  const list = [{name: 'corpus', files: notesWithKeys(fs.existsSync(path.join(repo, '../shared/corpus')) ? path.join(repo, '../shared/corpus') : '/work/shared/corpus')}]
  for (let set = 1; set <= 7; set++) {
    const dir = path.join(repo, 'bench', set === 1 ? 'heldout' : `heldout${set}`, 'notes')
    if (fs.existsSync(dir)) list.push({name: `heldout${set}`, files: notesWithKeys(dir)})
  }
  const archive = option('--archive')
  if (archive) list.push({name: 'archive', files: notesWithKeys(path.resolve(archive))})
  const only = option('--only')?.split(',')
  return only ? list.filter((source) => only.includes(source.name)) : list
}

/** The generator's cases, bundled from `tests/generate/plant.ts` (TypeScript) once. */
async function generatorCases() {
  const wanted = option('--generator', 'all')
  if (wanted === '0') return []
  const {build} = await import(pathToFileURL(path.join(repo, 'node_modules/esbuild/lib/main.js')).href)
  const out = path.join(os.tmpdir(), `audit-catch-plant-${process.pid}.mjs`)
  await build({entryPoints: [path.join(repo, 'tests/generate/plant.ts')], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error'})
  const plant = await import(pathToFileURL(out).href)
  fs.rmSync(out, {force: true})
  const all = plant.shuffle([...plant.generateCases(), ...plant.generateOrgCases()], 24)
  return plant.batchCases(wanted === 'all' ? all : all.slice(0, Number(wanted)))
}

// ---------------------------------------------------------------- child: one pass over every source

async function measure(mode) {
  if (mode === 'off') {
    // The rewriter off: the pipeline's anonymise plugin (its default export) does nothing; the finder the audit also runs is untouched.
    const hooks = `export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context)
      if (resolved.url.endsWith('/dist/anonymise/index.js') && context.parentURL?.endsWith('/dist/engine/pipeline.js'))
        return {url: 'data:text/javascript,' + encodeURIComponent('export * from ' + JSON.stringify(resolved.url) + '; export default function off() { return function () {} }'), shortCircuit: true}
      return resolved
    }`
    register(`data:text/javascript,${encodeURIComponent(hooks)}`)
  }
  const dist = (file) => import(pathToFileURL(path.join(checkout, 'dist', file)).href)
  const {compileReport} = await dist('engine/compile.js')
  const {createAuditor, jsonStrings} = await dist('audit/index.js')
  const {createParanoidAuditor} = await dist('audit/paranoid.js')
  const {VFile} = await import(pathToFileURL(path.join(checkout, 'node_modules/vfile/index.js')).href)

  /** One notes file through the pipeline: the outputs as the audit reads them, block by block, with each block's flagged spans. */
  const compile = (value, filePath) => {
    const file = new VFile({path: filePath, value})
    let compiled
    try {
      compiled = compileReport(file, {outputs: ['html', 'md', 'json'], cwd: path.dirname(filePath)})
    } catch (error) {
      return {error: String(error?.message ?? error).slice(0, 160)}
    }
    const roster = file.data.roster ?? {people: [], share: []}
    const ordinary = file.data.ordinary ?? []
    const paranoid = createParanoidAuditor(roster, {meta: file.data.meta, ordinary, source: value})
    const auditor = createAuditor(roster, value, file.data.meta, ordinary)
    const surfaces = {html: compiled.readerText, md: compiled.markdown.replace(/\*+/g, ''), json: jsonStrings(compiled.json)}
    const blocks = []
    for (const [where, text] of Object.entries(surfaces)) {
      for (const block of text.split('\n')) {
        if (!block.trim()) continue
        const suspects = paranoid.scan(block).map((suspect) => ({start: suspect.start, end: suspect.end, rule: suspect.position ?? `a word of a ${suspect.kind}'s name`}))
        // The finder's leaks carry no offsets: each is placed at every place its text stands in the block.
        const finder = []
        for (const leak of auditor.scan(block, where)) {
          if (leak.paranoid) continue
          for (const match of block.matchAll(keyPattern(leak.text))) finder.push({start: match.index, end: match.index + match[0].length, rule: 'the finder'})
        }
        blocks.push({where, text: block, suspects, finder})
      }
    }
    return {blocks, refused: compiled.leaks.length > 0, leaks: compiled.leaks.map((leak) => `${leak.where}: ${leak.text} (${leak.position ?? (leak.paranoid ? 'paranoid' : 'finder')}) «${leak.context}»`)}
  }

  const overlaps = (spans, start, end) => spans.some((span) => span.start < end && span.end > start)
  const result = {}
  const misses = Number(option('--misses', '40'))
  const tally = (name) =>
    (result[name] ??= {files: 0, errors: 0, present: 0, paranoid: 0, audit: 0, strings: 0, stringsParanoid: 0, unrosteredPresent: 0, unrosteredParanoid: 0, leaking: 0, refused: 0, leakingRefused: 0, falseRefusals: 0, missed: [], falseRefused: []})

  for (const source of sources()) {
    const row = tally(source.name)
    for (const notes of source.files) {
      row.files++
      const out = compile(fs.readFileSync(notes.path, 'utf8'), notes.path)
      if (out.error) {
        row.errors++
        continue
      }
      let leaked = false
      for (const [list, unrostered] of [[notes.roster, false], [notes.unrostered, true]]) {
        for (const text of new Set(list)) {
          let seen = 0
          let flagged = 0
          for (const block of out.blocks) {
            for (const match of block.text.matchAll(keyPattern(text))) {
              const [start, end] = [match.index, match.index + match[0].length]
              seen++
              const byParanoid = overlaps(block.suspects, start, end)
              if (unrostered) {
                row.unrosteredPresent++
                if (byParanoid) row.unrosteredParanoid++
                continue
              }
              row.present++
              if (byParanoid) row.paranoid++, flagged++
              const byFinder = overlaps(block.finder, start, end)
              if (byParanoid || byFinder) row.audit++
              if (mode === 'off' && !byParanoid && row.missed.length < misses) row.missed.push(`${notes.name} ${block.where}${byFinder ? ' (the finder flags it)' : ''}: ${JSON.stringify(text)} in «${block.text.slice(Math.max(0, start - 50), end + 50)}»`)
            }
          }
          if (seen > 0) leaked = true
          if (seen > 0 && !out.refused && mode === 'on' && row.missed.length < misses) row.missed.push(`${notes.name}: ${JSON.stringify(text)} reaches the report (${seen}×) and the audit passes it`)
          if (seen > 0 && !unrostered) {
            row.strings++
            if (flagged === seen) row.stringsParanoid++
          }
        }
      }
      record(row, leaked, out)
    }
  }

  function record(row, leaked, out) {
    if (leaked) row.leaking++
    if (out.refused) row.refused++
    if (leaked && out.refused) row.leakingRefused++
    if (!leaked && out.refused) {
      row.falseRefusals++
      if (row.falseRefused.length < misses) row.falseRefused.push(...out.leaks.slice(0, 3))
    }
  }

  // The generator: each case's banned words (folded) and initials, found in the outputs, one line a person per file.
  const files = await generatorCases()
  if (files.length > 0) {
    const row = tally('generator')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-catch-'))
    for (const [index, file] of files.entries()) {
      row.files++
      const out = compile(file.value, path.join(dir, `generated-${index}.md`))
      if (out.error) {
        row.errors++
        continue
      }
      let leaked = false
      for (const entry of file.cases) {
        const banned = new Set(entry.banned)
        const initials = entry.bannedInitials.map((text) => new RegExp(`(?<![\\p{L}])${text.replace(/\./g, '').split('').filter((letter) => letter !== ' ').join(String.raw`\.?[^\S\n]?`)}\\.?(?![\\p{L}])`, 'gu'))
        let seen = 0
        let flagged = 0
        for (const block of out.blocks) {
          const spans = []
          for (const match of block.text.matchAll(/[\p{L}\p{N}]+/gu)) if (banned.has(fold(match[0]))) spans.push([match.index, match.index + match[0].length])
          for (const pattern of initials) for (const match of block.text.matchAll(pattern)) spans.push([match.index, match.index + match[0].length])
          for (const [start, end] of spans) {
            seen++
            row.present++
            const byParanoid = overlaps(block.suspects, start, end)
            if (byParanoid) row.paranoid++, flagged++
            const byFinder = overlaps(block.finder, start, end)
            if (byParanoid || byFinder) row.audit++
            if (mode === 'off' && !byParanoid && row.missed.length < misses) row.missed.push(`${entry.position} / ${entry.form} / ${entry.writing} ${block.where}${byFinder ? ' (the finder flags it)' : ''}: «${block.text.slice(Math.max(0, start - 50), end + 50)}»`)
          }
        }
        if (seen > 0 && !out.refused && mode === 'on' && row.missed.length < misses) row.missed.push(`${entry.position} / ${entry.form} / ${entry.writing}: ${entry.line.slice(0, 80)} reaches the report and the audit passes it`)
        if (seen > 0) {
          leaked = true
          row.strings++
          if (flagged === seen) row.stringsParanoid++
        }
      }
      record(row, leaked, out)
    }
    fs.rmSync(dir, {recursive: true, force: true})
  }
  return result
}

if (child) {
  const result = await measure(child)
  process.stdout.write(`${JSON.stringify(result)}\n`)
} else {
  if (!fs.existsSync(path.join(checkout, 'dist', 'engine', 'compile.js'))) {
    console.error(`usage: audit-catch.mjs [CHECKOUT] … (no ${checkout}/dist: run npm run build there)`)
    process.exit(2)
  }
  const pass = (mode) =>
    new Promise((resolve, reject) => {
      const run = spawn(process.execPath, [fileURLToPath(import.meta.url), ...args, '--child', mode], {stdio: ['ignore', 'pipe', 'inherit']})
      let stdout = ''
      run.stdout.on('data', (chunk) => (stdout += chunk))
      run.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout.trim().split('\n').at(-1))) : reject(new Error(`the ${mode} pass exited ${code}`))))
    })
  const passes = option('--pass', 'both')
  const [off, on] = await Promise.all([passes === 'on' ? {} : pass('off'), passes === 'off' ? {} : pass('on')])
  const percent = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '–')
  console.log(`checkout ${checkout}\n`)
  console.log('rewriter OFF — must-not-appear occurrences in HTML text, markdown, JSON strings, and how many the audit flags')
  console.log('source      files  present  paranoid caught      audit caught         strings (all places by paranoid)  unrostered by paranoid  reports leaking / refused')
  for (const [name, row] of Object.entries(off)) {
    console.log(
      `${name.padEnd(11)} ${String(row.files).padStart(5)}  ${String(row.present).padStart(7)}  ${`${row.paranoid} ${percent(row.paranoid, row.present)}`.padEnd(19)} ${`${row.audit} ${percent(row.audit, row.present)}`.padEnd(20)} ${`${row.stringsParanoid}/${row.strings} ${percent(row.stringsParanoid, row.strings)}`.padEnd(33)} ${`${row.unrosteredParanoid}/${row.unrosteredPresent}`.padEnd(23)} ${row.leaking} / ${row.leakingRefused}${row.errors ? `  (${row.errors} errors)` : ''}`,
    )
  }
  console.log('\nrewriter ON — the real build')
  console.log('source      files  refused  leaking  leaking refused  false refusals (refused, nothing leaked)')
  for (const [name, row] of Object.entries(on)) {
    console.log(`${name.padEnd(11)} ${String(row.files).padStart(5)}  ${String(row.refused).padStart(7)}  ${String(row.leaking).padStart(7)}  ${`${row.leakingRefused}/${row.leaking}`.padStart(15)}  ${row.falseRefusals}/${row.files - row.leaking} ${percent(row.falseRefusals, row.files - row.leaking)}${row.errors ? `  (${row.errors} errors)` : ''}`)
  }
  for (const [name, row] of Object.entries(off)) if (row.missed.length) console.log(`\nmissed by the paranoid check with the rewriter off, ${name} (first ${row.missed.length}):\n  ${row.missed.join('\n  ')}`)
  for (const [name, row] of Object.entries(on)) if (row.missed.length) console.log(`\nleaks that reach a report the audit passes, ${name}:\n  ${row.missed.join('\n  ')}`)
  for (const [name, row] of Object.entries(on)) if (row.falseRefused.length) console.log(`\nfalse refusals, ${name}:\n  ${row.falseRefused.join('\n  ')}`)
  const jsonOut = option('--json')
  if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify({checkout, off, on}, null, 1)}\n`)
}
