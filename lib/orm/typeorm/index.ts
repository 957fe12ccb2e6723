/**
 * The TypeORM plugin (1.x, and 0.3 code shapes): `find`/`findBy` on a
 * repository or an entity manager, and query builders ending in getMany();
 * facts from the decorators of the project's entity classes.
 */
import type { OrmPlugin } from '../core/types.js';
import { typeormDialect } from './dialect.js';
import { typeormDocs } from './docs.js';
import { TYPEORM_ID } from './load.js';

export const typeormPlugin: OrmPlugin = {
  id: TYPEORM_ID,
  displayName: 'TypeORM',
  packages: ['typeorm', '@nestjs/typeorm'],
  // `.findBy(`, `.getMany(`, and `.find(` with options, an entity or nothing: not an array's `.find((x) => ...)`.
  prefilter: /\.\s*(?:findBy|getMany)\s*\(|\.\s*find\s*\(\s*(?:\{|\)|[A-Za-z_$][\w$.]*\s*[,)])/,
  clientNames: ['manager', 'entityManager'],
  // Loaded on demand, as the other plugins' projects: the entity reader is not needed to run a rule.
  project: async (opts) => new (await import('./project.js')).TypeormProject(opts),
  dialect: typeormDialect,
  docs: typeormDocs,
};
