/**
 * map-to-select: load only the fields the code reads.
 *
 * Matches a whole-table load whose rows are only ever mapped by a callback that
 * reads plain fields of its row:
 *   (await load(a)).map((u) => u.email)
 *       -> (await load(a, only email)).map((u) => u.email)
 *   const users = await load(a); ... users.map(({ id, name }) => ...) ... users.map((u) => u.email)
 *       -> the load reads only id, name and email (the union)
 * The callback may read `row.f` (or `row?.f`) and destructure `({ f, g })`;
 * a second (index) parameter is fine. The mapped values are unchanged.
 * What the dialect emits depends on the query: a projection of the read
 * fields, an existing projection without its unread entries, or nothing at
 * all when the query already loads just that (no edit, no finding). It never
 * loads more than the query did.
 *
 * Declines, with a finding, when the dialect cannot project (a field to add
 * is a relation or not a stored column, a projection the query already has
 * lacks a read field, arguments it cannot edit), and when a type annotation on the
 * rows or the callback's row (`const users: User[]`, `(u: User) => ...`)
 * would have to change with the select. Leaves alone, silently, rows used
 * for anything but such a map, and callbacks that use the row in any other
 * way (pass it on, spread it, index it, call its methods, rest-destructure
 * it, reach it through `arguments`).
 */
import { parseExpression } from '@babel/parser';
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Node } from '@babel/types';
import { findWholeTableLoads } from '../lib/analysis/loads.js';
import { classifyResultUse, type LoadResult, type Use } from '../lib/analysis/uses.js';
import { toJscodeshift } from '../lib/jscodeshift.js';
import type { Rule, RuleContext } from '../lib/rule.js';
import { reportLoad } from '../lib/analysis/bounded.js';
import { propertyName, textOf } from '../lib/text.js';

const id = 'map-to-select';
const SAFE = 'only the fields the map callback reads are loaded; the mapped values are the same';

function apply(ctx: RuleContext): void {
  for (const load of findWholeTableLoads(ctx)) {
    if (!load.dialect.select) continue;
    const result = classifyResultUse(load);
    const fields = fieldsRead(result);
    if (!fields) continue;
    const emit = load.dialect.select(load, ctx, fields);
    if (!emit.ok) {
      reportLoad(ctx, load, `rows loaded only to map ${fields.map((f) => `\`${f}\``).join(', ')}: ${emit.reason}. Fix: ${emit.suggestion}.`, { messageId: 'cannot-select' });
      continue;
    }
    // The query already loads just what is read: nothing to say.
    if (emit.code === textOf(ctx.source, load.call.node)) continue;
    const typed = typeAnnotationOnRows(result);
    if (typed) {
      reportLoad(
        ctx,
        load,
        `rows loaded only to map ${fields.map((f) => `\`${f}\``).join(', ')}: ${typed.who} annotated \`${ctx.text(typed.annotation)}\`, which a narrower select may no longer satisfy. Fix: drop the annotation (the type is inferred) and load only what you read: \`${selectOf(emit.code) ?? emit.code}\`.`,
        { messageId: 'annotated-rows' },
      );
      continue;
    }
    const tier = emit.tier ?? 'safe';
    const message = emit.note ? `${SAFE}. Review: ${emit.note}` : SAFE;
    ctx.rewrite({ node: load.call.node, tier, message, imports: emit.imports, edits: [{ start: load.call.node.start ?? 0, end: load.call.node.end ?? 0, text: emit.code }] });
  }
}

/** The `select: { ... }` property in emitted call text, for a message. */
function selectOf(code: string): string | undefined {
  let call: Node;
  try {
    call = parseExpression(code, { plugins: ['typescript'] });
  } catch {
    return undefined;
  }
  const arg = call.type === 'CallExpression' ? call.arguments[0] : undefined;
  if (arg?.type !== 'ObjectExpression') return undefined;
  const select = arg.properties.find((p) => p.type === 'ObjectProperty' && propertyName(p) === 'select');
  return select ? code.slice(select.start ?? 0, select.end ?? 0).replace(/\s*\n\s*/g, ' ') : undefined;
}

/** Which annotation pins the full row type: on the rows binding, or on a map callback's row parameter. */
function typeAnnotationOnRows(result: LoadResult): { who: string; annotation: Node } | undefined {
  const rows = rowsAnnotation(result);
  if (rows) return { who: 'the rows are', annotation: rows };
  const row = rowParamAnnotation(result);
  if (row) return { who: "the map callback's row is", annotation: row };
  return undefined;
}

function rowsAnnotation(result: LoadResult): Node | undefined {
  if (result.shape !== 'binding') return undefined;
  const ann = result.site.id.node.typeAnnotation;
  return ann && ann.type === 'TSTypeAnnotation' ? ann.typeAnnotation : undefined;
}

