/**
 * MikroORM's view of a project, gathered once per run in the main thread:
 * the entity classes declared anywhere in the scanned package (entities.ts),
 * as one set of facts every file shares. Entities are often in another
 * folder than the services that load them, so every file observed counts,
 * scanned or not. `--schema <file or folder>` naming entity sources (a file
 * or a folder of .ts/.js files declaring @Entity classes) adds them too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { OrmFacts } from '../core/facts.js';
import { HookSites } from '../core/hook-sites.js';
import type { OrmProject, ProjectOptions } from '../core/types.js';
import { mayDeclareEntities, modelsFrom, readEntityClasses, type EntityClass } from './entities.js';

const KEY = 'entities';

export class MikroProject implements OrmProject {
  private readonly classes = new Map<string, EntityClass>();
  readonly warnings: string[] = [];
  private readonly hooks = new HookSites();
  readonly usesFactsSource: boolean;

  constructor(private readonly opts: ProjectOptions) {
    const before = this.classes.size;
    if (opts.factsSource !== undefined) for (const { text, path } of sourceTexts(resolve(opts.cwd, opts.factsSource))) this.observe(text, relative(opts.cwd, path).split(sep).join('/'));
    this.usesFactsSource = this.classes.size > before;
  }

  observe(text: string, path?: string): void {
    // A literal search first: it rules out most files several times faster than the pattern.
    const hook = text.includes('EventSubscriber') || text.includes('@On') ? /\bEventSubscriber\b|@OnLoad\s*\(|@OnInit\s*\(/.exec(text) : null;
    if (hook) this.hooks.add(text, hook.index, path);
    if (!mayDeclareEntities(text)) return;
    for (const cls of readEntityClasses(text)) {
      // Two classes of one name (two apps in one repository): keep the first with the most fields.
      const seen = this.classes.get(cls.name);
      if (!seen || (cls.entity && !seen.entity) || cls.fields.length > seen.fields.length) this.classes.set(cls.name, cls);
    }
  }

  factsKeyFor(absPath: string): string | undefined {
    void absPath;
    return KEY;
  }

  facts(): Record<string, OrmFacts> {
    const models = modelsFrom(this.classes);
    return models.size > 0 ? { [KEY]: { source: `@Entity classes under ${this.opts.cwd}`, models } } : {};
  }

  flags(): Record<string, boolean> {
    return {};
  }

  queryHooks(): string | undefined {
    return this.hooks.describe();
  }
}

/** The texts of a .ts/.js file, or of those under a folder (node_modules and dot folders skipped), with their paths; none when unreadable. */
function sourceTexts(path: string, depth = 0): Array<{ text: string; path: string }> {
  try {
    const st = statSync(path);
    if (st.isFile()) return /\.[cm]?[jt]sx?$/.test(path) ? [{ text: readFileSync(path, 'utf8'), path }] : [];
    if (!st.isDirectory() || depth > 8) return [];
    return readdirSync(path)
      .filter((n) => n !== 'node_modules' && !n.startsWith('.'))
      .flatMap((n) => sourceTexts(join(path, n), depth + 1));
  } catch {
    return [];
  }
}
