// Make a bundle's text ASCII without changing what it does. V8 keeps a script that holds one character
// outside ASCII as a two-byte string, after decoding the whole file on UTF-8's slow path: for the 4 MB CLI
// and compile bundles that was 133-168 ms per isolate (each worker thread is one), against about 40 ms for
// an ASCII file (BENCHMARKS.md, "s25-18"). esbuild already escapes strings and plain template literals;
// what it leaves are regular-expression literals, the raw text of `String.raw` templates and comments.
//
// - A regular expression: the character becomes `\uXXXX` (a surrogate pair for one beyond the BMP, which
//   a `u` or `v` expression reads as one code point, as it read the character); `\é`, an identity escape
//   (only legal without `u`), is the character itself, so the backslash goes too. The expression's
//   `.source` then spells the escape: a RegExp made from it (what src/ does with one) is the same.
// - A template's raw text: the character becomes a substitution, `${"\uXXXX"}`: the same string for a
//   plain template and for `String.raw`. Any other tag sees its strings split: the build stops.
// - A comment: each UTF-16 unit becomes `?` (the same length, so the line's columns stay).
// Anything else outside ASCII (an identifier, a string esbuild left) stops the build.
import ts from 'typescript'

const nonAscii = /[^\0-\x7f]/
const hex = (unit) => `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`
/** `\uXXXX` for each UTF-16 unit of `character`. */
const escapeUnits = (character) => [...Array(character.length).keys()].map((index) => hex(character.charCodeAt(index))).join('')

function escapeRegex(literal) {
  let out = ''
  for (const character of literal) {
    if (!nonAscii.test(character)) {
      out += character
      continue
    }
    const backslashes = out.length - out.replace(/\\+$/, '').length
    if (backslashes % 2 === 1) out = out.slice(0, -1)
    out += escapeUnits(character)
  }
  return out
}

function escapeTemplate(part, where) {
  let out = ''
  for (const character of part) {
    if (!nonAscii.test(character)) {
      out += character
      continue
    }
    if ((out.length - out.replace(/\\+$/, '').length) % 2 === 1) throw new Error(`${where}: a backslash before ${JSON.stringify(character)} in a template: cannot escape it`)
    out += `\${"${escapeUnits(character)}"}`
  }
  return out
}

const templateKinds = new Set([ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateHead, ts.SyntaxKind.TemplateMiddle, ts.SyntaxKind.TemplateTail])

/**
 * `text` (JavaScript) with every character outside ASCII escaped as above; `name` names it in errors.
 * Returns `{text, regexes, templates, comments}`: the text and how many tokens of each kind changed.
 */
export function asciiOnly(text, name = 'bundle') {
  if (!nonAscii.test(text)) return {text, regexes: 0, templates: 0, comments: 0}
  const file = ts.createSourceFile(name, text, {languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone}, true, ts.ScriptKind.JS)
  if (file.parseDiagnostics.length > 0) throw new Error(`${name}: cannot parse: ${file.parseDiagnostics[0].messageText}`)
  // Where the parser found a regular expression and where a template goes on after `}`: the scanner alone cannot tell.
  const regexStarts = new Set()
  const templateParts = new Map() // start of a template token → the tag that reads it ('' for none)
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) regexStarts.add(node.getStart(file))
    else if (node.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral || node.kind === ts.SyntaxKind.TemplateExpression) {
      const tagged = ts.isTaggedTemplateExpression(node.parent) && node.parent.template === node
      const tag = tagged ? node.parent.tag.getText(file) : ''
      const parts = node.kind === ts.SyntaxKind.TemplateExpression ? [node.head, ...node.templateSpans.map((span) => span.literal)] : [node]
      for (const part of parts) templateParts.set(part.getStart(file), tag)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text)
  const counts = {regexes: 0, templates: 0, comments: 0}
  let out = ''
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const start = scanner.getTokenStart()
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && regexStarts.has(start)) kind = scanner.reScanSlashToken()
    else if (kind === ts.SyntaxKind.CloseBraceToken && templateParts.has(start)) kind = scanner.reScanTemplateToken(templateParts.get(start) !== '')
    const token = text.slice(start, scanner.getTokenEnd())
    if (!nonAscii.test(token)) {
      out += token
      continue
    }
    const where = `${name}:${file.getLineAndCharacterOfPosition(start).line + 1}`
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) {
      out += token.replace(/[^\0-\x7f]/g, '?')
      counts.comments++
    } else if (kind === ts.SyntaxKind.RegularExpressionLiteral) {
      out += escapeRegex(token)
      counts.regexes++
    } else if (templateKinds.has(kind) && templateParts.has(start)) {
      const tag = templateParts.get(start)
      if (tag !== '' && tag !== 'String.raw') throw new Error(`${where}: a character outside ASCII in a template tagged ${tag}: escaping it would change the strings the tag gets`)
      out += escapeTemplate(token, where)
      counts.templates++
    } else {
      throw new Error(`${where}: a character outside ASCII in ${ts.SyntaxKind[kind]} ${JSON.stringify(token.slice(0, 80))}: expected only regular expressions, templates and comments`)
    }
  }
  if (nonAscii.test(out)) throw new Error(`${name}: still not ASCII after escaping`)
  return {text: out, ...counts}
}
