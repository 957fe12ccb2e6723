import type { RuleContext } from '../rule.js';
import type { AggregateOp, Emit, Load } from './types.js';

export function prismaAggregate(load: Load, ctx: RuleContext, op: AggregateOp, field: string): Emit {
  void load; void ctx; void op; void field;
  return { ok: false, reason: 'not yet', suggestion: 'not yet' };
}
