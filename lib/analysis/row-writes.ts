/** Writes a loop makes to the fields of its own row. */
import type { Binding, NodePath } from '@babel/traverse';
import type { Node } from '@babel/types';

/**
 * The first `row.f = …`, `row.f++`, `delete row.f` in `body` for a field f in
 * `fields` (or `row[k] = …`, which may be any field), as text (`u.id`); the
 * row is `rowName` bound to `row` (a shadowing name is not the row).
 */
export function writtenRowField(body: NodePath, rowName: string, row: Binding | undefined, fields: readonly string[] | ReadonlySet<string>): string | undefined {
  const has = (name: string) => (Array.isArray(fields) ? fields.includes(name) : (fields as ReadonlySet<string>).has(name));
  let found: string | undefined;
  const check = (target: Node, at: NodePath) => {
    if (target.type !== 'MemberExpression' && target.type !== 'OptionalMemberExpression') return;
    if (target.object.type !== 'Identifier' || target.object.name !== rowName || at.scope.getBinding(rowName) !== row) return;
    const prop = target.property;
    const name = !target.computed && prop.type === 'Identifier' ? prop.name : prop.type === 'StringLiteral' ? prop.value : undefined;
    if (name === undefined) found ??= `${rowName}[…]`;
    else if (has(name)) found ??= `${rowName}.${name}`;
  };
  const n = body.node;
  if (n.type === 'AssignmentExpression') check(n.left, body);
  if (n.type === 'UpdateExpression' || (n.type === 'UnaryExpression' && n.operator === 'delete')) check(n.argument, body);
  body.traverse({
    AssignmentExpression(p) {
      check(p.node.left, p);
    },
    UpdateExpression(p) {
      check(p.node.argument, p);
    },
    UnaryExpression(p) {
      if (p.node.operator === 'delete') check(p.node.argument, p);
    },
  });
  return found;
}
