/**
 * markdown-it's tokens made into mdast (`src/parse/markdown-it.ts`): a
 * differential test against the notes' micromark parser. Every input must
 * give the same tree, node for node and position for position (or be left
 * to micromark, which is the same tree by construction): the corpus, the
 * examples, the fixtures, held-out sets 1–3, 200 archive files of a seed
 * the rest of the suite does not use, the generators, and fuzzed notes
 * built from the constructs notes use, nested in every container.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {notesParser} from '../../src/parse/index.js'
import {literalLinkStats} from '../../src/parse/literal-links.js'
import {parseMarkdownIt, Unsupported} from '../../src/parse/markdown-it.js'
import {notesFile} from '../generate/fuzz.js'
import {generateNotes} from '../generate/notes.js'
import {corpusDir, root as repoRoot, sharedDir, tempDir} from '../helpers.js'

const fast = notesParser().freeze()
const micromark = notesParser({markdownIt: false}).freeze()

/** The same tree both ways; true when markdown-it's converter made it (not left to micromark). */
function expectSame(markdown: string): boolean {
  const before = literalLinkStats.fast
  const actual = fast.parse(markdown)
  const converted = literalLinkStats.fast > before
  const expected = micromark.parse(markdown)
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect({markdown, tree: actual}).toEqual({markdown, tree: expected})
  return converted
}

/** How many of the sources the converter made (the rest went to micromark). */
function converted(sources: string[]): number {
  return sources.filter((source) => expectSame(source)).length
}

const markdownFiles = (dir: string) =>
  fs
    .readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))

