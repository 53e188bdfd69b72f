/**
 * What comes before the first section heading: a one-line preamble (a head
 * count, the Chatham House reminder) is left out with its warning; a live log
 * or a run of notes typed before any heading is what was said, and is kept.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {compileReport} from '../../src/engine/index.js'

function compile(body: string) {
  const value = `---\ntitle: T\nattendees: [Gareth Adams]\n---\n\n# Live notes\n\n${body}\n\n## Barriers\n\n- the budget is gone\n`
  const compiled = compileReport(new VFile({path: 'notes.md', value}), {outputs: ['html', 'json']})
  return JSON.parse(compiled.json) as {sections: Array<{items: Array<{text: string}>}>; left_out: Array<{rule: string; text: string}>}
}

const placed = (json: ReturnType<typeof compile>) => json.sections.flatMap((section) => section.items.map((item) => item.text)).join('\n')

describe('before the first section heading', () => {
  it('keeps a live log written a paragraph a moment', () => {
    const json = compile('10:12 — B&B use has tripled in two years\n\n10:14 — the housing pipeline is seven years long\n\n[10:19] landlords above shops want a guaranteed rent')
    for (const words of ['tripled in two years', 'seven years long', 'guaranteed rent']) expect(placed(json)).toContain(words)
    expect(json.left_out.filter((entry) => entry.rule === 'preamble')).toEqual([])
  })

  it('keeps a run of notes typed before any heading', () => {
    const json = compile('Waiting lists are the longest they have been.\n\nSchools do not hear when a child moves.\n\nRent guarantees work better than grants.')
    for (const words of ['longest they have been', 'child moves', 'better than grants']) expect(placed(json)).toContain(words)
  })

  it('keeps a paragraph with a hashtag', () => {
    expect(placed(compile('Prevention money goes first in every budget round #challenge'))).toContain('Prevention money goes first')
  })

  it('leaves out a one-line preamble, with its reason', () => {
    const json = compile('Chatham House reminder done at the start.')
    expect(json.left_out).toContainEqual(expect.objectContaining({rule: 'preamble', text: 'Chatham House reminder done at the start.'}))
  })
})
