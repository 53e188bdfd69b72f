#!/usr/bin/env node
// Held-out measurement for `exchange`.
//   node bench/heldout/measure.mjs <checkout-dir> [--pdf] [--notes DIR] [--out PREFIX] [--only NAME]
// For every notes/NAME.md with NAME.key.json: runs
//   node <checkout>/bin/exchange.js build <file> -o <tmp>/out -f html,md,json[,pdf] --json   (cwd = temp dir)
//   node <checkout>/bin/exchange.js check <file> --json
// and scores leaks, kept phrases, content lines, left-out reporting and placement.
// Prints a table on stdout; with --out PREFIX also writes PREFIX.json and PREFIX.txt.
// The checkout must already be built (`npm run build`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const flag = (n) => args.includes(n);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const checkout = path.resolve(args.find((a, i) => !a.startsWith('--') && !['--notes', '--out', '--only'].includes(args[i - 1])) ?? '');
const withPdf = flag('--pdf');
const notesDir = path.resolve(opt('--notes', path.join(path.dirname(new URL(import.meta.url).pathname), 'notes')));
const outPrefix = opt('--out');
const only = opt('--only');
const cli = path.join(checkout, 'bin', 'exchange.js');
if (!fs.existsSync(cli)) { console.error(`usage: measure.mjs <checkout-dir> [--pdf]  (no ${cli})`); process.exit(2); }
if (!fs.existsSync(path.join(checkout, 'dist'))) console.error(`warning: ${checkout}/dist missing — run npm run build there`);

// ---------- text helpers ----------
const ENT = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', pound: '£', middot: '·', bull: '•', copy: '©', shy: '' };
const decode = (s) => s
  .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(+d))
  .replace(/&([a-z]+);/gi, (m, n) => ENT[n.toLowerCase()] ?? m);
function htmlText(html) {
  return decode(html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(style|script|svg|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(sup|sub)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' '));
}
function htmlAttrs(html) {
  const out = [];
  const body = html.replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ' ');
  for (const m of body.matchAll(/\s(alt|title|href|content|aria-label|data-[\w-]+)\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const v = m[3] ?? m[4] ?? '';
    if (!v.startsWith('data:')) out.push(decode(v));
  }
  return out.join('\n');
}
// tolerant normal form: case-folded, quotes/dashes unified, every other punctuation a space
const norm = (s) => s.normalize('NFKC').toLowerCase()
  .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"')
  .replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\u00ad/g, '')
  .replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  // A question put to the reader ("Do our contracts…?" → "Do your contracts…?") keeps its content: first and
  // second person are one person here, so that rewrite is not scored as a lost line.
  .replace(/\b(?:we|you|us)\b/g, 'you').replace(/\b(?:our|your)\b/g, 'your').replace(/\b(?:ours|yours)\b/g, 'yours');
