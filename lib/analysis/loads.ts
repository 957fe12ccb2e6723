/** Finding the whole-table loads in a file, once per AST, for every rule to share. */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Node, Program } from '@babel/types';
import { activePlugins, clientNamesFor } from '../orm/core/registry.js';
import type { Load } from '../orm/core/types.js';
import type { RuleContext } from '../rule.js';
import { findNodes, pathAt } from '../walk.js';

const cache = new WeakMap<Program, Load[]>();

/**
 * Every call an active plugin recognises as a load (the awaited expression of one), in source order.
 *
 * The calls named like a load are found first on the plain AST; only when there
 * are some does the file get its scopes crawled (ctx.program) and each plugin
 * look at them. A file whose load names appear only in comments, strings or
 * non-calls costs its parse alone.
 */
export function findWholeTableLoads(ctx: RuleContext): Load[] {
  const program = ctx.ast.program;
  const hit = cache.get(program);
  if (hit) return hit;
  const loads: Load[] = [];
  const active = activePlugins(ctx.options).map((p) => ({ dialect: p.dialect, names: new Set(p.dialect.loadCallNames), clientNames: clientNamesFor(p, ctx.options) }));
  const allNames = new Set(active.flatMap((a) => [...a.names]));
  const calls = findNodes(program, (n: Node) => n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier' && allNames.has(n.callee.property.name));
  for (const { steps } of calls) {
    const path = pathAt(ctx.program, steps) as NodePath<CallExpression>;
    const name = ((path.node.callee as { property: { name: string } }).property).name;
    for (const a of active) {
      if (!a.names.has(name)) continue;
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
