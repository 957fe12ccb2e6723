// Writes the rule × ORM table (from the rules' metadata and the ORM plugins' docs) and the options table (bin/options.ts) into README.md (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../dist/transforms/index.js';
import { plugins } from '../dist/lib/orm/core/registry.js';
import { rulesMarkdown, withRulesTable } from '../dist/lib/report/rules-table.js';
import { betweenMarkers, optionsMarkdown, OPTIONS_END, OPTIONS_START } from '../dist/bin/options.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const withRules = withRulesTable(before, rulesMarkdown(rules.map((r) => r.meta), plugins));
const after = betweenMarkers(withRules, OPTIONS_START, OPTIONS_END, optionsMarkdown());
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md tables are current' : 'README.md tables updated');
