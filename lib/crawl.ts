/**
 * babel's whole-program scope crawl, walked by pushdown instead of by @babel/traverse's general traversal.
 *
 * `Scope#crawl` of a Program runs babel's collector visitor (declarations, references, constant
 * violations) over every node with `path.traverse`. That traversal is made for visitors that edit the tree
 * as they go: a TraversalContext per node list, a queue per list, each path pushed onto and popped off a
 * context stack (setting its scope twice), re-synced with its container, checked against a deny list.
 * The crawl edits nothing, so this walk does only what its visitor can see:
 *
 * - the same NodePaths (`NodePath.get`, babel's own cache), made for the same nodes (TraversalContext's
 *   `shouldVisit`), a list's paths made before the first of them is visited, as babel does;
 * - each path's scope set by babel's own `setScope` when it is visited (so the scopes are made and
 *   numbered in the same order), its traversal flags cleared before and after;
 * - babel's own collector functions (the visitor babel built for the crawl, taken from babel itself on
 *   set-up, not copied), enter and exit, in babel's order, stopping where babel stops (`path.skip()`,
 *   a node replaced);
 * - then babel's own last steps (assignments, references, constant violations), as in `Scope#crawl`.
 *
 * What differs: a path the walk visited keeps no TraversalContext (`context`, `opts` and `state` stay
 * null, as on a path babel makes outside a traversal), and a list holding the same node twice is not
 * deduplicated (a parsed tree never does). Every scope, binding, reference, constant violation, global,
 * label and uid comes out the same: __tests__/crawl.test.ts compares both crawls field by field on every
 * fixture, and the bench corpora gave the same dumps on 10,596 files (dub, trigger.dev, the generated
 * corpus, examples/, __testfixtures__). On dub's 358 `.findMany(` files the crawl took 496-521 ->
 * 338-362 ms cold and 277-288 -> 159-186 ms warm.
 *
 * Other scopes' crawls (a scope babel crawls again after an edit, which pushdown never makes) stay babel's.
 * Nothing is replaced unless @babel/traverse is the minor version this walk was written and tested against
 * (TESTED_BABEL: the walk relies on how its traversal treats paths, flags and scopes, which a later version
 * may change), and its crawl visitor was found on set-up without global enter/exit functions.
 */
import type { NodePath } from '@babel/traverse';
import type { Node } from '@babel/types';
import { parse, visitorKeys } from './babel.js';
import { commonjs } from './require.js';

/** The @babel/traverse versions (major.minor) whose crawl this walk reproduces (__tests__/crawl.test.ts). */
const TESTED_BABEL = /^7\.29\./;

type Visit = (this: unknown, path: NodePath, state: unknown) => unknown;
type Visitor = Record<string, { enter?: Visit[]; exit?: Visit[] } | undefined> & { enter?: unknown; exit?: unknown };
interface CrawlState {
  references: NodePath[];
  constantViolations: NodePath[];
  assignments: NodePath[];
}
/** The fields of babel's NodePath this walk reads or sets (@babel/traverse 7). */
type PathLike = NodePath & {
  _traverseFlags: number;
  skipKeys: Record<string, boolean> | null;
  setScope(): void;
};
/** babel's Scope and Binding, as far as the walk and the dump read or set them. */
interface ScopeLike {
  uid: number;
  block: Node;
  path: NodePath;
  inited: boolean;
  crawling?: boolean;
  references: Record<string, unknown>;
  uids: Record<string, unknown>;
  bindings: Record<string, BindingLike | undefined>;
  globals: Record<string, Node>;
  data: Record<string, unknown>;
  labels: Map<string, unknown>;
  getBinding(name: string): BindingLike | undefined;
  addGlobal(node: Node): void;
  registerConstantViolation(path: NodePath): void;
}
interface BindingLike {
  kind: string;
  identifier: Node;
  path: NodePath;
  scope: ScopeLike;
  constant: boolean;
  referenced: boolean;
  references: number;
  referencePaths: NodePath[];
  constantViolations: NodePath[];
  reference(path: NodePath): void;
}
interface BabelLib {
  default: (parent: Node, opts: object) => void;
  NodePath: { prototype: { traverse(visitor: unknown, state: unknown): void }; get(opts: object): NodePath };
  Scope: { prototype: { crawl(this: ScopeLike): void } };
}

