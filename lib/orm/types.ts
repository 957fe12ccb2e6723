/**
 * A dialect knows one ORM: what a "load every row" call looks like, and how to
 * say count / exists / first / batches / select / aggregate in it. It knows no
 * usage patterns; rules ask it. A dialect that cannot say a thing safely
 * answers `{ ok: false }` with the reason, and the rule reports a finding.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Expression, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import type { RuleContext } from '../rule.js';
import type { FieldTest } from '../analysis/predicate.js';
import type { EditTier } from '../types.js';

export type LoadArgs =
  /** `findMany()` */
  | { kind: 'none' }
  /** `findMany({ where, ... })`: every key is a plain, non-computed name. */
  | { kind: 'object'; node: ObjectExpression; props: ReadonlyMap<string, ObjectProperty> }
  /** `findMany(q)` with `const q = { ... }` a never-reassigned literal: read, but never edited in place. */
  | { kind: 'ref'; node: Expression; literal: ObjectExpression; props: ReadonlyMap<string, ObjectProperty> }
  /** Anything pushdown cannot read: a spread, a computed key, a call, a parameter. */
  | { kind: 'unknown'; node: Node; reason: string };

/** A call that loads every row matching its arguments into memory. */
export interface Load {
  dialect: Dialect;
  call: NodePath<CallExpression>;
  /** The model delegate or repository the call is made on, e.g. `tx.user`. Never changed by a rewrite. */
  receiver: Expression;
  /** The model's name as the receiver spells it (`user`). */
  model: string;
  method: string;
  args: LoadArgs;
}

/** What a dialect says: code to emit, or why it cannot. */
export type Emit =
  | { ok: true; code: string; tier?: EditTier; note?: string }
  | { ok: false; reason: string; suggestion: string };

export interface LoadShape {
  /** The query fixes the order of its rows. */
  ordered: boolean;
  /** The query filters its rows. */
  filtered: boolean;
  /** The query caps how many rows come back. */
  limited: boolean;
}

export interface Dialect {
  name: string;
  /** Method names a load call uses; a file naming none of them is never parsed. */
  readonly methodNames: readonly string[];
  /** Is this call a whole-table load? */
  matchLoad(path: NodePath<CallExpression>, ctx: RuleContext): Load | null;
  /** An expression (without `await`) that resolves to the number of rows the load would return. */
  count(load: Load, ctx: RuleContext): Emit;
  /** What the load's arguments say about its rows, as far as they can be read (unknown arguments: all false). */
  loadShape(load: Load): LoadShape;
  /** An expression (without `await`) that resolves to the first row the load would return, or null when it returns none. */
  findFirst?(load: Load, ctx: RuleContext): Emit;
  /** How to walk the load's rows in keyset batches: the batch query and the key, or why it cannot. */
  keysetBatches?(load: Load, ctx: RuleContext, batchSize: number): KeysetEmit;
  /** Does the load's filter pin its key or a unique field to a list of values (or one value), so it returns at most that many rows? */
  keyBounded?(load: Load, ctx: RuleContext): boolean;
  /**
   * What the load's arguments say about how many rows come back (see
   * LoadBoundFact); undefined when nothing bounds them. Read for findings
   * only, so arguments with spreads are read as far as they show.
   */
  loadBound?(load: Load, ctx: RuleContext): LoadBoundFact | undefined;
  /** The load call narrowed to `fields` (a projection), or the call's own text when it already is. */
  select?(load: Load, ctx: RuleContext, fields: readonly string[]): Emit;
  /** An expression, with its own `await`, for the sum/min/max of `field` over the load's rows: null when there are none or all are NULL. */
  aggregate?(load: Load, ctx: RuleContext, op: AggregateOp, field: string): Emit;
  /** A boolean expression, with its own `await`, true when the load (narrowed by `tests`) returns some row, or none with `empty`. */
  exists?(load: Load, ctx: RuleContext, opts: { empty: boolean; tests?: readonly FieldTest[] }): Emit;
  /** An expression (without `await`) resolving to the number of rows the load would return, capped at `bound`. */
  boundedCount?(load: Load, ctx: RuleContext, bound: number): Emit;
  /** The load call (without `await`) with `tests` added to what it filters on. */
  narrow?(load: Load, ctx: RuleContext, tests: readonly FieldTest[]): Emit;
}

/**
 * limited: a take/limit caps the rows; key: the key or a unique field is
 * pinned; list: a field is pinned to a list computed at run time (`in: ids`);
 * page: the rows start past a cursor the enclosing loop moves on; scoped: a
 * foreign key is pinned to one value (the rows of one parent row).
 */
export type LoadBoundFact = 'limited' | 'key' | 'list' | 'page' | 'scoped';

export type AggregateOp = 'sum' | 'min' | 'max';

/** Keyset-batched iteration, as the dialect says it; the rule builds the loops around it. */
export interface KeysetPlan {
  /** What the loop remembers between batches: `after` (the last key) or `last` (the last row, for a composite keyset). */
  cursorName: string;
  /** Its TypeScript type (`number`, `{ age: number; id: number }`). */
  cursorType: string;
  /** The batch query (without `await`), reading the cursor from `cursor` (undefined before the first batch). */
  query(cursor: string, indent: string): string;
  /** The cursor to remember after a batch whose last row is `row`: `row.id`, or the row itself. */
  cursorOf(row: string): string;
  /** The row fields the next batch starts from (the key, and any ordered fields): the loop must not change them. */
  keyFields: readonly string[];
  /** How the batches are ordered, for the message: `id ascending`. */
  order: string;
  tier?: EditTier;
  /** Assumptions the message must mention (no schema: the key is assumed). */
  note?: string;
}

export type KeysetEmit = ({ ok: true } & KeysetPlan) | { ok: false; reason: string; suggestion: string };
