#!/usr/bin/env node
// Markdown precision table from a labelled TSV (bench/findings-label.mjs):
// per app, findings reported as errors (what --check fails on), how many are
// worth a reviewer's time, and the false-positive classes of the rest.
//   node bench/findings-table.mjs bench/findings/before.tsv [commits.tsv]
import { readFileSync, existsSync } from 'node:fs';

const [tsv, commitsPath] = process.argv.slice(2);
const commits = new Map(
  commitsPath && existsSync(commitsPath) ? readFileSync(commitsPath, 'utf8').trim().split('\n').map((l) => l.split('\t')) : [],
);
const rows = readFileSync(tsv, 'utf8').trim().split('\n').map((l) => l.split('\t'));
const apps = [...new Set(rows.map((r) => r[0]))];
const classes = ['1', '2', '3', '4', '5', '6', '7', '?'];
const out = ['| app | commit | findings | worth | % | hints | ' + classes.map((c) => `class ${c}`).join(' | ') + ' |'];
out.push('|' + ' --- |'.repeat(6 + classes.length));
const line = (name, commit, rs) => {
  const errors = rs.filter((r) => r[2] !== 'hint');
  const worth = errors.filter((r) => r[3] === 'W').length;
  const pct = errors.length ? Math.round((100 * worth) / errors.length) : 100;
  const hints = rs.length - errors.length;
  const per = classes.map((c) => errors.filter((r) => r[3] === c).length);
  out.push(`| ${name} | ${commit} | ${errors.length} | ${worth} | ${pct} % | ${hints} | ${per.join(' | ')} |`);
};
for (const app of apps) line(app.replace('+', '/'), (commits.get(app) ?? '').slice(0, 10), rows.filter((r) => r[0] === app));
line('**all**', '', rows);
console.log(out.join('\n'));
