/**
 * One file, start to end: read, check it is UTF-8, parse by extension, run the
 * rules on the one AST, diff. Returns a record; never prints, never writes.
 */
import { readFileSync } from 'node:fs';
import { detectEol, transformSource, InvalidOutputError } from '../engine.js';
import { parseSource, SourceParseError } from '../parse.js';
import type { RuleOptions } from '../rule.js';
import { plugins } from '../orm/core/registry.js';
import type { OrmOptions } from '../orm/core/types.js';
import type { EditTier, FileResult } from '../types.js';
import type { OrmRunData } from './project.js';
import { findRule, rules as registry } from '../../transforms/index.js';
import type { Rule } from '../rule.js';
import { unifiedDiff } from './diff.js';
import { LARGE_FILE } from './large-file.js';
import { StageClock, type Timings } from './timing.js';

/** --timing: the file stages of this thread (ProcessConfig.timing), until takeFileTimings takes them. */
let clock: StageClock | undefined;

/** This thread's file stages since the last call (undefined without --timing), for the run's totals. */
export function takeFileTimings(): Timings | undefined {
  const taken = clock?.ms;
  clock = undefined;
  return taken;
}

/** Plain data, so it can cross to a worker thread. */
export interface ProcessConfig {
  ruleIds: string[];
  applyTiers: EditTier[];
  /** Options for every file (batch size, client names); the per-file ORM options are added from the job. */
  ruleOptions: RuleOptions;
  /** Per ORM plugin id: its facts (by key), flags and hooks caveat. */
  orm: Record<string, OrmRunData>;
  /** Report pushdown-ignore comments that silence nothing (default true). */
  reportUnusedSuppressions?: boolean;
  /** --timing: keep where each file's time goes (takeFileTimings). */
  timing?: boolean;
}

export interface FileJob {
  absPath: string;
  relPath: string;
  /** The ORM plugins active for the file. */
  orms: string[];
  /** Per plugin id: the key of the facts governing the file. */
  factsKeys: Record<string, string>;
  /** The file's length when it was prefiltered (UTF-16 code units; the pool gives a very large file a worker of its own). */
  size?: number;
}

// ignoreBOM keeps a leading U+FEFF in the text, so it can be written back.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const ALL_RULE_IDS = registry.map((r) => r.meta.id);
/** Generated code is never edited: the usual markers, and each ORM's own. */
const GENERATED_MARK = new RegExp(['@generated|do not edit', ...plugins.flatMap((p) => (p.generatedMark ? [p.generatedMark.source] : []))].join('|'), 'i');

export function processFile(job: FileJob, config: ProcessConfig, rulesCache?: Rule[]): FileResult {
  const base: FileResult = { path: job.relPath, absPath: job.absPath, status: 'unchanged', edits: [], findings: [], diff: '', parsed: false };
  const timing = config.timing === true ? (clock ??= new StageClock()) : undefined;
  const t0 = timing ? performance.now() : 0;
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.absPath);
  } catch (err) {
    return { ...base, status: 'error', error: { message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? err}); it was left alone` } };
  }
  let raw: string;
  try {
    raw = utf8.decode(bytes);
  } catch {
    // (TextDecoder's error carries a Node code too: it must not read as an I/O failure.)
    return { ...base, status: 'error', error: { message: 'not valid UTF-8; pushdown only edits UTF-8 files, so it was left alone' } };
  }
  timing?.add('read', performance.now() - t0);
  const bom = raw.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const source = bom ? raw.slice(1) : raw;
  if (GENERATED_MARK.test(source.slice(0, 400))) return { ...base, status: 'skipped' };

  let ast;
  try {
    ast = timing ? timing.time('parse', () => parseSource(source, job.absPath)) : parseSource(source, job.absPath);
  } catch (err) {
    const e = err as SourceParseError;
    return { ...base, status: 'parse-error', error: { message: e.message, line: e.line, column: e.column } };
  }
  const rules = rulesCache ?? resolveRules(config.ruleIds);
  // The record below keeps no node, so the engine may take the trees apart when it is done (their garbage
  // then dies young: lib/engine.ts takeApart). Not a file so large that the pool gives it a worker of its
  // own, whose heap goes whole when it ends: there the walk would only cost (+0.7 s on a 2 MB file).
  try {
    const ruleOptions = fileRuleOptions(job, config);
    const result = transformSource(
      source,
      job.absPath,
      { rules, ruleOptions, applyTiers: new Set(config.applyTiers), releaseTrees: (job.size ?? 0) < LARGE_FILE, ...(config.reportUnusedSuppressions === false ? {} : { allRuleIds: ALL_RULE_IDS }), ...(timing ? { clock: timing } : {}) },
      ast,
    );
    const changed = result.output !== source;
    const after = bom + result.output;
    const eol = detectEol(source);
    const batches = eol === '\n' ? result.batches : result.batches.map((b) => b.map((e) => ({ ...e, text: e.text.replace(/\r?\n/g, eol) })));
    const diff = !changed ? '' : timing ? timing.time('diff', () => unifiedDiff(job.relPath, raw, after, batches)) : unifiedDiff(job.relPath, raw, after, batches);
    return {
      ...base,
      parsed: true,
      status: changed ? 'changed' : 'unchanged',
      edits: result.edits,
      findings: result.findings,
      ...(result.suppressed > 0 ? { withheld: { suppressed: result.suppressed, baselined: 0, inTestFiles: 0, hints: 0 } } : {}),
      diff,
      ...(changed ? { before: raw, after } : {}),
    };
  } catch (err) {
    const e = err as Error;
    const message = e instanceof InvalidOutputError ? e.message : `a rule crashed on this file (${e.message}); it was left alone. This is a pushdown bug: please report it`;
    return { ...base, parsed: true, status: 'error', error: { message } };
  }
}

/** The rule options for one file: the run's, with the file's active plugins and their facts. */
export function fileRuleOptions(job: Pick<FileJob, 'orms' | 'factsKeys'>, config: Pick<ProcessConfig, 'ruleOptions' | 'orm'>): RuleOptions {
  const orm: Record<string, OrmOptions> = {};
  const hooks: string[] = [];
  for (const id of job.orms) {
    const data = config.orm[id];
    if (!data) continue;
    const key = job.factsKeys[id];
    orm[id] = { ...(key !== undefined && data.facts[key] ? { facts: data.facts[key] } : {}), flags: data.flags };
    if (data.queryHooks) hooks.push(data.queryHooks);
  }
  return { ...config.ruleOptions, orms: job.orms, orm, ...(hooks.length > 0 ? { queryHooks: hooks.join(' ') } : {}) };
}

export function resolveRules(ids: readonly string[]): Rule[] {
  return ids.map((id) => {
    const rule = findRule(id);
    if (!rule) throw new Error(`unknown rule ${id}`);
    return rule;
  });
}

