/** Every fixture input (__testfixtures__/<rule>/<orm>/<case>.input.<ext>), with the ORM its folder names, in a stable order. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '__testfixtures__');

export function fixtureInputs(): { orm: string; file: string }[] {
  const out: { orm: string; file: string }[] = [];
  for (const rule of readdirSync(root).sort()) {
    for (const orm of readdirSync(join(root, rule)).sort()) {
      for (const f of readdirSync(join(root, rule, orm)).sort()) if (/\.input\.[a-z]+$/.test(f)) out.push({ orm, file: join(root, rule, orm, f) });
    }
  }
  return out;
}
