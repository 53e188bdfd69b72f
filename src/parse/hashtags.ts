/**
 * remark plugin: take the hashtags a note ends with (`… lots of nodding #key #culture`)
 * off its text and keep them on the paragraph as `data.hashtags` (lower case,
 * without `#`), where the group stage reads them.
 */
import type {Nodes, Paragraph, Parent, Root} from 'mdast'

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
    // A plain walk, not unist-util-visit: every report pays for it.
    const walk = (parent: Parent) => {
      for (const node of parent.children as Nodes[]) {
        if (node.type === 'paragraph') takeHashtags(node)
        if ('children' in node) walk(node)
      }
    }
    walk(tree)
  }
}

function takeHashtags(paragraph: Paragraph): void {
  const last = paragraph.children.at(-1)
  if (!last || last.type !== 'text') return
  const {text, tags} = splitHashtags(last.value)
  if (tags.length === 0) return
  last.value = text
  if (text === '') paragraph.children.pop()
  paragraph.data = {...paragraph.data, hashtags: [...(paragraph.data?.hashtags ?? []), ...tags]}
}
