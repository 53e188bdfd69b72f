/**
 * Reference-style links and images (`[guide][nowak-guide]` with
 * `[nowak-guide]: https://…` elsewhere) become plain links and images, and
 * the definitions go: each note is grouped and rendered on its own, away
 * from the definitions, and a reference there printed as its raw text,
 * label and all (a label can be a name). Resolved here, before the Chatham
 * House stage, a reference to someone's profile is seen as one too.
 *
 * Two plain walks of the tree (the definitions, then the references), not
 * unist-util-visit: every report pays for them, and most have neither.
 */
import type {Definition, Image, Link, Nodes, Parent, Root, Text} from 'mdast'

export default function remarkResolveReferences() {
  return function (tree: Root) {
    const found = new Map<string, Definition>()
    let references = false
    const collect = (parent: Parent) => {
      for (const node of parent.children as Nodes[]) {
        if (node.type === 'definition') {
          // As mdast-util-definitions: the first definition of an identifier (in any case) wins.
          const id = String(node.identifier || '').toUpperCase()
          if (id && !found.has(id)) found.set(id, node)
        } else if (node.type === 'linkReference' || node.type === 'imageReference') references = true
        if ('children' in node) collect(node)
      }
    }
    collect(tree)
    if (!references && found.size === 0) return
    const definition = (identifier: string) => {
      const id = String(identifier || '').toUpperCase()
      return id ? found.get(id) : undefined
    }
    const resolve = (parent: Parent) => {
      const children = parent.children as Nodes[]
      for (let index = 0; index < children.length; ) {
        const node = children[index]!
        let replacement: Nodes[] | undefined
        if (node.type === 'linkReference') {
          const target = definition(node.identifier)
          // Without a definition, the reader gets its text.
          replacement = target ? [{type: 'link', url: target.url, title: target.title ?? null, children: node.children, position: node.position} satisfies Link] : node.children
        } else if (node.type === 'imageReference') {
          const target = definition(node.identifier)
          replacement = target
            ? [{type: 'image', url: target.url, title: target.title ?? null, alt: node.alt ?? null, position: node.position} satisfies Image]
            : node.alt
              ? [{type: 'text', value: node.alt, position: node.position} satisfies Text]
              : []
        } else if (node.type === 'definition') replacement = []
        if (replacement) {
          // What took its place is walked next (a link's text may hold more).
          children.splice(index, 1, ...replacement)
          continue
        }
        if ('children' in node) resolve(node)
        index++
      }
    }
    resolve(tree)
  }
}
