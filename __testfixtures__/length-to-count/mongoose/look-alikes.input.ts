import { User, Post } from '../../../test/mongoose/models.js';

// Rows used besides their count, an array's filter.
export async function run(_models: unknown, list: { age: number }[]) {
  const rows = await Post.find();
  const plain = list.filter((x) => x.age > 3).length;
  return { n: rows.length, titles: rows.map((r) => r.title), plain };
}
