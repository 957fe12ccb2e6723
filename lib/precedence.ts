/**
 * Replacing an expression with new code, parenthesised only where the new
 * code binds looser than its place needs. The code's own precedence is read
 * by parsing it, so callers never have to know what a dialect emitted.
 */
import { parseSnippet } from './parse.js';
import type { NodePath } from '@babel/traverse';
import type { Expression, Node } from '@babel/types';
import type { RuleContext, TextEdit } from './rule.js';

const BINARY: Record<string, number> = {
  '??': 3,
  '||': 4,
  '&&': 5,
  '|': 6,
  '^': 7,
  '&': 8,
  '==': 9,
  '!=': 9,
  '===': 9,
  '!==': 9,
  '<': 10,
  '<=': 10,
  '>': 10,
  '>=': 10,
  instanceof: 10,
  in: 10,
  '<<': 11,
  '>>': 11,
  '>>>': 11,
  '+': 12,
  '-': 12,
  '*': 13,
  '/': 13,
  '%': 13,
  '**': 14,
};

const UNARY = 15;
const POSTFIX = 16;
const MEMBER = 17;
const PRIMARY = 18;
const ASSIGNMENT = 2;

/** The precedence of an expression's top-level operator. */
export function precedenceOf(node: Node): number {
  if ((node as { extra?: { parenthesized?: boolean } }).extra?.parenthesized) return PRIMARY;
  switch (node.type) {
    case 'SequenceExpression':
      return 0;
    case 'AssignmentExpression':
    case 'ArrowFunctionExpression':
    case 'ConditionalExpression':
    case 'YieldExpression':
      return ASSIGNMENT;
    case 'LogicalExpression':
    case 'BinaryExpression':
      return BINARY[node.operator] ?? 0;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return 10;
    case 'UnaryExpression':
    case 'AwaitExpression':
      return UNARY;
    case 'UpdateExpression':
      return POSTFIX;
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'MemberExpression':
    case 'OptionalMemberExpression':
    case 'NewExpression':
    case 'TSNonNullExpression':
      return MEMBER;
    default:
      return PRIMARY;
  }
}

function codePrecedence(code: string): { prec: number; node?: Pick<Expression, 'type'> & { operator?: string } } {
  const chain = chainPrecedence(code);
  if (chain) return chain;
  const node = parseSnippet(code, true);
  return node ? { prec: precedenceOf(node), node } : { prec: 0 };
}

const NOT_A_CALLEE = new Set(['await', 'yield', 'typeof', 'void', 'delete', 'new', 'function', 'class', 'async', 'let', 'in', 'instanceof', 'of']);

/**
 * The precedence of code that is a call or member chain (`a.b.c(...)[k]!`),
 * awaited or not, read without parsing: most rewrites emit one, and a file with
 * tens of thousands of them spent more time parsing these snippets than in the
 * rule. Inside brackets only strings are skipped; anything this scanner is not
 * sure of (a template, a slash, a keyword, an operator at the top level) is left
 * to the parser (undefined).
 */
export function chainPrecedence(code: string): { prec: number; node: { type: 'AwaitExpression' | 'CallExpression' } } | undefined {
  let at = 0;
  let awaited = false;
  if (code.startsWith('await ')) {
    awaited = true;
    at = 6;
    while (code.charCodeAt(at) === 32) at++;
  }
  const ident = /^[A-Za-z_$][\w$]*/.exec(code.slice(at, at + 200));
  if (!ident || NOT_A_CALLEE.has(ident[0])) return undefined;
  at += ident[0].length;
  let suffixes = 0;
  while (at < code.length) {
    const c = code[at];
    if (c === '.' || (c === '?' && code[at + 1] === '.')) {
      at += c === '.' ? 1 : 2;
      const name = /^[A-Za-z_$][\w$]*/.exec(code.slice(at, at + 200));
      if (!name) return undefined;
      at += name[0].length;
    } else if (c === '!' && code[at + 1] !== '=') {
      at++;
    } else if (c === '(' || c === '[') {
      const end = closing(code, at);
      if (end === -1) return undefined;
      at = end + 1;
    } else return undefined;
    suffixes++;
  }
  if (suffixes === 0) return undefined;
  return awaited ? { prec: UNARY, node: { type: 'AwaitExpression' } } : { prec: MEMBER, node: { type: 'CallExpression' } };
}

