/** readLatin1 (lib/runner/read-text.ts) gives what readFileSync(path, 'latin1') gives, and throws what it throws. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLatin1 } from '../lib/runner/read-text.js';
import { tempTrees } from './helpers/trees.js';

const { dir } = tempTrees('pushdown-read-');

describe('readLatin1', () => {
  it('reads each file as readFileSync does, in any order of sizes (the buffer it keeps grows, and is reused)', () => {
    const root = dir();
    const files: Array<[string, Buffer]> = [
      ['empty.ts', Buffer.alloc(0)],
      ['small.ts', Buffer.from('export const a = 1;\n')],
      ['utf8.ts', Buffer.from('const s = "héllo ✓ 😀";\r\n')],
      ['bytes.ts', Buffer.from([0xef, 0xbb, 0xbf, 0x00, 0xff, 0xc3, 0x28, 0x0a])],
      ['big.ts', Buffer.from('x'.repeat(70_000) + 'end')],
      ['huge.ts', Buffer.from(`${'// line\n'.repeat(150_000)}tail`)],
      ['after-huge.ts', Buffer.from('short')],
      ['exactly-64k.ts', Buffer.alloc(1 << 16, 0x61)],
    ];
    for (const [name, bytes] of files) writeFileSync(join(root, name), bytes);
    for (const [name] of [...files, ...[...files].reverse()]) {
      const path = join(root, name);
      expect(readLatin1(path), name).toBe(readFileSync(path, 'latin1'));
    }
  });

  it('throws the errors readFileSync throws', () => {
    const root = dir();
    mkdirSync(join(root, 'folder.ts'));
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return (err as NodeJS.ErrnoException).code;
      }
      return 'no error';
    };
    for (const name of ['missing.ts', 'folder.ts']) {
      const path = join(root, name);
      expect(code(() => readLatin1(path)), name).toBe(code(() => readFileSync(path, 'latin1')));
    }
    expect(code(() => readLatin1(join(root, 'missing.ts')))).toBe('ENOENT');
  });
});
