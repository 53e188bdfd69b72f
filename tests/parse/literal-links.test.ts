/**
 * Bare URLs, `www.` and emails are linked after parsing (`literal-links.ts`),
 * not by GFM's literal-autolink syntax: a differential test against
 * remark-gfm, which must give the same tree (link nodes, the text around
 * them, every position) over the corpus, the archive, the examples, the
 * generators and every shape of address the extension recognises.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {notesParser} from '../../src/parse/index.js'
import {literalLinkStats} from '../../src/parse/literal-links.js'
import {generateNotes} from '../generate/notes.js'
import {notesFile} from '../generate/fuzz.js'
import {corpusDir, sharedDir, tempDir} from '../helpers.js'

const gfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
const lean = notesParser().freeze()

/** The same tree as remark-gfm's, position for position. */
function expectSame(markdown: string): void {
  const expected = gfm.parse(markdown)
  const actual = lean.parse(markdown)
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect({markdown, tree: actual}).toEqual({markdown, tree: expected})
}

/** How many of these files were parsed a second time, with the syntax extension (where the pass was not sure). */
function reparsed(sources: string[]): number {
  const before = literalLinkStats.reparsed
  for (const source of sources) expectSame(source)
  return literalLinkStats.reparsed - before
}

const markdownFiles = (dir: string) =>
  fs
    .readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))

