/**
 * Sequelize's view of a project: the models its code declares (read from every
 * observed file that calls Model.init or sequelize.define) and whether it hooks
 * finds per operation (beforeFind / afterFind and friends: count runs
 * beforeCount instead, so a rewrite may skip a hook the findAll ran).
 */
import type { ModelFacts, OrmFacts } from '../core/facts.js';
import { HookSites } from '../core/hook-sites.js';
import type { OrmProject } from '../core/types.js';
import { declaresModels, factsOf, readModels } from './facts.js';

const FIND_HOOKS = /\b(?:before|after)Find(?:AfterExpandIncludeAll|AfterOptions)?\b|@(?:Before|After)Find\b/;

export class SequelizeProject implements OrmProject {
  private readonly models: ModelFacts[] = [];
  private readonly hooks = new HookSites();
  readonly warnings: string[] = [];

  observe(text: string, path?: string): void {
    if (declaresModels(text)) this.models.push(...readModels(text));
    // Every hook name holds `Find`: a literal search is several times faster than the pattern over each file.
    const hook = text.includes('Find') ? FIND_HOOKS.exec(text) : null;
    if (hook) this.hooks.add(text, hook.index, path);
  }

  /** One set of facts for the whole project: models are referred to by name wherever they are declared. */
  factsKeyFor(): string | undefined {
    return 'models';
  }

  facts(): Record<string, OrmFacts> {
    return { models: factsOf(this.models, 'the models declared with Model.init / sequelize.define') };
  }

  flags(): Record<string, boolean> {
    return {};
  }

  queryHooks(): string | undefined {
    return this.hooks.describe();
  }
}
