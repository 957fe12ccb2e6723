import { User, Post } from '../../../test/mongoose/models.js';

// Rows with several uses that read only named fields, or only the length: the
// load keeps its rows and loads just the paths read.
export async function run(_models: unknown, minAge: number) {
  const users = await User.find().sort({ _id: 1 }).lean();
  const found = users.find((u) => u.age >= minAge && u.active);
  const summary = { n: users.length, ids: users.map((u) => u._id), found: found ? found.email : null, anyBonus: users.some(({ bonus }) => (bonus ?? 0) > 0) };

  const posts = await Post.find().sort({ _id: 1 }).lean();
  const published = posts.filter((p) => p.published);
  let views = 0;
  for (const p of published) views += p.views;
  return { summary, published: published.length, views, all: posts.length };
}

export const cases: unknown[][] = [[0], [41], [1000]];
