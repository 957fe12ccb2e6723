// Finds an ORM's rewrite fixtures: every __testfixtures__/<rule>/<orm>/<case>.input.ts
// that has a <case>.output.ts beside it. Found by readdir, never listed by hand;
// must-not-touch cases (no output file) are not runnable and are left out.
// Each ORM's real-database and typecheck harness (test/<orm>/) runs these.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..');
export const FIXTURES_DIR = join(REPO_ROOT, '__testfixtures__');

export interface RewriteFixture {
  /** `<rule>/<orm>/<case>`, for test names and messages. */
  id: string;
  rule: string;
  orm: string;
  name: string;
  input: string;
  output: string;
}

const INPUT_SUFFIX = '.input.ts';

export function findRewriteFixtures(orm: string, root: string = FIXTURES_DIR): RewriteFixture[] {
  if (!existsSync(root)) return [];
  const found: RewriteFixture[] = [];
  for (const rule of readdirSync(root, { withFileTypes: true })) {
    if (!rule.isDirectory()) continue;
    const dir = join(root, rule.name, orm);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      if (!file.endsWith(INPUT_SUFFIX)) continue;
      const name = file.slice(0, -INPUT_SUFFIX.length);
      const output = join(dir, `${name}.output.ts`);
      if (!existsSync(output)) continue;
      found.push({ id: `${rule.name}/${orm}/${name}`, rule: rule.name, orm, name, input: join(dir, file), output });
    }
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The ORM folders fixtures exist for (`prisma`, `typeorm`, ...). */
export function fixtureOrms(root: string = FIXTURES_DIR): string[] {
  if (!existsSync(root)) return [];
  const orms = new Set<string>();
  for (const rule of readdirSync(root, { withFileTypes: true })) {
    if (!rule.isDirectory()) continue;
    for (const orm of readdirSync(join(root, rule.name), { withFileTypes: true })) if (orm.isDirectory()) orms.add(orm.name);
  }
  return [...orms].sort();
}
