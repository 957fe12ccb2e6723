#!/usr/bin/env node
// Lists every finding of a `pushdown --format json` report with a few lines of
// the code it points at, for reading and labelling one by one (bench/FINDINGS.md).
// usage: node bench/findings-list.mjs report.json <app-root> [context-lines]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [reportPath, root = '.', ctxArg = '4'] = process.argv.slice(2);
const ctx = Number(ctxArg);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
let n = 0;
for (const file of report.files) {
  if (!file.findings.length) continue;
  const lines = readFileSync(resolve(root, file.absPath ?? file.path), 'utf8').split('\n');
  for (const f of file.findings) {
    n++;
    console.log(`#${n} ${file.path}:${f.line}:${f.column} ${f.rule}${f.messageId ? ` [${f.messageId}]` : ''}`);
    console.log(`   ${f.message}`);
    if (f.suggestion) console.log(`   suggestion: ${f.suggestion}`);
    const from = Math.max(0, f.line - 1 - ctx), to = Math.min(lines.length, f.line + ctx + 2);
    for (let i = from; i < to; i++) console.log(`${i + 1 === f.line ? '>' : ' '}${String(i + 1).padStart(5)} ${lines[i]}`);
    console.log();
  }
}
