/**
 * bench/floors.mjs (issue 9's arithmetic): each stage of a first run alone, and the sums the speed notes
 * argue from. The sums must add what they say they add: the stages before any parse, pushdown's cold
 * stages (not the warm second parse, not oxc-parser's), and oxc's parse in babel's place only when it was
 * measured. The stages themselves run on a small tree (nothing here looks at how long they took).
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the bench, without types
import { floorsLines, measureFloors, STAGES } from '../bench/floors.mjs';

const ROOT = resolve(import.meta.dirname, '..');

type Floors = { medians: Record<string, number>; runs: Record<string, number[]>; files: Record<string, number>; repeat: number };

/** Floors with the given medians, each measured once. */
function floors(medians: Record<string, number>): Floors {
  return { medians, runs: Object.fromEntries(Object.entries(medians).map(([k, v]) => [k, [v]])), files: { discover: 40, prefilter: 4, parse: 4, crawl: 4, oxc: 4 }, repeat: 1 };
}

const PUSHDOWN = { node: 1, load: 2, babel: 4, discover: 8, read: 16, project: 32, prefilter: 64, parse: 128, parseWarm: 1000, crawl: 256 };

describe('floors: the sums', () => {
  it('adds the stages before any parse, and pushdown cold stages without the warm pass', () => {
    const lines: string[] = floorsLines('tree', floors(PUSHDOWN));
    expect(lines).toContain('Before any parse (node, load, discovery, reading, ORM projects, prefilter): 123 ms.');
    expect(lines).toContain("Sum of pushdown's cold stages (all but the warm parse): 511 ms.");
    expect(lines.some((l) => l.includes('oxc'))).toBe(false);
  });

  it("puts oxc-parser's parse in babel's place only when it was measured, outside pushdown's sum", () => {
    const lines: string[] = floorsLines('tree', floors({ ...PUSHDOWN, oxc: 2048 }));
    expect(lines).toContain("Sum of pushdown's cold stages (all but the warm parse): 511 ms.");
    expect(lines).toContain("The same with oxc-parser's parse in place of babel's, and no analysis at all (no scopes, no rules, no report): 2171 ms.");
    expect(lines.filter((l) => l.startsWith('| not pushdown: oxc-parser'))).toHaveLength(1);
  });
});

describe('floors: the stages, run', () => {
  it('measures every stage of pushdown on a tree, in processes of their own, and oxc only when named', () => {
    const saved = process.env.PUSHDOWN_BENCH_OXC;
    process.env.PUSHDOWN_BENCH_OXC = join(ROOT, 'no-such-oxc-parser');
    try {
      const got: Floors = measureFloors({ target: join(ROOT, 'examples', 'prisma-app'), dist: join(ROOT, 'dist'), repeat: 1 });
      const ids = (STAGES as Array<{ id: string; optional?: boolean }>).filter((s) => !s.optional).map((s) => s.id);
      expect(Object.keys(got.medians).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(got.medians[id]).toBeGreaterThanOrEqual(0);
      // The example app has files that name a load: they pass the prefilter and are parsed and crawled.
      expect(got.files.prefilter).toBeGreaterThan(0);
      expect(got.files.parse).toBe(got.files.prefilter);
      expect(got.files.crawl).toBe(got.files.prefilter);
      expect(got.files.discover).toBeGreaterThan(got.files.prefilter);
    } finally {
      if (saved === undefined) delete process.env.PUSHDOWN_BENCH_OXC;
      else process.env.PUSHDOWN_BENCH_OXC = saved;
    }
  }, 120_000);
});
