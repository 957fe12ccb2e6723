/** Reading an object literal argument (a query's options) into its plain-named properties, for any plugin. */
import type { Node, ObjectExpression, ObjectProperty } from '@babel/types';
import { propertyName } from '../../text.js';

export type ObjectRead =
  /** Every key a plain, non-computed name, each given once. */
  | { kind: 'object'; node: ObjectExpression; props: ReadonlyMap<string, ObjectProperty> }
  /** A spread, a method, a computed or repeated key: pushdown cannot tell what the object holds. */
  | { kind: 'unknown'; node: Node; reason: string };

export function readObjectLiteral(obj: ObjectExpression): ObjectRead {
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
