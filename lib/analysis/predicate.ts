/**
 * Reading a JavaScript row predicate, `(r) => r.f === v && r.g > 3`, as a
 * conjunction of field tests, neutral to any ORM. Rules hand the tests to a
 * dialect, which says them as a where clause (or cannot).
 *
 * Read: `&&` of
 *   r.f === v, v === r.f, r.f !== v   (and == / != against `null` only)
 *   r.f < v, <=, >, >= (either operand order)
 *   r.f, !r.f                          (a bare field, a flag)
 * where v is a literal, `null`, an identifier or a member chain (`opts.age`),
 * and never reads the row. The row may be destructured (`({ active, age: years })
 * => active && years > 3`), each name then standing for its field. Anything
 * else (`||`, a call, a nested field, a second parameter, a rest or default in
 * the pattern, a block with more than a return) is declined with a reason.
 *
 * For each value it records what the code proves about it without a type
 * checker: a literal, `null`, or a name typed or initialised so it cannot be
 * undefined or null ('typed'); everything else is 'unknown', and the dialect
 * must guard or decline it.
 */
import type { Binding, NodePath } from '@babel/traverse';
import type { Expression, Node, TSType } from '@babel/types';

export type CompareOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

/** What the code proves about a compared value. */
export type ValueProof =
  /** the literal `null` */
  | 'null'
  /** a literal, or a never-reassigned name initialised with one */
  | 'literal'
  /** a name declared with a type that excludes undefined and null (`minAge: number`) */
  | 'typed'
  /** anything else: may be undefined or null as far as pushdown can tell */
  | 'unknown';

export type ValueType = 'string' | 'number' | 'boolean' | 'bigint';

export interface FieldCompare {
  kind: 'compare';
  field: string;
  /** The test's node, for messages. */
  node: Node;
  op: CompareOp;
  value: Expression;
  proof: ValueProof;
  /** The value's JS type, when the code shows it. */
  valueType?: ValueType;
  /** A non-integer numeric literal (cannot equal an Int column). */
  fractional?: boolean;
}

export interface FieldFlag {
  kind: 'flag';
  field: string;
  node: Node;
  /** `!r.f` */
  negated: boolean;
}

export type FieldTest = FieldCompare | FieldFlag;

/** `join`: the predicate reads this variable of an enclosing loop or callback, declared where the rows are not loaded: a join, not a where. */
export type ReadPredicate = { ok: true; tests: FieldTest[]; param: string } | { ok: false; reason: string; join?: string };

export interface ReadPredicateOptions {
  /**
   * The predicate's values will be evaluated here instead (the query stays
   * where the rows were loaded): every name a value reads must be a
   * never-reassigned binding already declared at that point.
   */
  evaluatedAt?: NodePath;
}

const OPS: Record<string, CompareOp> = { '===': 'eq', '!==': 'ne', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };
const FLIP: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', lt: 'gt', lte: 'gte', gt: 'lt', gte: 'lte' };

/** Read the predicate passed to `.filter`, `.some` or `.find`. */
export function readPredicate(fn: NodePath, opts: ReadPredicateOptions = {}): ReadPredicate {
  if (!(fn.isArrowFunctionExpression() || fn.isFunctionExpression())) return { ok: false, reason: 'the predicate is not an inline function' };
  const node = fn.node;
  if (node.async || node.generator) return { ok: false, reason: 'the predicate is async or a generator' };
  if (node.params.length !== 1) return { ok: false, reason: 'the predicate does not take exactly one row parameter' };
  const p0 = node.params[0];
  let param: string;
  let row: Binding | undefined;
  const destructured = new Map<Binding, string>();
  if (p0.type === 'Identifier') {
    param = p0.name;
    row = fn.scope.getBinding(param);
    if (!row) return { ok: false, reason: 'the row parameter is not bound' };
  } else if (p0.type === 'ObjectPattern') {
    // `({ active, age: years }) => active && years > 3`: each name is a field.
    param = '';
    for (const prop of p0.properties) {
      if (prop.type !== 'ObjectProperty' || prop.computed || prop.value.type !== 'Identifier') return { ok: false, reason: 'the row parameter is destructured with a rest, a default or a nested pattern' };
      const key = prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'StringLiteral' ? prop.key.value : undefined;
      const binding = fn.scope.getBinding(prop.value.name);
      if (key === undefined || !binding) return { ok: false, reason: 'the row parameter is destructured with a key pushdown cannot read' };
      destructured.set(binding, key);
    }
  } else return { ok: false, reason: 'the predicate does not take exactly one named row parameter' };
  let body: NodePath = fn.get('body') as NodePath;
  if (body.isBlockStatement()) {
    const stmts = body.get('body');
    if (stmts.length !== 1 || !stmts[0].isReturnStatement() || !stmts[0].node.argument) return { ok: false, reason: 'the predicate body is more than one `return`' };
    body = stmts[0].get('argument') as NodePath;
  }
  const tests: FieldTest[] = [];
  const reader = new Reader(row, destructured, opts);
  const failed = reader.conjunction(body, tests);
  if (failed) return { ok: false, reason: failed, ...(reader.join ? { join: reader.join } : {}) };
  return { ok: true, tests, param };
}