describe('markdown-it → mdast, the same tree as micromark', () => {
  it('makes the same tree for the corpus, the examples, the fixtures and held-out sets 1–3', () => {
    const sources = [
      ...markdownFiles(corpusDir),
      ...markdownFiles(path.join(repoRoot, 'examples')),
      ...markdownFiles(path.join(repoRoot, 'tests/fixtures')),
      ...markdownFiles(path.join(repoRoot, 'tests/generate/fresh')),
      ...['heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5'].flatMap((set) => markdownFiles(path.join(repoRoot, 'bench', set, 'notes'))),
    ]
    expect(sources.length).toBeGreaterThan(40)
    // Most of them through markdown-it: the converter is not a bypass.
    expect(converted(sources) / sources.length).toBeGreaterThan(0.8)
  })

  it.runIf(sharedDir)('makes the same tree for 200 archive files of a fresh seed, every one through markdown-it', () => {
    const dir = tempDir()
    execFileSync(process.execPath, [path.join(sharedDir!, 'tools/make-archive.mjs'), '200', dir, '--seed', '5'], {stdio: 'ignore'})
    const sources = markdownFiles(dir)
    expect(sources.length).toBe(200)
    expect(converted(sources)).toBe(200)
  }, 120_000)

  it('makes the same tree for the generators’ notes and the fuzzed notes files', () => {
    const generated = Array.from({length: 60}, (_, index) => generateNotes(4000 + index).value)
    expect(converted(generated)).toBeGreaterThan(30)
    fc.assert(
      fc.property(notesFile, (markdown) => {
        expectSame(markdown)
      }),
      {numRuns: 300, seed: 18},
    )
  }, 120_000)

  it.each([
    // Blocks and their positions: headings with closing marks and trailing spaces, breaks, rules.
    '# Heading #  \n## Two ##\n###   spaced   \n#\n\ntext',
    'a  \nb\\\nc \nd\n   e\n\n***\n- - -\n___  ',
    // Lists: tight, loose, nested, ordered, items with many blocks, blank lines in and between.
    '- a\n- b\n\n- c\n  - d\n\n  - e\n\n  f\n- g',
    '1. one\n2. two\n\n10) ten\n11) eleven\n\n3. three\n   - x\n\n     y',
    '- a\n  - b\n\n  c\n- d',
    '* a\n\n* b\n+ c',
    // Quotes, with lists and paragraphs, lazy lines, nested quotes.
    '> a\n> b\nlazy\n\n> - x\n> - y\n\n> q\n>> r\n> s',
    '\n> www.\n> ',
    '- > quoted in an item\n  > more\n- next',
    // Task items: checked, unchecked, and what is not a check.
    '- [ ] to do\n- [x] done\n- [X] Done\n- [Xin] a name\n- [ ]  two spaces\n- [ ]\n- [x]after',
    // Tables: after a paragraph line, before a list, alignment, empty and inline cells.
    'Projects:\n| a | b | c |\n|:--|:-:|--:|\n| `x` | *y* |  |\n| [l](u) | ![i](p.jpg) | &amp; |\n- after',
    '| only |\n| --- |\n| row |\n\ntext',
    // Inline: emphasis runs, code, links, images, autolinks, HTML, escapes, references, footnotes.
    '*a* _b_ **c** __d__ ***e*** *f **g** h* a*b*c a_b_c *unclosed **x*',
    '`code` `` a ` b `` ` spaced ` `  ` x ``` y',
    '[link](http://x.org "title") [empty]() [angle](<a b>) ![alt *em* `c`](i.png \'t\') [a](b (c))',
    '<http://x.org> <mail@x.org> <span class="x">h</span> <!-- c --> a<b',
    '\\* \\_ \\\\ \\# \\[x\\] &amp; &copy; &#169; &#xA9; &nosuch; & amp',
    'a[^1] b[^2] c[^missing]\n\n[^1]: one\n    more\n[^2]: two\n\n    para in note',
    // Front matter and HTML blocks.
    '---\ntitle: x\n---\n<!-- raw -->\n\n<div>\nblock\n</div>\n\ntext',
    '---\n---\n# empty front matter',
    // Addresses, linked after parsing.
    'see https://example.org/x, www.example.org and jane@example.org.',
  ])('makes the same tree for %j', (markdown) => {
    expectSame(markdown)
  })

  it('leaves to micromark what it does not convert, instead of a different tree', () => {
    const deep = Array.from({length: 60}, (_, depth) => `${'  '.repeat(depth)}- [x${depth}](u)`).join('\n')
    // As deep as the nesting limits let notes go (parse/nesting.ts): the same tree either way.
    expectSame(`${'> '.repeat(32)}${'*a '.repeat(60)}[l](u)`)
    for (const markdown of [deep, 'a\tb', 'a\r\nb', '~~gone~~', 'Setext\n===', '    indented code', '[a]: http://x.org\n[a]', 'a\u00a0']) {
      expect(() => parseMarkdownIt(markdown)).toThrow(Unsupported)
      expectSame(markdown)
    }
  })

  it('makes the same tree for fuzzed notes built from the constructs notes use', () => {
    const inline = fc.constantFrom(
      'word',
      'Ana Silva',
      ' ',
      '  ',
      '*',
      '**',
      '_',
      '__',
      '*em*',
      '**strong**',
      '_u_',
      '`code`',
      '`` ` ``',
      '[link](https://x.org)',
      '[t](u "title")',
      '![alt](i.jpg)',
      '<https://x.org>',
      '<a@b.org>',
      '<span>',
      '</span>',
      '<!-- c -->',
      '\\*',
      '\\\\',
      '&amp;',
      '&copy;',
      '&#65;',
      '&bogus;',
      '[^1]',
      '[^n]',
      '[x]',
      '[ ]',
      '#tag',
      'https://example.org/a_b',
      'www.example.org',
      'jane@example.org',
      ':',
      '(',
      ')',
      '"',
      '!',
      '|',
      'é',
      '–',
      '😀',
    )
    const text = fc.array(inline, {minLength: 1, maxLength: 8}).map((parts) => parts.join(''))
    const indent = fc.constantFrom('', ' ', '  ', '   ', '    ')
    const line = fc.oneof(
      text,
      text,
      fc.tuple(indent, fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] ', '> ', '> - ', '- > ', '>> ', '# ', '## ', '### '), text).map(([space, marker, value]) => `${space}${marker}${value}`),
      fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} |`),
      fc.constantFrom('', '', '|---|---|', '| --- | :-: |', '---', '***', '```', '```js', '<!-- block -->', '<div>', '</div>', '[^1]: a note', '[^n]: note', '    indented'),
      fc.tuple(text).map(([value]) => `${value}  `),
      fc.tuple(text).map(([value]) => `${value}\\`),
    )
    const file = fc
      .tuple(fc.boolean(), fc.array(line, {minLength: 1, maxLength: 14}))
      .map(([front, lines]) => `${front ? '---\ntitle: x\n---\n' : ''}${lines.join('\n')}\n`)
    let made = 0
    const runs = Number(process.env.MDIT_RUNS ?? 1500)
    fc.assert(
      fc.property(file, (markdown) => {
        if (expectSame(markdown)) made++
      }),
      {numRuns: runs, seed: Number(process.env.MDIT_SEED ?? 1818)},
    )
    // The fuzz reaches the converter, not only the fallback.
    expect(made).toBeGreaterThan(runs / 10)
  }, 120_000)
})
