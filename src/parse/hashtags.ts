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

const trailingTags = /(?:^|\s)(#[\p{L}\p{N}][\p{L}\p{N}_-]*(?:\s+#[\p{L}\p{N}][\p{L}\p{N}_-]*)*)\s*$/u

/** Split trailing hashtags off a string: `'a b #x #y'` → `{text: 'a b', tags: ['x', 'y']}`. */
export function splitHashtags(value: string): {text: string; tags: string[]} {
  const match = trailingTags.exec(value)
  if (!match) return {text: value, tags: []}
  const tags = match[1]!.split(/\s+/).map((tag) => tag.slice(1).toLowerCase())
  return {text: value.slice(0, match.index).replace(/\s+$/, ''), tags}
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
