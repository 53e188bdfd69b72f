import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {loadProfile, parseProfile, shippedProfiles} from '../../src/group/profile.js'

describe('profiles', () => {
  it('ships the default insights-report profile with the standard sections in order', () => {
    expect(shippedProfiles()).toContain('insights-report')
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
    expect(profile.fallback.title).toBe('Further insights')
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
    const yaml = 'id: x\nsections:\n  - id: a\n    title: A\n  - id: b\n    title: B\n    style: fancy\n'
    try {
      parseProfile(yaml, 'my.yaml')
      expect.unreachable()
    } catch (error) {
      expect((error as UsageError).message).toBe('Unexpected style `fancy` in `sections.1.style`, expected one of numbered, bullets, checklist, resources, quotes')
      expect((error as UsageError).line).toBe(7)
      expect((error as UsageError).file).toBe('my.yaml')
    }
  })

  it('refuses a profile without sections', () => {
    expect(() => parseProfile('id: x\n', 'x.yaml')).toThrow('Missing `sections`: a profile needs at least one section')
  })
})
