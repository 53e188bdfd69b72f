/**
 * Images the notes point to: a local image that exists is inlined as a
 * `data:` URI (the report stays one self-contained file); a missing one is a
 * warning and is left out; a remote one, or one outside the notes folder
 * (by its path, or as a link out of it), is never read, and is left out.
 *
 * Returns the local files it looked for (found or not), so the batch
 * manifest can rebuild the report when one of them appears or changes.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Image, Parent, PhrasingContent, RootContent} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {dataUri} from '../render/brand.js'
import type {Report} from '../types.js'
import {isInside} from './read.js'

export function inlineImages(report: Report, file: VFile, baseDir: string): string[] {
  const looked = new Set<string>()
  const roots: Array<{children: Array<PhrasingContent | RootContent>}> = []
  for (const section of report.sections) {
    const add = (item: (typeof section.items)[number]) => {
      roots.push({children: item.content}, {children: item.headline ?? []}, {children: item.detail ?? []})
      item.children.forEach(add)
    }
    section.items.forEach(add)
  }
  if (report.foreword) roots.push(report.foreword)
  if (report.conclusion) roots.push(report.conclusion)

  for (const root of roots) {
    visit({type: 'root', children: root.children} as Parent, 'image', (node: Image, index, parent) => {
      const uri = resolveImage(node, file, baseDir, looked)
      if (uri) {
        node.url = uri
        return
      }
      if (parent && index !== undefined) {
        parent.children.splice(index, 1)
        // No space left where it stood: ` From the day`, `the  board`.
        const previous = parent.children[index - 1]
        const next = parent.children[index]
        if (next?.type === 'text' && (index === 0 || (previous?.type === 'text' && /\s$/.test(previous.value)))) next.value = next.value.replace(/^\s+/, '')
        if (previous?.type === 'text' && index === parent.children.length) previous.value = previous.value.replace(/\s+$/, '')
        return [SKIP, index]
      }
      return
    })
  }
  return [...looked]
}

function resolveImage(node: Image, file: VFile, baseDir: string, looked: Set<string>): string | undefined {
  const place = node.position?.start
  const warn = (reason: string) => {
    const message = file.message(reason, {place, ruleId: 'missing-image', source: 'exchange'})
    message.fatal = false
  }
  const url = node.url
  if (url.startsWith('data:image/')) return url
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    warn(`Unexpected remote image \`${url}\`: reports fetch nothing from the network, so it is left out`)
    return undefined
  }
  let relative: string
  try {
    relative = decodeURI(url.split(/[?#]/)[0]!)
  } catch {
    relative = url
  }
  const target = path.resolve(baseDir, relative)
  if (path.relative(baseDir, target).startsWith('..') || path.isAbsolute(path.relative(baseDir, target))) {
    warn(`Unexpected image \`${url}\` outside the notes folder: it is left out (keep images beside the notes)`)
    return undefined
  }
  looked.add(target)
  if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
    warn(`Missing image \`${url}\`: it is left out of the report (add the file beside the notes to include it)`)
    return undefined
  }
  // Compared as the system resolves them: an image that is a link (or behind a linked folder) out of the notes folder is not read.
  const real = realPath(target)
  const realBase = realPath(baseDir)
  if (real === undefined || realBase === undefined || !isInside(real, realBase)) {
    warn(`Unexpected image \`${url}\` that is a link out of the notes folder: it is left out (copy the image beside the notes to include it)`)
    return undefined
  }
  const uri = dataUri(real)
  if (!uri) warn(`Unexpected image type \`${url}\`: it is left out of the report (use PNG, JPEG, GIF, WebP or SVG)`)
  return uri
}

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file)
  } catch {
    return undefined
  }
}
