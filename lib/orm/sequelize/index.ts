/**
 * The Sequelize plugin (Sequelize 6): `<Model>.findAll(options)` loads on the
 * models the project declares with Model.init or sequelize.define; facts from
 * those declarations; find hooks make safe rewrites review.
 */
import type { OrmPlugin } from '../core/types.js';
import { SEQUELIZE_ID, sequelizeDialect } from './dialect.js';
import { sequelizeDocs } from './docs.js';

export const sequelizePlugin: OrmPlugin = {
  id: SEQUELIZE_ID,
  displayName: 'Sequelize',
  packages: ['sequelize', 'sequelize-typescript', '@sequelize/core'],
  prefilter: /\.\s*findAll\s*(?:\(|<)/,
  project: async () => new (await import('./project.js')).SequelizeProject(),
  dialect: sequelizeDialect,
  docs: sequelizeDocs,
};
