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
  /** Is this call a query that reads rows by fields pinned to single values (the per-row query of an N+1 loop)? */
  matchKeyedQuery?(path: NodePath<CallExpression>, ctx: RuleContext): KeyedQuery | null;
  /** Does every row of `load` carry `field` as a defined, non-null value? Its type, and whether the rows' values are distinct. */
  rowKey?(load: Load, ctx: RuleContext, field: string): RowKeyEmit;
  /** One query for the rows `query` reads for every key of a list, instead of one key. */
  inQuery?(query: KeyedQuery, ctx: RuleContext, field: string): InQueryEmit;
  /** Is this call a query that writes (or may write), or one that only reads? undefined: not a query this dialect knows. */
  queryKind?(path: NodePath<CallExpression>, ctx: RuleContext): 'read' | 'write' | undefined;
}

/** A query whose filter pins fields to single values, e.g. the rows whose foreign key equals one parent's id. */
export interface KeyedQuery {
  dialect: Dialect;
  call: NodePath<CallExpression>;
  /** The model delegate the call is made on, e.g. `tx.post`. Never changed by a rewrite. */
  receiver: Expression;
  model: string;
  /** 'rows': every matching row, as a list; 'row': one row, or null when none matches. */
  returns: 'rows' | 'row';
  /** The fields the filter pins to one value each, and the value expressions. */
  pins: ReadonlyArray<{ field: string; value: NodePath<Expression> }>;
}

/** A key field as the rows of a load carry it. */
export type RowKeyEmit =
  | {
      ok: true;
      /** The field's type, comparable between models (`Int`). */
      type: string;
      /** No two rows of the load share a value. */
      distinct: boolean;
    }
  | { ok: false; reason: string; suggestion: string };

export type InQueryEmit =
  | {
      ok: true;
      /** The query (without `await`) for the keys in `keys`, the source text of an array. */
      query(keys: string): string;
      /**
       * The most keys one such query may carry, when the caller must split the
       * list (the database's parameter limit, and the ORM does not split it).
       */
      chunk?: number;
      /** The key field's type, comparable with RowKeyEmit.type (`Int`). */
      type: string;
      /** The key's TypeScript type (`number`), for the Map that groups the rows. */
      tsType: string;
      /** Is the field unique among the rows the query reads? Then a key has at most one row. */
      unique: boolean;
      tier?: EditTier;
      /** What a reviewer must check (order of ties, collation...). */
      notes: string[];
    }
  | { ok: false; reason: string; suggestion: string };

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
