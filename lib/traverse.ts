/** @babel/traverse's function, whatever way ESM hands the CommonJS module over. */
import * as traverseModule from '@babel/traverse';
import type { TraverseOptions } from '@babel/traverse';
import type { Node } from '@babel/types';

// Under ESM the function arrives as `default`, sometimes wrapped twice.
type TraverseFn = (parent: Node, opts: TraverseOptions) => void;
export const traverse: TraverseFn = (() => {
  let t: unknown = traverseModule;
  while (typeof t !== 'function' && t && typeof t === 'object' && 'default' in t) t = (t as { default: unknown }).default;
  return t as TraverseFn;
})();
