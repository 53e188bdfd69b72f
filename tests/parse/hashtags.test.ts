import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {parseNotes, splitHashtags} from '../../src/parse/index.js'

describe('hashtags', () => {
  it('takes the hashtags a note ends with', () => {
    expect(splitHashtags('PB done well is about power #key #Culture')).toEqual({text: 'PB done well is about power', tags: ['key', 'culture']})
  })

  it('leaves hashtags inside a sentence, and things that are not hashtags', () => {
    expect(splitHashtags('the #1 issue is money')).toEqual({text: 'the #1 issue is money', tags: []})
    expect(splitHashtags('we use C# here')).toEqual({text: 'we use C# here', tags: []})
  })

  it('keeps them on the paragraph for the group stage, out of the text', () => {
    const tree = parseNotes(new VFile({value: '- Consultation is broken #challenge\n'}))
    const paragraph = (tree.children[0] as any).children[0].children[0]
    expect(paragraph.data.hashtags).toEqual(['challenge'])
    expect(paragraph.children[0].value).toBe('Consultation is broken')
  })

  it('does not take hashtags out of code spans', () => {
    const tree = parseNotes(new VFile({value: '- channel is `#pb-practitioners`\n'}))
    const paragraph = (tree.children[0] as any).children[0].children[0]
    expect(paragraph.data?.hashtags).toBeUndefined()
  })
})
