/**
 * remark plugin: answers pasted as data. A forms tool's or an API's export (`"answer": "…"` in JSON, `answer: …`
 * in YAML), pasted in a code fence or indented, is a code block to markdown, and a code block is left out of the
 * report whole: every answer in it would be lost. Here a code block that reads as JSON or YAML data holding
 * sentences becomes a list of those sentences, each at its own line, so each is a note as if typed as one.
 *
 * What a participant wrote is a string of four words or more; who wrote it and the form's own fields (`name`,
 * `by`, `email`, `org`, `form`, `question`, `timestamp`…) are not notes and are not carried over (the anonymiser
 * never sees them, so they cannot leak). A block that is not data (code, a config with no sentences, prose that
 * YAML would read as one string) stays a code block, left out with its reason as before.
 */
import type {Code, List, ListItem, Root, RootContent} from 'mdast'
import {isMap, isPair, isScalar, isSeq, parseDocument, visit} from 'yaml'

/** Fields that say who, when or what form: never a note. */
const notNotes = /^(?:name|full_?name|first_?name|last_?name|by|author|user|user_?name|handle|email|e-?mail|phone|tel|org|organi[sz]ation|council|employer|from|submitted_?by|respondent|respondent_?id|id|uuid|timestamp|time|date|created(?:_at)?|updated(?:_at)?|form|form_?name|title|survey|question|prompt|label|type|status|url|link|href|ip|role|job_?title)$/iu
const languages = /^(?:json|jsonc|json5|yaml|yml)?$/iu
const words = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const minimumWords = 4

interface Sentence {
  text: string
  line: number
}

/** The sentences a code block's data holds, each with its line in the notes; undefined when the block is not such data. */
export function sentencesOf(code: Code): Sentence[] | undefined {
  if (!languages.test(code.lang ?? '') || !code.position) return undefined
  const value = code.value
  if (!/[:{[]/u.test(value)) return undefined
  let document
  try {
    document = parseDocument(value, {prettyErrors: false, uniqueKeys: false})
  } catch {
    return undefined
  }
  if (document.errors.length > 0 || !(isMap(document.contents) || isSeq(document.contents))) return undefined
  // Where the block's first line of content is: the line after a fence, or the block's own first line when indented.
  const firstLine = code.position.start.line + (isFenced(code) ? 1 : 0)
  const sentences: Sentence[] = []
  visit(document, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.value) || typeof pair.value.value !== 'string') return
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      if (notNotes.test(key)) return
      const text = pair.value.value.trim()
      if ((text.match(words)?.length ?? 0) < minimumWords) return
      const offset = pair.value.range?.[0] ?? 0
      sentences.push({text, line: firstLine + lineOf(value, offset)})
    },
    Scalar(key, node) {
      // A list of bare strings (`- Rural areas have too few vehicles at night`): each is an answer.
      if (key !== null && typeof key === 'number' && typeof node.value === 'string' && (node.value.match(words)?.length ?? 0) >= minimumWords) {
        sentences.push({text: node.value.trim(), line: firstLine + lineOf(value, node.range?.[0] ?? 0)})
      }
    },
  })
  return sentences.length >= 2 ? sentences.sort((a, b) => a.line - b.line) : undefined
}

/** A block opened by a fence (its first line in the source is the fence, not content). */
function isFenced(code: Code): boolean {
  const {start, end} = code.position!
  return end.line - start.line + 1 > code.value.split('\n').length
}

function lineOf(value: string, offset: number): number {
  let lines = 0
  for (let index = 0; index < offset && index < value.length; index++) if (value.charCodeAt(index) === 10) lines++
  return lines
}

function listOf(code: Code, sentences: Sentence[]): List {
  const items: ListItem[] = sentences.map(({text, line}) => {
    const place = {start: {line, column: 1}, end: {line, column: 1 + text.length}}
    return {type: 'listItem', spread: false, children: [{type: 'paragraph', children: [{type: 'text', value: text, position: place}], position: place}], position: place}
  })
  return {type: 'list', ordered: false, spread: false, children: items, ...(code.position ? {position: code.position} : {})}
}

export default function remarkDataBlocks() {
  return (tree: Root) => {
    const walk = (children: RootContent[]) => {
      for (let index = 0; index < children.length; index++) {
        const node = children[index]!
        if (node.type === 'code') {
          const sentences = sentencesOf(node)
          if (sentences) children[index] = listOf(node, sentences)
        } else if ('children' in node && Array.isArray(node.children)) walk(node.children as RootContent[])
      }
    }
    walk(tree.children)
  }
}
