/**
 * The MikroORM plugin (MikroORM 6): `em.find(E, where, options)`,
 * `em.findAll(E, options)`, `repo.find(where, options)`, `repo.findAll(options)`
 * loads (load.ts), facts from @Entity classes (entities.ts), and what MikroORM
 * can say instead (dialect.ts).
 */
import type { OrmPlugin } from '../core/types.js';
import { mikroDialect } from './dialect.js';
import { mikroDocs } from './docs.js';
import { MIKRO_ID } from './load.js';

export const mikroOrmPlugin: OrmPlugin = {
  id: MIKRO_ID,
  displayName: 'MikroORM',
  packages: [
    '@mikro-orm/core',
    '@mikro-orm/knex',
    '@mikro-orm/postgresql',
    '@mikro-orm/mysql',
    '@mikro-orm/mariadb',
    '@mikro-orm/sqlite',
    '@mikro-orm/better-sqlite',
    '@mikro-orm/libsql',
    '@mikro-orm/mssql',
    '@mikro-orm/mongodb',
    '@mikro-orm/nestjs',
  ],
  // `.find(` / `.findAll(` (also with type arguments): arrays' find matches too, and recognition sorts them out.
  prefilter: /\.\s*find(?:All)?\s*(?:<[^>()]*>\s*)?\(/,
  clientNames: ['em'],
  project: async (opts) => new (await import('./project.js')).MikroProject(opts),
  dialect: mikroDialect,
  docs: mikroDocs,
};
