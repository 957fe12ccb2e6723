/**
 * The plugin contract: everything pushdown knows about one ORM, behind one
 * object exported by `lib/orm/<orm>/index.ts`. Rules, analysis, the engine and
 * the runner only talk to this contract; they never name an ORM.
 *
 * A plugin says:
 * - when it is on: the npm `packages` that identify it (see activation.ts);
 * - which files could hold a load at all: a text `prefilter`;
 * - what the project's models are: `project()` reads facts (lib/orm/core/facts.ts)
 *   once in the main thread and hands them to workers as plain data;
 * - what a load is and how to say things instead of it: `dialect`, asked by the
 *   rules. A dialect that cannot say a thing safely answers `{ ok: false }`
 *   with the reason, and the rule reports a finding;
 * - the words of its messages (`dialect.messages`, and `why`/`note` on answers);
 * - its documentation per rule (`docs`), from which the README's rule × ORM
 *   table is generated.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Expression } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import type { FieldTest } from '../../analysis/predicate.js';
import type { EditTier } from '../../types.js';
import type { ModelFacts, OrmFacts } from './facts.js';

/** What a plain-AST test may read of a rule context: everything but the crawled `program`. */
export type PlainContext = Pick<RuleContext, 'ast' | 'source' | 'filePath' | 'options'>;

export interface OrmPlugin {
  /** `prisma`, `typeorm`, `mikro-orm`: the `--orm` name, the fixture folder name, the key of per-ORM options. */
  id: string;
  /** `Prisma`: for docs and messages. */
  displayName: string;
  /** npm packages whose presence in package.json switches the plugin on (`@prisma/client`, `prisma`). */
  packages: readonly string[];
  /** A file whose text does not match is never parsed for this plugin (the runner tests the union of the active plugins'). */
  prefilter: RegExp;
  /** Identifiers conventionally bound to this ORM's client or entry point, when the user passes no `--client-names`. */
  clientNames?: readonly string[];
  /** Globs (picomatch, matched against absolute POSIX paths) of generated code never scanned. */
  generated?: readonly string[];
  /** A file whose first 400 characters match is generated code and is skipped. */
  generatedMark?: RegExp;
  /**
   * Project facts, read in the main thread once per run. Absent: the plugin
   * needs none. Async so that a plugin loads its facts readers (schema
   * parsers) only here, never when a rule is loaded (the jscodeshift CLI loads
   * rules without them). Rejects with a UsageError when an explicit facts
   * source cannot be read.
   */
  project?(opts: ProjectOptions): Promise<OrmProject>;
  /** What a load is, and how to say count / first / ... in this ORM. */
  dialect: Dialect;
  /** Per rule id: how this ORM handles the rule, for the README's rule × ORM table. */
  docs: Readonly<Record<string, RuleDoc>>;
}

export interface ProjectOptions {
  cwd: string;
  /** `--schema`: a facts source the user named (a schema file, an entities folder). A plugin ignores one that is not its kind, and throws a UsageError when one of its kind cannot be read. */
  factsSource?: string;
}

/** A plugin's view of the project, in the main thread. Everything it returns is plain data. */
export interface OrmProject {
  /** Called with the text of every scanned file, and of the rest of the project (query hooks may live elsewhere), with its path relative to the run's cwd. */
  observe(text: string, path?: string): void;
  /** The key of the facts governing this file (e.g. the nearest schema's path), or undefined when none are found. */
  factsKeyFor(absPath: string): string | undefined;
  /** Every facts object a key was handed out for. */
  facts(): Record<string, OrmFacts>;
  /** Project-wide observations the dialect reads back from `ctx.options.orm[id].flags` (e.g. result extensions seen). */
  flags(): Record<string, boolean>;
  /**
   * Where the project hooks queries per operation (`src/db.ts:12`, see HookSites), or undefined when it does not.
   * When it does, safe rewrites become review, with `messages.queryHooks(where)`.
   */
  queryHooks(): string | undefined;
  /** Problems that did not stop the run (an unreadable schema): one line each. */
  readonly warnings: readonly string[];
  /** Did the plugin take `ProjectOptions.factsSource` as its own? When no active plugin does, --schema is a usage error. */
  readonly usesFactsSource?: boolean;
}

/** How one rule fares with one ORM: a rewrite (example and tier), or only a finding, with why. */
export type RuleDoc =
  | { tier: EditTier; before: string; after: string; declines?: readonly string[] }
  | { finding: string };

/** An import a rewrite needs: `{ from: 'typeorm', names: ['MoreThan'] }`. Applied by lib/imports.ts. */
export interface ImportSpec {
  from: string;
  names: readonly string[];
}

/**
 * A call that loads every row matching it into memory. Plugins extend it with
 * what they read (receiver, arguments); rules read only these members and ask
 * the dialect everything else.
 */
export interface Load {
  dialect: Dialect;
  /** The awaited expression: for a chain (`db.select().from(t).where(w)`), its last call. Its value is the rows. */
  call: NodePath<CallExpression>;
  /** The model as the code names it (`user`, `User`): the key of `OrmFacts.models`. */
  model: string;
}