/**
 * A membership test over the rows' values of one field, as a field test:
 * `rows.map((r) => r.f).includes(v)` and `new Set(rows.map((r) => r.f)).has(v)`
 * are `rows.some((r) => r.f === v)` except where SameValueZero and `===`
 * differ, which is only NaN (a float field, or a NaN `v`): the caller keeps
 * float fields out. `mapper` is the `.map` callback, `value` the tested value.
 */
export function readMembership(mapper: NodePath, value: NodePath, opts: ReadPredicateOptions = {}): ReadPredicate {
  if (!(mapper.isArrowFunctionExpression() || mapper.isFunctionExpression())) return { ok: false, reason: 'the map callback is not an inline function' };
  const node = mapper.node;
  if (node.async || node.generator || node.params.length !== 1 || node.params[0].type !== 'Identifier') return { ok: false, reason: 'the map callback does not take exactly one named row parameter' };
  const param = node.params[0].name;
  const row = mapper.scope.getBinding(param);
  if (!row) return { ok: false, reason: 'the row parameter is not bound' };
  let body: NodePath = mapper.get('body') as NodePath;
  if (body.isBlockStatement()) {
    const stmts = body.get('body');
    if (stmts.length !== 1 || !stmts[0].isReturnStatement() || !stmts[0].node.argument) return { ok: false, reason: 'the map callback body is more than one `return`' };
    body = stmts[0].get('argument') as NodePath;
  }
  if (!value.isExpression()) return { ok: false, reason: 'the tested value is not an expression' };
  return new Reader(row, new Map(), opts).membership(body, value as NodePath<Expression>, param);
}

class Reader {
  /** A variable of an enclosing loop or callback the predicate reads, out of the load's scope. */
  join?: string;

  constructor(
    private readonly row: Binding | undefined,
    /** Names bound by destructuring the row, to their field. */
    private readonly destructured: ReadonlyMap<Binding, string>,
    private readonly opts: ReadPredicateOptions,
  ) {}

  /** `r.f` tested for equality with `value` (a membership test). */
  membership(body: NodePath, valuePath: NodePath<Expression>, param: string): ReadPredicate {
    const field = this.field(body);
    if (typeof field !== 'string') return { ok: false, reason: field?.reason ?? 'the map callback does not return a field of the row' };
    if (this.readsRow(valuePath)) return { ok: false, reason: 'the tested value reads the row' };
    const value = this.value(valuePath);
    if ('reason' in value) return { ok: false, reason: value.reason };
    return { ok: true, param, tests: [{ kind: 'compare', field, node: valuePath.node, op: 'eq', value: valuePath.node, ...value }] };
  }

  /** Appends the tests of `path`; returns a reason when it cannot be read. */
  conjunction(path: NodePath, out: FieldTest[]): string | undefined {
    const n = path.node;
    if (path.isLogicalExpression()) {
      if (path.node.operator !== '&&') return `it uses \`${path.node.operator}\`, and only \`&&\` of field tests becomes a where clause`;
      return this.conjunction(path.get('left'), out) ?? this.conjunction(path.get('right'), out);
    }
    if (path.isUnaryExpression({ operator: '!' })) {
      const arg = path.get('argument');
      if (arg.isUnaryExpression({ operator: '!' })) {
        const field = this.field(arg.get('argument'));
        if (typeof field === 'string') return void out.push({ kind: 'flag', field, node: n, negated: false });
      }
      const field = this.field(arg);
      if (typeof field === 'string') return void out.push({ kind: 'flag', field, node: n, negated: true });
      return field?.reason ?? 'it negates something other than a field';
    }
    if (path.isBinaryExpression()) return this.comparison(path, out);
    const field = this.field(path);
    if (typeof field === 'string') return void out.push({ kind: 'flag', field, node: n, negated: false });
    if (field) return field.reason;
    return describe(n);
  }

