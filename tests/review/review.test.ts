/** The facilitator's confidential review page. */
import {VFile} from 'vfile'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import remarkChathamHouse from '../../src/anonymise/index.js'
import {diagnosticsOf} from '../../src/diagnostics.js'
import {parseNotes} from '../../src/parse/index.js'
import {renderReview} from '../../src/review/index.js'

const source = `---
title: Review <test>
attendees:
  - { name: Jane Smith, org: Wigan Council }
  - { name: Tom Okafor, org: London Borough of Camden }
share: [Wigan Council]
---

<!-- check with Jane Smith -->

- Tom said the panel worked
- In Camden they trained residents
- Sarah from the LGA mentioned the pages
- Vantelmo Quarribee attended.
`

function review(): string {
  const file = new VFile({path: 'notes.md', value: source})
  const tree = parseNotes(file)
  unified().use(remarkChathamHouse).runSync(tree, file)
  return renderReview({file: 'notes.md', title: file.data.meta!.title, source, redactions: file.data.redactions ?? [], diagnostics: diagnosticsOf(file)})
}

describe('renderReview', () => {
  const html = review()

  it('is marked confidential, asks not to be indexed, and runs nothing', () => {
    expect(html).toMatch(/<p class="confidential">CONFIDENTIAL/)
    expect(html).toContain('<title>CONFIDENTIAL review: Review &#60;test&#62;</title>')
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">')
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
    expect(html).not.toMatch(/<script|<link |src="http|href="http/i)
  })

  it('shows each redaction in place on its line: the original struck through, the replacement, the rule on hover', () => {
    expect(html).toMatch(/<tr id="L11" class="line changed"><th>11<\/th><td>- <span class="redaction roster-name" title="roster-name: an attendee named, replaced"><del>Tom<\/del><ins>One participant<\/ins><\/span> said the panel worked<\/td><\/tr>/)
    expect(html).toMatch(/<del>Camden<\/del><ins>one council area<\/ins>/)
    expect(html).toMatch(/<del>&#60;!-- check with Jane Smith --&#62;<\/del><span class="gone">removed<\/span>/)
  })

  it('lists the warnings to check first, people not on the roster at the top, each linked to its line', () => {
    const list = html.slice(html.indexOf('<ol class="warnings">'), html.indexOf('</ol>'))
    const items = list.split('<li').slice(1)
    expect(items.length).toBeGreaterThanOrEqual(2)
    expect(items[0]).toMatch(/href="#L13">line 13<\/a>.*unrostered-name/s)
    expect(items[1]).toMatch(/href="#L14">line 14<\/a>.*left as written/s)
    // The facilitator sees the line as written, name and all.
    expect(items[0]).toContain('Sarah from the LGA')
  })

  it('summarises the redactions by rule', () => {
    expect(html).toMatch(/<code>roster-name<\/code><\/span> 1 — an attendee named, replaced/)
    expect(html).toMatch(/<code>html-comment<\/code><\/span> 1/)
  })

  it('escapes everything it shows', () => {
    const page = renderReview({file: '<x>.md', title: 'T', source: '<b onclick="x">Jane</b>', redactions: [{original: 'Jane', replacement: '<i>', rule: 'roster-name', line: 1, column: 20}], diagnostics: []})
    expect(page).toContain('&#60;b onclick=&#34;x&#34;&#62;<span class="redaction roster-name"')
    expect(page).toContain('<ins>&#60;i&#62;</ins>')
    expect(page).not.toContain('<b onclick')
  })
})
