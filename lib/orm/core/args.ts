/**
 * Reading a load's options argument, for plugins whose loads take an options
 * object (Prisma's `findMany(args)`, TypeORM's `find(options)`): an object
 * literal with plain keys, a never-reassigned `const` bound to one (read, but
 * never edited in place), or something pushdown cannot read, with why.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Expression, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import { propertyName } from '../../text.js';

export type OptionsArg =
  /** No argument. */
  | { kind: 'none' }
  /** `{ where, ... }`: every key is a plain, non-computed name. */
  | { kind: 'object'; node: ObjectExpression; props: ReadonlyMap<string, ObjectProperty> }
  /** `q` with `const q = { ... }` a never-reassigned literal: read, but never edited in place. */
  | { kind: 'ref'; node: Expression; literal: ObjectExpression; props: ReadonlyMap<string, ObjectProperty> }
  /** Anything pushdown cannot read: a spread, a computed key, a call, a parameter. */
  | { kind: 'unknown'; node: Node; reason: string };

/** The call's argument at `index`, read as an options object. */
export function readOptionsArgument(path: NodePath<CallExpression>, index = 0): OptionsArg {
  const arg = path.node.arguments[index];
  if (!arg) return { kind: 'none' };
  if (arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder') return { kind: 'unknown', node: arg, reason: 'spread' };
  if (arg.type === 'ObjectExpression') return readOptionsObject(arg);
  if (arg.type === 'Identifier') {
    const binding = path.scope.getBinding(arg.name);
    const decl = binding?.path.node;
    if (binding && binding.constant && binding.kind !== 'param' && decl?.type === 'VariableDeclarator' && decl.init?.type === 'ObjectExpression') {
      const read = readOptionsObject(decl.init);
      if (read.kind === 'object') return { kind: 'ref', node: arg, literal: decl.init, props: read.props };
      return read;
    }
    return { kind: 'unknown', node: arg, reason: `held in \`${arg.name}\`, not an object literal pushdown can read` };
  }
  return { kind: 'unknown', node: arg, reason: 'not an object literal' };
}

export function readOptionsObject(obj: ObjectExpression): OptionsArg {
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