  private comparison(path: NodePath<import('@babel/types').BinaryExpression>, out: FieldTest[]): string | undefined {
    const { operator } = path.node;
    const left = path.get('left') as NodePath;
    const right = path.get('right') as NodePath;
    const lf = this.field(left);
    const rf = this.field(right);
    if (typeof lf === 'string' && typeof rf === 'string') return 'it compares two fields of the row with each other';
    const fieldSide = typeof lf === 'string' ? lf : typeof rf === 'string' ? rf : undefined;
    if (fieldSide === undefined) return (typeof lf === 'object' && lf?.reason) || (typeof rf === 'object' && rf?.reason) || 'it has a test that reads no field of the row';
    const valuePath = (typeof lf === 'string' ? right : left) as NodePath<Expression>;
    let op = OPS[operator];
    if (operator === '==' || operator === '!=') {
      if (valuePath.node.type !== 'NullLiteral') return `it compares with \`${operator}\`, which converts types; only \`===\`/\`!==\` (or \`${operator} null\`) become a where clause`;
      op = operator === '==' ? 'eq' : 'ne';
    }
    if (!op) return `it uses \`${operator}\``;
    if (typeof lf !== 'string') op = FLIP[op];
    const value = this.value(valuePath);
    if ('reason' in value) return value.reason;
    out.push({ kind: 'compare', field: fieldSide, node: path.node, op, value: valuePath.node, ...value });
    return undefined;
  }

  /** `r.f` -> 'f'; undefined when it does not read the row at all; a reason when it reads it some other way. */
  private field(path: NodePath): string | { reason: string } | undefined {
    const n = unwrapTS(path).node;
    if (n.type === 'Identifier') {
      const binding = unwrapTS(path).scope.getBinding(n.name);
      const name = binding && this.destructured.get(binding);
      if (name !== undefined) return name;
    }
    if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
      const obj = n.object;
      const objPath = unwrapTS(path).get('object') as NodePath;
      if (obj.type === 'Identifier' && this.row !== undefined && objPath.scope.getBinding(obj.name) === this.row) {
        if (!n.computed && n.property.type === 'Identifier') return n.property.name;
        if (n.computed && n.property.type === 'StringLiteral') return n.property.value;
        return { reason: 'it reads a field by a computed key' };
      }
      if (this.readsRow(path)) return { reason: 'it reads a nested or computed property of the row' };
      return undefined;
    }
    if (this.readsRow(path)) return { reason: n.type === 'CallExpression' || n.type === 'OptionalCallExpression' ? 'it calls a function' : `it uses the row in a ${n.type}` };
    return undefined;
  }

  private isRow(path: NodePath): boolean {
    if (!path.isIdentifier()) return false;
    const binding = path.scope.getBinding(path.node.name);
    return binding !== undefined && (binding === this.row || this.destructured.has(binding));
  }

  private readsRow(path: NodePath): boolean {
    if (this.isRow(path)) return true;
    let found = false;
    path.traverse({
      Identifier: (p) => {
        if (this.isRow(p)) {
          found = true;
          p.stop();
        }
      },
    });
    return found;
  }

  private value(path: NodePath<Expression>): { proof: ValueProof; valueType?: ValueType; fractional?: boolean } | { reason: string } {
    const n = path.node;
    switch (n.type) {
      case 'NullLiteral':
        return { proof: 'null' };
      case 'StringLiteral':
        return { proof: 'literal', valueType: 'string' };
      case 'BooleanLiteral':
        return { proof: 'literal', valueType: 'boolean' };
      case 'BigIntLiteral':
        return { proof: 'literal', valueType: 'bigint' };
      case 'NumericLiteral':
        return { proof: 'literal', valueType: 'number', fractional: !Number.isInteger(n.value) };
      case 'TemplateLiteral':
        if (n.expressions.length === 0) return { proof: 'literal', valueType: 'string' };
        return { reason: 'it compares with a template literal that interpolates' };
      case 'UnaryExpression':
        if (n.operator === '-' && n.argument.type === 'NumericLiteral') return { proof: 'literal', valueType: 'number', fractional: !Number.isInteger(n.argument.value) };
        return { reason: `it compares with a \`${n.operator}\` expression` };
      case 'Identifier':
        return this.name(path as NodePath<import('@babel/types').Identifier>);
      case 'MemberExpression':
      case 'OptionalMemberExpression':
      case 'TSNonNullExpression':
        return this.chain(path);
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression':
        return { reason: 'it compares with the result of a function call, evaluated once per row' };
      default:
        return { reason: `it compares with a ${n.type}` };
    }
  }

  private name(path: NodePath<import('@babel/types').Identifier>): { proof: ValueProof; valueType?: ValueType; fractional?: boolean } | { reason: string } {
    const name = path.node.name;
    const binding = path.scope.getBinding(name);
    if (binding && (binding === this.row || this.destructured.has(binding))) return { reason: 'it compares with the row itself' };
    if (!binding) {
      if (name === 'undefined' || name === 'NaN' || name === 'Infinity') return { reason: `it compares with \`${name}\`` };
      return this.opts.evaluatedAt ? { reason: `it reads \`${name}\`, which is not declared in this file` } : { proof: 'unknown' };
    }
    if (this.opts.evaluatedAt) {
      const at = this.opts.evaluatedAt;
      if (at.scope.getBinding(name) !== binding) {
        if (binding.kind === 'param' || binding.path.parentPath?.parentPath?.isForXStatement()) this.join ??= name;
        return { reason: `it reads \`${name}\`, which is not in scope where the rows are loaded` };
      }
      if (!binding.constant) return { reason: `it reads \`${name}\`, which is reassigned` };
      const declEnd = binding.kind === 'param' ? 0 : (binding.path.node.end ?? 0);
      if (declEnd > (at.node.start ?? 0)) return { reason: `it reads \`${name}\`, which is declared after the rows are loaded` };
    }
    return binding.constant ? proofOf(binding) : { proof: 'unknown' };
  }

  private chain(path: NodePath): { proof: ValueProof } | { reason: string } {
    let p = path;
    for (;;) {
      const n = p.node;
      if (n.type === 'TSNonNullExpression') {
        p = p.get('expression') as NodePath;
        continue;
      }
      if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
        if (n.computed && n.property.type !== 'StringLiteral' && n.property.type !== 'NumericLiteral') return { reason: 'it compares with a property read by a computed key' };
        p = p.get('object') as NodePath;
        continue;
      }
      break;
    }
    if (p.isThisExpression()) return this.opts.evaluatedAt ? { reason: 'it reads `this`, which may differ where the rows are loaded' } : { proof: 'unknown' };
    if (!p.isIdentifier()) return { reason: `it compares with a property of a ${p.node.type}` };
    const base = this.name(p);
    if ('reason' in base) return base;
    return { proof: 'unknown' };
  }
}

