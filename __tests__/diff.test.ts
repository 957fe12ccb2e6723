/**
 * The linear diff (lib/runner/diff.ts) against jsdiff: for random texts and
 * random batches of splices, the patch applies back to the output, and it is
 * the same patch jsdiff makes whenever the edits are unambiguous.
 */
import { applyPatch, structuredPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { diffFromSplices, unifiedDiff, type Splice } from '../lib/runner/diff.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function apply(text: string, batch: Splice[]): string {
  let out = '';
  let at = 0;
  for (const e of batch) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

function randomCase(seed: number, words: string[]) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const lines = Array.from({ length: 5 + Math.floor(r() * 40) }, () => Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(words)).join(' '));
  const source = lines.join('\n') + (r() < 0.8 ? '\n' : '');
  let text = source;
  const batches: Splice[][] = [];
  for (let b = 0, n = 1 + Math.floor(r() * 3); b < n; b++) {
    const cuts = Array.from({ length: 2 * (1 + Math.floor(r() * 4)) }, () => Math.floor(r() * (text.length + 1))).sort((x, y) => x - y);
    const batch: Splice[] = [];
    for (let k = 0; k < cuts.length; k += 2) {
      const insert = r() < 0.3 ? '' : Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(words)).join(r() < 0.4 ? '\n' : ' ');
      batch.push({ start: cuts[k]!, end: cuts[k + 1]!, text: insert });
    }
    batches.push(batch);
    text = apply(text, batch);
  }
  return { source, after: text, batches };
}

function jsdiff(path: string, before: string, after: string): string {
  const p = structuredPatch(`a/${path}`, `b/${path}`, before, after, '', '', { context: 3 });
  let out = `--- a/${path}\n+++ b/${path}\n`;
  for (const h of p.hunks) {
    const range = (s: number, n: number) => (n === 0 ? `${Math.max(0, s - 1)},0` : n === 1 ? `${s}` : `${s},${n}`);
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n` + h.lines.map((l) => l + '\n').join('');
  }
  return out;
}

describe('linear diff from known splices', () => {
  it('applies back to the output for 500 random texts and batches', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { source, after, batches } = randomCase(seed, ['a', 'b', 'c', '{', '}', 'x = 1;', '']);
      const patch = unifiedDiff('f.ts', source, after, batches);
      if (source === after) {
        expect(patch).toBe('');
        continue;
      }
      // Read from the splices, not searched by jsdiff.
      expect(diffFromSplices('f.ts', source, after, batches), `seed ${seed}`).toBe(patch);
      expect(applyPatch(source, patch), `seed ${seed}\n${patch}`).toBe(after);
    }
  });

  it('is jsdiff\'s patch when every line is distinct (no ambiguous alignment)', () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      let counter = 0;
      const words = new Proxy([] as string[], { get: (t, k) => (k === 'length' ? 1 : typeof k === 'string' && /^\d+$/.test(k) ? `w${counter++}` : Reflect.get(t, k)) });
      const { source, after, batches } = randomCase(seed, words);
      if (source === after) continue;
      expect(diffFromSplices('f.ts', source, after, batches), `seed ${seed}`).toBe(jsdiff('f.ts', source, after));
      compared++;
    }
    expect(compared).toBeGreaterThan(250);
  });

  it('keeps a BOM, CRLF and a missing last newline as jsdiff shows them', () => {
    const source = 'a\r\nb\r\nc\r\nd';
    const batch = [{ start: 3, end: 4, text: 'B' }, { start: 9, end: 10, text: 'D' }];
    const after = apply(source, batch);
    expect(diffFromSplices('f.ts', '\uFEFF' + source, '\uFEFF' + after, [batch])).toBe(jsdiff('f.ts', '\uFEFF' + source, '\uFEFF' + after));
  });

  it('splices that do not describe the change are not trusted: jsdiff decides', () => {
    expect(diffFromSplices('f.ts', 'a\nb\n', 'a\nc\n', [[{ start: 0, end: 1, text: 'z' }]])).toBeUndefined();
    expect(unifiedDiff('f.ts', 'a\nb\n', 'a\nc\n', [[{ start: 0, end: 1, text: 'z' }]])).toBe(jsdiff('f.ts', 'a\nb\n', 'a\nc\n'));
  });

  it('without splices falls back to jsdiff', () => {
    expect(unifiedDiff('f.ts', 'a\nb\n', 'a\nc\n')).toBe(jsdiff('f.ts', 'a\nb\n', 'a\nc\n'));
  });
});
