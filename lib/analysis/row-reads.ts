/**
 * Which fields of loaded rows the code reads, when reading named fields is
 * all it does with them. A projection that loads just those fields then
 * changes no value the code sees.
 *
 * The rows may be: counted (`.length`); mapped, tested or walked by a
 * callback (`map`, `flatMap`, `forEach`, `some`, `every`, `find`, `findLast`,
 * `findIndex`, `findLastIndex`, `filter`) whose row parameter is only read as
 * `row.f` or destructured as `({ f, g })`; walked by `for (const r of rows)` or
 * `for (const { f, g } of rows)`; indexed by a number (`rows[0]`, `rows.at(0)`).
 * What `find`/`findLast`/an index give (a row or undefined) and what `filter`
 * gives (some of the rows) are followed the same way, through a `const`
 * binding too. A row may also be tested (`if (row)`, `!row`, `row && ...`,
 * `row == null`): a narrower row is still an object. Rows or a row parsed by
 * a zod schema that names its keys read those keys (./schema-parse.ts).
 *
 * Anything else declines (undefined): the rows or a row passed to a function,
 * returned, spread, stored, assigned, indexed by a computed key, a method called
 * on a row, `in`, `Object.keys`, a callback with a third parameter or a
 * `thisArg`, `arguments`.
 *
 * A field read only as `row.f.g` (never as a whole: passed on, called,
 * destructured) also records `g`, so a related row can be narrowed too.
 */
import type { Binding, NodePath, Scope } from '@babel/traverse';
import type { ArrowFunctionExpression, FunctionExpression, Node, ObjectPattern, VariableDeclarator } from '@babel/types';
import { inTestPosition } from './emptiness.js';
import { schemaParsedKeys } from './schema-parse.js';
import { classifyValueUse, skipTransparent, typeQueried, type Use } from './uses.js';

export interface RowReads {
  /** Fields read, in order of first read. */
  fields: string[];
  /** For a field read only through its own fields (`row.author.name`): those fields. */
  nested: Map<string, string[]>;
  /** Type annotations that pin the full row type (a narrower row may no longer satisfy them). */
  annotations: Array<{ who: string; node: Node }>;
  /** Every use was a `.map(cb)`. */
  onlyMaps: boolean;
}

/** Per field: the sub-fields read, or 'whole' when the field's value is used otherwise. */
type Acc = Map<string, Set<string> | 'whole'>;

interface State {
  acc: Acc;
  annotations: Array<{ who: string; node: Node }>;
  onlyMaps: boolean;
}

const ROW_CALLBACKS = new Set(['map', 'flatMap', 'forEach', 'some', 'every', 'find', 'findLast', 'findIndex', 'findLastIndex', 'filter']);
const GIVES_ROW = new Set(['find', 'findLast']);

/** The fields read by these uses of the rows, or undefined when some use does more than read fields. */
export function rowReads(uses: readonly Use[]): RowReads | undefined {
  if (uses.length === 0) return undefined;
  const state: State = { acc: new Map(), annotations: [], onlyMaps: true };
  if (!readsOfRows(uses, state)) return undefined;
  const fields = [...state.acc.keys()];
  const nested = new Map<string, string[]>();
  for (const [f, sub] of state.acc) if (sub !== 'whole' && sub.size > 0) nested.set(f, [...sub]);
  return { fields, nested, annotations: state.annotations, onlyMaps: state.onlyMaps };
}

function readsOfRows(uses: readonly Use[], state: State): boolean {
  for (const use of uses) {
    if (use.kind !== 'method' || use.name !== 'map') state.onlyMaps = false;
    if (!readsOfRowsUse(use, state)) return false;
  }
  return true;
}

function readsOfRowsUse(use: Use, state: State): boolean {
  switch (use.kind) {
    case 'length':
      return true;
    case 'index':
      return readsOfRowValue(use.path, state);
    case 'iterate':
      return readsOfLoop(use.path, state);
    case 'method': {
      if (!ROW_CALLBACKS.has(use.name)) return false;
      const call = use.path;
      if (call.node.arguments.length !== 1) return false;
      const cb = call.get('arguments.0') as NodePath;
      if (!(cb.isArrowFunctionExpression() || cb.isFunctionExpression()) || cb.node.generator) return false;
      if (!readsOfCallback(cb as NodePath<ArrowFunctionExpression | FunctionExpression>, use.name, state)) return false;
      if (GIVES_ROW.has(use.name)) return readsOfRowValue(call, state);
      if (use.name === 'filter') return readsOfRowsValue(call, state);
      return true;
    }
    case 'escape':
      return readsOfSchemaParse(use.path, true, state);
  }
}

