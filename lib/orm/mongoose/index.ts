/**
 * The Mongoose plugin (Mongoose 7–9): `Model.find(filter)` query chains on the
 * models the project declares with `model(name, schema)`; facts from those
 * schemas; find middleware makes safe rewrites review.
 */
import type { OrmPlugin } from '../core/types.js';
import { MONGOOSE_ID, mongooseDialect } from './dialect.js';
import { mongooseDocs } from './docs.js';

export const mongoosePlugin: OrmPlugin = {
  id: MONGOOSE_ID,
  displayName: 'Mongoose',
  packages: ['mongoose', '@nestjs/mongoose'],
  prefilter: /\.\s*find\s*(?:\(|<)/,
  project: async () => new (await import('./project.js')).MongooseProject(),
  dialect: mongooseDialect,
  docs: mongooseDocs,
};
