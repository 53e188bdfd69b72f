/**
 * The Word copy: made from the same report as the HTML, it reads back (with
 * pandoc, as an editor's tools would) with every section and every note of
 * the report, the links as footnotes, and it is audited before it is written.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createAuditor} from '../../src/audit/index.js'
import {compileInput, compileReport} from '../../src/engine/compile.js'
import {readNotes} from '../../src/engine/read.js'
import {strFromU8, unzipSync} from 'fflate'
import {docxText, reportToDocx} from '../../src/render/docx.js'
import {listedItems} from '../../src/render/items.js'
import type {Report, ReportItem} from '../../src/types.js'
import {corpusFiles, runCli, tempDir} from '../helpers.js'

const squash = (text: string) => text.replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ').trim().toLowerCase()

function pandocPlain(bytes: Uint8Array): string {
  const dir = tempDir()
  const file = path.join(dir, 'report.docx')
  fs.writeFileSync(file, bytes)
  return execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], {encoding: 'utf8'})
}

function allItems(report: Report): Array<{section: string; item: ReportItem}> {
  const output: Array<{section: string; item: ReportItem}> = []
  const walk = (section: string, item: ReportItem) => {
    output.push({section, item})
    item.children.forEach((child) => walk(section, child))
  }
  for (const section of report.sections) for (const item of section.items) walk(section.title, item)
  return output
}

describe('docx', () => {
  it.each(corpusFiles().map((entry) => [entry.name, entry.notes]))('reads back %s with every section and every note of the HTML', async (_name, notes) => {
    const file = readNotes(notes, notes)
    const compiled = compileReport(file, {outputs: ['html']})
    const text = squash(pandocPlain(await reportToDocx(compiled.report, {brand: compiled.brand})))
    const html = squash(compiled.html.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' '))
    expect(text).toContain(squash(compiled.report.meta.title))
    for (const section of compiled.report.sections) expect(text).toContain(squash(section.title))
    const missing: string[] = []
    for (const {item} of allItems(compiled.report)) {
      // Each note's words, as printed (a checklist prints the "Do you" completion).
      const words = item.prompt ? item.prompt : item.headline && item.detail ? item.detail : item.content
      const phrase = squash(words.map((node) => ('value' in node ? node.value : '')).join('')).slice(0, 40)
      if (phrase.length < 8) continue
      if (!text.includes(phrase)) missing.push(phrase)
      expect(html).toContain(phrase.slice(0, 20))
    }
    expect(missing).toEqual([])
    // Links are footnotes: pandoc lists each footnote's URL.
    for (const footnote of compiled.report.footnotes) if (footnote.url) expect(text).toContain(squash(footnote.url))
  })

  it('reads the text out of the file, footnotes included, for the audit', async () => {
    const file = readNotes(corpusFiles()[0]!.notes, 'notes.md')
    const {report} = compileReport(file, {outputs: []})
    const text = docxText(await reportToDocx(report))
    expect(text).toContain(report.meta.title)
    for (const footnote of report.footnotes) if (footnote.url) expect(text).toContain(footnote.url)
  })

  it('lets the audit find a name that reaches the Word copy', async () => {
    const file = readNotes(corpusFiles()[0]!.notes, 'notes.md')
    const {report} = compileReport(file, {outputs: []})
    const person = file.data.roster!.people[0]!
    const item = report.sections[0]!.items[0]!
    item.content = [{type: 'text', value: `As ${person.name} said, it works`}]
    item.headline = undefined
    item.detail = undefined
    const leaks = createAuditor(file.data.roster!, String(file.value), file.data.meta).scan(docxText(await reportToDocx(report)), 'docx')
    expect(leaks.length).toBeGreaterThan(0)
  })

  it('is made, audited and handed over by compileInput when asked for, and not otherwise', async () => {
    const {notes, key} = corpusFiles()[0]!
    const job = (outputs: Array<'html' | 'docx'>) => ({input: {path: notes, display: 'notes.md', output: 'notes'}, options: {cwd: path.dirname(notes), outputs}})
    const asked = await compileInput(job(['html', 'docx']) as Parameters<typeof compileInput>[0])
    const not = await compileInput(job(['html']) as Parameters<typeof compileInput>[0])
    expect(asked.ok && asked.docx).toBeTruthy()
    expect(not.ok && not.docx).toBeFalsy()
    if (!asked.ok || !asked.docx) return
    const text = docxText(asked.docx).toLowerCase()
    for (const phrase of key.must_not_appear ?? []) {
      if (phrase.length < 5) continue
      expect(text.includes(phrase.toLowerCase()), phrase).toBe(false)
    }
  })

  it('is written by `build --format docx` beside the other formats', async () => {
    const dir = tempDir({'notes.md': '---\ntitle: Word copy\n---\n\n## What works\n\n- Street champions talk to their neighbours #works\n'})
    const run = await runCli(['build', 'notes.md', '--format', 'docx,md', '-o', 'out'], dir)
    expect(run.code).toBe(0)
    const text = pandocPlain(fs.readFileSync(path.join(dir, 'out/notes.docx')))
    expect(text).toContain('Street champions talk to their neighbours')
    expect(fs.existsSync(path.join(dir, 'out/notes.md'))).toBe(true)
  })

  /** The HTML's blocks in order, as text: headings, the introduction's paragraphs, section openings, list entries and pull quotes. */
  function htmlBlocks(html: string): string[] {
    const main = html.slice(html.indexOf('<main'), html.indexOf('<section class="notes"') > 0 ? html.indexOf('<section class="notes"') : html.indexOf('</main>'))
    const decode = (text: string) =>
      text
        // A footnote mark is a Word footnote in the copy, and pandoc writes it apart.
        .replace(/<sup class="fn-ref">[\s\S]*?<\/sup>/g, '')
        .replace(/<[^>]+>/g, '')
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
        .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
    const blocks: string[] = []
    for (const match of main.matchAll(/<(h2|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
      // A list entry's own words, not its sub-points' (they follow as blocks of their own).
      const inner = match[1] === 'li' ? match[2]!.replace(/<ul[\s\S]*$/, '') : match[2]!
      const text = squash(decode(inner))
      if (text.length >= 3 && !/^chatham house rule$/.test(text)) blocks.push(text.slice(0, 60))
    }
    return blocks
  }

  it.each([
    ['youth-voice-2023', 'examples/youth-voice-2023.md'],
    ['homelessness-prevention-2021', 'examples/homelessness-prevention-2021.md'],
    ['community-engagement-2019', corpusFiles().find((entry) => entry.name === 'community-engagement-2019')!.notes],
  ])('carries the HTML’s structure for %s: every block in the same order, headlines in bold, insights numbered, quotes where they were said', async (_name, notes) => {
    const file = readNotes(path.resolve(notes), notes)
    const compiled = compileReport(file, {outputs: ['html']})
    const bytes = await reportToDocx(compiled.report, {brand: compiled.brand})
    // Pandoc writes a footnote mark as `[1]`: the marks are compared apart (every URL is a footnote, above).
    const text = squash(pandocPlain(bytes).replace(/\[\d+\]/g, ''))
    let from = 0
    const outOfOrder: string[] = []
    for (const block of htmlBlocks(compiled.html)) {
      const at = text.indexOf(block, from)
      if (at < 0) outOfOrder.push(block)
      else from = at
    }
    expect(outOfOrder).toEqual([])
    // Bold headlines and numbered insights, as Word marks them: a headline is a bold run, an insight a numbered paragraph.
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
    const headlines = compiled.report.sections.flatMap((section) => listedItems(section).flatMap((item) => (item.headline ? [item.headline.map((node) => ('value' in node ? node.value : '')).join('')] : [])))
    expect(headlines.length).toBeGreaterThan(0)
    for (const headline of headlines) expect(xml).toMatch(new RegExp(`<w:b/>(?:(?!</w:r>)[\\s\\S])*<w:t[^>]*>${headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&amp;').replace(/'/g, '&apos;')}`))
    expect(xml).toContain('<w:numPr>')
  })
})