/** The index of the bracket closing the one at `open`; -1 when unbalanced or when a template or a slash makes plain scanning unsure. */
function closing(code: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') stack.push(c === '(' ? ')' : c === '[' ? ']' : '}');
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    } else if (c === "'" || c === '"') {
      for (i++; i < code.length && code[i] !== c; i++) {
        if (code[i] === '\\') i++;
        else if (code[i] === '\n') return -1;
      }
      if (i >= code.length) return -1;
    } else if (c === '`' || c === '/') return -1;
  }
  return -1;
}

/** The least precedence an expression needs to stand in `path`'s place without parentheses. */
export function slotNeeds(path: NodePath): number {
  const parent = path.parentPath;
  if (!parent) return ASSIGNMENT;
  const p = parent.node;
  const n = path.node;
  switch (p.type) {
    case 'ExpressionStatement':
    case 'SequenceExpression':
      return ASSIGNMENT;
    case 'VariableDeclarator':
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'SwitchStatement':
    case 'SwitchCase':
    case 'TemplateLiteral':
    case 'ArrayExpression':
    case 'ObjectProperty':
    case 'SpreadElement':
    case 'AssignmentPattern':
    case 'JSXExpressionContainer':
      return ASSIGNMENT;
    case 'AssignmentExpression':
      return p.right === n ? ASSIGNMENT : PRIMARY;
    case 'ArrowFunctionExpression':
      return p.body === n ? ASSIGNMENT : PRIMARY;
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
      return p.callee === n ? MEMBER : ASSIGNMENT;
    case 'ConditionalExpression':
      return p.test === n ? BINARY['||'] : ASSIGNMENT;
    case 'LogicalExpression': {
      // `a && b && c` means the same however it groups; `??` never mixes with `&&`/`||` unparenthesised.
      const own = BINARY[p.operator];
      return p.operator === '??' ? BINARY['|'] : own;
    }
    case 'BinaryExpression': {
      const own = BINARY[p.operator] ?? PRIMARY;
      if (p.operator === '**') return p.left === n ? UNARY + 1 : own;
      return p.left === n ? own : own + 1;
    }
    case 'UnaryExpression':
    case 'AwaitExpression':
      return UNARY;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return 11;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return p.object === n ? MEMBER : ASSIGNMENT;
    case 'TSNonNullExpression':
    case 'TaggedTemplateExpression':
    case 'UpdateExpression':
      return MEMBER;
    default:
      return PRIMARY;
  }
}

/** Replace the expression at `path` with `code`, adding parentheses only when its place needs them. */
export function replaceExpression(ctx: RuleContext, path: NodePath, code: string): TextEdit {
  const node = path.node;
  const { prec, node: parsed } = codePrecedence(code);
  let needs = slotNeeds(path);
  // `a || b && c` is valid but reads as a trap: parenthesise `&&` inside `||`.
  const parent = path.parentPath?.node;
  if (parent?.type === 'LogicalExpression' && parent.operator === '||' && parsed?.type === 'LogicalExpression' && parsed.operator === '&&') needs = BINARY['||'] + 2;
  if (parent?.type === 'LogicalExpression' && parent.operator !== '??' && parsed?.type === 'LogicalExpression' && parsed.operator === '??') needs = PRIMARY;
  // `(await x) === 1` reads better than `await x === 1`, though both parse the same.
  if (parent?.type === 'BinaryExpression' && parsed?.type === 'AwaitExpression') needs = PRIMARY;
  const wrap = prec < needs && !isParenthesized(node);
  return { start: node.start ?? 0, end: node.end ?? 0, text: wrap ? `(${code})` : code };
}

/** Did the source already wrap this node in parentheses (which stay when the node is replaced)? */
export function isParenthesized(node: Node): boolean {
  return (node as { extra?: { parenthesized?: boolean } }).extra?.parenthesized === true;
}
