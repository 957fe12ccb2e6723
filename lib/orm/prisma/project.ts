/**
 * Prisma's view of a project, gathered once per run in the main thread: which
 * schema governs each file (the nearest one above it, as in a monorepo, or the
 * one --schema names), whether the code defines result extensions (computed
 * fields a projection could drop), and whether it hooks queries per operation.
 */
import { dirname } from 'node:path';
import type { OrmFacts } from '../core/facts.js';
import type { OrmProject, ProjectOptions } from '../core/types.js';
import { resolve } from 'node:path';
import { HookSites } from '../core/hook-sites.js';
import { detectResultExtensions, discoverSchemaPath, isPrismaSource, loadPrismaSchema, queryHookOffset, readPrismaSchema } from './schema.js';

export class PrismaProject implements OrmProject {
  private readonly schemaPathByDir = new Map<string, string | undefined>();
  private readonly schemaByPath = new Map<string, OrmFacts | undefined>();
  private readonly explicit: OrmFacts | undefined;
  readonly warnings: string[] = [];
  private resultExtensions = false;
  private readonly hooks = new HookSites();

  readonly usesFactsSource: boolean;

  /** Throws a UsageError when an explicit --schema of Prisma's kind cannot be read; one of another kind is left to other plugins. */
  constructor(opts: ProjectOptions) {
    const source = opts.factsSource;
    this.usesFactsSource = source !== undefined && isPrismaSource(resolve(opts.cwd, source));
    this.explicit = this.usesFactsSource ? loadPrismaSchema({ cwd: opts.cwd, explicit: source }) : undefined;
  }

  observe(text: string, path?: string): void {
    // Literal searches: several times faster than the same alternation as a pattern, over every file.
    if (!(text.includes('$extends') || text.includes('defineExtension') || text.includes('$use'))) return;
    if (!this.resultExtensions && detectResultExtensions(text)) this.resultExtensions = true;
    const hook = queryHookOffset(text);
    if (hook !== undefined) this.hooks.add(text, hook, path);
  }

  /** --schema, or the nearest schema found walking up from the file. */
  factsKeyFor(absPath: string): string | undefined {
    if (this.explicit) return 'explicit';
    const path = this.nearestSchemaPath(dirname(absPath));
    if (!path) return undefined;
    if (!this.schemaByPath.has(path)) {
      try {
        this.schemaByPath.set(path, readPrismaSchema(path));
      } catch (err) {
        this.warnings.push(
          `cannot read the Prisma schema ${path} (${(err as Error).message.split('\n')[0]}); rules that need field facts will decline or ask for review. Pass --schema to choose another.`,
        );
        this.schemaByPath.set(path, undefined);
      }
    }
    return this.schemaByPath.get(path) ? path : undefined;
  }

  facts(): Record<string, OrmFacts> {
    const out: Record<string, OrmFacts> = {};
    if (this.explicit) out.explicit = this.explicit;
    for (const [path, info] of this.schemaByPath) if (info) out[path] = info;
    return out;
  }

  flags(): Record<string, boolean> {
    return { resultExtensions: this.resultExtensions };
  }

  queryHooks(): string | undefined {
    return this.hooks.describe();
  }

  private nearestSchemaPath(dir: string): string | undefined {
    if (this.schemaPathByDir.has(dir)) return this.schemaPathByDir.get(dir);
    let found = discoverSchemaPath(dir);
    if (!found) {
      const up = dirname(dir);
      found = up === dir ? undefined : this.nearestSchemaPath(up);
    }
    this.schemaPathByDir.set(dir, found);
    return found;
  }
}
