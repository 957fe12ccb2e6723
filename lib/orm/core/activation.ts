/**
 * Which ORM plugins are on for a file, from what its project depends on (as
 * Biome's rule domains switch on from package.json):
 *
 * - the dependencies, devDependencies and peerDependencies of the nearest
 *   package.json above the file, together with those of its workspace root
 *   (the nearest package.json above that has `workspaces`, else the
 *   package.json at the git work tree's top), name the npm packages in use;
 * - a plugin is active when one of its `packages` is among them;
 * - when none of them names any plugin's package (no package.json at all, or
 *   one that lists no ORM: a bare folder of files, a script), every plugin
 *   stays active and the prefilter and each plugin's own client recognition
 *   decide, as before plugins existed;
 * - an explicit list (`--orm`) overrides detection for every file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OrmPlugin } from './types.js';

interface PackageInfo {
  deps: ReadonlySet<string>;
  workspaces: boolean;
}

export class Activation {
  private readonly packageByDir = new Map<string, PackageInfo | undefined>();
  private readonly activeByDir = new Map<string, string[]>();

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
    const deps = new Set<string>();
    const nearest = this.nearestPackageDir(dir);
    if (nearest !== undefined) {
      for (const d of this.packageAt(nearest)!.deps) deps.add(d);
      const root = this.workspaceRoot(nearest);
      if (root !== undefined && root !== nearest) for (const d of this.packageAt(root)!.deps) deps.add(d);
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

  /** Above a package: the nearest package.json with `workspaces`, else the one at the git top, else none. */
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

  private packageAt(dir: string): PackageInfo | undefined {
    if (this.packageByDir.has(dir)) return this.packageByDir.get(dir);
    let info: PackageInfo | undefined;
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        const deps = new Set<string>();
        for (const key of ['dependencies', 'devDependencies', 'peerDependencies']) {
          const v = json[key];
          if (v && typeof v === 'object') for (const name of Object.keys(v)) deps.add(name);
        }
        info = { deps, workspaces: json.workspaces !== undefined };
      } catch {
        info = { deps: new Set(), workspaces: false }; // unreadable: a package that names nothing
      }
    }
    this.packageByDir.set(dir, info);
    return info;
  }
}
