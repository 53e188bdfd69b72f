import {describe, expect, it} from 'vitest'
import {toSafeHtml} from '../../src/render/inline.js'
import {notesParser} from '../../src/parse/index.js'
import type {Root} from 'mdast'

function render(markdown: string): string {
  const tree = notesParser().parse(markdown) as Root
  return toSafeHtml(tree.children)
}

describe('sanitised HTML from notes', () => {
  it('keeps text-level markup and links', () => {
    expect(render('*with* communities, **not** `to` them: [PB](https://pb.org.uk)')).toBe(
      '<p><em>with</em> communities, <strong>not</strong> <code>to</code> them: <a href="https://pb.org.uk">PB</a></p>',
    )
  })

  it('removes scripts, styles, frames and their content', () => {
    const html = render('<script>alert(1)</script><style>body{display:none}</style><iframe src="https://evil.example"></iframe>text')
    expect(html).not.toMatch(/script|alert|style|iframe|evil/)
    expect(html).toContain('text')
  })

  it('removes event handlers and javascript: links', () => {
    const html = render('<a href="javascript:alert(1)" onclick="steal()">x</a> <img src="x" onerror="steal()"> [y](javascript:alert(2))')
    expect(html).not.toMatch(/javascript|onclick|onerror|steal|alert/)
  })

  it('keeps only images already inlined as data URIs', () => {
    expect(render('![a](https://tracker.example/pixel.png)')).not.toContain('tracker')
    expect(render('![a](file:///etc/passwd)')).not.toContain('passwd')
    expect(render('![chart](data:image/png;base64,AAAA)')).toContain('<img src="data:image/png;base64,AAAA" alt="chart">')
  })

  it('drops images that are not inlined data images, relative ones included', () => {
    const html = render('<img src="x" alt="a"> <img src="../secret.png" alt="b"> ![c](data:image/png;base64,AAAA)')
    expect(html).not.toMatch(/src="x"|secret/)
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="c">')
  })

  it('gives an image without alt text an empty one (decorative), never none', () => {
    expect(render('<img src="data:image/png;base64,AAAA">')).toBe('<img src="data:image/png;base64,AAAA" alt="">')
  })

  it('keeps links to the web, mail and the page itself, and drops relative or scripted targets but keeps their text', () => {
    const html = render('<a href="../notes.md">up</a> <a href="file:///etc/passwd">file</a> <a href="https://example.org/a">web</a> <a href="mailto:a@example.org">mail</a>')
    expect(html).toContain('<a>up</a>')
    expect(html).toContain('<a>file</a>')
    expect(html).toContain('<a href="https://example.org/a">web</a>')
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>')
  })

  it('prints template syntax in notes as text, never as template code', () => {
    expect(render('{{constructor.constructor "x"}} and {{{raw}}}')).toBe('<p>{{constructor.constructor "x"}} and {{{raw}}}</p>')
  })

  it('renders footnote references as marks that link to the notes', () => {
    expect(toSafeHtml([{type: 'text', value: 'The Deal'}, {type: 'footnoteReference', identifier: '3', label: '3'}])).toBe('The Deal<sup class="fn-ref"><a href="#fn-3">3</a></sup>')
  })
})
