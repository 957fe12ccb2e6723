/**
 * Walks a babel AST as plain objects: every node under `root`, parents before
 * children, in source order. No NodePaths and no scopes, so it costs a fraction
 * of a @babel/traverse pass; for questions that need no bindings.
 */
import type { Node } from '@babel/types';

/** Properties that hold no child nodes of the tree (positions, comments, parser extras). */
const NOT_CHILDREN = new Set(['loc', 'leadingComments', 'trailingComments', 'innerComments', 'extra', 'comments', 'tokens']);

export function walkNodes(root: Node, visit: (node: Node, parent: Node | undefined) => void): void {
  const go = (n: unknown, parent: Node | undefined): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const c of n) go(c, parent);
      return;
    }
    const o = n as Node;
    visit(o, parent);
    for (const k in o) {
      if (NOT_CHILDREN.has(k)) continue;
      const v = (o as unknown as Record<string, unknown>)[k];
      if (v && typeof v === 'object') go(v, o);
    }
  };
  go(root, undefined);
}
