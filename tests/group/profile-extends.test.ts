import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {extendProfileData, loadProfile} from '../../src/group/profile.js'
import {cli, tempDir} from '../engine/helpers.js'

/** A short profile of one's own, on top of a shipped one. */
const own = `id: our-report
extends: insights-report
report_type: Our insights
sections:
  - id: what-works
    title: What is working
  - id: money
    title: Money matters
    tags: [money]
    keywords: {budget: 2, funding: 2}
`

describe('profile `extends:`', () => {
  it('starts from the shipped profile: its parts, its sections, one renamed in place and one added before the closing sections', () => {
    const dir = tempDir({'our.yaml': own})
    const profile = loadProfile('our.yaml', dir)
    const base = loadProfile('insights-report')
    expect(profile.id).toBe('our-report')
    expect(profile.reportType).toBe('Our insights')
    expect(profile.parts).toEqual(base.parts)
    expect(profile.parts.foreword.length).toBeGreaterThan(0)
    expect(profile.parts.conclusion.length).toBeGreaterThan(0)
    const ids = profile.sections.map((section) => section.id)
    const baseIds = base.sections.map((section) => section.id)
    expect(ids.filter((id) => id !== 'money')).toEqual(baseIds)
    expect(ids.indexOf('money')).toBe(ids.indexOf('questions') - 1)
    const works = profile.sections.find((section) => section.id === 'what-works')!
    expect(works.title).toBe('What is working')
    // Everything it did not say is the base's.
    expect(works.keywords).toEqual(base.sections.find((section) => section.id === 'what-works')!.keywords)
    expect(profile.introduction).toHaveLength(base.introduction.length)
  })

  it('merges by these rules, whatever the sections (a table of cases)', () => {
    const base = {id: 'base', parts: {foreword: ['foreword'], drop: ['contacts']}, sections: [{id: 'a', title: 'A'}, {id: 'q', title: 'Q', role: 'questions'}], fallback: {id: 'f', title: 'F'}}
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{}, {parts: base.parts, sections: base.sections, fallback: base.fallback}],
      [{id: 'mine'}, {id: 'mine', parts: base.parts, sections: base.sections, fallback: base.fallback}],
      [{parts: {drop: []}}, {parts: {foreword: ['foreword'], drop: []}, sections: base.sections, fallback: base.fallback}],
      [{sections: [{id: 'b', title: 'B'}]}, {parts: base.parts, sections: [{id: 'a', title: 'A'}, {id: 'b', title: 'B'}, base.sections[1]], fallback: base.fallback}],
      [{sections: [{id: 'q', title: 'Over to you'}]}, {parts: base.parts, sections: [base.sections[0], {id: 'q', title: 'Over to you', role: 'questions'}], fallback: base.fallback}],
    ]
    for (const [mine, expected] of cases) expect(extendProfileData(base, {extends: 'base', ...mine})).toEqual(expected)
  })

  it('reads a base given by path from the profile’s own folder, and chains', () => {
    const dir = tempDir({'profiles/base.yaml': own, 'profiles/child.yaml': 'extends: base.yaml\nreport_type: Child report\n'})
    const profile = loadProfile('profiles/child.yaml', dir)
    expect(profile.id).toBe('child')
    expect(profile.reportType).toBe('Child report')
    expect(profile.sections.map((section) => section.id)).toContain('money')
  })

  it('names the file and line of an unknown base, and of profiles that extend each other', () => {
    const dir = tempDir({'x.yaml': 'id: x\nextends: insight-report\n', 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'extends: a.yaml\n'})
    expect(() => loadProfile('x.yaml', dir)).toThrow(expect.objectContaining({file: path.join(dir, 'x.yaml'), line: 2, rule: 'profile', message: expect.stringMatching(/Unknown profile `insight-report` in `extends`/)}))
    expect(() => loadProfile('a.yaml', dir)).toThrow(expect.objectContaining({line: 1, rule: 'profile', message: expect.stringMatching(/extend each other in a circle/)}))
  })

  it('keeps the foreword and conclusion of the notes in a build with a short profile of one’s own', async () => {
    const notes = '---\ntitle: T\nattendees: [Jane Smith]\n---\n\n## Foreword\n\nWe met to talk about money.\n\n## Barriers\n\n- Budgets arrive too late to plan with #money\n- Consultation is broken #challenge\n\n## Conclusion\n\nWe will meet again.\n'
    const dir = tempDir({'a.md': notes, 'our.yaml': own})
    const run = await cli(['build', 'a.md', '-f', 'json', '--profile', 'our.yaml'], dir)
    expect(run.code).toBe(0)
    const report = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(path.join(dir, 'out/a.json'), 'utf8')))
    const text = JSON.stringify(report)
    expect(text).toContain('We met to talk about money')
    expect(text).toContain('We will meet again')
    expect(text).toContain('Money matters')
  })
})
