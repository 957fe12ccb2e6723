/**
 * Facts about the project the rules need, gathered once per run in the main
 * thread: which ORM plugins are active for each file (activation.ts), and each
 * plugin's own view of the project (its facts per file, project-wide flags,
 * query hooks). Everything handed to workers is plain data.
 */
import { Activation } from '../orm/core/activation.js';
import type { OrmFacts } from '../orm/core/facts.js';
import { plugins } from '../orm/core/registry.js';
import type { OrmPlugin, OrmProject } from '../orm/core/types.js';
import { UsageError } from './errors.js';

/** What the workers get per plugin. */
export interface OrmRunData {
  /** Facts by key; a job names the key that governs its file. */
  facts: Record<string, OrmFacts>;
  flags: Record<string, boolean>;
  /** The plugin's caveat, naming where the hook is, when the project hooks queries per operation. */
  queryHooks?: string;
}

export interface FileOrms {
  /** Plugin ids active for the file. */
  orms: string[];
  /** Per plugin id: the key of the facts governing the file. */
  factsKeys: Record<string, string>;
}

export class ProjectFacts {
  private readonly activation: Activation;
  private readonly candidates: readonly OrmPlugin[];
  private readonly projects = new Map<string, OrmProject>();

  private constructor(candidates: readonly OrmPlugin[], orms: readonly string[] | undefined) {
    this.candidates = candidates;
    this.activation = new Activation(plugins, orms);
  }

  /** `orms`: the --orm list (already validated); `factsSource`: --schema. Rejects with a UsageError when a plugin cannot read an explicit facts source. */
  static async create(cwd: string, factsSource: string | undefined, orms?: readonly string[]): Promise<ProjectFacts> {
    const facts = new ProjectFacts(orms ? plugins.filter((p) => orms.includes(p.id)) : plugins, orms);
    for (const p of facts.candidates) if (p.project) facts.projects.set(p.id, await p.project({ cwd, factsSource }));
    if (factsSource !== undefined && ![...facts.projects.values()].some((p) => p.usesFactsSource)) {
      throw new UsageError(`--schema ${factsSource}: no ORM plugin in use reads this kind of file or folder (${facts.candidates.map((p) => p.id).join(', ')})`);
    }
    return facts;
  }

  /** Called with every scanned file's text, and the rest of the project's: hooks may live in a file no rule touches. `path`: relative to the run's cwd, as reports name files. */
  observe(text: string, path: string): void {
    for (const project of this.projects.values()) project.observe(text, path);
  }

  /** The plugins active for a file, and the keys of their facts for it. */
  forFile(absPath: string): FileOrms {
    const orms = this.activation.activeFor(absPath);
    const factsKeys: Record<string, string> = {};
    for (const id of orms) {
      const key = this.projects.get(id)?.factsKeyFor(absPath);
      if (key !== undefined) factsKeys[id] = key;
    }
    return { orms, factsKeys };
  }

  /** Per plugin: every facts object a key was handed out for, its flags and hooks caveat. */
  runData(): Record<string, OrmRunData> {
    const out: Record<string, OrmRunData> = {};
    for (const p of this.candidates) {
      const project = this.projects.get(p.id);
      const hooksAt = project?.queryHooks();
      out[p.id] = {
        facts: project?.facts() ?? {},
        flags: project?.flags() ?? {},
        ...(hooksAt !== undefined ? { queryHooks: p.dialect.messages.queryHooks(hooksAt) } : {}),
      };
    }
    return out;
  }

  get warnings(): string[] {
    return [...this.projects.values()].flatMap((p) => p.warnings);
  }
}