/** What a dialect says: code to emit, or why it cannot. */
export type Emit =
  | {
      ok: true;
      code: string;
      tier?: EditTier;
      /** What to check, for a review-tier answer. */
      note?: string;
      /** Why the new code returns the same, in the ORM's words; rules have a neutral default. */
      why?: string;
      /** Imports the code needs. */
      imports?: readonly ImportSpec[];
    }
  | { ok: false; reason: string; suggestion: string };

/** A first-row answer: the row (null for none), or with `keepsRows` the rows cut to the first one. */
export type FirstEmit = Emit | ({ ok: true; keepsRows: true } & Omit<Extract<Emit, { ok: true }>, 'ok'>);

export interface LoadShape {
  /** The query fixes the order of its rows. */
  ordered: boolean;
  /** The query filters its rows. */
  filtered: boolean;
  /** The query caps how many rows come back. */
  limited: boolean;
}

/** Words rules need that only the ORM can say. */
export interface OrmMessages {
  /** A load with neither filter nor cap, in the ORM's words: `no where, no take`. */
  unfiltered: string;
  /** A load with no cap: `a findMany with no \`take\``. */
  uncapped: string;
  /** Fix for `Promise.all` over every row: walking the rows in batches by hand. */
  batchesByHand(batchSize: number): string;
  /** Fix for `.at(-1)`: the last row, asked of the database. */
  lastRowByHand: string;
  /** Fix when an existence test cannot be rewritten: asking the database by hand. */
  existsByHand: string;
  /** Fix for Math.min/max over a nullable field. */
  aggregateByHand(op: AggregateOp): string;
  /** Appended to a rewrite when the project hooks queries per operation (it becomes review); `where` names the file and line of the hook (`src/db.ts:12`). */
  queryHooks(where: string): string;
}

export interface Dialect {
  /** The plugin id. */
  name: string;
  readonly messages: OrmMessages;
  /** Names the outermost call of a load may have (`findMany`; `where`, `lean` for chains): other calls are never offered to matchLoad. */
  readonly loadCallNames: readonly string[];
  /**
   * Is this call the awaited expression of a whole-table load? A chain is one
   * load: answer for its last call only. `clientNames`: identifiers to take as
   * this ORM's client (the user's, or the plugin's conventional ones no other
   * active plugin claims).
   */
  matchLoad(path: NodePath<CallExpression>, ctx: RuleContext, clientNames: readonly string[]): Load | null;
  /**
   * Could matchLoad accept this call? A cheap test on the plain AST, asked
   * before the file's scopes are crawled: no NodePath, no scope, no binding,
   * and no `ctx.program` (reading it crawls: the context given has none);
   * `ctx.ast`, `ctx.source`, `ctx.options` (facts) and `clientNames` are there to read. `false` must imply that
   * matchLoad returns null for this call whatever the bindings are (a
   * necessary condition, never a guess); when in doubt, answer true. A dialect
   * without it has every call named in loadCallNames looked at.
   */
  mayMatchLoad?(call: CallExpression, ctx: PlainContext, clientNames: readonly string[]): boolean;
  /** What the load's arguments say about its rows, as far as they can be read (unknown arguments: all true). */
  loadShape(load: Load): LoadShape;
  /** The facts of the load's model, when known. */
  model?(load: Load, ctx: RuleContext): ModelFacts | undefined;
  /** An expression (without `await`) that resolves to the number of rows the load would return. */
  count(load: Load, ctx: RuleContext): Emit;
  /**
   * An expression (without `await`) that resolves to the first row the load would return, or null when it returns none;
   * or, with `keepsRows`, to the load's rows cut to that first row (`.limit(1)`): then only the load is replaced and
   * every use (`[0]`, destructuring, emptiness tests) stays as it was.
   */
  first?(load: Load, ctx: RuleContext): FirstEmit;
  /**
   * An expression (without `await`) that resolves to the first of the load's
   * rows that pass `tests` (a `.find(pred)`), or null when none does. A
   * dialect without it leaves `.find(pred)` alone: `first` ignores tests.
   */
  firstMatching?(load: Load, ctx: RuleContext, tests: readonly FieldTest[]): Emit;
  /**
   * An expression (without `await`) that resolves to the last of the load's
   * rows (passing `tests`, for a `.findLast(pred)`), or null when there is
   * none: the first row of the load's order reversed. Only when that order is
   * total and reverses exactly; otherwise `{ ok: false }` with why. A dialect
   * without it leaves `.at(-1)` and `.findLast` to a finding.
   */
  last?(load: Load, ctx: RuleContext, tests?: readonly FieldTest[]): Emit;
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
  /**
   * The load narrowed to `fields` (a projection), or the load's own text when it already is.
   * `nested`: for a field the code reads only through fields of its value (`row.author.name`),
   * those fields; a dialect may narrow a loaded relation to them, or ignore it.
   */
  select?(load: Load, ctx: RuleContext, fields: readonly string[], nested?: ReadonlyMap<string, readonly string[]>): Emit;
  /** An expression, with its own `await`, for the sum/min/max of `field` over the load's rows: null when there are none or all are NULL. */
  aggregate?(load: Load, ctx: RuleContext, op: AggregateOp, field: string): Emit;
  /**
   * One query for several aggregates over the load's rows (each sum/min/max/avg
   * null when there are no rows or all are NULL; count a number): `query` has
   * its own `await`, and `read(i, holder)` reads part `i` from its value held
   * in the variable `holder`. A dialect without it makes several aggregates of
   * one load a finding.
   */
  aggregates?(load: Load, ctx: RuleContext, parts: readonly AggregatePart[]): AggregatesEmit;
  /** A boolean expression, with its own `await`, true when the load (narrowed by `tests`) returns some row, or none with `empty`. */
  exists?(load: Load, ctx: RuleContext, opts: { empty: boolean; tests?: readonly FieldTest[] }): Emit;
  /** An expression (without `await`) resolving to the number of rows the load would return, capped at `bound`. */
  boundedCount?(load: Load, ctx: RuleContext, bound: number): Emit;
  /** The load (without `await`) with `tests` added to what it filters on. */
  narrow?(load: Load, ctx: RuleContext, tests: readonly FieldTest[]): Emit;
  /** Is this call a query that reads rows by fields pinned to single values (the per-row query of an N+1 loop)? */
  matchKeyedQuery?(path: NodePath<CallExpression>, ctx: RuleContext, clientNames: readonly string[]): KeyedQuery | null;
  /** Could matchKeyedQuery accept this call? The same contract as mayMatchLoad: plain AST only, `false` only when it never could. */
  mayMatchKeyedQuery?(call: CallExpression, ctx: PlainContext, clientNames: readonly string[]): boolean;
  /** Does every row of `load` carry `field` as a defined, non-null value? Its type, and whether the rows' values are distinct. */
  rowKey?(load: Load, ctx: RuleContext, field: string): RowKeyEmit;
  /** One query for the rows `query` reads for every key of a list, instead of one key. */
  inQuery?(query: KeyedQuery, ctx: RuleContext, field: string): InQueryEmit;
  /** Is this call a query that only reads, or one that writes (or may)? undefined: not a call on this ORM's client. */
  queryKind?(path: NodePath<CallExpression>, ctx: RuleContext, clientNames: readonly string[]): 'read' | 'write' | undefined;
}

