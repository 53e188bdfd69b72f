/**
 * Saying what is wrong with YAML (front matter, attendees files) the way a
 * person can fix it: the first line of the message, at the place to look.
 */
import {isCollection, isScalar, visit, type Document, type YAMLError} from 'yaml'

/**
 * Where to point for a YAML error: where it was found, except for a quote or
 * a bracket never closed, which YAML finds at the end — point at its opening.
 */
export function errorOffset(document: Document, problem: YAMLError): number {
  const at = problem.pos[0]
  if (problem.code !== 'MISSING_CHAR' && problem.code !== 'BAD_INDENT') return at
  let opening: number | undefined
  visit(document, (_key, node) => {
    // An empty value (`org:` with nothing after it) is visited as null.
    if (node === null || typeof node !== 'object') return
    const unclosed = (isCollection(node) && node.flow === true) || (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'))
    const range = (node as {range?: [number, number, number] | null}).range
    if (unclosed && range && range[1] === at && range[0] < at && (opening === undefined || range[0] > opening)) opening = range[0]
  })
  return opening ?? at
}

/** The first line of a YAML error, without the `at line 3, column 4:` the place already says. */
export function yamlReason(message: string): string {
  return message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

export function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'give each key once'
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs'
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'fix the YAML between the `---` lines: close brackets and quotes, and quote values that contain `:` or `#`'
    default:
      return 'fix the YAML between the `---` lines (quote values that contain `:` or `#`)'
  }
}
