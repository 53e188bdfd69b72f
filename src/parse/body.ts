/** Where a notes file's body starts: the line after its front matter's closing `---`, or 0 when it has none. */
export function bodyStart(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') return 0
  const end = lines.indexOf('---', 1)
  return end < 0 ? lines.length : end + 1
}