// A hashtag is the facilitator's placement mark, removed from every report by design (SPEC): not part of the line's content.
const has = (hay, needle) => { const n = norm(needle.replace(/(^|\s)#[\p{L}\p{N}_-]+/gu, '$1')); return n.length > 0 && (' ' + hay + ' ').includes(' ' + n + ' '); };
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const leakRe = (s) => new RegExp((/^[\p{L}\p{N}_]/u.test(s) ? '(?<![\\p{L}\\p{N}_])' : '') + esc(s).replace(/\s+/g, '\\s+') + (/[\p{L}\p{N}_]$/u.test(s) ? '(?![\\p{L}\\p{N}_])' : ''), 'iu');
const jsonStrings = (v, out = []) => { if (typeof v === 'string') out.push(v); else if (Array.isArray(v)) v.forEach((x) => jsonStrings(x, out)); else if (v && typeof v === 'object') Object.values(v).forEach((x) => jsonStrings(x, out)); return out; };
const INTERNAL = /(^|\n)\s+at .+(\(|:\d+:\d+)|internal error|\binternal\b|TypeError|ReferenceError|RangeError|Cannot read propert|is not a function|is not iterable|undefined \(reading/i;

function run(argv, cwd, timeout = 240000) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', timeout, maxBuffer: 64 << 20, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  return { code: r.status ?? (r.signal ? `signal ${r.signal}` : 'error'), stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : ''), ms: Date.now() - t0 };
}
const parseJson = (s) => { try { return JSON.parse(s); } catch { const i = s.indexOf('{'); try { return i >= 0 ? JSON.parse(s.slice(i)) : null; } catch { return null; } } };

// block start for each line (paragraph / fence / list item runs), so a warning on a block's first line covers its lines
function blockStarts(lines) {
  const start = new Array(lines.length + 2).fill(0);
  let fence = 0, cur = 0;
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1, t = lines[i];
    if (fence) { start[n] = fence; if (/^\s*(```|~~~)/.test(t)) fence = 0; continue; }
    if (/^\s*(```|~~~)/.test(t)) { fence = n; start[n] = n; continue; }
    if (!t.trim()) { cur = 0; start[n] = n; continue; }
    if (!cur) cur = n;
    start[n] = cur;
  }
  return start;
}

function collectSectionTexts(report) {
  const bySection = new Map(); const lines = new Map();
  const walk = (id, item) => {
    if (!item || typeof item !== 'object') return;
    const t = [item.text, item.headline, item.detail, item.prompt].filter((x) => typeof x === 'string').join(' ');
    bySection.get(id).push(norm(t));
    if (Number.isInteger(item.line)) { if (!lines.has(item.line)) lines.set(item.line, new Set()); lines.get(item.line).add(id); }
    for (const c of item.children ?? []) walk(id, c);
  };
  for (const s of report?.sections ?? []) { bySection.set(s.id, []); for (const it of s.items ?? []) walk(s.id, it); }
  return { bySection, lines };
}

function fallbackId(checkoutDir) {
  try {
    const y = fs.readFileSync(path.join(checkoutDir, 'templates', 'profiles', 'insights-report.yaml'), 'utf8');
    const m = y.match(/^fallback:\s*\n\s+id:\s*([\w-]+)/m); if (m) return m[1];
  } catch {}
  return 'further-insights';
}

// ---------- main ----------
const FALLBACK = fallbackId(checkout);
const commit = (() => { const r = spawnSync('git', ['-C', checkout, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }); return r.status === 0 ? r.stdout.trim() : null; })();
const files = fs.readdirSync(notesDir).filter((f) => f.endsWith('.md') && fs.existsSync(path.join(notesDir, f.replace(/\.md$/, '.key.json'))))
  .filter((f) => !only || f.startsWith(only)).sort();
const formats = withPdf ? 'html,md,json,pdf' : 'html,md,json';
const results = [];
for (const f of files) {
  const name = f.replace(/\.md$/, '');
  const notesPath = path.join(notesDir, f);
  const key = JSON.parse(fs.readFileSync(path.join(notesDir, name + '.key.json'), 'utf8'));
  const srcLines = fs.readFileSync(notesPath, 'utf8').split('\n');
  const bstart = blockStarts(srcLines);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'heldout-'));
  process.stderr.write(`${name} … `);
  const b = run([cli, 'build', notesPath, '-o', path.join(tmp, 'out'), '-f', formats, '--json'], tmp);
  const c = run([cli, 'check', notesPath, '--json'], tmp);
  process.stderr.write(`build ${b.code} (${b.ms} ms), check ${c.code}\n`);
  const bj = parseJson(b.stdout);
  const fileSummary = bj?.files?.[0] ?? null;
  const diagnostics = fileSummary?.diagnostics ?? [];
  const internal = [b.stderr, c.stderr, JSON.stringify(fileSummary ?? {})].some((s) => INTERNAL.test(s)) || b.code === 'error' || String(b.code).startsWith('signal');
  const internalSample = internal ? ([b.stderr, c.stderr, JSON.stringify(fileSummary ?? {})].find((s) => INTERNAL.test(s)) ?? '').match(/.*(internal|Error|Cannot read|at ).*/i)?.[0]?.slice(0, 200) ?? '' : '';
  const refused = b.code === 3;
  const out = path.join(tmp, 'out');
  const read = (ext) => { const p = path.join(out, name + '.' + ext); return fs.existsSync(p) ? fs.readFileSync(p, ext === 'pdf' ? undefined : 'utf8') : null; };
  const html = refused ? null : read('html');
  const md = refused ? null : read('md');
  const jsonRaw = refused ? null : read('json');
  const report = jsonRaw ? parseJson(jsonRaw) : null;
  let pdfText = null;
  if (withPdf && !refused && fs.existsSync(path.join(out, name + '.pdf'))) {
    const p = spawnSync('pdftotext', ['-enc', 'UTF-8', path.join(out, name + '.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    pdfText = p.status === 0 ? p.stdout : null;
  }
  const surfaces = {
    html: html ? htmlText(html) : null,
    html_attr: html ? htmlAttrs(html) : null,
    md,
    json: report ? jsonStrings(report).join('\n') : (jsonRaw ?? null),
    ...(withPdf ? { pdf: pdfText } : {}),
  };
  // leaks
  const leaks = {};
  for (const [s, text] of Object.entries(surfaces)) {
    if (text == null) continue;
    const flat = text.replace(/\s+/g, ' ');
    leaks[s] = key.must_not_appear.filter((x) => leakRe(x).test(flat));
  }
  const leakCountMain = ['html', 'md', 'json', 'pdf'].reduce((a, s) => a + (leaks[s]?.length ?? 0), 0);
  const leakedStrings = [...new Set(['html', 'md', 'json', 'pdf'].flatMap((s) => leaks[s] ?? []))];
  const htmlN = surfaces.html != null ? norm(surfaces.html) : null;
  // A footnote mark is a superscript the PDF's text layer joins to its word (`reports²` reads `reports2`): not part of the word.
  const pdfN = surfaces.pdf != null ? norm(surfaces.pdf.replace(/(\p{Ll}[.,;:!?’'")]?)\d{1,2}(?![\p{L}\p{N}])/gu, '$1')) : null;
  // must_appear
  const kept = key.must_appear.filter((p) => htmlN != null && has(htmlN, p));
  const keptPdf = withPdf ? key.must_appear.filter((p) => pdfN != null && has(pdfN, p)) : null;
  // warnings / left-out bookkeeping
  const leftOut = Array.isArray(report?.left_out) ? report.left_out : [];
  const reportWarnings = Array.isArray(report?.warnings) ? report.warnings : [];
  const covers = (l, arr) => arr.some((w) => Number.isInteger(w?.line) && w.line >= bstart[l] && w.line <= l);
  const diagWarn = diagnostics.filter((d) => d?.severity !== 'info');
  const diagInfo = diagnostics.filter((d) => d?.severity === 'info');
  // 'cli-info' = only an info-level diagnostic on stdout: not a warning, so it still counts as silent
  const reportedWhere = (l) => covers(l, leftOut) ? 'left_out' : covers(l, reportWarnings) ? 'warnings' : covers(l, diagWarn) ? 'cli-warning' : covers(l, diagInfo) ? 'cli-info' : null;
  // content lines
  const nd = key.content_lines.filter((c) => !c.may_drop);
  const dr = key.content_lines.filter((c) => c.may_drop);
  const missingHtml = [], missingPdf = [], silent = [];
  for (const c of nd) {
    const inHtml = htmlN != null && has(htmlN, c.text);
    if (!inHtml) {
      const where = refused ? 'refused' : reportedWhere(c.line);
      missingHtml.push({ line: c.line, text: c.text, reported: where });
      if (!refused && (!where || where === 'cli-info')) silent.push({ line: c.line, text: c.text });
    }
    if (withPdf && !(pdfN != null && has(pdfN, c.text))) missingPdf.push({ line: c.line, text: c.text });
  }
  const dropRows = dr.map((c) => {
    const present = htmlN != null && has(htmlN, c.text);
    const where = reportedWhere(c.line);
    return { line: c.line, text: c.text, reason: c.reason, present, reported: where, ok: refused ? null : present || where === 'left_out' || where === 'warnings' };
  });
  // placement
  const { bySection, lines: itemLines } = collectSectionTexts(report);
  const sectionsOf = (c) => {
    const ids = new Set();
    for (const [id, texts] of bySection) if (texts.some((t) => has(t, c.text))) ids.add(id);
    if (!ids.size && itemLines.has(c.line)) for (const id of itemLines.get(c.line)) ids.add(id);
    return ids;
  };
  const placement = key.sections.map((s) => { const ids = sectionsOf(s); return { line: s.line, text: s.text, expected: s.section, got: [...ids], ok: ids.has(s.section) }; });
  let inFallback = 0, placedAnywhere = 0;
  for (const c of nd) { const ids = sectionsOf(c); if (ids.size) placedAnywhere++; if (ids.has(FALLBACK)) inFallback++; }
  results.push({
    file: f,
    build_exit: b.code, build_ms: b.ms, check_exit: c.code, refused, internal_error: internal, internal_sample: internalSample || undefined,
    leaks: refused ? { count: 0, by_surface: {}, refused: true } : { count: leakCountMain, strings: leakedStrings, by_surface: leaks },
    check_caught_leak: !refused && leakCountMain > 0 ? c.code === 3 : null,
    check_refused_without_leak: (refused || leakCountMain === 0) && c.code === 3,
    must_appear: { total: key.must_appear.length, kept: kept.length, missing: key.must_appear.filter((p) => !kept.includes(p)), ...(withPdf ? { kept_pdf: keptPdf.length } : {}) },
    content: { total: nd.length, in_html: nd.length - missingHtml.length, ...(withPdf ? { in_pdf: nd.length - missingPdf.length, missing_pdf: missingPdf } : {}), missing_html: missingHtml, silent_drops: silent.length, silent },
    droppable: { total: dr.length, absent_or_reported: dropRows.filter((d) => d.ok).length, present: dropRows.filter((d) => !refused && d.present).length, absent_reported: dropRows.filter((d) => !refused && !d.present && d.ok).length, absent_unreported: dropRows.filter((d) => !refused && !d.present && !d.ok).length, rows: dropRows },
    placement: { keyed: placement.length, in_expected: placement.filter((p) => p.ok).length, rows: placement, notes: nd.length, placed_anywhere: placedAnywhere, in_fallback: inFallback },
  });
  fs.rmSync(tmp, { recursive: true, force: true });
}

// ---------- totals ----------
const sum = (fn) => results.reduce((a, r) => a + (fn(r) || 0), 0);
const pct = (a, b) => (b ? (100 * a / b).toFixed(1) + '%' : '—');
const total = {
  files: results.length,
  build_failures: sum((r) => r.build_exit !== 0 && r.build_exit !== 3),
  refused: sum((r) => r.refused),
  internal_errors: sum((r) => r.internal_error),
  leaks: sum((r) => r.leaks.count),
  files_with_leaks: sum((r) => r.leaks.count > 0),
  html_attr_leaks: sum((r) => r.leaks.by_surface?.html_attr?.length),
  leaks_by_surface: Object.fromEntries(['html', 'md', 'json', 'pdf'].map((s) => [s, sum((r) => r.leaks.by_surface?.[s]?.length)])),
  check_caught: `${sum((r) => r.check_caught_leak === true)}/${sum((r) => r.check_caught_leak !== null)}`,
  must_appear_kept: pct(sum((r) => r.must_appear.kept), sum((r) => r.must_appear.total)),
  content_html: pct(sum((r) => r.content.in_html), sum((r) => r.content.total)),
  ...(withPdf ? { content_pdf: pct(sum((r) => r.content.in_pdf), sum((r) => r.content.total)) } : {}),
  content_lines: sum((r) => r.content.total),
  silent_drops: sum((r) => r.content.silent_drops),
  droppable_ok: `${sum((r) => r.droppable.absent_or_reported)}/${sum((r) => r.droppable.total)}`,
  droppable_present_in_report: sum((r) => r.droppable.present),
  droppable_absent_reported: sum((r) => r.droppable.absent_reported),
  droppable_absent_unreported: sum((r) => r.droppable.absent_unreported),
  leaked_distinct_strings: sum((r) => r.leaks.strings?.length),
  placement_expected: pct(sum((r) => r.placement.in_expected), sum((r) => r.placement.keyed)),
  fallback_share_of_placed: pct(sum((r) => r.placement.in_fallback), sum((r) => r.placement.placed_anywhere)),
  fallback_share_of_all_notes: pct(sum((r) => r.placement.in_fallback), sum((r) => r.placement.notes)),
};
const head = ['file', 'exit', 'chk', 'int', 'leaks', 'caught', 'keep', 'html', ...(withPdf ? ['pdf'] : []), 'silent', 'drop ok', 'placed', 'fallback'];
const rows = results.map((r) => [
  r.file.replace(/\.md$/, ''), String(r.build_exit), String(r.check_exit), r.internal_error ? 'YES' : '-',
  r.refused ? 'refused' : String(r.leaks.count), r.check_caught_leak === null ? '-' : r.check_caught_leak ? 'yes' : 'NO',
  `${r.must_appear.kept}/${r.must_appear.total}`, `${r.content.in_html}/${r.content.total}`, ...(withPdf ? [`${r.content.in_pdf}/${r.content.total}`] : []),
  String(r.content.silent_drops), `${r.droppable.absent_or_reported}/${r.droppable.total}`, `${r.placement.in_expected}/${r.placement.keyed}`, `${r.placement.in_fallback}/${r.placement.placed_anywhere}`]);
rows.push(['TOTAL', `${total.build_failures} fail`, '', String(total.internal_errors), `${total.leaks} (${total.files_with_leaks} files)`, total.check_caught,
  total.must_appear_kept, total.content_html, ...(withPdf ? [total.content_pdf] : []), String(total.silent_drops), total.droppable_ok, total.placement_expected, total.fallback_share_of_placed]);
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(w[i])).join('  ');
let txt = `exchange held-out measurement — checkout ${checkout}${commit ? ' @ ' + commit : ''}${withPdf ? ' (with PDF)' : ''} — ${new Date().toISOString()}\n`;
txt += `notes: ${notesDir} (${results.length} files, ${total.content_lines} content lines)\n\n`;
txt += [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n') + '\n\n';
txt += `columns: exit/chk = build/check exit codes; int = internal error; leaks = must_not_appear hits summed over html text, md, json${withPdf ? ', pdf text' : ''} (refused builds count 0);\n` +
  `caught = check exited 3 for a file whose report leaked; keep = must_appear kept in HTML; html${withPdf ? '/pdf' : ''} = non-droppable content lines reaching the text;\n` +
  `silent = non-droppable lines missing with no warning/left-out on their block (an info-level diagnostic alone is silent);\n` +
  `drop ok = droppable lines (logistics/private/actions/contacts) either still in the report, or absent AND listed in JSON left_out/warnings (refused files: not ok);\n` +
  `placed = keyed notes in the expected section (JSON); fallback = notes in "${FALLBACK}" / notes placed anywhere.\n\n`;
txt += 'totals: ' + JSON.stringify(total, null, 1) + '\n\n';
for (const r of results) {
  const bits = [];
  if (r.leaks.count) bits.push('leaked: ' + r.leaks.strings.join(' | '));
  if (r.leaks.by_surface?.html_attr?.length) bits.push('in HTML attributes: ' + r.leaks.by_surface.html_attr.join(' | '));
  if (r.must_appear.missing.length) bits.push('lost phrases: ' + r.must_appear.missing.join(' | '));
  if (r.content.missing_html.length) bits.push('content not in HTML: ' + r.content.missing_html.map((m) => `${m.line}${m.reported && m.reported !== 'cli-info' ? '' : '*'} "${m.text}"`).join('; ') + '  (* = silent: no warning; info-only left-out counts as silent)');
  if (r.internal_sample) bits.push('internal: ' + r.internal_sample);
  if (bits.length) txt += `${r.file}\n  ` + bits.join('\n  ') + '\n';
}
process.stdout.write(txt);
const outJson = { checkout, commit, pdf: withPdf, fallback: FALLBACK, generated: new Date().toISOString(), total, files: results };
if (outPrefix) { fs.writeFileSync(outPrefix + '.json', JSON.stringify(outJson, null, 1) + '\n'); fs.writeFileSync(outPrefix + '.txt', txt); }
if (flag('--json')) process.stdout.write(JSON.stringify(outJson, null, 1) + '\n');
