// Finds an ORM's rewrite fixtures: every
// __testfixtures__/<rule>/<orm>/<case>.input.ts that has a <case>.output.ts
// beside it. Found by readdir, never listed by hand; must-not-touch cases
// (no output file) are not runnable and are left out.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from './paths.js';

export interface RewriteFixture {
  /** `<rule>/<orm>/<case>`, for test names and messages. */
  id: string;
  rule: string;
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
      found.push({ id: `${rule.name}/${orm}/${name}`, rule: rule.name, name, input: join(dir, file), output });
    }
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
