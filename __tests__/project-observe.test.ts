/**
 * Each ORM plugin's project reads every scanned file's text for hooks and model declarations. A literal
 * search rules most files out before the pattern runs: these cases are the forms the patterns take (spaces
 * before a parenthesis, each alternative), so a literal that a form lacks would make one of them fail.
 */
import { describe, expect, it } from 'vitest';
import { plugins } from '../lib/orm/core/registry.js';
import type { OrmProject } from '../lib/orm/core/types.js';
import { declaresModels as sequelizeDeclares } from '../lib/orm/sequelize/facts.js';
import { declaresModels as mongooseDeclares } from '../lib/orm/mongoose/facts.js';
import { mayDeclareEntities as mikroMayDeclare } from '../lib/orm/mikro-orm/entities.js';
import { marksTables } from '../lib/orm/drizzle/tables.js';

async function project(id: string): Promise<OrmProject> {
  const plugin = plugins.find((p) => p.id === id);
  if (!plugin?.project) throw new Error(`no project for ${id}`);
  return plugin.project({ cwd: process.cwd() });
}

/** Does observing this one text make the project report a per-operation hook? */
async function hooked(id: string, text: string): Promise<boolean> {
  const p = await project(id);
  p.observe(text, 'x.ts');
  return p.queryHooks() !== undefined;
}

describe('hooks found in observed text', () => {
  const cases: Array<[string, string[], string[]]> = [
    [
      'sequelize',
      ['User.beforeFind(() => {})', 'hooks: { afterFind: f }', 'addHook("beforeFindAfterExpandIncludeAll", f)', 'x.afterFindAfterOptions', '@BeforeFind\nstatic f() {}', '@AfterFind static g() {}'],
      ['beforeCount(f)', 'before_find', 'beforeFinding', 'User.findAll()'],
    ],
    [
      'mongoose',
      ["schema.pre('find', f)", "schema.pre ('find', f)", 'schema.post ( "findOne", f)', 'schema.pre(/^find/, f)', 'schema.pre(/find/, f)', "schema.post(['save', 'find'], f)", 's.pre(`findOneAndUpdate`, f)'],
      ["schema.pre('save', f)", "schema.on('find', f)", 'pre("find")'],
    ],
    [
      'mikro-orm',
      ['@EventSubscriber()\nexport class S {}', 'class S implements EventSubscriber<User> {}', '@OnLoad ()\nf() {}', '@OnInit() g() {}'],
      ['@OnCreate() f() {}', 'MyEventSubscriberX', 'onLoad()'],
    ],
    [
      'typeorm',
      ["import { EventSubscriber } from 'typeorm';\n@EventSubscriber ()\nexport class S {}", "import { EventSubscriber } from \"typeorm\";\n@EventSubscriber()\nexport class S {}"],
      ["@EventSubscriber()\nexport class S {}", "import { Entity } from 'typeorm';\n@Entity()\nclass U {}"],
    ],
    [
      'prisma',
      ['prisma.$use(async (params, next) => next(params))', 'prisma.$use (mw)', 'prisma.$extends({ query: { user: { findMany: f } } })', 'Prisma.defineExtension({ query: {} })'],
      ['prisma.$extends({ result: {} })', 'prisma.use(mw)', 'prisma.user.findMany()'],
    ],
  ];
  for (const [id, hits, misses] of cases) {
    it(`${id}: every form of a hook, and none of the near misses`, async () => {
      for (const text of hits) expect(await hooked(id, text), text).toBe(true);
      for (const text of misses) expect(await hooked(id, text), text).toBe(false);
    });
  }
});

describe('files worth reading for models', () => {
  it('sequelize: Model.init / sequelize.define with DataTypes or Sequelize named', () => {
    expect(sequelizeDeclares('User.init ({ name: DataTypes.STRING }, { sequelize })')).toBe(true);
    expect(sequelizeDeclares("sequelize.define('user', { name: Sequelize.STRING })")).toBe(true);
    expect(sequelizeDeclares('x.define\n(\n{}) // Sequelize')).toBe(true);
    expect(sequelizeDeclares('User.init({ name: DataTypes.STRING }')).toBe(true);
    expect(sequelizeDeclares('User.initialize({ name: DataTypes.STRING })')).toBe(false);
    expect(sequelizeDeclares('User.init({ name: "x" })')).toBe(false);
  });

  it('mongoose: model(...) or model<...> with a Schema', () => {
    expect(mongooseDeclares("const User = model('User', new Schema({ name: String }))")).toBe(true);
    expect(mongooseDeclares('const User = mongoose.model <IUser>("User", userSchema); // Schema')).toBe(true);
    expect(mongooseDeclares("const User = remodel('User', new Schema({}))")).toBe(false);
    expect(mongooseDeclares("const User = model('User', schema)")).toBe(false);
    expect(mongooseDeclares('new Schemas()')).toBe(false);
  });

  it('mikro-orm: @Entity( or @PrimaryKey(', () => {
    expect(mikroMayDeclare('@Entity ()\nclass User {}')).toBe(true);
    expect(mikroMayDeclare('class User { @PrimaryKey() id!: number }')).toBe(true);
    expect(mikroMayDeclare('@Entity\nclass User {}')).toBe(false);
    expect(mikroMayDeclare('@EntityRepositoryType()')).toBe(false);
  });

  it('drizzle: a table function called', () => {
    for (const text of ["pgTable('users', {})", "sqliteTable ('users', {})", "mysqlTable\n('users', {})", "const t = pgTableCreator((n) => n)", "sqliteTableCreator ((n) => n)"]) expect(marksTables(text), text).toBe(true);
    for (const text of ["pgView('v')", "mypgTable('users', {})", 'const pgTable = 1;', "PgTable('users')"]) expect(marksTables(text), text).toBe(false);
  });
});
