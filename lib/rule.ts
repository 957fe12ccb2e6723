/**
 * What a rule is, and the context it runs in.
 *
 * Rules read babel's AST (with @babel/traverse's exact scopes) and propose
 * rewrites as text edits on the current source: untouched text stays
 * byte-identical by construction, and the diff shows only the edited lines.
 * The engine (lib/engine.ts) decides whether a rewrite is applied (its tier is
 * enabled) or only reported.
 */
import type { NodePath } from '@babel/traverse';
import type { File, Node } from '@babel/types';
import type { EditTier, RuleMeta, Severity } from './types.js';
import type { ImportSpec, OrmOptions } from './orm/core/types.js';

/** Replace source[start, end) with text. Inserted text uses '\n'; the engine converts it to the file's line ending. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface RuleOptions {
  /** Rows per batch for loop-to-batches. */
  batchSize: number;
  /** The most keys loop-query-to-in puts in one list query (default: what the dialect says the database takes). */
  maxKeysPerQuery?: number;
  /** Ids of the ORM plugins active for this file (lib/orm/core/activation.ts); every registered plugin when absent. */
  orms?: readonly string[];
  /** Identifiers (also as this.<name> / ctx.<name>) the user says are an ORM client (--client-names); default: each plugin's own. */
  clientNames?: readonly string[];
  /** Per plugin id: the facts and project flags governing this file. */
  orm?: Readonly<Record<string, OrmOptions>>;
  /**
   * Set when the project hooks queries per operation (an active plugin saw
   * query extensions, middleware, ORM hooks): the caveat, in that plugin's
   * words. A rewrite that calls another operation may skip a hook the original
   * went through, so the engine downgrades safe rewrites to review.
   */
  queryHooks?: string;
  /** Models the project says are small (a scoped load of them is not reported) or large (a scoped load is an error, not a hint). */
  models?: { small?: readonly string[]; large?: readonly string[] };
}

export const defaultRuleOptions: RuleOptions = {
  batchSize: 1000,
};

export interface Rewrite {
  /** Where it is reported: a node of the current AST. */
  node: Node;
  tier: EditTier;
  /** Why it is safe, or what to check. */
  message: string;
  edits: TextEdit[];
  /** Imports the new code needs; the engine adds them (lib/imports.ts), or reports a finding when a name is taken. */
  imports?: readonly ImportSpec[];
}

export interface RuleContext {
  readonly ruleId: string;
  readonly source: string;
  readonly filePath: string;
  readonly ast: File;
  /** The Program path, with scopes crawled. */
  readonly program: NodePath<import('@babel/types').Program>;
  readonly options: RuleOptions;
  /** Propose a rewrite. Returns true when it will be applied (its tier is enabled and it overlaps no other). */
  rewrite(rewrite: Rewrite): boolean;
  /**
   * Report the anti-pattern with no rewrite: what is wrong and what a person
   * should do. A message of the form `what. Fix: how.` is split into message
   * and suggestion unless `details.suggestion` is given.
   */
  finding(node: Node, message: string, details: FindingDetails): void;
  /** The source text of a node of the current AST. */
  text(node: Node): string;
}

export interface FindingDetails {
  /** Stable id of the kind of finding, unique within the rule: `rows-used-besides-loop`. */
  messageId: string;
  /** What to do, when it is not in the message after `Fix:`. */
  suggestion?: string;
  /** Default error. */
  severity?: Severity;
  /** The node whose code identifies the finding in a baseline (default: the node reported). */
  anchor?: Node;
}

export interface Rule {
  meta: RuleMeta;
  apply(ctx: RuleContext): void;
  /**
   * Words without one of which in the text the rule can find nothing (`reduce`, `Math` for a rule that
   * needs a `.reduce(...)` or a `Math.max(...)`): the engine does not run it on a text that holds none of
   * them (nor a `\u` escape, which can spell a name without its letters), so a tree re-parsed for
   * rules that cannot act on it is not crawled for them. Left out, the rule always runs.
   */
  words?: readonly string[];
}

/** Can a rule with these words (Rule.words) act on this text at all? */
export function mayAct(rule: Pick<Rule, 'words'>, text: string): boolean {
  return rule.words === undefined || text.includes('\\u') || rule.words.some((w) => text.includes(w));
}