describe('bare addresses linked after parsing, as GFM links them', () => {
  it.each([
    // Protocols, www., emails, and what comes before them.
    'see https://example.org/path?q=1 now',
    'see http://example.org and HTTPS://EXAMPLE.ORG and hTtP://x.y',
    'www.example.org at the start, WWW.EXAMPLE.ORG shouting, and wWw.x.co',
    'mail jane.doe+notes@example.co.uk or j_d@x-y.org, not a@b, a@b.c1, a@b_c.com, a@b.c_ or a@b.c-',
    'ftp://x.org httpx://x.org http:/x.org http://.org http://-x.org https://',
    'x-www.example.org, xwww.example.org, a.www.example.org, 1www.example.org, _www.example.org',
    '(www.example.org) [www.example.org] *www.example.org* _www.example.org_ ~~www.example.org~~',
    '"www.example.org" \'http://example.org\' <www.example.org> :www.example.org /www.example.org',
    'a@b.com@c.com, a.@b.com, .a@b.com, -a@b.com, +a@b.com, a@.b.com, a@b..com, user/a@b.com',
    'mailto:jane@example.org and xmpp:jane@example.org/home and MAILTO:j@x.org',
    // Trailing punctuation, parentheses, references.
    'www.example.org. www.example.org, www.example.org! www.example.org? www.example.org: www.example.org;',
    'http://example.org/a_(b) http://example.org/a_(b)) (http://example.org/a_(b)) http://x.org/a((b)c)',
    'www.example.org/?a=1&b=2 www.example.org/&amp; www.example.org/&amp www.example.org/&1; www.example.org/a&b;c',
    'www.example.org/a] www.example.org/a]b www.example.org/a][b www.example.org/a](x) www.example.org/a]]',
    'www.example.org/*a* www.example.org/_a_ www.example.org/~a~ www.example.org/`a` www.example.org/<a>',
    'www.example.org/a* b* and *www.example.org/a* b* and **www.example.org**',
    'www.ex_ample.org www.example_.org www.a_b.c.org www.a.b_c.org www.a.b.c_d www._.org www.-.org www.例子.org',
    'www. www.. www.a www.a. www.a.b. www.a.b.. (www.) https://a https://a. https://a.b',
    'see www. now', 'see www.', 'see www. ', 'see www.  \nnext', 'see www.\nnext',
    'http://a.b/\\ and www.a.b\\\nnext and www.a.b  \nnext and www.a.b \nnext',
    'a\u00a0www.example.org b\u3000http://example.org c\twww.example.org',
    'www.example.org\u00a0after and http://example.org/\u2019s and jane@example.org\u2019s',
    // Escapes, references, code, HTML, links around.
    'www.exa\\_mple.org and http://x.org/a\\*b and jane\\@x.org and a&#64;b.com and www&period;x.org',
    '`www.example.org` and <http://example.org> and <jane@x.org> and <b>www.example.org</b>',
    '[www.example.org](http://a.org) [see www.example.org] [a [b](x]) www.example.org ![alt www.x.org](i.png)',
    '[unclosed www.example.org and [a] www.example.org and \\[ www.example.org and [^1] www.example.org\n\n[^1]: www.x.org',
    'www.example.org/[ www.other.org and www.example.org/[x]y www.other.org',
    '[a]: http://example.org\n\n[a] and [b][a] www.example.org',
    // Blocks: lists, quotes, tables, headings, continuation lines.
    '- www.example.org\n  - jane@example.org, she said\n    continued www.x.org\n\n1. http://x.org\n',
    '> quote www.example.org\n> next http://x.org\n>www.y.org\n> > jane@x.org\n',
    '| a | b |\n| --- | --- |\n| www.example.org | jane@x.org |\n|http://x.org|www.x.|\n| a \\| www.b.org | c |\n',
    '# www.example.org\n\n## www. #\n\n### a@b.com ###\n\nwww.x.org\n===\n\nwww.\n---\n',
    'first line\n   www.example.org on an indented line\n\tand a tab http://x.org\n',
    '- [ ] www.example.org task\n- [x] jane@x.org done\n',
    '- [x] www.example.org\n- [ ]\twww.x.org\n- [ ]  www.y.org\n- [X] a www.z.org\n- [ ] *www.e.org*\n\n  www.second.org\n',
    'www.example.org\r\nand http://x.org\r\n\r\njane@x.org\r',
    '_jane@x.org_ and __jane@x.org__ and *jane@x.org* a_jane@x.org and _a b_jane@x.org and _a foo_@x.org',
    'a@b.com_ and a_@b.com and a@b.com/ and a@b.com. and a@b.com- and a@b.com._',
    // An HTML block that runs to its closer, ended by a blank line at the end of the file (found by the fuzzed property).
    '<?\n  ',
    '<!--\n\n',
    // … or by the file's last line ending, which micromark keeps in the block (found by the fuzzed property: `<?\n`).
    '<?\n', '- <?\n', '<!--\nx\n', '  <script>\n', 'a\n\n<![CDATA[\n', '> <!X\n',
    // A table of one column under a line (found by the fuzzed property).
    'www.\n  -|', 'a\n| --- |', 'a | b\n--- |',
  ])('%j', (markdown) => {
    expectSame(markdown)
  })

  it('gives the same trees as remark-gfm for fuzzed notes', () => {
    const piece = fc.constantFrom('www.', 'http://', 'https://', 'HTTP://', 'a@', '@', 'x.org', 'example', '.com', '.', ',', '_', '*', '**', '~', '~~', '[', ']', '(', ')', '![', '](', '`', '<', '>', '&amp;', '&', ';', '\\', ' ', '  ', '\n', '\n> ', '\n- ', '\n  ', '|', '"', "'", ':', '/', '?', '-', 'a', 'w', 'h', '\t', '[^1]', '\u00a0', '\n- [ ] ', '\n- [x] ', '\n\n', '\n| a | b |\n|---|---|\n| ')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        expectSame(pieces.join(''))
      }),
      {numRuns: Number(process.env.LITERAL_LINKS_RUNS ?? 3000)},
    )
  })

  it('gives the same trees for fuzzed notes files', () => {
    fc.assert(fc.property(notesFile, (markdown) => expectSame(markdown)), {numRuns: 300})
  })

  it('gives the same trees for the corpus, the examples and the generated notes, parsing few of them twice', () => {
    const sources = [...markdownFiles(corpusDir), ...markdownFiles(path.resolve(import.meta.dirname, '../../examples')), ...markdownFiles(path.resolve(import.meta.dirname, '../fixtures'))]
    for (let seed = 1; seed <= 60; seed++) sources.push(generateNotes(seed).value)
    const twice = reparsed(sources)
    expect(twice).toBeLessThanOrEqual(Math.ceil(sources.length * 0.05))
  })

  it.runIf(sharedDir)('gives the same trees for the archive of realistic notes, parsing few of them twice', () => {
    const dir = tempDir()
    execFileSync(process.execPath, [path.join(sharedDir!, 'tools/make-archive.mjs'), '100', dir, '--seed', '7'], {stdio: 'ignore'})
    const sources = markdownFiles(dir)
    expect(sources.length).toBe(100)
    expect(reparsed(sources)).toBeLessThanOrEqual(5)
  })
})
