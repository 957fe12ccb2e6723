/** Which ORM plugins are on for a file: package.json detection, workspace roots, --orm, and the fallback. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Activation } from '../lib/orm/core/activation.js';
import { clientNamesFor, plugins, prefilterFor } from '../lib/orm/core/registry.js';
import type { OrmPlugin } from '../lib/orm/core/types.js';
import { runPushdown } from '../lib/runner/index.js';
import type { RunOptions } from '../lib/types.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pushdown-activation-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

const pkg = (deps: Record<string, string> = {}, extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'x', ...extra, ...deps });
const fake = (id: string, ...packages: string[]) => ({ id, packages }) as unknown as OrmPlugin;
const alpha = fake('alpha', 'alpha-orm', '@alpha/client');
const beta = fake('beta', 'beta-orm');

describe('Activation', () => {
  it('switches on the plugins whose packages the nearest package.json depends on (any dependency kind)', () => {
    const root = tree({
      'a/package.json': pkg({ dependencies: { '@alpha/client': '1' } }),
      'b/package.json': pkg({ devDependencies: { 'beta-orm': '1' } }),
      'c/package.json': pkg({ peerDependencies: { 'alpha-orm': '1', 'beta-orm': '1' } }),
    });
    const act = new Activation([alpha, beta]);
    expect(act.activeFor(join(root, 'a', 'src', 'x.ts'))).toEqual(['alpha']);
    expect(act.activeFor(join(root, 'b', 'x.ts'))).toEqual(['beta']);
    expect(act.activeFor(join(root, 'c', 'x.ts'))).toEqual(['alpha', 'beta']);
  });

  it('answers each folder from its own nearest package, however many folders one package has (answers are kept per package)', () => {
    const root = tree({
      'a/package.json': pkg({ dependencies: { 'alpha-orm': '1' } }),
      'a/tools/package.json': pkg({ dependencies: { 'beta-orm': '1' } }),
    });
    const act = new Activation([alpha, beta]);
    // Asked in an order that visits the outer package's folders before and after the nested one's.
    expect(act.activeFor(join(root, 'a', 'src', 'deep', 'x.ts'))).toEqual(['alpha']);
    expect(act.activeFor(join(root, 'a', 'tools', 'src', 'x.ts'))).toEqual(['beta']);
    expect(act.activeFor(join(root, 'a', 'lib', 'x.ts'))).toEqual(['alpha']);
    expect(act.activeFor(join(root, 'a', 'tools', 'x.ts'))).toEqual(['beta']);
    expect(act.activeFor(join(root, 'a', 'x.ts'))).toEqual(['alpha']);
    // Outside every package: the fallback, every plugin.
    expect(act.activeFor(join(root, 'loose', 'x.ts'))).toEqual(['alpha', 'beta']);
  });

  it('adds the workspace root: a package.json with workspaces, else the git top', () => {
    const ws = tree({
      'package.json': pkg({ devDependencies: { 'beta-orm': '1' } }, { workspaces: ['apps/*'] }),
      'apps/api/package.json': pkg({ dependencies: { express: '1' } }),
      'apps/web/package.json': pkg({ dependencies: { 'alpha-orm': '1' } }),
    });
    const act = new Activation([alpha, beta]);
    expect(act.activeFor(join(ws, 'apps', 'api', 'src', 'x.ts'))).toEqual(['beta']);
    expect(act.activeFor(join(ws, 'apps', 'web', 'x.ts'))).toEqual(['alpha', 'beta']);

    const git = tree({ '.git/HEAD': 'ref: x\n', 'package.json': pkg({ dependencies: { 'alpha-orm': '1' } }), 'svc/package.json': pkg() });
    expect(new Activation([alpha, beta]).activeFor(join(git, 'svc', 'x.ts'))).toEqual(['alpha']);
  });

  it('follows workspace packages among the dependencies to the ORM they depend on, transitively', () => {
    const ws = tree({
      'package.json': pkg({ devDependencies: { '@acme/db': 'workspace:*', vitest: '1' } }, { workspaces: { packages: ['apps/*', 'internal/**', '!internal/skip/**'] } }),
      'apps/web/package.json': pkg({ dependencies: { '@acme/models': 'workspace:*' } }, { name: '@acme/web' }),
      'apps/cli/package.json': pkg({ dependencies: { chalk: '1' } }, { name: '@acme/cli' }),
      'internal/models/package.json': pkg({ dependencies: { '@acme/db': 'workspace:*' } }, { name: '@acme/models' }),
      // A dev dependency of a dependency does not come along; a peer dependency does.
      'internal/nested/db/package.json': pkg({ peerDependencies: { 'alpha-orm': '1' }, devDependencies: { 'beta-orm': '1' } }, { name: '@acme/db' }),
      'internal/skip/other/package.json': pkg({ dependencies: { 'beta-orm': '1' } }, { name: '@acme/models-old' }),
    });
    const act = new Activation([alpha, beta]);
    expect(act.activeFor(join(ws, 'apps', 'web', 'src', 'x.ts'))).toEqual(['alpha']);
    // The root's own dependencies reach every package: here the root depends on the internal db package.
    expect(act.activeFor(join(ws, 'apps', 'cli', 'x.ts'))).toEqual(['alpha']);
    expect(act.activeFor(join(ws, 'internal', 'nested', 'db', 'x.ts'))).toEqual(['alpha', 'beta']);
  });

  it('reads the workspace packages of a pnpm-workspace.yaml', () => {
    const ws = tree({
      'package.json': pkg({ devDependencies: { turbo: '1' } }, { workspaces: ['tools'] }),
      'pnpm-workspace.yaml': 'packages:\n  - "packages/*"\n  # apps\n  - \'apps/**\'\n  - docs\n\ncatalog:\n  typescript: 5.9.3\n',
      'apps/site/api/package.json': pkg({ dependencies: { '@acme/db': 'workspace:*' } }, { name: '@acme/api' }),
      'packages/db/package.json': pkg({ dependencies: { 'beta-orm': '1' } }, { name: '@acme/db' }),
      'docs/package.json': pkg({ dependencies: { 'alpha-orm': '1' } }, { name: 'docs' }),
      'tools/package.json': pkg({ dependencies: { docs: '1' } }, { name: 'tools' }),
    });
    const act = new Activation([alpha, beta]);
    expect(act.activeFor(join(ws, 'apps', 'site', 'api', 'x.ts'))).toEqual(['beta']);
    // `tools` is listed by package.json's workspaces, its dependency `docs` by the yaml: both lists count.
    expect(act.activeFor(join(ws, 'tools', 'x.ts'))).toEqual(['alpha']);
    expect(act.activeFor(join(ws, 'packages', 'db', 'x.ts'))).toEqual(['beta']);
  });

  it('falls back to every plugin when no package.json names an ORM package (or there is none)', () => {
    const root = tree({ 'app/package.json': pkg({ dependencies: { express: '1' } }), 'bare/x.ts': '' });
    const act = new Activation([alpha, beta]);
    expect(act.activeFor(join(root, 'app', 'x.ts'))).toEqual(['alpha', 'beta']);
    expect(act.activeFor(join(root, 'bare', 'x.ts'))).toEqual(['alpha', 'beta']);
  });

  it('takes an unreadable package.json as one that names nothing', () => {
    const root = tree({ 'package.json': '{ nope' });
    expect(new Activation([alpha, beta]).activeFor(join(root, 'x.ts'))).toEqual(['alpha', 'beta']);
  });

  it('--orm overrides detection for every file', () => {
    const root = tree({ 'package.json': pkg({ dependencies: { 'alpha-orm': '1' } }) });
    expect(new Activation([alpha, beta], ['beta']).activeFor(join(root, 'x.ts'))).toEqual(['beta']);
  });
});

describe('client names and the prefilter of the active plugins', () => {
  const p = (id: string, clientNames: string[]) => ({ id, packages: [], clientNames }) as unknown as OrmPlugin;
  const a = p('a', ['a', 'db', 'tx']);
  const b = p('b', ['db', 'b']);

  it('drops a conventional name another active plugin also claims, unless the user names it', () => {
    expect(clientNamesFor(a, { orms: ['a'] }, [a, b])).toEqual(['a', 'db', 'tx']);
    expect(clientNamesFor(a, { orms: ['a', 'b'] }, [a, b])).toEqual(['a', 'tx']);
    expect(clientNamesFor(b, {}, [a, b])).toEqual(['b']);
    expect(clientNamesFor(a, { orms: ['a', 'b'], clientNames: ['db'] }, [a, b])).toEqual(['db']);
  });

  it('prefilters on the active plugins only', () => {
    const id = plugins[0].id;
    expect(prefilterFor([id]).source).toContain(plugins[0].prefilter.source);
    expect(prefilterFor([]).test('anything')).toBe(false);
  });
});

describe('the runner and activation', () => {
  const COUNTED = `import { prisma } from './db';\nexport async function n() {\n  return (await prisma.user.findMany({ where: { active: true } })).length;\n}\n`;
  const options = (cwd: string, extra: Partial<RunOptions> = {}): RunOptions => ({ paths: ['.'], cwd, mode: 'dry-run', unsafe: false, ignore: [], extensions: ['ts'], force: false, jobs: 0, ...extra });
  const prismaPackages = plugins.find((p) => p.id === 'prisma')!.packages;

  it('--orm runs exactly the named plugins', async () => {
    const cwd = tree({ 'package.json': pkg({ dependencies: { [prismaPackages[0]]: '7' } }), 'src/x.ts': COUNTED });
    expect((await runPushdown(options(cwd, { orms: ['prisma'] }))).files[0]).toMatchObject({ status: 'changed', parsed: true });
  });

  it('runs a plugin its package depends on, and the fallback on a bare folder', async () => {
    const withDep = tree({ 'package.json': pkg({ dependencies: { [prismaPackages[0]]: '7' } }), 'src/x.ts': COUNTED });
    expect((await runPushdown(options(withDep))).files[0]).toMatchObject({ status: 'changed' });
    const bare = tree({ 'src/x.ts': COUNTED });
    expect((await runPushdown(options(bare))).files[0]).toMatchObject({ status: 'changed' });
  });

  it('rejects an unknown --orm, naming the known ones', async () => {
    const cwd = tree({ 'src/x.ts': COUNTED });
    await expect(runPushdown(options(cwd, { orms: ['nope'] }))).rejects.toThrow(/unknown ORM 'nope'; known ORMs: .*prisma/);
  });
});