let installed = false;
/** Tests only: crawl with babel's own traversal while true. */
let useBabel = false;

/** Replaces babel's Program crawl (once per babel); false when this babel is not the one it was written for. */
export function installCrawl(lib: BabelLib): boolean {
  if (installed) return true;
  if (!TESTED_BABEL.test(babelVersion())) return false;
  const visitor = crawlVisitor(lib);
  if (!visitor) return false;
  const { NodePath: Path, Scope } = lib;
  const original = Scope.prototype.crawl;
  const keysOf = visitorKeys();

  /** TraversalContext#shouldVisit for the crawl's visitor: does babel make (and visit) a path for this node? */
  const shouldVisit = (node: Node): boolean => {
    if (visitor[node.type]) return true;
    const keys = keysOf[node.type];
    if (!keys || keys.length === 0) return false;
    for (const key of keys) if ((node as unknown as Record<string, unknown>)[key]) return true;
    return false;
  };

  /** babel's `_call`: true when the path is to be left (a function skipped it or replaced its node). */
  const call = (fns: Visit[], path: PathLike, node: Node, state: CrawlState): boolean => {
    for (const fn of fns) {
      if (!fn) continue;
      if (!path.node) return true;
      if (fn.call(state, path, state)) throw new Error('Unexpected return value from visitor method');
      if (path.node !== node) return true;
      if (path._traverseFlags > 0) return true;
    }
    return false;
  };

  const visit = (path: PathLike, state: CrawlState): void => {
    // pushContext: flags cleared, the scope set (made, numbered and initialised here, as babel does).
    if (path.skipKeys != null) path.skipKeys = {};
    path._traverseFlags = 0;
    path.setScope();
    const node = path.node;
    if (path.key !== null && node) {
      const fns = visitor[node.type];
      if (fns?.enter === undefined || !call(fns.enter, path, node, state)) {
        walk(node, path, state);
        if (fns?.exit !== undefined && path.node) call(fns.exit, path, path.node, state);
      }
    }
    // popContext: flags cleared again.
    if (path.skipKeys != null) path.skipKeys = {};
    path._traverseFlags = 0;
  };

  const walk = (node: Node, parentPath: NodePath, state: CrawlState): void => {
    const keys = keysOf[node.type];
    if (!keys) return;
    const holder = node as unknown as Record<string, unknown>;
    for (const key of keys) {
      const prop = holder[key];
      if (!prop) continue;
      if (Array.isArray(prop)) {
        if (prop.length === 0) continue;
        const queue: PathLike[] = [];
        for (let i = 0; i < prop.length; i++) {
          const child = prop[i] as Node | null;
          if (child && shouldVisit(child)) queue.push(Path.get({ parentPath, parent: node, container: prop, key: i, listKey: key }) as PathLike);
        }
        for (const path of queue) visit(path, state);
      } else if (shouldVisit(prop as Node)) {
        visit(Path.get({ parentPath, parent: node, container: node, key, listKey: undefined }) as PathLike, state);
      }
    }
  };

  Scope.prototype.crawl = function crawl(this: ScopeLike): void {
    const path = this.path;
    if (useBabel || path.type !== 'Program') return original.call(this);
    // babel's crawl, line for line, with `path.traverse(scopeVisitor, state)` replaced by walk().
    this.references = Object.create(null) as ScopeLike['references'];
    this.uids = Object.create(null) as ScopeLike['uids'];
    this.bindings = Object.create(null) as ScopeLike['bindings'];
    this.globals = Object.create(null) as ScopeLike['globals'];
    this.data = Object.create(null) as ScopeLike['data'];
    if (this.crawling) return;
    const state: CrawlState = { references: [], constantViolations: [], assignments: [] };
    this.crawling = true;
    walk(path.node, path, state);
    this.crawling = false;
    for (const assignment of state.assignments) {
      const ids = (assignment as NodePath & { getAssignmentIdentifiers(): Record<string, Node> }).getAssignmentIdentifiers();
      for (const name of Object.keys(ids)) {
        if (assignment.scope.getBinding(name)) continue;
        this.addGlobal(ids[name]);
      }
      (assignment.scope as unknown as ScopeLike).registerConstantViolation(assignment);
    }
    for (const ref of state.references) {
      const binding = (ref.scope as unknown as ScopeLike).getBinding((ref.node as unknown as { name: string }).name);
      if (binding) binding.reference(ref);
      else this.addGlobal(ref.node);
    }
    for (const violation of state.constantViolations) (violation.scope as unknown as ScopeLike).registerConstantViolation(violation);
  };
  installed = true;
  return true;
}

