/**
 * One plain walk per tree for what three passes look for before (or without)
 * a scope crawl, where each used to walk the whole tree on its own:
 * - loads.ts: calls whose callee is a member with a name (`x.findMany(...)`),
 *   to pick those named like a load;
 * - per-row-query.ts: for-of statements and those same calls, to pick the
 *   loops that could run a query per row;
 * - uses.ts: the names used as `typeof name` in a type.
 * The lists keep the order findNodes gives (the order @babel/traverse visits),
 * so each pass sees exactly what its own walk saw.
 */
import type { CallExpression, ForOfStatement, MemberExpression, Node, Program } from '@babel/types';
import { findNodes, type NodeSteps } from '../walk.js';

/** `x.name(...)` or `x[name](...)`: a call whose callee is a member with an identifier property. */
export type NamedMemberCall = CallExpression & { callee: MemberExpression & { property: { type: 'Identifier'; name: string } } };

export interface PlainIndex {
  /** The named member calls and the for-of statements, in traversal order, with the steps to each. */
  nodes: ReadonlyArray<{ node: NamedMemberCall | ForOfStatement; steps: NodeSteps }>;
  /** Every name used as `typeof name` in a type. */
  typeQueryNames: ReadonlySet<string>;
}

const cache = new WeakMap<Program, PlainIndex>();

export function isNamedMemberCall(n: Node): n is NamedMemberCall {
  return n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier';
}

/** The index of a program, made on first use and kept with the tree. */
export function plainIndex(program: Program): PlainIndex {
  let index = cache.get(program);
  if (!index) {
    const typeQueryNames = new Set<string>();
    const nodes = findNodes(program, (n) => {
      if (n.type === 'TSTypeQuery' && n.exprName.type === 'Identifier') typeQueryNames.add(n.exprName.name);
      return n.type === 'ForOfStatement' || isNamedMemberCall(n);
    }) as PlainIndex['nodes'];
    index = { nodes, typeQueryNames };
    cache.set(program, index);
  }
  return index;
}
