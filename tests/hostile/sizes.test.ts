/**
 * Pathological sizes: 20,000 notes, a 200,000-character line, 500 nested
 * list levels, a roster of 5,000 attendees, 20,000 honorifics before a name.
 * Each goes through parse → anonymise → group → render (HTML, markdown,
 * JSON) and the audit in seconds, with bounded memory, and names no one;
 * one goes through the CLI as well. Times are CPU time of this process, so
 * a busy machine does not fail them; together they stay under 60 s
 * (`EXCHANGE_SIZES=1` prints each).
 */
import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {htmlText} from '../../src/audit/index.js'
import {compileReport, type Compiled} from '../../src/engine/index.js'
import type {ReportItem} from '../../src/types.js'
import {containsEntry, runCli, tempDir} from '../helpers.js'
import {expectNoStack} from './hostile.js'

const firstNames = ['Jane', 'Tomasz', 'Priya', 'Kezia', 'Seán', 'Anne-Marie', 'Oluwaseun', 'Zoë', 'Gareth', 'Leonie']
const surnames = ['Smithson', 'Okafor', 'Natarajan', 'Blackwood', 'Ó Briain', "O'Neill", 'Adeyemi', 'Müller', 'Pryce', 'Asante']

/** `n` distinct full names. */
function roster(n: number): string[] {
  return Array.from({length: n}, (_, index) => {
    const base = `${firstNames[index % 10]} ${surnames[Math.floor(index / 10) % 10]}`
    return index < 100 ? base : `${base}-${suffix(index)}`
  })
}

/** A letters-only suffix that keeps names distinct and is no English or HTML word: `Smithson-Zqbd`. */
function suffix(index: number): string {
  let text = 'Zq'
  for (let value = index; value > 0; value = Math.floor(value / 26)) text += String.fromCharCode(97 + (value % 26))
  return text
}

const frontMatter = (people: string[]) => `---\ntitle: Budget day\nparticipants: ${people.length}\nattendees:\n${people.map((name) => `  - ${JSON.stringify(name)}`).join('\n')}\n---\n\n`

interface Measured {
  compiled: Compiled
  cpuMs: number
  peakGrowthMb: number
}

const budgets: Record<string, number> = {}
const spent: Record<string, number> = {}

/** Compile `value`, measuring the CPU time and the growth of the peak resident memory. */
function measure(name: string, value: string): Measured {
  const peakBefore = process.resourceUsage().maxRSS
  const started = process.cpuUsage()
  const compiled = compileReport(new VFile({path: `${name}.md`, value}), {})
  const used = process.cpuUsage(started)
  const cpuMs = (used.user + used.system) / 1000
  spent[name] = cpuMs
  return {compiled, cpuMs, peakGrowthMb: (process.resourceUsage().maxRSS - peakBefore) / 1024}
}

function count(items: ReportItem[]): number {
  return items.reduce((total, item) => total + 1 + count(item.children), 0)
}

/** Nothing of `names` in the HTML's text and attributes, the markdown or the JSON; the audit agrees. */
function expectNamesNobody(compiled: Compiled, names: string[]): void {
  expect(compiled.leaks).toEqual([])
  const outputs = [htmlText(compiled.html), compiled.markdown, compiled.json].map((text) => text.replace(/\s+/g, ' '))
  for (const name of names) for (const output of outputs) expect(containsEntry(output, name), name).toBe(false)
}

beforeAll(() => {
  // Load the theme, brand and profile once, as a batch would.
  compileReport(new VFile({path: 'warm.md', value: `${frontMatter(['Jane Smithson'])}## Barriers\n\n- Jane said it is tight #challenge\n`}), {})
})

afterAll(() => {
  const total = Object.values(spent).reduce((sum, ms) => sum + ms, 0)
  if (process.env.EXCHANGE_SIZES) console.log(JSON.stringify({...spent, total}))
  // Together: well inside the CI budget.
  expect(total).toBeLessThan(60_000)
})