/** `(row, index?) => ...`: the callback reads only fields of `row`. */
function readsOfCallback(cb: NodePath<ArrowFunctionExpression | FunctionExpression>, method: string, state: State): boolean {
  const params = cb.node.params;
  if (params.length < 1 || params.length > 2) return false;
  if (params[1] && params[1].type !== 'Identifier') return false;
  if (cb.isFunctionExpression() && usesArguments(cb)) return false;
  const row = params[0];
  const ann = (row as { typeAnnotation?: Node | null }).typeAnnotation;
  if (ann && ann.type === 'TSTypeAnnotation') state.annotations.push({ who: `the ${method} callback's row is`, node: ann.typeAnnotation });
  return readsOfRowDeclared(row, cb.scope, state);
}

/** `for (const r of rows)` / `for (const { f } of rows)`. */
function readsOfLoop(loop: NodePath, state: State): boolean {
  const node = loop.node;
  if (node.type !== 'ForOfStatement' || node.await) return false;
  const left = node.left;
  if (left.type !== 'VariableDeclaration' || left.declarations.length !== 1 || (left.kind !== 'const' && left.kind !== 'let')) return false;
  return readsOfRowDeclared(left.declarations[0].id, loop.scope, state);
}

/** A row bound to a never-reassigned name, or destructured by field names. */
function readsOfRowDeclared(id: Node, scope: Scope, state: State): boolean {
  if (id.type === 'ObjectPattern') return readsOfPattern(id, state);
  if (id.type !== 'Identifier') return false;
  const binding = scope.getBinding(id.name);
  if (!binding || binding.identifier !== id || !binding.constant) return false;
  return readsOfRowBinding(binding, state);
}

/** `{ f, g: h, k = 1 }`: each key is a field read whole; a rest element or computed key declines. */
function readsOfPattern(pattern: ObjectPattern, state: State): boolean {
  for (const p of pattern.properties) {
    if (p.type !== 'ObjectProperty' || p.computed) return false;
    const name = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined;
    if (name === undefined) return false;
    state.acc.set(name, 'whole');
  }
  return true;
}

function readsOfRowBinding(binding: Binding, state: State): boolean {
  for (const ref of binding.referencePaths) if (!readsOfRowValue(ref, state)) return false;
  return true;
}

/** An expression whose value is one row (or undefined): only its fields are read, or it is tested. */
function readsOfRowValue(path: NodePath, state: State): boolean {
  const top = skipTransparent(path);
  const parent = top.parentPath;
  if (!parent) return false;
  const pn = parent.node;
  if ((pn.type === 'MemberExpression' || pn.type === 'OptionalMemberExpression') && pn.object === top.node) {
    const name = memberName(pn);
    if (name === undefined || !readOnlyValue(parent)) return false;
    const sub = subFieldRead(parent);
    const had = state.acc.get(name);
    if (sub === undefined || had === 'whole') state.acc.set(name, 'whole');
    else state.acc.set(name, (had ?? new Set<string>()).add(sub));
    return true;
  }
  if (pn.type === 'VariableDeclarator' && pn.init === top.node) return readsOfDeclared(parent as NodePath<VariableDeclarator>, readsOfRowBinding, state, true);
  if (isTested(top)) return true;
  return readsOfSchemaParse(top, false, state);
}

/** Rows (or one row) parsed by a schema that names its keys: those fields are read, each whole. */
function readsOfSchemaParse(value: NodePath, rows: boolean, state: State): boolean {
  const parsed = schemaParsedKeys(skipTransparent(value));
  if (!parsed || parsed.array !== rows) return false;
  for (const k of parsed.keys) state.acc.set(k, 'whole');
  return true;
}