/** What a never-reassigned binding's declaration proves about its value. */
function proofOf(binding: Binding): { proof: ValueProof; valueType?: ValueType; fractional?: boolean } {
  const id = binding.identifier;
  const declared = keywordType((id.typeAnnotation?.type === 'TSTypeAnnotation' && id.typeAnnotation.typeAnnotation) || undefined);
  if (binding.kind === 'param') {
    if (id.optional) return { proof: 'unknown' };
    return declared ? { proof: 'typed', valueType: declared } : { proof: 'unknown' };
  }
  const decl = binding.path.node;
  if (decl.type === 'VariableDeclarator' && decl.id === id) {
    if (declared) return { proof: 'typed', valueType: declared };
    const init = decl.init;
    if (init?.type === 'StringLiteral') return { proof: 'literal', valueType: 'string' };
    if (init?.type === 'NumericLiteral') return { proof: 'literal', valueType: 'number', fractional: !Number.isInteger(init.value) };
    if (init?.type === 'BooleanLiteral') return { proof: 'literal', valueType: 'boolean' };
  }
  return { proof: 'unknown' };
}

/** `number`, `string`, `boolean`, `bigint`, or a literal type of one: types that exclude undefined and null. */
export function keywordType(t: TSType | undefined): ValueType | undefined {
  if (!t) return undefined;
  switch (t.type) {
    case 'TSNumberKeyword':
      return 'number';
    case 'TSStringKeyword':
      return 'string';
    case 'TSBooleanKeyword':
      return 'boolean';
    case 'TSBigIntKeyword':
      return 'bigint';
    case 'TSLiteralType': {
      const l = t.literal;
      if (l.type === 'StringLiteral' || l.type === 'TemplateLiteral') return 'string';
      if (l.type === 'NumericLiteral') return 'number';
      if (l.type === 'BooleanLiteral') return 'boolean';
      if (l.type === 'BigIntLiteral') return 'bigint';
      return l.type === 'UnaryExpression' ? 'number' : undefined;
    }
    case 'TSUnionType': {
      const kinds = t.types.map(keywordType);
      return kinds.every((k) => k !== undefined && k === kinds[0]) ? kinds[0] : undefined;
    }
    default:
      return undefined;
  }
}

function unwrapTS(path: NodePath): NodePath {
  let p = path;
  while (p.isTSNonNullExpression() || p.isTSAsExpression() || p.isTSSatisfiesExpression()) p = p.get('expression') as NodePath;
  return p;
}

function describe(n: Node): string {
  if (n.type === 'CallExpression' || n.type === 'OptionalCallExpression') return 'it calls a function';
  if (n.type === 'ConditionalExpression') return 'it uses a conditional';
  return `it is a ${n.type}, not a conjunction of field tests`;
}
