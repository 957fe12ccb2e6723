/**
 * Which files to scan: the given paths, walked, minus .gitignore'd files,
 * default-ignored folders (dependencies, build output, generated clients) and
 * --ignore globs. Sorted, so output order never depends on the file system.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { plugins } from '../orm/core/registry.js';
import { UsageError } from './errors.js';

export const DEFAULT_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

/** Folders never walked into: dependencies, build output, VCS data. */
const IGNORED_DIRS = new Set(['node_modules', 'dist', 'build', '.next', 'coverage', '.git', '.hg', '.svn']);
/** Generated code of any ORM pushdown knows (its plugin says where it usually lives). */
const generatedGlobs = plugins.flatMap((p) => p.generated ?? []);
const GENERATED = generatedGlobs.length > 0 ? picomatch(generatedGlobs, { dot: true }) : () => false;

export interface DiscoverOptions {
  cwd: string;
  paths: string[];
  ignore: string[];
  extensions: string[];
}

interface Scoped {
  dir: string;
  ig: Ignore;
}

const toPosix = (p: string) => p.split(sep).join('/');

export function discoverFiles(opts: DiscoverOptions): string[] {
  const exts = new Set(opts.extensions.map((e) => e.replace(/^\./, '').toLowerCase()));
  const userIgnore = opts.ignore.length > 0 ? picomatch(opts.ignore, { dot: true }) : () => false;
  const userIgnoreBase = opts.ignore.length > 0 ? picomatch(opts.ignore.filter((g) => !g.includes('/')), { dot: true }) : () => false;
  const isUserIgnored = (abs: string, isDir: boolean) => {
    const rel = toPosix(relative(opts.cwd, abs));
    const base = abs.slice(abs.lastIndexOf(sep) + 1);
    return userIgnore(rel) || (isDir && userIgnore(`${rel}/`)) || userIgnoreBase(base);
  };
  const out = new Set<string>();

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
    walk(abs, isGitIgnored(outer, abs, true) ? [] : outer);
  }

  function walk(dir: string, scopes: Scoped[]): void {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folders are skipped like ignored ones
    }
    const own = readGitignore(dir);
    const here = own ? [...scopes, own] : scopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (IGNORED_DIRS.has(e.name)) continue;
        if (isGitIgnored(here, abs, true) || isUserIgnored(abs, true)) continue;
        if (GENERATED(toPosix(abs) + '/x')) continue;
        walk(abs, here);
      } else if (e.isFile()) {
        if (!exts.has(extOf(e.name))) continue;
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
    const rel = toPosix(relative(s.dir, abs));
    if (!rel || rel.startsWith('..')) continue;
    if (s.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}
