/** Finding the whole-table loads in a file, once per AST, for every rule to share. */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Node, Program } from '@babel/types';
import { activePlugins, clientNamesFor } from '../orm/core/registry.js';
import type { Load } from '../orm/core/types.js';
import type { RuleContext } from '../rule.js';
import { pathAt, type NodeSteps } from '../walk.js';
import { defineScan, scanned } from './plain-scan.js';

const cache = new WeakMap<Program, Load[]>();

/** The calls named like a load of an active plugin (`x.findMany(...)`), found on the plain AST. */
const LOAD_NAMED = defineScan((ctx) => {
  const names = new Set(activePlugins(ctx.options).flatMap((p) => p.dialect.loadCallNames));
  return (n: Node) => n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier' && names.has(n.callee.property.name);
});

/**
 * Every call an active plugin recognises as a load (the awaited expression of one), in source order.
 *
 * The calls named like a load are found first on the plain AST, and each
 * active plugin that has the name says from the call's shape alone whether it
 * could be one of its loads (`mayMatchLoad`: `arr.find(x => ...)` and
 * `Array.from(x)` cannot). Only when some call is left does the file get its
 * scopes crawled (ctx.program) and those plugins look at it. A file whose
 * load names appear only in comments, strings, non-calls or calls that cannot
 * be loads costs its parse and one plain walk.
 */
export function findWholeTableLoads(ctx: RuleContext): Load[] {
  const program = ctx.ast.program;
  const hit = cache.get(program);
  if (hit) return hit;
  const loads: Load[] = [];
  const active = activePlugins(ctx.options).map((p) => ({ dialect: p.dialect, names: new Set(p.dialect.loadCallNames), clientNames: clientNamesFor(p, ctx.options) }));
  const named = scanned(ctx, LOAD_NAMED);
  const candidates: Array<{ steps: NodeSteps; askers: typeof active }> = [];
  for (const { node, steps } of named) {
    const call = node as CallExpression;
    const name = (call.callee as { property: { name: string } }).property.name;
    const askers = active.filter((a) => a.names.has(name) && (a.dialect.mayMatchLoad?.(call, ctx, a.clientNames) ?? true));
    if (askers.length > 0) candidates.push({ steps, askers });
  }
  for (const { steps, askers } of candidates) {
    const path = pathAt(ctx.program, steps) as NodePath<CallExpression>;
    for (const a of askers) {
      const load = a.dialect.matchLoad(path, ctx, a.clientNames);
      if (load) {
        loads.push(load);
        break;
      }
    }
  }
  cache.set(program, loads);
  return loads;
}