/** The visitor babel's Scope#crawl traverses with (its collector visitor, exploded): caught on a crawl of a tiny program. */
function crawlVisitor(lib: BabelLib): Visitor | undefined {
  let caught: Visitor | undefined;
  const proto = lib.NodePath.prototype;
  const traverse = proto.traverse;
  proto.traverse = function traverseAndCatch(this: NodePath, visitor: unknown, state: unknown): void {
    const s = state as Partial<CrawlState> | undefined;
    if (s && Array.isArray(s.references) && Array.isArray(s.constantViolations) && Array.isArray(s.assignments)) caught = visitor as Visitor;
    traverse.call(this, visitor, state);
  };
  try {
    lib.default(parse('let a;', { sourceType: 'module' }) as unknown as Node, {
      Program(path: NodePath) {
        path.stop();
      },
    });
  } finally {
    proto.traverse = traverse;
  }
  if (!caught || caught.enter !== undefined || caught.exit !== undefined) return undefined;
  return caught;
}

function babelVersion(): string {
  try {
    return (commonjs.require('@babel/traverse/package.json') as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}

/**
 * Everything a crawl left on the scopes of a crawled tree, one line per fact, in tree order, scopes numbered from
 * the program's: what __tests__/crawl.test.ts and bench/crawl-same.mjs compare between babel's crawl and this one.
 */
export function scopeDump(root: Node, program: NodePath): string[] {
  const keysOf = visitorKeys();
  const scopes = (commonjs.require('@babel/traverse') as { default: { cache: { scope: WeakMap<Node, ScopeLike> } } }).default.cache.scope;
  const at = (n: Node | null | undefined) => (n ? `${n.type}@${n.start}-${n.end}` : String(n));
  const pathLine = (p: NodePath | null | undefined) =>
    p ? `${at(p.node)} in ${p.parentPath ? at(p.parentPath.node) : '-'}.${p.listKey ?? ''}.${String(p.key)} scope ${p.scope ? at((p.scope as unknown as ScopeLike).block) : '-'}` : String(p);
  const base = (program.scope as unknown as ScopeLike).uid;
  const out: string[] = [];
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const s = scopes.get(node);
    if (s) {
      out.push(`scope ${at(s.block)} #${s.uid - base} path ${pathLine(s.path)} inited ${s.inited} crawling ${s.crawling}`);
      out.push(`  references ${Object.keys(s.references).join(',')}`);
      out.push(`  globals ${Object.entries(s.globals).map(([k, v]) => `${k}=${at(v)}`).join(',')}`);
      out.push(`  uids ${Object.keys(s.uids).join(',')} data ${Object.keys(s.data).join(',')} labels ${[...s.labels.keys()].join(',')}`);
      for (const [name, b] of Object.entries(s.bindings)) {
        if (!b) {
          out.push(`  binding ${name} undefined`);
          continue;
        }
        out.push(`  binding ${name} ${b.kind} id ${at(b.identifier)} path ${pathLine(b.path)} of ${at(b.scope.block)} constant ${b.constant} referenced ${b.referenced} ${b.references}`);
        out.push(`    refs ${b.referencePaths.map(pathLine).join(' | ')}`);
        out.push(`    violations ${b.constantViolations.map(pathLine).join(' | ')}`);
      }
    }
    const children: Node[] = [];
    for (const k of keysOf[node.type] ?? []) {
      const c = (node as unknown as Record<string, unknown>)[k];
      if (Array.isArray(c)) for (const x of c) if (x && typeof (x as Node).type === 'string') children.push(x as Node);
      if (c && !Array.isArray(c) && typeof (c as Node).type === 'string') children.push(c as Node);
    }
    stack.push(...children.reverse());
  }
  return out;
}

/** Tests only: runs `fn` with babel's own Program crawl. */
export function withBabelCrawl<T>(fn: () => T): T {
  useBabel = true;
  try {
    return fn();
  } finally {
    useBabel = false;
  }
}

/** Is the Program crawl pushdown's (installCrawl took)? */
export function crawlInstalled(): boolean {
  return installed;
}
