/**
 * Finish a PDF printed by Chromium, as an incremental update that leaves
 * every byte Chromium wrote (pages, fonts, the structure tree that makes it
 * tagged) where it was:
 *
 * - document information (Title, Author, Subject, Keywords, Creator,
 *   CreationDate, ModDate) and the same as XMP metadata, from the HTML head;
 * - the outline (bookmarks) rebuilt from the HTML headings: Chromium nests
 *   everything under the cover's `<h1>` and garbles titles (drops the spaces
 *   at line breaks, repeats linked headings); the destinations and structure
 *   links are Chromium's own;
 * - dates pinned by `SOURCE_DATE_EPOCH`, and a file ID hashed from the
 *   content, so the same inputs give a byte-identical file.
 */
import {
  appendUpdate,
  decodeText,
  dictionary,
  dictOf,
  getObject,
  pageObjects,
  readPdf,
  refNumber,
  resolve,
  textString,
  type NewObject,
  type PdfFile,
  type PdfValue,
} from './pdf-file.js'
import type {DocumentInfo, Heading} from './document-info.js'

export interface FinishOptions {
  /** Creation and modification date; otherwise Chromium's (the time of printing). */
  date?: Date
}

export interface OutlineEntry {
  title: string
  /** Raw PDF destination (`[12 0 R /XYZ 57 776 0]`). */
  dest: string
  /** Raw reference to the heading's structure element, when tagged. */
  structure?: string
  children: OutlineEntry[]
}

export function finishPdf(pdf: Uint8Array, info: DocumentInfo, options: FinishOptions = {}): Uint8Array {
  const file = readPdf(pdf)
  const rootNum = refNumber(file.trailer.get('Root'))
  const catalog = rootNum === undefined ? undefined : getObject(file, rootNum)
  if (rootNum === undefined || catalog?.kind !== 'dict') throw new Error('PDF without a document catalog')

  const infoNum = refNumber(file.trailer.get('Info'))
  const oldInfo = infoNum === undefined ? undefined : dictOf(file, file.trailer.get('Info'))
  const printed = stringOf(oldInfo?.get('CreationDate'))
  const pdfDate = options.date ? formatPdfDate(options.date) : printed ?? formatPdfDate(new Date())
  const producer = stringOf(oldInfo?.get('Producer')) ?? 'Chromium'

  let next = Number(file.trailer.get('Size')?.raw ?? file.offsets.size + 1)
  const allocate = () => next++
  const objects: NewObject[] = []

  const outline = outlineEntries(chromiumOutline(file, catalog.entries.get('Outlines')), info.headings)
  const outlineNum = outline.length > 0 ? writeOutline(outline, allocate, objects) : undefined

  const title = info.title ?? decodeOptional(oldInfo?.get('Title'))
  const documentInfo = new Map<string, string>()
  if (title) documentInfo.set('Title', textString(title))
  if (info.author) documentInfo.set('Author', textString(info.author))
  if (info.subject) documentInfo.set('Subject', textString(info.subject))
  if (info.keywords) documentInfo.set('Keywords', textString(info.keywords))
  documentInfo.set('Creator', textString(info.generator ?? 'exchange'))
  documentInfo.set('Producer', textString(producer))
  documentInfo.set('CreationDate', `(${pdfDate})`)
  documentInfo.set('ModDate', `(${pdfDate})`)
  const newInfoNum = infoNum ?? allocate()
  objects.push({num: newInfoNum, body: dictionary(documentInfo)})

  const metadataNum = allocate()
  objects.push({
    num: metadataNum,
    body: dictionary([
      ['Type', '/Metadata'],
      ['Subtype', '/XML'],
    ]),
    stream: Buffer.from(xmp({...info, title}, producer, isoDate(pdfDate)), 'utf8'),
  })

  const entries = new Map<string, string>()
  for (const [key, value] of catalog.entries) entries.set(key, value.raw)
  if (outlineNum === undefined) entries.delete('Outlines')
  else {
    entries.set('Outlines', `${outlineNum} 0 R`)
    entries.set('PageMode', '/UseOutlines')
  }
  entries.set('Metadata', `${metadataNum} 0 R`)
  if (info.lang && !entries.has('Lang')) entries.set('Lang', textString(info.lang))
  objects.push({num: rootNum, body: dictionary(entries)})

  // The old information dictionary holds the wall-clock print time: blank it
  // (same length, so no offset moves) — the update above replaces it.
  const base = new Uint8Array(pdf)
  if (infoNum !== undefined) blankDictionary(base, file, infoNum)
  return appendUpdate(base, file, objects, new Map([
    ['Root', `${rootNum} 0 R`],
    ['Info', `${newInfoNum} 0 R`],
  ]))
}

