import { User, Post } from '../../../test/sequelize/models.js';

// Limited, ordered by a nullable column, rows used after the loop.
export async function run(_models: unknown) {
  let total = 0;
  for (const u of await User.findAll({ limit: 5 })) total += u.age;
  for (const u of await User.findAll({ order: [['name', 'ASC']] })) total += u.age;
  const rows = await User.findAll();
  for (const u of rows) total += u.age;
  return { total, n: rows.length };
}
