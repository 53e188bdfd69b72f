/**
 * The items a section lists, as every format prints them: those with
 * something to show, less the note a section opens with when the opening is
 * that note whole (printed once, as the opening: `ReportSection.opening`),
 * each list punctuated alike (`punctuateList`: copies, the model keeps the
 * notes as written).
 */
import {punctuateList} from '../group/tidy.js'
import type {ReportItem, ReportSection} from '../types.js'

export function listedItems(section: ReportSection): ReportItem[] {
  const opening = section.opening
  const items = section.items.filter(
    (item) => (item.content.length > 0 || item.children.length > 0) && !(opening && item.line === opening.line && item.column === opening.column && item.placement.rule !== 'key'),
  )
  return punctuateList(items, section.style)
}
