/**
 * Reference-style links and images (`[guide][nowak-guide]` with
 * `[nowak-guide]: https://…` elsewhere) become plain links and images, and
 * the definitions go: each note is grouped and rendered on its own, away
 * from the definitions, and a reference there printed as its raw text,
 * label and all (a label can be a name). Resolved here, before the Chatham
 * House stage, a reference to someone's profile is seen as one too.
 */
import type {Image, Link, Nodes, Root, Text} from 'mdast'
import {definitions} from 'mdast-util-definitions'
import {SKIP, visit} from 'unist-util-visit'

export default function remarkResolveReferences() {
  return function (tree: Root) {
    const definition = definitions(tree)
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined
      let replacement: Nodes[] | undefined
      if (node.type === 'linkReference') {
        const found = definition(node.identifier)
        // Without a definition, the reader gets its text.
        replacement = found ? [{type: 'link', url: found.url, title: found.title ?? null, children: node.children, position: node.position} satisfies Link] : node.children
      } else if (node.type === 'imageReference') {
        const found = definition(node.identifier)
        replacement = found
          ? [{type: 'image', url: found.url, title: found.title ?? null, alt: node.alt ?? null, position: node.position} satisfies Image]
          : node.alt
            ? [{type: 'text', value: node.alt, position: node.position} satisfies Text]
            : []
      } else if (node.type === 'definition') replacement = []
      if (!replacement) return undefined
      ;(parent.children as Nodes[]).splice(index, 1, ...replacement)
      // Visit what took its place (a link's text may hold more).
      return [SKIP, index]
    })
  }
}
