/**
 * The README's rules table, made from the rules' own metadata (id, tier,
 * example, what each declines), so the docs cannot drift from the code.
 * `npm run docs` writes it between the README's rules-table markers; a test
 * fails when the README is stale.
 */
import type { RuleMeta } from '../types.js';

export const TABLE_START = '<!-- rules-table -->';
export const TABLE_END = '<!-- /rules-table -->';

export function rulesMarkdown(metas: readonly RuleMeta[]): string {
  const out: string[] = ['| rule | tier | what it does |', '|---|---|---|'];
  for (const m of metas) out.push(`| [\`${m.id}\`](#${m.id}-${m.tier}) | ${m.tier} | ${m.description} |`);
  out.push('');
  for (const m of metas) {
    out.push(`### \`${m.id}\` (${m.tier})`, '', m.description, '');
    if (m.example) {
      out.push('```ts', '// before', m.example.before, '// after', m.example.after, '```', '');
    }
    if (m.declines && m.declines.length > 0) {
      out.push('Declines:', '');
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