/** Page number (1-based) of each named destination: where each linked id landed. */
export function destinationPages(pdf: Uint8Array): Map<string, number> {
  const file = readPdf(pdf)
  const catalog = dictOf(file, file.trailer.get('Root'))
  const pageIndex = new Map(pageObjects(file).map((num, index) => [num, index + 1]))
  const pages = new Map<string, number>()
  const add = (name: string, value: PdfValue | undefined) => {
    let dest = resolve(file, value)
    if (dest?.kind === 'dict') dest = resolve(file, dest.entries.get('D'))
    const page = dest?.kind === 'array' ? pageIndex.get(refNumber(dest.items[0]) ?? -1) : undefined
    if (page !== undefined) pages.set(name, page)
  }
  // PDF 1.1 style: a dictionary in the catalog (what Chromium writes).
  for (const [name, value] of dictOf(file, catalog?.get('Dests')) ?? []) add(name, value)
  // PDF 1.2 style: a name tree under /Names /Dests.
  const walk = (node: Map<string, PdfValue> | undefined, depth: number) => {
    if (!node || depth > 32) return
    const names = resolve(file, node.get('Names'))
    if (names?.kind === 'array') {
      for (let index = 0; index + 1 < names.items.length; index += 2) {
        const key = names.items[index]
        if (key?.kind === 'string') add(decodeText(key.bytes), names.items[index + 1])
      }
    }
    const kids = resolve(file, node.get('Kids'))
    if (kids?.kind === 'array') for (const kid of kids.items) walk(dictOf(file, kid), depth + 1)
  }
  walk(dictOf(file, dictOf(file, catalog?.get('Names'))?.get('Dests')), 0)
  return pages
}

/** Number of pages. */
export function pageCount(pdf: Uint8Array): number {
  return pageObjects(readPdf(pdf)).length
}

interface ChromiumItem {
  title: string
  dest: string
  structure?: string
}

/** Chromium's outline items, depth first (document order). */
function chromiumOutline(file: PdfFile, outlines: PdfValue | undefined): ChromiumItem[] {
  const items: ChromiumItem[] = []
  const seen = new Set<number>()
  const walk = (first: PdfValue | undefined, depth: number) => {
    let current = first
    while (current && depth < 32) {
      const num = refNumber(current)
      if (num === undefined || seen.has(num)) return
      seen.add(num)
      const item = dictOf(file, current)
      if (!item) return
      const dest = item.get('Dest')
      if (dest) items.push({title: decodeOptional(item.get('Title')) ?? '', dest: resolve(file, dest)?.raw ?? dest.raw, structure: item.get('SE')?.raw})
      walk(item.get('First'), depth + 1)
      current = item.get('Next')
    }
  }
  walk(dictOf(file, outlines)?.get('First'), 0)
  return items
}

const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

/**
 * Pair Chromium's items (destinations) with the HTML headings (titles and
 * levels). They come in the same document order; when a theme hides a
 * heading the counts differ, and the pairing falls back to matching text.
 */
export function outlineEntries(items: ChromiumItem[], headings: Heading[]): OutlineEntry[] {
  const paired: Array<{heading: Heading; item: ChromiumItem}> = []
  if (items.length === headings.length) headings.forEach((heading, index) => paired.push({heading, item: items[index]!}))
  else {
    let from = 0
    for (const heading of headings) {
      const wanted = letters(heading.text)
      const at = items.findIndex((item, index) => index >= from && wanted !== '' && letters(item.title).includes(wanted))
      if (at === -1) continue
      paired.push({heading, item: items[at]!})
      from = at + 1
    }
  }
  if (paired.length === 0) return []

  // The document title (a lone top-level heading before all others, as on a
  // cover) is the first entry, not the parent of every other one.
  const levels = paired.map(({heading}) => heading.level)
  const top = Math.min(...levels)
  const titleFirst = levels[0] === top && levels.filter((level) => level === top).length === 1 && paired.length > 1
  const rest = titleFirst ? levels.slice(1) : levels
  const base = rest.length > 0 ? Math.min(...rest) : top

  const roots: OutlineEntry[] = []
  const stack: Array<{level: number; entry: OutlineEntry}> = []
  paired.forEach(({heading, item}, index) => {
    const level = titleFirst && index === 0 ? base : Math.max(heading.level, base)
    const entry: OutlineEntry = {title: heading.text, dest: item.dest, structure: item.structure, children: []}
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) parent.entry.children.push(entry)
    else roots.push(entry)
    // The title entry never takes children.
    if (!(titleFirst && index === 0)) stack.push({level, entry})
  })
  return roots
}

