/**
 * Key insights say what earned them: tagged key by the facilitator, raised
 * in the most sessions (each saying in how many), or the strongest of its
 * section; the panel never claims "returned to most often" of notes that
 * were only tagged, and `--explain` says for each why it is key.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {processNotes} from '../../src/engine/pipeline.js'
import {explainPlacements} from '../../src/group/explain.js'
import type {Report} from '../../src/types.js'

function build(notes: string): Report {
  return processNotes(new VFile({path: 'notes.md', value: notes})).report
}

const key = (report: Report) => report.sections.find((section) => section.role === 'key')!
const why = (report: Report, pattern: RegExp) => explainPlacements(report).find((entry) => entry.section === 'key-insights' && pattern.test(entry.text))!.reason

/** Three tables on food banks: one point every table made, and one the facilitator tagged. */
const tables = (tagged: boolean) => `# Food banks

## Table 1

- A warm space with free wifi next to the food bank brought in people we never saw #works
- Volunteers run the homework club after school #works

## Table 2

- A warm space with free wifi and hot drinks kept people talking to advisers #works
${tagged ? '- Refer by text message – a code by text is quicker than a paper voucher #key' : '- Advisers take referrals by text message #works'}

## Table 3

- A warm space with free wifi only works if staff are trained to start conversations #works
- Seed library and tool lending run by a friends group #works
`

describe('Key insights say what earned them', () => {
  it('says the facilitator marked them when every key insight was tagged, never that participants returned to them most often', () => {
    const report = build(`# Notes\n\n## Barriers\n\n- Referrals arrive too late to help – most come after the eviction notice #key\n- Landlords do not know the duty to refer exists #challenge\n`)
    expect(key(report).intro).toBe('The insights the facilitator marked as key on the day.')
    expect(key(report).intro).not.toMatch(/most often/)
    expect(why(report, /Referrals arrive/)).toMatch(/tagged #key: a key insight because the facilitator tagged it key$/)
  })

  it('says which were tagged and which were raised in the most sessions, each of the latter saying in how many', () => {
    const report = build(tables(true))
    const section = key(report)
    expect(section.intro).toBe('The first point the facilitator marked as key; then the point raised in the most sessions, as each says.')
    const earned = section.items.find((item) => /warm space/i.test(item.text))!
    expect(earned.text).toMatch(/\(raised in 3 sessions\)$/)
    expect(why(report, /warm space/i)).toMatch(/^raised in 3 notes across 3 sessions/)
    expect(why(report, /Refer by text/)).toMatch(/because the facilitator tagged it key$/)
  })

  it('opens with the sessions when every key insight was earned by them', () => {
    const report = build(tables(false))
    expect(key(report).intro).toBe('The points participants raised in the most sessions during the day, each with how many.')
    expect(key(report).items.every((item) => /\(raised in \d+ sessions\)/.test(item.text))).toBe(true)
  })
})
