// Writes the rule × ORM table into README.md from the rules' metadata and the ORM plugins' docs (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../dist/transforms/index.js';
import { plugins } from '../dist/lib/orm/core/registry.js';
import { rulesMarkdown, withRulesTable } from '../dist/lib/report/rules-table.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withRulesTable(before, rulesMarkdown(rules.map((r) => r.meta), plugins));
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md rules table is current' : 'README.md rules table updated');
