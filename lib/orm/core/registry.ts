/**
 * The ORM plugins pushdown knows, and what the rest of pushdown asks of them
 * as a set: which are active for a file, the prefilter of those, their
 * dialects. Adding an ORM adds one import and one entry here.
 */
import type { RuleOptions } from '../../rule.js';
import { mikroOrmPlugin } from '../mikro-orm/index.js';
import { drizzlePlugin } from '../drizzle/index.js';
import { prismaPlugin } from '../prisma/index.js';
import { typeormPlugin } from '../typeorm/index.js';
import { sequelizePlugin } from '../sequelize/index.js';
import { mongoosePlugin } from '../mongoose/index.js';
import type { Dialect, OrmPlugin } from './types.js';

export const plugins: readonly OrmPlugin[] = [prismaPlugin, typeormPlugin, mikroOrmPlugin, sequelizePlugin, mongoosePlugin, drizzlePlugin];

export function findPlugin(id: string): OrmPlugin | undefined {
  return plugins.find((p) => p.id === id);
}

export function pluginIds(): string[] {
  return plugins.map((p) => p.id);
}

/** The plugins a rule context has switched on (every plugin when it names none). */
export function activePlugins(options: Pick<RuleOptions, 'orms'>, all: readonly OrmPlugin[] = plugins): OrmPlugin[] {
  const ids = options.orms;
  return ids === undefined ? [...all] : all.filter((p) => ids.includes(p.id));
}

export function activeDialects(options: Pick<RuleOptions, 'orms'>): Dialect[] {
  return activePlugins(options).map((p) => p.dialect);
}

const prefilterCache = new Map<string, RegExp>();

/** A file matching none of the given plugins' prefilters is never parsed. */
export function prefilterFor(ids: readonly string[] = pluginIds()): RegExp {
  const key = [...ids].sort().join(',');
  let hit = prefilterCache.get(key);
  if (!hit) {
    const sources = plugins.filter((p) => ids.includes(p.id)).map((p) => `(?:${p.prefilter.source})`);
    hit = new RegExp(sources.length > 0 ? sources.join('|') : '(?!)');
    prefilterCache.set(key, hit);
  }
  return hit;
}

/**
 * The identifiers a plugin takes to be its client in a file (handed to
 * `matchLoad`): the user's `--client-names`, else the plugin's own
 * conventional names minus those another active plugin also claims (a name
 * two ORMs both use by convention, like `db`, proves neither).
 */
export function clientNamesFor(plugin: OrmPlugin, options: Pick<RuleOptions, 'orms' | 'clientNames'>, all: readonly OrmPlugin[] = plugins): readonly string[] {
  if (options.clientNames && options.clientNames.length > 0) return options.clientNames;
  const own = plugin.clientNames ?? [];
  const others = activePlugins(options, all).filter((p) => p !== plugin);
  return own.filter((n) => !others.some((o) => o.clientNames?.includes(n)));
}
