// The seeded SQLite template for Sequelize fixtures: tables made by
// Sequelize's own sync() from ./models.ts, rows of ../prisma/seed.ts written
// through bulkCreate (so dates and booleans are stored as Sequelize stores them).

import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seedPosts, seedUsers } from '../shared/seed.js';
import { REPO_ROOT } from '../prisma/setup.js';
import { openSequelize } from './models.js';

export const SEQUELIZE_TEMPLATE_DB = join(REPO_ROOT, '.tmp', 'realdb', 'sequelize-template.db');

export async function buildSequelizeTemplate(path: string = SEQUELIZE_TEMPLATE_DB): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const { models, sequelize, close } = openSequelize(tmp);
  try {
    await sequelize.sync();
    await models.User.bulkCreate(seedUsers.map(({ balance: _b, ...u }) => ({ ...u })));
    await models.Post.bulkCreate(seedPosts.map((p) => ({ ...p })));
  } finally {
    await close();
  }
  renameSync(tmp, path);
  return path;
}
