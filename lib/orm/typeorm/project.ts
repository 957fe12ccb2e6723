/**
 * TypeORM's view of a project, gathered once per run in the main thread:
 * the entity classes (every observed file whose text declares `@Entity(`
 * with an import from `typeorm` is parsed and its entities read, wherever
 * it lives: entities are often in another folder than the services that
 * query them), and whether the project registers entity subscribers (which
 * see loads the rewrites may no longer make).
 */
import type { OrmFacts } from '../core/facts.js';
import { HookSites } from '../core/hook-sites.js';
import type { OrmProject, ProjectOptions } from '../core/types.js';
import { mayDeclareEntities, parseForEntities, readEntities, type TypeormModelFacts } from './entities.js';

export const FACTS_KEY = 'typeorm-entities';

export class TypeormProject implements OrmProject {
  private readonly models = new Map<string, TypeormModelFacts>();
  private readonly subscribers = new HookSites();
  readonly warnings: string[] = [];

  constructor(private readonly opts: ProjectOptions) {}

  observe(text: string, path?: string): void {
    const subscriber = text.includes('@EventSubscriber') ? /@EventSubscriber\s*\(/.exec(text) : null;
    if (subscriber && /from\s*['"]typeorm['"]/.test(text)) this.subscribers.add(text, subscriber.index, path);
    if (!mayDeclareEntities(text)) return;
    const ast = parseForEntities(text);
    if (!ast) return;
    for (const [name, model] of readEntities(ast)) {
      if (this.models.has(name) && this.models.get(name) !== model) this.warnings.push(`two TypeORM entity classes are named ${name}; pushdown uses the last one it read`);
      this.models.set(name, model);
    }
  }

  /**
   * One set of facts for the whole run. Keys are handed out while files are
   * still being observed (an entity folder may come after the services that
   * query it), so the key is the same for every file and the facts are read
   * when the run asks for them, after every file was seen.
   */
  factsKeyFor(): string | undefined {
    return FACTS_KEY;
  }

  facts(): Record<string, OrmFacts> {
    return { [FACTS_KEY]: { source: this.opts.cwd, models: new Map(this.models) } };
  }

  flags(): Record<string, boolean> {
    return { subscribers: this.subscribers.found };
  }

  queryHooks(): string | undefined {
    return this.subscribers.describe();
  }
}
