import { User, Post } from '../../../test/sequelize/models.js';

// Not whole-table counts a count() can replace: limit/offset (count forces them
// to null), group (count returns an array), include without distinct (counts
// joined rows), rows used whole, a plain array.
export async function run(_models: unknown, list: { id: number }[]) {
  const limited = (await User.findAll({ limit: 3 })).length;
  const paged = (await User.findAll({ offset: 10 })).length;
  const grouped = (await Post.findAll({ attributes: ['authorId'], group: ['authorId'] })).length;
  const joined = (await User.findAll({ include: [{ model: Post, as: 'posts' }] })).length;
  const rows = await User.findAll();
  const plain = list.filter((r) => r.id > 1).length;
  return { limited, paged, grouped, joined, rows: rows.map((r) => r.id), plain };
}
