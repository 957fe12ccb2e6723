/** Finding the whole-table loads in a file, once per AST, for every rule to share. */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Program } from '@babel/types';
import { dialects } from '../orm/index.js';
import type { Load } from '../orm/types.js';
import type { RuleContext } from '../rule.js';

const cache = new WeakMap<Program, Load[]>();

/** Every call some dialect recognises as a load, in source order. */
export function findWholeTableLoads(ctx: RuleContext): Load[] {
  const program = ctx.program.node;
  const hit = cache.get(program);
  if (hit) return hit;
  const loads: Load[] = [];
  const names = new Set(dialects.flatMap((d) => d.methodNames));
  ctx.program.traverse({
    CallExpression(path: NodePath<CallExpression>) {
      const callee = path.node.callee;
      if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || !names.has(callee.property.name)) return;
      for (const d of dialects) {
        const load = d.matchLoad(path, ctx);
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
