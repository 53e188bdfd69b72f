import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {loadProfile, parseProfile, profileHash, shippedProfiles, shippedProfilesFile} from '../../src/group/profile.js'
import {profilesDir} from '../../src/paths.js'
import {tempDir} from '../helpers.js'

/** The UsageError a bad profile throws. */
function refusal(yaml: string): UsageError {
  try {
    parseProfile(yaml, 'my.yaml')
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return error as UsageError
  }
  return expect.unreachable('the profile was accepted')
}

const minimal = 'id: x\nsections:\n  - id: a\n    title: A\n'

describe('profiles', () => {
  it('ships the three reference profiles', () => {
    expect(shippedProfiles()).toEqual(['innovation-explored', 'insights-report', 'key-actions'])
  })

  it('ships the default insights-report profile with the standard sections in order', () => {
    const profile = loadProfile('insights-report')
    expect(profile.sections.map((section) => section.title)).toEqual([
      'Key insights',
      'What needs to change',
      'What works in practice',
      'Culture and leadership',
      'Examples and best practice',
      'Questions to take back',
      'Resources',
    ])
    expect(profile.sections.map((section) => section.role)).toEqual(['key', 'insights', 'insights', 'insights', 'insights', 'questions', 'resources'])
    expect(profile.fallback).toMatchObject({title: 'Further insights', role: 'further', style: 'bullets'})
    expect(profile.sections.find((section) => section.id === 'questions')).toMatchObject({style: 'checklist', lead: 'Do you:'})
  })

  it('ships innovation-explored: audience-grouped numbered insights and the series boilerplate', () => {
    const profile = loadProfile('innovation-explored')
    expect(profile.reportType).toBe('Innovation Explored')
    expect(profile.sections.slice(0, 2).map((section) => [section.title, section.style, section.audience])).toEqual([
      ['Insights for senior leaders', 'numbered', 'senior leaders'],
      ['Insights for collaborative working across the council and with communities', 'numbered', 'collaborative working across the council and with communities'],
    ])
    expect(profile.boilerplate.map((block) => block.id)).toEqual(['the-series'])
  })

  it('ships key-actions: four action areas, each with a “Do you:” checklist', () => {
    const profile = loadProfile('key-actions')
    const areas = profile.sections.filter((section) => section.style === 'actions')
    expect(areas.map((section) => section.title)).toEqual(['Create the climate for change', 'Lead for change', 'Agree clear long-term ambitions', 'Ensure priorities are delivered'])
    expect(areas.every((section) => section.lead === 'Do you:')).toBe(true)
  })

  it('loads a profile of one’s own by path, with the defaults filled in', () => {
    const dir = tempDir({'mine.yaml': minimal})
    const profile = loadProfile('./mine.yaml', dir)
    expect(profile).toMatchObject({id: 'x', reportType: 'Insights report', keywordThreshold: 2, fallback: {id: 'further-insights', role: 'further'}})
    expect(profile.sections[0]).toMatchObject({id: 'a', style: 'numbered', role: 'insights', chapter: true, tags: [], keywords: []})
    expect(profile.introduction).toHaveLength(1)
  })

  it('stems keyword rules and heading aliases on load', () => {
    const profile = parseProfile(`${minimal}    keywords: {"middle managers": 3, challenges: 1}\n    headings: [What's working]\n`, 'my.yaml')
    expect(profile.sections[0]!.keywords).toEqual([
      {term: 'middle managers', stems: ['middl', 'manag'], weight: 3},
      {term: 'challenges', stems: ['challeng'], weight: 1},
    ])
    expect(profile.sections[0]!.headingStems).toEqual([['what', 'work']])
  })

  it('refuses an unknown profile name, listing the shipped ones', () => {
    try {
      loadProfile('nope')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      expect((error as UsageError).message).toBe('Unknown profile `nope`')
      expect((error as UsageError).hint).toMatch(/insights-report/)
      expect((error as UsageError).exitCode).toBe(2)
    }
  })

  it('names the line and key of a bad section', () => {
    const error = refusal('id: x\nsections:\n  - id: a\n    title: A\n  - id: b\n    title: B\n    style: fancy\n')
    expect(error.message).toBe('Unexpected style `fancy` in `sections.1.style`, expected one of numbered, bullets, checklist, resources, quotes, actions')
    expect(error.line).toBe(7)
    expect(error.file).toBe('my.yaml')
    expect(error.rule).toBe('profile')
  })

  it('refuses a profile without sections', () => {
    expect(() => parseProfile('id: x\n', 'x.yaml')).toThrow('Missing `sections`: a profile needs at least one section')
  })

  it('refuses an unknown key, naming it and its line', () => {
    const error = refusal(`${minimal}    keywrods: {a: 1}\n`)
    expect(error.message).toBe('Unexpected key `keywrods` in `sections.0`, expected one of id, title, intro, style, role, chapter, lead, audience, limit, tags, headings, keywords, signals')
    expect(error.line).toBe(5)
    expect(refusal(`report_typ: X\n${minimal}`).message).toMatch(/^Unexpected key `report_typ`, expected one of id, report_type/)
  })

  it('refuses a keyword weight that is not a number', () => {
    const error = refusal(`${minimal}    keywords:\n      demand: lots\n`)
    expect(error.message).toBe('Unexpected weight `lots` for keyword `demand` in `sections.0.keywords`, expected a number other than 0')
    expect(error.line).toBe(6)
  })

  it('refuses a bad limit, role, id, a missing title and a duplicate id', () => {
    expect(refusal(`${minimal}    limit: 0\n`).message).toBe('Unexpected `sections.0.limit`: `0`, expected a positive whole number')
    expect(refusal(`${minimal}    role: boss\n`).message).toBe('Unexpected role `boss` in `sections.0.role`, expected one of insights, key, questions, resources, further')
    expect(refusal('sections:\n  - id: Not OK\n    title: A\n').message).toBe('Unexpected section id `Not OK` in `sections.0.id`, expected lower-case letters, digits and hyphens')
    const missing = refusal('sections:\n  - id: a\n')
    expect([missing.message, missing.line]).toEqual(['Missing `title` in `sections.0`', 2])
    expect(refusal(`${minimal}  - id: a\n    title: B\n`).message).toBe('Unexpected duplicate section id `a`')
  })

  it('refuses two sections claiming one hashtag, or two questions sections', () => {
    expect(refusal('sections:\n  - {id: a, title: A, tags: [x]}\n  - {id: b, title: B, tags: [x]}\n').message).toBe('Unexpected tag `x` in `sections.1.tags`: section `a` already has it')
    expect(refusal('sections:\n  - {id: a, title: A, role: questions}\n  - {id: b, title: B, role: questions}\n').message).toBe('Unexpected second section with role `questions`, expected at most one')
  })

  it('refuses a template that does not compile, naming its key', () => {
    const error = refusal(`introduction:\n  - "On {{#if date}}{{date}}"\n${minimal}`)
    expect(error.message).toMatch(/^Cannot read the template in `introduction\.0`: /)
    expect(error.line).toBe(2)
    expect(refusal(`introduction:\n  - "{{shout title}}"\n${minimal}`).message).toMatch(/^Cannot read the template in `introduction\.0`: Missing helper: "shout"/)
  })

  it('refuses YAML that does not parse, with its line', () => {
    const error = refusal('sections: [\n')
    expect(error.message).toMatch(/^Cannot read profile: /)
    expect(error.line).toBeGreaterThan(0)
  })
})

