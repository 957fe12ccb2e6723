/**
 * Mongoose's view of a project: the models its code declares (schemas and
 * `model(...)` calls in any observed file) and whether any schema has query
 * middleware for finds (`pre('find')`, `pre(/^find/)`, `post('find')`):
 * countDocuments, exists and aggregate run their own hooks, not find's.
 */
import type { ModelFacts, OrmFacts } from '../core/facts.js';
import { HookSites } from '../core/hook-sites.js';
import type { OrmProject } from '../core/types.js';
import { declaresModels, factsOf, readModels } from './facts.js';

const FIND_MIDDLEWARE = /\.(?:pre|post)\s*\(\s*(?:\/\^?find|['"`]find|\[[^\]]*['"`]find)/;

export class MongooseProject implements OrmProject {
  private readonly models: ModelFacts[] = [];
  private readonly hooks = new HookSites();
  readonly warnings: string[] = [];

  observe(text: string, path?: string): void {
    if (declaresModels(text)) this.models.push(...readModels(text));
    // Every match starts with `.pre` or `.post`: a literal search rules out most files faster than the pattern.
    const hook = text.includes('.pre') || text.includes('.post') ? FIND_MIDDLEWARE.exec(text) : null;
    if (hook) this.hooks.add(text, hook.index, path);
  }

  factsKeyFor(): string | undefined {
    return 'models';
  }

  facts(): Record<string, OrmFacts> {
    return { models: factsOf(this.models, 'the schemas and model() calls in the code') };
  }

  flags(): Record<string, boolean> {
    return {};
  }

  queryHooks(): string | undefined {
    return this.hooks.describe();
  }
}
