/**
 * A guess at the page of each heading the contents ask for, made without
 * printing: the page is laid out as one multi-column box whose columns are
 * the size of a printed page's content area, so Chromium's own block
 * fragmentation (the one printing uses: break-inside, orphans, widows,
 * forced breaks) places every block, and the column a heading falls in is
 * its page. The theme's forced page breaks become column breaks, and a
 * box on a named page of its own (the cover) takes one column.
 *
 * It is a guess, never the answer: the print stage writes it in, prints, and
 * keeps the print only if the PDF's own destinations put every heading
 * where the guess said; otherwise it prints again with the numbers that
 * print gave (see `pdf.ts`). When the page box cannot be read from the
 * theme's CSS, there is no guess and the print stage prints a draft first.
 *
 * The pass costs no layout of its own: its stylesheet is in the HTML as it
 * loads, with print media emulated, so the layout the load makes anyway is
 * the pass. It is read through the DevTools protocol (the page runs no
 * script), and the stylesheet is taken out before anything is printed.
 */
import type {CDPSession} from 'puppeteer-core'

/** Millimetres of the named paper sizes CSS knows (portrait). */
const paperSizes: Record<string, [number, number]> = {
  a5: [148, 210],
  a4: [210, 297],
  a3: [297, 420],
  b5: [176, 250],
  b4: [250, 353],
  letter: [215.9, 279.4],
  legal: [215.9, 355.6],
  ledger: [279.4, 431.8],
}

const unitsInMm: Record<string, number> = {mm: 1, cm: 10, in: 25.4, pt: 25.4 / 72, pc: 25.4 / 6, px: 25.4 / 96, q: 0.25}

