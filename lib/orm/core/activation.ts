/**
 * Which ORM plugins are on for a file, from what its project depends on (as
 * Biome's rule domains switch on from package.json):
 *
 * - the dependencies, devDependencies and peerDependencies of the nearest
 *   package.json above the file, together with those of its workspace root
 *   (the nearest package.json above that has `workspaces`, else the
 *   package.json at the git work tree's top), name the npm packages in use;
 * - a dependency that is a package of the same workspace (listed by the root's
 *   `workspaces`, or by pnpm-workspace.yaml) brings its own dependencies and
 *   peerDependencies along, transitively: an app that depends on an internal
 *   `@acme/database` package uses the ORM that package depends on;
 * - a plugin is active when one of its `packages` is among them;
 * - when none of them names any plugin's package (no package.json at all, or
 *   one that lists no ORM: a bare folder of files, a script), every plugin
 *   stays active and the prefilter and each plugin's own client recognition
 *   decide, as before plugins existed;
 * - an explicit list (`--orm`) overrides detection for every file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OrmPlugin } from './types.js';

interface PackageInfo {
  name?: string;
  deps: ReadonlySet<string>;
  /** dependencies and peerDependencies: what another package that depends on this one gets. */
  runtimeDeps: ReadonlySet<string>;
  /** The `workspaces` globs, when the package declares any (`[]` for a declaration that lists none). */
  workspaces?: string[];
}

export class Activation {
  private readonly packageByDir = new Map<string, PackageInfo | undefined>();
  private readonly activeByDir = new Map<string, string[]>();
  /** The answer per nearest package folder ('' for none), which is all it depends on: a monorepo has many folders per package. */
  private readonly activeByPackage = new Map<string, string[]>();
  private readonly rootByPackage = new Map<string, string | undefined>();
  /** Per workspace root: its packages by name. */
  private readonly workspacePackages = new Map<string, Map<string, PackageInfo>>();

  constructor(
    private readonly plugins: readonly OrmPlugin[],
    /** `--orm`: these plugin ids, for every file. */
    private readonly explicit?: readonly string[],
  ) {}

  /** The ids of the plugins active for a file, in registry order. */
  activeFor(absFile: string): string[] {
    if (this.explicit) return this.plugins.filter((p) => this.explicit!.includes(p.id)).map((p) => p.id);
    const dir = dirname(absFile);
    let hit = this.activeByDir.get(dir);
    if (!hit) {
      hit = this.detect(dir);
      this.activeByDir.set(dir, hit);
    }
    return hit;
  }

  private detect(dir: string): string[] {
    const nearest = this.nearestPackageDir(dir);
    const key = nearest ?? '';
    let hit = this.activeByPackage.get(key);
    if (!hit) {
      hit = this.detectFor(nearest);
      this.activeByPackage.set(key, hit);
    }
    return hit;
  }

  /** The plugins named by the dependencies of this package (undefined: no package.json above), as the module comment says. */
  private detectFor(nearest: string | undefined): string[] {
    const deps = new Set<string>();
    if (nearest !== undefined) {
      for (const d of this.packageAt(nearest)!.deps) deps.add(d);
      const root = this.workspaceRootOf(nearest);
      if (root !== undefined && root !== nearest) for (const d of this.packageAt(root)!.deps) deps.add(d);
      // Workspace packages among them bring their own dependencies.
      const local = root !== undefined ? this.packagesOf(root) : undefined;
      if (local && local.size > 0) {
        const queue = [...deps];
        const expanded = new Set<string>();
        while (queue.length > 0) {
          const name = queue.pop()!;
          const info = local.get(name);
          if (!info || expanded.has(name)) continue;
          expanded.add(name);
          for (const d of info.runtimeDeps) {
            if (!deps.has(d)) queue.push(d);
            deps.add(d);
          }
        }
      }
    }
    const named = this.plugins.filter((p) => p.packages.some((pkg) => deps.has(pkg)));
    return (named.length > 0 ? named : this.plugins).map((p) => p.id);
  }

