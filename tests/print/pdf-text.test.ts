/**
 * The page reader of the PDF audit on hand-written PDFs: text-showing
 * operators, fonts' ToUnicode maps, forms, word and line breaks, and the
 * constructs it leaves to pdf.js. `pdf-text.browser.test.ts` holds it
 * against pdf.js on what Chromium prints.
 */
import zlib from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {pdfText} from '../../src/audit/index.js'
import {contentText, documentStrings, toUnicodeMap, UnreadablePdf} from '../../src/print/pdf-text.js'

/** A PDF with a classic cross-reference table: objects by number, `stream` bodies compressed. */
function pdfOf(objects: Record<number, string | {dict: string; stream: string}>, root = 1): Uint8Array {
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  const numbers = Object.keys(objects).map(Number).sort((a, b) => a - b)
  const chunks: Buffer[] = []
  const push = (text: string | Buffer) => {
    const chunk = typeof text === 'string' ? Buffer.from(text, 'latin1') : text
    chunks.push(chunk)
    body = ''
    return chunk.length
  }
  let length = push(body)
  for (const num of numbers) {
    offsets[num] = length
    const object = objects[num]!
    if (typeof object === 'string') length += push(`${num} 0 obj\n${object}\nendobj\n`)
    else {
      const data = zlib.deflateSync(Buffer.from(object.stream, 'latin1'))
      length += push(`${num} 0 obj\n<<${object.dict} /Filter /FlateDecode /Length ${data.length}>> stream\n`)
      length += push(data)
      length += push('\nendstream\nendobj\n')
    }
  }
  const size = Math.max(...numbers) + 1
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`
  for (let num = 1; num < size; num++) xref += offsets[num] === undefined ? '0000000000 65535 f \n' : `${String(offsets[num]).padStart(10, '0')} 00000 n \n`
  push(`${xref}trailer\n<</Size ${size} /Root ${root} 0 R>>\nstartxref\n${length}\n%%EOF\n`)
  return new Uint8Array(Buffer.concat(chunks))
}

const hex = (text: string) => [...text].map((char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join('')
/** A Type0 font whose code of each character is its Unicode code point, 500 units wide. */
const fontObjects = (first: number) => ({
  [first]: `<</Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [${first + 1} 0 R] /ToUnicode ${first + 2} 0 R>>`,
  [first + 1]: '<</Type /Font /Subtype /CIDFontType2 /BaseFont /Test /DW 500>>',
  [first + 2]: {dict: '', stream: '/CIDInit /ProcSet findresource begin\nbegincmap\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap'},
})

function onePage(content: string, extra: Record<number, string | {dict: string; stream: string}> = {}, resources = ''): Uint8Array {
  return pdfOf({
    1: '<</Type /Catalog /Pages 2 0 R>>',
    2: '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    3: `<</Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources <</Font <</F1 10 0 R>> ${resources}>> /Contents 4 0 R>>`,
    4: {dict: '', stream: content},
    ...fontObjects(10),
    ...extra,
  })
}

describe('toUnicodeMap', () => {
  it('reads single codes, ranges from a start and ranges from a list, in UTF-16', () => {
    const map = toUnicodeMap('2 beginbfchar\n<0003> <0020>\n<0010> <D83DDE42>\nendbfchar\n2 beginbfrange\n<0020> <0022> <0061>\n<0030> <0031> [<0066006C> <00E9>]\nendbfrange')
    expect([...map]).toEqual([
      [3, ' '],
      [0x10, '🙂'],
      [0x20, 'a'],
      [0x21, 'b'],
      [0x22, 'c'],
      [0x30, 'fl'],
      [0x31, 'é'],
    ])
  })

  it('gives a ligature character as its letters, as pdf.js does', () => {
    expect(toUnicodeMap('1 beginbfchar\n<0001> <FB01>\nendbfchar').get(1)).toBe('fi')
  })
})

describe('contentText', () => {
  it('reads Tj, TJ, the quote operators and text drawn in a form, with word and line breaks where the glyphs leave them', () => {
    const pdf = onePage(
      [
        `BT /F1 10 Tf 1 0 0 1 50 700 Tm <${hex('Dawn')}> Tj <${hex(' ')}> Tj [<${hex('Re')}> -20 <${hex('yes')}>] TJ ET`,
        // A gap of more than a tenth of the font size is a space; a new baseline a new line.
        `BT /F1 10 Tf 50 680 Td <${hex('spoke')}> Tj 30 0 Td <${hex('first')}> Tj 12 TL T* <${hex('then')}> Tj ET`,
        `q 1 0 0 1 0 -100 cm /X1 Do Q`,
      ].join('\n'),
      {20: {dict: '/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources <</Font <</F1 10 0 R>>>>', stream: `BT /F1 10 Tf 50 700 Td <${hex('in a form')}> Tj ET`}},
      '/XObject <</X1 20 0 R>>',
    )
    expect(contentText(pdf)).toBe('Dawn Reyes\nspoke first\nthen\nin a form')
  })

  it('reads a span with an ActualText as that text, inside its word', () => {
    const pdf = onePage(`BT /F1 10 Tf 1 0 0 1 50 700 Tm <${hex('Gri')}> Tj /Span <</ActualText <FEFF00660066>>> BDC <E000> Tj EMC <${hex('iths')}> Tj ET`)
    expect(contentText(pdf)).toBe('Griffiths')
  })

  it('leaves out glyphs drawn off the page, as pdf.js does', () => {
    expect(contentText(onePage(`BT /F1 10 Tf 50 700 Td <${hex('kept')}> Tj ET BT /F1 10 Tf 50 900 Td <${hex('gone')}> Tj ET`))).toBe('kept')
  })

  it('leaves to pdf.js what it does not read: a font without a ToUnicode map, another filter, a cross-reference stream', async () => {
    const simple = pdfOf({
      1: '<</Type /Catalog /Pages 2 0 R>>',
      2: '<</Type /Pages /Kids [3 0 R] /Count 1>>',
      3: '<</Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources <</Font <</F1 5 0 R>>>> /Contents 4 0 R>>',
      4: {dict: '', stream: 'BT /F1 12 Tf 50 700 Td (Hello from the workshop) Tj ET'},
      5: '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>',
    })
    expect(() => contentText(simple)).toThrow(UnreadablePdf)
    expect(await pdfText(simple)).toContain('Hello from the workshop')
    expect(() => contentText(new TextEncoder().encode('%PDF-1.5\nnot really\nstartxref\n9\n%%EOF'))).toThrow(UnreadablePdf)
  })
})

describe('documentStrings', () => {
  it('reads alternative text, titles and link targets, in either string syntax', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <</S /Figure /Alt (Portrait of Dawn)>> endobj 2 0 obj <</Title <FEFF004E0067006F007A0069>>> endobj 3 0 obj <</URI (https://example.org/dawn)>> endobj 4 0 obj <</Kids [1 0 R] /Type /Pages>> endobj')
    expect(documentStrings(pdf).split('\n')).toEqual(['Portrait of Dawn', 'Ngozi', 'https://example.org/dawn'])
  })
})
