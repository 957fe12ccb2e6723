/**
 * Rows handed to a zod schema that names its keys: `Users.parse(rows)` with
 * `const Users = z.array(z.object({ id: z.number(), email: z.string() }))`.
 * A `z.object` strips keys it does not name (its default): it reads only its
 * own keys of each row, and what it returns holds only those. So the parse
 * reads exactly those fields, and a projection of them changes nothing it
 * returns or throws.
 *
 * Recognised, and nothing else: `parse`, `safeParse`, `parseAsync`,
 * `safeParseAsync` called with the value as the only argument, on
 * `z.array(O)` or `O.array()` (for rows) or `O` (for one row), where `O` is
 * `z.object({ ... })` with plain keys (no spread, computed key, method or
 * getter) and nothing chained after it, `z` is imported from `zod`, and each
 * schema is written inline or held by a never-reassigned `const` of the same
 * file. `.strict()` (throws on keys it does not name), `.passthrough()`,
 * `.loose()`, `.catchall()`, `z.strictObject`, `z.looseObject`, refinements
 * and transforms on the array or object, and schemas from other files decline.
 */
import type { NodePath } from '@babel/traverse';
import type { Expression, Node } from '@babel/types';

const PARSE = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync']);

/** The value at `value` is the only argument of a schema parse: the keys the schema reads, and whether it parses a list. */
export function schemaParsedKeys(value: NodePath): { keys: string[]; array: boolean } | undefined {
  const call = value.parentPath;
  if (!call?.isCallExpression() || call.node.arguments.length !== 1 || call.node.arguments[0] !== value.node) return undefined;
  const callee = call.node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !PARSE.has(callee.property.name)) return undefined;
  const schema = resolveConst(call, callee.object);
  if (!schema) return undefined;
  const list = arrayElement(call, schema);
  const keys = objectKeys(call, list ?? schema);
  return keys ? { keys, array: list !== undefined } : undefined;
}

/** `z.array(E)` or `E.array()`: E; undefined otherwise. */
function arrayElement(at: NodePath, schema: Expression): Expression | undefined {
  if (schema.type !== 'CallExpression' || schema.callee.type !== 'MemberExpression' || schema.callee.computed || schema.callee.property.type !== 'Identifier' || schema.callee.property.name !== 'array') return undefined;
  if (schema.arguments.length === 1 && isZod(at, schema.callee.object)) {
    const el = schema.arguments[0];
    return el.type === 'SpreadElement' || el.type === 'ArgumentPlaceholder' ? undefined : resolveConst(at, el as Expression);
  }
  if (schema.arguments.length === 0) return resolveConst(at, schema.callee.object);
  return undefined;
}

/** `z.object({ a: ..., 'b': ... })`, with nothing chained after it: its keys. */
function objectKeys(at: NodePath, schema: Expression): string[] | undefined {
  if (schema.type !== 'CallExpression' || schema.arguments.length !== 1) return undefined;
  const callee = schema.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'object' || !isZod(at, callee.object)) return undefined;
  const shape = schema.arguments[0];
  if (shape.type !== 'ObjectExpression') return undefined;
  const keys: string[] = [];
  for (const p of shape.properties) {
    if (p.type !== 'ObjectProperty' || p.computed) return undefined;
    const name = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined;
    if (name === undefined) return undefined;
    keys.push(name);
  }
  return keys.length > 0 ? keys : undefined;
}

/** An identifier bound by a never-reassigned `const` declaration: its initialiser; any other expression: itself. */
function resolveConst(at: NodePath, e: Node): Expression | undefined {
  if (e.type !== 'Identifier') return e as Expression;
  const binding = at.scope.getBinding(e.name);
  if (!binding || !binding.constant || binding.kind !== 'const' || !binding.path.isVariableDeclarator()) return undefined;
  const init = binding.path.node.init;
  return init && init.type !== 'Identifier' ? init : undefined;
}

/** `z` imported from zod (`import { z } from 'zod'`, `import * as z from 'zod'`, `import z from 'zod'`). */
function isZod(at: NodePath, e: Node): boolean {
  if (e.type !== 'Identifier') return false;
  const binding = at.scope.getBinding(e.name);
  if (!binding || binding.kind !== 'module') return false;
  const spec = binding.path.node;
  const decl = binding.path.parentPath?.node;
  if (decl?.type !== 'ImportDeclaration' || !/^zod(\/v[34])?$/.test(decl.source.value)) return false;
  if (spec.type === 'ImportNamespaceSpecifier' || spec.type === 'ImportDefaultSpecifier') return true;
  return spec.type === 'ImportSpecifier' && (spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value) === 'z';
}
