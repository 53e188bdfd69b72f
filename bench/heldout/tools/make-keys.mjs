// Builds notes/NAME.key.json from spec/NAME.txt: resolves each fragment to its (unique) line,
// checks every content line of the notes is covered, and sanity-checks the key.
import fs from 'node:fs'; import path from 'node:path';
// The set: the folder given (`node make-keys.mjs ../heldout2`), else the one this script is in.
const root = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SECTIONS = ['key-insights','what-needs-to-change','what-works','culture-and-leadership','examples','questions','resources','further-insights'];
const esc = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wb = s => new RegExp((/^\w/.test(s)?'\\b':'') + esc(s) + (/\w$/.test(s)?'\\b':''), 'i');
let bad = 0;
for (const f of fs.readdirSync(path.join(root,'spec')).filter(f=>f.endsWith('.txt')).sort()) {
  const name = f.replace(/\.txt$/,''); const notesPath = path.join(root,'notes',name+'.md');
  const lines = fs.readFileSync(notesPath,'utf8').split(/\r?\n/);
  let fmEnd = 0; if (lines[0]==='---') { fmEnd = lines.indexOf('---',1)+1; }
  const body = lines.map((t,i)=>({n:i+1,t})).filter(l=>l.n>fmEnd);
  const spec = fs.readFileSync(path.join(root,'spec',f),'utf8').split(/\r?\n/).filter(Boolean);
  const key = { notes: name+'.md', must_not_appear: [], must_appear: [], content_lines: [], sections: [], structural_lines: [] };
  const covered = new Set(); const err = m => { bad++; console.log(`${name}: ${m}`); };
  for (const s of spec) {
    const m = s.match(/^(NOT|KEEP|F|D|S)\s*(.*)$/); if (!m) { err('bad spec line '+s); continue; }
    const [, kind, rest] = m;
    if (kind==='NOT') { key.must_not_appear.push(rest); if (!wb(rest).test(lines.join('\n'))) err(`NOT not in body: ${rest}`); continue; }
    if (kind==='KEEP') { key.must_appear.push(rest); if (!lines.join('\n').toLowerCase().includes(rest.toLowerCase())) err(`KEEP not in file: ${rest}`); continue; }
    const [tag, frag] = rest.split(/\s*\|\s(.*)/s).map(x=>x?.trim());
    const exact = frag.startsWith('='); // '=text': the whole (trimmed) line, for lines like '>' or a bare sign-off
    const hits = body.filter(l=> exact ? l.t.trim().toLowerCase()===frag.slice(1).trim().toLowerCase() : l.t.toLowerCase().includes(frag.toLowerCase()));
    if (kind==='S') { if (!hits.length) err('S no hit '+frag); hits.forEach(h=>{covered.add(h.n); key.structural_lines.push({line:h.n, text:h.t.trim()});}); continue; }
    if (hits.length!==1) { err(`${kind} fragment "${frag}" hits ${hits.length}`); continue; }
    const n = hits[0].n; covered.add(n);
    if (kind==='F') { key.content_lines.push({line:n, text:frag, may_drop:false}); if (tag) { if(!SECTIONS.includes(tag)) err('bad section '+tag); key.sections.push({line:n, section:tag, text:frag}); } }
    else key.content_lines.push({line:n, text:frag, may_drop:true, reason:tag});
  }
  // fragments must not contain banned strings; keeps must not contain banned strings
  for (const c of key.content_lines) for (const b of key.must_not_appear) if (wb(b).test(c.text) && !c.may_drop) err(`fragment "${c.text}" contains banned "${b}"`);
  for (const k of key.must_appear) for (const b of key.must_not_appear) if (wb(b).test(k)) err(`keep "${k}" contains banned "${b}"`);
  // coverage
  let inFence = false;
  for (let i=0;i<body.length;i++) { const {n,t} = body[i];
    if (/^\s*(```|~~~)/.test(t)) { inFence=!inFence; continue; }
    if (!t.trim()) continue;
    if (!inFence && /^#{1,6}\s/.test(t)) continue;
    if (/^\s*\|?\s*:?-{3,}/.test(t)) continue;
    if (/^\s*\|/.test(t) && body[i+1] && /^\s*\|?\s*:?-{3,}/.test(body[i+1].t)) continue;
    if (!covered.has(n)) err(`uncovered line ${n}: ${t}`);
  }
  key.content_lines.sort((a,b)=>a.line-b.line); key.sections.sort((a,b)=>a.line-b.line);
  if (key.sections.length<10) err('fewer than 10 sections');
  fs.writeFileSync(path.join(root,'notes',name+'.key.json'), JSON.stringify(key,null,1)+'\n');
  console.log(`${name}: ${lines.length} lines, NOT ${key.must_not_appear.length}, KEEP ${key.must_appear.length}, content ${key.content_lines.length} (drop ${key.content_lines.filter(c=>c.may_drop).length}), sections ${key.sections.length}`);
}
process.exitCode = bad?1:0;
