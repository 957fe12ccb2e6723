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
import type { EditTier, RuleMeta } from './types.js';
import type { SchemaInfo } from './schema.js';

/** Replace source[start, end) with text. Inserted text uses '\n'; the engine converts it to the file's line ending. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface RuleOptions {
  /** Identifiers (also as this.<name> / ctx.<name>) taken to be a Prisma client. */
  clientNames: readonly string[];
  /** Rows per batch for loop-to-batches. */
  batchSize: number;
  /** The most keys loop-query-to-in puts in one list query (default: what the dialect says the database takes). */
  maxKeysPerQuery?: number;
  /** The Prisma schema, when one was found. */
  schema?: SchemaInfo;
  /** Does the repository define Prisma result extensions ($extends({ result }))? */
  hasResultExtensions?: boolean;
  /**
   * Does the repository hook queries per operation (query extensions, middleware,
   * ORM hooks)? Then a rewrite that calls another operation may skip a hook the
   * original went through, and the engine downgrades safe rewrites to review.
   */
  hasQueryHooks?: boolean;
}

export const defaultRuleOptions: RuleOptions = {
  clientNames: ['prisma', 'db', 'tx', 'client'],
  batchSize: 1000,
};

export interface Rewrite {
  /** Where it is reported: a node of the current AST. */
  node: Node;
  tier: EditTier;
  /** Why it is safe, or what to check. */
  message: string;
  edits: TextEdit[];
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
  /** Report the anti-pattern with no rewrite: what is wrong and what a person should do. */
  finding(node: Node, message: string): void;
  /** The source text of a node of the current AST. */
  text(node: Node): string;
}

export interface Rule {
  meta: RuleMeta;
  apply(ctx: RuleContext): void;
}
