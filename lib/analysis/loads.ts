/** Finding the whole-table loads in a file, once per AST, for every rule to share. */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Program } from '@babel/types';
import { activePlugins, clientNamesFor } from '../orm/core/registry.js';
import type { Load } from '../orm/core/types.js';
import type { RuleContext } from '../rule.js';

const cache = new WeakMap<Program, Load[]>();

/** Every call an active plugin recognises as a load (the awaited expression of one), in source order. */
export function findWholeTableLoads(ctx: RuleContext): Load[] {
  const program = ctx.program.node;
  const hit = cache.get(program);
  if (hit) return hit;
  const loads: Load[] = [];
  const active = activePlugins(ctx.options).map((p) => ({ dialect: p.dialect, names: new Set(p.dialect.loadCallNames), clientNames: clientNamesFor(p, ctx.options) }));
  ctx.program.traverse({
    CallExpression(path: NodePath<CallExpression>) {
      const callee = path.node.callee;
      if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
      const name = callee.property.name;
      for (const a of active) {
        if (!a.names.has(name)) continue;
        const load = a.dialect.matchLoad(path, ctx, a.clientNames);
        if (load) {
          loads.push(load);
          break;
        }
      }
    },
  });
  cache.set(program, loads);
  return loads;
}