  private nearestPackageDir(start: string): string | undefined {
    for (let dir = start; ; ) {
      if (this.packageAt(dir)) return dir;
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }

  private workspaceRootOf(pkgDir: string): string | undefined {
    if (!this.rootByPackage.has(pkgDir)) this.rootByPackage.set(pkgDir, this.workspaceRoot(pkgDir));
    return this.rootByPackage.get(pkgDir);
  }

  /** Above a package: the nearest package.json with `workspaces` (or a pnpm-workspace.yaml beside it), else the one at the git top, else none. */
  private workspaceRoot(pkgDir: string): string | undefined {
    let gitTop: string | undefined;
    for (let dir = dirname(pkgDir); ; ) {
      const info = this.packageAt(dir);
      if (info?.workspaces) return dir;
      if (gitTop === undefined && existsSync(join(dir, '.git'))) gitTop = info ? dir : '';
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    if (existsSync(join(pkgDir, '.git'))) return undefined; // the package is its repository's top
    return gitTop || undefined;
  }

  /** The packages a workspace root's globs list (`dir/*`, `dir/**`, a folder; `!` excludes), by name. */
  private packagesOf(root: string): Map<string, PackageInfo> {
    let hit = this.workspacePackages.get(root);
    if (hit) return hit;
    hit = new Map();
    this.workspacePackages.set(root, hit);
    const globs = this.packageAt(root)?.workspaces ?? [];
    const excluded = globs.filter((g) => g.startsWith('!')).map((g) => globPrefix(g.slice(1)));
    for (const glob of globs) {
      if (glob.startsWith('!')) continue;
      const base = globPrefix(glob);
      const depth = glob.endsWith('/**') ? 4 : glob.endsWith('/*') ? 1 : 0;
      for (const dir of packageDirs(join(root, base), depth)) {
        const rel = dir.slice(root.length + 1);
        if (excluded.some((e) => rel === e || rel.startsWith(`${e}/`))) continue;
        const info = this.packageAt(dir);
        if (info?.name !== undefined && !hit.has(info.name)) hit.set(info.name, info);
      }
    }
    return hit;
  }

  private packageAt(dir: string): PackageInfo | undefined {
    if (this.packageByDir.has(dir)) return this.packageByDir.get(dir);
    let info: PackageInfo | undefined;
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        const deps = new Set<string>();
        const runtimeDeps = new Set<string>();
        for (const key of ['dependencies', 'devDependencies', 'peerDependencies']) {
          const v = json[key];
          if (v && typeof v === 'object') for (const name of Object.keys(v)) (key === 'devDependencies' ? [deps] : [deps, runtimeDeps]).forEach((set) => set.add(name));
        }
        // A repository may keep both (npm's list and pnpm's): the packages of either are the workspace's.
        const declared = [workspaceGlobs(json.workspaces), pnpmWorkspaceGlobs(dir)].filter((g) => g !== undefined);
        const workspaces = declared.length > 0 ? declared.flat() : undefined;
        info = { ...(typeof json.name === 'string' ? { name: json.name } : {}), deps, runtimeDeps, ...(workspaces ? { workspaces } : {}) };
      } catch {
        info = { deps: new Set(), runtimeDeps: new Set() }; // unreadable: a package that names nothing
      }
    }
    this.packageByDir.set(dir, info);
    return info;
  }
}

/** `workspaces` as npm and yarn write it: a list, or `{ packages: [...] }`. */
function workspaceGlobs(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const list: unknown = Array.isArray(value) ? value : value && typeof value === 'object' ? (value as { packages?: unknown }).packages : undefined;
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : [];
}

/** The `packages:` list of a pnpm-workspace.yaml beside the package.json (plain `- "glob"` lines; anything else ends the list). */
function pnpmWorkspaceGlobs(dir: string): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    return undefined;
  }
  const globs: string[] = [];
  let inList = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^packages:\s*(#.*)?$/.test(line)) {
      inList = true;
      continue;
    }
    if (!inList || /^\s*(#.*)?$/.test(line)) continue;
    const item = /^\s+-\s*(?:"([^"]*)"|'([^']*)'|([^\s#]+))\s*(#.*)?$/.exec(line);
    if (!item) break;
    globs.push(item[1] ?? item[2] ?? item[3]);
  }
  return globs;
}

/** The folder part of a glob before its first wildcard, without a trailing slash. */
function globPrefix(glob: string): string {
  const parts = glob.replace(/^\.\//, '').split('/');
  const at = parts.findIndex((p) => /[*?[{]/.test(p));
  return (at === -1 ? parts : parts.slice(0, at)).join('/');
}

/** `dir` and the folders up to `depth` levels below it that hold a package.json (node_modules and dot folders skipped). */
function packageDirs(dir: string, depth: number): string[] {
  const out: string[] = [];
  const visit = (d: string, level: number): void => {
    if (level > 0 || depth === 0) if (existsSync(join(d, 'package.json'))) out.push(d);
    if (level >= depth) return;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) visit(join(d, e.name), level + 1);
  };
  visit(dir, 0);
  return out;
}
