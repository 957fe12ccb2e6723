/**
 * lib/precedence.ts reads the precedence of a call or member chain without
 * parsing it: wherever that scanner answers, the parser must agree.
 */
import { parseExpression } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { chainPrecedence, precedenceOf } from '../lib/precedence.js';

const parsed = (code: string) => {
  try {
    const node = parseExpression(code, { plugins: ['typescript'], allowAwaitOutsideFunction: true });
    return { prec: precedenceOf(node), type: node.type };
  } catch {
    return undefined;
  }
};

describe('chainPrecedence', () => {
  const chains = [
    'await prisma.user.count({ where: { id: { gt: 1 } } })',
    'prisma.user.count()',
    'a.b',
    'a?.b',
    'a!.b',
    'a[0]',
    'a(b)(c)',
    'await  a.b()',
    "a.b('x)')",
    'a.b("y]", \'\\\'\')',
    'a.b((c) => c)',
    'a.b({ x: [1, 2] })[3]',
    'this.repo.count({})',
    'await this.repo.exists({ where })',
    'a!',
    'a.b(c).d?.e(f)',
    'repo.findOne({ where: { id: In([1, 2]) }, order: { id: "DESC" } })',
  ];
  it.each(chains)('reads %j as the parser does', (code) => {
    const fast = chainPrecedence(code);
    expect(fast, 'the scanner should answer for a chain').toBeDefined();
    const slow = parsed(code);
    expect(slow).toBeDefined();
    expect(fast!.prec).toBe(slow!.prec);
    expect(fast!.node.type === 'AwaitExpression').toBe(slow!.type === 'AwaitExpression');
  });

  const leftToParser = ['a', 'await a', 'new A().b', 'typeof a.b', 'yield(a)', 'a.b + c', 'a.b(c) || d', 'a.b(`t`)', 'a.b(/x/)', 'a.b(', 'a.b)', 'a.b(c]', 'a != b', 'async(x)', 'a . b', 'a.b\n.c', 'a.b ? c : d', 'x = a.b()', "a.b('unterminated)", '(a, b)'];
  it.each(leftToParser)('leaves %j to the parser', (code) => {
    expect(chainPrecedence(code)).toBeUndefined();
  });
});
