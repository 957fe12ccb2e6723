/**
 * How many rows a Prisma load can return, as far as its arguments say:
 *
 * - limited: a `take` (a literal, a constant or a variable), also beside a
 *   spread (`{ ...(after && { cursor: { id: after } }), take: 100 }`);
 * - key: the id or a unique field pinned (prismaKeyBounded);
 *
 * - list: a field is tested with `in: list` (top level, in an AND, inside a
 *   relation filter, or in every member of an OR): at most the list's rows,
 *   or rows of the list's parents.
 * - scoped: a foreign key (a field named `…Id` / `…_id`, or any field of a
 *   relation filter `program: { workspaceId }` / `members: { some: { userId } }`)
 *   is pinned to one non-null value: the rows of one parent. Nothing says
 *   whether that set is small; rules report such loads as hints.
 * - page: the where starts after a cursor (`id: { gt: after }`) whose value
 *   the enclosing loop moves on (reassigned inside it).
 *
 * `...spread` members of the where are followed when they name a never
 * reassigned object literal (`const where = { parentId }`); other spreads are
 * read as saying nothing.
 */
import type { NodePath } from '@babel/traverse';
import type { Expression, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import { propertyName } from '../../text.js';
import { isNullish, movesInLoop, resolveObject, runtimeList } from '../core/bounds.js';
import type { LoadBoundFact } from '../core/types.js';
import { prismaKeyBounded } from './batches.js';
import { prismaFacts, type PrismaLoad } from './load.js';

/** Operators of a Prisma field filter, and the keys that open a nested relation filter. */
const RELATION_KEYS = new Set(['some', 'every', 'is']);
const FOREIGN_KEY = /(?:Id|_id|ID)$/;

type WhereBound = 'list' | 'page' | 'scoped';

export function prismaLoadBound(load: PrismaLoad, ctx: RuleContext): LoadBoundFact | undefined {
  const args = load.args;
  // Arguments with a spread are not read for rewrites, but what they show plainly still bounds the rows.
  const first = load.call.node.arguments[0];
  const props = args.kind === 'object' || args.kind === 'ref' ? args.props : first?.type === 'ObjectExpression' ? plainProps(first) : undefined;
  if (!props) return undefined;
  if (props.has('take')) return 'limited';
  if (args.kind !== 'unknown' && prismaKeyBounded(load, ctx)) return 'key';
  const where = props.get('where');
  if (!where) return undefined;
  const reader = new WhereReader(load.call, ctx);
  const value = reader.resolve(where.value as Expression);
  if (!value) return undefined;
  if (reader.bounds(value, 'list', 0)) return 'list';
  if (reader.bounds(value, 'page', 0)) return 'page';
  if (reader.bounds(value, 'scoped', 0)) return 'scoped';
  return undefined;
}

class WhereReader {
  constructor(
    private readonly at: NodePath,
    private readonly ctx: RuleContext,
  ) {}

  /** An object literal, or an identifier bound once to one. */
  resolve(node: Node): ObjectExpression | undefined {
    return resolveObject(this.at, node);
  }

  /** Does this where object bound its rows in the given way? */
  bounds(obj: ObjectExpression, how: WhereBound, depth: number): boolean {
    if (depth > 6) return false;
    for (const p of obj.properties) {
      if (p.type === 'SpreadElement') {
        const inner = this.resolve(p.argument);
        if (inner && this.bounds(inner, how, depth + 1)) return true;
        continue;
      }
      if (p.type !== 'ObjectProperty') continue;
      const name = propertyName(p);
      if (name === undefined) continue;
      const v = p.value as Node;
      if (name === 'AND') {
        const members = v.type === 'ArrayExpression' ? v.elements : [v];
        if (members.some((m) => m && m.type !== 'SpreadElement' && this.member(m, how, depth))) return true;
        continue;
      }
      if (name === 'OR') {
        // Every way in must be bounded.
        if (v.type !== 'ArrayExpression' || v.elements.length === 0) continue;
        if (v.elements.every((m) => m && m.type !== 'SpreadElement' && this.member(m, how, depth))) return true;
        continue;
      }
      if (name === 'NOT') continue;
      if (this.field(name, v, how, depth)) return true;
    }
    return false;
  }

  private member(node: Node, how: WhereBound, depth: number): boolean {
    const obj = this.resolve(node);
    return obj !== undefined && this.bounds(obj, how, depth + 1);
  }

  /** One `field: value` of a where. */
  private field(name: string, value: Node, how: WhereBound, depth: number): boolean {
    if (value.type === 'ObjectExpression') {
      const keys = value.properties.map((q) => (q.type === 'ObjectProperty' ? propertyName(q) : undefined));
      // A relation filter: `members: { some: { userId } }`, `program: { is: { … } }`.
      for (const q of value.properties) {
        if (q.type !== 'ObjectProperty') continue;
        const k = propertyName(q);
        if (k !== undefined && RELATION_KEYS.has(k) && q.value.type === 'ObjectExpression' && this.bounds(q.value, how, depth + 1)) return true;
      }
      if (how === 'list' && keys.includes('in')) return value.properties.some((q) => q.type === 'ObjectProperty' && propertyName(q) === 'in' && runtimeList(this.at, q.value));
      if (how === 'page') return value.properties.some((q) => q.type === 'ObjectProperty' && ['gt', 'gte', 'lt', 'lte'].includes(propertyName(q) ?? '') && movesInLoop(this.at, q.value));
      if (how === 'scoped' && keys.includes('equals')) return FOREIGN_KEY.test(name) && value.properties.some((q) => q.type === 'ObjectProperty' && propertyName(q) === 'equals' && pinsOne(q.value));
      // A to-one relation filter written directly: `program: { workspaceId }`.
      if (this.isRelation(name) !== false && !keys.some((k) => k !== undefined && FILTER_OPERATORS.has(k))) return this.bounds(value, how, depth + 1);
      return false;
    }
    return how === 'scoped' && FOREIGN_KEY.test(name) && pinsOne(value);
  }

  /** false when the schema says the field is not a relation; undefined when there is no schema to ask. */
  private isRelation(name: string): boolean | undefined {
    const facts = prismaFacts(this.ctx);
    if (!facts) return undefined;
    for (const m of facts.models.values()) {
      const f = m.fields.get(name);
      if (f?.isRelation) return true;
    }
    return false;
  }
}

function plainProps(obj: ObjectExpression): Map<string, ObjectProperty> {
  const out = new Map<string, ObjectProperty>();
  for (const p of obj.properties) {
    if (p.type !== 'ObjectProperty') continue;
    const name = propertyName(p);
    if (name !== undefined) out.set(name, p);
  }
  return out;
}

const FILTER_OPERATORS = new Set(['equals', 'in', 'notIn', 'not', 'lt', 'lte', 'gt', 'gte', 'contains', 'startsWith', 'endsWith', 'mode', 'has', 'hasSome', 'hasEvery', 'isEmpty', 'search', 'path', 'array_contains', 'string_contains']);

/** One value (a variable, a property read, a literal), not null: rows of one parent. */
function pinsOne(n: Node): boolean {
  if (isNullish(n)) return false;
  if (n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression') return pinsOne(n.expression);
  return ['Identifier', 'MemberExpression', 'OptionalMemberExpression', 'StringLiteral', 'NumericLiteral', 'TemplateLiteral'].includes(n.type);
}