/** The content area of the default page (`@page { size; margin }`), in millimetres; undefined when it cannot be read. */
export function pageArea(css: string): {width: number; height: number} | undefined {
  // Every unnamed `@page` rule, up to its first margin box; a later declaration wins, as in the cascade.
  const bodies = [...css.replace(/\/\*[^]*?\*\//g, '').matchAll(/@page\s*\{([^{}@]*)/g)].map((match) => match[1]!)
  if (bodies.length === 0) return undefined
  const declaration = (name: string) =>
    bodies
      .map((body) => [...body.matchAll(new RegExp(`(?:^|[;\\s])${name}\\s*:\\s*([^;{}]+)`, 'gi'))].at(-1)?.[1]?.trim())
      .filter(Boolean)
      .at(-1)
  const length = (value: string): number | undefined => {
    if (value === '0') return 0
    const match = /^(-?\d*\.?\d+)([a-z]+)$/i.exec(value)
    const unit = match ? unitsInMm[match[2]!.toLowerCase()] : undefined
    return match && unit !== undefined ? Number(match[1]) * unit : undefined
  }
  const sizeWords = (declaration('size') ?? 'a4').toLowerCase().split(/\s+/)
  let size: [number, number] | undefined
  const named = sizeWords.find((word) => paperSizes[word])
  if (named) size = paperSizes[named]
  else {
    const lengths = sizeWords.map(length)
    if (lengths.length === 2 && lengths.every((value) => value !== undefined && value > 0)) size = [lengths[0]!, lengths[1]!]
    else if (sizeWords.some((word) => word !== 'portrait' && word !== 'landscape' && word !== 'auto')) return undefined
  }
  size ??= paperSizes.a4!
  if (sizeWords.includes('landscape')) size = [size[1], size[0]]
  const margins = (declaration('margin') ?? '0').split(/\s+/).map(length)
  if (margins.length === 0 || margins.length > 4 || margins.some((value) => value === undefined)) return undefined
  const [top, right = top, bottom = top, left = right] = margins as number[]
  const width = size[0] - left! - right!
  const height = size[1] - top! - bottom!
  return width > 0 && height > 0 ? {width, height} : undefined
}

/**
 * The theme's rules that force page breaks, as column breaks, those that
 * avoid only page breaks (`avoid-page`) as avoiding any break, and its boxes
 * on named pages as one column each: what the layout pass adds to the
 * theme's own CSS.
 */
export function columnRules(css: string): string {
  const rules: string[] = []
  // Innermost rules only (a rule inside @media is taken as if outside it: a guess may be wrong).
  for (const match of css.replace(/\/\*[^]*?\*\//g, '').matchAll(/([^{};]+)\{([^{}]*)\}/g)) {
    const selector = match[1]!.trim()
    const body = match[2]!
    if (!selector || selector.startsWith('@')) continue
    const declarations: string[] = []
    for (const [, side, value] of body.matchAll(/(?:^|;)\s*(?:page-)?break-(before|after|inside)\s*:\s*([a-z-]+)/gi)) {
      if (side!.toLowerCase() !== 'inside' && /^(page|always|left|right|recto|verso)$/i.test(value!)) declarations.push(`break-${side!.toLowerCase()}: column !important`)
      // `avoid-page` avoids no column break: in the pass it must, or a box printing moves whole to the next page
      // (a checklist and the heading kept with it) is split across two columns, and its heading guessed a page early.
      if (/^avoid-page$/i.test(value!)) declarations.push(`break-${side!.toLowerCase()}: avoid !important`)
    }
    if (/(?:^|;)\s*page\s*:\s*(?!auto\b)[a-z_-]+/i.test(body)) {
      declarations.push('break-before: column !important', 'break-after: column !important', 'height: var(--exchange-column-height) !important', 'min-height: 0 !important', 'max-height: none !important', 'overflow: hidden !important')
    }
    if (declarations.length > 0) rules.push(`${selector} { ${declarations.join('; ')} }`)
  }
  return rules.join('\n')
}

/** The stylesheet of the layout pass; undefined when the page box cannot be read. */
export function layoutStylesheet(css: string): string | undefined {
  const area = pageArea(css)
  if (!area) return undefined
  return [
    `:root { --exchange-column-height: ${area.height}mm; }`,
    `html { width: auto !important; height: auto !important; margin: 0 !important; padding: 0 !important; }`,
    `body { box-sizing: content-box !important; width: ${area.width}mm !important; max-width: none !important; height: ${area.height}mm !important; min-height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; column-width: ${area.width}mm !important; column-count: auto !important; column-gap: 0 !important; column-fill: auto !important; overflow: visible !important; }`,
    columnRules(css),
  ].join('\n')
}

/** The CSS of the HTML's `<style>` elements, in order. */
export function inlineCss(html: string): string {
  return [...html.matchAll(/<style\b[^>]*>([^]*?)<\/style>/gi)].map((match) => match[1]).join('\n')
}

/** The attribute that marks the layout pass's style element (in the head, where the notes never reach). */
const marker = 'data-exchange-layout-pass'

export interface LayoutPass {
  /** The HTML to load: the printable HTML with the layout pass's style element last in its head. */
  html: string
  /** Width of a page's content area, in CSS pixels: one column. */
  column: number
}

/**
 * The HTML with the layout pass's stylesheet in it, to be loaded with print
 * media emulated, so that the layout made while it loads is the pass; undefined
 * when the page box cannot be read from its CSS. `guessPages` reads the
 * pass and takes the stylesheet out before anything is printed.
 */
export function withLayoutPass(html: string): LayoutPass | undefined {
  const headEnd = html.indexOf('</head>')
  if (headEnd === -1) return undefined
  const css = inlineCss(html.slice(0, headEnd))
  const area = pageArea(css)
  const stylesheet = layoutStylesheet(css)
  if (!area || !stylesheet) return undefined
  return {html: `${html.slice(0, headEnd)}<style ${marker}>\n${stylesheet}\n</style>${html.slice(headEnd)}`, column: (area.width * 96) / 25.4}
}

/**
 * The page (1-based) each id falls on in the layout pass; ids it cannot
 * place are left out. Takes the pass's stylesheet out of the page, and
 * throws if it cannot: nothing may be printed with it in.
 */
export async function guessPages(session: CDPSession, root: number, pass: LayoutPass, ids: readonly string[]): Promise<Map<string, number>> {
  const node = async (selector: string) => (await session.send('DOM.querySelector', {nodeId: root, selector})).nodeId
  const left = async (nodeId: number) => (nodeId ? (await session.send('DOM.getBoxModel', {nodeId})).model.border[0]! : undefined)
  // Where a target's first child starts, when it has one: a section can begin with an empty sliver at the
  // foot of a column while everything in it, its heading first, moves on, and the print names the next page.
  const place = async (id: string) => {
    const target = `[id="${cssString(id)}"]`
    return left((await node(`${target} > :first-child`)) || (await node(target)))
  }
  const measured = Promise.all([node('body').then(left), ...ids.map((id) => place(id).catch(() => undefined))])
  measured.catch(() => {})
  const style = await node(`head > style[${marker}]`)
  const [origin, ...lefts] = await measured.catch(() => [undefined])
  if (!style) throw new Error('the layout pass\'s stylesheet is missing')
  await session.send('DOM.removeNode', {nodeId: style})
  const pages = new Map<string, number>()
  if (origin === undefined) return pages
  ids.forEach((id, index) => {
    const x = lefts[index]
    if (x !== undefined) pages.set(id, Math.floor((x - origin + 0.5) / pass.column) + 1)
  })
  return pages
}

/** A value for a CSS attribute selector in double quotes. */
function cssString(value: string): string {
  return value.replace(/[\\"]/g, (character) => `\\${character}`).replace(/[\n\r\f]/g, ' ')
}
