/**
 * Writing results back: atomically (temp file in the same folder, then
 * rename), keeping the file's mode. Line endings and a BOM were kept by the
 * engine. In a git work tree, files with uncommitted changes are refused
 * unless forced, so a rewrite can always be reviewed and undone with git.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';

export function atomicWrite(absPath: string, content: string): void {
  const mode = statSync(absPath).mode & 0o7777;
  const tmp = join(dirname(absPath), `.${basename(absPath)}.pushdown-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', mode);
  try {
    writeSync(fd, content, null, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, absPath);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    try {
      unlinkSync(tmp);
    } catch {
      /* never created or already renamed */
    }
    throw err;
  }
}

export type DirtyReason = 'modified' | 'untracked';

/**
 * The files among `absPaths` that git reports as modified, staged, or
 * untracked, and which. Files outside any work tree are never dirty.
 */
export function gitDirtyFiles(absPaths: string[]): Map<string, DirtyReason> {
  const dirty = new Map<string, DirtyReason>();
  const byRoot = new Map<string, string[]>();
  const rootOf = new Map<string, string | null>();
  for (const abs of absPaths) {
    const dir = dirname(abs);
    if (!rootOf.has(dir)) rootOf.set(dir, gitRoot(dir));
    const root = rootOf.get(dir);
    if (!root) continue;
    const list = byRoot.get(root) ?? [];
    list.push(abs);
    byRoot.set(root, list);
  }
  for (const [root, files] of byRoot) {
    let out: string;
    try {
      out = execFileSync('git', ['-C', root, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...files.map((f) => relative(root, f))], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch {
      continue;
    }
    const entries = out.split('\0');
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e.length < 4) continue;
      const status = e.slice(0, 2);
      dirty.set(join(root, e.slice(3).split('/').join(sep)), status === '??' ? 'untracked' : 'modified');
      if (status[0] === 'R' || status[0] === 'C') i++; // the next entry is the rename's source
    }
  }
  return dirty;
}

function gitRoot(dir: string): string | null {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}
