/**
 * The README's rules table, rule × ORM, made from the rules' metadata (id,
 * tier, description, what each leaves alone whatever the ORM) and from each
 * ORM plugin's per-rule docs (example and tier, or why it is only a finding),
 * so the docs cannot drift from the code. `npm run docs` writes it between the
 * README's rules-table markers; a test fails when the README is stale.
 */
import type { RuleMeta } from '../types.js';
import type { RuleDoc } from '../orm/core/types.js';

export const TABLE_START = '<!-- rules-table -->';
export const TABLE_END = '<!-- /rules-table -->';

/** What the table needs of a plugin. */
export interface OrmDocs {
  id: string;
  displayName: string;
  docs: Readonly<Record<string, RuleDoc>>;
}

function cell(doc: RuleDoc | undefined): string {
  if (!doc) return 'not yet';
  return 'finding' in doc ? 'finding' : doc.tier;
}

export function rulesMarkdown(metas: readonly RuleMeta[], orms: readonly OrmDocs[]): string {
  const out: string[] = [
    `| rule | what it does | ${orms.map((o) => o.displayName).join(' | ')} |`,
    `|---|---|${orms.map(() => '---|').join('')}`,
  ];
  for (const m of metas) out.push(`| [\`${m.id}\`](#${m.id}) | ${m.description} | ${orms.map((o) => cell(o.docs[m.id])).join(' | ')} |`);
  out.push('', 'Each cell is the tier of the rewrite with that ORM (safe, review), or `finding` when that ORM cannot say it and pushdown only reports the pattern.', '');
  for (const m of metas) {
    out.push(`### \`${m.id}\``, '', m.description, '');
    for (const o of orms) {
      const doc = o.docs[m.id];
      if (!doc) {
        out.push(`${o.displayName}: not yet supported.`, '');
        continue;
      }
      if ('finding' in doc) {
        out.push(`${o.displayName}: finding only. ${doc.finding}`, '');
        continue;
      }
      out.push(`${o.displayName} (${doc.tier}):`, '', '```ts', '// before', doc.before, '// after', doc.after, '```', '');
      if (doc.declines && doc.declines.length > 0) {
        out.push(`${o.displayName} declines:`, '');
        for (const d of doc.declines) out.push(`- ${d}`);
        out.push('');
      }
    }
    if (m.declines && m.declines.length > 0) {
      out.push('With every ORM, leaves alone or declines:', '');
      for (const d of m.declines) out.push(`- ${d}`);
      out.push('');
    }
  }
  return out.join('\n');
}

/** Replace what stands between the markers; throws when they are missing. */
export function withRulesTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md needs ${TABLE_START} and ${TABLE_END} markers`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${table}\n${readme.slice(end)}`;
}