describe('pathological sizes', () => {
  it('20,000 notes', () => {
    budgets['20,000 notes'] = 30_000
    const people = roster(10)
    const notes = Array.from({length: 20_000}, (_, index) => `${index % 50 === 0 ? `\n## Session ${index / 50}: barriers\n\n` : ''}- ${people[index % 10]} said budget line ${index} is tight #challenge`).join('\n')
    const {compiled, cpuMs, peakGrowthMb} = measure('20,000 notes', `${frontMatter(people)}${notes}\n`)
    // Every note arrived: each of the 20,000 has its entry in the ledger, placed or left out with a reason
    // (a section keeps its strongest notes), and the report holds every one the ledger says it placed.
    const ledger = compiled.report.ledger!
    expect(ledger.imbalances).toEqual([])
    expect(ledger.entries.filter((entry) => entry.kind === 'list-item')).toHaveLength(20_000)
    const placed = ledger.entries.filter((entry) => entry.outcome.state === 'placed').length
    const left = ledger.entries.filter((entry) => entry.outcome.state === 'left-out')
    expect(placed + left.length).toBe(20_000)
    expect(new Set(left.map((entry) => (entry.outcome as {rule: string}).rule))).toEqual(new Set(left.length > 0 ? ['item-limit'] : []))
    const keyCopies = compiled.report.sections.filter((section) => section.role === 'key').reduce((total, section) => total + count(section.items), 0)
    expect(compiled.report.sections.reduce((total, section) => total + count(section.items), 0) - keyCopies).toBe(placed)
    expect(JSON.parse(compiled.json).left_out).toHaveLength(left.length)
    expectNamesNobody(compiled, people)
    expect(cpuMs).toBeLessThan(budgets['20,000 notes'])
    expect(peakGrowthMb).toBeLessThan(1536)
  })

  it('a line of 200,000 characters', () => {
    budgets.line = 10_000
    const people = roster(10)
    const words = `the budget is broken and ${people[0]} said residents want to be asked earlier, as ${people[3]} put it;`.split(' ')
    let line = ''
    for (let index = 0; line.length < 200_000; index++) line += `${words[index % words.length]} `
    const {compiled, cpuMs, peakGrowthMb} = measure('line', `${frontMatter(people)}## Barriers\n\n- ${line}#challenge\n`)
    expect(compiled.report.sections.some((section) => section.items.some((item) => item.text.length > 150_000))).toBe(true)
    expectNamesNobody(compiled, people)
    expect(cpuMs).toBeLessThan(budgets.line)
    expect(peakGrowthMb).toBeLessThan(1024)
  })

  it('500 nested list levels, brought back to 32 with a warning', () => {
    budgets.nested = 10_000
    const people = roster(10)
    const nested = Array.from({length: 500}, (_, index) => `${'  '.repeat(index)}- level ${index}: ${people[index % 10]} said it goes deeper`).join('\n')
    const {compiled, cpuMs, peakGrowthMb} = measure('nested', `${frontMatter(people)}## Barriers\n\n${nested}\n`)
    const text = JSON.stringify(compiled.report).toLowerCase()
    expect(text).toContain('level 0:')
    expect(text).toContain('level 499:')
    expectNamesNobody(compiled, people)
    expect(compiled.json).toMatch(/"rule": "nesting"/)
    expect(cpuMs).toBeLessThan(budgets.nested)
    expect(peakGrowthMb).toBeLessThan(1024)
  })

  it('500 nested quotes', () => {
    budgets.quotes = 10_000
    const people = roster(10)
    const quotes = Array.from({length: 500}, (_, index) => `${'>'.repeat(index + 1)} quote ${index}: ${people[index % 10]} said so`).join('\n')
    const {compiled, cpuMs} = measure('quotes', `${frontMatter(people)}## Barriers\n\n${quotes}\n`)
    expectNamesNobody(compiled, people)
    expect(cpuMs).toBeLessThan(budgets.quotes)
  })

  it('a roster of 5,000 attendees', () => {
    budgets.roster = 20_000
    const people = roster(5000)
    const notes = people.filter((_, index) => index % 25 === 0).map((name) => `- ${name} said the budget is broken #challenge`)
    const {compiled, cpuMs, peakGrowthMb} = measure('roster', `${frontMatter(people)}## Barriers\n\n${notes.join('\n')}\n`)
    expect(compiled.report.sections.reduce((total, section) => total + count(section.items), 0)).toBeGreaterThan(0)
    expectNamesNobody(compiled, people.filter((_, index) => index % 25 === 0))
    expect(cpuMs).toBeLessThan(budgets.roster)
    expect(peakGrowthMb).toBeLessThan(1024)
  })

  it('20,000 honorifics before a name', () => {
    budgets.honorifics = 10_000
    const people = roster(10)
    const value = `${frontMatter(people)}## Barriers\n\n- ${'Cllr '.repeat(20_000)}${people[0]} said the budget is broken #challenge\n- ${'Dr. Mrs '.repeat(10_000)}${people[1]}: the budget is broken #challenge\n`
    const {compiled, cpuMs, peakGrowthMb} = measure('honorifics', value)
    expectNamesNobody(compiled, people)
    expect(cpuMs).toBeLessThan(budgets.honorifics)
    expect(peakGrowthMb).toBeLessThan(1024)
  })

  it('a line of 200,000 characters through the CLI, in seconds, without a stack trace', async () => {
    const people = roster(10)
    let line = ''
    for (let index = 0; line.length < 200_000; index++) line += index % 40 === 0 ? `${people[index % 10]} said ` : 'residents want to be asked earlier '
    const dir = tempDir({'long.md': `${frontMatter(people)}## Barriers\n\n- ${line}#challenge\n`})
    const started = process.cpuUsage()
    const {code, stderr} = await runCli(['build', 'long.md', '-f', 'html'], dir)
    const used = process.cpuUsage(started)
    spent.cli = (used.user + used.system) / 1000
    expect(code).toBe(0)
    expectNoStack(stderr)
    const html = fs.readFileSync(path.join(dir, 'out/long.html'), 'utf8')
    for (const name of people) expect(containsEntry(htmlText(html), name)).toBe(false)
    expect(spent.cli).toBeLessThan(10_000)
  })
})
