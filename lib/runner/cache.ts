/**
 * The result cache (`--cache`), as ESLint's and prettier's: a file is not
 * analysed again when nothing its result depends on has changed since the run
 * that cached it.
 *
 * A file's result (lib/runner/process-file.ts processFile) is a function of
 * its bytes, its path, the ORM plugins active for it and the facts that govern
 * it, the run's rule configuration, and pushdown's own code; it reads no other
 * file. So:
 * - the cache is keyed per run by a hash of pushdown's build (every file of
 *   its lib/, transforms/ and bin/), the parser's version, Node's version and
 *   the whole ProcessConfig (rules, tiers, options, every plugin's facts);
 *   a run with another key starts a fresh cache;
 * - each file's entry by a hash of its path, its active plugins, its facts
 *   keys and its bytes.
 * Only results a later run would compute the same are kept: unchanged,
 * changed, generated (skipped) and parse errors, never a read error or a crash.
 * What the run does with results afterwards (baseline, test files, hints,
 * writing) is not cached: it is done again on every run.
 *
 * The cache file is written atomically (temp file, rename); one that cannot be
 * read, is not this version's, or is damaged is ignored and replaced.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commonjs } from '../require.js';
import type { FileResult } from '../types.js';
import type { FileJob, ProcessConfig } from './process-file.js';

/** Bumped when what an entry holds changes. */
const CACHE_FORMAT = 1;

/** A result as stored: no absolute path (recomputed from the job), no `before` (the file's own text, read again). */
type Stored = Omit<FileResult, 'absPath' | 'before'>;

interface CacheFile {
  format: number;
  run: string;
  files: Record<string, { key: string; result: Stored }>;
}

const CACHEABLE: ReadonlySet<FileResult['status']> = new Set(['unchanged', 'changed', 'skipped', 'parse-error']);

let build: string | undefined;
const OWN_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** pushdown's own code (every file of lib/, transforms/ and bin/ under `root`: dist/, or the sources under a test runner), the parser's version and Node's, hashed: a rebuilt rule must not be answered from the cache. */
export function buildId(root = OWN_ROOT): string {
  if (root === OWN_ROOT && build !== undefined) return build;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const abs = join(dir, name);
      if (/\.(js|ts|mjs|cjs|json)$/.test(name)) {
        hash.update(`${abs.slice(root.length)}\0`);
        hash.update(readFileSync(abs));
      } else if (!name.includes('.')) walk(abs);
    }
  };
  for (const top of ['lib', 'transforms', 'bin']) walk(join(root, top));
  let parser = '?';
  try {
    const main = commonjs.require.resolve('@babel/parser');
    parser = (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    /* a parser without its package.json: the build hash still holds */
  }
  hash.update(`\0parser ${parser}\0node ${process.version}`);
  const id = hash.digest('hex');
  if (root === OWN_ROOT) build = id;
  return id;
}

/**
 * The run's configuration as hashed, whole: facts keep their models and each model's fields in Maps, which
 * JSON alone writes as `{}` (a field made nullable or unique must change the key), so Maps and Sets are
 * written as their entries, in order.
 */
function configText(config: ProcessConfig): string {
  return JSON.stringify(config, (_key, value: unknown) => (value instanceof Map ? { Map: [...value] } : value instanceof Set ? { Set: [...value] } : value));
}

export class ResultCache {
  private dirty = false;
  /** Results answered from the cache in this run. */
  hits = 0;

  private constructor(
    readonly location: string,
    private readonly run: string,
    private readonly stored: CacheFile['files'],
  ) {}

  /** Opens the cache at `location` for a run with this configuration; a missing, foreign or damaged file gives an empty cache. */
  static open(location: string, config: ProcessConfig): ResultCache {
    const run = createHash('sha256').update(`${CACHE_FORMAT}\0${buildId()}\0${configText(config)}`).digest('hex');
    let files: CacheFile['files'] = Object.create(null) as CacheFile['files'];
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as Partial<CacheFile>;
      if (data && data.format === CACHE_FORMAT && data.run === run && data.files && typeof data.files === 'object') {
        files = Object.assign(Object.create(null) as CacheFile['files'], data.files);
      }
    } catch {
      /* no cache yet, or one that cannot be read: start afresh */
    }
    return new ResultCache(location, run, files);
  }

  /** The entry key of a job whose file read as `latin1` (one character per byte, so the bytes are hashed exactly). */
  static key(job: Pick<FileJob, 'relPath' | 'orms' | 'factsKeys'>, latin1: string): string {
    return createHash('sha256').update(JSON.stringify([job.relPath, job.orms, job.factsKeys])).update('\0').update(latin1, 'latin1').digest('hex');
  }

  /** The cached result of this job, or undefined. `latin1` is the file as read for the key. */
  get(job: FileJob, key: string, latin1: string): FileResult | undefined {
    const entry = this.stored[job.relPath];
    if (!entry || entry.key !== key) return undefined;
    const result = structuredClone(entry.result) as FileResult;
    result.absPath = job.absPath;
    if (result.status === 'changed') result.before = Buffer.from(latin1, 'latin1').toString('utf8');
    this.hits++;
    return result;
  }

  /** Keeps a fresh result (before anything later in the run changes it). */
  set(job: FileJob, key: string, result: FileResult): void {
    if (!CACHEABLE.has(result.status)) {
      if (job.relPath in this.stored) {
        delete this.stored[job.relPath];
        this.dirty = true;
      }
      return;
    }
    const { absPath: _abs, before: _before, ...rest } = result;
    this.stored[job.relPath] = { key, result: structuredClone(rest) };
    this.dirty = true;
  }

  /** Writes the cache if it changed; a problem is returned as a warning, never thrown (the run's results stand). */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    const data: CacheFile = { format: CACHE_FORMAT, run: this.run, files: this.stored };
    const tmp = `${this.location}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.location), { recursive: true });
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, this.location);
      this.dirty = false;
      return undefined;
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        /* never created */
      }
      return `the cache could not be written to ${this.location} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); the next run analyses every file again`;
    }
  }
}
