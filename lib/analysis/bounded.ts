/**
 * Is a load's result bounded? A fact of the load, asked of its dialect, and
 * consulted by every rule before it reports a whole-table finding:
 *
 * - limited: the query caps its rows (a take/limit: literal, constant or variable);
 * - key: it pins the key or a unique field to a value or a list;
 * - list: it pins a field to a list computed at run time (`in: ids`);
 * - page: it starts past a cursor the enclosing loop moves on (a keyset page);
 * - scoped: it pins a foreign key to one value (rows of one parent row).
 *
 * A bounded load is never a whole-table finding: pushdown's own keyset
 * batches (`take: 1000`) are limited, so its output never reports itself. A
 * scoped load is a hint (nothing in the code says whether one parent's rows
 * are few or many), unless the project names the model small (then nothing)
 * or large (then an error).
 */
import type { Node } from '@babel/types';
import type { Load, LoadBoundFact } from '../orm/core/types.js';
import type { FindingDetails, RuleContext } from '../rule.js';

export type LoadBound = LoadBoundFact | 'unbounded';

export function loadBound(load: Load, ctx: RuleContext): LoadBound {
  if (load.dialect.loadBound) return load.dialect.loadBound(load, ctx) ?? 'unbounded';
  // A dialect that says nothing more: its shape (which errs towards "limited" on arguments it cannot read) and its key.
  if (load.dialect.loadShape(load).limited) return 'limited';
  return load.dialect.keyBounded?.(load, ctx) ? 'key' : 'unbounded';
}

/** Is the model named in the project's list (`User`, `user` and `users` all match the delegate `user`)? */
function named(list: readonly string[] | undefined, model: string): boolean {
  if (!list) return false;
  const m = model.toLowerCase();
  return list.some((n) => {
    const x = n.toLowerCase();
    return x === m || x === `${m}s`;
  });
}

/**
 * Report a finding about `load` (at `node`, the load's call by default),
 * unless the load is bounded. Rows of one parent become a hint.
 */
export function reportLoad(ctx: RuleContext, load: Load, message: string, details: FindingDetails, node: Node = load.call.node): void {
  const bound = loadBound(load, ctx);
  if (bound === 'scoped') {
    const models = ctx.options.models;
    if (named(models?.small, load.model)) return;
    const severity = named(models?.large, load.model) ? 'error' : 'hint';
    const why = severity === 'hint' ? ' (rows of one parent row: a hint, as nothing here says whether they are few or many)' : '';
    ctx.finding(node, withWhy(message, why), { anchor: load.call.node, ...details, severity });
    return;
  }
  if (bound !== 'unbounded') return;
  ctx.finding(node, message, { anchor: load.call.node, ...details });
}

/** Insert `why` before the message's `Fix:` part (or at its end). */
function withWhy(message: string, why: string): string {
  if (!why) return message;
  const at = message.indexOf(' Fix: ');
  if (at === -1) return message.replace(/\.?$/, `${why}.`);
  return `${message.slice(0, at).replace(/\.$/, '')}${why}.${message.slice(at)}`;
}