function rowParamAnnotation(result: LoadResult): Node | undefined {
  const uses: Use[] = result.shape === 'direct' ? [result.use] : result.shape === 'binding' ? result.uses : [];
  for (const use of uses) {
    const cb = use.kind === 'method' ? use.path.node.arguments[0] : undefined;
    if (!cb || (cb.type !== 'ArrowFunctionExpression' && cb.type !== 'FunctionExpression')) continue;
    const ann = (cb.params[0] as { typeAnnotation?: Node | null } | undefined)?.typeAnnotation;
    if (ann && ann.type === 'TSTypeAnnotation') return ann.typeAnnotation;
  }
  return undefined;
}

/** The fields read when every use of the rows is a `.map(cb)` reading plain fields; undefined otherwise. */
function fieldsRead(result: LoadResult): string[] | undefined {
  const uses: Use[] = result.shape === 'direct' ? [result.use] : result.shape === 'binding' ? result.uses : [];
  if (uses.length === 0) return undefined;
  const fields: string[] = [];
  for (const use of uses) {
    if (use.kind !== 'method' || use.name !== 'map') return undefined;
    const read = fieldsReadByMapCall(use.path);
    if (!read) return undefined;
    for (const f of read) if (!fields.includes(f)) fields.push(f);
  }
  return fields.length > 0 ? fields : undefined;
}

/** `rows.map(cb)`: the plain fields cb reads of its row, or undefined if it uses the row otherwise. */
export function fieldsReadByMapCall(call: NodePath<CallExpression>): string[] | undefined {
  if (call.node.type !== 'CallExpression' || call.node.arguments.length !== 1) return undefined;
  const cb = call.get('arguments.0') as NodePath;
  if (!(cb.isArrowFunctionExpression() || cb.isFunctionExpression()) || cb.node.generator) return undefined;
  return fieldsReadByCallback(cb as NodePath<import('@babel/types').ArrowFunctionExpression | import('@babel/types').FunctionExpression>);
}

/** The plain fields a `(row, index?) => ...` callback reads of `row`, or undefined if it uses the row otherwise. */
export function fieldsReadByCallback(cb: NodePath<import('@babel/types').ArrowFunctionExpression | import('@babel/types').FunctionExpression>): string[] | undefined {
  const params = cb.node.params;
  if (params.length < 1 || params.length > 2) return undefined;
  if (params[1] && params[1].type !== 'Identifier') return undefined;
  if (cb.isFunctionExpression() && usesArguments(cb)) return undefined;
  const row = params[0];
  if (row.type === 'ObjectPattern') {
    const fields: string[] = [];
    for (const p of row.properties) {
      if (p.type !== 'ObjectProperty' || p.computed) return undefined;
      const name = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined;
      if (name === undefined) return undefined;
      if (!fields.includes(name)) fields.push(name);
    }
    return fields;
  }
  if (row.type !== 'Identifier') return undefined;
  const binding = cb.scope.getBinding(row.name);
  if (!binding || binding.identifier !== row || !binding.constant) return undefined;
  const fields: string[] = [];
  for (const ref of binding.referencePaths) {
    const name = plainFieldRead(ref);
    if (name === undefined) return undefined;
    if (!fields.includes(name)) fields.push(name);
  }
  return fields;
}

/** `row.f` / `row?.f` / `row['f']`, read and not called as a method: the field name. */
function plainFieldRead(ref: NodePath): string | undefined {
  const member = ref.parentPath;
  if (!member) return undefined;
  const m = member.node;
  if ((m.type !== 'MemberExpression' && m.type !== 'OptionalMemberExpression') || m.object !== ref.node) return undefined;
  const name = !m.computed && m.property.type === 'Identifier' ? m.property.name : m.computed && m.property.type === 'StringLiteral' ? m.property.value : undefined;
  if (name === undefined) return undefined;
  const parent = member.parentPath?.node as Node | undefined;
  if (!parent) return name;
  if ((parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression' || parent.type === 'NewExpression' || parent.type === 'TaggedTemplateExpression') && ('callee' in parent ? parent.callee === m : parent.tag === m)) return undefined;
  if ((parent.type === 'AssignmentExpression' || parent.type === 'AssignmentPattern') && parent.left === m) return undefined;
  if (parent.type === 'UpdateExpression' || (parent.type === 'UnaryExpression' && parent.operator === 'delete')) return undefined;
  if ((parent.type === 'ForOfStatement' || parent.type === 'ForInStatement') && parent.left === m) return undefined;
  if (parent.type === 'ArrayPattern' || parent.type === 'RestElement' || (parent.type === 'ObjectProperty' && member.parentPath?.parentPath?.isObjectPattern())) return undefined;
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

export const rule: Rule = {
  meta: {
    id,
    description: 'Rows loaded only to map fields load just those fields.',
    tier: 'safe',
    declines: [
      'a field to add that is a relation or not a stored scalar: finding',
      '`omit`, or `distinct` on a field the map does not read: finding',
      'an existing select or include that lacks a read field: finding',
      'rows or row parameter annotated with a type the select would change: finding',
      'a select that already loads exactly what is read: left as it is, no finding',
      'callbacks that pass, spread, index or call methods on the row',
      'rows used for anything besides .map',
    ],
  },
  apply,
};

export default toJscodeshift(rule);
