/** What the Prisma dialect reads off a load, and its view of the rule options. */
import type { Expression, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import type { OrmFacts } from '../core/facts.js';
import type { Load } from '../core/types.js';

export const PRISMA_ID = 'prisma';

export type LoadArgs =
  /** `findMany()` */
  | { kind: 'none' }
  /** `findMany({ where, ... })`: every key is a plain, non-computed name. */
  | { kind: 'object'; node: ObjectExpression; props: ReadonlyMap<string, ObjectProperty> }
  /** `findMany(q)` with `const q = { ... }` a never-reassigned literal: read, but never edited in place. */
  | { kind: 'ref'; node: Expression; literal: ObjectExpression; props: ReadonlyMap<string, ObjectProperty> }
  /** Anything pushdown cannot read: a spread, a computed key, a call, a parameter. */
  | { kind: 'unknown'; node: Node; reason: string };

/** `<client>.<delegate>.findMany(args?)`. */
export interface PrismaLoad extends Load {
  /** The model delegate the call is made on, e.g. `tx.user`. Never changed by a rewrite. */
  receiver: Expression;
  method: string;
  args: LoadArgs;
}

/** The schema facts governing the file, when one was found. */
export function prismaFacts(ctx: RuleContext): OrmFacts | undefined {
  return ctx.options.orm?.[PRISMA_ID]?.facts;
}

/** Does the project define result extensions (`$extends({ result })`): computed fields a projection could drop? */
export function hasResultExtensions(ctx: RuleContext): boolean {
  return ctx.options.orm?.[PRISMA_ID]?.flags?.resultExtensions === true;
}
