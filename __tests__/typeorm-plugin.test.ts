// The TypeORM plugin beyond its fixtures: what its entity reader takes from
// decorators, and how a run finds entity classes wherever they live.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseForEntities, readEntities } from '../lib/orm/typeorm/entities.js';
import { FACTS_KEY, TypeormProject } from '../lib/orm/typeorm/project.js';
import { runPushdown } from '../lib/runner/index.js';
import type { RunOptions } from '../lib/types.js';

const ENTITY = `import { Column, Entity, OneToMany, PrimaryGeneratedColumn, AfterLoad } from 'typeorm';
import { Order } from './order';

@Entity()
export class Customer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ unique: true }) email!: string;
  @Column() age!: number;
  @Column({ nullable: true }) nickname!: string;
  @Column() note?: string;
  @Column({ type: 'decimal' }) balance!: string;
  @Column({ select: false }) password!: string;
  @OneToMany(() => Order, (o) => o.customer) orders!: Order[];
}

@Entity('audit')
class Audit {
  @PrimaryGeneratedColumn() id!: number;
  @Column('varchar') text!: string;
  @AfterLoad() trim() { this.text = this.text.trim(); }
}
`;

function models(text: string) {
  const ast = parseForEntities(text);
  if (!ast) throw new Error('does not parse');
  return readEntities(ast);
}

describe('TypeORM entity facts', () => {
  it('reads keys, unique and nullable columns, types, relations, @AfterLoad and hidden columns', () => {
    const read = models(ENTITY);
    expect([...read.keys()]).toEqual(['Customer', 'Audit']);
    const c = read.get('Customer')!;
    expect(c.primaryKey).toEqual(['id']);
    expect(c.uniqueFields).toEqual(['id', 'email']);
    const f = (n: string) => c.fields.get(n)!;
    expect([f('id').type, f('email').type, f('age').type, f('balance').type]).toEqual(['string', 'string', 'float', 'decimal']);
    expect([f('email').nullable, f('nickname').nullable, f('note').nullable, f('id').nullable]).toEqual([false, true, true, false]);
    expect(f('orders')).toMatchObject({ isRelation: true, isScalar: false, isList: true });
    expect(c.hiddenFields).toEqual(['password']);
    expect(c.afterLoad).toBe(false);
    expect(read.get('Audit')).toMatchObject({ afterLoad: true, primaryKey: ['id'] });
    expect(read.get('Audit')!.fields.get('id')!.type).toBe('int');
  });

  it('takes only @Entity imported from typeorm (MikroORM spells it too)', () => {
    expect(models(ENTITY.replace("from 'typeorm'", "from '@mikro-orm/core'")).size).toBe(0);
    expect(models(`import { Entity } from 'typeorm';\nclass Plain {}\n`).size).toBe(0);
  });

  it('hands every file the same facts key, and facts read after the last file', () => {
    const project = new TypeormProject({ cwd: '/x' });
    const key = project.factsKeyFor('/x/src/a.service.ts');
    project.observe(ENTITY);
    expect(key).toBe(FACTS_KEY);
    expect([...project.facts()[FACTS_KEY]!.models.keys()]).toEqual(['Customer', 'Audit']);
  });
});

describe('TypeORM in a run', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  function tree(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'pushdown-typeorm-'));
    roots.push(root);
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    return root;
  }

  const options = (cwd: string, paths = ['.']): RunOptions => ({ paths, cwd, mode: 'dry-run', unsafe: false, ignore: [], extensions: ['ts'], force: false, jobs: 1 });

  const SERVICE = `import { Repository } from 'typeorm';
import { Customer } from './entities/customer';
export class Customers {
  constructor(private readonly repo: Repository<Customer>) {}
  async adults() {
    return (await this.repo.find({ where: { email: 'a' } })).length;
  }
}
`;

  it('finds entity classes in a folder scanned after the service, and in folders not scanned at all', async () => {
    const root = tree({
      'package.json': JSON.stringify({ dependencies: { typeorm: '^1.1.1' } }),
      'src/a.service.ts': SERVICE,
      'src/entities/customer.ts': ENTITY.replace("import { Order } from './order';\n", '').replace(/ {2}@OneToMany[^\n]*\n/, ''),
    });
    const whole = await runPushdown(options(root));
    expect(whole.files.filter((f) => f.edits.length > 0).map((f) => [f.path, f.edits.map((e) => `${e.rule} ${e.tier}`)])).toEqual([['src/a.service.ts', ['length-to-count safe']]]);
    const onlyService = await runPushdown(options(root, ['src/a.service.ts']));
    expect(onlyService.files[0]!.edits.map((e) => e.rule)).toEqual(['length-to-count']);
  });

  it('is off in a project whose package.json names only another ORM', async () => {
    const root = tree({
      'package.json': JSON.stringify({ dependencies: { '@prisma/client': '^7' } }),
      'src/a.service.ts': SERVICE,
      'src/entities/customer.ts': ENTITY,
    });
    const run = await runPushdown(options(root));
    expect(run.files.flatMap((f) => f.edits)).toEqual([]);
  });
});
