/**
 * The ordered registry of rules. Order matters: every selected rule runs, in
 * this order, on the one AST of a file, so a rule that narrows a query
 * (filter-to-where) comes before the rules that consume its result.
 */
import type { Rule } from '../lib/rule.js';
import { rule as filterToWhere } from './filter-to-where.js';
import { rule as lengthCheckToExists } from './length-check-to-exists.js';
import { rule as lengthToCount } from './length-to-count.js';
import { rule as loopToBatches } from './loop-to-batches.js';
import { rule as loopQueryToIn } from './loop-query-to-in.js';
import { rule as indexToFindFirst } from './index-to-find-first.js';
import { rule as mapToSelect } from './map-to-select.js';
import { rule as reduceToAggregate } from './reduce-to-aggregate.js';

export const rules: readonly Rule[] = [filterToWhere, lengthCheckToExists, lengthToCount, indexToFindFirst, loopToBatches, loopQueryToIn, mapToSelect, reduceToAggregate];

export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
