/**
 * Which files to scan: the given paths, walked, minus .gitignore'd files,
 * default-ignored folders (dependencies, build output, generated clients) and
 * --ignore globs. Sorted, so output order never depends on the file system.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { default as Ignorer, Ignore } from 'ignore';
import type Picomatch from 'picomatch';
import { commonjs } from '../require.js';
import { plugins } from '../orm/core/registry.js';
import { UsageError } from './errors.js';

const ignore = commonjs.require('ignore') as typeof Ignorer;
const picomatch = commonjs.require('picomatch') as typeof Picomatch;

export const DEFAULT_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

/** Folders never walked into: dependencies, build output, VCS data. */
const IGNORED_DIRS = new Set(['node_modules', 'dist', 'build', '.next', 'coverage', '.git', '.hg', '.svn']);
/** Generated code of any ORM pushdown knows (its plugin says where it usually lives). */
const generatedGlobs = plugins.flatMap((p) => p.generated ?? []);
const GENERATED = generatedGlobs.length > 0 ? picomatch(generatedGlobs, { dot: true }) : () => false;

/** pushdown's own config is never scanned as source. */
const CONFIG_FILE = /^pushdown\.config\.[cm]?[jt]s$/;
/** The temp file of an atomic write (lib/runner/write.ts); group 1 is the writer's pid. */
export const TEMP_FILE = /^\..+\.pushdown-(\d+)-[0-9a-f]{8}\.tmp$/;

export interface DiscoverOptions {
  cwd: string;
  paths: string[];
  ignore: string[];
  extensions: string[];
  /** Called with each temp file an interrupted --write left behind (`.name.pushdown-<pid>-<hex>.tmp`). */
  onTempFile?: (absPath: string) => void;
  /** Called with what was skipped and why: unreadable folders, symbolic links not followed. */
  onWarning?: (message: string) => void;
}

interface Scoped {
  dir: string;
  ig: Ignore;
}

const toPosix = sep === '/' ? (p: string) => p : (p: string) => p.split(sep).join('/');

