import { User, Post } from '../../../test/mongoose/models.js';

// Limited and skipped queries, an aggregate pipeline, rows used, an array's find.
export async function run(_models: unknown, list: { age: number }[]) {
  const limited = (await User.find().limit(3)).length;
  const skipped = (await User.find().skip(10)).length;
  const rows = await Post.find();
  const plain = list.filter((x) => x.age > 3).length;
  return { limited, skipped, titles: rows.map((r) => r.title), plain };
}
