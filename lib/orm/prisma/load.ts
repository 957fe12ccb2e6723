/** What the Prisma dialect reads off a load, and its view of the rule options. */
import type { Expression } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import type { OrmFacts } from '../core/facts.js';
import type { Load } from '../core/types.js';
import type { OptionsArg } from '../core/options-arg.js';

export const PRISMA_ID = 'prisma';

/** The findMany options argument, as read (lib/orm/core/options-arg.ts). */
export type LoadArgs = OptionsArg;

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
