/**
 * Reading a query's options object (`findMany({ where, take })`,
 * `findAll({ where, limit })`): the literal at an argument position, or a
 * never-reassigned `const q = { ... }` it names. Plugins whose loads take an
 * options object share this; what the keys mean is theirs to say.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Expression, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import { propertyName } from '../../text.js';

export type OptionsArg =
  /** No argument. */
  | { kind: 'none' }
  /** An object literal whose every key is a plain, non-computed name. */
  | { kind: 'object'; node: ObjectExpression; props: ReadonlyMap<string, ObjectProperty> }
  /** `q` with `const q = { ... }` a never-reassigned literal: read, but never edited in place. */
  | { kind: 'ref'; node: Expression; literal: ObjectExpression; props: ReadonlyMap<string, ObjectProperty> }
  /** Anything pushdown cannot read: a spread, a computed key, a call, a parameter. */
  | { kind: 'unknown'; node: Node; reason: string };

export function readOptionsArg(path: NodePath<CallExpression>, index = 0): OptionsArg {
  const arg = path.node.arguments[index];
  if (!arg) return { kind: 'none' };
  if (arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder') return { kind: 'unknown', node: arg, reason: 'spread' };
  if (arg.type === 'ObjectExpression') return readObject(arg);
  if (arg.type === 'Identifier') {
    const binding = path.scope.getBinding(arg.name);
    const decl = binding?.path.node;
    if (binding && binding.constant && binding.kind !== 'param' && decl?.type === 'VariableDeclarator' && decl.init?.type === 'ObjectExpression') {
      const read = readObject(decl.init);
      if (read.kind === 'object') return { kind: 'ref', node: arg, literal: decl.init, props: read.props };
      return read;
    }
    return { kind: 'unknown', node: arg, reason: `held in \`${arg.name}\`, not an object literal pushdown can read` };
  }
  return { kind: 'unknown', node: arg, reason: 'not an object literal' };
}

/** An object literal as options: its plain-named properties, or why it cannot be read. */
export function readObject(obj: ObjectExpression): Extract<OptionsArg, { kind: 'object' | 'unknown' }> {
  const props = new Map<string, ObjectProperty>();
  for (const p of obj.properties) {
    if (p.type !== 'ObjectProperty') return { kind: 'unknown', node: p, reason: p.type === 'SpreadElement' ? 'built with a spread' : 'built with a method' };
    const name = propertyName(p);
    if (name === undefined) return { kind: 'unknown', node: p, reason: 'built with a computed key' };
    if (props.has(name)) return { kind: 'unknown', node: p, reason: `given \`${name}\` twice` };
    props.set(name, p);
  }
  return { kind: 'object', node: obj, props };
}
