/**
 * Theme assets for printing, from the browser's memory cache.
 *
 * A report's HTML carries its theme's fonts (and any style-sheet images)
 * inline as `data:` URIs, so that the file stands alone. Printed as it is,
 * every report made Chromium decode and sanitise the same 130 KB of fonts
 * again, and sent their base64 through the DevTools pipe twice: once with the
 * HTML and once more as each `data:` request was let through. That was a
 * quarter of the renderer's work for a report.
 *
 * The copy that is printed names each of them by its hash instead, under an
 * origin that does not exist (`.invalid` never resolves). The printing page
 * answers those URLs itself, from this process's memory, and refuses every
 * other one as before. Blink keeps a fetched font decoded in its memory
 * cache, so every later report printed on the same page finds it there.
 * Nothing else about the HTML changes, and the written report keeps its
 * `data:` URIs.
 */
import crypto from 'node:crypto'

/** The origin of the printed copy's assets: reserved, never resolved, only ever answered by the printing page. */
export const assetOrigin = 'https://assets.exchange.invalid'

export interface Asset {
  /** Its media type, from the `data:` URI. */
  type: string
  /** Its bytes, base64 (decoded only when the page asks for it). */
  base64: string
}

export interface PrintableHtml {
  /** The HTML to print. */
  html: string
  /** What the page may fetch from `assetOrigin`, by URL. */
  assets: Map<string, Asset>
}

/** `url("data:TYPE;base64,…")` in a style sheet. */
const inlineUrl = /url\((["']?)data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]+={0,2})\1\)/g
const styleElement = /(<style\b[^>]*>)([^]*?)(<\/style>)/gi
const policyMeta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i

/**
 * The HTML to print, with the `data:` URIs of the style sheets in its head
 * as URLs of `assetOrigin`, and what those URLs answer. Only the head is
 * read: the body holds the notes' text, which may say anything. When the
 * head's Content-Security-Policy would refuse the assets' origin and cannot
 * be widened to it for fonts and images alone, the HTML is printed as it is.
 */
export function printableHtml(html: string): PrintableHtml {
  const unchanged = {html, assets: new Map<string, Asset>()}
  const headEnd = html.indexOf('</head>')
  if (headEnd === -1) return unchanged
  const assets = new Map<string, Asset>()
  let head = html.slice(0, headEnd).replace(styleElement, (_whole, open: string, css: string, close: string) => {
    const rewritten = css.replace(inlineUrl, (_url, _quote, type: string, base64: string) => {
      const url = `${assetOrigin}/${crypto.createHash('sha256').update(base64).digest('hex')}`
      assets.set(url, {type, base64})
      return `url("${url}")`
    })
    return open + rewritten + close
  })
  if (assets.size === 0) return unchanged
  const policy = policyMeta.exec(head)
  if (policy) {
    const needed = new Set([...assets.values()].map(({type}) => (type.startsWith('font/') ? 'font-src' : 'img-src')))
    const widened = widenPolicy(policy[2]!, needed)
    if (widened === undefined) return unchanged
    head = head.replace(policyMeta, (_whole, start: string, _content: string, end: string) => start + widened + end)
  }
  return {html: head + html.slice(headEnd), assets}
}

/**
 * The policy with `assetOrigin` added to each of the `needed` directives
 * (`font-src`, `img-src`); undefined unless each of them is there and
 * already allows `data:`, where widening it would take more than adding one
 * origin to a directive.
 */
function widenPolicy(policy: string, needed: Set<string>): string | undefined {
  const widenedNames = new Set<string>()
  const widened = policy.split(';').map((directive) => {
    const [name = '', ...sources] = directive.trim().split(/\s+/)
    if (!needed.has(name.toLowerCase()) || !sources.includes('data:')) return directive.trim()
    widenedNames.add(name.toLowerCase())
    return [name, ...sources, assetOrigin].join(' ')
  })
  return widenedNames.size === needed.size ? widened.filter(Boolean).join('; ') : undefined
}
