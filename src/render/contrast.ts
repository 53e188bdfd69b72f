/**
 * WCAG 2.x contrast between the brand colours the theme puts together.
 * `brandContrast` is pure: it returns the pairs that fall short of level AA,
 * and the build reports each as a warning (rule `contrast`).
 */
import type {BrandColours} from './brand.js'

/** A text colour drawn on a background colour somewhere in the default theme. */
export interface ColourPair {
  foreground: keyof BrandColours | 'white'
  background: keyof BrandColours | 'white'
  /** Where the theme uses it, in words. */
  use: string
  /** Large text (headings) needs 3:1; body text 4.5:1 (WCAG 2.2, 1.4.3). */
  large: boolean
}

/** The pairs the default theme draws. */
export const themePairs: readonly ColourPair[] = [
  {foreground: 'text', background: 'background', use: 'body text', large: false},
  {foreground: 'primary', background: 'background', use: 'headings, links and headlines', large: false},
  {foreground: 'muted', background: 'background', use: 'running header, page numbers and captions', large: false},
  {foreground: 'accent', background: 'background', use: 'section numbers', large: true},
  {foreground: 'white', background: 'primary', use: 'the cover and the about block', large: false},
]

export interface ContrastProblem {
  pair: ColourPair
  foreground: string
  background: string
  /** Contrast ratio, rounded down to two decimals (never rounded up into a pass). */
  ratio: number
  required: number
  message: string
}

/** Relative luminance of a `#rgb` or `#rrggbb` colour (WCAG definition). */
export function luminance(hex: string): number {
  const digits = hex.replace(/^#/, '')
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits
  const channel = (index: number) => {
    const value = Number.parseInt(full.slice(index * 2, index * 2 + 2), 16) / 255
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

/** WCAG contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** The brand colour pairs below WCAG AA, each with its ratio. */
export function brandContrast(colours: BrandColours, pairs: readonly ColourPair[] = themePairs): ContrastProblem[] {
  const colour = (name: ColourPair['foreground']) => (name === 'white' ? '#ffffff' : colours[name])
  const problems: ContrastProblem[] = []
  for (const pair of pairs) {
    const foreground = colour(pair.foreground)
    const background = colour(pair.background)
    const ratio = Math.floor(contrastRatio(foreground, background) * 100) / 100
    const required = pair.large ? 3 : 4.5
    if (ratio >= required) continue
    problems.push({
      pair,
      foreground,
      background,
      ratio,
      required,
      message: `Unexpected contrast ${ratio.toFixed(2)}:1 between \`${pair.foreground}\` ${foreground} and \`${pair.background}\` ${background} (${pair.use}), expected at least ${required}:1 (WCAG AA)`,
    })
  }
  return problems
}