describe('the shipped profiles, read as data that came with the package', () => {
  const sample = {title: 'T', date: '2024-03-05', host: 'Host Council', partner: 'Partner', venue: 'Hall', participants: 12}
  /** The profile as plain data, with each template as what it writes for `sample`. */
  const plain = (profile: ReturnType<typeof parseProfile>) =>
    JSON.parse(JSON.stringify({...profile, path: '', order: [...profile.order]}, (_key, value: unknown) => (typeof value === 'function' ? (value as (data: typeof sample) => string)(sample) : value)))

  it('are the data of their YAML: a profile loads the same from either', () => {
    for (const name of shippedProfiles()) {
      const file = path.join(profilesDir, `${name}.yaml`)
      const text = fs.readFileSync(file, 'utf8')
      // A trailing newline changes the hash and not the YAML: that copy is parsed.
      expect(plain(parseProfile(text, file)), name).toEqual(plain(parseProfile(`${text}\n`, file)))
    }
    const built = JSON.parse(fs.readFileSync(shippedProfilesFile, 'utf8')) as Record<string, unknown>
    expect(Object.keys(built).sort()).toEqual(shippedProfiles().map((name) => profileHash(fs.readFileSync(path.join(profilesDir, `${name}.yaml`), 'utf8'))).sort())
  })

  it('still point at the line of a mistake in an edited copy', () => {
    const text = fs.readFileSync(path.join(profilesDir, 'insights-report.yaml'), 'utf8').replace(/^(\s*)style: numbered$/m, '$1style: numbred')
    expect(text).toContain('numbred')
    const line = text.split('\n').findIndex((candidate) => candidate.includes('numbred')) + 1
    expect(() => parseProfile(text, 'copy.yaml')).toThrow(expect.objectContaining({line, message: expect.stringContaining('numbred')}))
  })
})