/** An expression whose value is some of the rows (a `filter` result): followed like the rows. */
function readsOfRowsValue(path: NodePath, state: State): boolean {
  const top = skipTransparent(path);
  const parent = top.parentPath;
  if (parent?.isVariableDeclarator() && parent.node.init === top.node) {
    return readsOfDeclared(parent, (binding, s) => readsOfRows(binding.referencePaths.map((ref) => classifyValueUse(ref)), s), state, false);
  }
  return readsOfRows([classifyValueUse(path)], state);
}

/** `const x = value` (a plain, never reassigned, unexported binding), or `const { f } = value` for a row. */
function readsOfDeclared(decl: NodePath<VariableDeclarator>, follow: (binding: Binding, state: State) => boolean, state: State, row: boolean): boolean {
  const declaration = decl.parentPath;
  if (!declaration?.isVariableDeclaration() || declaration.node.declare || declaration.parentPath?.isExportNamedDeclaration()) return false;
  const id = decl.node.id;
  if (id.type === 'ObjectPattern' && row) return readsOfPattern(id, state);
  if (id.type !== 'Identifier') return false;
  const binding = decl.scope.getBinding(id.name);
  if (!binding || binding.identifier !== id || !binding.constant) return false;
  if (typeQueried(binding, id.name)) return false;
  const ann = id.typeAnnotation;
  if (ann && ann.type === 'TSTypeAnnotation') state.annotations.push({ who: `\`${id.name}\` is`, node: ann.typeAnnotation });
  return follow(binding, state);
}

/** Is the value only tested for being there (a row is an object, narrowed or not)? */
function isTested(value: NodePath): boolean {
  if (inTestPosition(value)) return true;
  const top = skipTransparent(value);
  const n = top.parentPath?.node;
  // `row && ...` gives the right side or a falsy row (undefined); `row || x` and `row ?? x` give the row.
  if (n?.type === 'LogicalExpression') return n.operator === '&&' && n.left === top.node;
  if (n?.type !== 'BinaryExpression' || !['===', '!==', '==', '!='].includes(n.operator)) return false;
  const other = n.left === top.node ? n.right : n.left;
  return other.type === 'NullLiteral' || (other.type === 'Identifier' && other.name === 'undefined' && !top.scope.getBinding('undefined'));
}

/** The name of a plain member access `x.f` / `x?.f` / `x['f']`. */
function memberName(m: Node): string | undefined {
  if (m.type !== 'MemberExpression' && m.type !== 'OptionalMemberExpression') return undefined;
  if (!m.computed && m.property.type === 'Identifier') return m.property.name;
  if (m.computed && m.property.type === 'StringLiteral') return m.property.value;
  return undefined;
}

/** The member `x.f` is read, not written, deleted, called as a method, or a loop/destructuring target. */
function readOnlyValue(member: NodePath): boolean {
  const m = member.node;
  const parent = member.parentPath?.node;
  if (!parent) return true;
  if ((parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression' || parent.type === 'NewExpression') && parent.callee === m) return false;
  if (parent.type === 'TaggedTemplateExpression' && parent.tag === m) return false;
  if ((parent.type === 'AssignmentExpression' || parent.type === 'AssignmentPattern') && parent.left === m) return false;
  if (parent.type === 'UpdateExpression' || (parent.type === 'UnaryExpression' && parent.operator === 'delete')) return false;
  if ((parent.type === 'ForOfStatement' || parent.type === 'ForInStatement') && parent.left === m) return false;
  if (parent.type === 'ArrayPattern' || parent.type === 'RestElement' || (parent.type === 'ObjectProperty' && member.parentPath?.parentPath?.isObjectPattern())) return false;
  return true;
}

/** `row.f.g`, with `row.f.g` itself only read: `g`; otherwise (row.f used as a whole) undefined. */
function subFieldRead(member: NodePath): string | undefined {
  const outer = skipTransparent(member).parentPath;
  if (!outer) return undefined;
  const on = outer.node;
  if ((on.type !== 'MemberExpression' && on.type !== 'OptionalMemberExpression') || on.object !== skipTransparent(member).node) return undefined;
  const name = memberName(on);
  if (name === undefined || !readOnlyValue(outer)) return undefined;
  return name;
}

function usesArguments(fn: NodePath): boolean {
  let found = false;
  fn.traverse({
    Identifier(p) {
      if (p.node.name === 'arguments' && p.getFunctionParent()?.node === fn.node && p.isReferencedIdentifier()) found = true;
    },
  });
  return found;
}
