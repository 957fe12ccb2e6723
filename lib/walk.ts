/**
 * Walks a babel AST as plain objects: every node under `root`, parents before
 * children, in source order. No NodePaths and no scopes, so it costs a fraction
 * of a @babel/traverse pass; for questions that need no bindings.
 */
import type { NodePath } from '@babel/traverse';
import type { Node } from '@babel/types';
import { visitorKeys } from './babel.js';

/** Properties that hold no child nodes of the tree (positions, comments, parser extras). */
const NOT_CHILDREN = new Set(['loc', 'leadingComments', 'trailingComments', 'innerComments', 'extra', 'comments', 'tokens']);

export function walkNodes(root: Node, visit: (node: Node, parent: Node | undefined) => void): void {
  walkUntil(root, (node, parent) => {
    visit(node, parent);
    return false;
  });
}

/** Is there a node under `root` (itself included) that `test` accepts? The nodes walkNodes visits, stopping at the first. */
export function someNode(root: Node, test: (node: Node) => boolean): boolean {
  return walkUntil(root, test);
}

/** The walk of walkNodes, ended at the first node `visit` returns true for; true when it was ended so. */
function walkUntil(root: Node, visit: (node: Node, parent: Node | undefined) => boolean): boolean {
  const go = (n: unknown, parent: Node | undefined): boolean => {
    if (!n || typeof n !== 'object') return false;
    if (Array.isArray(n)) {
      for (const c of n) if (go(c, parent)) return true;
      return false;
    }
    const o = n as Node;
    if (visit(o, parent)) return true;
    for (const k in o) {
      if (NOT_CHILDREN.has(k)) continue;
      const v = (o as unknown as Record<string, unknown>)[k];
      if (v && typeof v === 'object' && go(v, o)) return true;
    }
    return false;
  };
  return go(root, undefined);
}

let VISITOR_KEYS: Record<string, readonly string[] | undefined> | undefined;
/** The child properties @babel/traverse walks, per node type. */
const childKeys = (type: string): readonly string[] | undefined => (VISITOR_KEYS ??= visitorKeys())[type];

/** How to reach a node from a root: property names, each followed by an index when it holds a list. */
export type NodeSteps = ReadonlyArray<string | number>;

/**
 * The nodes under `root` that `test` accepts, with the steps to each, visited
 * exactly as @babel/traverse visits them (its visitor keys, parents first, in
 * order), but as plain objects: no NodePaths are made and no scopes crawled.
 */
export function findNodes(root: Node, test: (node: Node) => boolean): Array<{ node: Node; steps: NodeSteps }> {
  return findNodesEach(root, [test])[0];
}

/** findNodes for several tests in one walk: for each test, the nodes it accepts, in the same order. */
export function findNodesEach(root: Node, tests: ReadonlyArray<(node: Node) => boolean>): Array<Array<{ node: Node; steps: NodeSteps }>> {
  const found: Array<Array<{ node: Node; steps: NodeSteps }>> = tests.map(() => []);
  const steps: Array<string | number> = [];
  const go = (node: Node): void => {
    for (let t = 0; t < tests.length; t++) if (tests[t](node)) found[t].push({ node, steps: [...steps] });
    const keys = childKeys(node.type);
    if (!keys) return;
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (!child || typeof child !== 'object') continue;
      steps.push(key);
      if (Array.isArray(child)) {
        for (let i = 0; i < child.length; i++) {
          const c = child[i] as Node | null;
          if (!c || typeof c.type !== 'string') continue;
          steps.push(i);
          go(c);
          steps.pop();
        }
      } else if (typeof (child as Node).type === 'string') go(child as Node);
      steps.pop();
    }
  };
  go(root);
  return found;
}

/** The NodePath of the node `steps` lead to from `root` (babel caches paths, so it is the one a traversal would give). */
export function pathAt(root: NodePath, steps: NodeSteps): NodePath {
  // `path.get(list)` makes a NodePath for every element of the list: fetching one element of a
  // 47,000-statement body that way, once per load, is quadratic. This is what it does for one element.
  const Path = root.constructor as typeof NodePath;
  let path = root;
  for (let i = 0; i < steps.length; i++) {
    const key = steps[i] as string;
    if (typeof steps[i + 1] === 'number') {
      const container = (path.node as unknown as Record<string, Node[]>)[key];
      const listed = { parentPath: path, parent: path.node, container, listKey: key, key: steps[++i] as number };
      path = (Path.get as unknown as (opts: typeof listed) => NodePath)(listed).setContext(path.context);
    } else path = path.get(key) as NodePath;
  }
  return path;
}