function writeOutline(roots: OutlineEntry[], allocate: () => number, objects: NewObject[]): number {
  const outlinesNum = allocate()
  const count = (entries: OutlineEntry[]): number => entries.reduce((total, entry) => total + 1 + count(entry.children), 0)
  const write = (entries: OutlineEntry[], parent: number): number[] => {
    const nums = entries.map(() => allocate())
    entries.forEach((entry, index) => {
      const num = nums[index]!
      const kids = write(entry.children, num)
      const body = new Map<string, string>([
        ['Title', textString(entry.title)],
        ['Parent', `${parent} 0 R`],
        ['Dest', entry.dest],
      ])
      if (entry.structure) body.set('SE', entry.structure)
      if (index > 0) body.set('Prev', `${nums[index - 1]} 0 R`)
      if (index < nums.length - 1) body.set('Next', `${nums[index + 1]} 0 R`)
      if (kids.length > 0) {
        body.set('First', `${kids[0]} 0 R`)
        body.set('Last', `${kids[kids.length - 1]} 0 R`)
        body.set('Count', String(count(entry.children)))
      }
      objects.push({num, body: dictionary(body)})
    })
    return nums
  }
  const top = write(roots, outlinesNum)
  objects.push({
    num: outlinesNum,
    body: dictionary([
      ['Type', '/Outlines'],
      ['First', `${top[0]} 0 R`],
      ['Last', `${top[top.length - 1]} 0 R`],
      ['Count', String(count(roots))],
    ]),
  })
  return outlinesNum
}

function blankDictionary(bytes: Uint8Array, file: PdfFile, num: number): void {
  const value = getObject(file, num)
  if (value?.kind !== 'dict') return
  const start = file.text.indexOf(value.raw, file.offsets.get(num))
  if (start === -1) return
  // Keep `<<` and `>>`: an empty dictionary padded with spaces.
  bytes.fill(0x20, start + 2, start + value.raw.length - 2)
}

function stringOf(value: PdfValue | undefined): string | undefined {
  return value?.kind === 'string' ? value.bytes : undefined
}

function decodeOptional(value: PdfValue | undefined): string | undefined {
  const bytes = stringOf(value)
  return bytes === undefined ? undefined : decodeText(bytes)
}

/** `D:20231109000000+00'00'` (UTC). */
export function formatPdfDate(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  return `D:${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`
}

/** A PDF date as ISO 8601, for XMP. */
function isoDate(pdfDate: string): string {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([+-]\d{2})?'?(\d{2})?/.exec(pdfDate)
  if (!match) return '1970-01-01T00:00:00Z'
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zoneHours, zoneMinutes = '00'] = match
  const zone = zoneHours && zoneHours !== '+00' ? `${zoneHours}:${zoneMinutes}` : 'Z'
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** XMP packet: the document information again, as archives and PDF/A validators read it. */
function xmp(info: DocumentInfo, producer: string, date: string): string {
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`
  const keywords = (info.keywords ?? '').split(',').map((keyword) => keyword.trim()).filter(Boolean)
  const fields = [
    info.title ? `<dc:title>${alt(info.title)}</dc:title>` : '',
    info.author ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    info.subject ? `<dc:description>${alt(info.subject)}</dc:description>` : '',
    keywords.length > 0 ? `<dc:subject><rdf:Bag>${keywords.map((keyword) => `<rdf:li>${escapeXml(keyword)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>` : '',
    info.lang ? `<dc:language><rdf:Bag><rdf:li>${escapeXml(info.lang)}</rdf:li></rdf:Bag></dc:language>` : '',
    '<dc:format>application/pdf</dc:format>',
    info.keywords ? `<pdf:Keywords>${escapeXml(info.keywords)}</pdf:Keywords>` : '',
    `<pdf:Producer>${escapeXml(producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escapeXml(info.generator ?? 'exchange')}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
  ].filter(Boolean)
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
${fields.join('\n')}
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}
