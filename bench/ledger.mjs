#!/usr/bin/env node
// Ledger benchmark (issue 14): no internal error over fuzzed inputs, no ledger
// imbalance over generated notes, and how much of the notes reaches the report.
// - fuzzed: front matter mutated from valid YAML and notes from a grammar of
//   lines, random Unicode and deep nesting (tests/generate/fuzz.ts), each through
//   parse → anonymise → group and the ledger; a refusal with a diagnostic is an
//   answer, any other exception an internal error;
// - generated: realistic notes in many facilitator styles, each with its key
//   (tests/generate/notes.ts), through the whole compile to HTML and JSON:
//   content lines found in the HTML text, left out with a reason, lost silently.
// The generator and fuzzers are the test suite's own, bundled from TypeScript
// with esbuild against the built dist/.
// Usage: npm run build && node bench/ledger.mjs [--fuzz N] [--files N] [--seed S] [--write]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {build} from 'esbuild'
import {machine, root, writeSection} from './lib/report.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback)
const fuzzRuns = option('--fuzz', 100_000)
const files = option('--files', 5_000)
const seed = option('--seed', 14)
const write = args.includes('--write')

// Bundle the suite's generator and fuzzers, with src/ imports pointed at dist/.
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-ledger-bench-')), 'entry.mjs')
await build({
  stdin: {
    contents: `export * from './tests/generate/fuzz.ts'; export * from './tests/generate/notes.ts'; export * from './tests/generate/measure.ts'; export {default as fc} from 'fast-check'`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  packages: 'external',
  logLevel: 'error',
  plugins: [
    {
      name: 'dist',
      setup(context) {
        context.onResolve({filter: /\/src\//}, (resolved) => {
          const file = path.resolve(resolved.resolveDir, resolved.path)
          const relative = path.relative(path.join(root, 'src'), file)
          return {path: pathToFileURL(path.join(root, 'dist', relative)).href, external: true}
        })
      },
    },
  ],
  nodePaths: [path.join(root, 'node_modules')],
})
// Bare imports resolve from the repository: link its node_modules beside the bundle.
fs.symlinkSync(path.join(root, 'node_modules'), path.join(path.dirname(out), 'node_modules'))
const suite = await import(pathToFileURL(out).href)
const {fc, notesFile, frontMatter, runFuzzed, generateNotes, measureNotes, sum} = suite

// Fuzzed inputs: a third front matter alone (with one note), the rest whole files.
const started = performance.now()
const fuzz = {runs: 0, refused: 0, internal: [], imbalances: []}
const samples = [
  ...fc.sample(frontMatter, {seed, numRuns: Math.floor(fuzzRuns / 3)}).map((yaml) => `---\n${yaml}\n---\n## Barriers\n\n- the budget is broken\n`),
  ...fc.sample(notesFile, {seed: seed + 1, numRuns: fuzzRuns - Math.floor(fuzzRuns / 3)}),
]
for (const value of samples) {
  const result = runFuzzed(value)
  fuzz.runs++
  if (result.ok) {
    if (result.refused) fuzz.refused++
  } else if (result.kind === 'imbalance') fuzz.imbalances.push({value, error: result.error})
  else fuzz.internal.push({value, error: result.error.split('\n').slice(0, 3).join(' | ')})
  if (fuzz.runs % 5_000 === 0) process.stderr.write(`fuzzed ${fuzz.runs} in ${Math.round((performance.now() - started) / 1000)} s: ${fuzz.internal.length} internal errors, ${fuzz.imbalances.length} imbalances, ${fuzz.refused} refused\n`)
}
const fuzzSeconds = (performance.now() - started) / 1000

const generatedStart = performance.now()
const measured = []
for (let index = 0; index < files; index++) {
  measured.push(measureNotes(generateNotes(seed * 100_000 + index), `generated-${index}.md`))
  if ((index + 1) % 500 === 0) {
    const partial = sum(measured)
    process.stderr.write(`generated ${index + 1}: ${partial.reached}/${partial.expected} lines in the HTML, ${partial.silent.length} silent, ${partial.internalErrors.length} internal errors, ${partial.imbalances} imbalances, ${partial.missingLeftOut} missing left-outs\n`)
  }
}
const total = sum(measured)
const generatedSeconds = (performance.now() - generatedStart) / 1000

const percent = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(2)}%`)
const result = {
  fuzzed: {inputs: fuzz.runs, refusedWithDiagnostic: fuzz.refused, internalErrors: fuzz.internal.length, ledgerImbalances: fuzz.imbalances.length, seconds: Math.round(fuzzSeconds)},
  generated: {
    files,
    contentLines: total.expected,
    reachedHtml: total.reached,
    reachedPercent: percent(total.reached, total.expected),
    leftOutWithReason: total.leftOutWithReason,
    silent: total.silent.length,
    expectedLeftOut: total.expectedLeftOut,
    missingLeftOut: total.missingLeftOut,
    internalErrors: total.internalErrors.length,
    ledgerImbalances: total.imbalances,
    seconds: Math.round(generatedSeconds),
  },
}
console.log(JSON.stringify(result, null, 2))
for (const failure of [...fuzz.internal, ...fuzz.imbalances].slice(0, 5)) console.log(JSON.stringify(failure))
for (const failure of total.internalErrors.slice(0, 5)) console.log(failure)

if (write) {
  writeSection(
    'ledger',
    `## Ledger: nothing lost, nothing crashes (issue 14)

\`npm run build && node bench/ledger.mjs --fuzz ${fuzzRuns} --files ${files} --seed ${seed} --write\` — ${machine()}

| measure | figure |
| --- | --- |
| fuzzed inputs (front matter mutated from valid YAML; notes from a grammar of lines, Unicode, nesting) | ${fuzz.runs} in ${result.fuzzed.seconds} s |
| of which refused with a diagnostic (bad YAML with its line, no notes) | ${fuzz.refused} |
| internal errors | ${fuzz.internal.length} |
| ledger imbalances | ${fuzz.imbalances.length} |
| generated notes files (tests/generate/notes.ts) | ${files} in ${result.generated.seconds} s |
| content lines that must reach the report | ${total.expected} |
| found in the HTML text | ${total.reached} (${result.generated.reachedPercent}) |
| left out with a reason (in \`left_out\`) | ${total.leftOutWithReason} |
| lost silently | ${total.silent.length} |
| expected left-outs (logistics, emptied contacts, dropped sections) without their \`left_out\` entry | ${total.missingLeftOut} of ${total.expectedLeftOut} |
| internal errors / ledger imbalances on generated notes | ${total.internalErrors.length} / ${total.imbalances} |
`,
  )
}
fs.rmSync(path.dirname(out), {recursive: true, force: true})
