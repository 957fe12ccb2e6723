import { User, Post } from '../../../test/sequelize/models.js';

// An offset page, rows also used.
export async function run(_models: unknown) {
  const paged = (await User.findAll({ offset: 20 })).length > 0;
  const rows = await User.findAll();
  return { paged, any: rows.length > 0, ids: rows.map((r) => r.id) };
}