export function discoverFiles(opts: DiscoverOptions): string[] {
  const exts = new Set(opts.extensions.map((e) => e.replace(/^\./, '').toLowerCase()));
  const userIgnore = opts.ignore.length > 0 ? picomatch(opts.ignore, { dot: true }) : () => false;
  const userIgnoreBase = opts.ignore.length > 0 ? picomatch(opts.ignore.filter((g) => !g.includes('/')), { dot: true }) : () => false;
  const isUserIgnored = (abs: string, isDir: boolean) => {
    if (opts.ignore.length === 0) return false;
    const rel = toPosix(relative(opts.cwd, abs));
    const base = abs.slice(abs.lastIndexOf(sep) + 1);
    // Globs from a config file come absolute (relative to its folder): match those on the absolute path.
    return userIgnore(rel) || (isDir && userIgnore(`${rel}/`)) || userIgnoreBase(base) || userIgnore(toPosix(abs));
  };
  const out = new Set<string>();
  const rel = (abs: string) => toPosix(relative(opts.cwd, abs)) || '.';
  /** The scanned folder being walked, and its real path. */
  let root = { path: '', real: '' };

  for (const p of opts.paths.length > 0 ? opts.paths : ['.']) {
    const abs = resolve(opts.cwd, p);
    if (!existsSync(abs)) throw new UsageError(`no such file or directory: ${p}`);
    const st = statSync(abs);
    if (st.isFile()) {
      // A file named explicitly is scanned even if .gitignore'd; --ignore still applies.
      if (!isUserIgnored(abs, false) && exts.has(extOf(abs))) out.add(abs);
      continue;
    }
    if (!st.isDirectory()) continue;
    // A folder named explicitly is scanned even if an outer .gitignore lists it (as a named file is);
    // the .gitignore files inside it, and outer rules for its contents, still apply.
    const outer = ancestorGitignores(abs);
    root = { path: abs, real: realpathSync(abs) };
    walk(abs, isGitIgnored(outer, abs, true) ? [] : outer);
  }

  /**
   * A symbolic link to a file inside the scanned folder: its target is scanned
   * once, under its own path (writing through the link would replace the link).
   * Links to folders are not followed; links that loop or point nowhere are named.
   */
  function followLink(abs: string): void {
    let target: string;
    try {
      target = realpathSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      opts.onWarning?.(`${rel(abs)}: a symbolic link that ${code === 'ELOOP' ? 'loops' : 'points nowhere'}; skipped`);
      return;
    }
    if (statSync(target).isDirectory()) {
      opts.onWarning?.(`${rel(abs)}: a symbolic link to a folder; not followed (scan ${rel(target)} to include it)`);
      return;
    }
    if (!exts.has(extOf(target)) || !exts.has(extOf(abs))) return;
    const inside = relative(root.real, target);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      opts.onWarning?.(`${rel(abs)}: a symbolic link to a file outside the scanned folder (${target}); skipped`);
      return;
    }
    const own = join(root.path, inside);
    if (!isUserIgnored(own, false) && !GENERATED(toPosix(own))) out.add(own);
  }

  function walk(dir: string, scopes: Scoped[]): void {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      opts.onWarning?.(`${rel(dir)}: cannot read the folder (${(err as NodeJS.ErrnoException).code ?? err}); its files were not scanned`);
      return;
    }
    // The listing says whether there is a .gitignore: no stat per folder to ask again.
    const own = entries.some((e) => e.name === '.gitignore') ? readGitignore(dir) : undefined;
    const here = own ? [...scopes, own] : scopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (IGNORED_DIRS.has(e.name)) continue;
        if (isGitIgnored(here, abs, true) || isUserIgnored(abs, true)) continue;
        if (GENERATED(toPosix(abs) + '/x')) continue;
        walk(abs, here);
      } else if (e.isSymbolicLink()) {
        if (isGitIgnored(here, abs, false) || isUserIgnored(abs, false)) continue;
        followLink(abs);
      } else if (e.isFile()) {
        if (TEMP_FILE.test(e.name)) opts.onTempFile?.(abs);
        if (!exts.has(extOf(e.name)) || CONFIG_FILE.test(e.name)) continue;
        if (isGitIgnored(here, abs, false) || isUserIgnored(abs, false)) continue;
        if (GENERATED(toPosix(abs))) continue;
        out.add(abs);
      }
    }
  }

  const files = [...out].sort();
  if (files.length === 0) {
    throw new UsageError(
      `no source files (${[...exts].map((e) => '.' + e).join(' ')}) found in ${opts.paths.join(' ') || '.'}; check the path, --extensions and --ignore`,
    );
  }
  return files;
}

function extOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? '' : path.slice(dot + 1).toLowerCase();
}

function readGitignore(dir: string): Scoped | undefined {
  const file = join(dir, '.gitignore');
  if (!existsSync(file)) return undefined;
  try {
    return { dir, ig: ignore().add(readFileSync(file, 'utf8')) };
  } catch {
    return undefined;
  }
}

/** The .gitignore files above a scanned folder, up to its repository's root. */
function ancestorGitignores(start: string): Scoped[] {
  // A repository's root takes no rules from a repository around it.
  if (existsSync(join(start, '.git'))) return [];
  const chain: string[] = [];
  let dir = dirname(start);
  for (;;) {
    chain.push(dir);
    if (existsSync(join(dir, '.git'))) break;
    const up = dirname(dir);
    if (up === dir) return []; // not in a repository: only .gitignore files inside the scanned tree count
    dir = up;
  }
  return chain
    .reverse()
    .map(readGitignore)
    .filter((s): s is Scoped => s !== undefined);
}

function isGitIgnored(scopes: Scoped[], abs: string, isDir: boolean): boolean {
  for (const s of scopes) {
    // Scopes are the folder being walked and those above it: the path is under each (path.relative, only faster).
    const under = abs.startsWith(s.dir) && abs.charAt(s.dir.length) === sep && !s.dir.endsWith(sep);
    const rel = under ? toPosix(abs.slice(s.dir.length + 1)) : toPosix(relative(s.dir, abs));
    if (!rel || rel.startsWith('..')) continue;
    if (s.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}
