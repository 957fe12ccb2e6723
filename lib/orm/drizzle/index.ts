/**
 * The Drizzle plugin (drizzle-orm 0.34+): select chains
 * `db.select().from(t).where(w).orderBy(o)` as loads, facts from the
 * project's `sqliteTable` / `pgTable` / `mysqlTable` definitions.
 */
import type { OrmPlugin } from '../core/types.js';
import { drizzleDialect } from './dialect.js';
import { drizzleDocs } from './docs.js';
import { DRIZZLE_ID } from './load.js';

export const drizzlePlugin: OrmPlugin = {
  id: DRIZZLE_ID,
  displayName: 'Drizzle',
  packages: ['drizzle-orm'],
  // Every load starts with `.select(` (or `.select<T>(`) or is `.query.<table>.findMany`: a file without one is never parsed.
  prefilter: /\.\s*select\s*(?:\(|<)|\.query\s*\.\s*\w+\s*\.\s*findMany\b/,
  clientNames: ['db', 'tx', 'drizzle', 'database'],
  generated: ['**/drizzle/meta/**'],
  // Loaded on demand: the table reader is not needed to run a rule.
  project: async (opts) => new (await import('./project.js')).DrizzleProject(opts),
  dialect: drizzleDialect,
  docs: drizzleDocs,
};