/**
 * limited: a take/limit caps the rows; key: the key or a unique field is
 * pinned; list: a field is pinned to a list computed at run time (`in: ids`);
 * page: the rows start past a cursor the enclosing loop moves on; scoped: a
 * foreign key is pinned to one value (the rows of one parent row).
 */
export type LoadBoundFact = 'limited' | 'key' | 'list' | 'page' | 'scoped';
/** A query whose filter pins fields to single values, e.g. the rows whose foreign key equals one parent's id. */
export interface KeyedQuery {
  dialect: Dialect;
  call: NodePath<CallExpression>;
  /** The model as the code names it (the key of `OrmFacts.models`). */
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
      /** The field's type (`int`), comparable with InQueryEmit.type. */
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
      /** The key field's type (`int`), comparable with RowKeyEmit.type. */
      type: string;
      /** The key's TypeScript type (`number`), for the Map that groups the rows. */
      tsType: string;
      /** Is the field unique among the rows the query reads? Then a key has at most one row. */
      unique: boolean;
      tier?: EditTier;
      /** What a reviewer must check (order of ties, collation...), in the ORM's words. */
      notes: string[];
    }
  | { ok: false; reason: string; suggestion: string };

export type AggregateOp = 'sum' | 'min' | 'max';

/** One value of a multi-aggregate query: an aggregate of a number field, or the number of rows. */
export type AggregatePart = { op: AggregateOp | 'avg'; field: string } | { op: 'count' };

export type AggregatesEmit =
  | {
      ok: true;
      /** The query, with its own `await`. */
      query: string;
      /** Part `i` read from the query's value held in `holder`. */
      read(i: number, holder: string): string;
      tier?: EditTier;
      note?: string;
      imports?: readonly ImportSpec[];
    }
  | { ok: false; reason: string; suggestion: string };

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
  /** Imports the batch query needs (`MoreThan`). */
  imports?: readonly ImportSpec[];
  /** Statements (without a trailing `;`: the rule follows the file's style) run after each batch's rows were handled, before the next batch is loaded (`em.clear()`). */
  perBatch?: readonly string[];
}

export type KeysetEmit = ({ ok: true } & KeysetPlan) | { ok: false; reason: string; suggestion: string };

/** Per-ORM options a rule context carries for one file: plain data. */
export interface OrmOptions {
  /** The facts governing this file; undefined when none were found. */
  facts?: OrmFacts;
  /** The plugin's project-wide flags (`OrmProject.flags()`). */
  flags?: Readonly<Record<string, boolean>>;
}
