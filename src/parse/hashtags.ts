/**
 * remark plugin: take the hashtags a note ends with (`… lots of nodding #key #culture`)
 * off its text and keep them on the paragraph as `data.hashtags` (lower case,
 * without `#`), where the group stage reads them.
 */
import type {Paragraph, Root} from 'mdast'
import {visit} from 'unist-util-visit'

declare module 'mdast' {
  interface ParagraphData {
    /** Hashtags the paragraph ended with, lower case, without `#`. */
    hashtags?: string[]
  }
}

/** One hashtag, as a whole whitespace-separated word: `#key`, `#co-production`, `#2024`. */
export const hashtagPattern = /^#[\p{L}\p{N}][\p{L}\p{N}_-]*$/u

const space = /\s/u

/**
 * Split trailing hashtags off a string: `'a b #x #y'` → `{text: 'a b', tags: ['x', 'y']}`.
 * It walks back word by word from the end, so it is linear in the string
 * (a pattern for "hashtags, then the end" would backtrack on every `#`).
 */
export function splitHashtags(value: string): {text: string; tags: string[]} {
  const tags: string[] = []
  let cut = value.trimEnd().length
  let first = -1
  while (cut > 0) {
    let start = cut
    while (start > 0 && !space.test(value[start - 1]!)) start--
    const word = value.slice(start, cut)
    if (!hashtagPattern.test(word)) break
    tags.push(word.slice(1).toLowerCase())
    first = start
    cut = start
    while (cut > 0 && space.test(value[cut - 1]!)) cut--
  }
  if (first === -1) return {text: value, tags: []}
  return {text: value.slice(0, first).trimEnd(), tags: tags.reverse()}
}

export default function remarkHashtags() {
  return function (tree: Root) {
    visit(tree, 'paragraph', (paragraph: Paragraph) => {
      const last = paragraph.children.at(-1)
      if (!last || last.type !== 'text') return
      const {text, tags} = splitHashtags(last.value)
      if (tags.length === 0) return
      last.value = text
      if (text === '') paragraph.children.pop()
      paragraph.data = {...paragraph.data, hashtags: [...(paragraph.data?.hashtags ?? []), ...tags]}
    })
  }
}
