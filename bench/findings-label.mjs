#!/usr/bin/env node
// Joins a pushdown JSON report with labels read by hand, keyed by
// path:line:rule (the apps are pinned to one commit, so the keys hold).
//   node bench/findings-label.mjs <app> <report.json> <labels.tsv>
// prints one TSV row per finding: app, key, severity, label (W = worth a
// reviewer's time, 1-7 = the false-positive class of issue 13, ? = not yet
// labelled), note. Findings of the report with no label are marked '?'.
import { readFileSync } from 'node:fs';

const [app, reportPath, labelsPath] = process.argv.slice(2);
const known = new Map();
for (const line of readFileSync(labelsPath, 'utf8').split('\n')) {
  const [a, key, , label, note] = line.split('\t');
  if (a === app && key) known.set(key, { label, note });
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
for (const file of report.files) {
  for (const f of file.findings) {
    const key = `${file.path.replace(/^[^/]+\//, '')}:${f.line}:${f.rule}`;
    const hit = known.get(key) ?? { label: '?', note: '' };
    console.log([app, key, f.severity ?? 'error', hit.label, hit.note].join('\t'));
  }
}
