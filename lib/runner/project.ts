/**
 * Facts about the project the rules need, gathered once per run in the main
 * thread: which Prisma schema governs each file (the nearest one above it, as
 * in a monorepo, or the one --schema names), and whether the code defines
 * Prisma result extensions (computed fields a projection could drop).
 */
import { dirname } from 'node:path';
import { detectQueryHooks, detectResultExtensions, discoverSchemaPath, loadPrismaSchema, readPrismaSchema } from '../orm/prisma-schema.js';
import type { SchemaInfo } from '../schema.js';

export class ProjectFacts {
  private readonly schemaPathByDir = new Map<string, string | undefined>();
  private readonly schemaByPath = new Map<string, SchemaInfo | undefined>();
  private readonly explicit: SchemaInfo | undefined;
  readonly warnings: string[] = [];
  hasResultExtensions = false;
  hasQueryHooks = false;

  /** Throws a UsageError when an explicit --schema cannot be read. */
  constructor(
    private readonly cwd: string,
    explicitSchema: string | undefined,
  ) {
    this.explicit = explicitSchema !== undefined ? loadPrismaSchema({ cwd, explicit: explicitSchema }) : undefined;
  }

  /** Called with every scanned file's text: result extensions may live in a file no rule touches. */
  observe(text: string): void {
    if (!/\$extends|defineExtension|\$use/.test(text)) return;
    if (!this.hasResultExtensions && detectResultExtensions(text)) this.hasResultExtensions = true;
    if (!this.hasQueryHooks && detectQueryHooks(text)) this.hasQueryHooks = true;
  }

  /** The schema for a file: --schema, or the nearest one found walking up from the file. */
  schemaKeyFor(absPath: string): string | undefined {
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

  /** Every schema a key was handed out for, as plain data for the workers. */
  schemas(): Record<string, SchemaInfo> {
    const out: Record<string, SchemaInfo> = {};
    if (this.explicit) out.explicit = this.explicit;
    for (const [path, info] of this.schemaByPath) if (info) out[path] = info;
    return out;
  }

  private nearestSchemaPath(dir: string): string | undefined {
    if (this.schemaPathByDir.has(dir)) return this.schemaPathByDir.get(dir);
    let found = discoverSchemaPath(dir);
    if (!found) {
      const up = dirname(dir);
      found = up === dir ? undefined : this.nearestSchemaPath(up);
    }
    this.schemaPathByDir.set(dir, found);
    void this.cwd;
    return found;
  }
}
