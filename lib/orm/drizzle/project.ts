/**
 * Drizzle's view of a project, gathered once per run in the main thread: the
 * tables every file of the project defines (`sqliteTable`, `pgTable`,
 * `mysqlTable`, a table creator), read from the text each file passes through
 * `observe` (only files that mention a table function are parsed), or from the
 * schema file or folder `--schema` names. Tables are keyed by the variable
 * the code uses (`users`); a name two files define differently (two apps of a
 * monorepo) is dropped, since pushdown cannot tell which one a query means.
 * Drizzle has no per-operation query hooks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModelFacts, OrmFacts } from '../core/facts.js';
import type { OrmProject, ProjectOptions } from '../core/types.js';
import { marksTables, readTables } from './tables.js';

const KEY = 'tables';

/** A --schema that names Drizzle tables but holds none pushdown can read: one line, no stack trace. */
class UsageError extends Error {
  override name = 'UsageError';
}

export class DrizzleProject implements OrmProject {
  private readonly models = new Map<string, ModelFacts>();
  private readonly signatures = new Map<string, string>();
  private readonly ambiguous = new Set<string>();
  private provider: string | undefined;
  private source = 'table definitions in the scanned project';
  private readonly explicit: boolean;
  readonly warnings: string[] = [];
  readonly usesFactsSource: boolean;

  constructor(opts: ProjectOptions) {
    const source = opts.factsSource;
    const texts = source !== undefined ? schemaTexts(resolve(opts.cwd, source)) : undefined;
    this.usesFactsSource = texts !== undefined && texts.some(marksTables);
    this.explicit = this.usesFactsSource;
    if (this.explicit && texts) {
      this.source = source ?? this.source;
      for (const t of texts) this.add(t);
      if (this.models.size === 0) throw new UsageError(`--schema ${source}: no Drizzle table definition could be read there`);
    }
  }

  observe(text: string): void {
    if (this.explicit || !marksTables(text)) return;
    this.add(text);
  }

  private add(text: string): void {
    const file = readTables(text);
    this.provider ??= file.provider;
    for (const m of file.models) {
      const signature = JSON.stringify([m.name, [...m.fields.values()]]);
      const seen = this.signatures.get(m.codeName);
      if (seen === undefined) {
        this.signatures.set(m.codeName, signature);
        this.models.set(m.codeName, m);
      } else if (seen !== signature) this.ambiguous.add(m.codeName);
    }
  }

  factsKeyFor(): string | undefined {
    return KEY;
  }

  facts(): Record<string, OrmFacts> {
    const models = new Map([...this.models].filter(([name]) => !this.ambiguous.has(name)));
    if (models.size === 0) return {};
    return { [KEY]: { source: this.source, ...(this.provider ? { provider: this.provider } : {}), models } };
  }

  flags(): Record<string, boolean> {
    return {};
  }

  queryHooks(): string | undefined {
    return undefined;
  }
}

/** The texts of a schema file, or of the script files in a folder; undefined when it is not a readable file or folder. */
function schemaTexts(path: string): string[] | undefined {
  try {
    const st = statSync(path);
    if (st.isFile()) return /\.[cm]?[jt]sx?$/.test(path) ? [readFileSync(path, 'utf8')] : undefined;
    if (!st.isDirectory()) return undefined;
    const out: string[] = [];
    for (const entry of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
      if (!/\.[cm]?[jt]sx?$/.test(entry) || entry.split(/[\\/]/).includes('node_modules')) continue;
      const text = readFileSync(join(path, entry), 'utf8');
      if (marksTables(text)) out.push(text);
    }
    return out;
  } catch {
    return undefined;
  }
}
