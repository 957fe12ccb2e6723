/**
 * One plain walk per tree for the passes that look for nodes before (or
 * without) a scope crawl: the calls named like a load (loads.ts), the loops
 * that could run a query per row (per-row-query.ts), the `typeof name` types
 * (uses.ts). Each pass defines its scan once; the first pass to ask about a
 * tree has every scan answered by one walk (walk.ts findNodesEach), each in
 * the order its own findNodes would give. Only what a scan finds is kept.
 */
import type { Node, Program } from '@babel/types';
import type { PlainContext } from '../orm/core/types.js';
import { findNodesEach, type NodeSteps } from '../walk.js';

export type Found = { node: Node; steps: NodeSteps };

/** Made from a file's context (its plain parts: the same for every rule of one tree); undefined when the pass looks for nothing in it. */
type MakeTest = (ctx: PlainContext) => ((node: Node) => boolean) | undefined;

const scans: MakeTest[] = [];
const results = new WeakMap<Program, Found[][]>();

/** Defines a scan (at module load); the id to ask for its nodes with. */
export function defineScan(make: MakeTest): number {
  scans.push(make);
  return scans.length - 1;
}

/** The nodes scan `id` finds in `ctx.ast`. */
export function scanned(ctx: PlainContext, id: number): Found[] {
  const program = ctx.ast.program;
  let found = results.get(program);
  if (!found) {
    const tests = scans.map((make) => make(ctx));
    const live = tests.flatMap((t, i) => (t ? [{ t, i }] : []));
    const each = findNodesEach(program, live.map((l) => l.t));
    found = scans.map(() => []);
    live.forEach((l, k) => (found![l.i] = each[k]));
    results.set(program, found);
  }
  // A scan defined after this tree was walked (not the case for the passes above, all loaded with the rules).
  if (found[id] === undefined) {
    const test = scans[id](ctx);
    found[id] = test ? findNodesEach(program, [test])[0] : [];
  }
  return found[id];
}

/** What scan `id` found in `program`, when some pass has asked about it already. */
export function scannedBefore(program: Program, id: number): Found[] | undefined {
  return results.get(program)?.[id];
}
