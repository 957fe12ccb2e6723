/**
 * One self-contained HTML page for reviewing a large migration: totals, filters
 * by rule and tier, every changed file's diff (line by line, or side by side)
 * with each hunk labelled rule / tier / message, findings and failures with
 * links to their lines. No network: styles and the small filter script are
 * inline, nothing is fetched.
 */
import type { EditRecord, FileResult, Mode, RuleMeta, RunResult } from '../types.js';
import { parseDiff, type Hunk } from './hunks.js';

export interface HtmlOptions {
  mode: Mode;
  rules: readonly RuleMeta[];
  toolVersion: string;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const tierOf = (e: EditRecord) => e.tier;

interface Row {
  kind: ' ' | '-' | '+';
  old?: number;
  new?: number;
  text: string;
}

function rowsOf(hunk: Hunk): Row[] {
  const m = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(hunk.header);
  let oldLine = Number(m?.[1] ?? 1);
  let newLine = Number(m?.[2] ?? 1);
  const rows: Row[] = [];
  for (const line of hunk.lines) {
    const kind = line[0];
    if (kind === ' ') rows.push({ kind, old: oldLine++, new: newLine++, text: line.slice(1) });
    else if (kind === '-') rows.push({ kind, old: oldLine++, text: line.slice(1) });
    else if (kind === '+') rows.push({ kind, new: newLine++, text: line.slice(1) });
  }
  // An empty old range names the line before it: the first old line shown is the next one.
  return rows;
}

function anchor(fileIndex: number, line: number): string {
  return `f${fileIndex}-L${line}`;
}

function unifiedTable(rows: Row[], fileIndex: number): string {
  const body = rows
    .map((r) => {
      const id = r.old !== undefined && r.kind !== '+' ? ` id="${anchor(fileIndex, r.old)}"` : '';
      const cls = r.kind === '-' ? 'del' : r.kind === '+' ? 'add' : 'ctx';
      return `<tr class="${cls}"${id}><td class="ln">${r.old ?? ''}</td><td class="ln">${r.new ?? ''}</td><td class="code"><span class="sign">${r.kind === ' ' ? '&nbsp;' : r.kind}</span>${esc(r.text)}</td></tr>`;
    })
    .join('');
  return `<table class="diff unified">${body}</table>`;
}

function sideBySideTable(rows: Row[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    if (rows[i]!.kind === ' ') {
      const r = rows[i++]!;
      out.push(`<tr class="ctx"><td class="ln">${r.old}</td><td class="code">${esc(r.text)}</td><td class="ln">${r.new}</td><td class="code">${esc(r.text)}</td></tr>`);
      continue;
    }
    const dels: Row[] = [];
    const adds: Row[] = [];
    while (i < rows.length && rows[i]!.kind === '-') dels.push(rows[i++]!);
    while (i < rows.length && rows[i]!.kind === '+') adds.push(rows[i++]!);
    for (let k = 0; k < Math.max(dels.length, adds.length); k++) {
      const d = dels[k];
      const a = adds[k];
      out.push(
        `<tr><td class="ln">${d?.old ?? ''}</td><td class="code ${d ? 'del' : 'empty'}">${d ? esc(d.text) : ''}</td>` +
          `<td class="ln">${a?.new ?? ''}</td><td class="code ${a ? 'add' : 'empty'}">${a ? esc(a.text) : ''}</td></tr>`,
      );
    }
  }
  return `<table class="diff split">${out.join('')}</table>`;
}

function editLabel(e: EditRecord): string {
  const tier = e.applied ? e.tier : `${e.tier}, withheld`;
  return `<li><span class="rule">${esc(e.rule)}</span> <span class="tier t-${e.tier}">${esc(tier)}</span> <span class="at">line ${e.line}</span> ${esc(e.message)}</li>`;
}

function fileSection(file: FileResult, fileIndex: number): string {
  const parsed = parseDiff(file.diff, file.edits);
  const parts: string[] = [];
  for (const hunk of parsed.hunks) {
    const rules = [...new Set(hunk.edits.map((e) => e.rule))];
    const tiers = [...new Set(hunk.edits.map(tierOf))];
    const rows = rowsOf(hunk);
    parts.push(
      `<div class="hunk item" data-rules="${esc(rules.join(' '))}" data-tiers="${esc(tiers.join(' '))}">` +
        `<ul class="labels">${hunk.edits.map(editLabel).join('')}</ul>` +
        `<div class="hunk-header">${esc(hunk.header)}</div>${unifiedTable(rows, fileIndex)}${sideBySideTable(rows)}</div>`,
    );
  }
  for (const e of parsed.unplaced) {
    parts.push(`<div class="item unplaced" data-rules="${esc(e.rule)}" data-tiers="${e.tier}"><ul class="labels">${editLabel(e)}</ul></div>`);
  }
  const state = file.written ? ' <span class="written">written</span>' : file.writeRefused !== undefined ? ` <span class="refused">not written: ${esc(file.writeRefused)}</span>` : '';
  return `<section class="file" id="f${fileIndex}"><h2>${esc(file.path)}${state}</h2>${parts.join('')}</section>`;
}

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1f2328;background:#fff}
header{position:sticky;top:0;background:#f6f8fa;border-bottom:1px solid #d0d7de;padding:8px 16px;z-index:1}
h1{font-size:18px;margin:0 0 4px}
main{padding:0 16px 32px}
.totals span{margin-right:14px}
.filters{display:flex;flex-wrap:wrap;gap:6px 16px;margin-top:6px}
.filters fieldset{border:1px solid #d0d7de;border-radius:6px;padding:2px 8px;margin:0}
.filters label{margin-right:8px;white-space:nowrap}
.file{margin-top:18px;border:1px solid #d0d7de;border-radius:6px;overflow:hidden}
.file h2{font-size:14px;margin:0;padding:6px 10px;background:#f6f8fa;border-bottom:1px solid #d0d7de;font-family:ui-monospace,monospace}
.hunk,.unplaced{border-top:1px solid #eaeef2}
.labels{margin:0;padding:6px 10px 6px 28px;background:#fffbe6}
.rule{font-family:ui-monospace,monospace;font-weight:600}
.tier{border-radius:10px;padding:0 6px;font-size:12px}
.t-safe{background:#dafbe1}.t-review{background:#fff1c2}.t-finding{background:#f3e1ff}
.at{color:#656d76;font-size:12px}
.hunk-header{font-family:ui-monospace,monospace;color:#0550ae;background:#ddf4ff;padding:2px 10px}
table.diff{border-collapse:collapse;width:100%;font:12px/1.5 ui-monospace,monospace}
td.ln{width:1%;min-width:40px;text-align:right;color:#656d76;padding:0 6px;user-select:none;vertical-align:top}
td.code{white-space:pre-wrap;word-break:break-all;padding:0 6px}
tr.del td,td.del{background:#ffebe9}tr.add td,td.add{background:#dafbe1}td.empty{background:#f6f8fa}
.sign{display:inline-block;width:1.2em;color:#656d76}
body:not(.split) table.split,body.split table.unified{display:none}
.hidden{display:none}
.written{color:#1a7f37;font-size:12px}.refused{color:#cf222e;font-size:12px}
.findings li,.failures li{margin:2px 0}
.findings a,.failures a{font-family:ui-monospace,monospace}
:target{outline:2px solid #bf8700}
`;

const SCRIPT = `
(function(){
  var boxes=[].slice.call(document.querySelectorAll('.filters input[data-kind]'));
  function checked(kind){return boxes.filter(function(b){return b.dataset.kind===kind&&b.checked}).map(function(b){return b.value})}
  function any(list,allowed){return list.split(' ').some(function(x){return allowed.indexOf(x)!==-1})}
  function apply(){
    var rules=checked('rule'),tiers=checked('tier'),shown=0;
    document.querySelectorAll('.item').forEach(function(el){
      var on=any(el.dataset.rules,rules)&&any(el.dataset.tiers,tiers);
      el.classList.toggle('hidden',!on);if(on)shown++;
    });
    document.querySelectorAll('section.file').forEach(function(s){
      s.classList.toggle('hidden',!s.querySelector('.item:not(.hidden)'));
    });
    document.getElementById('shown').textContent=String(shown);
  }
  boxes.forEach(function(b){b.addEventListener('change',apply)});
  var split=document.getElementById('split');
  split.addEventListener('change',function(){document.body.classList.toggle('split',split.checked)});
  apply();
})();
`;

export function renderHtml(result: RunResult, opts: HtmlOptions): string {
  const t = result.totals;
  const files = result.files.map((file, index) => ({ file, index }));
  const withDiff = files.filter(({ file }) => file.diff !== '' || file.edits.length > 0);
  const ruleIds = [...new Set([...opts.rules.map((r) => r.id), ...result.files.flatMap((f) => [...f.edits, ...f.findings].map((x) => x.rule))])];
  const count = (rule: string) => (t.editsByRule[rule]?.safe ?? 0) + (t.editsByRule[rule]?.review ?? 0) + (t.findingsByRule[rule] ?? 0);
  const tierCount = { safe: 0, review: 0, finding: t.findings };
  for (const r of Object.values(t.editsByRule)) {
    tierCount.safe += r.safe;
    tierCount.review += r.review;
  }
  const items = withDiff.reduce((n, { file }) => n + parseDiff(file.diff, file.edits).hunks.length + parseDiff(file.diff, file.edits).unplaced.length, 0) + t.findings;

  const findingItems: string[] = [];
  for (const { file, index } of files) {
    const rowsShown = new Set<number>();
    for (const hunk of parseDiff(file.diff, file.edits).hunks) for (const r of rowsOf(hunk)) if (r.old !== undefined && r.kind !== '+') rowsShown.add(r.old);
    for (const f of file.findings) {
      const target = rowsShown.has(f.line) ? anchor(index, f.line) : `f${index}`;
      findingItems.push(
        `<li class="item finding" data-rules="${esc(f.rule)}" data-tiers="finding"><a href="#${target}">${esc(file.path)}:${f.line}:${f.column}</a> <span class="rule">${esc(f.rule)}</span> ${esc(f.message)}</li>`,
      );
    }
  }
  const failures = files
    .filter(({ file }) => file.status === 'parse-error' || file.status === 'error')
    .map(({ file }) => `<li>${esc(file.path)}${file.error?.line !== undefined ? `:${file.error.line}:${file.error.column ?? 1}` : ''} ${esc(file.error?.message ?? 'failed')}</li>`);
  // Files with findings but no diff still get a section, so a finding's link has somewhere to land.
  const sections = files
    .filter(({ file }) => file.diff !== '' || file.edits.length > 0 || file.findings.length > 0)
    .map(({ file, index }) => fileSection(file, index));

  const checkbox = (kind: string, value: string, n: number) =>
    `<label><input type="checkbox" data-kind="${kind}" value="${esc(value)}" checked> ${esc(value)} (${n})</label>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>pushdown review</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>pushdown review <small>${esc(opts.toolVersion)}, ${esc(opts.mode)}</small></h1>
<div class="totals"><span id="files">${t.filesScanned} files scanned</span><span>${t.filesChanged} ${opts.mode === 'write' ? 'changed' : 'to change'}</span><span id="edits">${t.edits} edits (${tierCount.safe} safe, ${tierCount.review} review)</span><span id="findings">${t.findings} findings</span>${t.filesFailed > 0 ? `<span>${t.filesFailed} failed</span>` : ''}<span><b id="shown">${items}</b> of ${items} shown</span></div>
<div class="filters">
<fieldset><legend>rules</legend>${ruleIds.map((id) => checkbox('rule', id, count(id))).join('')}</fieldset>
<fieldset><legend>tiers</legend>${(['safe', 'review', 'finding'] as const).map((tier) => checkbox('tier', tier, tierCount[tier])).join('')}</fieldset>
<fieldset><legend>view</legend><label><input type="checkbox" id="split"> side by side</label></fieldset>
</div>
</header>
<main>
${failures.length > 0 ? `<h2>Could not be processed</h2><ul class="failures">${failures.join('')}</ul>` : ''}
${findingItems.length > 0 ? `<h2>Findings</h2><ul class="findings">${findingItems.join('')}</ul>` : ''}
${sections.join('\n')}
${sections.length === 0 && failures.length === 0 ? '<p>Nothing to rewrite.</p>' : ''}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
